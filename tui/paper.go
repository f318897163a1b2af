package tui

import (
	"context"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/papertui/papers/feed"
)

// The keys that act on the selected paper from any pane (b, m, x, a, o,
// p, y, enter).

// paperKey handles the keys that act on one paper from any pane.
func (m Model) paperKey(msg tea.KeyPressMsg, id string) (tea.Model, tea.Cmd, bool) {
	k, lib := m.keys.Paper, m.opts.Library
	switch {
	case key.Matches(msg, k.ToggleQueue):
		if r, ok := m.list.selected(); ok && m.focus == paneList && r.ID == id && r.remote && !r.inLibrary {
			return m, m.changeState(changeAdded, id, addRemote(lib, m.remotePapers[id]), nil), true
		}
		if m.isQueued(id) {
			return m, m.changeState(changeUnqueued, id, func(ctx context.Context) error { return lib.Dequeue(ctx, id) }, nil), true
		}
		// Its text, to read offline, is fetched once it is queued
		// (onStateSaved): not for a paper the library refused to queue.
		return m, m.changeState(changeQueued, id, func(ctx context.Context) error { return lib.Enqueue(ctx, id) }, nil), true
	case key.Matches(msg, k.ToggleRead):
		read := !m.isRead(id)
		what := map[bool]change{true: changeRead, false: changeUnread}[read]
		return m, m.changeState(what, id, func(ctx context.Context) error { return lib.SetRead(ctx, read, id) }, nil), true
	case key.Matches(msg, k.OpenHF):
		return m, m.open(feed.Paper{ID: id}.HFURL()), true
	case key.Matches(msg, k.OpenPDF):
		return m, m.openPDF(id), true
	case key.Matches(msg, k.Read):
		next, cmd := m.openReader(id)
		return next, cmd, true
	case key.Matches(msg, k.Copy):
		url := feed.Paper{ID: id}.HFURL()
		m.say("copied " + url)
		return m, tea.SetClipboard(url), true
	case key.Matches(msg, k.AllAuthors):
		m.detail.allAuthors = !m.detail.allAuthors
		if !m.layout(m.focus).visible[paneDetail] {
			m.say(map[bool]string{true: "all authors", false: "first authors"}[m.detail.allAuthors] + " in the detail (" + keyHint(k.Open) + " opens it)")
		}
		return m, m.wantDetail(), true
	case key.Matches(msg, k.Done):
		if !m.isQueued(id) {
			m.say(id + " is not in the queue (" + keyHint(k.ToggleQueue) + " queues it)")
			return m, nil, true
		}
		return m, m.changeState(changeDone, id, func(ctx context.Context) error { return lib.Done(ctx, id) }, nil), true
	}
	return nil, nil, false // not m: a Model in an interface is a 20 KB copy, per key
}

// isPaperKey says whether msg is one of the keys that act on a paper.
func (m Model) isPaperKey(msg tea.KeyPressMsg) bool {
	k := m.keys.Paper
	return key.Matches(msg, k.ToggleQueue, k.ToggleRead, k.OpenHF, k.OpenPDF, k.Copy, k.AllAuthors, k.Done, k.Open, k.Read)
}

// currentID is the paper the keys act on: the queue's selection in the
// queue pane, the detail's paper in the detail pane, else the list's.
func (m Model) currentID() (string, bool) {
	if m.reader.open {
		return m.reader.id, true
	}
	switch m.focus {
	case paneQueue:
		if r, ok := m.queue.selected(); ok {
			return r.ID, true
		}
		return "", false
	case paneDetail:
		if m.detail.want.id != "" {
			return m.detail.want.id, true
		}
	}
	r, ok := m.list.selected()
	return r.ID, ok
}

// openPaper shows a paper's detail and marks it read.
func (m Model) openPaper(id string, from pane) (tea.Model, tea.Cmd) {
	m.lastFocus = from
	m.focus = paneDetail
	m.detail.want.id = id
	return m, tea.Batch(m.wantDetail(), m.fetchDiscussion(id), m.markOpened(id))
}

// markOpened marks a paper read because it was opened: its detail or
// its whole text shown. Nil when it is read already.
func (m *Model) markOpened(id string) tea.Cmd {
	if m.isRead(id) {
		return nil
	}
	lib := m.opts.Library
	return m.changeState(changeOpened, id, func(ctx context.Context) error { return lib.SetRead(ctx, true, id) }, nil)
}
