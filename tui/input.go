package tui

import (
	"context"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/papertui/papers/feed"
)

// keyPressed handles keys that work everywhere, then the focused pane's.
func (m Model) keyPressed(msg tea.KeyPressMsg) (tea.Model, tea.Cmd) {
	m.clearError() // read by now; the key may say something new
	if m.search.typing {
		return m.searchKey(msg)
	}
	if m.showHelp {
		return m.helpKey(msg)
	}
	k := m.keys
	switch {
	case key.Matches(msg, k.Quit):
		return m.quit()
	case key.Matches(msg, k.Help):
		m.showHelp, m.helpOffset = true, 0
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
	} else if m.isPaperKey(msg) {
		m.say("no paper selected")
		return m, nil
	}
	if why := m.cannotAct(msg); why != "" {
		m.say(why)
		return m, nil
	}
	switch m.focus {
	case paneList:
		return m.listKey(msg)
	case paneDetail:
		return m.detailKey(msg)
	}
	return m.queueKey(msg)
}

// quit stops a running sync and ends the program.
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
			return m, m.save(changeUnqueued, id, func(ctx context.Context) error { return lib.Dequeue(ctx, id) }), true
		}
		return m, m.save(changeQueued, id, func(ctx context.Context) error { return lib.Enqueue(ctx, id) }), true
	case key.Matches(msg, k.ToggleRead):
		read := !m.isRead(id)
		what := map[bool]change{true: changeRead, false: changeUnread}[read]
		return m, m.save(what, id, func(ctx context.Context) error { return lib.SetRead(ctx, read, id) }), true
	case key.Matches(msg, k.OpenHF):
		return m, openCmd(feed.Paper{ID: id}.HFURL()), true
	case key.Matches(msg, k.OpenPDF):
		return m, openCmd(feed.Paper{ID: id}.PDFURL()), true
	case key.Matches(msg, k.Copy):
		url := feed.Paper{ID: id}.HFURL()
		m.say("copied " + url)
		return m, tea.SetClipboard(url), true
	case key.Matches(msg, k.AllAuthors):
		m.detail.allAuthors = !m.detail.allAuthors
		if !computeLayout(m.width, m.height, m.focus).visible[paneDetail] {
			m.say(map[bool]string{true: "all authors", false: "first authors"}[m.detail.allAuthors] + " in the detail (enter opens it)")
		}
		return m, m.wantDetail(), true
	case key.Matches(msg, k.Done):
		if !m.isQueued(id) {
			m.say(id + " is not in the queue (b queues it)")
			return m, nil, true
		}
		for i, r := range m.queue.records {
			if r.ID == id {
				m.queue.remove(i)
				break
			}
		}
		return m, m.save(changeDone, id, func(ctx context.Context) error { return lib.Done(ctx, id) }), true
	}
	return m, nil, false
}

// isPaperKey says whether msg is one of the keys that act on a paper.
func (m Model) isPaperKey(msg tea.KeyPressMsg) bool {
	k := m.keys
	return key.Matches(msg, k.Bookmark, k.ToggleRead, k.OpenHF, k.OpenPDF, k.Copy, k.AllAuthors, k.Done, k.Open)
}

// cannotAct says why a key does nothing where it was pressed, so no key
// is silently ignored; "" when the pane handles it.
func (m Model) cannotAct(msg tea.KeyPressMsg) string {
	k := m.keys
	switch {
	case key.Matches(msg, k.MoveUp, k.MoveDown) && m.focus != paneQueue:
		return "K and J reorder the queue: press 3 for the queue"
	case key.Matches(msg, k.PrevPeriod, k.NextPeriod, k.Latest):
		return "[, ] and t step through periods: press v for a day, week or month"
	case key.Matches(msg, k.NextHit, k.PrevHit) && m.focus != paneDetail:
		if !m.search.active {
			return "n and N jump between search hits: press / to search"
		}
		return "n and N jump between hits in the detail: press enter to open it"
	case key.Matches(msg, k.NextHit, k.PrevHit) && len(m.detail.hits) == 0:
		return "no search hits in this paper"
	}
	return ""
}

// isQueued and isRead answer for the state the user has asked for: the
// last change still waiting to be written counts, so keys pressed in
// quick succession each act on the one before.
func (m Model) isQueued(id string) bool {
	for i := len(m.saves) - 1; i >= 0; i-- {
		if s := m.saves[i]; s.id == id {
			switch s.change {
			case changeQueued:
				return true
			case changeUnqueued, changeDone:
				return false
			}
		}
	}
	for _, r := range m.queue.records {
		if r.ID == id {
			return true
		}
	}
	return false
}

func (m Model) isRead(id string) bool {
	for i := len(m.saves) - 1; i >= 0; i-- {
		if s := m.saves[i]; s.id == id {
			switch s.change {
			case changeOpened, changeRead, changeDone:
				return true
			case changeUnread:
				return false
			}
		}
	}
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

// focusPane moves the focus to p.
func (m Model) focusPane(p pane) (tea.Model, tea.Cmd) {
	if p != paneDetail {
		m.lastFocus = p
	}
	m.focus = p
	return m, tea.Batch(m.loadPages(), m.wantDetail())
}

// listKey handles the list's own keys: movement, enter and esc.
func (m Model) listKey(msg tea.KeyPressMsg) (tea.Model, tea.Cmd) {
	h := m.listHeight()
	if !m.navigate(msg, h, m.list.cursor, m.list.count(), func(i int) { m.list.moveTo(i, h) }) {
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
	return m, tea.Batch(m.loadPages(), m.wantDetail())
}

// queueKey handles the queue's own keys: movement, enter and reordering.
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
	// The queue pane reorders at once (the status bar says "saving…"
	// until the writes land), so the next K or J acts on the new order.
	case key.Matches(msg, m.keys.MoveUp) && m.queue.cursor > 0:
		m.queue.swap(m.queue.cursor, m.queue.cursor-1)
		m.queue.move(-1, h)
		pos := m.queue.cursor + 1
		return m, m.save(changeMoved, r.ID, func(ctx context.Context) error { return lib.Move(ctx, r.ID, pos) })
	case key.Matches(msg, m.keys.MoveDown) && m.queue.cursor < len(m.queue.records)-1:
		m.queue.swap(m.queue.cursor, m.queue.cursor+1)
		m.queue.move(1, h)
		pos := m.queue.cursor + 1
		return m, m.save(changeMoved, r.ID, func(ctx context.Context) error { return lib.Move(ctx, r.ID, pos) })
	}
	return m, nil
}

// detailKey scrolls the detail, jumps between hits and goes back.
func (m Model) detailKey(msg tea.KeyPressMsg) (tea.Model, tea.Cmd) {
	k := m.keys
	vp := &m.detail.vp
	switch {
	case key.Matches(msg, k.Back):
		m.focus = m.lastFocus
		return m, tea.Batch(m.loadPages(), m.wantDetail())
	case key.Matches(msg, k.NextHit):
		if !m.detail.jumpHit(1) {
			m.say("no more hits below")
		}
	case key.Matches(msg, k.PrevHit):
		if !m.detail.jumpHit(-1) {
			m.say("no more hits above")
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
		cmds = append(cmds, m.save(changeOpened, id, func(ctx context.Context) error { return lib.SetRead(ctx, true, id) }))
	}
	return m, tea.Batch(cmds...)
}

// wheeled scrolls the detail when it has the focus, else the list.
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
