package tui

import (
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
)

// Type-ahead: after a key that makes a fresh view (a sort, a period, a
// search), its rows and the selection's place in it arrive a few
// milliseconds later. A movement or paper key typed meanwhile waits for
// them, then runs, instead of landing on an empty list (lost) or on the
// rows before the selection is found (the wrong paper). Once a key waits,
// every later one waits behind it, so keys run in the order typed. They
// wait at most maxHold: finding the selection in a long view sorted by
// upvotes can take seconds, and keys that long unanswered feel dead; past
// it they act on the rows shown, as they did before type-ahead.

// maxHeld bounds the keys kept: a held-down key repeats for as long as
// the view takes.
const maxHeld = 64

// maxHold is the longest a key waits for a fresh view.
const maxHold = 300 * time.Millisecond

// holdTimedOut: the held keys have waited long enough.
type holdTimedOut struct{ seq int }

// settling says a fresh view's rows or selection are still on their way.
func (l *listPane) settling() bool {
	if !l.awaiting {
		return false
	}
	if len(l.follow) > 0 { // the selection is being looked for
		return true
	}
	if len(l.pages) == 0 && !l.counted && len(l.pending) > 0 { // no row yet
		return true
	}
	l.awaiting = false // settled, or failed: keys act on what is there
	return false
}

// holdKey keeps a key that must wait for the fresh view, and every key
// after one that waits; quitting never waits. The first key held starts
// the clock of maxHold.
func (m *Model) holdKey(msg tea.KeyPressMsg) (bool, tea.Cmd) {
	if key.Matches(msg, m.keys.Common.Quit) {
		m.held = nil
		return false, nil
	}
	waits := len(m.held) > 0 ||
		m.focus == paneList && !m.reader.open && m.list.settling() && (m.isPaperKey(msg) || isMoveKey(m.keys.List.moveKeys, msg))
	if !waits {
		return false, nil
	}
	var timer tea.Cmd
	if len(m.held) == 0 {
		m.holdSeq++
		seq := m.holdSeq
		timer = tea.Tick(maxHold, func(time.Time) tea.Msg { return holdTimedOut{seq: seq} })
	}
	if len(m.held) < maxHeld {
		m.held = append(m.held, msg)
	}
	return true, timer
}

// onHoldTimedOut runs the keys still held: the view took too long.
func (m Model) onHoldTimedOut(msg holdTimedOut) (tea.Model, tea.Cmd) {
	if msg.seq != m.holdSeq || len(m.held) == 0 {
		return m, nil
	}
	m.list.awaiting = false
	return m.replayHeld()
}

// replayHeld runs the keys that waited, in order, now that the view has
// settled (or failed).
func (m Model) replayHeld() (Model, tea.Cmd) {
	keys := m.held
	m.held = nil
	// What the status bar says arrived after these keys were typed: they
	// clear it only by saying something of their own.
	notice, errMsg := m.notice, m.errMsg
	var cmds []tea.Cmd
	for _, k := range keys {
		next, cmd := m.Update(k)
		m = next.(Model)
		cmds = append(cmds, cmd)
	}
	if m.notice == "" && m.errMsg == "" {
		m.notice, m.errMsg = notice, errMsg
	}
	return m, tea.Batch(cmds...)
}

func isMoveKey(k moveKeys, msg tea.KeyPressMsg) bool {
	return key.Matches(msg, k.Up, k.Down, k.Top, k.Bottom, k.HalfDown, k.HalfUp, k.PageDown, k.PageUp)
}
