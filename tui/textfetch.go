package tui

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/papertui/papers/feed"
	"github.com/papertui/papers/internal/english"
	"github.com/papertui/papers/store"
	"github.com/papertui/papers/tui/clean"
)

// Full texts fetched in the background, so what is queued reads
// offline: a paper queued with b, the paper opened in the reading pane
// without its text, and after a sync every queued paper still missing
// its text. One paper at a time, through the TextFetcher (feed.Client,
// which paces its requests within HF's limits); each text is stored whole
// by the Library or not at all. The status bar shows the progress; keys
// never wait for it.

// textFetchTimeout bounds one paper's fetch, retries included.
const textFetchTimeout = 2 * time.Minute

// textFetched: one paper's text was fetched and stored (or not).
type textFetched struct {
	id  string
	had bool // it was stored already
	err error
}

// textsMissing: the queued papers without their text, after a sync.
type textsMissing struct {
	ids []string
	err error
}

// textFetch is the background fetching.
type textFetch struct {
	pending []string // waiting, in order
	running string   // being fetched, "" when idle
	done    int      // fetched since the line of work began
	had     int      // found stored already: not fetched, not failed
	failed  int
	total   int
	offline bool // the last attempt found no network
	// lastErr is each paper's last failed fetch this session, for what
	// its detail and reading pane say (textadvice.go); gone once fetched.
	lastErr map[string]error

	// latest is arXiv's latest version of papers whose stored text is of
	// an older one, to be fetched again (textversions.go).
	latest map[string]int
	// checkFailed is a failed version check to say when the fetch under
	// way is over, so its progress does not hide it.
	checkFailed string
	// lead is the sync's summary the fetches after it began under: said
	// again with their own, which would hide it. firstFail is the first
	// failure of the line of work, said at its end.
	lead, firstFail string
}

func (t textFetch) isFetching(id string) bool {
	return t.running == id || slices.Contains(t.pending, id)
}

// fetchTexts adds papers to fetch and starts when idle; nil when the
// reader fetches no texts.
func (m *Model) fetchTexts(ids ...string) tea.Cmd {
	if m.opts.Texts == nil {
		return nil
	}
	t := &m.texts
	if t.running == "" {
		t.done, t.had, t.failed, t.total, t.firstFail = 0, 0, 0, 0, ""
	}
	for _, id := range ids {
		if !t.isFetching(id) {
			t.pending = append(t.pending, id)
			t.total++
		}
	}
	return m.nextText()
}

// nextText starts the next fetch when none runs.
func (m *Model) nextText() tea.Cmd {
	t := &m.texts
	if t.running != "" || len(t.pending) == 0 {
		return nil
	}
	t.running, t.pending = t.pending[0], t.pending[1:]
	return fetchTextCmd(m.opts.Library, m.opts.Texts, t.running, t.latest[t.running])
}

// fetchMissing fetches the text of the paper the reading pane opened
// without one, unless offline or HF answered it has none this session
// (the pane says so; a sync asks again for a queued one).
func (m *Model) fetchMissing(id string) tea.Cmd {
	if m.sync.offline || errors.Is(m.texts.lastErr[id], feed.ErrNotFound) {
		return nil
	}
	return m.fetchTexts(id)
}

// onTextFetched counts a fetch, reopens the reading pane when it waited
// for this text, and starts the next; with no network the rest waits for
// the next sync.
func (m Model) onTextFetched(msg textFetched) (tea.Model, tea.Cmd) {
	t := &m.texts
	t.running = ""
	delete(t.latest, msg.id)
	var cmds []tea.Cmd
	m.noteTextFailure(msg.id, msg.err)
	switch {
	case msg.err != nil && feed.Unreachable(msg.err):
		t.offline = true
		// The next sync fetches the queued papers' texts, not another's.
		m.fail(fmt.Sprintf("offline: %s not fetched; a queued paper's comes with the next sync", english.Count(len(t.pending)+1, "full text")))
		t.pending, t.latest = nil, nil
		return m, m.wantDetail() // its detail says so
	case msg.err != nil:
		t.failed++
		if t.firstFail == "" {
			t.firstFail = msg.id + ": " + failReason(msg.err)
		}
		cmds = append(cmds, m.wantDetail()) // its detail says why
	default:
		t.offline = false
		if msg.had {
			t.had++
		} else {
			t.done++
		}
		if m.forgetDetail(msg.id) { // its detail says whether the text is stored
			cmds = append(cmds, m.wantDetail())
		}
		if m.reader.open && m.reader.id == msg.id && m.reader.missing {
			m.reader.missing = false
			cmds = append(cmds, m.loadReader(nil))
		}
	}
	if next := m.nextText(); next != nil {
		return m, tea.Batch(append(cmds, next)...)
	}
	m.sayFetched()
	m.sayCheckFailed() // textversions.go
	return m, tea.Batch(cmds...)
}

