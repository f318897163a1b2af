package tui

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/x/ansi"
	"github.com/papertui/papers/store"
	"github.com/papertui/papers/tui/clean"
)

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
