package tui

import (
	"context"
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/papertui/papers/store"
	"github.com/papertui/papers/tui/clean"
)

// The queue pane: the reading queue in the reader's order; its message
// (queueLoaded), its keys (movement, enter, K and J) and its view. Its
// changes go through state.go like every state change.

// queueLoaded: the reading queue, in order.
type queueLoaded struct {
	tok      token
	records  []store.Record
	progress map[string]int // percent read in the reading pane, by id
	err      error
}

// queuePane is the reading queue in the reader's order.
type queuePane struct {
	records []store.Record
	titles  []string // cleaned once per load
	// progress is how much of each queued paper was read in the reading
	// pane, by id (reader.go).
	progress map[string]int
	cursor   int
	offset   int
	loaded   bool
}

// set takes the queue as loaded, keeping the selection on its paper
// wherever the reload put it; when it left the queue, the paper now in
// its place (the next one) is selected.
func (q *queuePane) set(recs []store.Record) {
	if prev, ok := q.selected(); ok {
		for i, r := range recs {
			if r.ID == prev.ID {
				q.cursor = i
				break
			}
		}
	}
	q.records = recs
	q.titles = make([]string, len(recs))
	for i, r := range recs {
		q.titles[i] = clean.TeX(clean.Line(r.Title))
	}
	q.loaded = true
	q.cursor = max(0, min(q.cursor, len(recs)-1))
}

func (q *queuePane) selected() (store.Record, bool) {
	if len(q.records) == 0 {
		return store.Record{}, false
	}
	return q.records[q.cursor], true
}

func (q *queuePane) move(delta, height int) {
	q.cursor = max(0, min(q.cursor+delta, len(q.records)-1))
	if q.cursor < q.offset {
		q.offset = q.cursor
	}
	if q.cursor >= q.offset+height {
		q.offset = q.cursor - height + 1
	}
}

func (q *queuePane) view(f frame) string {
	st, w, h := f.st, f.w, f.h
	if !q.loaded {
		return st.dimmed.Render("loading…")
	}
	if len(q.records) == 0 {
		msg := "The queue is empty."
		if k, ok := boundLabel(f.keys.Paper.ToggleQueue); ok {
			msg += fmt.Sprintf(" Press %s on a paper to queue it.", k)
		}
		return st.dimmed.Render(ansi.Wrap(msg, w, ""))
	}
	// Drawn like the list's rows: fitted, painted, and the selected one
	// plain in the selection colours, so no inner reset cuts it short.
	var lines []string
	for i := q.offset; i < len(q.records) && len(lines) < h; i++ {
		seen := " "
		if q.records[i].Read {
			seen = readMark
		}
		num := fmt.Sprintf("%2d.%s ", i+1, seen)
		read := ""
		if p, ok := q.progress[q.records[i].ID]; ok && w >= 30 {
			read = fmt.Sprintf(" %3d%%", p)
		}
		titleW := max(1, w-len(num)-len(read))
		// Tags and the note mark as in the list's rows: when there is
		// room, at most a third of the title's width.
		tags := ""
		if r := q.records[i]; w >= 60 && (len(r.Tags) > 0 || r.Note != "") {
			tags = tagsLabel(r.Tags, strings.TrimSpace(r.Note) != "")
			tagW := min(ansi.StringWidth(tags), titleW/3)
			titleW -= tagW
			tags = fit(tags, tagW)
		}
		title := fit(q.titles[i], titleW)
		if i == q.cursor {
			lines = append(lines, st.pSelected.on(num+title+tags+read))
			continue
		}
		text := st.pUnread
		if q.records[i].Read {
			text = st.pRead
		}
		line := st.pDimmed.on(num) + text.on(title)
		if tags != "" {
			line += st.pQueued.on(tags)
		}
		if read != "" {
			line += text.on(read)
		}
		lines = append(lines, line)
	}
	return strings.Join(lines, "\n")
}

// setProgress shows how much of a paper was read.
func (q *queuePane) setProgress(id string, percent int) {
	if q.progress == nil {
		q.progress = map[string]int{}
	}
	q.progress[id] = percent
}

// swap exchanges two queued papers on screen, ahead of the write.
func (q *queuePane) swap(i, j int) {
	q.records[i], q.records[j] = q.records[j], q.records[i]
	q.titles[i], q.titles[j] = q.titles[j], q.titles[i]
}