// sayFetched says how a line of fetches ended, after the sync's summary
// it began under: one line, the first failure named with its reason.
func (m *Model) sayFetched() {
	t := &m.texts
	lead := t.lead
	t.lead = ""
	if t.total == t.had {
		// Nothing to fetch (b on a paper whose text is stored): no news.
		if lead != "" {
			m.say(lead)
		}
		return
	}
	msg := fmt.Sprintf("fetched %d of %s", t.done, english.Count(t.total-t.had, "full text"))
	if lead != "" {
		msg = lead + " · " + msg
	}
	if t.failed == 0 {
		m.say(msg)
		return
	}
	m.fail(clean.Line(fmt.Sprintf("%s; %d not fetched (%s)", msg, t.failed, t.firstFail)))
}

// failReason is why a fetch failed, in a few words when the feed can say.
func failReason(err error) string {
	if r := feed.Reason(err); r != "" {
		return r
	}
	return err.Error()
}

// noteTextFailure keeps a paper's last failed fetch, or forgets it once
// fetched.
func (m *Model) noteTextFailure(id string, err error) {
	t := &m.texts
	if err == nil {
		delete(t.lastErr, id)
		return
	}
	if t.lastErr == nil {
		t.lastErr = map[string]error{}
	}
	t.lastErr[id] = err
}

// onTextsMissing fetches the queued papers still missing their text.
func (m Model) onTextsMissing(msg textsMissing) (tea.Model, tea.Cmd) {
	if msg.err != nil {
		m.fail(clean.Line(msg.err.Error()))
		return m, nil
	}
	if len(msg.ids) > 0 && m.texts.running == "" && m.errMsg == "" {
		m.texts.lead = m.notice // the sync's summary, unless a key cleared it
	}
	return m, m.fetchTexts(msg.ids...)
}

// textsMissingCmd lists the queued papers without their text, for a
// sync to fetch.
func textsMissingCmd(lib Library, f TextFetcher) tea.Cmd {
	if f == nil {
		return nil
	}
	return libCmd(func(ctx context.Context) tea.Msg {
		ids, err := lib.QueuedWithoutText(ctx)
		return textsMissing{ids: ids, err: err}
	})
}

// fetchTextCmd fetches and stores one paper's text unless it is stored
// (of arXiv's latest version, when latest is known), and its discussion
// with it (extra: the paper reads without).
func fetchTextCmd(lib Library, f TextFetcher, id string, latest int) tea.Cmd {
	return func() tea.Msg {
		ctx, cancel := context.WithTimeout(context.Background(), textFetchTimeout)
		defer cancel()
		if need, err := lib.NeedsText(ctx, id, latest); err == nil && !need {
			return textFetched{id: id, had: true}
		}
		ft, err := f.FullText(ctx, id)
		if errors.Is(err, feed.ErrNotFound) {
			_ = lib.MarkTextAbsent(ctx, id, time.Now()) // what the detail says after a restart; at worst it says less
		}
		if err != nil {
			return textFetched{id: id, err: err}
		}
		err = lib.PutText(ctx, ft, time.Now())
		worse := errors.Is(err, store.ErrWorseText) // asked for a newer version, HF answered worse: the stored text stays
		if err != nil && !worse {
			return textFetched{id: id, err: err}
		}
		if latest > 0 && (worse || ft.Version > 0 && ft.Version < latest) {
			// HF still serves no newer version: not asked again today (at
			// worst it is asked again).
			_ = lib.MarkVersionAsked(ctx, id, latest, time.Now())
		}
		if worse {
			return textFetched{id: id, had: true}
		}
		if _, at, ok, err := lib.Discussion(ctx, id); err == nil && ok && time.Since(at) < discussionFresh {
			return textFetched{id: id} // opening the paper fetched it meanwhile: not asked twice
		}
		if d, err := f.Discussion(ctx, id); err == nil {
			_ = lib.PutDiscussion(ctx, d, time.Now()) // extra: the text is what was asked for
		}
		return textFetched{id: id}
	}
}

// textStatus is the status bar's line for a fetch under way, "" when idle.
func (m Model) textStatus() string {
	t := m.texts
	if t.running == "" {
		return ""
	}
	return fmt.Sprintf("fetching full texts %s (%s)", countOf(t.done+t.had+t.failed+1, t.total), t.running)
}
