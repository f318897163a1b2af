package tui

import (
	"context"
	"strings"
	"testing"
)

// TestPaperKeysWorkInEveryPane: the keys that act on the paper act on
// the selected one wherever it is selected.
func TestPaperKeysWorkInEveryPane(t *testing.T) {
	lib := newTestLibrary(t)
	hs := newHarness(t, lib, 160, 48)
	hs.keys("a") // from the list, beside the detail
	if !hs.m.detail.allAuthors || !hs.m.detail.shown.allAuthors {
		t.Error("a in the list did not show all authors")
	}
	hs.keys("b", "3", "enter", "x") // done from a detail opened from the queue
	assertQueue(t, lib)
	if rec, _ := lib.Record(context.Background(), "2510.00001"); !rec.Read || rec.Queued {
		t.Errorf("x in the detail: %+v", rec)
	}
	hs.keys("esc", "1", "j", "b", "x") // done from the list
	assertQueue(t, lib)
}

// TestKeysThatCannotActSayWhy: no key is silently ignored.
func TestKeysThatCannotActSayWhy(t *testing.T) {
	hs := newHarness(t, newTestLibrary(t), 160, 48)
	for _, c := range []struct{ key, says string }{
		{"x", "not in the queue"},
		{"K", "reorder the queue"},
		{"]", "press v"},
		{"n", "press / to search"},
	} {
		hs.keys(c.key)
		if !strings.Contains(hs.m.notice, c.says) {
			t.Errorf("%s says %q, want %q", c.key, hs.m.notice, c.says)
		}
	}
	empty := newHarness(t, emptyLibrary(t), 100, 24)
	empty.keys("o")
	if !strings.Contains(empty.m.notice, "no paper selected") {
		t.Errorf("o on an empty list says %q", empty.m.notice)
	}
}
