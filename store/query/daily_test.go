package query

import (
	"slices"
	"strings"
	"testing"
)

func TestParseDailyFilters(t *testing.T) {
	q, err := Parse(`tag:Reading tag:thesis/ch2 has:note note:"strong baseline" is:new diffusion`)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(q.Tags, []string{"reading", "thesis/ch2"}) || !q.HasNote || !q.New ||
		!slices.Equal(q.Notes, []string{"strong baseline"}) || q.Match != `"diffusion"*` && q.Match != `"diffusion"` {
		t.Errorf("Parse = %+v", q)
	}
	if q.Empty() {
		t.Error("a query of daily filters is not empty")
	}
	back, err := Parse(q.String())
	if err != nil || !slices.Equal(back.Tags, q.Tags) || !slices.Equal(back.Notes, q.Notes) || back.HasNote != q.HasNote || back.New != q.New {
		t.Errorf("String %q parses back as %+v (%v)", q.String(), back, err)
	}
	if q, _ := Parse("has:note"); q.Empty() {
		t.Error("has:note alone is empty")
	}
	// has: and is: keep their old values.
	if q, err := Parse("has:code is:unread"); err != nil || !q.HasCode || !q.Unread {
		t.Errorf("has:code is:unread = %+v, %v", q, err)
	}
	for _, bad := range []string{"tag:", "tag:a:b", "tag:" + strings.Repeat("x", 65), "has:notes", "is:newer"} {
		if _, err := Parse(bad); err == nil {
			t.Errorf("Parse(%q) accepted", bad)
		}
	}
}
