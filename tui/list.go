package tui

import (
	"fmt"
	"strings"
	"time"

	"github.com/charmbracelet/x/ansi"
	"github.com/papertui/papers/store"
	"github.com/papertui/papers/tui/clean"
)

// pageSize is how many rows one query loads. Only the pages around the
// viewport are held, so a keypress costs the same at 100 or 100,000 papers.
const pageSize = 200

// keepPages is how many pages the list holds before dropping far ones.
const keepPages = 16

// row is a list entry with its text already made safe for display, done
// once when the page loads rather than on every frame.
type row struct {
	store.Entry
	title string // cleaned, LaTeX as Unicode
	who   string // organization, else first author, cleaned
	// remote rows are Hugging Face search results; inLibrary ones are
	// already stored.
	remote, inLibrary bool
}

func rowsOf(entries []store.Entry) []row {
	rows := make([]row, len(entries))
	for i, e := range entries {
		who := e.Organization
		if who == "" {
			who = e.FirstAuthor
		}
		rows[i] = row{Entry: e, title: clean.TeX(clean.Line(e.Title)), who: clean.Line(who)}
	}
	return rows
}

// listPane is a window over the view's rows, loaded a page at a time.
type listPane struct {
	total   int
	counted bool
	pages   map[int][]row
	pending map[int]bool
	cursor  int
	offset  int // first row drawn
	// byDay: rows come in feed-day order, so a rule heads each day;
	// otherwise (by upvotes, trending, best match) each row shows its day.
	byDay bool
	// remote are Hugging Face's search results, shown after the local
	// rows (which total counts) under a rule of their own.
	remote []row

	// drawn caches rendered rows (not the selected one) for drawnWidth:
	// styling a row costs more than the rest of a frame. Cleared whenever
	// rows or styles change.
	drawn      map[int]string
	drawnWidth int

	// follow is the selection and its neighbours, nearest first, while a
	// reload looks for where they went; a move by the user ends it.
	// followLine is the screen row the selection keeps, or -1 to keep the
	// offset (new papers above a synced view show up above it).
	follow     []string
	followLine int

	// rowsRead counts row lookups, so tests can check that a key's cost
	// does not grow with the list.
	rowsRead int
}

func newListPane(byDay bool) listPane {
	return listPane{pages: map[int][]row{}, pending: map[int]bool{}, drawn: map[int]string{}, byDay: byDay}
}

// row is the i-th row of the view, if its page is loaded.
func (l *listPane) row(i int) (row, bool) {
	l.rowsRead++
	if i >= l.total {
		if i-l.total < len(l.remote) {
			return l.remote[i-l.total], true
		}
		return row{}, false
	}
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
	case l.byDay:
		return r.Day
	}
	return ""
}

const remoteGroup = "\x01remote"

