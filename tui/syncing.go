package tui

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"charm.land/bubbles/v2/spinner"
	tea "charm.land/bubbletea/v2"

	"github.com/papertui/papers/feed"
	"github.com/papertui/papers/internal/english"
	"github.com/papertui/papers/store"
	"github.com/papertui/papers/tui/clean"
)

// The background sync: starting it, its progress in the status bar,
// its report, and the gap it may leave.

// syncRequested: the reader decided to sync (on start, or r).
type syncRequested struct{}

// syncProgressed: the running sync fetched a day (syncCmd, listenSync).
type syncProgressed struct{ p store.SyncProgress }

// syncFinished: the running sync is over, with its report.
type syncFinished struct {
	report store.SyncReport
	err    error
}

// gapFound: the library holds nothing between two days, after a sync
// that started later than the library's last day (an imported library
// then synced the default week).
type gapFound struct{ from, to string }

// syncState is the background sync as the status bar shows it.
type syncState struct {
	running bool
	ch      chan tea.Msg
	cancel  context.CancelFunc
	spin    spinner.Model
	day     string
	first   string // the oldest day this sync fetched
	index   int
	total   int
	// offline: the last sync fetched nothing; status is the HTTP error
	// status the feed answered with, 0 when it did not end on one, and
	// unreachable says the feed was out of reach (not answering wrongly).
	offline     bool
	status      int
	unreachable bool
	// retry is the running sync's latest retry, as the client reported
	// it (shown as "HTTP 503 Service Unavailable; retrying in 2s", counted
	// down); zero once a day is fetched.
	retry Retry
	// emptyFrom is the first day of the last sync when it found no paper
	// at all: an empty library then says so, rather than offer the same
	// sync again.
	emptyFrom string
}

func (m Model) onSyncProgressed(msg syncProgressed) (tea.Model, tea.Cmd) {
	m.sync.day, m.sync.index, m.sync.total = msg.p.Day, msg.p.Index, msg.p.Total
	if msg.p.Done {
		m.sync.retry = Retry{}
	}
	if m.sync.first == "" || msg.p.Day < m.sync.first {
		m.sync.first = msg.p.Day
	}
	var refresh tea.Cmd
	if msg.p.Done && msg.p.Err == nil {
		refresh = m.refreshView()
	}
	return m, tea.Batch(listenSync(m.sync.ch), refresh)
}

func (m Model) onSyncFinished(msg syncFinished) (tea.Model, tea.Cmd) {
	m.sync.running = false
	m.sync.cancel = nil
	r := msg.report
	switch {
	case msg.err != nil && errors.Is(msg.err, context.Canceled):
		m.say("sync cancelled")
	case msg.err != nil:
		m.fail(clean.Line("sync failed: " + reasonFirst(feed.Reason(msg.err), msg.err.Error())))
	case len(r.Failed) > 0 && r.Days == 0:
		f := r.Failed[0]
		m.sync.offline, m.sync.status, m.sync.unreachable = true, f.Status, f.Unreachable
		m.fail(clean.Line("sync failed: " + reasonFirst(f.Reason, f.Day+": "+f.Error)))
	case len(r.Failed) > 0:
		f := r.Failed[0]
		m.fail(clean.Line(fmt.Sprintf("synced %s, %d failed: %s", english.Count(r.Days, "day"), len(r.Failed), reasonFirst(f.Reason, f.Day+": "+f.Error))))
	default:
		m.sync.offline = false
		m.say(fmt.Sprintf("synced %s: %s new, %s updated", english.Count(r.Days, "day"), english.Number(r.New), english.Number(r.Updated)))
	}
	m.sync.emptyFrom = ""
	if msg.err == nil && r.Days > 0 && r.Papers == 0 {
		m.sync.emptyFrom = m.sync.first
	}
	var gap tea.Cmd
	if msg.err == nil && r.Days > 0 && m.sync.first != "" {
		gap = gapCmd(m.opts.Library, m.sync.first)
	}
	var texts, talk, stale tea.Cmd
	if msg.err == nil && r.Days > 0 {
		texts = textsMissingCmd(m.opts.Library, m.opts.Texts) // the queue reads offline (textfetch.go)
		talk = m.refreshDiscussions()                         // discussion.go
		stale = m.checkVersions()                             // textversions.go
	}
	return m, tea.Batch(m.refreshView(), gap, m.afterSync(), texts, talk, stale)
}

