package tui

import (
	"context"
	"time"

	tea "charm.land/bubbletea/v2"
)

// Watching the library for changes another process commits.

// watchEvery is how often the reader looks for changes another process
// (a `papers sync` or `papers queue` in another terminal) committed.
const watchEvery = 2 * time.Second

// watchDue: time to look for outside changes.
type watchDue struct{}

// libraryVersion: the library's data version now.
type libraryVersion struct {
	version int64
	err     error
}

// onWatchDue asks the library whether someone else changed it.
func (m Model) onWatchDue() (tea.Model, tea.Cmd) { return m, versionCmd(m.opts.Library) }

// onLibraryVersion reloads what is in sight when someone else changed the
// library, keeping the selection; the first answer only sets the mark.
func (m Model) onLibraryVersion(msg libraryVersion) (tea.Model, tea.Cmd) {
	next := m.watchTick()
	if msg.err != nil {
		m.quiet = true // nothing shown changed: the screen is not drawn again
		return m, next
	}
	seen := m.dataVersion
	m.dataVersion = msg.version
	if seen == 0 || seen == msg.version || m.sync.running {
		m.quiet = true
		return m, next
	}
	// A text fetched again elsewhere (papers fetch --refresh) is cleaned
	// again at its next opening; the one open stays as it is read.
	clear(m.readerDocs)
	return m, tea.Batch(next, m.loadQueue(), m.refreshView())
}

// ownWrite takes the data version read just after one of the reader's
// own writes as the mark, so the watch reloads only for other processes'
// commits: a reload after each b or m would redo, at 100,000 papers,
// work the write's own path already did. Only when nothing else was
// committed since the last look (the version read just before the write
// is the mark): else the mark stays, and the next look reloads, or
// another process's sync or queue change would never show, and a b on
// its stale row would undo it.
func (m *Model) ownWrite(before, version int64) {
	if version != 0 && m.dataVersion != 0 && before == m.dataVersion {
		m.dataVersion = version
	}
}

// watchTick schedules the next look; tests set watchEvery to 0 to look
// only when they say so.
func (m Model) watchTick() tea.Cmd {
	if m.watchEvery <= 0 {
		return nil
	}
	return tea.Tick(m.watchEvery, func(time.Time) tea.Msg { return watchDue{} })
}

func versionCmd(lib Library) tea.Cmd {
	return libCmd(func(ctx context.Context) tea.Msg {
		v, err := lib.DataVersion(ctx)
		return libraryVersion{version: v, err: err}
	})
}
