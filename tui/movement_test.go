package tui

import (
	"testing"
)

// TestMovementCostDoesNotGrowWithTheList: every movement key looks at
// about a screen of rows, whether it crosses ten rows or 100,000.
func TestMovementCostDoesNotGrowWithTheList(t *testing.T) {
	const height = 40
	for _, total := range []int{100, 20_000} {
		for _, c := range []struct {
			name     string
			from, to int
		}{
			{"G from the top", 0, total - 1},
			{"g from the bottom", total - 1, 0},
			{"half page down", total / 2, total/2 + height/2},
			{"page up", total / 2, total/2 - height},
		} {
			l := newListPane(true)
			l.total, l.counted = total, true
			l.moveTo(c.from, height)
			l.rowsRead = 0
			l.moveTo(c.to, height)
			if l.cursor != c.to {
				t.Fatalf("%d rows, %s: cursor %d, want %d", total, c.name, l.cursor, c.to)
			}
			if l.rowsRead > height*height {
				t.Errorf("%d rows, %s: read %d rows to move", total, c.name, l.rowsRead)
			}
			if c.to < l.offset || c.to >= l.offset+height {
				t.Errorf("%d rows, %s: cursor %d outside the screen from %d", total, c.name, c.to, l.offset)
			}
		}
	}
}

// TestSelectionKeepsItsLineBeforeTheCount: a reload that finds the
// selected paper before the view's count arrives keeps it on its screen
// line; the count, once known, fills the screen only at the end.
func TestSelectionKeepsItsLineBeforeTheCount(t *testing.T) {
	const height, line = 20, 5
	for _, c := range []struct {
		name       string
		index      int
		total      int
		wantOffset int
	}{
		{"far from the end", 1000, 5000, 1000 - line},
		{"near the end", 4995, 5000, 5000 - height},
	} {
		l := newListPane(false)
		l.follow, l.followLine = []string{"x"}, line
		l.found(c.index, height)
		if l.offset != c.index-line {
			t.Fatalf("%s, before the count: offset %d, want %d (the selection on line %d)", c.name, l.offset, c.index-line, line)
		}
		l.total, l.counted = c.total, true
		l.clampTo(l.cursor, height)
		l.fillScreen(height)
		if l.offset != c.wantOffset || l.cursor != c.index {
			t.Errorf("%s, after the count: offset %d cursor %d, want %d and %d", c.name, l.offset, l.cursor, c.wantOffset, c.index)
		}
	}
}
