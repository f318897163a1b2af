package tui

import (
	"context"
	"fmt"
	"testing"

	"github.com/papertui/papers/feed"
	"github.com/papertui/papers/store"
)

// countingUnread is the real library counting the unread counts asked
// of it.
type countingUnread struct {
	*store.Store
	asked *int
}

func (c countingUnread) Unread(ctx context.Context, f store.Filter, days []string) (store.UnreadCounts, error) {
	*c.asked++
	return c.Store.Unread(ctx, f, days)
}

// TestPagingAsksCountsForNewDaysOnly: scrolling through a library asks
// for the unread counts again only when the rows loaded bring a day not
// counted yet, not on every page; a change of view asks again.
func TestPagingAsksCountsForNewDaysOnly(t *testing.T) {
	lib := emptyLibrary(t)
	days := []string{"2026-01-07", "2026-01-06", "2026-01-05"}
	for d, day := range days { // 500 papers a day: two or three pages each
		var papers []feed.Paper
		for i := range 500 {
			papers = append(papers, feed.Paper{ID: fmt.Sprintf("2601.%d%04d", d, i), Title: "P", Day: day})
		}
		_, err := lib.SaveDay(context.Background(), day, papers)
		must(t, err)
	}
	asked := 0
	hs := newHarness(t, countingUnread{lib, &asked}, 160, 48)
	asked = 0
	pages := map[int]bool{}
	for hs.m.list.cursor < hs.m.list.count()-1 {
		hs.keys("pgdown")
		for p := range hs.m.list.pages {
			pages[p] = true
		}
	}
	if len(pages) < 7 {
		t.Fatalf("paging to the end loaded %d pages, want all 8", len(pages))
	}
	if asked != len(days)-1 {
		t.Errorf("paging through %d pages of %d days asked the counts %d times, want %d (once a new day)",
			len(pages), len(days), asked, len(days)-1)
	}
	hs.requireScreen("Mon 5 Jan 2026 · 500 unread")
	asked = 0
	hs.keys("u")
	if asked == 0 {
		t.Error("a new view did not ask for its counts")
	}
}
