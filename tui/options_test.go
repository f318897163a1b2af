package tui

import (
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/papertui/papers/store"
)

// TestOpensOnConfiguredViewAndSort: the configuration's reader.view and
// reader.sort choose what the first frame shows.
func TestOpensOnConfiguredViewAndSort(t *testing.T) {
	lib := newTestLibrary(t)
	hs := &harness{t: t, m: testModel(Options{Library: lib, Style: "dark", View: "day", Sort: store.SortUpvotes})}
	hs.run(hs.m.Init())
	hs.send(tea.WindowSizeMsg{Width: 160, Height: 48})
	hs.requireScreen("Thu 2 Oct 2025", "most upvoted")
	if hs.m.period.kind != periodDay || hs.m.period.anchor != "2025-10-02" || hs.m.sort != store.SortUpvotes {
		t.Errorf("opened on %+v sorted %s", hs.m.period, hs.m.sort)
	}
	// An empty library opened on a day falls back to all days.
	empty := &harness{t: t, m: testModel(Options{Library: emptyLibrary(t), Style: "dark", View: "week"})}
	empty.run(empty.m.Init())
	if empty.m.period.kind != periodAll {
		t.Errorf("empty library: period %+v", empty.m.period)
	}
}
