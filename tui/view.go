package tui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/papertui/papers/store"
)

// The root view: the layout of the panes, their borders and titles,
// the tab bar, and the frame each pane draws into.

// View draws the screen from the model; it does no I/O and no rendering
// of Markdown (that happened in a Cmd).
func (m Model) View() tea.View {
	if !m.framed && m.frameWait > 0 { // firstframe.go: blank until the first page
		v := tea.NewView("")
		v.AltScreen = true
		return v
	}
	if !m.lastScreen.valid || m.lastScreen.seq != m.drawSeq {
		m.lastScreen.content, m.lastScreen.seq, m.lastScreen.valid = m.screen(), m.drawSeq, true
	}
	v := tea.NewView(m.lastScreen.content)
	v.AltScreen = true
	if m.opts.Mouse {
		v.MouseMode = tea.MouseModeCellMotion
	}
	v.WindowTitle = "papers"
	return v
}

func (m Model) screen() string {
	if m.width == 0 {
		return ""
	}
	lay := m.layout(m.focus)
	if lay.tooSmall {
		return m.tooSmall()
	}
	if m.showHelp {
		return m.helpScreen()
	}
	if m.reader.open {
		return m.readerScreen()
	}
	if lay.tabs {
		p := m.focus
		return m.tabBar() + "\n" + m.box(p, lay.panes[p]) + "\n" + m.statusBar()
	}
	var boxes []boxed
	for p := range paneCount {
		if lay.visible[p] {
			boxes = append(boxes, m.boxOf(p, lay.panes[p]))
		}
	}
	// One builder for the frame, as long as the last one: the panes'
	// lines are written side by side into it, not joined and split.
	var b strings.Builder
	b.Grow(len(m.lastScreen.content) + 64)
	writeColumns(&b, boxes)
	b.WriteByte('\n')
	b.WriteString(m.statusBar())
	return b.String()
}

func (m Model) tooSmall() string {
	msg := fmt.Sprintf("terminal too small: %d×%d\nneeds at least %d×%d", m.width, m.height, minWidth, minHeight)
	return lipgloss.Place(m.width, m.height, lipgloss.Center, lipgloss.Center, msg)
}

func (m Model) tabBar() string {
	return fitLines([]string{strings.Join(m.tabs(), " ")}, m.width)[0]
}

// tabs are the tab bar's tabs, drawn, one a pane.
func (m Model) tabs() []string {
	var tabs []string
	c := m.keys.Common
	paneKeys := [paneCount]key.Binding{c.Pane1, c.Pane2, c.Pane3}
	for p := range paneCount {
		label := p.title() // unbound: no key to show
		if keys := paneKeys[p].Keys(); len(keys) > 0 {
			label = keys[0] + " " + label
		}
		if p == paneQueue && len(m.queue.records) > 0 {
			label += fmt.Sprintf(" (%d)", len(m.queue.records))
		}
		if p == m.focus {
			tabs = append(tabs, m.st.tabActive.Render(label))
		} else {
			tabs = append(tabs, m.st.tab.Render(label))
		}
	}
	return tabs
}

// tabAt is the pane whose tab is at column x of the tab bar.
func (m Model) tabAt(x int) (pane, bool) {
	left := 0
	for p, tab := range m.tabs() {
		right := left + ansi.StringWidth(tab)
		if x >= left && x < right {
			return pane(p), true
		}
		left = right + 1 // the space between tabs
	}
	return 0, false
}

// box draws a pane with its border and title into r.
func (m Model) box(p pane, r rect) string {
	x := m.boxOf(p, r)
	return drawBox(x.lines, x.w, x.h, x.border)
}

// boxed is a pane's lines, each exactly w cells wide, for a border h
// lines high.
type boxed struct {
	lines  []string
	w, h   int
	border paint
}

// boxOf is a pane's title and content in r. Lines are fitted and framed
// by hand: lipgloss's width and wrapping machinery cost more than the
// rest of a frame together.
func (m Model) boxOf(p pane, r rect) boxed {
	titleStyle, border := m.st.pPaneTitle, m.st.pBorder
	if p == m.focus {
		titleStyle, border = m.st.pPaneTitleActive, m.st.pBorderActive
	}
	lines := make([]string, 0, r.h)
	switch {
	case p == paneList && (m.search.typing || m.search.active):
		lines = append(lines, m.lastScreen.fitted.title(m.searchLine(r.w), r.w)) // cut with "…", as the other titles
	case p == paneList:
		head, counts := m.listTitle()
		lines = append(lines, titleStyle.on(fitKeeping(head, counts, r.w)))
	default:
		lines = append(lines, titleStyle.on(fit(m.paneTitle(p), r.w)))
	}
	content, fitted := m.paneContent(p, r.w, r.h-1)
	if !fitted {
		content = m.lastScreen.fitted.fit(content, r.w)
	}
	lines = append(lines, content...)
	return boxed{lines: lines, w: r.w, h: r.h, border: border}
}

// frame is what a pane needs to draw itself once: the room it has, the
// styles, the search words to mark and the keys to mention. Per-render
// facts travel in it, so a new one does not grow every renderer's
// parameters.
type frame struct {
	w, h  int
	st    *styles
	marks []string // search words, marked in titles
	keys  *keyMap
	// unread is each held day's unread papers in the view (nil: not
	// counted yet), for the day rules.
	unread map[string]int
	cols   []string // the user's list columns; nil for the default row
}

