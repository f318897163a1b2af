package tui

import (
	"context"
	"fmt"
	"strings"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/papertui/papers/feed"
	"github.com/papertui/papers/internal/english"
	"github.com/papertui/papers/store"
	"github.com/papertui/papers/tui/clean"
)

// Remote search: Hugging Face's results below the local ones; adding
// one is a state change (state.go).

// remoteLimit is how many results a remote search asks Hugging Face for.
const remoteLimit = 50

// remoteTimeout bounds a remote search: the user is waiting on it.
const remoteTimeout = 20 * time.Second

// remoteFound: Hugging Face answered a search.
type remoteFound struct {
	tok    token // the view's request it belongs to
	papers []feed.Paper
	stored map[string]bool // which of them the library holds
	err    error
}

// addRemote is the write that stores a remote result and queues it.
func addRemote(lib Library, p feed.Paper) func(ctx context.Context) error {
	return func(ctx context.Context) error {
		if _, err := lib.SavePapers(ctx, []feed.Paper{p}); err != nil {
			return err
		}
		return lib.Enqueue(ctx, p.ID)
	}
}

func (m Model) onRemoteFound(msg remoteFound) (tea.Model, tea.Cmd) {
	if !m.requests.current(msg.tok) {
		return m, nil // the search changed meanwhile
	}
	if msg.err != nil {
		reason := msg.err.Error()
		if feed.Unreachable(msg.err) {
			reason = "offline"
		}
		m.fail(clean.Line("remote search unavailable (" + reason + "); showing local results"))
		return m, nil
	}
	m.remotePapers = map[string]feed.Paper{}
	rows := make([]row, len(msg.papers))
	for i, p := range msg.papers {
		m.remotePapers[p.ID] = p
		e := store.Entry{ID: p.ID, Title: p.Title, Day: p.Day, Upvotes: p.Upvotes, Comments: p.Comments,
			Organization: p.Organization}
		if len(p.Authors) > 0 {
			e.FirstAuthor = p.Authors[0].Name
		}
		rows[i] = rowsOf([]store.Entry{e})[0]
		rows[i].remote, rows[i].inLibrary = true, msg.stored[p.ID]
	}
	m.list.remote = rows
	m.list.forgetDrawn()
	m.say(fmt.Sprintf("%s from Hugging Face below the local ones", english.Count(len(rows), "result")))
	// With no local results, the selection is now the first of these: its
	// detail is asked for here, as a move would.
	return m, m.wantDetail()
}

// searchRemote sends the search's words to Hugging Face; the results
// arrive below the local ones.
func (m Model) searchRemote() (tea.Model, tea.Cmd) {
	var words []string
	for _, t := range m.search.parsed.Terms {
		words = append(words, t.Text)
	}
	text := strings.Join(words, " ")
	switch {
	case m.opts.Remote == nil:
		m.fail("remote search is off in this reader")
		return m, nil
	case !m.search.active || text == "":
		m.say("type some words first: " + keyHint(m.keys.Views.Search) + " then " + keyHint(m.keys.Views.Remote))
		return m, nil
	}
	m.say("asking Hugging Face for " + clean.Line(text) + "…")
	remote, lib, tok := m.opts.Remote, m.opts.Library, m.requests.running(topicView).tok
	return m, func() tea.Msg {
		ctx, cancel := context.WithTimeout(context.Background(), remoteTimeout)
		defer cancel()
		papers, err := remote.Search(ctx, text, remoteLimit)
		if err != nil {
			return remoteFound{tok: tok, err: err}
		}
		stored := map[string]bool{}
		for i, p := range papers {
			if rec, err := lib.Record(ctx, p.ID); err == nil {
				stored[p.ID] = true
				if p.Day == "" {
					papers[i].Day = rec.Day // the feed day the library knows; HF's search leaves it out
				}
			}
		}
		return remoteFound{tok: tok, papers: papers, stored: stored}
	}
}

// remoteRecord is a remote result as a record, for its detail.
func (m Model) remoteRecord(id string) (store.Record, bool) {
	p, ok := m.remotePapers[id]
	return store.Record{Paper: p}, ok
}
