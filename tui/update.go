package tui

import (
	"errors"
	"fmt"
	"strings"

	"charm.land/bubbles/v2/spinner"
	tea "charm.land/bubbletea/v2"
	"github.com/papertui/papers/tui/clean"
)

// Update routes each message to the method that handles it; an error
// any of them shows fades in time.
func (m Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	next, cmd := m.route(msg)
	nm := next.(Model)
	if nm.quiet {
		nm.quiet = false
	} else {
		nm.drawSeq++
	}
	if fade := nm.fadeError(); fade != nil {
		return nm, tea.Batch(cmd, fade)
	}
	return nm, cmd
}

// route hands each message to its handler.
func (m Model) route(msg tea.Msg) (tea.Model, tea.Cmd) {
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
	case gapFound:
		return m.gapArrived(msg)
	case errorFaded:
		return m.errorFaded(msg)
	case libraryCounted:
		return m.libraryCounted(msg)
	}
	return m, nil
}

// resized lays the panes out for a new terminal size, keeping the selection.
func (m Model) resized(w, h int) (tea.Model, tea.Cmd) {
	m.width, m.height = w, h
	m.list.scroll(m.listHeight())
	m.queue.move(0, m.queueHeight())
	m.detail.vp.setHeight(m.bodyHeight(paneDetail) - 1)
	return m, tea.Batch(m.loadPages(), m.wantDetail())
}

