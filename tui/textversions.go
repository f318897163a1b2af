package tui

import (
	"context"
	"fmt"
	"strings"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/papertui/papers/feed"
	"github.com/papertui/papers/internal/english"
	"github.com/papertui/papers/tui/clean"
)

// After a sync, the queued papers' stored texts are checked against
// arXiv's latest versions (the VersionChecker: feed.Client on arXiv's
// export API), each at most once per versionCheckEvery, and those
// converted from an older version are fetched again through the
// background fetch (textfetch.go), after the texts still missing. A
// failed check is said in the status bar and changes nothing.

var _ VersionChecker = (*feed.Client)(nil)

// versionCheckEvery is how often a queued paper's text is checked at most:
// papers are revised over weeks, and arXiv asks for few requests.
const versionCheckEvery = 24 * time.Hour

// versionCheckTimeout bounds a check, arXiv's pacing and one retry included.
const versionCheckTimeout = 2 * time.Minute

// textsStale: the version check after a sync is over; latest holds the
// queued papers whose stored text is of an older version than arXiv's
// latest, which it gives.
type textsStale struct {
	latest map[string]int
	ids    []string // latest's keys, in queue order
	err    error
}

// checkVersions starts the check, unless the reader checks none or the
// network is known to be down.
func (m Model) checkVersions() tea.Cmd {
	if m.opts.Versions == nil || m.opts.Texts == nil || m.sync.offline || m.texts.offline {
		return nil
	}
	return versionsCmd(m.opts.Library, m.opts.Versions, time.Now())
}

// versionsCmd asks arXiv about the queued papers' texts not checked for
// versionCheckEvery, and records the check of those found current; a
// stale one counts as checked once fetched again (store.PutText), so one
// that could not be is asked about at the next sync.
func versionsCmd(lib Library, v VersionChecker, now time.Time) tea.Cmd {
	return func() tea.Msg {
		ctx, cancel := context.WithTimeout(context.Background(), versionCheckTimeout)
		defer cancel()
		ids, err := lib.QueuedTextsToCheck(ctx, now.Add(-versionCheckEvery))
		if err != nil || len(ids) == 0 {
			return textsStale{err: err}
		}
		latest, err := v.Versions(ctx, ids)
		if err != nil {
			return textsStale{err: fmt.Errorf("queued texts not checked for newer versions: %w", err)}
		}
		msg := textsStale{latest: map[string]int{}}
		var current []string
		for _, id := range ids {
			if need, nerr := lib.NeedsText(ctx, id, latest[id]); nerr == nil && need {
				msg.latest[id] = latest[id]
				msg.ids = append(msg.ids, id)
			} else {
				current = append(current, id)
			}
		}
		msg.err = lib.MarkVersionsChecked(ctx, current, now)
		return msg
	}
}

// onTextsStale fetches again the texts arXiv has newer versions of.
func (m Model) onTextsStale(msg textsStale) (tea.Model, tea.Cmd) {
	if msg.err != nil {
		m.texts.checkFailed = clean.Line(msg.err.Error())
		if m.texts.running == "" {
			m.sayCheckFailed()
		}
	}
	if len(msg.ids) == 0 {
		return m, nil
	}
	if m.texts.latest == nil {
		m.texts.latest = map[string]int{}
	}
	for id, v := range msg.latest {
		m.texts.latest[id] = v
	}
	if msg.err == nil {
		m.say(fmt.Sprintf("arXiv has newer versions of %s: fetching them", english.Count(len(msg.ids), "queued paper")))
	}
	return m, m.fetchTexts(msg.ids...)
}

// sayCheckFailed puts a failed version check in the status bar, after
// what the fetch said.
func (m *Model) sayCheckFailed() {
	t := &m.texts
	if t.checkFailed == "" || t.running != "" {
		return
	}
	msg := t.checkFailed
	if strings.HasPrefix(m.notice, "fetched ") {
		msg = m.notice + " · " + msg
	}
	t.checkFailed = ""
	m.fail(msg)
}
