package tui

import (
	"context"
	"fmt"

	tea "charm.land/bubbletea/v2"

	"github.com/papertui/papers/tui/clean"
)

// pendingSave is a change of the reader's state waiting to be written.
type pendingSave struct {
	change change
	id     string
	write  func(ctx context.Context) error
}

// save queues a change of the reader's state. Changes are written one at
// a time, in the order the keys were pressed: two Cmds run at once could
// land in either order. A row shows the change once stateSaved says it
// reached the disk.
func (m *Model) save(what change, id string, write func(ctx context.Context) error) tea.Cmd {
	m.saves = append(m.saves[:len(m.saves):len(m.saves)], pendingSave{change: what, id: id, write: write})
	if len(m.saves) > 1 {
		return nil // written when the ones before it are
	}
	return writeCmd(m.saves[0])
}

func writeCmd(s pendingSave) tea.Cmd {
	return libCmd(func(ctx context.Context) tea.Msg {
		return stateSaved{change: s.change, id: s.id, err: s.write(ctx)}
	})
}

// isQueued and isRead answer for the state the user has asked for: the
// last change still waiting to be written counts, so keys pressed in
// quick succession each act on the one before.
func (m Model) isQueued(id string) bool {
	for i := len(m.saves) - 1; i >= 0; i-- {
		if s := m.saves[i]; s.id == id {
			switch s.change {
			case changeQueued:
				return true
			case changeUnqueued, changeDone:
				return false
			}
		}
	}
	for _, r := range m.queue.records {
		if r.ID == id {
			return true
		}
	}
	return false
}

func (m Model) isRead(id string) bool {
	for i := len(m.saves) - 1; i >= 0; i-- {
		if s := m.saves[i]; s.id == id {
			switch s.change {
			case changeOpened, changeRead, changeDone:
				return true
			case changeUnread:
				return false
			}
		}
	}
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

// stateSaved: a queue or read change has been committed (or failed).
type stateSaved struct {
	change change
	id     string
	err    error
}

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
)

// String is how the status bar says it.
func (c change) String() string {
	return [...]string{"read", "marked read", "marked unread", "queued", "unqueued", "moved", "done"}[c]
}

// stateSaved refreshes what shows the changed paper once the change is on
// disk: the queue, the visible list rows and the detail.
func (m Model) stateSaved(msg stateSaved) (tea.Model, tea.Cmd) {
	if len(m.saves) > 0 {
		m.saves = m.saves[1:]
	}
	if msg.err != nil {
		// What was asked after it assumed it had worked: drop it all and
		// show the library as it is.
		m.fail(clean.Line(fmt.Sprintf("%s %s failed: %v", msg.id, msg.change, msg.err)))
		m.saves = nil
		return m, tea.Batch(queueCmd(m.opts.Library), m.refreshView())
	}
	if msg.change != changeOpened {
		m.say(fmt.Sprintf("%s %s", msg.id, msg.change))
	}
	m.detail.forget(msg.id)
	if m.detail.shown.id == msg.id {
		m.detail.shown = detailKey{}
		m.detail.want = detailKey{id: m.detail.want.id}
	}
	// The row changes in place, not by reloading the view: a paper read in
	// the unread view stays in sight until the view is left, as in newsboat.
	m.list.setState(msg.id, msg.change)
	cmds := []tea.Cmd{m.wantDetail()}
	if len(m.saves) > 0 {
		cmds = append(cmds, writeCmd(m.saves[0]))
	} else {
		// Reload the queue once the writes are done, not between them,
		// or it would flash the order halfway through.
		cmds = append(cmds, queueCmd(m.opts.Library))
	}
	return m, tea.Batch(cmds...)
}
