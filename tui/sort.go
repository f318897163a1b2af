package tui

import (
	tea "charm.land/bubbletea/v2"

	"github.com/papertui/papers/store"
)

// The list's order, cycled with s.

func sortLabel(s store.Sort) string {
	switch s {
	case store.SortUpvotes:
		return "most upvoted"
	case store.SortTrending:
		return "trending"
	case store.SortRelevance:
		return "best match"
	case store.SortRising:
		return "rising since last seen"
	}
	return "newest"
}

// sortOrder is the cycle of s; best match only while searching text.
func (m Model) nextSort() store.Sort {
	order := []store.Sort{store.SortNewest, store.SortUpvotes, store.SortTrending, store.SortRising}
	if m.search.active && m.search.parsed.Match != "" {
		order = append(order, store.SortRelevance)
	}
	for i, s := range order {
		if s == m.sort {
			return order[(i+1)%len(order)]
		}
	}
	return order[0]
}

func (m Model) cycleSort() (tea.Model, tea.Cmd) {
	m.sort = m.nextSort()
	m.say(sortNotice(m.sort))
	m.sortSaid = m.notice
	return m, m.reload(true)
}

func sortNotice(s store.Sort) string { return "sorted by " + sortLabel(s) }

// dropStaleSortNotice takes s's notice out of the status bar once the
// order is another (esc ending a search puts back the order from before
// it; a search by words sorts by best match): it would name an order the
// list no longer has.
func (m *Model) dropStaleSortNotice() {
	if m.sortSaid == "" {
		return
	}
	if m.notice == m.sortSaid && m.sortSaid != sortNotice(m.sort) {
		m.notice = ""
	}
	if m.notice != m.sortSaid {
		m.sortSaid = ""
	}
}
