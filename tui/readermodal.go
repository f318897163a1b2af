package tui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
)

// The reading pane is modal: it covers the other panes, so while it is
// open it has every key and the mouse wheel. Besides its own keys
// (reader.go) only a short list of others works there: quit, help, the
// pane keys (which close it first), and the keys acting on the paper
// being read. Any other key says it does nothing there, rather than act
// on the list hidden under the pane.

// readerOtherKey handles a key that is not the pane's own.
func (m Model) readerOtherKey(msg tea.KeyPressMsg) (tea.Model, tea.Cmd) {
	c := m.keys.Common
	switch {
	case key.Matches(msg, c.Quit):
		return m.quit()
	case key.Matches(msg, c.Help):
		return m.openHelp()
	case key.Matches(msg, c.Messages):
		return m.openMessages()
	case key.Matches(msg, c.NextPane, c.PrevPane, c.Pane1, c.Pane2, c.Pane3):
		next, cmd := m.closeReader()
		more, cmd2 := next.(Model).onKeyPress(msg)
		return more, tea.Batch(cmd, cmd2)
	case key.Matches(msg, m.readerPaperKeys()...):
		if next, cmd, handled := m.dailyKey(msg); handled { // L and e
			return next, cmd
		}
		if next, cmd, handled := m.paperKey(msg, m.reader.id); handled {
			return next, cmd
		}
	}
	// Short enough for an 80-column status line beside its right side,
	// which already says which key shows the help.
	where := "the reading pane"
	if m.reader.outline {
		where = "the outline" // the pane's own keys (/, n, }) wait for it to close
	}
	m.hintInReader(fmt.Sprintf("%s does nothing in %s · %s back", msg.String(), where, keyHint(m.keys.Reader.Back)))
	return m, nil
}

// hintInReader says why a key did nothing in the pane.
func (m *Model) hintInReader(s string) {
	m.say(s)
	m.reader.hint = s
}

// dropReaderHint clears the status bar of a hint of the pane as it
// closes: it would be wrong about the panes under it.
func (m *Model) dropReaderHint() {
	if m.reader.hint != "" && m.notice == m.reader.hint {
		m.say("")
	}
}

// readerPaperKeys are the keys that act on the paper being read from
// the reading pane: queue, read, done, open, PDF, copy, tag and note.
func (m Model) readerPaperKeys() []key.Binding {
	p, d := m.keys.Paper, m.keys.Daily
	return []key.Binding{p.ToggleQueue, p.ToggleRead, p.Done, p.OpenHF, p.OpenPDF, p.Copy, d.Tag, d.Note, d.Undo}
}

// readerHelpNote is the help screen's line on the keys that work in the
// reading pane besides its own, as bound.
func (m Model) readerHelpNote() string {
	var paper []string
	for _, b := range m.readerPaperKeys() {
		paper = append(paper, keyHint(b))
	}
	c := m.keys.Common
	return fmt.Sprintf("In the reading pane: its own keys, %s on the paper being read, %s, %s and %s; "+
		"%s, %s, %s, %s or %s close it and switch panes; other keys do nothing there.",
		strings.Join(paper, " "), keyHint(c.Help), keyHint(c.Messages), keyHint(c.Quit),
		keyHint(c.NextPane), keyHint(c.PrevPane), keyHint(c.Pane1), keyHint(c.Pane2), keyHint(c.Pane3))
}

// onReaderWheel scrolls the text, or moves the outline's choice while it
// is shown.
func (m Model) onReaderWheel(delta int) (tea.Model, tea.Cmd) {
	r := &m.reader
	switch {
	case r.doc == nil:
		return m, nil
	case r.outline:
		r.outCursor = max(0, min(r.outCursor+delta, len(r.doc.outline)-1))
		return m, nil
	}
	r.offset += delta
	r.clamp()
	return m, m.readerMoved()
}
