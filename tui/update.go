package tui

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/spinner"
	tea "charm.land/bubbletea/v2"
	"github.com/papertui/papers/feed"
	"github.com/papertui/papers/tui/clean"
)

// Update routes each message to the method that handles it.
func (m Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		return m.resized(msg.Width, msg.Height)
	case tea.BackgroundColorMsg:
		return m.themeKnown(msg.IsDark())
	case themeTimedOut:
		return m.themeKnown(true)
	case tea.KeyPressMsg:
		return m.keyPressed(msg)
	case tea.PasteMsg:
		if m.search.typing {
			return m.searchEdit(msg)
		}
	case tea.MouseWheelMsg:
		return m.wheeled(msg)
	case tea.MouseClickMsg:
		return m.clicked(msg)
	case countLoaded:
		return m.counted(msg)
	case pageLoaded:
		return m.pageArrived(msg)
	case detailRendered:
		return m.detailArrived(msg)
	case queueLoaded:
		return m.queueArrived(msg)
	case stateSaved:
		return m.stateSaved(msg)
	case selectionFound:
		return m.selectionFound(msg)
	case syncRequested:
		return m.startSync()
	case syncProgressed:
		return m.syncProgressed(msg)
	case syncFinished:
		return m.syncFinished(msg)
	case spinner.TickMsg:
		return m.spun(msg)
	case opened:
		return m.opened(msg)
	case searchDue:
		return m.searchDue(msg)
	case remoteFound:
		return m.remoteArrived(msg)
	case watchDue:
		return m, versionCmd(m.opts.Library)
	case libraryVersion:
		return m.versionArrived(msg)
	case remoteAdded:
		return m.remoteStored(msg)
	case periodFound:
		return m.periodArrived(msg)
	}
	return m, nil
}

func (m Model) resized(w, h int) (tea.Model, tea.Cmd) {
	m.width, m.height = w, h
	m.help.SetWidth(w)
	m.list.scroll(m.listHeight())
	m.queue.move(0, m.queueHeight())
	m.detail.vp.setHeight(m.bodyHeight(paneDetail) - 1)
	return m, tea.Batch(m.loadPages(), m.wantDetail())
}

func (m Model) themeKnown(dark bool) (tea.Model, tea.Cmd) {
	if m.themed {
		return m, nil
	}
	m.themed = true
	m.setStyle(dark)
	m.list.forgetDrawn()
	return m, m.wantDetail()
}

// keyPressed handles keys that work everywhere, then the focused pane's.
func (m Model) keyPressed(msg tea.KeyPressMsg) (tea.Model, tea.Cmd) {
	if m.search.typing {
		return m.searchKey(msg)
	}
	if m.showHelp {
		if key.Matches(msg, m.keys.Quit) && msg.String() == "ctrl+c" {
			return m.quit()
		}
		m.showHelp = false
		return m, nil
	}
	k := m.keys
	switch {
	case key.Matches(msg, k.Quit):
		return m.quit()
	case key.Matches(msg, k.Help):
		m.showHelp = true
		return m, nil
	case key.Matches(msg, k.NextPane):
		return m.focusPane((m.focus + 1) % paneCount)
	case key.Matches(msg, k.PrevPane):
		return m.focusPane((m.focus + paneCount - 1) % paneCount)
	case key.Matches(msg, k.Pane1):
		return m.focusPane(paneList)
	case key.Matches(msg, k.Pane2):
		return m.focusPane(paneDetail)
	case key.Matches(msg, k.Pane3):
		return m.focusPane(paneQueue)
	case key.Matches(msg, k.Sync):
		return m.startSync()
	case key.Matches(msg, k.UnreadOnly):
		return m.toggleUnreadOnly()
	case key.Matches(msg, k.Search):
		return m.startSearch()
	case key.Matches(msg, k.Remote):
		return m.searchRemote()
	}
	if next, cmd, handled := m.periodKey(msg); handled {
		return next, cmd
	}
	if id, ok := m.currentID(); ok {
		if next, cmd, handled := m.paperKey(msg, id); handled {
			return next, cmd
		}
	}
	switch m.focus {
	case paneList:
		return m.listKey(msg)
	case paneDetail:
		return m.detailKey(msg)
	}
	return m.queueKey(msg)
}

func (m Model) quit() (tea.Model, tea.Cmd) {
	if m.sync.cancel != nil {
		m.sync.cancel()
	}
	return m, tea.Quit
}

