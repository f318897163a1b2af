package tui

// pane names a pane of the reader.
type pane int

const (
	paneList pane = iota
	paneDetail
	paneQueue
	paneCount
)

func (p pane) title() string {
	return [...]string{"Papers", "Detail", "Queue"}[p]
}

// Size limits of the layout.
const (
	minWidth    = 60
	minHeight   = 15
	sideBySide  = 120 // list and detail together from this width
	threeColumn = 180 // and the queue as a third column
	// minPaneWidth is the narrowest the list or the detail is drawn side
	// by side, its border included: a row's marks, upvotes, comments, day
	// (whole in a search) and a letter of its title need 24 columns. A
	// list_share or three_columns that would squeeze a pane below it
	// gives way.
	minPaneWidth = 26
)

// rect is where a pane is drawn, inside its border.
type rect struct{ x, y, w, h int }

// layout is where every pane goes for one terminal size.
type layout struct {
	tooSmall bool
	tabs     bool // one pane at a time, with a tab bar
	panes    [paneCount]rect
	visible  [paneCount]bool
}

// statusHeight is the status bar; tabHeight the tab bar in narrow mode.
const (
	statusHeight = 1
	tabHeight    = 1
	borderSize   = 2
)

// computeLayout places the panes for a width × height terminal, with
// focus deciding which pane a narrow terminal shows, in the default
// layout (Model.layout applies the user's).
func computeLayout(width, height int, focus pane) layout {
	return computeLayoutWith(Layout{}, width, height, focus)
}

// computeLayoutWith places the panes with a user's layout (columns.go).
func computeLayoutWith(user Layout, width, height int, focus pane) layout {
	cfg := user.withDefaults()
	var l layout
	if width < minWidth || height < minHeight {
		l.tooSmall = true
		return l
	}
	bodyH := height - statusHeight
	if width < cfg.SideBySide {
		l.tabs = true
		inner := rect{0, tabHeight, width - borderSize, bodyH - tabHeight - borderSize}
		l.panes[focus] = inner
		l.visible[focus] = true
		return l
	}
	// Three columns from three_columns on, when the list and the detail
	// keep their room beside the queue; else two, the right one the queue
	// while it has the focus, else the detail.
	columns := []pane{paneList, paneDetail, paneQueue}
	widths := splitWidths(width, 3, cfg.ListShare)
	if width < cfg.ThreeColumns || cfg.ThreeColumns < cfg.SideBySide || min(widths[0], widths[1]) < minPaneWidth {
		columns = columns[:2]
		if focus == paneQueue {
			columns[1] = paneQueue
		}
		widths = splitWidths(width, 2, cfg.ListShare)
	}
	x := 0
	for i, p := range columns {
		l.panes[p] = rect{x, 0, widths[i] - borderSize, bodyH - borderSize}
		l.visible[p] = true
		x += widths[i]
	}
	return l
}

// splitWidths gives the list its share (45% by default) with two
// columns, or 38/45 of it and the queue 24% with three; the detail takes
// the rest. With two, each keeps minPaneWidth at least.
func splitWidths(width, n, share int) []int {
	if n == 2 {
		list := max(minPaneWidth, min(width*share/100, width-minPaneWidth))
		return []int{list, width - list}
	}
	list := width * share * 38 / 45 / 100
	queue := width * 24 / 100
	return []int{list, width - list - queue, queue}
}