// reasonFirst puts why a sync failed before its details (the day, the
// URL, the chain of causes), so a status line cut at the terminal's
// width still says it.
func reasonFirst(reason, details string) string {
	if reason == "" {
		return details
	}
	return reason + " · " + details
}

// onGapFound says what is missing and how to fill it.
func (m Model) onGapFound(msg gapFound) (tea.Model, tea.Cmd) {
	gap := fmt.Sprintf("no papers %s: papers sync --since %s fills the gap", dayRange(msg.from, msg.to), msg.from)
	if strings.HasPrefix(m.notice, "synced ") {
		gap = m.notice + " · " + gap // still the latest event
	}
	m.say(gap)
	return m, nil
}

func (m Model) onSpinnerTick(msg spinner.TickMsg) (tea.Model, tea.Cmd) {
	if !m.sync.running {
		return m, nil
	}
	var cmd tea.Cmd
	m.sync.spin, cmd = m.sync.spin.Update(msg)
	return m, cmd
}

// syncIfStale starts a sync when the last one is older than SyncAfter.
func (m Model) syncIfStale() tea.Cmd {
	if m.opts.Fetcher == nil || m.opts.SyncAfter <= 0 {
		return nil
	}
	lib, after := m.opts.Library, m.opts.SyncAfter
	return func() tea.Msg {
		last, ok := lib.LastSync(context.Background())
		if ok && time.Since(last) < after {
			return nil
		}
		return syncRequested{}
	}
}

func (m Model) startSync() (tea.Model, tea.Cmd) {
	if m.sync.running {
		m.say("a sync is already running")
		return m, nil
	}
	if m.opts.Fetcher == nil {
		m.say("sync is off in this reader")
		return m, nil
	}
	ctx, cancel := context.WithCancel(context.Background())
	m.sync = syncState{running: true, ch: make(chan tea.Msg, 1), cancel: cancel, spin: m.sync.spin}
	m.clearError()
	return m, tea.Batch(syncCmd(ctx, m.opts.Library, m.opts.Fetcher, m.opts.SyncDays, m.sync.ch), m.sync.spin.Tick)
}

// syncCmd runs a sync and streams its progress back through ch.
func syncCmd(ctx context.Context, lib Library, f store.Fetcher, days int, ch chan tea.Msg) tea.Cmd {
	return func() tea.Msg {
		go func() {
			report, err := lib.Sync(ctx, f, store.SyncPlan{Days: days}, func(p store.SyncProgress) {
				select {
				case ch <- syncProgressed{p}:
				case <-ctx.Done():
				}
			})
			ch <- syncFinished{report: report, err: err}
		}()
		return <-ch
	}
}

// Retry is the feed client waiting to ask again (a 5xx, a 429, a
// timeout): why, and until when.
type Retry struct {
	Reason string
	Until  time.Time
}

// feedRetrying: a Retry, as Options.Retries reported it.
type feedRetrying struct{ retry Retry }

// listenRetries waits for the next retry the feed client reports.
func listenRetries(ch <-chan Retry) tea.Cmd {
	return receive(ch, func(r Retry) tea.Msg { return feedRetrying{r} }) // model.go
}

// retryLine is the running sync's retry as the status bar says it, its
// wait counted down at each frame.
func (m Model) retryLine() string {
	if m.sync.retry.Reason == "" {
		return ""
	}
	return clean.Line(feed.RetryText(m.sync.retry.Reason, time.Until(m.sync.retry.Until)))
}

// onFeedRetrying shows a running sync's retry beside its progress: a sync
// backing off a failing feed would otherwise sit on one day for half a
// minute with no sign of why.
func (m Model) onFeedRetrying(msg feedRetrying) (tea.Model, tea.Cmd) {
	if m.sync.running {
		m.sync.retry = msg.retry
	}
	return m, listenRetries(m.opts.Retries)
}

// listenSync waits for the next message of a running sync.
func listenSync(ch chan tea.Msg) tea.Cmd {
	return func() tea.Msg { return <-ch }
}

// gapCmd looks for days missing before first, the oldest day a sync
// fetched.
func gapCmd(lib Library, first string) tea.Cmd {
	return libCmd(func(ctx context.Context) tea.Msg {
		from, to, err := lib.GapBefore(ctx, first)
		if err != nil || from == "" {
			return nil
		}
		return gapFound{from: from, to: to}
	})
}
