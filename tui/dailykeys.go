package tui

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
)

// The daily loop's keys and messages, routed from update.go.

// dailyKey handles the daily loop's keys; handled says whether msg was one.
func (m Model) dailyKey(msg tea.KeyPressMsg) (tea.Model, tea.Cmd, bool) {
	k := m.keys.Daily
	if !key.Matches(msg, k.NextUnread, k.NewOnly, k.DayRead, k.ViewRead, k.Undo, k.Tag, k.Note, k.Follows, k.Follow) {
		return nil, nil, false // not m: a Model in an interface is a 20 KB copy, per key
	}
	if _, ok := m.dailyLib(); !ok {
		m.say("this library keeps no daily state")
		return m, nil, true
	}
	var next tea.Model
	var cmd tea.Cmd
	switch {
	case key.Matches(msg, k.NextUnread):
		next, cmd = m.jumpNext()
	case key.Matches(msg, k.NewOnly):
		next, cmd = m.toggleNewOnly()
	case key.Matches(msg, k.DayRead):
		next, cmd = m.markDayRead()
	case key.Matches(msg, k.ViewRead):
		next, cmd = m.markViewRead()
	case key.Matches(msg, k.Undo):
		next, cmd = m.undoLast()
	case key.Matches(msg, k.Follows):
		next, cmd = m.openPicker()
	case key.Matches(msg, k.Follow):
		next, cmd = m.startFollow()
	default: // the selected paper's: L and e
		id, ok := m.currentID()
		if !ok || m.isRemoteOnly(id) {
			m.say("no paper in the library selected")
			return m, nil, true
		}
		if key.Matches(msg, k.Tag) {
			next, cmd = m.startTag(id)
		} else {
			next, cmd = m.editNote(id)
		}
	}
	return next, cmd, true
}

// isRemoteOnly says whether id is a remote result not in the library.
func (m Model) isRemoteOnly(id string) bool {
	if r, ok := m.list.rowByID(id); ok {
		return r.remote && !r.inLibrary
	}
	return false
}

// routeDaily hands the daily loop's messages to their handlers.
func (m Model) routeDaily(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case lastSeenLoaded:
		return m.onLastSeenLoaded(msg)
	case countsLoaded:
		return m.onCountsLoaded(msg)
	case seenLoaded:
		return m.onSeenLoaded(msg)
	case jumpFound:
		return m.onJumpFound(msg)
	case tagsLoaded:
		return m.onTagsLoaded(msg)
	case noteReady:
		return m.onNoteReady(msg)
	case noteEdited:
		return m.onNoteEdited(msg)
	case noteRead:
		return m.onNoteRead(msg)
	case pickerLoaded:
		return m.onPickerLoaded(msg)
	case followSaved:
		return m.onFollowSaved(msg)
	case dayCountsLoaded:
		return m.onDayCountsLoaded(msg)
	}
	return m, nil
}
