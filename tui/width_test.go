package tui

import (
	"context"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"github.com/papertui/papers/feed"
)

// TestEveryWidthDrawsExactLines: at every width from 60 to 250, in every
// pane, every line of the screen is exactly as wide as the terminal, so
// no border shifts.
func TestEveryWidthDrawsExactLines(t *testing.T) {
	everyWidthDrawsExactLines(t, Options{Style: "dark"})
}

// TestEveryWidthDrawsExactLinesInAUserLayout: the same in a layout with
// other columns in another order, panes side by side from 90 columns, the
// queue never a third column, and the list taking 60%.
func TestEveryWidthDrawsExactLinesInAUserLayout(t *testing.T) {
	everyWidthDrawsExactLines(t, Options{Style: "dark", Layout: Layout{Columns: []string{"tags", "title", "day", "who", "upvotes"},
		SideBySide: 90, ThreeColumns: 60, ListShare: 60}})
}

func everyWidthDrawsExactLines(t *testing.T, opts Options) {
	lib := newTestLibrary(t)
	must(t, lib.Tag(context.Background(), []string{"2510.00001"}, []string{"long-tag-name", "rl"}, nil))
	if _, err := lib.SaveDay(context.Background(), "2025-09-29", []feed.Paper{
		{ID: "2509.00007", Title: "A title ending in a joiner \u200d", Day: "2025-09-29", Organization: "Org\u200d"},
		{ID: "2509.00008", Title: "Family 👨\u200d👩\u200d👧 and flags 🇯🇵 and a long title to cut", Day: "2025-09-29"},
	}); err != nil {
		t.Fatal(err)
	}
	opts.Library = lib
	hs := &harness{t: t, m: testModel(opts)}
	hs.run(hs.m.Init())
	hs.send(sizeMsg(160, 48))
	hs.keys("b", "j", "b", "G", "b") // a queue to draw
	states := []struct {
		name string
		keys []string
	}{
		{"list", []string{"1", "g"}},
		{"list near the end", []string{"1", "G", "k"}},
		{"detail", []string{"2"}},
		{"queue", []string{"3"}},
		{"help", []string{"?"}},
		{"search", []string{"1", "/", "a"}},
	}
	for _, st := range states {
		hs.keys(st.keys...)
		for w := minWidth; w <= 250; w++ {
			for _, h := range []int{minHeight, 40} {
				hs.send(sizeMsg(w, h))
				lines := strings.Split(hs.screen(), "\n")
				if len(lines) > h {
					t.Errorf("%s at %d×%d: %d lines", st.name, w, h, len(lines))
				}
				for i, line := range lines {
					if got := ansi.StringWidth(line); got != w {
						t.Errorf("%s at %d×%d: line %d is %d cells: %q", st.name, w, h, i, got, line)
						break
					}
				}
			}
		}
		switch {
		case hs.m.showHelp:
			hs.keys("esc")
		case hs.m.search.typing:
			hs.keys("esc")
		}
	}
}

// TestEveryWidthDrawsExactLinesInANarrowShare: the extremes the
// configuration accepts (list_share 20 or 80, side by side and three
// columns from 60) must not squeeze a pane below what its rows need.
func TestEveryWidthDrawsExactLinesInANarrowShare(t *testing.T) {
	for _, share := range []int{20, 80} {
		everyWidthDrawsExactLines(t, Options{Style: "dark", Layout: Layout{SideBySide: 60, ThreeColumns: 60, ListShare: share}})
	}
}
