package tui

import (
	"context"
	"fmt"
	"slices"

	tea "charm.land/bubbletea/v2"

	"github.com/papertui/papers/feed"
	"github.com/papertui/papers/store"
	"github.com/papertui/papers/tui/clean"
)

// A change of a paper's reader state (queued, read, its place in the
// queue; later tags and notes) takes one path, whatever pane or key asked
// for it:
//
//  1. changeState shows it at once on every pane (the list rows, the queue and
//     its count, the detail's record), remembering what they showed before;
//  2. the write joins m.writes and runs when the ones before it are done,
//     so writes land in the order the keys were pressed;
//  3. onStateSaved takes the answer: on success the detail is rendered
//     again from the library; on failure every change from the failed one
//     on is undone on screen, newest first, and the status bar says so.

// change is one kind of change to the reader's state of a paper.
type change int

const (
	changeOpened change = iota // read by opening it
	changeRead                 // marked read with m
	changeUnread               // marked unread with m
	changeQueued
	changeUnqueued
	changeMoved
	changeDone
	changeAdded // a remote result stored and queued
	// The daily loop's (catchup.go, tags.go, notes.go): their effect on
	// rows the screen does not hold is read back once written.
	changeDayRead
	changeViewRead
	changeUndone
	changeTagged
	changeNoted
)

// String is how the status bar says it.
func (c change) String() string {
	return [...]string{"read", "marked read", "marked unread", "queued", "unqueued", "moved", "done",
		"added to the library and queued", "marked read", "marked read", "undone", "tagged", "note saved"}[c]
}

// stateChange is one change shown on screen and on its way to the library.
type stateChange struct {
	change change
	id     string
	write  func(ctx context.Context) error
	before shownState // what the screen showed before it, to undo it
	said   *string    // when set, what the write says it did (filled in by write)
}

// shownState is how the screen showed one paper's state and the queue.
type shownState struct {
	queue    []store.Record
	titles   []string
	cursor   int
	row      row // the paper's row as the list had it, when it had one
	rowOK    bool
	record   store.Record // the detail's record, when it was this paper
	recordOK bool
}

// stateSaved: a state change reached the library (or failed to).
type stateSaved struct {
	change change
	id     string
	err    error
	// before and version are the library's data version read just before
	// and just after the write, so the watch does not take the reader's
	// own write for another process's (0 when it could not be read).
	before, version int64
}

// changeState shows a state change at once and schedules its write. apply,
// when not nil, is how the change shows (a move in the queue); else the
// change says it. It returns the write's Cmd, or nil when earlier writes
// are still running (it is started when they are done).
func (m *Model) changeState(what change, id string, write func(ctx context.Context) error, apply func()) tea.Cmd {
	before := m.shown(id)
	if apply != nil {
		apply()
	} else {
		m.applyChange(what, id)
	}
	m.writes = append(m.writes[:len(m.writes):len(m.writes)], stateChange{change: what, id: id, write: write, before: before})
	m.requests.begin(topicQueue) // a queue load on its way predates the change
	if len(m.writes) > 1 {
		return nil // written when the ones before it are
	}
	return writeCmd(m.opts.Library, m.writes[0])
}

// shown records what the panes show of paper id and the queue.
func (m Model) shown(id string) shownState {
	s := shownState{queue: slices.Clone(m.queue.records), titles: slices.Clone(m.queue.titles), cursor: m.queue.cursor}
	s.row, s.rowOK = m.list.rowByID(id)
	if m.detail.hasRecord && m.detail.record.ID == id {
		s.record, s.recordOK = m.detail.record, true
	}
	return s
}

// applyChange shows a change on the list, the queue and the detail.
func (m *Model) applyChange(what change, id string) {
	m.list.setState(id, what)
	if m.detail.hasRecord && m.detail.record.ID == id {
		setRecordState(&m.detail.record, what)
	}
	switch what {
	case changeQueued, changeAdded:
		if !m.isQueued(id) {
			rec := m.recordOf(id)
			setRecordState(&rec, what)
			m.queue.add(rec)
		}
	case changeUnqueued, changeDone:
		m.queue.drop(id)
	case changeOpened, changeRead, changeUnread:
		m.queue.setRead(id, what != changeUnread)
	}
	m.queue.move(0, m.queueHeight())
}