// frameOf is the frame for a pane's content of w × h.
func (m Model) frameOf(w, h int) frame {
	f := frame{w: w, h: h, st: m.st, marks: m.highlights(), keys: m.keys, cols: m.opts.Layout.Columns}
	if m.daily.counted {
		f.unread = m.daily.unreadDays
	}
	return f
}

// fitLines truncates or pads each line to exactly w cells.
func fitLines(lines []string, w int) []string {
	out := make([]string, len(lines))
	for i, line := range lines {
		if printableASCII(line) {
			out[i] = line[:min(len(line), max(w, 0))] + pad(w-len(line)) // cells.go
			continue
		}
		lw := ansi.StringWidth(line)
		if lw > w {
			line = ansi.Truncate(line, w, "")
			lw = ansi.StringWidth(line)
		}
		out[i] = line + strings.Repeat(" ", w-lw)
	}
	return out
}

// drawBox draws lines, each exactly w cells wide, into a rounded border h
// lines high.
func drawBox(lines []string, w, h int, paint paint) string {
	var b strings.Builder
	writeColumns(&b, []boxed{{lines: lines, w: w, h: h, border: paint}})
	return b.String()
}

// writeColumns writes boxes side by side, line by line; a box ends
// where its border does. Painted, not Rendered: lipgloss measures and
// wraps a Rendered string, which for a 250-column border line costs more
// than the rest of the frame; the paint is made once per theme
// (styles.go).
func writeColumns(b *strings.Builder, boxes []boxed) {
	height := 0
	edges := make([]boxEdges, len(boxes))
	for i, x := range boxes {
		height = max(height, x.h+2)
		edges[i] = x.edges()
	}
	for y := range height {
		if y > 0 {
			b.WriteByte('\n')
		}
		for i, x := range boxes {
			e := edges[i]
			switch {
			case y == 0:
				b.WriteString(e.top)
			case y == x.h+1:
				b.WriteString(e.bottom)
			case y < x.h+1:
				b.WriteString(e.side)
				if y-1 < len(x.lines) {
					b.WriteString(x.lines[y-1])
				} else {
					b.WriteString(pad(x.w))
				}
				b.WriteString(e.side)
			}
		}
	}
}

// boxEdges are a box's border lines and side, painted.
type boxEdges struct{ top, bottom, side string }

func (x boxed) edges() boxEdges {
	line := strings.Repeat("─", x.w)
	return boxEdges{top: x.border.on("╭" + line + "╮"), bottom: x.border.on("╰" + line + "╯"), side: x.border.on("│")}
}

func (m Model) paneTitle(p pane) string {
	switch p {
	case paneList:
		head, counts := m.listTitle()
		return head + counts
	case paneDetail:
		if m.detail.shown.id != "" && m.detail.vp.scrolls() { // an empty detail has no place to give
			return fmt.Sprintf("Detail %3d%%", m.detail.vp.percent()) + m.movedSince()
		}
		return "Detail" + m.movedSince()
	}
	return fmt.Sprintf("Queue (%d)", len(m.queue.records))
}

// listTitle is the list's title in two parts: what the view is (the
// period, the unread toggle, the sort), and its counts (position, unread,
// new), which a narrow pane keeps whole while the first part is cut.
func (m Model) listTitle() (head, counts string) {
	head = "Papers"
	if m.period.kind != periodAll {
		head += " · " + m.period.label()
	}
	if m.unreadOnly {
		head += " · unread"
	}
	if m.sort != store.SortNewest {
		head += " · " + sortLabel(m.sort)
	}
	return head, m.positionTitle(" ") + m.countsTitle()
}

// positionTitle is the selection's place in the view, "12/345" ("+"
// while only a capped count is known), after sep; "" before a count.
func (m Model) positionTitle(sep string) string {
	switch {
	case m.list.counted && m.list.total > 0:
		return sep + countOf(min(m.list.cursor+1, m.list.total), m.list.total)
	case m.list.capped:
		return sep + countOf(min(m.list.cursor+1, m.list.total), m.list.total) + "+"
	}
	return ""
}

// fitKeeping fits head and tail into w cells, cutting head (with "…")
// before tail: a title's counts say more than its words.
func fitKeeping(head, tail string, w int) string {
	return fit(cutBefore(head, ansi.StringWidth(tail), w)+tail, w)
}

// cutBefore is head cut (with "…") so that a tail tw cells wide still fits
// after it in w cells; head as it is when both fit, or when the tail
// leaves it no room (then the whole is cut at the end, as any line).
func cutBefore(head string, tw, w int) string {
	if ansi.StringWidth(head)+tw <= w || tw+2 > w {
		return head
	}
	return ansi.Truncate(head, w-tw, "…")
}

// paneContent is a pane's lines; fitted says they are already exactly w
// cells wide (the list's and the detail's, which are measured once when
// they are built, not on every frame).
func (m Model) paneContent(p pane, w, h int) ([]string, bool) {
	switch p {
	case paneList:
		if m.daily.modal.kind == modalPicker {
			return m.pickerView(w, h), false
		}
		if m.list.counted && m.list.count() == 0 {
			return strings.Split(m.emptyList(w), "\n"), false
		}
		return m.list.view(m.frameOf(w, h)), true
	case paneDetail:
		return m.detailContent(w)
	}
	return strings.Split(m.queue.view(m.frameOf(w, h)), "\n"), false
}
