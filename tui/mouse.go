package tui

import tea "charm.land/bubbletea/v2"

// The mouse: the wheel scrolls, a click selects a list row. Like the
// keys, it goes to what is on top: the help, the reading pane, the
// follows picker or a question in the status bar, and never to the list
// hidden or held under them.

// onMouseWheel scrolls what is on top: the help, the reading pane, the
// picker; else the pane under the pointer (the focused one when the
// pointer is on no pane, as on the status bar): the detail scrolls, and
// the list or the queue takes the focus and moves its selection, as the
// keys do there, so the detail follows it.
func (m Model) onMouseWheel(msg tea.MouseWheelMsg) (tea.Model, tea.Cmd) {
	var delta int
	switch msg.Mouse().Button {
	case tea.MouseWheelDown:
		delta = 3
	case tea.MouseWheelUp:
		delta = -3
	default: // tilted sideways: nothing here scrolls across
		return m, nil
	}
	if m.showHelp { // it covers every pane
		m.helpOffset = max(0, min(m.helpOffset+delta, len(m.helpLines(m.helpRect().w-2))-m.helpHeight()))
		return m, nil
	}
	if m.reader.open { // it covers the list (readermodal.go)
		return m.onReaderWheel(delta)
	}
	if m.daily.modal.open() { // it has the keys (modal.go)
		return m.onModalWheel(delta)
	}
	p := m.focus
	if under, _, ok := m.paneAt(m.layout(m.focus), msg.Mouse()); ok {
		p = under
	}
	switch p {
	case paneDetail:
		m.detail.vp.scroll(delta)
		return m, nil
	case paneQueue: // the pane with the keys; the list may be hidden behind it
		m.queue.move(delta, m.queueHeight())
		return m.focusPane(paneQueue) // as j and k there: the detail follows
	}
	m.list.shown = nil // the wheel acts on the new view: show it as it is
	m.list.move(delta, m.listHeight())
	return m.focusPane(paneList)
}

// paneAt is the visible pane under the pointer, border included, and
// the line of its content (under its title) the pointer is on.
func (m Model) paneAt(lay layout, pos tea.Mouse) (p pane, line int, ok bool) {
	for p := range paneCount {
		r := lay.panes[p]
		if lay.visible[p] && pos.X >= r.x && pos.X <= r.x+r.w+1 && pos.Y >= r.y && pos.Y <= r.y+r.h+1 {
			return p, pos.Y - r.y - 2, true
		}
	}
	return 0, 0, false
}

// onMouseClick selects the list or queue row under the pointer and
// gives its pane the focus; a click on the detail focuses it, and one on
// a tab of the narrow layout's tab bar shows that pane, as 1 2 3 do.
// Only the left button: a right or middle click (a terminal's menu, a
// paste) moving the selection would be a surprise.
func (m Model) onMouseClick(msg tea.MouseClickMsg) (tea.Model, tea.Cmd) {
	if msg.Mouse().Button != tea.MouseLeft {
		return m, nil
	}
	if m.showHelp || m.reader.open {
		return m, nil // the list is under them
	}
	if m.daily.modal.open() {
		return m.onModalClick(msg)
	}
	lay := m.layout(m.focus)
	pos := msg.Mouse()
	if lay.tabs && pos.Y == 0 && !m.search.typing {
		if p, ok := m.tabAt(pos.X); ok && p != m.focus {
			return m.focusPane(p)
		}
		return m, nil
	}
	p, line, ok := m.paneAt(lay, pos)
	switch {
	case !ok:
		return m, nil
	case p == paneList:
		return m.onListClick(line)
	case m.search.typing: // the search box has the keys: only its rows answer
		return m, nil
	case p == paneQueue:
		if line >= 0 && line < m.queueHeight() && m.queue.offset+line < len(m.queue.records) {
			m.queue.cursor = m.queue.offset + line
		}
	}
	if p == m.focus && p == paneDetail {
		return m, nil
	}
	return m.focusPane(p)
}

// onListClick selects the list row on line of the pane's content.
func (m Model) onListClick(line int) (tea.Model, tea.Cmd) {
	if line < 0 || line >= m.listHeight() || m.list.shown != nil { // the rows drawn are the last view's
		return m, nil
	}
	if i, ok := m.list.rowAtLine(line); ok {
		m.list.moveTo(i, m.listHeight())
		return m.focusPane(paneList)
	}
	return m, nil
}

// listLineAt is the line of the list pane's content under the pointer,
// and how many lines the content has.
func (m Model) listLineAt(lay layout, pos tea.Mouse) (line, lines int, ok bool) {
	p, line, ok := m.paneAt(lay, pos)
	lines = lay.panes[paneList].h - 1 // under the border and the pane's title
	return line, lines, ok && p == paneList && line >= 0 && line < lines
}

// onModalWheel moves the picker's cursor; a question in the status bar
// holds the list where it is until it is answered.
func (m Model) onModalWheel(delta int) (tea.Model, tea.Cmd) {
	if s := &m.daily.modal; s.kind == modalPicker {
		s.pick(s.cursor + delta)
	}
	return m, nil
}

// onModalClick puts the picker's cursor on the line clicked; enter
// applies it, as with the keys.
func (m Model) onModalClick(msg tea.MouseClickMsg) (tea.Model, tea.Cmd) {
	s := &m.daily.modal
	if s.kind != modalPicker {
		return m, nil
	}
	line, lines, ok := m.listLineAt(m.layout(m.focus), msg.Mouse())
	if !ok || line == 0 { // line 0 is the picker's own title
		return m, nil
	}
	if i := pickerFirst(s.cursor, lines) + line - 1; i < len(s.picks) {
		s.pick(i)
	}
	return m, nil
}