// currentID is the paper the keys act on: the queue's selection in the
// queue pane, the detail's paper in the detail pane, else the list's.
func (m Model) currentID() (string, bool) {
	switch m.focus {
	case paneQueue:
		if r, ok := m.queue.selected(); ok {
			return r.ID, true
		}
		return "", false
	case paneDetail:
		if m.detail.want.id != "" {
			return m.detail.want.id, true
		}
	}
	r, ok := m.list.selected()
	return r.ID, ok
}

// paperKey handles the keys that act on one paper from any pane.
func (m Model) paperKey(msg tea.KeyPressMsg, id string) (tea.Model, tea.Cmd, bool) {
	k, lib := m.keys, m.opts.Library
	switch {
	case key.Matches(msg, k.Bookmark):
		if r, ok := m.list.selected(); ok && m.focus == paneList && r.ID == id && r.remote && !r.inLibrary {
			return m, m.addRemote(m.remotePapers[id]), true
		}
		if m.isQueued(id) {
			return m, saveCmd("unqueued", id, func(ctx context.Context) error { return lib.Dequeue(ctx, id) }), true
		}
		return m, saveCmd("queued", id, func(ctx context.Context) error { return lib.Enqueue(ctx, id) }), true
	case key.Matches(msg, k.ToggleRead):
		read := !m.isRead(id)
		what := map[bool]string{true: "marked read", false: "marked unread"}[read]
		return m, saveCmd(what, id, func(ctx context.Context) error { return lib.SetRead(ctx, read, id) }), true
	case key.Matches(msg, k.OpenHF):
		return m, openCmd(feed.Paper{ID: id}.HFURL()), true
	case key.Matches(msg, k.OpenPDF):
		return m, openCmd(feed.Paper{ID: id}.PDFURL()), true
	case key.Matches(msg, k.Copy):
		url := feed.Paper{ID: id}.HFURL()
		m.notice = "copied " + url
		return m, tea.SetClipboard(url), true
	}
	return m, nil, false
}

func (m Model) isQueued(id string) bool {
	for _, r := range m.queue.records {
		if r.ID == id {
			return true
		}
	}
	return false
}

func (m Model) isRead(id string) bool {
	if r, ok := m.list.selected(); ok && r.ID == id {
		return r.Read
	}
	if m.detail.hasRecord && m.detail.record.ID == id {
		return m.detail.record.Read
	}
	if r, ok := m.queue.selected(); ok && r.ID == id {
		return r.Read
	}
	return false
}

func (m Model) focusPane(p pane) (tea.Model, tea.Cmd) {
	if p != paneDetail {
		m.lastFocus = p
	}
	m.focus = p
	return m, tea.Batch(m.loadPages(), m.wantDetail())
}

func (m Model) listKey(msg tea.KeyPressMsg) (tea.Model, tea.Cmd) {
	h := m.listHeight()
	if !m.navigate(msg, h, m.list.cursor, m.list.total, func(i int) { m.list.moveTo(i, h) }) {
		switch {
		case key.Matches(msg, m.keys.Open):
			if r, ok := m.list.selected(); ok {
				return m.openPaper(r.ID, paneList)
			}
		case key.Matches(msg, m.keys.Back) && (m.search.active || m.search.saved != nil):
			return m.endSearch()
		}
		return m, nil
	}
	m.list.dropFarPages()
	return m, tea.Batch(m.loadPages(), m.wantDetail())
}

func (m Model) queueKey(msg tea.KeyPressMsg) (tea.Model, tea.Cmd) {
	h := m.queueHeight()
	lib := m.opts.Library
	r, has := m.queue.selected()
	switch {
	case m.navigate(msg, h, m.queue.cursor, len(m.queue.records), func(i int) { m.queue.move(i-m.queue.cursor, h) }):
		return m, m.wantDetail()
	case !has:
		return m, nil
	case key.Matches(msg, m.keys.Open):
		return m.openPaper(r.ID, paneQueue)
	case key.Matches(msg, m.keys.MoveUp) && m.queue.cursor > 0:
		pos := m.queue.cursor // 1-based position above
		m.queue.move(-1, h)
		return m, saveCmd("moved", r.ID, func(ctx context.Context) error { return lib.Move(ctx, r.ID, pos) })
	case key.Matches(msg, m.keys.MoveDown) && m.queue.cursor < len(m.queue.records)-1:
		pos := m.queue.cursor + 2
		m.queue.move(1, h)
		return m, saveCmd("moved", r.ID, func(ctx context.Context) error { return lib.Move(ctx, r.ID, pos) })
	case key.Matches(msg, m.keys.Done):
		return m, saveCmd("done", r.ID, func(ctx context.Context) error { return lib.Done(ctx, r.ID) })
	}
	return m, nil
}

