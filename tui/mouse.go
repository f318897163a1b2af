package tui

import tea "charm.land/bubbletea/v2"

// The mouse: the wheel scrolls, a click selects a list row.

// onMouseWheel scrolls what is on top: the help, the reading pane, the
// detail when it has the focus, else the list.
func (m Model) onMouseWheel(msg tea.MouseWheelMsg) (tea.Model, tea.Cmd) {
	delta := 3
	if msg.Mouse().Button == tea.MouseWheelUp {
		delta = -3
	}
	if m.showHelp { // it covers every pane
		m.helpOffset = max(0, min(m.helpOffset+delta, len(m.helpLines(m.helpRect().w-2))-m.helpHeight()))
		return m, nil
	}
	if m.reader.open { // it covers the list (readermodal.go)
		return m.onReaderWheel(delta)
	}
	if m.focus == paneDetail {
		m.detail.vp.scroll(delta)
		return m, nil
	}
	m.list.move(delta, m.listHeight())
	return m, tea.Batch(m.loadPages(), m.wantDetail())
}

// onMouseClick selects the list row under the pointer.
func (m Model) onMouseClick(msg tea.MouseClickMsg) (tea.Model, tea.Cmd) {
	if m.reader.open {
		return m, nil // the list is under the reading pane
	}
	lay := m.layout(m.focus)
	pos := msg.Mouse()
	r := lay.panes[paneList]
	if !lay.visible[paneList] || pos.X < r.x || pos.X > r.x+r.w+1 {
		return m, nil
	}
	line := pos.Y - r.y - 2 // border and title
	if line < 0 {
		return m, nil
	}
	if i, ok := m.list.rowAtLine(line); ok {
		m.focus = paneList
		m.list.moveTo(i, m.listHeight())
		return m, tea.Batch(m.loadPages(), m.wantDetail())
	}
	return m, nil
}