// selected is the row under the cursor.
func (l *listPane) selected() (row, bool) {
	if l.count() == 0 {
		return row{}, false
	}
	return l.row(l.cursor)
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
	prevDay := "\x00"
	for i := from; i <= to; i++ {
		r, _ := l.row(i)
		if g := l.groupOf(i, r); g != prevDay && g != "" {
			lines++
			prevDay = g
		}
		lines++
	}
	return lines
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

// maxNeighbours is how many rows each side of the selection a reload
// looks for when the selected paper itself left the view.
const maxNeighbours = 200

// followIDs is what a reload keeps the selection on: the selected paper,
// then its neighbours nearest first (the one below before the one above),
// or what an unfinished reload was already looking for.
func (l *listPane) followIDs() []string {
	if len(l.follow) > 0 {
		return l.follow
	}
	r, ok := l.selected()
	if !ok {
		return nil
	}
	ids := []string{r.ID}
	for d := 1; d <= maxNeighbours; d++ {
		for _, i := range []int{l.cursor + d, l.cursor - d} {
			if i < 0 || i >= l.total {
				continue
			}
			if r, ok := l.row(i); ok {
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
		// Near the end, fill the screen rather than leave rows above
		// out of sight.
		for l.offset > 0 && l.count()-l.offset < height && l.linesBetween(l.offset-1, l.count()-1) <= height {
			l.offset--
		}
	}
	l.follow = nil
	l.scroll(height)
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

// view draws the visible rows into w × h, each line exactly w wide.
func (l *listPane) view(st *styles, w, h int, marks []string) []string {
	lines := make([]string, 0, h)
	prevDay := "\x00"
	for i := l.offset; i < l.count() && len(lines) < h; i++ {
		r, ok := l.row(i)
		if !ok {
			lines = append(lines, st.pDimmed.on(fit("  loading…", w)))
			continue
		}
		if g := l.groupOf(i, r); g != prevDay && g != "" {
			lines = append(lines, groupRule(st, g, w, len(l.remote)))
			prevDay = g
			if len(lines) >= h {
				break
			}
		}
		lines = append(lines, l.drawRow(st, r, i, w, marks))
	}
	return lines
}

func (l *listPane) drawRow(st *styles, r row, i, w int, marks []string) string {
	if i == l.cursor {
		return rowLine(st, r, w, true, nil, !l.byDay)
	}
	if w != l.drawnWidth || len(l.drawn) > 4*pageSize {
		clear(l.drawn)
		l.drawnWidth = w
	}
	line, ok := l.drawn[i]
	if !ok {
		line = rowLine(st, r, w, false, marks, !l.byDay)
		l.drawn[i] = line
	}
	return line
}

// forgetDrawn drops every cached row drawing.
func (l *listPane) forgetDrawn() { clear(l.drawn) }

// shortDay is a feed day in ten cells, blank outside the feed.
func shortDay(day string) string {
	if t, err := time.Parse(time.DateOnly, day); err == nil {
		return t.Format("2006-01-02")
	}
	return "          "
}

// groupRule draws the rule over a day or over the remote results.
func groupRule(st *styles, group string, w, remote int) string {
	if group != remoteGroup {
		return dayRule(st, group, w)
	}
	head := fmt.Sprintf("── from Hugging Face (%d; b adds to the library and the queue) ", remote)
	return st.pDayHeader.on(fit(head+strings.Repeat("─", max(0, w-ansi.StringWidth(head))), w))
}

func dayRule(st *styles, day string, w int) string {
	label := "not in the feed"
	if t, err := time.Parse(time.DateOnly, day); err == nil {
		label = t.Format("Mon 2 Jan 2006")
	}
	head := "── " + label + " "
	return st.pDayHeader.on(fit(head+strings.Repeat("─", max(0, w-ansi.StringWidth(head))), w))
}

// rowLine is one paper: queued mark, read mark, upvotes, comments,
// title, who. The states have glyphs, not only colours, so they read the
// same without colour (NO_COLOR). The selected row is drawn plain in the
// selection colours, so no inner style reset can cut its background short.
func rowLine(st *styles, r row, w int, selected bool, marks []string, showDay bool) string {
	mark := " "
	switch {
	case r.Queued:
		mark = "●"
	case r.remote && !r.inLibrary:
		mark = "»" // not in the library yet
	}
	seen := " "
	if r.Read {
		seen = readMark
	}
	stats := fmt.Sprintf("%5s %3d", fmt.Sprintf("▲%d", r.Upvotes), r.Comments)
	if showDay {
		stats += " " + shortDay(r.Day)
	}
	// The who column has a fixed width so titles line up.
	whoW := 0
	if w >= 70 {
		whoW = min(24, w/4)
	}
	// mark, space, stats, space, title, then "  who" when it fits.
	titleW := max(1, w-2-ansi.StringWidth(stats)-1)
	title, who := "", ""
	if whoW > 0 {
		titleW = max(1, titleW-2-whoW)
		who = "  " + fit(r.who, whoW)
	}
	title = fit(r.title, titleW)
	if selected {
		return st.pSelected.on(fit(mark+seen+stats+" "+title+who, w))
	}
	text := st.pUnread
	if r.Read {
		text = st.pRead
	}
	if r.Queued {
		mark = st.pQueued.on(mark)
	}
	// Search hits stand out; after each, the row's own style resumes.
	title = markHits(title, marks, st.pHighlight.pre, st.pHighlight.post+text.pre)
	return mark + st.pDimmed.on(seen) + st.pUpvotes.on(stats) + " " + text.on(title) + st.pDimmed.on(who)
}

// readMark marks a read paper in the list and the queue.
const readMark = "✓"

// fit truncates s to w cells with an ellipsis and pads it to exactly w,
// measuring wide (CJK, emoji) and zero-width (combining) runes right.
func fit(s string, w int) string {
	s = ansi.Truncate(s, w, "…")
	return s + strings.Repeat(" ", max(0, w-ansi.StringWidth(s)))
}

// rowAtLine is the row drawn on screen line n of the list, if any.
func (l *listPane) rowAtLine(n int) (int, bool) {
	line := 0
	prevDay := "\x00"
	for i := l.offset; i < l.count(); i++ {
		r, _ := l.row(i)
		if g := l.groupOf(i, r); g != prevDay && g != "" {
			line++
			prevDay = g
		}
		if line == n {
			return i, true
		}
		if line > n {
			return 0, false
		}
		line++
	}
	return 0, false
}

// setState updates a paper's row after a change to its reader state
// reached the disk.
func (l *listPane) setState(id string, c change) {
	set := func(r *row) {
		switch c {
		case changeOpened, changeRead:
			r.Read = true
		case changeUnread:
			r.Read = false
		case changeQueued:
			r.Queued = true
		case changeUnqueued:
			r.Queued = false
		case changeDone:
			r.Queued, r.Read = false, true
		}
	}
	for _, rows := range l.pages {
		for i := range rows {
			if rows[i].ID == id {
				set(&rows[i])
			}
		}
	}
	for i := range l.remote {
		if l.remote[i].ID == id {
			set(&l.remote[i])
		}
	}
	l.forgetDrawn()
}
