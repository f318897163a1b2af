package tui

import (
	"context"
	"errors"
	"strings"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/papertui/papers/store"
	"github.com/papertui/papers/tui/article"
)

// Every Cmd captures the values it needs before its closure runs; none
// reads the live model.

// queryTimeout bounds one library query so a stuck disk cannot hang a Cmd forever.
const queryTimeout = 10 * time.Second

// libCmd runs fn off the UI loop with a context bounded by queryTimeout:
// the shape of every Cmd that asks the library something.
func libCmd(fn func(ctx context.Context) tea.Msg) tea.Cmd {
	return func() tea.Msg {
		ctx, cancel := context.WithTimeout(context.Background(), queryTimeout)
		defer cancel()
		return fn(ctx)
	}
}

func countCmd(lib Library, f store.Filter, gen int) tea.Cmd {
	return libCmd(func(ctx context.Context) tea.Msg {
		n, err := lib.Count(ctx, f)
		return countLoaded{gen: gen, total: n, err: err}
	})
}

func pageCmd(lib Library, f store.Filter, gen, page int) tea.Cmd {
	return libCmd(func(ctx context.Context) tea.Msg {
		entries, err := lib.Entries(ctx, f, page*pageSize, pageSize)
		return pageLoaded{gen: gen, page: page, rows: rowsOf(entries), err: err}
	})
}

// positionCmd finds where the first of ids (the selection, then its
// neighbours, nearest first) sits in the view.
func positionCmd(lib Library, f store.Filter, gen int, ids []string) tea.Cmd {
	return libCmd(func(ctx context.Context) tea.Msg {
		found, err := lib.Positions(ctx, f, ids)
		for _, id := range ids {
			if i, ok := found[id]; ok {
				return selectionFound{gen: gen, index: i, id: id, err: err}
			}
		}
		return selectionFound{gen: gen, index: -1, err: err}
	})
}

// detailCmd renders a paper's detail from the library, or from fallback
// (a remote result not stored yet) when the library does not hold it.
func detailCmd(lib Library, key detailKey, fallback store.Record) tea.Cmd {
	return libCmd(func(ctx context.Context) tea.Msg {
		rec, err := lib.Record(ctx, key.id)
		if errors.Is(err, store.ErrUnknownPaper) && fallback.ID == key.id {
			rec, err = fallback, nil
		}
		if err != nil {
			return detailRendered{key: key, err: err}
		}
		var words []string
		if key.marks != "" {
			words = strings.Split(key.marks, "\n")
		}
		md := article.Markdown(rec, article.Options{AllAuthors: key.allAuthors, MoreHint: "a shows all", Highlights: words})
		out, err := article.Render(md, key.width, key.style)
		return detailRendered{key: key, record: rec, content: out, hits: hitLines(out, words), err: err}
	})
}

// hitLines are the lines of rendered content holding a search word, for
// n and N.
func hitLines(content string, words []string) []int {
	if len(words) == 0 {
		return nil
	}
	var hits []int
	for i, line := range strings.Split(ansi.Strip(content), "\n") {
		lower := strings.ToLower(line)
		for _, w := range words {
			if strings.Contains(lower, strings.ToLower(w)) {
				hits = append(hits, i)
				break
			}
		}
	}
	return hits
}

func queueCmd(lib Library) tea.Cmd {
	return libCmd(func(ctx context.Context) tea.Msg {
		recs, err := lib.Queue(ctx)
		return queueLoaded{records: recs, err: err}
	})
}

// pendingSave is a change of the reader's state waiting to be written.
type pendingSave struct {
	change change
	id     string
	write  func(ctx context.Context) error
}

// save queues a change of the reader's state. Changes are written one at
// a time, in the order the keys were pressed: two Cmds run at once could
// land in either order. A row shows the change once stateSaved says it
// reached the disk.
func (m *Model) save(what change, id string, write func(ctx context.Context) error) tea.Cmd {
	m.saves = append(m.saves[:len(m.saves):len(m.saves)], pendingSave{change: what, id: id, write: write})
	if len(m.saves) > 1 {
		return nil // written when the ones before it are
	}
	return writeCmd(m.saves[0])
}

func writeCmd(s pendingSave) tea.Cmd {
	return libCmd(func(ctx context.Context) tea.Msg {
		return stateSaved{change: s.change, id: s.id, err: s.write(ctx)}
	})
}

// syncCmd runs a sync and streams its progress back through ch.
func syncCmd(ctx context.Context, lib Library, f store.Fetcher, days int, ch chan tea.Msg) tea.Cmd {
	return func() tea.Msg {
		go func() {
			report, err := lib.Sync(ctx, f, store.SyncPlan{Days: days}, func(p store.SyncProgress) {
				select {
				case ch <- syncProgressed{p}:
				case <-ctx.Done():
				}
			})
			ch <- syncFinished{report: report, err: err}
		}()
		return <-ch
	}
}

// listenSync waits for the next message of a running sync.
func listenSync(ch chan tea.Msg) tea.Cmd {
	return func() tea.Msg { return <-ch }
}

func openCmd(url string) tea.Cmd {
	return func() tea.Msg {
		return opened{url: url, err: openURL(url)}
	}
}

func themeTimeoutCmd() tea.Cmd {
	return tea.Tick(300*time.Millisecond, func(time.Time) tea.Msg { return themeTimedOut{} })
}
