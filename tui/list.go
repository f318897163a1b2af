package tui

import (
	"context"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/papertui/papers/store"
	"github.com/papertui/papers/tui/clean"
)

// The list pane: the view's rows, loaded a page at a time around the
// viewport; its messages (pageLoaded; countLoaded in listcount.go), its keys, its
// movement and its Cmds. How it draws is in listview.go; how the view is
// (re)loaded and the selection kept across reloads, in reload.go.

// pageSize is how many rows one query loads. Only the pages around the
// viewport are held, so a keypress costs the same at 100 or 100,000 papers.
const pageSize = 200

// keepPages is how many pages the list holds before dropping far ones.
const keepPages = 16

const remoteGroup = "\x01remote"

// pageLoaded: one page of the view's rows.
type pageLoaded struct {
	tok  token
	page int
	rows []row
	err  error
}

// listPane is a window over the view's rows, loaded a page at a time.
type listPane struct {
	total   int
	counted bool
	pages   map[int][]row
	pending map[int]bool
	cursor  int
	offset  int // first row drawn

	// foundID is the paper a reload found at foundAt, for the moment
	// before that row's page arrives: a second s then still knows which
	// paper is selected (followIDs).
	foundID string
	foundAt int

	// capped: total is countCap, the view holds more, and its exact
	// count is on its way; wantEnd: G was pressed meanwhile, so the
	// cursor goes to the last row when the count arrives.
	capped, wantEnd bool

	// byDay: rows come in feed-day order, so a rule heads each day;
	// otherwise (by upvotes, trending, best match) each row shows its day.
	byDay bool
	// remote are Hugging Face's search results, shown after the local
	// rows (which total counts) under a rule of their own.
	remote []row
	// awaiting: a fresh view whose rows or selection are on their way;
	// keys that act on them wait for them (typeahead.go).
	awaiting bool

	// drawn keeps rows drawn in earlier frames (rowcache.go): a pointer,
	// as View draws on a copy of the model.
	drawn *rowDrawings

	// follow is the selection and its neighbours, nearest first, while a
	// reload looks for where they went; a move by the user ends it.
	// followLine is the screen row the selection keeps (a negative one,
	// which no reload gives now, would keep the offset instead).
	follow     []string
	followLine int

	// rowsRead counts row lookups, so tests can check that a key's cost
	// does not grow with the list.
	rowsRead int

	// shown is the view this one replaced, drawn instead of this one
	// until it is where it will stay and its rows there are in
	// (settleShown), it fails, or a key or the wheel acts on it: a search
	// letter, a sort or a period swaps the rows instead of blanking them
	// for the query's few milliseconds (or a second, for a common word in
	// a large library). A click on the list meanwhile does nothing: the
	// rows under it are not this view's.
	shown *listPane
	// unread is the day rules' counts a view had when it was replaced,
	// for drawing it as shown.
	unread map[string]int
}

func newListPane(byDay bool) listPane {
	return listPane{pages: map[int][]row{}, pending: map[int]bool{}, byDay: byDay, drawn: newRowDrawings()}
}

// inSight says the row at the top of the screen is loaded (or, the view
// counted, is past its library rows), without counting a lookup.
func (l *listPane) inSight() bool {
	if l.offset >= l.total {
		return l.counted
	}
	_, ok := l.loaded(l.offset)
	return ok
}

// settleShown lets the replaced view go once this one is where it will
// stay (the selection found, or not looked for) and its rows there are
// in, or it is empty.
func (l *listPane) settleShown() {
	if l.shown != nil && l.settled() {
		l.shown = nil
	}
}

// settled: the view is where it will stay (the selection found, or not
// looked for) and its rows there are in, or it is empty.
func (l *listPane) settled() bool {
	return len(l.follow) == 0 && (l.inSight() || l.counted && l.count() == 0)
}

// at is the i-th row of the view, if its page is loaded.
func (l *listPane) at(i int) (row, bool) {
	l.rowsRead++
	if i >= l.total {
		if i-l.total < len(l.remote) {
			return l.remote[i-l.total], true
		}
		return row{}, false
	}
	return l.loaded(i)
}

// loaded is the i-th library row of the view, if its page is loaded.
func (l *listPane) loaded(i int) (row, bool) {
	rows, ok := l.pages[i/pageSize]
	if !ok || i%pageSize >= len(rows) {
		return row{}, false
	}
	return rows[i%pageSize], true
}

// count is every row: the local ones and the remote results.
func (l *listPane) count() int { return l.total + len(l.remote) }

// isRemote says whether row i is a remote search result.
func (l *listPane) isRemote(i int) bool { return i >= l.total }

