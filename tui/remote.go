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

// remoteLimit is how many results a remote search asks Hugging Face for.
const remoteLimit = 50

// remoteTimeout bounds a remote search: the user is waiting on it.
const remoteTimeout = 20 * time.Second

// remoteFound: Hugging Face answered a search.
type remoteFound struct {
	gen    int
	papers []feed.Paper
	stored map[string]bool // which of them the library holds
	err    error
}

// remoteAdded: a remote result was stored and queued.
type remoteAdded struct {
	id  string
	err error
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
		m.say("type some words first: / then ctrl+r")
		return m, nil
	}
	m.say("asking Hugging Face for " + clean.Line(text) + "…")
	remote, lib, gen := m.opts.Remote, m.opts.Library, m.gen
	return m, func() tea.Msg {
		ctx, cancel := context.WithTimeout(context.Background(), remoteTimeout)
		defer cancel()
		papers, err := remote.Search(ctx, text, remoteLimit)
		if err != nil {
			return remoteFound{gen: gen, err: err}
		}
		stored := map[string]bool{}
		for _, p := range papers {
			if _, err := lib.Record(ctx, p.ID); err == nil {
				stored[p.ID] = true
			}
		}
		return remoteFound{gen: gen, papers: papers, stored: stored}
	}
}

func (m Model) remoteArrived(msg remoteFound) (tea.Model, tea.Cmd) {
	if msg.gen != m.gen {
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
	return m, nil
}

// addRemote stores a remote result and queues it.
func (m Model) addRemote(p feed.Paper) tea.Cmd {
	lib := m.opts.Library
	return libCmd(func(ctx context.Context) tea.Msg {
		if _, err := lib.SavePapers(ctx, []feed.Paper{p}); err != nil {
			return remoteAdded{id: p.ID, err: err}
		}
		return remoteAdded{id: p.ID, err: lib.Enqueue(ctx, p.ID)}
	})
}

func (m Model) remoteStored(msg remoteAdded) (tea.Model, tea.Cmd) {
	if msg.err != nil {
		m.fail(clean.Line(fmt.Sprintf("could not add %s: %v", msg.id, msg.err)))
		return m, nil
	}
	for i := range m.list.remote {
		if m.list.remote[i].ID == msg.id {
			m.list.remote[i].inLibrary, m.list.remote[i].Queued = true, true
		}
	}
	m.list.forgetDrawn()
	m.say(msg.id + " added to the library and queued")
	return m, queueCmd(m.opts.Library)
}

// remoteRecord is a remote result as a record, for its detail.
func (m Model) remoteRecord(id string) (store.Record, bool) {
	p, ok := m.remotePapers[id]
	return store.Record{Paper: p}, ok
}
