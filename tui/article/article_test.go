package article

import (
	"strings"
	"testing"

	"github.com/papertui/papers/feed"
	"github.com/papertui/papers/store"
)

func TestFactsCountInTheRightNumber(t *testing.T) {
	for _, c := range []struct {
		up, comments int
		want         string
	}{
		{1, 1, "**▲ 1** upvote · **1** comment"},
		{0, 2, "**▲ 0** upvotes · **2** comments"},
	} {
		got := factsLine(store.Record{Paper: feed.Paper{Upvotes: c.up, Comments: c.comments}})
		if !strings.Contains(got, c.want) {
			t.Errorf("%d, %d: %q", c.up, c.comments, got)
		}
	}
}

// TestLinkStyleColoursLinks: a style with a link colour renders a link
// in it; the plain styles stay plain.
func TestLinkStyleColoursLinks(t *testing.T) {
	out, err := Render("see [the paper](https://arxiv.org/abs/2510.00001)", 80, LinkStyle("dark", "#FF00AA"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out, "255;0;170") {
		t.Errorf("the link is not in the colour: %q", out)
	}
	if LinkStyle("ascii", "#FF00AA") != "ascii" || LinkStyle("dark", "") != "dark" {
		t.Error("a plain style took a link colour")
	}
}
