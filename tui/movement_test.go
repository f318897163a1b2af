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
