package tui

import (
	"context"
	"errors"
	"fmt"

	tea "charm.land/bubbletea/v2"

	"github.com/papertui/papers/internal/english"
	"github.com/papertui/papers/store"
)

// Catching up: c marks the selected day read, C the whole view or search
// (asking first over askAbove papers), U undoes the latest change. Each
// is a state change (state.go): shown at once on the rows held, written
// in order, and the view read back once written.

// askAbove is how many papers C marks without asking first.
const askAbove = 300

// afterWrite reads back what a written change may have moved beyond the
// rows held: the counts always; the view and queue after a change of
// many papers or an undo.
func (m *Model) afterWrite(c change) tea.Cmd {
	cmds := []tea.Cmd{m.wantCounts()}
	if c == changeDayRead || c == changeViewRead || c == changeUndone {
		// The detail's paper may be among those changed: render it again.
		m.detail.forgetAll()
		m.detail.shown, m.detail.want = renderKey{}, renderKey{id: m.detail.want.id}
		cmds = append(cmds, m.wantDetail())
	}
	bulk := c == changeDayRead || c == changeViewRead || c == changeUndone
	switch {
	case c == changeAdded:
		// A Hugging Face result is in the library now: the view and the
		// library's count take it, as the view's unread and new counts
		// already did.
		cmds = append(cmds, m.refreshView())
	case !bulk && viewOfState(m.listFilter):
		// A paper read with u on (or unqueued in is:queued) leaves the
		// view, and its neighbour takes the selection.
		cmds = append(cmds, m.refreshView())
	case !bulk:
	case viewOfState(m.listFilter):
		// Papers may have joined or left the view: find the selection
		// again.
		cmds = append(cmds, m.refreshView(), m.loadQueue())
	default:
		// The same papers in the same order: read the rows held again,
		// without looking for where the selection went (at 100,000
		// papers that costs seconds).
		cmds = append(cmds, m.refreshRows(), m.loadQueue())
	}
	return tea.Batch(cmds...)
}

// viewOfState says whether the reader's state of a paper decides whether
// it is in the view f.
func viewOfState(f store.Filter) bool {
	d := f.Daily
	return f.Unread || f.Read || f.Queued || len(d.Tags) > 0 || len(d.Notes) > 0 || d.HasNote
}

// refreshRows reads the rows held again on the view's request.
func (m *Model) refreshRows() tea.Cmd {
	f := m.listFilter
	if m.list.counted {
		f.Total = m.list.total
	}
	req := m.requests.running(topicView)
	var cmds []tea.Cmd
	for p := range m.list.pages {
		m.list.pending[p] = true
		cmds = append(cmds, pageCmd(m.opts.Library, f, req, p))
	}
	return tea.Batch(cmds...)
}

// markDayRead marks the selected row's day of the view read.
func (m Model) markDayRead() (tea.Model, tea.Cmd) {
	lib, ok := m.dailyLib()
	r, sel := m.list.selected()
	switch {
	case !ok:
		return m, nil
	case !sel || m.list.isRemote(m.list.cursor):
		m.say("no day selected")
		return m, nil
	}
	f := m.listFilter
	f.Day, f.Total = r.Day, 0
	label := dayLabel(r.Day)
	said, undo := new(string), keyHint(m.keys.Daily.Undo)
	write := func(ctx context.Context) error {
		n, err := lib.MarkViewRead(ctx, f)
		*said = fmt.Sprintf("marked %s of %s read (%s undoes)", english.Count(n, "paper"), label, undo)
		if n == 0 { // no undo step was saved: U would take back an older change
			*said = "nothing unread on " + label + "; nothing changed"
		}
		return err
	}
	apply := func() {
		m.list.eachDay(r.Day, func(r *row) { r.Read = true })
		if m.daily.unreadDays != nil {
			m.daily.unreadTotal -= m.daily.unreadDays[r.Day]
			m.daily.unreadDays[r.Day] = 0
		}
	}
	return m, m.changeStateSaying(changeDayRead, label, write, apply, said)
}

// markViewRead marks the whole view read, asking first when it is large.
func (m Model) markViewRead() (tea.Model, tea.Cmd) {
	if _, ok := m.dailyLib(); !ok {
		return m, nil
	}
	if m.daily.counted && m.daily.unreadTotal == 0 {
		m.say("nothing unread here")
		return m, nil
	}
	if !m.daily.counted || m.daily.unreadTotal > askAbove {
		n := "every unread paper"
		if m.daily.counted {
			n = english.Count(m.daily.unreadTotal, "paper")
		}
		m.daily.modal = modalState{kind: modalConfirm, prompt: "mark " + n + " of this view read? y/n"}
		return m, nil
	}
	return m.doMarkViewRead()
}

func (m Model) doMarkViewRead() (tea.Model, tea.Cmd) {
	lib, _ := m.dailyLib()
	f := m.listFilter
	f.Total = 0
	said, undo := new(string), keyHint(m.keys.Daily.Undo)
	write := func(ctx context.Context) error {
		n, err := lib.MarkViewRead(ctx, f)
		*said = fmt.Sprintf("marked %s read (%s undoes)", english.Count(n, "paper"), undo)
		if n == 0 {
			*said = "nothing unread here; nothing changed"
		}
		return err
	}
	apply := func() {
		m.list.eachDay("", func(r *row) { r.Read = true })
		m.daily.unreadTotal, m.daily.newTotal = 0, 0 // new is new and unread (daily.go)
		for d := range m.daily.unreadDays {
			m.daily.unreadDays[d] = 0 // all read; a day left out would read as not counted yet
		}
	}
	return m, m.changeStateSaying(changeViewRead, "the view", write, apply, said)
}

// undoLast takes back the latest change, in order after the writes
// still on their way.
func (m Model) undoLast() (tea.Model, tea.Cmd) {
	lib, ok := m.dailyLib()
	if !ok {
		return m, nil
	}
	said := new(string)
	write := func(ctx context.Context) error {
		what, err := lib.Undo(ctx)
		if errors.Is(err, store.ErrNothingToUndo) {
			*said = "nothing to undo"
			return nil
		}
		*said = "undone: " + what
		return err
	}
	m.say("undoing…")
	return m, m.changeStateSaying(changeUndone, "the latest change", write, func() {}, said)
}

// changeStateSaying is changeState for a change whose write says what it
// did (how many papers it marked, what it undid).
func (m *Model) changeStateSaying(what change, id string, write func(ctx context.Context) error, apply func(), said *string) tea.Cmd {
	cmd := m.changeState(what, id, write, apply)
	m.writes[len(m.writes)-1].said = said // read by onStateSaved, after write
	return cmd
}

// eachDay calls fn on every held local row of day ("": every one).
func (l *listPane) eachDay(day string, fn func(*row)) {
	l.eachLocal(func(r *row) bool { return day == "" || r.Day == day }, fn)
	l.forgetDrawn()
}

// dayLabel is how a day reads in messages: as its rule in the list
// names it, with the year (c on a paper of another year, in a sort
// without day rules, said "Fri 5 Oct" for 2035-10-05).
func dayLabel(day string) string {
	return dayName(day, "the papers outside the feed")
}