// add puts a paper at the end of the queue on screen, ahead of the write.
func (q *queuePane) add(r store.Record) {
	q.records = append(q.records[:len(q.records):len(q.records)], r)
	q.titles = append(q.titles[:len(q.titles):len(q.titles)], clean.TeX(clean.Line(r.Title)))
	q.loaded = true
}

// drop takes a paper off the queue on screen, ahead of the write.
func (q *queuePane) drop(id string) {
	for i, r := range q.records {
		if r.ID == id {
			q.records = append(q.records[:i:i], q.records[i+1:]...)
			q.titles = append(q.titles[:i:i], q.titles[i+1:]...)
			q.cursor = max(0, min(q.cursor, len(q.records)-1))
			return
		}
	}
}

// setRead marks a queued paper read or unread on screen.
func (q *queuePane) setRead(id string, read bool) {
	q.update(id, func(r *store.Record) { r.Read = read })
}

// update changes a queued paper on screen (its tags, note, read mark).
func (q *queuePane) update(id string, fn func(*store.Record)) {
	for i, r := range q.records {
		if r.ID == id {
			fn(&q.records[i])
			return
		}
	}
}

// onQueueLoaded takes the queue, unless a state change since the load
// began makes it stale.
func (m Model) onQueueLoaded(msg queueLoaded) (tea.Model, tea.Cmd) {
	if !m.requests.current(msg.tok) {
		return m, nil
	}
	if msg.err != nil {
		m.fail(clean.Line(msg.err.Error()))
		return m, nil
	}
	m.queue.set(msg.records)
	m.queue.progress = msg.progress
	m.queue.move(0, m.queueHeight())
	return m, nil
}

// queueKey handles the queue's own keys: movement, enter and reordering.
func (m Model) queueKey(msg tea.KeyPressMsg) (tea.Model, tea.Cmd) {
	h := m.queueHeight()
	r, has := m.queue.selected()
	switch {
	case navigate(m.keys.Queue.moveKeys, msg, h, m.queue.cursor, len(m.queue.records), func(i int) { m.queue.move(i-m.queue.cursor, h) }):
		return m, m.wantDetail()
	case !has:
		return m, nil
	case key.Matches(msg, m.keys.Paper.Open):
		return m.openPaper(r.ID, paneQueue)
	// The queue pane reorders at once (the status bar says "saving…"
	// until the writes land), so the next K or J acts on the new order.
	case key.Matches(msg, m.keys.Queue.MoveUp) && m.queue.cursor > 0:
		return m, m.moveQueued(r.ID, -1)
	case key.Matches(msg, m.keys.Queue.MoveDown) && m.queue.cursor < len(m.queue.records)-1:
		return m, m.moveQueued(r.ID, 1)
	case key.Matches(msg, m.keys.Queue.MoveUp):
		m.say("already first in the queue") // a key that cannot act says why
	case key.Matches(msg, m.keys.Queue.MoveDown):
		m.say("already last in the queue")
	}
	return m, nil
}

func (m Model) queueHeight() int { return max(1, m.bodyHeight(paneQueue)-1) }

// moveQueued moves the selected paper by dir places, through the one
// path of a state change (state.go).
func (m *Model) moveQueued(id string, dir int) tea.Cmd {
	lib, h := m.opts.Library, m.queueHeight()
	pos := m.queue.cursor + dir + 1
	return m.changeState(changeMoved, id, func(ctx context.Context) error { return lib.Move(ctx, id, pos) }, func() {
		m.queue.swap(m.queue.cursor, m.queue.cursor+dir)
		m.queue.move(dir, h)
	})
}

// loadQueue reads the queue back from the library.
func (m *Model) loadQueue() tea.Cmd {
	return queueCmd(m.opts.Library, m.requests.begin(topicQueue))
}

func queueCmd(lib Library, req request) tea.Cmd {
	return reqCmd(req, func(ctx context.Context) tea.Msg {
		recs, err := lib.Queue(ctx)
		if err != nil {
			return queueLoaded{tok: req.tok, err: err}
		}
		progress, err := lib.QueueProgress(ctx)
		return queueLoaded{tok: req.tok, records: recs, progress: progress, err: err}
	})
}
