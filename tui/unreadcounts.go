package tui

import (
	"context"
	"maps"

	tea "charm.land/bubbletea/v2"

	"github.com/papertui/papers/tui/clean"
)

// When the unread counts are asked again (daily.go's wantCounts): on a
// change of view or state, as before, but not on every page of the
// list. A page whose rows bring days not counted yet asks for those
// days alone (dayCountsLoaded), merged into the counts held; the view's
// total, which for a search costs a count of the whole view, is not
// asked again for scrolling.

// countsAsked is what the counts asked cover: the view request they
// answer, the days asked for under it, and whether the view's own counts
// are still on their way (the days held when they come are checked
// then).
type countsAsked struct {
	view    token
	days    map[string]bool
	pending bool
}

// dayCountsLoaded: the unread papers of the view on some days, without
// its total (wantDayCounts).
type dayCountsLoaded struct {
	tok    token
	days   []string
	unread map[string]int
	err    error
}

// viewToken is the list's latest view request (guard.go): a reload
// begins a new one, scrolling keeps it.
func (m Model) viewToken() token {
	return token{topic: topicView, id: m.requests.latest[topicView]}
}

// noteCountsAsked records the view's counts just asked for, with days.
func (m *Model) noteCountsAsked(days []string) {
	set := make(map[string]bool, len(days))
	for _, d := range days {
		set[d] = true
	}
	m.daily.asked = countsAsked{view: m.viewToken(), days: set, pending: true}
}

// wantCountsOfPage asks for the counts a page loaded for view request
// tok needs: the view's when they answer another view, else those of the
// days its rows bring that are not counted yet.
func (m *Model) wantCountsOfPage(tok token, rows []row) tea.Cmd {
	switch {
	case tok != m.daily.asked.view:
		return m.wantCounts()
	case m.daily.asked.pending || !m.list.byDay:
		return nil // the view's counts will look at the days held when they come
	}
	var days []string
	for _, r := range rows {
		if !m.daily.asked.days[r.Day] {
			m.daily.asked.days[r.Day] = true
			days = append(days, r.Day)
		}
	}
	return m.wantDayCounts(days)
}

// wantHeldDays asks for the days held that the view's counts did not
// cover (pages that came while they were on their way).
func (m *Model) wantHeldDays() tea.Cmd {
	if !m.list.byDay {
		return nil
	}
	var days []string
	for _, rows := range m.list.pages {
		for _, r := range rows {
			if !m.daily.asked.days[r.Day] {
				m.daily.asked.days[r.Day] = true
				days = append(days, r.Day)
			}
		}
	}
	return m.wantDayCounts(days)
}

// wantDayCounts counts days of the view, under the view's counts'
// request: a newer count of the view drops the answer.
func (m *Model) wantDayCounts(days []string) tea.Cmd {
	lib, ok := m.dailyLib()
	if !ok || len(days) == 0 {
		return nil
	}
	f := m.listFilter
	f.Total = 0
	req := m.requests.running(topicCounts)
	return reqCmd(req, func(ctx context.Context) tea.Msg {
		u, err := lib.UnreadDays(ctx, f, days)
		return dayCountsLoaded{tok: req.tok, days: days, unread: u, err: err}
	})
}

// onDayCountsLoaded adds days' counts to those held.
func (m Model) onDayCountsLoaded(msg dayCountsLoaded) (tea.Model, tea.Cmd) {
	if !m.requests.current(msg.tok) {
		return m, nil
	}
	if msg.err != nil {
		for _, d := range msg.days {
			delete(m.daily.asked.days, d) // asked again with the next page that holds it
		}
		m.fail(clean.Line("unread counts: " + msg.err.Error()))
		return m, nil
	}
	m.daily.unreadDays = withDays(maps.Clone(m.daily.unreadDays), msg.unread, msg.days)
	return m, nil
}

// withDays puts counts of days into held, a day absent from counts (none
// unread) as 0, so that a day not counted yet is told from one all read.
func withDays(held, counts map[string]int, days []string) map[string]int {
	if held == nil {
		held = make(map[string]int, len(days))
	}
	for _, d := range days {
		held[d] = counts[d]
	}
	return held
}