func (m Model) detailKey(msg tea.KeyPressMsg) (tea.Model, tea.Cmd) {
	k := m.keys
	vp := &m.detail.vp
	switch {
	case key.Matches(msg, k.Back):
		m.focus = m.lastFocus
		return m, tea.Batch(m.loadPages(), m.wantDetail())
	case key.Matches(msg, k.AllAuthors):
		m.detail.allAuthors = !m.detail.allAuthors
		return m, m.wantDetail()
	case key.Matches(msg, k.NextHit):
		if !m.detail.jumpHit(1) {
			m.notice = "no more hits below"
		}
	case key.Matches(msg, k.PrevHit):
		if !m.detail.jumpHit(-1) {
			m.notice = "no more hits above"
		}
	case key.Matches(msg, k.Down):
		vp.scroll(1)
	case key.Matches(msg, k.Up):
		vp.scroll(-1)
	case key.Matches(msg, k.HalfDown):
		vp.scroll(vp.height / 2)
	case key.Matches(msg, k.HalfUp):
		vp.scroll(-vp.height / 2)
	case key.Matches(msg, k.PageDown):
		vp.scroll(vp.height)
	case key.Matches(msg, k.PageUp):
		vp.scroll(-vp.height)
	case key.Matches(msg, k.Top):
		vp.top()
	case key.Matches(msg, k.Bottom):
		vp.bottom()
	}
	return m, nil
}

// navigate applies the movement keys to a cursor over n items shown h at
// a time; it reports whether msg was a movement key.
func (m Model) navigate(msg tea.KeyPressMsg, h, cursor, n int, moveTo func(int)) bool {
	k := m.keys
	target := cursor
	switch {
	case key.Matches(msg, k.Down):
		target++
	case key.Matches(msg, k.Up):
		target--
	case key.Matches(msg, k.Top):
		target = 0
	case key.Matches(msg, k.Bottom):
		target = n - 1
	case key.Matches(msg, k.HalfDown):
		target += h / 2
	case key.Matches(msg, k.HalfUp):
		target -= h / 2
	case key.Matches(msg, k.PageDown):
		target += h
	case key.Matches(msg, k.PageUp):
		target -= h
	default:
		return false
	}
	moveTo(target)
	return true
}

// openPaper shows a paper's detail and marks it read.
func (m Model) openPaper(id string, from pane) (tea.Model, tea.Cmd) {
	m.lastFocus = from
	m.focus = paneDetail
	m.detail.want.id = id
	lib := m.opts.Library
	cmds := []tea.Cmd{m.wantDetail()}
	if !m.isRead(id) {
		cmds = append(cmds, saveCmd("read", id, func(ctx context.Context) error { return lib.SetRead(ctx, true, id) }))
	}
	return m, tea.Batch(cmds...)
}

// wantDetail asks for the detail of the paper the focus points at, from
// the cache when it can.
func (m *Model) wantDetail() tea.Cmd {
	id := m.detailTarget()
	w := m.detailWidth()
	if id == "" || w <= 0 || !m.themed {
		m.detail.want = detailKey{id: id}
		return nil
	}
	key := detailKey{id: id, width: w, style: m.glamourStyle(), allAuthors: m.detail.allAuthors,
		marks: strings.Join(m.highlights(), "\n")}
	if key == m.detail.shown {
		m.detail.want = key
		return nil
	}
	if r, ok := m.detail.cache[key]; ok {
		m.detail.want = key
		m.detail.show(key, r)
		return nil
	}
	if key == m.detail.want {
		return nil // already on its way
	}
	m.detail.want = key
	fallback, _ := m.remoteRecord(id)
	return detailCmd(m.opts.Library, key, fallback)
}

// detailTarget is the paper the detail should show: the one opened while
// the detail has the focus, else the selection of the list or queue.
func (m Model) detailTarget() string {
	switch m.focus {
	case paneDetail:
		if m.detail.want.id != "" {
			return m.detail.want.id
		}
	case paneQueue:
		if r, ok := m.queue.selected(); ok {
			return r.ID
		}
		return ""
	}
	if m.lastFocus == paneQueue && m.focus == paneDetail {
		if r, ok := m.queue.selected(); ok {
			return r.ID
		}
	}
	r, _ := m.list.selected()
	return r.ID
}

