package tui

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/papertui/papers/feed"
	"github.com/papertui/papers/store"
)

// countingUnread is the real library counting the unread counts asked
// of it: the view's (with its total) and days' alone.
type countingUnread struct {
	*store.Store
	views, days *int
}

func (c countingUnread) Unread(ctx context.Context, f store.Filter, days []string) (store.UnreadCounts, error) {
	*c.views++
	return c.Store.Unread(ctx, f, days)
}

func (c countingUnread) UnreadDays(ctx context.Context, f store.Filter, days []string) (map[string]int, error) {
	*c.days++
	return c.Store.UnreadDays(ctx, f, days)
}

// TestPagingAsksCountsForNewDaysOnly: scrolling through a library never
// counts the view again, and asks for days' counts only when the rows
// loaded bring a day not counted yet, not on every page; every day rule
// gets its count; a change of view counts the view again.
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
	must(t, lib.SetRead(context.Background(), true, "2601.10000", "2601.20499"))
	views, dayAsks := 0, 0
	hs := newHarness(t, countingUnread{lib, &views, &dayAsks}, 160, 48)
	hs.requireScreen("Wed 7 Jan 2026 · 500 unread")
	views, dayAsks = 0, 0
	pages := map[int]bool{}
	for hs.m.list.cursor < hs.m.list.count()-1 {
		hs.keys("pgdown")
		for p := range hs.m.list.pages {
			pages[p] = true
		}
		if strings.Contains(hs.screen(), "Tue 6 Jan 2026 ·") {
			hs.requireScreen("Tue 6 Jan 2026 · 499 unread")
		}
	}
	if len(pages) < 7 {
		t.Fatalf("paging to the end loaded %d pages, want all 8", len(pages))
	}
	if views != 0 || dayAsks != len(days)-1 {
		t.Errorf("paging through %d pages of %d days counted the view %d times and asked for days %d times; want 0 and %d (once a new day)",
			len(pages), len(days), views, dayAsks, len(days)-1)
	}
	hs.requireScreen("Mon 5 Jan 2026 · 499 unread")
	views = 0
	hs.keys("u")
	if views == 0 {
		t.Error("a new view did not count it")
	}
}

// TestDayNotCountedYetShowsNoCount: a day rule whose count has not come
// yet shows none, not "all read".
func TestDayNotCountedYetShowsNoCount(t *testing.T) {
	f := frame{unread: map[string]int{"2026-01-05": 0, "2026-01-06": 3}}
	for day, want := range map[string]string{"2026-01-05": " · all read", "2026-01-06": " · 3 unread", "2026-01-07": ""} {
		if got := f.dayUnread(day); got != want {
			t.Errorf("dayUnread(%s) = %q, want %q", day, got, want)
		}
	}
	if got := withDays(nil, map[string]int{"2026-01-06": 3}, []string{"2026-01-05", "2026-01-06"}); got["2026-01-05"] != 0 || len(got) != 2 {
		t.Errorf("withDays left out the day with none unread: %v", got)
	}
}
