package tui

import (
	"context"
	"fmt"
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/papertui/papers/feed"
	"github.com/papertui/papers/store"
)

// TestSelectionSurvivesReloadsThatOverlap: a long sync reloads the view
// after every day, and a reload's pages can arrive before the answer to
// where the selected paper went. However many reloads overlap, the
// selection ends on the paper it was on.
func TestSelectionSurvivesReloadsThatOverlap(t *testing.T) {
	lib := newTestLibrary(t)
	hs := newHarness(t, lib, 160, 48)
	hs.keys("j", "j", "j")
	want := hs.selectedID()
	var held []tea.Msg
	for k := 1; k <= 5; k++ {
		day := fmt.Sprintf("2025-10-%02d", 2+k)
		var papers []feed.Paper
		for i := range 3 {
			papers = append(papers, feed.Paper{ID: fmt.Sprintf("2510.1%02d%02d", k, i), Title: "New " + day, Day: day})
		}
		if _, err := lib.SaveDay(context.Background(), day, papers); err != nil {
			t.Fatal(err)
		}
		next, cmd := hs.m.Update(libraryVersion{version: int64(100 + k)})
		hs.m = next.(Model)
		held = append(held, hs.runHolding(cmd)...)
	}
	for _, msg := range held {
		hs.send(msg)
	}
	if got := hs.selectedID(); got != want {
		t.Errorf("selection moved from %s to %s", want, got)
	}
	hs.requireScreen("Papers 19/21")
}

// runHolding runs cmd like run, but holds back the answers to where the
// selection went, as a slow query would.
func (hs *harness) runHolding(cmd tea.Cmd) []tea.Msg {
	var held []tea.Msg
	drain(hs.t, cmd, func(msg tea.Msg) tea.Cmd {
		if _, ok := msg.(selectionFound); ok {
			held = append(held, msg)
			return nil
		}
		return hs.update(msg)
	})
	return held
}

// TestSortKeepsTheSelection: s and v reorder the list around the paper
// the cursor is on.
func TestSortKeepsTheSelection(t *testing.T) {
	hs := newHarness(t, newTestLibrary(t), 160, 48)
	hs.keys("j", "j", "j", "j") // 2510.00005, ▲9
	for _, k := range []string{"s", "s", "s", "v", "v", "v", "v"} {
		hs.keys(k)
		if got := hs.selectedID(); got != "2510.00005" {
			t.Fatalf("after %s the selection is on %s", k, got)
		}
	}
}

// TestSelectionLeavingTheViewGoesToItsNeighbour: a paper the view no
// longer holds hands the selection to the nearest one it does.
func TestSelectionLeavingTheViewGoesToItsNeighbour(t *testing.T) {
	hs := newHarness(t, newTestLibrary(t), 160, 48)
	hs.keys("j", "m", "u") // 2510.00002 read, then only unread papers
	if got := hs.selectedID(); got != "2510.00003" {
		t.Errorf("selection on %s, want the next paper 2510.00003", got)
	}
	hs.keys("G", "m", "u", "u") // the last paper read, then all, then unread again
	if got := hs.selectedID(); got != "2510.00005" {
		t.Errorf("selection on %s, want the paper above the last one", got)
	}
}

// TestEscFromSearchReturnsToThePaper: esc goes back to the paper selected
// before the search, even when the library changed meanwhile.
func TestEscFromSearchReturnsToThePaper(t *testing.T) {
	lib := newTestLibrary(t)
	hs := newHarness(t, lib, 160, 48)
	hs.keys("j", "j", "j", "/", "r", "e", "t", "r", "i", "enter")
	if _, err := lib.SaveDay(context.Background(), "2025-10-09", []feed.Paper{{ID: "2510.09999", Title: "Newer", Day: "2025-10-09"}}); err != nil {
		t.Fatal(err)
	}
	hs.keys("esc")
	if got := hs.selectedID(); got != "2510.00004" {
		t.Errorf("esc put the selection on %s", got)
	}
}

// TestViewKeepsTheSort: v into a week or month keeps the sort the user
// chose; only s changes it.
func TestViewKeepsTheSort(t *testing.T) {
	hs := newHarness(t, newTestLibrary(t), 160, 48)
	for _, k := range []string{"v", "v", "v", "v"} {
		hs.keys(k)
		if hs.m.sort != store.SortNewest {
			t.Fatalf("after %s (%s view) the sort is %s", k, hs.m.period.kind.name(), sortLabel(hs.m.sort))
		}
	}
}

