package article

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"

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
		got := strings.ReplaceAll(factsLine(store.Record{Paper: feed.Paper{Upvotes: c.up, Comments: c.comments}}), nonBreakingSpace, " ")
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

// TestFactsAreNotSplit: a fact of the facts line ("queued #12", "▲ 40
// upvotes") is never split over two lines; the line breaks between facts.
func TestFactsAreNotSplit(t *testing.T) {
	rec := store.Record{Paper: feed.Paper{ID: "2510.00002", Title: "T", Day: "2025-10-02", Upvotes: 40, Comments: 1,
		Published: time.Date(2025, 10, 1, 0, 0, 0, 0, time.UTC)}, Queued: true, QueuePos: 12, Read: true}
	facts := []string{"Feed day 2025-10-02", "arXiv 2025-10-01", "▲ 40 upvotes", "1 comment", "queued #12, read"}
	for width := 30; width <= 100; width++ {
		out, err := Render(Markdown(rec, Options{}), width, "dark")
		if err != nil {
			t.Fatal(err)
		}
		flat := strings.ReplaceAll(ansi.Strip(out), nonBreakingSpace, " ")
		for _, f := range facts {
			if !strings.Contains(flat, f) {
				t.Errorf("width %d: %q is split:\n%s", width, f, flat)
				break
			}
		}
	}
}

// TestWrappedTitleIsAligned: a title that wraps starts each of its lines
// at the column of the text below it. glamour's dark and light titles
// had a one-space pad before the first line only.
func TestWrappedTitleIsAligned(t *testing.T) {
	rec := store.Record{Paper: feed.Paper{ID: "2510.00003", Title: "EnvHarness: Awakening Static Worlds for Agent Learning",
		Authors: []feed.Author{{Name: "Ada Lovelace"}}}}
	for _, style := range []string{"dark", "light", LinkStyle("dark", "#FF00AA")} {
		out, err := Render(Markdown(rec, Options{}), 40, style)
		if err != nil {
			t.Fatal(err)
		}
		lines := strings.Split(ansi.Strip(out), "\n")
		indent := func(s string) int { return len(s) - len(strings.TrimLeft(s, " ")) }
		if len(lines) < 4 || strings.TrimSpace(lines[1]) == "" {
			t.Fatalf("%s: the title did not wrap at 40 columns:\n%s", style, out)
		}
		authors := slices.IndexFunc(lines, func(l string) bool { return strings.Contains(l, "Ada Lovelace") })
		if indent(lines[0]) != indent(lines[1]) || authors < 0 || indent(lines[0]) != indent(lines[authors]) {
			t.Errorf("%s: title lines and text start at different columns:\n%s", style, strings.Join(lines, "\n"))
		}
	}
}

// TestCodeLinesWrapInsideTheirBlock: a flattened table's row or a
// listing's line wider than the text wraps at spaces, each part inside
// the block (glamour started the rest at the text's margin, so a row read
// as two) and no number cut in two.
func TestCodeLinesWrapInsideTheirBlock(t *testing.T) {
	row := "Ours 70B 74.1 71.8 60.2 55.5 80.1 77.7 66.6 44.4 33.3 50.3 20.0 22.0 40.1 30.2 11.1 12.2 13.3"
	md := "Before.\n\n```\n" + row + "\n    indented " + row + "\n```\n\nAfter."
	for _, style := range []string{"dark", "ascii"} {
		for width := 30; width <= 110; width++ {
			out, err := Render(md, width, style)
			if err != nil {
				t.Fatal(err)
			}
			lines := strings.Split(ansi.Strip(out), "\n")
			indent := func(s string) int { return len(s) - len(strings.TrimLeft(s, " ")) }
			text := indent(lines[0]) // "Before."
			var words []string
			for _, l := range lines[1:] {
				if strings.TrimSpace(l) == "" || strings.Contains(l, "After.") {
					continue
				}
				if ansi.StringWidth(strings.TrimRight(l, " ")) > width || indent(l) <= text {
					t.Errorf("%s %d: a code line out of its block: %q\n%s", style, width, l, strings.Join(lines, "\n"))
					break
				}
				words = append(words, strings.Fields(l)...)
			}
			if want := append(strings.Fields(row), append([]string{"indented"}, strings.Fields(row)...)...); !slices.Equal(words, want) {
				t.Errorf("%s %d: the rows' words changed:\n%s", style, width, strings.Join(lines, "\n"))
			}
		}
	}
}
