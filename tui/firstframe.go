package tui

import (
	"time"

	tea "charm.land/bubbletea/v2"
)

// The first frame: what can wait for it, waits.
//
// The view's first load needs the last visit: its first page marks what
// is new since then, so started before, the page and its count would be
// asked for twice, the first answers dropped, and the first rows would
// come after both. cmd/papers reads the visit before the program starts
// (Options.LastSeen), so the page is asked for in Init; without it, the
// visit is read first (a one-row query) and the page after its message.
//
// Nothing is drawn before the first page is in (or has failed, or
// firstFrameWait has passed): the empty panes would cost a layout and a
// flush of the whole screen each, for a frame nobody reads, while the
// page's query waits for the CPU.
//
// The first detail is rendered a frame after the list's first page
// arrives, so building the glamour renderer (its styles, then the
// Markdown) does not compete for the CPU with drawing the list on a busy
// machine; later details render at once.

// firstDetailDelay is a frame at 60 per second, and a little more.
const firstDetailDelay = 20 * time.Millisecond

// firstFrameWait is how long the screen stays blank at most, waiting
// for the first page: then the panes show, with what they hold.
const firstFrameWait = 150 * time.Millisecond

// firstFrameDue: firstFrameWait has passed.
type firstFrameDue struct{}

// firstFrameTimer is Init's: it ends the wait for the first page.
func (m Model) firstFrameTimer() tea.Cmd {
	if m.frameWait <= 0 {
		return nil
	}
	return tea.Tick(m.frameWait, func(time.Time) tea.Msg { return firstFrameDue{} })
}

// settleFirstFrame ends the blank screen once the rows to show are in
// (the first page; with the last run's selection to find, its page, so
// a session restored deep in a view does not open on the top rows for a
// frame), an error is shown, or the wait is over; Update runs it after
// every message.
func (m *Model) settleFirstFrame(msg tea.Msg) {
	if m.framed {
		return
	}
	_, due := msg.(firstFrameDue)
	rows := len(m.list.pages) > 0 && m.list.settled()
	m.framed = due || m.frameWait <= 0 || rows || m.errMsg != ""
}

// startCmd is what Init starts with: the view, once the last visit is
// known. Read before the program started (Options.LastSeen), it is; else
// it is read first when the library keeps it, and onLastSeenLoaded starts
// the view.
func (m Model) startCmd() tea.Cmd {
	if m.opts.LastSeen == nil {
		if last := m.dailyInit(); last != nil {
			return last
		}
	}
	return m.startView()
}

// viewAfterLastSeen starts the view once the last visit is known (or
// could not be read); a later answer, when reload is set, reloads the
// view to mark its new rows.
func (m *Model) viewAfterLastSeen(reload bool) tea.Cmd {
	switch {
	case !m.viewStarted:
		return m.startView()
	case reload:
		return m.refreshView()
	}
	return nil
}

// startView is the view's first load: its first page and count, or the
// latest day, week or month when the reader opens on one, and the
// selection of the last run. What the first frame shows of the rest (the
// library's count, the queue) and what it does not (the library's
// version, a sync) wait for the first page's query, so on a busy machine
// they do not compete with it for the CPU.
func (m *Model) startView() tea.Cmd {
	m.viewStarted = true
	lib, req := m.opts.Library, m.requests.running(topicView) // begun by New
	first := pageCmd(lib, m.listFilter, req, 0)
	load := []tea.Cmd{countCmd(lib, m.listFilter, req), m.restoreCmd(req)} // the selection of the last run
	if m.period.kind != periodAll && m.period.anchor == "" {
		first, load = m.stepPeriod(0), nil // opened on the latest day, week or month
	} else {
		m.list.pending[0] = true // the count, back first, must not ask for it again
	}
	done := make(chan struct{})
	rest := tea.Batch(
		libraryCountCmd(lib),
		queueCmd(lib, m.requests.running(topicQueue)),
		m.syncIfStale(),
		versionCmd(lib),
	)
	return tea.Batch(append([]tea.Cmd{closing(done, first)}, append(load, waiting(done, rest))...)...)
}

// closing is cmd, closing done when it returns.
func closing(done chan struct{}, cmd tea.Cmd) tea.Cmd {
	return func() tea.Msg {
		defer close(done)
		return cmd()
	}
}

// firstPageWait is the longest the rest of the start waits for the first
// page: a restored search slow to answer must not hold the queue back.
const firstPageWait = 100 * time.Millisecond

// waiting is cmd once done is closed, or firstPageWait has passed; it
// waits in the Cmd's goroutine.
func waiting(done <-chan struct{}, cmd tea.Cmd) tea.Cmd {
	return func() tea.Msg {
		t := time.NewTimer(firstPageWait)
		defer t.Stop()
		select {
		case <-done:
		case <-t.C:
		}
		return cmd()
	}
}

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
