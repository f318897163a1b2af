package tui

import (
	"context"

	tea "charm.land/bubbletea/v2"

	"github.com/papertui/papers/store"
)

// The list's filter (period, unread, sort, search) and its (re)loads:
// loadView is the one place a view is asked for; the selection follows
// its paper across reloads (selectionFound).

// maxNeighbours is how many rows each side of the selection a reload
// looks for when the selected paper itself left the view.
const maxNeighbours = 200

// selectionFound: where the selected paper (or, when it left the view,
// its nearest neighbour still there) sits after the view changed; index
// is -1 when none of them is.
type selectionFound struct {
	tok   token
	index int
	id    string
	err   error
}

// followIDs is what a reload keeps the selection on: the selected paper,
// then its neighbours nearest first (the one below before the one above),
// or what an unfinished reload was already looking for.
func (l *listPane) followIDs() []string {
	if len(l.follow) > 0 {
		return l.follow
	}
	r, ok := l.selected()
	if !ok {
		if l.foundID != "" && l.cursor == l.foundAt {
			return []string{l.foundID} // found, its row not loaded yet
		}
		return nil
	}
	ids := []string{r.ID}
	for d := 1; d <= maxNeighbours; d++ {
		for _, i := range []int{l.cursor + d, l.cursor - d} {
			if i < 0 || i >= l.total {
				continue
			}
			if r, ok := l.at(i); ok {
				ids = append(ids, r.ID)
			}
		}
	}
	return ids
}

// found puts the cursor on the paper a reload looked for, at index.
func (l *listPane) found(index, height int) {
	if !l.counted {
		l.total = max(l.total, index+1)
	}
	l.cursor = index
	if l.followLine >= 0 {
		l.offset = max(0, index-l.followLine)
		if index < height {
			// It fits on the first screen: the rows above it are shown,
			// not scrolled out of sight to keep its screen row (after a
			// sort, the top papers went missing above it).
			l.offset = 0
		}
		l.fillScreen(height)
	}
	l.follow = nil
	l.scroll(height)
}

// fillScreen, near the end of a counted view, scrolls up so the screen
// is full rather than leave rows above out of sight. Before the count
// the end is not known: the rows seen so far are not the last ones, and
// filling then would drag the selection off its screen line.
func (l *listPane) fillScreen(height int) {
	if !l.counted {
		return
	}
	for l.offset > 0 && l.count()-l.offset < height && l.linesBetween(l.offset-1, l.count()-1) <= height {
		l.offset--
	}
}

// foundIn ends a reload's search early when the selected paper is in a
// page that arrived.
func (l *listPane) foundIn(page int, rows []row, height int) {
	if len(l.follow) == 0 {
		return
	}
	for i, r := range rows {
		if r.ID == l.follow[0] {
			l.found(page*pageSize+i, height)
			return
		}
	}
}

// onSelectionFound puts the cursor where a reload found the selection.
func (m Model) onSelectionFound(msg selectionFound) (tea.Model, tea.Cmd) {
	if !m.requests.current(msg.tok) || len(m.list.follow) == 0 {
		return m, nil // stale, or the user moved since
	}
	if msg.err != nil || msg.index < 0 {
		// Neither the paper nor any neighbour is in the view: the cursor
		// stays on its row.
		m.list.follow = nil
		m.list.settleShown()
		return m, m.wantDetail() // the detail shows the row now selected, or none in an empty view
	}
	// A refresh keeps the paper on its screen row, as a new view does
	// (refreshView), unless it is now on the first screen, then shown
	// from the top with the new papers above it.
	m.list.found(msg.index, m.listHeight())
	m.list.foundID, m.list.foundAt = msg.id, msg.index
	m.list.settleShown()
	return m, tea.Batch(m.loadPages(), m.wantDetail())
}

// composeFilter is the filter of what the list shows: the period, the
// unread toggle, the sort and the search.
func (m Model) composeFilter() store.Filter {
	f := store.Filter{Sort: m.sort, Unread: m.unreadOnly}
	f.Since, f.Until = m.period.bounds()
	if m.search.active {
		f = f.Search(m.search.parsed)
	}
	m.applyDaily(&f)
	return f
}

