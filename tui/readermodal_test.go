package tui

import (
	"context"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/papertui/papers/store"
)

// listState is what the list under the reading pane shows: the keys
// pressed in the pane must leave it as it was.
type listState struct {
	selected      string
	cursor, focus int
	filter        string
	unread        int
	allAuthors    bool
	detail        string
}

func listStateOf(t *testing.T, hs *harness, lib *store.Store) listState {
	t.Helper()
	u, err := lib.Unread(context.Background(), store.Filter{}, nil)
	must(t, err)
	f := hs.m.listFilter
	return listState{selected: hs.selectedID(), cursor: hs.m.list.cursor, focus: int(hs.m.focus),
		filter: strings.Join([]string{string(f.Sort), f.Since, f.Until, map[bool]string{true: "unread"}[f.Unread],
			map[bool]string{true: "new"}[f.Daily.New]}, "|"),
		unread: u.Total, allAuthors: hs.m.detail.allAuthors, detail: hs.m.detail.want.id}
}

func wheel(button tea.MouseButton) tea.MouseWheelMsg {
	return tea.MouseWheelMsg{X: 10, Y: 10, Button: button}
}

// TestReaderIsModal: while the reading pane is open, keys it does not use
// (the list's movement, ., c, C, a, enter, the views' keys…) and the
// mouse wheel never act on the list hidden under it, whether the paper
// has its text, is still loading, has none, or the outline is shown; esc
// finds the list as it was left.
func TestReaderIsModal(t *testing.T) {
	others := []string{".", "c", "C", "a", "enter", "v", "u", "s", "w", "U", "t", "R", "r", "ctrl+d", "F", "S"}
	for _, c := range []struct {
		name string
		move []string // to the paper, before R
		in   []string // in the pane, before the keys tried
	}{
		{name: "with its text"},
		{name: "in the outline", in: []string{"T"}},
		{name: "without its text", move: []string{"j"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			hs, lib := readerHarness(t, 160, 48)
			hs.keys(c.move...)
			before := listStateOf(t, hs, lib)
			hs.keys("R")
			hs.keys(c.in...)
			if !hs.m.reader.open {
				t.Fatal("R did not open the reading pane")
			}
			keys := others
			if hs.m.reader.doc == nil || hs.m.reader.outline {
				keys = append([]string{"j", "k", "G", "g", "pgdown", " "}, others...)
			}
			for _, k := range keys {
				hs.keys(k)
				hs.send(wheel(tea.MouseWheelDown))
				if !hs.m.reader.open || hs.m.daily.modal.open() || hs.m.search.typing {
					t.Fatalf("%s left the reading pane (open %v, modal %v, search %v)",
						k, hs.m.reader.open, hs.m.daily.modal.open(), hs.m.search.typing)
				}
			}
			if n := hs.m.notice; !strings.Contains(n, "reading pane") {
				t.Errorf("a key the pane does not use says %q, want a hint", n)
			}
			if c.in != nil {
				hs.keys("esc") // the outline
			}
			hs.keys("esc")
			if after := listStateOf(t, hs, lib); after != before {
				t.Errorf("the keys in the reading pane changed the list:\n before %+v\n after  %+v", before, after)
			}
			if strings.Contains(hs.m.notice, "reading pane") || strings.Contains(hs.m.notice, "no text") {
				t.Errorf("the pane's hint outlives it: %q", hs.m.notice)
			}
		})
	}
}

// TestReaderWheelScrollsIt: the wheel scrolls the text, and moves the
// outline's choice while it is shown, never the list.
func TestReaderWheelScrollsIt(t *testing.T) {
	hs, _ := readerHarness(t, 100, 30)
	hs.keys("R")
	hs.send(wheel(tea.MouseWheelDown))
	if hs.m.reader.offset != 3 {
		t.Errorf("the wheel put the text at line %d, want 3", hs.m.reader.offset)
	}
	hs.keys("T")
	at := hs.m.reader.outCursor
	hs.send(wheel(tea.MouseWheelDown))
	if hs.m.reader.outCursor <= at {
		t.Errorf("the wheel left the outline's choice on %d", hs.m.reader.outCursor)
	}
	hs.keys("esc", "?")
	at = hs.m.reader.offset
	hs.send(wheel(tea.MouseWheelDown))
	if hs.m.reader.offset != at || hs.m.helpOffset == 0 {
		t.Errorf("the wheel over the help: the pane under it at %d (was %d), the help at %d", hs.m.reader.offset, at, hs.m.helpOffset)
	}
	if hs.m.list.cursor != 0 {
		t.Errorf("the wheel moved the list under the pane to %d", hs.m.list.cursor)
	}
}

// TestReaderKeepsThePaperKeys: quit, help, and the keys acting on the
// paper being read (queue, read, open, copy, PDF) work in the pane, on
// that paper.
func TestReaderKeepsThePaperKeys(t *testing.T) {
	hs, lib := readerHarness(t, 160, 48)
	hs.keys("R", "T", "b")
	if !record(t, lib, "2510.00001").Queued || !hs.m.reader.open {
		t.Fatal("b in the outline did not queue the paper being read")
	}
	// Opening the whole paper read it; m marks it unread, and read again.
	hs.keys("esc", "m")
	if record(t, lib, "2510.00001").Read {
		t.Error("m in the reading pane did not mark the paper unread")
	}
	hs.keys("m")
	if !record(t, lib, "2510.00001").Read {
		t.Error("m in the reading pane did not mark the paper read")
	}
	hs.keys("y")
	if !strings.Contains(hs.m.notice, "copied") {
		t.Errorf("y says %q", hs.m.notice)
	}
	hs.keys("?")
	if !hs.m.showHelp {
		t.Error("? did not show the help over the reading pane")
	}
	hs.keys("esc")
	if hs.m.showHelp || !hs.m.reader.open {
		t.Errorf("esc on the help: help %v, reader open %v", hs.m.showHelp, hs.m.reader.open)
	}
	hs.keys("T")
	if _, cmd := hs.m.Update(keyMsg("q")); cmd == nil {
		t.Error("q in the outline does not quit")
	}
	hs.keys("esc", "/")
	if _, cmd := hs.m.Update(tea.KeyPressMsg{Code: 'c', Mod: tea.ModCtrl}); cmd == nil {
		t.Error("ctrl+c in the pane's search box does not quit")
	}
}
