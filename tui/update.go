package tui

import (
	"fmt"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/spinner"
	tea "charm.land/bubbletea/v2"
)

// The root update: Update routes each message to its handler (named
// onXxx after the message, in the file of the pane or feature it
// belongs to), and keys to the common keymap, then the focused pane's.

// Update routes each message to the method that handles it; an error
// any of them shows fades in time.
func (m Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	next, cmd := m.route(msg)
	nm := next.(Model)
	nm.settleFirstFrame(msg) // firstframe.go
	nm.dropStaleSortNotice() // sort.go
	if len(nm.held) > 0 && !nm.list.settling() {
		var replayed tea.Cmd
		nm, replayed = nm.replayHeld()
		cmd = tea.Batch(cmd, replayed)
	}
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
		return m.onWindowSize(msg.Width, msg.Height)
	case tea.BackgroundColorMsg:
		return m.themeKnown(msg.IsDark())
	case themeTimedOut:
		return m.themeKnown(true)
	case tea.KeyPressMsg:
		return m.onKeyPress(msg)
	case tea.PasteMsg:
		if m.search.typing {
			return m.searchEdit(msg)
		}
	case tea.MouseWheelMsg:
		return m.onMouseWheel(msg)
	case tea.MouseClickMsg:
		return m.onMouseClick(msg)
	case countLoaded:
		return m.onCountLoaded(msg)
	case pageLoaded:
		return m.onPageLoaded(msg)
	case holdTimedOut:
		return m.onHoldTimedOut(msg)
	case detailRendered:
		return m.onDetailRendered(msg)
	case queueLoaded:
		return m.onQueueLoaded(msg)
	case stateSaved:
		return m.onStateSaved(msg)
	case selectionFound:
		return m.onSelectionFound(msg)
	case syncRequested:
		return m.startSync()
	case syncProgressed:
		return m.onSyncProgressed(msg)
	case feedRetrying:
		return m.onFeedRetrying(msg)
	case syncFinished:
		return m.onSyncFinished(msg)
	case spinner.TickMsg:
		return m.onSpinnerTick(msg)
	case opened:
		return m.onOpened(msg)
	case inTerminal:
		return m.onInTerminal(msg)
	case searchDue:
		return m.onSearchDue(msg)
	case remoteFound:
		return m.onRemoteFound(msg)
	case watchDue:
		return m.onWatchDue()
	case libraryVersion:
		return m.onLibraryVersion(msg)
	case periodFound:
		return m.onPeriodFound(msg)
	case gapFound:
		return m.onGapFound(msg)
	case errorFaded:
		return m.onErrorFaded(msg)
	case libraryCounted:
		return m.onLibraryCounted(msg)
	case lastSeenLoaded, countsLoaded, seenLoaded, jumpFound, tagsLoaded, noteReady, noteEdited, noteRead,
		pickerLoaded, followSaved, dayCountsLoaded:
		return m.routeDaily(msg)
	case readerOpened:
		return m.onReaderOpened(msg)
	case readerRendered:
		return m.onReaderRendered(msg)
	case readerSaveDue:
		return m.onReaderSaveDue(msg)
	case readerSaved:
		return m.onReaderSaved(msg)
	case textFetched:
		return m.onTextFetched(msg)
	case discussionFetched:
		return m.onDiscussionFetched(msg)
	case discussionsRefreshed:
		return m.onDiscussionsRefreshed(msg)
	case textsMissing:
		return m.onTextsMissing(msg)
	case textsStale:
		return m.onTextsStale(msg)
	}
	return m, nil
}