// reload replaces the view: a new request of the view, the list from the top, or
// with keepSelection on the selected paper (its nearest neighbour when it
// left the view) at the same screen row.
func (m *Model) reload(keepSelection bool) tea.Cmd {
	if !keepSelection {
		return m.reloadFollowing(nil, 0)
	}
	return m.reloadFollowing(m.list.followIDs(), m.list.cursor-m.list.offset)
}

// reloadFollowing replaces the view and puts the cursor on the first of
// follow the new view holds, line rows below the top of the screen.
func (m *Model) reloadFollowing(follow []string, line int) tea.Cmd {
	m.listFilter = m.composeFilter()
	before := m.list
	m.list = newListPane(m.listFilter.Sort == store.SortNewest)
	m.list.awaiting = true
	switch {
	case before.shown != nil: // replaced again before it settled: what is on screen stays
		before = *before.shown
	case m.daily.counted:
		before.unread = m.daily.unreadDays // its day rules keep their counts
	}
	if len(before.pages) > 0 {
		m.list.shown = &before
	}
	// The last view's unread counts are not this one's: shown, they would
	// mislead, and C would trust them to mark a large view without asking.
	m.daily.counted = false
	return m.loadView([]int{0}, follow, max(0, line))
}

// refreshView reloads the view in place: the count and the pages in sight.
// The cursor follows the selected paper to wherever the reload puts it,
// or to its nearest neighbour when it left the view, however many
// reloads come before the answer, on the screen row it had (a sync adding
// a month above it used to push it to the bottom of the screen).
func (m *Model) refreshView() tea.Cmd {
	follow := m.list.followIDs()
	visible := map[int][]row{}
	var pages []int
	for p, rows := range m.list.pages {
		if p*pageSize <= m.list.offset+m.listHeight() && (p+1)*pageSize > m.list.offset {
			visible[p] = rows
			pages = append(pages, p)
		}
	}
	m.list.pages, m.list.pending = visible, map[int]bool{}
	// The library changed: the details rendered before may show old
	// numbers; the one on screen stays until its row says it moved
	// (detailOutOfDate).
	m.detail.forgetAll()
	return tea.Batch(m.loadView(pages, follow, m.list.cursor-m.list.offset), libraryCountCmd(m.opts.Library))
}

// loadView is the one (re)load of the list, behind both of the above: a
// new request of the view (older answers are dropped), its count, the
// pages given (the rows held stay in sight meanwhile) and, when follow
// is set, where the first of them went; line is the screen row the
// selection keeps there (both reloads keep it). Scrolling loads the
// pages it reaches on the same request (loadPages).
func (m *Model) loadView(pages []int, follow []string, line int) tea.Cmd {
	req := m.requests.begin(topicView)
	lib, f := m.opts.Library, m.listFilter
	// Pages first, as they have always gone: the first rows show before
	// the count, slow for a common word, comes back.
	var cmds []tea.Cmd
	for _, p := range pages {
		m.list.pending[p] = true
		cmds = append(cmds, pageCmd(lib, f, req, p))
	}
	cmds = append(cmds, countCmd(lib, f, req))
	m.list.follow, m.list.followLine = follow, line
	if len(follow) > 0 {
		cmds = append(cmds, positionCmd(lib, f, req, follow))
	}
	return tea.Batch(cmds...)
}

// toggleUnreadOnly shows only unread papers, or all again.
func (m Model) toggleUnreadOnly() (tea.Model, tea.Cmd) {
	m.unreadOnly = !m.unreadOnly
	m.say(map[bool]string{true: "showing unread papers", false: "showing all papers"}[m.unreadOnly])
	return m, m.reload(true)
}

// positionCmd finds where the first of ids (the selection, then its
// neighbours, nearest first) sits in the view.
func positionCmd(lib Library, f store.Filter, req request, ids []string) tea.Cmd {
	return reqCmd(req, func(ctx context.Context) tea.Msg {
		id, i, ok, err := lib.FirstPosition(ctx, f, ids)
		if !ok {
			return selectionFound{tok: req.tok, index: -1, err: err}
		}
		return selectionFound{tok: req.tok, index: i, id: id, err: err}
	})
}
