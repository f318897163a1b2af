package tui

import (
	"context"
	"errors"
	"fmt"

	"charm.land/bubbles/v2/spinner"
	tea "charm.land/bubbletea/v2"
	"github.com/papertui/papers/tui/clean"
)

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
	return m, tea.Batch(syncCmd(ctx, m.opts.Library, m.opts.Fetcher, m.sync.ch), m.sync.spin.Tick)
}

func (m Model) syncProgressed(msg syncProgressed) (tea.Model, tea.Cmd) {
	m.sync.day, m.sync.index, m.sync.total = msg.p.Day, msg.p.Index, msg.p.Total
	var refresh tea.Cmd
	if msg.p.Done && msg.p.Err == nil {
		refresh = m.refreshView()
	}
	return m, tea.Batch(listenSync(m.sync.ch), refresh)
}

func (m Model) syncFinished(msg syncFinished) (tea.Model, tea.Cmd) {
	m.sync.running = false
	m.sync.cancel = nil
	r := msg.report
	switch {
	case msg.err != nil && errors.Is(msg.err, context.Canceled):
		m.say("sync cancelled")
	case msg.err != nil:
		m.fail(clean.Line("sync failed: " + msg.err.Error()))
	case len(r.Failed) > 0 && r.Days == 0:
		m.sync.offline = true
		m.fail(clean.Line(fmt.Sprintf("sync failed: %s", r.Failed[0].Error)))
	case len(r.Failed) > 0:
		m.fail(clean.Line(fmt.Sprintf("synced %d days, %d failed: %s: %s", r.Days, len(r.Failed), r.Failed[0].Day, r.Failed[0].Error)))
	default:
		m.sync.offline = false
		m.say(fmt.Sprintf("synced %d days: %d new, %d updated", r.Days, r.New, r.Updated))
	}
	return m, m.refreshView()
}

func (m Model) spun(msg spinner.TickMsg) (tea.Model, tea.Cmd) {
	if !m.sync.running {
		return m, nil
	}
	var cmd tea.Cmd
	m.sync.spin, cmd = m.sync.spin.Update(msg)
	return m, cmd
}
