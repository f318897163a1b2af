package tui

import (
	"context"
	"errors"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/papertui/papers/store"
	"github.com/papertui/papers/tui/article"
	"github.com/papertui/papers/tui/clean"
	"github.com/papertui/papers/tui/fulltext"
)

// The detail pane: one paper rendered with glamour in a Cmd, cached by
// renderKey; its message (detailRendered), its keys (scrolling, search
// hits, back) and its view.

// maxCachedDetails bounds the rendered-detail cache.
const maxCachedDetails = 256

// detailRendered: a paper's detail, rendered for a width and style.
type detailRendered struct {
	tok     token
	key     renderKey
	record  store.Record
	content string
	lines   []string // content's lines fitted to the width, in the Cmd
	hits    []int    // lines holding a search word
	// textStored: the library holds the paper's text, so the rendering
	// does not depend on the key's noText (the advice of a missing text).
	textStored bool
	err        error
}

// renderKey names one rendering of a paper's detail.
type renderKey struct {
	id         string
	width      int
	style      string
	allAuthors bool
	marks      string // search words, one per line
	texts      string // a search's text: terms, one per line (textmatch.go)
	noText     string // what it says when its text is not stored (textadvice.go)
	noTextHF   string // what it says when, besides, the library keeps a 404 for it
	hints      detailHints
}

// detailHints are the keys the detail names, as bound (keyHint).
type detailHints struct {
	allAuthors, read, open string
}

// detailPane shows one paper's rendered detail in a scrolling viewport.
type detailPane struct {
	vp         scroller
	shown      renderKey // what the viewport holds
	want       renderKey // what was last asked for
	record     store.Record
	hasRecord  bool
	allAuthors bool
	cache      map[renderKey]rendered
	// textStored are the papers whose last rendering found their text
	// stored: their key leaves the advice out, so a fetch starting or
	// ending elsewhere, the queue or the network changing do not render
	// them again. Forgotten with the paper's renderings.
	textStored map[string]bool
	err        error
	hits       []int // lines of the shown content holding a search word
}

// rendered is a detail as the cache keeps it, with the record it was
// rendered from (the title's "since" note reads it).
type rendered struct {
	content string
	lines   []string // content's lines fitted to its width once, not per show
	hits    []int
	record  store.Record
}

func newDetailPane() detailPane {
	return detailPane{cache: map[renderKey]rendered{}, textStored: map[string]bool{}}
}

// show puts rendered content in the viewport, keeping the scroll position
// when only the width or style changed.
func (d *detailPane) show(key renderKey, r rendered) {
	content := r.content
	d.hits = r.hits
	samePaper := key.id == d.shown.id
	if r.lines != nil {
		d.vp.setLines(r.lines)
	} else {
		d.vp.setContent(content, key.width)
	}
	if !samePaper {
		d.vp.offset = 0
	}
	d.shown = key
	d.err = nil
}

func (d *detailPane) remember(key renderKey, r rendered) {
	if len(d.cache) >= maxCachedDetails {
		d.forgetAll()
	}
	d.cache[key] = r
}

// forgetAll drops every rendering.
func (d *detailPane) forgetAll() {
	clear(d.cache)
	clear(d.textStored)
}

// jumpHit scrolls to the next (dir > 0) or previous search hit.
func (d *detailPane) jumpHit(dir int) bool {
	j := nextHit(d.hits, d.vp.offset, dir)
	if j < 0 {
		return false
	}
	d.vp.offset = d.hits[j] - hitContext
	d.vp.clamp()
	return true
}

