package article

import (
	"fmt"
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

// TestURLsAndFlagsAreNotCutAtHyphens: glamour wraps after every "-", which
// left half a URL (or "--all-" of a flag) at a line's end, so a copy or a
// click got half of it. A link goes whole to the next line instead.
func TestURLsAndFlagsAreNotCutAtHyphens(t *testing.T) {
	const page = "https://example.org/some-lab/a-project-page-with-dashes" // narrower than the text
	var authors []feed.Author
	for i := range 20 {
		authors = append(authors, feed.Author{Name: fmt.Sprintf("Author Number%d", i)})
	}
	rec := store.Record{Paper: feed.Paper{ID: "2604.19748", Title: "A title", ProjectPage: page, Authors: authors}}
	for width := 60; width <= 100; width++ {
		out, err := Render(Markdown(rec, Options{MoreHint: "--all-authors shows all"}), width, "ascii")
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(out, page) || !strings.Contains(out, "--all-authors") {
			t.Errorf("width %d: the URL or the flag is cut:\n%s", width, out)
		}
		if strings.Contains(out, nonBreakingHyphen) {
			t.Errorf("width %d: a non-breaking hyphen left in the output", width)
		}
	}
}
