package tui

import (
	"strings"
	"testing"

	"github.com/papertui/papers/store"
)

// TestSessionRestoresViewSortSearchAndSelection: the session a reader
// quits with opens the next one on the same view, order, search and
// paper; esc then returns to the order from before the search.
func TestSessionRestoresViewSortSearchAndSelection(t *testing.T) {
	lib := newTestLibrary(t)
	hs := newHarness(t, lib, 160, 48)
	hs.keys("s", "/", "a", "enter", "j") // upvotes, then a search for "a", the second hit
	first := hs.m.session()
	if first.Search != "a" || first.Selected == "" || first.SortBefore != store.SortUpvotes {
		t.Fatalf("session %+v", first)
	}
	next := &harness{t: t, m: testModel(Options{Library: lib, Style: "dark", Restore: &first})}
	next.send(sizeMsg(160, 48)) // the terminal's size comes before the library's answers
	next.run(next.m.Init())
	if got := next.m.session(); got != first {
		t.Errorf("restored %+v, want %+v", got, first)
	}
	next.requireScreen("/ a")
	next.keys("esc")
	if next.m.search.active || next.m.sort != store.SortUpvotes {
		t.Errorf("esc after a restore: search %v sort %q", next.m.search.active, next.m.sort)
	}

	// A period and the unread toggle, with the selection further down.
	hs = newHarness(t, lib, 160, 48)
	hs.keys("v", "v", "u", "j")
	week := hs.m.session()
	if week.View != "week" || week.Anchor == "" || !week.Unread {
		t.Fatalf("session %+v", week)
	}
	again := &harness{t: t, m: testModel(Options{Library: lib, Style: "dark", Restore: &week})}
	again.send(sizeMsg(160, 48))
	again.run(again.m.Init())
	if got := again.m.session(); got != week {
		t.Errorf("restored %+v, want %+v", got, week)
	}
}

// TestSessionThatNoLongerFitsOpensAnyway: a paper gone from the library
// or a search that no longer parses leaves the reader opening as usual.
func TestSessionThatNoLongerFitsOpensAnyway(t *testing.T) {
	hs := &harness{t: t, m: testModel(Options{Library: newTestLibrary(t), Style: "dark",
		Restore: &Session{View: "year", Sort: "sideways", Search: "upvotes:>", Selected: "9999.99999", Line: 40}})}
	hs.run(hs.m.Init())
	hs.send(sizeMsg(160, 48))
	if hs.m.search.active || hs.m.sort != store.SortNewest || hs.m.period.kind != periodAll || hs.m.list.cursor != 0 {
		t.Errorf("opened on search %v sort %q period %v cursor %d", hs.m.search.active, hs.m.sort, hs.m.period.kind, hs.m.list.cursor)
	}
	hs.requireScreen("Sparse Attention at Scale")
}

// TestOpenedOnAnotherOrderHasNoDayRules: a reader opened on the most
// upvoted first (reader.sort) draws no day rule over each row.
func TestOpenedOnAnotherOrderHasNoDayRules(t *testing.T) {
	hs := &harness{t: t, m: testModel(Options{Library: newTestLibrary(t), Style: "dark", Sort: store.SortUpvotes})}
	hs.run(hs.m.Init())
	hs.send(sizeMsg(160, 48))
	if s := hs.screen(); strings.Contains(s, "── Thu 2 Oct 2025") || !strings.Contains(s, "most upvoted") {
		t.Errorf("opened on upvotes with day rules:\n%s", s)
	}
}
