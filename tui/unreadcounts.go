package tui

import tea "charm.land/bubbletea/v2"

// When the unread counts are asked again (daily.go's wantCounts): on a
// change of view or state, as before, but on a page of the list only
// when its rows bring a day the counts do not cover yet. Scrolling a
// large library would otherwise count the whole view again on every
// page.

// countsAsked is what the last counts asked cover: the view's request
// they were asked under and the days held then.
type countsAsked struct {
	view token
	days map[string]bool
}

// viewToken is the list's latest view request (guard.go): a reload
// begins a new one, scrolling keeps it.
func (m Model) viewToken() token {
	return token{topic: topicView, id: m.requests.latest[topicView]}
}

// noteCountsAsked records the counts just asked for, of days.
func (m *Model) noteCountsAsked(days []string) {
	set := make(map[string]bool, len(days))
	for _, d := range days {
		set[d] = true
	}
	m.daily.asked = countsAsked{view: m.viewToken(), days: set}
}

// wantCountsOfPage asks for the counts when a page loaded for view
// request tok answers a view not counted yet, or brings a day the counts
// do not cover.
func (m *Model) wantCountsOfPage(tok token, rows []row) tea.Cmd {
	if tok != m.daily.asked.view {
		return m.wantCounts()
	}
	if !m.list.byDay {
		return nil // only the view's totals: already asked
	}
	for _, r := range rows {
		if !m.daily.asked.days[r.Day] {
			return m.wantCounts()
		}
	}
	return nil
}
