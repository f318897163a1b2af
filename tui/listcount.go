package tui

import (
	"context"

	tea "charm.land/bubbletea/v2"

	"github.com/papertui/papers/store"
	"github.com/papertui/papers/tui/clean"
)

// The list's count: how many papers the view holds, counted up to
// countCap first so the title and the scroll range show at once, then
// exactly when the cap was reached.

// countLoaded: how many papers the view holds; when capped, at least
// total (countCap), and the exact count is on its way.
type countLoaded struct {
	tok    token
	total  int
	capped bool
	err    error
}

// countCap is how far a view's count goes before the list shows it
// ("10,000+") and the exact count follows: counting a search with filters
// costs its every hit, seconds at a million papers. A var for the tests.
var countCap = 10_000

// onCountLoaded takes the view's size.
func (m Model) onCountLoaded(msg countLoaded) (tea.Model, tea.Cmd) {
	if !m.requests.current(msg.tok) {
		return m, nil
	}
	if msg.err != nil {
		m.list.shown = nil // the failure is this view's to show
		m.fail(clean.Line(msg.err.Error()))
		return m, nil
	}
	if msg.capped {
		// Rows up to the cap can be scrolled to meanwhile; a page past
		// the middle is not read from the end, as the end is unknown.
		m.list.total, m.list.capped = max(m.list.total, msg.total), true
		if m.list.wantEnd { // as far as counted, until the count lands
			m.list.moveTo(m.list.count()-1, m.listHeight())
		}
		return m, tea.Batch(m.loadPages(), exactCountCmd(m.opts.Library, m.listFilter, m.requests.running(topicView)))
	}
	m.list.total, m.list.counted, m.list.capped = msg.total, true, false
	if m.list.wantEnd {
		m.list.wantEnd = false
		m.list.moveTo(m.list.count()-1, m.listHeight())
	}
	m.list.clampTo(m.list.cursor, m.listHeight())
	m.list.fillScreen(m.listHeight())
	m.list.settleShown()
	return m, tea.Batch(m.loadPages(), m.wantDetail())
}

// countCmd counts the view up to countCap (exactly when that is cheap).
func countCmd(lib Library, f store.Filter, req request) tea.Cmd {
	return reqCmd(req, func(ctx context.Context) tea.Msg {
		n, exact, err := lib.CountUpTo(ctx, f, countCap)
		return countLoaded{tok: req.tok, total: n, capped: !exact && err == nil, err: err}
	})
}

// exactCountCmd counts the view whole, after a capped count.
func exactCountCmd(lib Library, f store.Filter, req request) tea.Cmd {
	return reqCmd(req, func(ctx context.Context) tea.Msg {
		n, err := lib.Count(ctx, f)
		return countLoaded{tok: req.tok, total: n, err: err}
	})
}
