package tui

import (
	"strings"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
)

// The message log: what the status bar said, kept so that a message cut
// at the terminal's width, or cleared by the next key, can be read whole
// (M shows it over the panes, as the help is shown).

// maxMessages is how many messages the log keeps.
const maxMessages = 100

// logged is one message the status bar showed.
type logged struct {
	at   time.Time
	text string
	err  bool
}

// logMessage keeps a message; the same one said again (a key pressed
// twice where it does nothing) is kept once, at its latest time.
func (m *Model) logMessage(s string, isErr bool) {
	if s == "" {
		return
	}
	now := time.Now()
	if n := len(m.messages); n > 0 && m.messages[n-1].text == s && m.messages[n-1].err == isErr {
		// A copy: Models are copied on every message, and an older one
		// must not see its log change under it.
		m.messages = append(m.messages[:n-1:n-1], logged{now, s, isErr})
		return
	}
	keep := m.messages[max(0, len(m.messages)-maxMessages+1):]
	m.messages = append(keep[:len(keep):len(keep)], logged{now, s, isErr})
}

// openMessages shows the message log over whatever is open, newest first.
func (m Model) openMessages() (tea.Model, tea.Cmd) {
	m.showHelp, m.helpOffset, m.helpMessages = true, 0, true
	return m, nil
}

// messageLines are the log's lines for a width, newest first: a time,
// then the message wrapped under it, errors in the error style.
func (m Model) messageLines(width int) []string {
	if len(m.messages) == 0 {
		return []string{m.st.dimmed.Render("Nothing said yet this session.")}
	}
	const stamp = "15:04:05 "
	var lines []string
	for i := len(m.messages) - 1; i >= 0; i-- {
		msg := m.messages[i]
		style := m.st.dimmed
		if msg.err {
			style = m.st.statusErr
		}
		wrapped := strings.Split(ansi.Wrap(msg.text, max(1, width-len(stamp)), ""), "\n")
		for j, l := range wrapped {
			head := strings.Repeat(" ", len(stamp))
			if j == 0 {
				head = m.st.dimmed.Render(msg.at.Format(stamp))
			}
			if msg.err {
				lines = append(lines, head+style.Render(l))
			} else {
				lines = append(lines, head+l)
			}
		}
	}
	return lines
}
