package tui

import (
	"context"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
)

func click(x, y int) tea.MouseClickMsg {
	return tea.MouseClickMsg{X: x, Y: y, Button: tea.MouseLeft}
}

// TestMouseGoesToWhatIsOnTop: like the keys, the wheel and clicks act on
// the help, the follows picker or a question when one is open, never on
// the list under them; in the picker, a click puts the cursor on the
// line clicked and enter applies it.
func TestMouseGoesToWhatIsOnTop(t *testing.T) {
	lib := newTestLibrary(t)
	must(t, lib.AddFollow(context.Background(), "fresh", "fresh"))
	must(t, lib.Tag(context.Background(), []string{"2509.00006"}, []string{"reading"}, nil))
	hs := newHarness(t, lib, 160, 48)
	second := rowOf(t, hs, "Evil Red Title")
	before := hs.selectedID()

	hs.keys("?")
	hs.send(click(5, second))
	hs.send(wheel(tea.MouseWheelDown))
	if !hs.m.showHelp || hs.selectedID() != before {
		t.Fatalf("a click under the help: help %v, selection %s (was %s)", hs.m.showHelp, hs.selectedID(), before)
	}
	hs.keys("esc")

	hs.keys("L")
	hs.send(wheel(tea.MouseWheelDown))
	hs.send(click(5, second))
	if !hs.m.daily.modal.open() || hs.selectedID() != before {
		t.Fatalf("the mouse under the tag prompt: open %v, selection %s (was %s)", hs.m.daily.modal.open(), hs.selectedID(), before)
	}
	hs.keys("esc")

	hs.keys("F")
	hs.requireScreen("#reading")
	hs.send(wheel(tea.MouseWheelDown))
	if hs.m.daily.modal.kind != modalPicker || hs.selectedID() != before {
		t.Fatalf("the wheel in the picker: picker %v, selection %s (was %s)", hs.m.daily.modal.kind == modalPicker, hs.selectedID(), before)
	}
	if c := hs.m.daily.modal.cursor; c != 1 {
		t.Fatalf("the wheel moved the picker's cursor to %d, want the last line, 1", c)
	}
	hs.send(wheel(tea.MouseWheelUp))
	hs.send(click(5, rowOf(t, hs, "#reading")))
	hs.send(click(5, 0)) // the border: nothing
	if c := hs.m.daily.modal.cursor; c != 1 || !strings.Contains(lineOf(t, hs, "#reading"), "1 paper") {
		t.Fatalf("the click on #reading: cursor %d", c)
	}
	hs.keys("enter")
	if !hs.m.search.active || hs.m.search.input.Value() != "tag:reading" {
		t.Errorf("enter after the click applied %q", hs.m.search.input.Value())
	}
}

// TestWheelInTheQueueMovesTheQueue: with the queue focused (at 80
// columns the list is hidden behind it), the wheel moves the queue's
// cursor, not the list's selection out of sight.
func TestWheelInTheQueueMovesTheQueue(t *testing.T) {
	lib := newTestLibrary(t)
	hs := newHarness(t, lib, 80, 24)
	hs.keys("b", "j", "b", "j", "b")
	before := hs.selectedID()
	hs.keys("3") // the queue pane
	if hs.m.focus != paneQueue {
		t.Fatalf("3 did not focus the queue: %v", hs.m.focus)
	}
	hs.send(wheel(tea.MouseWheelDown))
	if hs.selectedID() != before || hs.m.queue.cursor == 0 {
		t.Errorf("the wheel in the queue: list selection %s (was %s), queue cursor %d", hs.selectedID(), before, hs.m.queue.cursor)
	}
	if r, _ := hs.m.queue.selected(); hs.m.detail.want.id != r.ID {
		t.Errorf("the detail wants %s after the wheel, the queue's selection is %s", hs.m.detail.want.id, r.ID)
	}
}