// groupOf is what a rule heads a run of rows with: the feed day in
// feed-day order, the remote results as one group, nothing otherwise.
func (l *listPane) groupOf(i int, r row) string {
	switch {
	case l.isRemote(i):
		return remoteGroup
	case l.byDay && r.Day == "":
		return noDayGroup
	case l.byDay:
		return r.Day
	}
	return ""
}

// noDayGroup is the group of the papers without a feed day (added by id,
// never listed): a rule of their own says so, where they used to sit
// under the oldest day's.
const noDayGroup = "\x01"

// groupDay is the feed day a day group stands for.
func groupDay(group string) string {
	if group == noDayGroup {
		return ""
	}
	return group
}

// selected is the row under the cursor.
func (l *listPane) selected() (row, bool) {
	if l.count() == 0 {
		return row{}, false
	}
	return l.at(l.cursor)
}

// move moves the cursor by delta rows, clamped, and scrolls to keep it
// visible in height lines.
func (l *listPane) move(delta, height int) {
	l.moveTo(l.cursor+delta, height)
}

// moveTo is a move the user asked for: it ends any search of a reload
// for the selection.
func (l *listPane) moveTo(i, height int) {
	l.follow = nil
	l.clampTo(i, height)
}

func (l *listPane) clampTo(i, height int) {
	l.cursor = max(0, min(i, l.count()-1))
	l.scroll(height)
}

// scroll keeps the cursor in view, counting the day separators drawn.
// It looks at no more rows than fit on the screen, so a jump across
// 100,000 rows costs what a step of one does.
func (l *listPane) scroll(height int) {
	if l.cursor < l.offset {
		l.offset = l.cursor
	}
	// Every row takes at least a line: an offset further than height rows
	// above the cursor would put the cursor below the screen.
	l.offset = max(l.offset, l.cursor-height+1)
	for l.offset < l.cursor && l.linesBetween(l.offset, l.cursor) > height {
		l.offset++
	}
	l.offset = max(0, min(l.offset, max(l.count()-1, 0)))
}

// linesBetween counts the screen lines rows from..to take, separators
// included (the first row always gets one).
func (l *listPane) linesBetween(from, to int) int {
	lines := 0
	l.walkLines(from, to, func(int, row, bool, string) bool { lines++; return true })
	return lines
}

// walkLines is the one walk of the list's screen lines, rules over the
// groups (days, remote results) included, for rows from..to: fn gets
// each line's row, whether it is loaded, and for a rule's line its
// group ("" for the row's own line). It stops when fn returns false.
func (l *listPane) walkLines(from, to int, fn func(i int, r row, loaded bool, group string) bool) {
	prev := "\x00"
	for i := from; i <= to; i++ {
		r, ok := l.at(i)
		if g := l.groupOf(i, r); ok && g != prev && g != "" {
			if !fn(i, r, ok, g) {
				return
			}
			prev = g
		}
		if !fn(i, r, ok, "") {
			return
		}
	}
}

// neededPages are the pages the viewport and its neighbours need.
func (l *listPane) neededPages(height int) []int {
	if l.total == 0 {
		return nil
	}
	first := max(0, l.offset-pageSize/2) / pageSize
	last := min(l.total-1, l.offset+height+pageSize/2) / pageSize
	var pages []int
	for p := first; p <= last; p++ {
		if _, ok := l.pages[p]; !ok && !l.pending[p] {
			pages = append(pages, p)
		}
	}
	return pages
}

// dropFarPages forgets pages far from the cursor so memory stays flat
// however far the reader scrolls.
func (l *listPane) dropFarPages() {
	if len(l.pages) <= keepPages {
		return
	}
	here := l.cursor / pageSize
	for p := range l.pages {
		if p < here-keepPages/2 || p > here+keepPages/2 {
			delete(l.pages, p)
		}
	}
}

// rowAtLine is the row drawn on screen line n of the list, if any.
func (l *listPane) rowAtLine(n int) (int, bool) {
	line, at, found := 0, 0, false
	l.walkLines(l.offset, l.count()-1, func(i int, _ row, _ bool, group string) bool {
		if line == n {
			at, found = i, group == "" // a rule is no row
			return false
		}
		line++
		return true
	})
	return at, found
}

// setState shows a change of a paper's reader state on its rows, the
// moment the key is pressed (state.go).
func (l *listPane) setState(id string, c change) {
	l.eachRow(id, func(r *row) {
		switch c {
		case changeOpened, changeRead:
			r.Read = true
		case changeUnread:
			r.Read = false
		case changeQueued:
			r.Queued = true
		case changeAdded:
			r.Queued, r.inLibrary = true, true
		case changeUnqueued:
			r.Queued = false
		case changeDone:
			r.Queued, r.Read = false, true
		}
	})
}

