package tui

import (
	"fmt"
	"slices"
	"strings"

	"github.com/charmbracelet/x/ansi"

	"github.com/papertui/papers/tui/article"
)

// A user's layout: which of the list's columns show and in what order,
// the width from which panes sit side by side, and the list's share of
// the width. The zero Layout is today's.

// Layout is a user's layout; zero fields keep the defaults.
type Layout struct {
	// Columns are the list's columns in order (ListColumns); nil keeps
	// the default. The title is always shown: where it is not named, it
	// goes before "who" and "tags", else last.
	Columns []string
	// SideBySide is the width from which the list and the detail sit
	// side by side; ThreeColumns the width from which the queue joins
	// them (below SideBySide: never). ListShare is the list's percent of
	// the width with two columns (with three it is 38/45 of it).
	SideBySide, ThreeColumns, ListShare int
}

// ListColumns are the list's columns, in the default order; the
// default row (listview.go's rowLine) shows all but tags.
var ListColumns = []string{"upvotes", "comments", "day", "title", "who", "tags"}

// Layout defaults.
const (
	defaultListShare = 45
)

// withDefaults fills the zero fields.
func (l Layout) withDefaults() Layout {
	if l.SideBySide == 0 {
		l.SideBySide = sideBySide
	}
	if l.ThreeColumns == 0 {
		l.ThreeColumns = threeColumn
	}
	if l.ListShare == 0 {
		l.ListShare = defaultListShare
	}
	return l
}

// rowColumns are the columns of a row in order, the title among them.
func rowColumns(cols []string) []string {
	if slices.Contains(cols, "title") {
		return cols
	}
	at := len(cols)
	for i, c := range cols {
		if c == "who" || c == "tags" {
			at = i
			break
		}
	}
	return slices.Insert(slices.Clone(cols), at, "title")
}

// layout is where every pane goes with the user's layout.
func (m Model) layout(focus pane) layout {
	return computeLayoutWith(m.opts.Layout, m.width, m.height, focus)
}

// cell is one column of a row: its separator, its text fitted to its
// width, and its paint.
type cell struct {
	sep, text string
	paint     paint
	title     bool
}

// columnsRowLine draws a row with a user's columns: fixed columns at
// their widths, the title in the rest; "day" shows only where the list
// has no day rules, "who" and "tags" only when there is room.
func columnsRowLine(f frame, r row, selected, showDay bool, mark, seen string) string {
	st, w := f.st, f.w
	cols := rowColumns(f.cols)
	cells := make([]cell, 0, len(cols))
	used := 2 // the marks
	for i, c := range cols {
		var x cell
		switch c {
		case "upvotes":
			x = cell{text: fmt.Sprintf("%5s", fmt.Sprintf("▲%d", r.Upvotes)), paint: st.pUpvotes}
		case "comments":
			x = cell{text: fmt.Sprintf("%3d", r.Comments), paint: st.pUpvotes}
		case "day":
			if !showDay {
				continue
			}
			x = cell{text: shortDay(r.Day), paint: st.pUpvotes}
		case "who":
			if w < 70 {
				continue
			}
			x = cell{sep: "  ", text: fit(r.who, min(24, w/4)), paint: st.pDimmed}
		case "tags":
			if w < 70 {
				continue
			}
			tags, tagsW := strings.TrimSpace(rowTags(r)), min(20, w/6)
			if i == len(cols)-1 {
				// Last, it lines nothing up: a row without tags gives
				// their room to its title, as in the default row.
				if tags == "" {
					continue
				}
				tagsW = min(tagsW, ansi.StringWidth(tags))
			}
			x = cell{sep: "  ", text: fit(tags, tagsW), paint: st.pDimmed}
		case "title":
			x = cell{title: true}
		default:
			continue
		}
		if x.sep == "" && len(cells) > 0 || x.title && len(cells) == 0 {
			x.sep = " "
		}
		used += ansi.StringWidth(x.sep + x.text)
		cells = append(cells, x)
	}
	text := st.pUnread
	if r.Read {
		text = st.pRead
	}
	var plain, painted strings.Builder
	plain.WriteString(mark + seen)
	if r.Queued {
		mark = st.pQueued.on(mark)
	}
	painted.WriteString(mark + st.pDimmed.on(seen))
	for _, x := range cells {
		if x.title {
			t := fit(r.title, max(1, w-used))
			plain.WriteString(x.sep + t)
			painted.WriteString(x.sep + text.on(article.MarkHits(t, f.marks, st.pHighlight.pre, st.pHighlight.post+text.pre)))
			continue
		}
		plain.WriteString(x.sep + x.text)
		painted.WriteString(x.sep + x.paint.on(x.text))
	}
	if selected {
		return st.pSelected.on(fit(plain.String(), w))
	}
	return fitPainted(painted.String(), ansi.StringWidth(plain.String()), w)
}

// fitPainted cuts or pads a painted line of width have to exactly w.
func fitPainted(s string, have, w int) string {
	if have > w {
		return ansi.Truncate(s, w, "")
	}
	return s + strings.Repeat(" ", w-have)
}