// TestQueueSelectionFollowsItsPaper: another process reordering the
// queue does not move the queue's selection to another paper.
func TestQueueSelectionFollowsItsPaper(t *testing.T) {
	lib := newTestLibrary(t)
	must(t, lib.Enqueue(context.Background(), "2510.00001", "2510.00002", "2510.00003"))
	hs := newHarness(t, lib, 200, 50)
	hs.keys("3", "G")
	if err := lib.Move(context.Background(), "2510.00003", 1); err != nil {
		t.Fatal(err)
	}
	hs.send(libraryVersion{version: 42})
	hs.send(libraryVersion{version: 43})
	if r, _ := hs.m.queue.selected(); r.ID != "2510.00003" {
		t.Errorf("queue selection on %s", r.ID)
	}
}

// TestFoundOnTheFirstScreenShowsTheTop: a selection that a sort moved
// onto the first screen is shown with the rows above it, not kept on its
// old screen row with the top papers scrolled out of sight.
func TestFoundOnTheFirstScreenShowsTheTop(t *testing.T) {
	for _, tc := range []struct{ index, line, offset int }{
		{1, 0, 0},   // was 1: the top paper hidden above it
		{5, 2, 0},   // fits: from the top
		{50, 3, 47}, // further down: it keeps its screen row
	} {
		l := listPane{counted: true, total: 100, followLine: tc.line, pages: map[int][]row{}}
		l.found(tc.index, 12)
		if l.cursor != tc.index || l.offset != tc.offset {
			t.Errorf("found(%d) from screen row %d: cursor %d, offset %d, want offset %d", tc.index, tc.line, l.cursor, l.offset, tc.offset)
		}
	}
}

// TestFollowIDsBeforeTheFoundRowArrives: a reload found the selection
// deep in the new order, and its page is still on the way; a second s
// pressed then follows that paper, not nothing (it went to row 1).
func TestFollowIDsBeforeTheFoundRowArrives(t *testing.T) {
	l := newListPane(false)
	l.total, l.counted = 100000, true
	l.found(25265, 40)
	l.foundID, l.foundAt = "2601.00004", 25265
	if got := l.followIDs(); len(got) != 1 || got[0] != "2601.00004" {
		t.Errorf("followIDs before the row's page = %v, want the found paper", got)
	}
	l.cursor++ // the user moved on: the found paper is not the selection
	if got := l.followIDs(); len(got) != 0 {
		t.Errorf("followIDs after moving = %v, want none known", got)
	}
}

// TestRefreshKeepsTheScreenRow: papers another process (or a sync) adds
// above the selection leave it on its paper and on its screen row, not
// pushed to the bottom of the screen.
func TestRefreshKeepsTheScreenRow(t *testing.T) {
	lib := emptyLibrary(t)
	var older []feed.Paper
	for i := range 200 {
		older = append(older, feed.Paper{ID: fmt.Sprintf("2603.%05d", i), Title: fmt.Sprintf("Older %d", i), Day: "2026-03-10"})
	}
	_, err := lib.SaveDay(context.Background(), "2026-03-10", older)
	must(t, err)
	hs := newHarness(t, lib, 80, 24)
	for range 40 {
		hs.keys("j")
	}
	for range 10 {
		hs.keys("k")
	}
	id := hs.selectedID()
	line := hs.m.list.cursor - hs.m.list.offset
	var newer []feed.Paper
	for i := range 300 {
		newer = append(newer, feed.Paper{ID: fmt.Sprintf("2604.%05d", i), Title: fmt.Sprintf("Newer %d", i), Day: "2026-04-10"})
	}
	_, err = lib.SaveDay(context.Background(), "2026-04-10", newer)
	must(t, err)
	hs.send(libraryVersion{version: 42})
	hs.send(libraryVersion{version: 43})
	if got := hs.selectedID(); got != id {
		t.Fatalf("the selection moved from %s to %s", id, got)
	}
	if got := hs.m.list.cursor - hs.m.list.offset; got != line {
		t.Errorf("the selection went from screen row %d to %d", line, got)
	}
}

// TestPapersWithoutADayHaveTheirOwnRule: a paper added by id, never
// listed in the feed, is under a rule saying so, not under the oldest
// day's.
func TestPapersWithoutADayHaveTheirOwnRule(t *testing.T) {
	lib := emptyLibrary(t)
	_, err := lib.SaveDay(context.Background(), "2026-03-10", []feed.Paper{{ID: "2603.00001", Title: "Listed paper", Day: "2026-03-10"}})
	must(t, err)
	_, err = lib.SavePapers(context.Background(), []feed.Paper{{ID: "2405.18407", Title: "Phased Consistency Model"}})
	must(t, err)
	hs := newHarness(t, lib, 160, 48)
	rule, paper := rowOf(t, hs, "── not in the feed"), rowOf(t, hs, "Phased Consistency Model")
	if listed := rowOf(t, hs, "Listed paper"); !(listed < rule && rule < paper) {
		t.Errorf("rows: listed %d, rule %d, undated %d\n%s", listed, rule, paper, hs.screen())
	}
}