// restore puts a row's state back as it was (a write failed).
func (l *listPane) restore(was row) {
	l.eachRow(was.ID, func(r *row) { r.Queued, r.Read, r.inLibrary = was.Queued, was.Read, was.inLibrary })
}

// rowByID is a paper's row among the rows held, if any: the selected one
// first, as it is usually the one asked for.
func (l *listPane) rowByID(id string) (row, bool) {
	if r, ok := l.selected(); ok && r.ID == id {
		return r, true
	}
	var found row
	ok := false
	l.eachRow(id, func(r *row) { found, ok = *r, true })
	return found, ok
}

// eachLocal calls fn on every held local row that match takes.
func (l *listPane) eachLocal(match func(*row) bool, fn func(*row)) {
	for _, rows := range l.pages {
		for i := range rows {
			if match(&rows[i]) {
				fn(&rows[i])
			}
		}
	}
}

// eachRow calls fn on every held row of paper id (a paper may be both a
// local row and a remote result).
func (l *listPane) eachRow(id string, fn func(*row)) {
	l.eachLocal(func(r *row) bool { return r.ID == id }, fn)
	for i := range l.remote {
		if l.remote[i].ID == id {
			fn(&l.remote[i])
		}
	}
}

// onPageLoaded takes a page of rows, and the selection when a reload was
// looking for it there.
func (m Model) onPageLoaded(msg pageLoaded) (tea.Model, tea.Cmd) {
	if !m.requests.current(msg.tok) {
		return m, nil
	}
	delete(m.list.pending, msg.page)
	if msg.err != nil {
		m.list.shown = nil // the failure is this view's to show
		m.fail(clean.Line(msg.err.Error()))
		return m, nil
	}
	m.list.pages[msg.page] = msg.rows
	m.detailOutOfDate(msg.rows)
	if !m.list.counted {
		// Show the first rows while the count (slow for a common word)
		// is still on its way.
		m.list.total = max(m.list.total, msg.page*pageSize+len(msg.rows))
	}
	m.list.foundIn(msg.page, msg.rows, m.listHeight())
	m.list.scroll(m.listHeight())
	m.list.settleShown()
	return m, tea.Batch(m.loadPages(), m.wantDetail(), m.wantCountsOfPage(msg.tok, msg.rows))
}

// listKey handles the list's own keys: movement, enter and esc.
func (m Model) listKey(msg tea.KeyPressMsg) (tea.Model, tea.Cmd) {
	m.list.shown = nil // a key acts on the new view: show it as it is
	h := m.listHeight()
	// G before the exact count (or any count): as far as counted now,
	// the last row when the count arrives (unless another key moves
	// first).
	m.list.wantEnd = !m.list.counted && key.Matches(msg, m.keys.List.moveKeys.Bottom)
	if !navigate(m.keys.List.moveKeys, msg, h, m.list.cursor, m.list.count(), func(i int) { m.list.moveTo(i, h) }) {
		switch {
		case key.Matches(msg, m.keys.Paper.Open):
			if r, ok := m.list.selected(); ok {
				return m.openPaper(r.ID, paneList)
			}
		case key.Matches(msg, m.keys.List.Back) && (m.search.active || m.search.saved != nil):
			return m.endSearch()
		}
		return m, nil
	}
	return m, tea.Batch(m.loadPages(), m.wantDetail())
}

// listHeight is the rows the list draws (its pane minus the title line).
func (m Model) listHeight() int { return max(1, m.bodyHeight(paneList)-1) }

// loadPages asks for the pages around the viewport not yet loaded.
func (m Model) loadPages() tea.Cmd {
	// Every move (keys, wheel, click, a reload finding the selection)
	// comes here: memory stays flat however the list is scrolled.
	m.list.dropFarPages()
	filter := m.listFilter
	if m.list.counted {
		filter.Total = m.list.total // a page past the middle is read from the end
	}
	var cmds []tea.Cmd
	req := m.requests.running(topicView)
	for _, p := range m.list.neededPages(m.listHeight()) {
		m.list.pending[p] = true
		cmds = append(cmds, pageCmd(m.opts.Library, filter, req, p))
	}
	return tea.Batch(cmds...)
}

func pageCmd(lib Library, f store.Filter, req request, page int) tea.Cmd {
	return reqCmd(req, func(ctx context.Context) tea.Msg {
		entries, err := lib.Entries(ctx, f, page*pageSize, pageSize)
		rows := rowsOf(entries)
		markNew(ctx, lib, f.NewSince, rows)
		return pageLoaded{tok: req.tok, page: page, rows: rows, err: err}
	})
}