// onKeyPress handles keys that work everywhere, then the focused pane's.
func (m Model) onKeyPress(msg tea.KeyPressMsg) (tea.Model, tea.Cmd) {
	m.keyNotice = m.notice
	m.clearStatus() // read by now, and about what came before; the key may say something new
	if msg.String() == "ctrl+c" {
		// Always, whatever app.quit is bound to (bindings.go says so),
		// from every pane, box and modal, and never held behind keys.
		return m.quit()
	}
	if m.width > 0 && m.layout(m.focus).tooSmall {
		// Nothing of the reader is on screen to act on: a key here
		// would queue or mark papers unseen. Only quitting works.
		if key.Matches(msg, m.keys.Common.Quit) {
			return m.quit()
		}
		m.quiet = true
		return m, nil
	}
	if len(m.held) > 0 { // keys run in the order typed
		if held, cmd := m.holdKey(msg); held {
			return m, cmd
		}
	}
	if m.search.typing {
		return m.searchKey(msg)
	}
	if m.showHelp {
		return m.helpKey(msg)
	}
	if m.daily.modal.open() {
		return m.modalKey(msg)
	}
	if m.reader.open { // it has every key while it is open (readermodal.go)
		return m.readerKey(msg)
	}
	if why := m.listHidden(msg); why != "" {
		m.say(why)
		return m, nil
	}
	c, v := m.keys.Common, m.keys.Views
	switch {
	case key.Matches(msg, c.Quit):
		return m.quit()
	case key.Matches(msg, c.Help):
		return m.openHelp()
	case key.Matches(msg, c.Messages):
		return m.openMessages()
	case key.Matches(msg, c.NextPane):
		return m.focusPane((m.focus + 1) % paneCount)
	case key.Matches(msg, c.PrevPane):
		return m.focusPane((m.focus + paneCount - 1) % paneCount)
	case key.Matches(msg, c.Pane1):
		return m.focusPane(paneList)
	case key.Matches(msg, c.Pane2):
		return m.focusPane(paneDetail)
	case key.Matches(msg, c.Pane3):
		return m.focusPane(paneQueue)
	case key.Matches(msg, c.Sync):
		return m.startSync()
	case key.Matches(msg, c.UnreadOnly):
		return m.toggleUnreadOnly()
	case key.Matches(msg, v.Search):
		return m.startSearch()
	case key.Matches(msg, v.Remote):
		return m.searchRemote()
	}
	if next, cmd, handled := m.periodKey(msg); handled {
		return next, cmd
	}
	if next, cmd, handled := m.dailyKey(msg); handled {
		return next, cmd
	}
	if held, cmd := m.holdKey(msg); held {
		return m, cmd
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
	if save := m.saveReading(); save != nil {
		// Where the reader stopped, first, then the visit.
		return m, tea.Sequence(save, m.recordVisit(), tea.Quit)
	}
	return m, tea.Sequence(m.recordVisit(), tea.Quit)
}

// cannotAct says why a key does nothing where it was pressed, so no key
// is silently ignored; "" when the pane handles it.
func (m Model) cannotAct(msg tea.KeyPressMsg) string {
	q, d, v, r := m.keys.Queue, m.keys.Detail, m.keys.Views, m.keys.Reader
	hits := keyHint(d.NextHit) + " and " + keyHint(d.PrevHit) // the keys as bound (bindings.go)
	// A key another pane's action has may be bound here too (a user's
	// binding): then the hint about the other pane must not stand in its way.
	elsewhere := !m.keys.boundIn(msg, m.focus)
	switch {
	case elsewhere && key.Matches(msg, r.Outline, r.Figure, r.NextSection, r.PrevSection):
		return fmt.Sprintf("%s (%s) works when reading: press %s",
			msg.String(), readerDesc(msg, r), keyHint(m.keys.Paper.Read))
	case elsewhere && key.Matches(msg, q.MoveUp, q.MoveDown):
		return fmt.Sprintf("%s and %s reorder the queue: press %s for the queue", keyHint(q.MoveUp), keyHint(q.MoveDown), keyHint(m.keys.Common.Pane3))
	case key.Matches(msg, v.PrevPeriod, v.NextPeriod, v.Latest):
		return fmt.Sprintf("%s, %s and %s step through periods: press %s for a day, week or month",
			keyHint(v.PrevPeriod), keyHint(v.NextPeriod), keyHint(v.Latest), keyHint(v.View))
	case elsewhere && key.Matches(msg, d.NextHit, d.PrevHit):
		if !m.search.active {
			return hits + " jump between search hits: press " + keyHint(v.Search) + " to search"
		}
		return hits + " jump between hits in the detail: press " + keyHint(m.keys.Paper.Open) + " to open it"
	case key.Matches(msg, d.NextHit, d.PrevHit) && m.focus == paneDetail && len(m.detail.hits) == 0:
		return "no search hits in this paper"
	}
	return ""
}

// listHidden says why a key of the list's (keyMap.listOnly) does
// nothing while one pane at a time is shown and it is not the list: it
// would change rows the user cannot see. "" when the list is on screen
// or msg is not one of its keys.
func (m Model) listHidden(msg tea.KeyPressMsg) string {
	if lay := m.layout(m.focus); lay.tooSmall || lay.visible[paneList] {
		return ""
	}
	for _, b := range m.keys.listOnly() {
		if key.Matches(msg, b) {
			return fmt.Sprintf("%s (%s) works in the list: press %s",
				msg.String(), b.Help().Desc, keyHint(m.keys.Common.Pane1))
		}
	}
	return ""
}

// readerDesc is what the reading pane's key msg does there.
func readerDesc(msg tea.KeyPressMsg, r readerKeys) string {
	for _, b := range []key.Binding{r.Outline, r.Figure, r.NextSection, r.PrevSection} {
		if key.Matches(msg, b) {
			return b.Help().Desc
		}
	}
	return ""
}

// focusPane moves the focus to p.
func (m Model) focusPane(p pane) (tea.Model, tea.Cmd) {
	if p != paneDetail {
		m.lastFocus = p
	}
	m.focus = p
	return m, tea.Batch(m.loadPages(), m.wantDetail())
}

// navigate applies the movement keys to a cursor over n items shown h at
// a time; it reports whether msg was a movement key.
func navigate(k moveKeys, msg tea.KeyPressMsg, h, cursor, n int, moveTo func(int)) bool {
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

// onWindowSize lays the panes out for a new terminal size, keeping the selection.
func (m Model) onWindowSize(w, h int) (tea.Model, tea.Cmd) {
	m.width, m.height = w, h
	m.list.scroll(m.listHeight())
	m.queue.move(0, m.queueHeight())
	m.detail.vp.setHeight(m.bodyHeight(paneDetail) - 1)
	m.search.input.SetWidth(m.searchBoxWidth()) // search.go
	return m, tea.Batch(m.loadPages(), m.wantDetail(), m.onReaderResize())
}