// themeKnown settles the style once the terminal said its background (or
// did not in time), and renders the detail in it.
func (m Model) themeKnown(dark bool) (tea.Model, tea.Cmd) {
	if m.themed {
		return m, nil
	}
	m.themed = true
	m.setStyle(dark)
	m.list.forgetDrawn()
	return m, m.wantDetail()
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

// detailWidth is the width the detail is rendered for.
func (m Model) detailWidth() int {
	w := computeLayout(m.width, m.height, paneDetail).panes[paneDetail].w
	return w
}

// loadPages asks for the pages around the viewport not yet loaded.
func (m Model) loadPages() tea.Cmd {
	// Every move (keys, wheel, click, a reload finding the selection)
	// comes here: memory stays flat however the list is scrolled.
	m.list.dropFarPages()
	view := m.view
	if m.list.counted {
		view.Total = m.list.total // a page past the middle is read from the end
	}
	var cmds []tea.Cmd
	for _, p := range m.list.neededPages(m.listHeight()) {
		m.list.pending[p] = true
		cmds = append(cmds, pageCmd(m.opts.Library, view, m.gen, p))
	}
	return tea.Batch(cmds...)
}

// counted takes the view's size.
func (m Model) counted(msg countLoaded) (tea.Model, tea.Cmd) {
	if msg.gen != m.gen {
		return m, nil
	}
	if msg.err != nil {
		m.fail(clean.Line(msg.err.Error()))
		return m, nil
	}
	m.list.total, m.list.counted = msg.total, true
	m.list.clampTo(m.list.cursor, m.listHeight())
	return m, tea.Batch(m.loadPages(), m.wantDetail())
}

// pageArrived takes a page of rows, and the selection when a reload was
// looking for it there.
func (m Model) pageArrived(msg pageLoaded) (tea.Model, tea.Cmd) {
	if msg.gen != m.gen {
		return m, nil
	}
	delete(m.list.pending, msg.page)
	if msg.err != nil {
		m.fail(clean.Line(msg.err.Error()))
		return m, nil
	}
	m.list.pages[msg.page] = msg.rows
	m.list.forgetDrawn()
	if !m.list.counted {
		// Show the first rows while the count (slow for a common word)
		// is still on its way.
		m.list.total = max(m.list.total, msg.page*pageSize+len(msg.rows))
	}
	m.list.foundIn(msg.page, msg.rows, m.listHeight())
	m.list.scroll(m.listHeight())
	return m, tea.Batch(m.loadPages(), m.wantDetail())
}

// detailArrived caches a rendered detail and shows it if it is still wanted.
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

// queueArrived takes the queue, unless writes still pending make it stale.
func (m Model) queueArrived(msg queueLoaded) (tea.Model, tea.Cmd) {
	if len(m.saves) > 0 {
		return m, nil // stale already: the queue is reloaded when the writes are done
	}
	if msg.err != nil {
		m.fail(clean.Line(msg.err.Error()))
		return m, nil
	}
	m.queue.set(msg.records)
	m.queue.move(0, m.queueHeight())
	return m, nil
}

// stateSaved refreshes what shows the changed paper once the change is on
// disk: the queue, the visible list rows and the detail.
func (m Model) stateSaved(msg stateSaved) (tea.Model, tea.Cmd) {
	if len(m.saves) > 0 {
		m.saves = m.saves[1:]
	}
	if msg.err != nil {
		// What was asked after it assumed it had worked: drop it all and
		// show the library as it is.
		m.fail(clean.Line(fmt.Sprintf("%s %s failed: %v", msg.id, msg.change, msg.err)))
		m.saves = nil
		return m, tea.Batch(queueCmd(m.opts.Library), m.refreshView())
	}
	if msg.change != changeOpened {
		m.say(fmt.Sprintf("%s %s", msg.id, msg.change))
	}
	m.detail.forget(msg.id)
	if m.detail.shown.id == msg.id {
		m.detail.shown = detailKey{}
		m.detail.want = detailKey{id: m.detail.want.id}
	}
	// The row changes in place, not by reloading the view: a paper read in
	// the unread view stays in sight until the view is left, as in newsboat.
	m.list.setState(msg.id, msg.change)
	cmds := []tea.Cmd{m.wantDetail()}
	if len(m.saves) > 0 {
		cmds = append(cmds, writeCmd(m.saves[0]))
	} else {
		// Reload the queue once the writes are done, not between them,
		// or it would flash the order halfway through.
		cmds = append(cmds, queueCmd(m.opts.Library))
	}
	return m, tea.Batch(cmds...)
}

// refreshView reloads the view in place: the count and the pages in sight.
// The cursor follows the selected paper to wherever the reload puts it,
// or to its nearest neighbour when it left the view, however many
// reloads come before the answer.
func (m *Model) refreshView() tea.Cmd {
	follow := m.list.followIDs()
	m.gen++
	visible := map[int][]row{}
	for p, rows := range m.list.pages {
		if p*pageSize <= m.list.offset+m.listHeight() && (p+1)*pageSize > m.list.offset {
			visible[p] = rows
		}
	}
	m.list.pages, m.list.pending = visible, map[int]bool{}
	cmds := []tea.Cmd{countCmd(m.opts.Library, m.view, m.gen), libraryCountCmd(m.opts.Library)}
	for p := range visible {
		m.list.pending[p] = true
		cmds = append(cmds, pageCmd(m.opts.Library, m.view, m.gen, p))
	}
	m.list.follow, m.list.followLine = follow, -1
	if len(follow) > 0 {
		cmds = append(cmds, positionCmd(m.opts.Library, m.view, m.gen, follow))
	}
	return tea.Batch(cmds...)
}

// selectionFound puts the cursor where a reload found the selection.
func (m Model) selectionFound(msg selectionFound) (tea.Model, tea.Cmd) {
	if msg.gen != m.gen || len(m.list.follow) == 0 {
		return m, nil // stale, or the user moved since
	}
	if msg.err != nil || msg.index < 0 {
		// Neither the paper nor any neighbour is in the view: the cursor
		// stays on its row.
		m.list.follow = nil
		return m, nil
	}
	// After a refresh the view stays where it was, so new papers above
	// show up, unless the selected paper would leave the screen.
	m.list.found(msg.index, m.listHeight())
	return m, tea.Batch(m.loadPages(), m.wantDetail())
}

// toggleUnreadOnly shows only unread papers, or all again.
func (m Model) toggleUnreadOnly() (tea.Model, tea.Cmd) {
	m.unreadOnly = !m.unreadOnly
	m.say(map[bool]string{true: "showing unread papers", false: "showing all papers"}[m.unreadOnly])
	return m, m.reload(true)
}

// opened says whether a link reached the browser.
func (m Model) opened(msg opened) (tea.Model, tea.Cmd) {
	switch {
	case errors.Is(msg.err, errNoBrowser):
		m.fail("no browser: set $BROWSER, or y copies the link")
	case msg.err != nil:
		m.fail(clean.Line(fmt.Sprintf("could not open the link (y copies it): %v", msg.err)))
	default:
		m.say("opened " + msg.url)
	}
	return m, nil
}
