package tui

import (
	"context"
	"fmt"
	"strings"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/papertui/papers/internal/english"
	"github.com/papertui/papers/store"
	"github.com/papertui/papers/tui/clean"
)

// The status bar: events and errors (which fade), counts, saving….

// errorFade is how long an error stays in the status bar when no key is
// pressed; the next key clears it at once.
const errorFade = 5 * time.Second

// errorFaded: an error has been shown for errorFade.
type errorFaded struct{ seq int }

// libraryCounted: how many papers the library holds, whatever the view.
type libraryCounted struct {
	total int
	err   error
}

// countOf is "9,577/9,577": both numbers formatted alike.
func countOf(n, total int) string {
	return english.Number(n) + "/" + english.Number(total)
}

func (m Model) onErrorFaded(msg errorFaded) (tea.Model, tea.Cmd) {
	if msg.seq == m.noticeSeq {
		m.clearError()
	}
	return m, nil
}

func (m Model) onLibraryCounted(msg libraryCounted) (tea.Model, tea.Cmd) {
	if msg.err != nil {
		m.fail(clean.Line(msg.err.Error()))
		return m, nil
	}
	m.libTotal, m.libCounted = msg.total, true
	return m, nil
}

// say shows an event in the status bar; the latest event replaces
// whatever was there, an error included.
func (m *Model) say(s string) {
	m.notice, m.errMsg = s, ""
	m.logMessage(s, false)
}

// fail shows an error in the status bar until the next key, a newer
// event, or errorFade.
func (m *Model) fail(s string) {
	m.notice, m.errMsg = s, s
	m.noticeSeq++
	m.logMessage(s, true)
}

// clearStatus removes the event or error the status bar shows: at a key,
// it was read, and it is about what came before ("sorted by newest"
// after the view changed, "cancelled" five keys later, misled).
func (m *Model) clearStatus() {
	m.notice, m.errMsg = "", ""
}

// clearError removes an error from the status bar, leaving other events.
func (m *Model) clearError() {
	if m.errMsg != "" {
		m.notice, m.errMsg = "", ""
	}
}

// fadeError schedules the current error's fading, once per error.
func (m *Model) fadeError() tea.Cmd {
	if m.errMsg == "" || m.fadeSeq == m.noticeSeq || m.fadeAfter <= 0 {
		return nil
	}
	m.fadeSeq = m.noticeSeq
	seq := m.noticeSeq
	return tea.Tick(m.fadeAfter, func(time.Time) tea.Msg { return errorFaded{seq} })
}

// libraryTotal is the library's paper count, the view's until it is known.
func (m Model) libraryTotal() int {
	if m.libCounted {
		return m.libTotal
	}
	return m.list.total
}

// statusBar: sync state or the last message on the left, counts and the
// help key on the right.
func (m Model) statusBar() string {
	if m.daily.modal.open() && m.daily.modal.kind != modalPicker {
		return fit(m.modalLine(), m.width) // the input takes the whole line
	}
	left := m.statusLeft()
	key := statusKey{width: m.width, st: m.st, offline: m.sync.offline, status: m.sync.status, unreachable: m.sync.unreachable, total: m.libraryTotal(),
		queued: len(m.queue.records), help: m.keys.Common.Help.Help().Key, left: left}
	if drawn := &m.lastScreen.status; drawn.key != key || drawn.line == "" {
		drawn.key, drawn.line = key, m.drawStatus(left)
	}
	return m.lastScreen.status.line
}

// statusDrawn is the status bar last drawn and what it was drawn from:
// styling and measuring it was a fifth of a frame, and it seldom changes.
type statusDrawn struct {
	key  statusKey
	line string
}

// statusKey is everything the status bar shows (drawStatus).
type statusKey struct {
	width         int
	st            *styles
	offline       bool
	status        int
	unreachable   bool
	total, queued int
	help, left    string
}

