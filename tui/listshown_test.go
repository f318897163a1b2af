package tui

import (
	"context"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/papertui/papers/store"
)

// The list's last view, drawn while a new one loads (listPane.shown).

func firstRowOf(list string) string { return strings.Split(list, "\n")[1] }

// TestShownUntilTheNewViewSettles: a sort from the end of a long list
// (the selection kept, so looked for deep in the new order) shows the
// old rows until the new view's rows where the selection went are in:
// never the new view's top between the two, and a second key meanwhile
// keeps what is on screen, not the view never shown.
func TestShownUntilTheNewViewSettles(t *testing.T) {
	hs := newHarness(t, synthLibrary(t, 3000), 120, 30)
	hs.keys("G")
	old := hs.listText()
	next, cmd := hs.m.Update(keyMsg("s"))
	hs.m = next.(Model)
	// The view's first answers only: the pages they ask for in turn (where
	// the selection went) are left unanswered, so the view stays unsettled.
	for _, msg := range answers(t, cmd) {
		switch msg.(type) {
		case pageLoaded, countLoaded, selectionFound:
			next, _ := hs.m.Update(msg)
			hs.m = next.(Model)
			if got := hs.listText(); hs.m.list.shown != nil && got != old {
				t.Fatalf("after %T the list changed while the new view was not settled:\n%s\n\nwas:\n%s", msg, got, old)
			}
		}
	}
	if hs.m.list.shown == nil {
		t.Fatal("the new view settled on its first answers: the case is not tested")
	}
	next, cmd = hs.m.Update(keyMsg("s")) // again, before the last one settled
	hs.m = next.(Model)
	if got := hs.listText(); firstRowOf(got) != firstRowOf(old) {
		t.Errorf("a second sort before the first settled shows rows never on screen:\n%s", got)
	}
	hs.run(cmd)
	if hs.m.list.shown != nil || hs.listText() == old {
		t.Errorf("the new view never took the screen (shown %v)", hs.m.list.shown != nil)
	}
}

// TestClickWaitsForTheNewView: a click on a row of the last view, drawn
// while the new one loads, selects nothing (the row under the pointer is
// not the new view's); the wheel acts on the new view and shows it.
func TestClickWaitsForTheNewView(t *testing.T) {
	hs := newHarness(t, synthLibrary(t, 3000), 120, 30)
	hs.keys("G")
	next, cmd := hs.m.Update(keyMsg("s"))
	hs.m = next.(Model)
	if hs.m.list.shown == nil {
		t.Fatal("the last view is not drawn while the new one loads")
	}
	before := hs.m.list.cursor
	lay := hs.m.layout(hs.m.focus)
	r := lay.panes[paneList]
	hs.send(tea.MouseClickMsg{X: r.x + 3, Y: r.y + 6, Button: tea.MouseLeft})
	if hs.m.list.cursor != before || hs.m.list.shown == nil {
		t.Errorf("a click on the last view's rows moved the new view's cursor %d → %d", before, hs.m.list.cursor)
	}
	hs.send(tea.MouseWheelMsg{X: r.x + 3, Y: r.y + 6, Button: tea.MouseWheelDown})
	if hs.m.list.shown != nil {
		t.Error("the wheel left the last view on screen")
	}
	hs.run(cmd)
}

// countFailing is a library whose counts fail and whose pages are empty.
type countFailing struct{ *store.Store }

func (c countFailing) CountUpTo(ctx context.Context, f store.Filter, n int) (int, bool, error) {
	return 0, false, context.DeadlineExceeded
}

func (c countFailing) Entries(ctx context.Context, f store.Filter, off, n int) ([]store.Entry, error) {
	return nil, nil
}

// TestFailedViewLetsTheLastGo: when the new view's count fails and its
// first page is empty, the last view's rows do not stay on screen.
func TestFailedViewLetsTheLastGo(t *testing.T) {
	lib := newTestLibrary(t)
	hs := newHarness(t, lib, 120, 30)
	hs.requireScreen("Sparse Attention")
	hs.m.opts.Library = countFailing{lib}
	hs.keys("s")
	if hs.m.list.shown != nil || strings.Contains(hs.listText(), "Sparse Attention") {
		t.Errorf("the last view's rows stayed after the new view failed:\n%s", hs.listText())
	}
}
