package tui

import (
	"time"

	tea "charm.land/bubbletea/v2"
)

// The first frame: what can wait for it, waits. The first detail is
// rendered a frame after the list's first page arrives, so building the
// glamour renderer (its styles, then the Markdown) does not compete for
// the CPU with drawing the list on a busy machine; later details render
// at once.

// firstDetailDelay is a frame at 60 per second, and a little more.
const firstDetailDelay = 20 * time.Millisecond

// afterFirstFrame runs cmd after the delay when nothing has been shown in
// the detail yet.
func (m Model) afterFirstFrame(cmd tea.Cmd) tea.Cmd {
	if cmd == nil || m.detail.shown.id != "" || m.detailDelay <= 0 {
		return cmd
	}
	d := m.detailDelay
	return func() tea.Msg {
		time.Sleep(d) // in the Cmd's goroutine: the UI loop never waits
		return cmd()
	}
}