// drawStatus puts the message on the left and the counts on the right.
// A message takes the room it needs: the counts give way to it from
// their end (the help key first, the offline mark last), and only a
// message wider than the terminal is cut, with an ellipsis.
func (m Model) drawStatus(left string) string {
	lw := ansi.StringWidth(left)
	right := ""
	for _, r := range m.statusRights() {
		if lw+1+ansi.StringWidth(r) <= m.width {
			right = r
			break
		}
	}
	if right == "" {
		// The cut says where the rest is (the message log, messages.go).
		tail := "…"
		if k, ok := boundLabel(m.keys.Common.Messages); ok && m.width >= 4*ansi.StringWidth(tail+" "+k+" shows all") {
			tail += " " + k + " shows all"
		}
		left = ansi.Truncate(left, max(0, m.width), tail)
		lw = ansi.StringWidth(left)
	}
	gap := strings.Repeat(" ", max(0, m.width-lw-ansi.StringWidth(right)))
	return ansi.Truncate(left+gap+right, m.width, "")
}

// statusRights are the right side of the status bar, widest first, each
// without the last fact of the one before; "" last.
func (m Model) statusRights() []string {
	papers := english.Count(m.libraryTotal(), "paper")
	mark := ""
	if m.sync.offline {
		// A short mark that stays while the feed cannot be reached; the
		// error itself fades like any other.
		mark = m.st.statusErr.Render(feedMark(m.sync.status, m.sync.unreachable))
		papers = english.Number(m.libraryTotal()) + " cached papers"
	}
	facts := []string{papers, fmt.Sprintf("%d queued", len(m.queue.records))}
	if k, ok := boundLabel(m.keys.Common.Help); ok {
		facts = append(facts, k+" help")
	}
	var out []string
	for n := len(facts); n > 0; n-- {
		r := m.st.status.Render(strings.Join(facts[:n], " · "))
		if mark != "" {
			r = mark + m.st.status.Render(" · ") + r
		}
		out = append(out, r)
	}
	if mark != "" {
		out = append(out, mark)
	}
	return append(out, "")
}

func (m Model) statusLeft() string {
	switch {
	case len(m.writes) > 0:
		return m.st.status.Render("saving…")
	case m.sync.running:
		// The sync goes on for long: the latest event shows beside it.
		s := m.sync.spin.View() + " syncing…"
		if m.sync.day != "" {
			s = m.sync.spin.View() + fmt.Sprintf(" syncing %s (%s)", m.sync.day, countOf(m.sync.index, m.sync.total))
		}
		if r := m.retryLine(); r != "" {
			s += m.st.statusErr.Render(" · " + r)
		}
		if m.errMsg != "" {
			return s + m.st.statusErr.Render(" · "+m.errMsg)
		}
		if m.notice != "" {
			s += m.st.status.Render(" · " + m.notice)
		}
		return s
	case m.textStatus() != "": // textfetch.go
		s := m.st.status.Render(m.textStatus())
		if m.errMsg != "" {
			s += m.st.statusErr.Render(" · " + m.errMsg)
		}
		return s
	case m.errMsg != "":
		return m.st.statusErr.Render(m.errMsg)
	case m.notice != "":
		return m.st.status.Render(m.notice)
	}
	return ""
}

func libraryCountCmd(lib Library) tea.Cmd {
	return libCmd(func(ctx context.Context) tea.Msg {
		n, err := lib.Count(ctx, store.Filter{})
		return libraryCounted{total: n, err: err}
	})
}

// feedMark is the status bar's word for a sync that fetched nothing:
// offline only when the feed could not be reached; else by the HTTP
// status the feed answered with: a server error is the feed being down,
// but a refusal (a bad token, a bad request), a rate limit or an address
// that answers 404 is not, and asks something else of the user; with no
// status, the feed timed out or answered something that is not the feed
// (a captive portal's login page).
func feedMark(status int, unreachable bool) string {
	switch {
	case unreachable:
		return "offline"
	case status == 0: // a timeout, or an answer that is not the feed (a login page)
		return "feed failing"
	case status == 429: // Too Many Requests
		return "rate limited"
	case status == 404: // a wrong --api, or the feed moved
		return "feed not found"
	case status >= 500:
		return "feed down"
	}
	return "feed refused"
}