func (m Model) detailWidth() int {
	w := computeLayout(m.width, m.height, paneDetail).panes[paneDetail].w
	return w
}

func (m Model) loadPages() tea.Cmd {
	var cmds []tea.Cmd
	for _, p := range m.list.neededPages(m.listHeight()) {
		m.list.pending[p] = true
		cmds = append(cmds, pageCmd(m.opts.Library, m.view, m.gen, p))
	}
	return tea.Batch(cmds...)
}

func (m Model) counted(msg countLoaded) (tea.Model, tea.Cmd) {
	if msg.gen != m.gen {
		return m, nil
	}
	if msg.err != nil {
		m.errMsg = clean.Line(msg.err.Error())
		return m, nil
	}
	m.list.total, m.list.counted = msg.total, true
	m.list.moveTo(m.list.cursor, m.listHeight())
	return m, tea.Batch(m.loadPages(), m.wantDetail())
}

func (m Model) pageArrived(msg pageLoaded) (tea.Model, tea.Cmd) {
	if msg.gen != m.gen {
		return m, nil
	}
	delete(m.list.pending, msg.page)
	if msg.err != nil {
		m.errMsg = clean.Line(msg.err.Error())
		return m, nil
	}
	m.list.pages[msg.page] = msg.rows
	m.list.forgetDrawn()
	if !m.list.counted {
		// Show the first rows while the count (slow for a common word)
		// is still on its way.
		m.list.total = max(m.list.total, msg.page*pageSize+len(msg.rows))
	}
	m.list.scroll(m.listHeight())
	return m, m.wantDetail()
}

func (m Model) detailArrived(msg detailRendered) (tea.Model, tea.Cmd) {
	if msg.err != nil {
		if msg.key == m.detail.want {
			m.detail.err = msg.err
			m.detail.want = detailKey{id: msg.key.id}
		}
		return m, nil
	}
	r := rendered{content: msg.content, hits: msg.hits}
	m.detail.remember(msg.key, r)
	if msg.key.id == m.detail.want.id {
		m.detail.record, m.detail.hasRecord = msg.record, true
	}
	if msg.key == m.detail.want {
		m.detail.show(msg.key, r)
	}
	return m, nil
}

func (m Model) queueArrived(msg queueLoaded) (tea.Model, tea.Cmd) {
	if msg.err != nil {
		m.errMsg = clean.Line(msg.err.Error())
		return m, nil
	}
	m.queue.set(msg.records)
	m.queue.move(0, m.queueHeight())
	return m, nil
}

// stateSaved refreshes what shows the changed paper once the change is on
// disk: the queue, the visible list rows and the detail.
func (m Model) stateSaved(msg stateSaved) (tea.Model, tea.Cmd) {
	if msg.err != nil {
		m.errMsg = clean.Line(fmt.Sprintf("%s %s failed: %v", msg.id, msg.what, msg.err))
		return m, queueCmd(m.opts.Library)
	}
	if msg.what != "read" {
		m.notice = fmt.Sprintf("%s %s", msg.id, msg.what)
	}
	m.detail.forget(msg.id)
	if m.detail.shown.id == msg.id {
		m.detail.shown = detailKey{}
		m.detail.want = detailKey{id: m.detail.want.id}
	}
	return m, tea.Batch(queueCmd(m.opts.Library), m.refreshView(false), m.wantDetail())
}

// refreshView reloads the view in place: the count and the pages in sight.
// With keepSelection, the cursor follows the selected paper to wherever
// the reload puts it.
func (m *Model) refreshView(keepSelection bool) tea.Cmd {
	m.gen++
	visible := map[int][]row{}
	for p, rows := range m.list.pages {
		if p*pageSize <= m.list.offset+m.listHeight() && (p+1)*pageSize > m.list.offset {
			visible[p] = rows
		}
	}
	m.list.pages, m.list.pending = visible, map[int]bool{}
	cmds := []tea.Cmd{countCmd(m.opts.Library, m.view, m.gen)}
	for p := range visible {
		m.list.pending[p] = true
		cmds = append(cmds, pageCmd(m.opts.Library, m.view, m.gen, p))
	}
	if r, ok := m.list.selected(); ok && keepSelection {
		cmds = append(cmds, positionCmd(m.opts.Library, m.view, m.gen, r.ID))
	}
	return tea.Batch(cmds...)
}