// forget drops every cached rendering of a paper whose state changed.
func (d *detailPane) forget(id string) {
	delete(d.textStored, id)
	for k := range d.cache {
		if k.id == id {
			delete(d.cache, k)
		}
	}
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

// onDetailRendered caches a rendered detail and shows it, unless the user
// has moved on since it was asked for (guard.go).
func (m Model) onDetailRendered(msg detailRendered) (tea.Model, tea.Cmd) {
	if !m.requests.current(msg.tok) {
		return m, nil // the user has moved on
	}
	if msg.err != nil {
		m.detail.err = msg.err
		m.detail.want = renderKey{id: msg.key.id}
		return m, nil
	}
	r := rendered{content: msg.content, lines: msg.lines, hits: msg.hits, record: msg.record}
	key := msg.key
	if msg.textStored {
		m.detail.textStored[key.id] = true
		key.noText, key.noTextHF = "", ""
	}
	m.detail.remember(key, r)
	m.detail.record, m.detail.hasRecord = msg.record, true
	m.detail.show(key, r)
	return m, m.wantSeen(msg.key.id)
}

// renderKey scrolls the detail, jumps between hits and goes back.
func (m Model) detailKey(msg tea.KeyPressMsg) (tea.Model, tea.Cmd) {
	k := m.keys.Detail
	vp := &m.detail.vp
	switch {
	case key.Matches(msg, k.Back):
		m.focus = m.lastFocus
		return m, tea.Batch(m.loadPages(), m.wantDetail())
	case key.Matches(msg, m.keys.Paper.Open) && m.detail.want.id != "":
		return m.openReader(m.detail.want.id) // the whole paper (reader.go)
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

// wantDetail asks for the detail of the paper the focus points at, from
// the cache when it can.
func (m *Model) wantDetail() tea.Cmd {
	id := m.detailTarget()
	w := m.detailWidth()
	if id == "" && m.list.shown != nil && m.focus != paneDetail {
		// The replaced view's rows are still drawn while the new view's
		// come (a search letter): its detail stays with them, not a
		// blank "loading…" at every keystroke.
		return nil
	}
	if id == "" || w <= 0 || !m.themed {
		if id == "" {
			m.detail.shown = renderKey{} // no paper selected: none shown either
		}
		m.detail.want = renderKey{id: id}
		m.requests.end(topicDetail)
		return nil
	}
	key := renderKey{id: id, width: w, style: m.glamourStyle(), allAuthors: m.detail.allAuthors,
		marks: strings.Join(m.highlights(), "\n"), texts: strings.Join(m.textTerms(), "\n"),
		hints: detailHints{keyHint(m.keys.Paper.AllAuthors), keyHint(m.keys.Paper.Read), keyHint(m.keys.Paper.Open)}}
	if !m.detail.textStored[id] {
		s := m.textSituation(id)
		key.noText = textAdvice(s)
		s.absent = true
		key.noTextHF = textAdvice(s)
	}
	if key == m.detail.shown {
		m.detail.want = key
		m.requests.end(topicDetail)
		return nil
	}
	if r, ok := m.detail.cache[key]; ok {
		m.detail.want = key
		m.detail.record, m.detail.hasRecord = r.record, true
		m.detail.show(key, r)
		m.requests.end(topicDetail)
		return nil
	}
	if key == m.detail.want {
		return nil // already on its way
	}
	m.detail.want = key
	fallback, _ := m.remoteRecord(id)
	return m.afterFirstFrame(detailCmd(m.opts.Library, key, fallback, m.requests.begin(topicDetail))) // firstframe.go
}

// detailTarget is the paper the detail should show: the one opened while
// the detail has the focus, else the selection of the list or queue.
func (m Model) detailTarget() string {
	switch m.focus {
	case paneDetail:
		if m.detail.want.id != "" {
			return m.detail.want.id
		}
	case paneQueue:
		if r, ok := m.queue.selected(); ok {
			return r.ID
		}
		// An empty queue: the list's paper stays (not "loading…" for ever).
	}
	if m.lastFocus == paneQueue && m.focus == paneDetail {
		if r, ok := m.queue.selected(); ok {
			return r.ID
		}
	}
	r, _ := m.list.selected()
	return r.ID
}

// detailWidth is the width the detail is rendered for.
func (m Model) detailWidth() int {
	w := m.layout(paneDetail).panes[paneDetail].w
	return w
}

func (m Model) detailContent(w int) ([]string, bool) {
	switch {
	case m.detail.err != nil:
		return strings.Split(m.st.statusErr.Render(ansi.Wrap(clean.Line(m.detail.err.Error()), w, "")), "\n"), false
	case m.detail.shown.id == "":
		if m.list.counted && m.list.count() == 0 {
			return nil, true
		}
		if held := m.list.shown; held != nil && held.counted && held.count() == 0 {
			return nil, true // the empty view drawn until the new one's rows come
		}
		return []string{m.st.dimmed.Render("loading…")}, false
	case m.detail.shown.width != w:
		return m.detail.vp.view(), false // a resize is being rendered anew
	}
	return m.detail.vp.view(), true
}

// detailCmd renders a paper's detail from the library, or from fallback
// (a remote result not stored yet) when the library does not hold it.
func detailCmd(lib Library, key renderKey, fallback store.Record, req request) tea.Cmd {
	return reqCmd(req, func(ctx context.Context) tea.Msg {
		rec, err := lib.Record(ctx, key.id)
		if errors.Is(err, store.ErrUnknownPaper) && fallback.ID == key.id {
			rec, err = fallback, nil
		}
		if err != nil {
			return detailRendered{tok: req.tok, key: key, err: err}
		}
		var words []string
		if key.marks != "" {
			words = strings.Split(key.marks, "\n")
		}
		o := article.Options{AllAuthors: key.allAuthors, MoreHint: key.hints.allAuthors + " shows all", Highlights: words}
		o.Match, o.MatchWords = textMatch(ctx, lib, key)
		words = append(words, o.MatchWords...)
		md := article.Markdown(rec, o) +
			dailyMarkdown(rec)
		extras, discussion, stored := storedExtras(ctx, lib, key)
		md += extras
		out, err := article.Render(md, key.width, key.style)
		if err == nil && len(discussion) > 0 {
			var d string
			d, err = article.RenderBlocks(discussion, key.width, key.style)
			out += "\n\n" + d
		}
		return detailRendered{tok: req.tok, key: key, record: rec, content: out, hits: hitLines(out, words), err: err,
			lines: fitLines(strings.Split(out, "\n"), key.width), textStored: stored}
	})
}

// storedExtras is what the library holds of a paper beyond the feed's
// fields, for the foot of its detail: whether its whole text is stored
// (and the key that reads it), and its discussion, threaded, with the
// linked models, datasets and Spaces. Both read offline; a failure to
// read them leaves them out (the detail still shows). stored says the
// text is stored: the key's noText is not used.
func storedExtras(ctx context.Context, lib Library, key renderKey) (extras string, discussion []article.Block, stored bool) {
	id := key.id
	var b strings.Builder
	need, err := lib.NeedsText(ctx, id, 0)
	if err == nil {
		if need {
			advice := key.noText
			if _, absent, err := lib.TextAbsent(ctx, id); err == nil && absent {
				advice = key.noTextHF
			}
			b.WriteString("\n\n*" + clean.Markdown(advice) + "*")
		} else {
			h := key.hints
			b.WriteString("\n\n*" + clean.Markdown("Full text stored: "+h.read+" (or "+h.open+" here) reads the whole paper.") + "*")
		}
	}
	if d, _, ok, derr := lib.Discussion(ctx, id); derr == nil && ok {
		discussion = fulltext.Discussion(d)
	}
	return b.String(), discussion, err == nil && !need
}

// detailOutOfDate forgets the shown detail when a reloaded row of its
// paper says the feed moved it (a sync here or elsewhere): the detail was
// rendered from the record before, with its old upvotes and comments.
func (m *Model) detailOutOfDate(rows []row) {
	if !m.detail.hasRecord {
		return
	}
	was := m.detail.record
	for _, r := range rows {
		if r.ID == was.ID && (r.Upvotes != was.Upvotes || r.Comments != was.Comments || r.Title != was.Title || r.Day != was.Day) {
			m.forgetDetail(r.ID)
			return
		}
	}
}

// forgetDetail drops paper id's rendered detail, something it shows
// having changed in the library, and says whether the detail shows that
// paper (then wantDetail renders it again).
func (m *Model) forgetDetail(id string) bool {
	m.detail.forget(id)
	if m.detail.shown.id != id {
		return false
	}
	m.detail.shown = renderKey{}
	m.detail.want = renderKey{id: m.detail.want.id}
	return true
}
