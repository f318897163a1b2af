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

func queueCmd(lib Library) tea.Cmd {
	return libCmd(func(ctx context.Context) tea.Msg {
		recs, err := lib.Queue(ctx)
		return queueLoaded{records: recs, err: err}
	})
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

func (m Model) queueHeight() int { return max(1, m.bodyHeight(paneQueue)-1) }

// queueLoaded: the reading queue, in order.
type queueLoaded struct {
	records []store.Record
	err     error
}

// queuePane is the reading queue in the reader's order.
type queuePane struct {
	records []store.Record
	titles  []string // cleaned once per load
	cursor  int
	offset  int
	loaded  bool
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

func (q *queuePane) view(st *styles, w, h int, keys keyMap) string {
	if !q.loaded {
		return st.dimmed.Render("loading…")
	}
	if len(q.records) == 0 {
		return st.dimmed.Render(ansi.Wrap(fmt.Sprintf("The queue is empty. Press %s on a paper to queue it.",
			keys.Bookmark.Help().Key), w, ""))
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
		title := fit(q.titles[i], max(1, w-len(num)))
		if i == q.cursor {
			lines = append(lines, st.pSelected.on(num+title))
			continue
		}
		text := st.pUnread
		if q.records[i].Read {
			text = st.pRead
		}
		lines = append(lines, st.pDimmed.on(num)+text.on(title))
	}
	return strings.Join(lines, "\n")
}

// swap exchanges two queued papers on screen, ahead of the write.
func (q *queuePane) swap(i, j int) {
	q.records[i], q.records[j] = q.records[j], q.records[i]
	q.titles[i], q.titles[j] = q.titles[j], q.titles[i]
}

// remove takes a paper off the queue on screen, ahead of the write.
func (q *queuePane) remove(i int) {
	q.records = append(q.records[:i:i], q.records[i+1:]...)
	q.titles = append(q.titles[:i:i], q.titles[i+1:]...)
	q.cursor = max(0, min(q.cursor, len(q.records)-1))
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