func (m Model) selectionFound(msg selectionFound) (tea.Model, tea.Cmd) {
	if msg.gen != m.gen || msg.err != nil || msg.index < 0 {
		return m, nil
	}
	// The view stays where it was, so new papers above show up, unless the
	// selected paper would leave the screen.
	m.list.cursor = msg.index
	m.list.scroll(m.listHeight())
	return m, m.loadPages()
}

func (m Model) toggleUnreadOnly() (tea.Model, tea.Cmd) {
	m.unreadOnly = !m.unreadOnly
	m.notice = map[bool]string{true: "showing unread papers", false: "showing all papers"}[m.unreadOnly]
	return m, m.reload()
}

func (m Model) startSync() (tea.Model, tea.Cmd) {
	if m.sync.running {
		m.notice = "a sync is already running"
		return m, nil
	}
	if m.opts.Fetcher == nil {
		m.notice = "sync is off in this reader"
		return m, nil
	}
	ctx, cancel := context.WithCancel(context.Background())
	m.sync = syncState{running: true, ch: make(chan tea.Msg, 1), cancel: cancel, spin: m.sync.spin}
	m.errMsg = ""
	return m, tea.Batch(syncCmd(ctx, m.opts.Library, m.opts.Fetcher, m.sync.ch), m.sync.spin.Tick)
}

func (m Model) syncProgressed(msg syncProgressed) (tea.Model, tea.Cmd) {
	m.sync.day, m.sync.index, m.sync.total = msg.p.Day, msg.p.Index, msg.p.Total
	var refresh tea.Cmd
	if msg.p.Done && msg.p.Err == nil {
		refresh = m.refreshView(true)
	}
	return m, tea.Batch(listenSync(m.sync.ch), refresh)
}

func (m Model) syncFinished(msg syncFinished) (tea.Model, tea.Cmd) {
	m.sync.running = false
	m.sync.cancel = nil
	r := msg.report
	switch {
	case msg.err != nil && errors.Is(msg.err, context.Canceled):
		m.notice = "sync cancelled"
	case msg.err != nil:
		m.errMsg = clean.Line("sync failed: " + msg.err.Error())
	case len(r.Failed) > 0 && r.Days == 0:
		m.sync.offline = true
		m.errMsg = clean.Line(fmt.Sprintf("sync failed: %s", r.Failed[0].Error))
	case len(r.Failed) > 0:
		m.errMsg = clean.Line(fmt.Sprintf("synced %d days, %d failed: %s: %s", r.Days, len(r.Failed), r.Failed[0].Day, r.Failed[0].Error))
	default:
		m.sync.offline = false
		m.notice = fmt.Sprintf("synced %d days: %d new, %d updated", r.Days, r.New, r.Updated)
	}
	return m, m.refreshView(true)
}

func (m Model) spun(msg spinner.TickMsg) (tea.Model, tea.Cmd) {
	if !m.sync.running {
		return m, nil
	}
	var cmd tea.Cmd
	m.sync.spin, cmd = m.sync.spin.Update(msg)
	return m, cmd
}

func (m Model) opened(msg opened) (tea.Model, tea.Cmd) {
	if msg.err != nil {
		m.errMsg = clean.Line(fmt.Sprintf("could not open %s: %v", msg.url, msg.err))
	} else {
		m.notice = "opened " + msg.url
	}
	return m, nil
}

func (m Model) wheeled(msg tea.MouseWheelMsg) (tea.Model, tea.Cmd) {
	delta := 3
	if msg.Mouse().Button == tea.MouseWheelUp {
		delta = -3
	}
	if m.focus == paneDetail {
		m.detail.vp.scroll(delta)
		return m, nil
	}
	m.list.move(delta, m.listHeight())
	return m, tea.Batch(m.loadPages(), m.wantDetail())
}

// clicked selects the list row under the pointer.
func (m Model) clicked(msg tea.MouseClickMsg) (tea.Model, tea.Cmd) {
	lay := computeLayout(m.width, m.height, m.focus)
	pos := msg.Mouse()
	r := lay.panes[paneList]
	if !lay.visible[paneList] || pos.X < r.x || pos.X > r.x+r.w+1 {
		return m, nil
	}
	line := pos.Y - r.y - 2 // border and title
	if line < 0 {
		return m, nil
	}
	if i, ok := m.list.rowAtLine(line); ok {
		m.focus = paneList
		m.list.moveTo(i, m.listHeight())
		return m, tea.Batch(m.loadPages(), m.wantDetail())
	}
	return m, nil
}
