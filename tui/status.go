package tui

import (
	"context"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/papertui/papers/store"
	"github.com/papertui/papers/tui/clean"
)

// errorFade is how long an error stays in the status bar when no key is
// pressed; the next key clears it at once.
const errorFade = 5 * time.Second

// say shows an event in the status bar; the latest event replaces
// whatever was there, an error included.
func (m *Model) say(s string) {
	m.notice, m.errMsg = s, ""
}

// fail shows an error in the status bar until the next key, a newer
// event, or errorFade.
func (m *Model) fail(s string) {
	m.notice, m.errMsg = s, s
	m.noticeSeq++
}

// clearError removes an error from the status bar, leaving other events.
func (m *Model) clearError() {
	if m.errMsg != "" {
		m.notice, m.errMsg = "", ""
	}
}

// errorFaded: an error has been shown for errorFade.
type errorFaded struct{ seq int }

// fadeError schedules the current error's fading, once per error.
func (m *Model) fadeError() tea.Cmd {
	if m.errMsg == "" || m.fadeSeq == m.noticeSeq || m.fadeAfter <= 0 {
		return nil
	}
	m.fadeSeq = m.noticeSeq
	seq := m.noticeSeq
	return tea.Tick(m.fadeAfter, func(time.Time) tea.Msg { return errorFaded{seq} })
}

func (m Model) errorFaded(msg errorFaded) (tea.Model, tea.Cmd) {
	if msg.seq == m.noticeSeq {
		m.clearError()
	}
	return m, nil
}

// libraryCounted: how many papers the library holds, whatever the view.
type libraryCounted struct {
	total int
	err   error
}

func libraryCountCmd(lib Library) tea.Cmd {
	return libCmd(func(ctx context.Context) tea.Msg {
		n, err := lib.Count(ctx, store.Filter{})
		return libraryCounted{total: n, err: err}
	})
}

func (m Model) libraryCounted(msg libraryCounted) (tea.Model, tea.Cmd) {
	if msg.err != nil {
		m.fail(clean.Line(msg.err.Error()))
		return m, nil
	}
	m.libTotal, m.libCounted = msg.total, true
	return m, nil
}

// libraryTotal is the library's paper count, the view's until it is known.
func (m Model) libraryTotal() int {
	if m.libCounted {
		return m.libTotal
	}
	return m.list.total
}