// undo puts back what the screen showed before a change.
func (m *Model) undo(c stateChange) {
	b := c.before
	m.queue.records, m.queue.titles, m.queue.cursor = b.queue, b.titles, b.cursor
	m.queue.move(0, m.queueHeight())
	if b.rowOK {
		m.list.restore(b.row)
	}
	if b.recordOK && m.detail.record.ID == c.id {
		m.detail.record = b.record
	}
}

// recordOf is what the reader knows of a paper without asking the
// library: its detail's record, its list row or a remote result.
func (m Model) recordOf(id string) store.Record {
	if m.detail.hasRecord && m.detail.record.ID == id {
		return m.detail.record
	}
	if p, ok := m.remotePapers[id]; ok {
		return store.Record{Paper: p}
	}
	if r, ok := m.list.rowByID(id); ok {
		return store.Record{Paper: feed.Paper{ID: r.ID, Title: r.Title, Day: r.Day, Upvotes: r.Upvotes,
			Comments: r.Comments, Organization: r.Organization}, Queued: r.Queued, Read: r.Read}
	}
	return store.Record{Paper: feed.Paper{ID: id}}
}

// setRecordState applies a change to a record.
func setRecordState(r *store.Record, c change) {
	switch c {
	case changeOpened, changeRead:
		r.Read = true
	case changeUnread:
		r.Read = false
	case changeQueued, changeAdded:
		r.Queued = true
	case changeUnqueued:
		r.Queued = false
	case changeDone:
		r.Queued, r.Read = false, true
	}
}

func writeCmd(lib Library, s stateChange) tea.Cmd {
	return libCmd(func(ctx context.Context) tea.Msg {
		before, _ := lib.DataVersion(ctx)
		err := s.write(ctx)
		version, _ := lib.DataVersion(ctx)
		return stateSaved{change: s.change, id: s.id, err: err, before: before, version: version}
	})
}

// onStateSaved starts the next write, or undoes what a failed one showed.
func (m Model) onStateSaved(msg stateSaved) (tea.Model, tea.Cmd) {
	if len(m.writes) == 0 {
		return m, nil
	}
	done := m.writes[0]
	m.ownWrite(msg.before, msg.version)
	if msg.err != nil {
		// The changes asked after it assumed it had worked: undo them all,
		// newest first, so the screen shows what the library holds.
		for i := len(m.writes) - 1; i >= 0; i-- {
			m.undo(m.writes[i])
		}
		m.writes = nil
		if msg.change == changeAdded {
			m.fail(clean.Line(fmt.Sprintf("could not add %s: %v", msg.id, msg.err)))
		} else {
			m.fail(clean.Line(fmt.Sprintf("%s %s failed: %v", msg.id, msg.change, msg.err)))
		}
		return m, tea.Batch(m.wantDetail(), m.afterWrite(msg.change))
	}
	m.writes = m.writes[1:]
	switch {
	case done.said != nil && *done.said != "":
		m.say(clean.Line(*done.said))
	case msg.change != changeOpened:
		m.say(fmt.Sprintf("%s %s", msg.id, msg.change))
	}
	// The detail shows the state too: render it again from the library.
	m.forgetDetail(done.id)
	cmds := []tea.Cmd{m.wantDetail(), m.afterWrite(msg.change)}
	if msg.change == changeQueued || msg.change == changeAdded { // a result added is queued too
		cmds = append(cmds, m.fetchTexts(msg.id)) // to read offline (textfetch.go)
	}
	if len(m.writes) > 0 {
		cmds = append(cmds, writeCmd(m.opts.Library, m.writes[0]))
	} else {
		// Once the writes are done, the queue is read back (it shows
		// nothing new, but fills in what the screen guessed).
		cmds = append(cmds, m.loadQueue())
	}
	return m, tea.Batch(cmds...)
}

// isQueued and isRead answer for the state the screen shows, which is
// the state the user has asked for: keys pressed in quick succession
// each act on the one before.
func (m Model) isQueued(id string) bool {
	for _, r := range m.queue.records {
		if r.ID == id {
			return true
		}
	}
	return false
}

func (m Model) isRead(id string) bool {
	if r, ok := m.list.selected(); ok && r.ID == id {
		return r.Read
	}
	if m.detail.hasRecord && m.detail.record.ID == id {
		return m.detail.record.Read
	}
	if r, ok := m.queue.selected(); ok && r.ID == id {
		return r.Read
	}
	return false
}