// TestWheelScrollsThePaneUnderThePointer: with the list and the detail
// side by side, the wheel over the detail scrolls the detail, not the
// list's selection out from under it; over the list it moves the list,
// whichever pane has the focus.
func TestWheelScrollsThePaneUnderThePointer(t *testing.T) {
	lib := newTestLibrary(t)
	hs := newHarness(t, lib, 160, 15)
	lay := hs.m.layout(hs.m.focus)
	d, l := lay.panes[paneDetail], lay.panes[paneList]
	before := hs.selectedID()
	if !hs.m.detail.vp.scrolls() {
		t.Fatal("the detail needs to scroll for this test")
	}
	hs.send(tea.MouseWheelMsg{X: d.x + 5, Y: 5, Button: tea.MouseWheelDown})
	if hs.selectedID() != before || hs.m.detail.vp.offset == 0 {
		t.Fatalf("the wheel over the detail: selection %s (was %s), detail offset %d", hs.selectedID(), before, hs.m.detail.vp.offset)
	}
	hs.keys("2") // the detail has the focus: the wheel over the list moves the list
	hs.send(tea.MouseWheelMsg{X: l.x + 5, Y: 5, Button: tea.MouseWheelDown})
	if hs.selectedID() == before {
		t.Errorf("the wheel over the list left the selection on %s", before)
	}
}

// TestHorizontalWheelDoesNotScroll: a wheel tilted left or right (or a
// touchpad's sideways swipe) is not a wheel down.
func TestHorizontalWheelDoesNotScroll(t *testing.T) {
	lib := newTestLibrary(t)
	hs := newHarness(t, lib, 160, 48)
	before := hs.selectedID()
	hs.send(wheel(tea.MouseWheelRight))
	hs.send(wheel(tea.MouseWheelLeft))
	if hs.selectedID() != before {
		t.Errorf("a sideways wheel moved the selection from %s to %s", before, hs.selectedID())
	}
}

// TestClickFocusesThePane: a click on the detail or the queue gives it
// the focus (and the keys), a click on a queue row selects that row, and
// in a narrow terminal a click on a tab shows that pane, as 1 2 3 do.
func TestClickFocusesThePane(t *testing.T) {
	lib := newTestLibrary(t)
	hs := newHarness(t, lib, 200, 48) // three columns
	hs.keys("b", "j", "b", "j", "b")
	hs.requireScreen(" 3. ")
	lay := hs.m.layout(hs.m.focus)
	d, q := lay.panes[paneDetail], lay.panes[paneQueue]
	hs.send(click(d.x+5, d.y+5))
	if hs.m.focus != paneDetail {
		t.Fatalf("a click on the detail left the focus on %v", hs.m.focus)
	}
	hs.send(click(q.x+5, rowOf(t, hs, " 2. ")))
	if hs.m.focus != paneQueue || hs.m.queue.cursor != 1 {
		t.Fatalf("a click on the queue's second row: focus %v, cursor %d", hs.m.focus, hs.m.queue.cursor)
	}
	if r, _ := hs.m.queue.selected(); hs.m.detail.want.id != r.ID {
		t.Errorf("the detail wants %s after the click, the queue's selection is %s", hs.m.detail.want.id, r.ID)
	}

	hs.send(sizeMsg(80, 24)) // one pane at a time, with a tab bar
	hs.keys("1")
	bar := strings.Split(hs.screen(), "\n")[0]
	for _, tab := range []struct {
		label string
		p     pane
	}{{"Detail", paneDetail}, {"Queue", paneQueue}, {"Papers", paneList}} {
		hs.send(click(strings.Index(bar, tab.label)+1, 0))
		if hs.m.focus != tab.p {
			t.Errorf("a click on the %s tab: focus %v", tab.label, hs.m.focus)
		}
	}
}

// TestOnlyTheLeftButtonSelects: a right or middle click moves nothing.
func TestOnlyTheLeftButtonSelects(t *testing.T) {
	hs := newHarness(t, newTestLibrary(t), 160, 48)
	before := hs.m.list.cursor
	y := rowOf(t, hs, "A Benchmark for Agents")
	for _, b := range []tea.MouseButton{tea.MouseRight, tea.MouseMiddle} {
		hs.send(tea.MouseClickMsg{X: 10, Y: y, Button: b})
		if hs.m.list.cursor != before {
			t.Fatalf("button %v moved the selection from %d to %d", b, before, hs.m.list.cursor)
		}
	}
	hs.send(click(10, y))
	if hs.m.list.cursor == before {
		t.Error("the left button did not select the row: the test clicks nowhere")
	}
}
