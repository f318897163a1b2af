package tui

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/papertui/papers/store"
	"github.com/papertui/papers/tui/clean"
)

// The reading pane: a paper's whole stored text, rendered by glamour
// through tui/fulltext, over the other panes while it is open. Its
// messages (readerOpened, readerRendered, readerSaveDue, readerSaved),
// state, keys and handlers are here; its view and the outline in
// readerview.go; its search in readersearch.go; its Cmds (the text read,
// cleaned and rendered in two steps: the screen at the reading position
// first, the rest in the background) in readerrender.go.

// readerSaveAfter is how long the view stays still before the reading
// position is written: a burst of scrolling writes once.
const readerSaveAfter = time.Second

// maxReaderDocs bounds the cleaned papers kept for reopening.
const maxReaderDocs = 8

// readerOpened: a paper's text, cleaned, with the sections rendered that
// fill the first screen at the reading position (readerOpenCmd).
type readerOpened struct {
	tok     token
	id      string
	title   string
	missing bool // the library holds no text for it
	absent  bool // and keeps Hugging Face's answer that it has none
	err     error
	doc     *readerDoc
	at      store.Reading // where the reader stopped last time
	part    readerLines   // the sections from at.Section that fill a screen
}

// readerRendered: the whole text rendered, in the background
// (readerRenderCmd).
type readerRendered struct {
	tok   token
	whole readerLines
}

// readerSaveDue: the view has stayed still for readerSaveAfter.
type readerSaveDue struct{ seq int }

// readerSaved: a reading position reached the library (or failed to).
type readerSaved struct {
	id      string
	percent int
	err     error
}

// readerPane is the whole paper being read.
type readerPane struct {
	open    bool
	id      string
	from    pane // where esc goes back to
	title   string
	missing bool
	absent  bool // the library keeps a 404 for its text (readerOpened)
	err     error
	width   int    // the pane's inner width the lines were rendered for
	style   string // their glamour style

	doc      *readerDoc
	lines    readerLines // the rendered lines: all, or the first screen's sections while the rest renders
	complete bool
	offset   int
	height   int
	jumpTo   int // a section asked for before it was rendered, noJump or jumpEnd (G)

	outline   bool // the outline is shown over the text
	outCursor int

	search readerSearch
	// hitPlace is where the current search hit was when a resize began
	// rendering the text anew: the hit there stays the current one.
	hitPlace *store.Reading
	hint     string // the last "does nothing here" it said (readermodal.go)

	percent int           // the furthest read, 0–100
	saved   store.Reading // the position last written
	saveSeq int
}

// The reading pane's jumpTo when no section is asked for before it is
// rendered, and when the end is (G on the first screen).
const (
	noJump  = -1
	jumpEnd = -2
)

// openReader opens the reading pane on a paper, at the position the
// reader stopped at last time.
func (m Model) openReader(id string) (tea.Model, tea.Cmd) {
	from := m.focus
	if m.reader.open {
		from = m.reader.from
	}
	m.reader = readerPane{open: true, id: id, from: from, jumpTo: noJump}
	m.reader.height = m.readerHeight()
	return m, m.loadReader(nil)
}

// loadReader reads, cleans and renders the open paper for the pane's
// width; at, when not nil, is where to open instead of the stored
// position (a resize keeps the place).
func (m *Model) loadReader(at *store.Reading) tea.Cmd {
	m.reader.width, m.reader.style = m.readerWidth(), m.glamourStyle()
	m.reader.complete = false
	doc := m.readerDocs[m.reader.id] // cleaning costs more than rendering a screen: done once a paper
	return readerOpenCmd(m.opts.Library, m.reader.id, doc, at, m.readerGeometry(), m.requests.begin(topicReader))
}

// onReaderOpened shows the first screen and renders the rest.
func (m Model) onReaderOpened(msg readerOpened) (tea.Model, tea.Cmd) {
	if !m.requests.current(msg.tok) || !m.reader.open || msg.id != m.reader.id {
		return m, nil
	}
	r := &m.reader
	r.title, r.missing, r.absent, r.err = msg.title, msg.missing, msg.absent, msg.err
	if msg.missing {
		return m, m.fetchMissing(msg.id)
	}
	if msg.err != nil {
		return m, nil
	}
	r.doc, r.lines = msg.doc, msg.part
	if len(m.readerDocs) >= maxReaderDocs {
		clear(m.readerDocs)
	}
	m.readerDocs[msg.id] = msg.doc
	r.percent = max(r.percent, msg.at.Percent)
	r.saved = msg.at
	r.offset = r.lines.lineOf(msg.at)
	r.clamp()
	// Reading the whole paper is reading it, as opening its detail is.
	return m, tea.Batch(readerRenderCmd(r.doc, msg.part, m.readerGeometry(), m.requests.running(topicReader)), m.markOpened(msg.id))
}

// onReaderRendered swaps the first screen for the whole text, keeping
// the place.
func (m Model) onReaderRendered(msg readerRendered) (tea.Model, tea.Cmd) {
	if !m.requests.current(msg.tok) || !m.reader.open {
		return m, nil
	}
	r := &m.reader
	at := r.position()
	if r.hitPlace == nil && r.search.hit > 0 {
		// A search typed over the first screen: its hit stays the current
		// one among the whole text's.
		place := r.lines.positionOf(r.search.hits[r.search.hit-1])
		r.hitPlace = &place
	}
	r.lines, r.complete = msg.whole, true
	r.offset = r.lines.lineOf(at)
	jumped := r.jumpTo != noJump
	switch {
	case r.jumpTo == jumpEnd:
		r.offset = len(r.lines.text) // G pressed while the rest rendered
	case jumped:
		r.offset = r.lines.starts[r.jumpTo]
	}
	r.jumpTo = noJump
	r.clamp()
	m.requests.end(topicReader)
	if r.search.query != "" {
		hadHit := r.search.hit > 0
		r.search.find(r.lines)
		switch {
		case jumped || len(r.search.hits) == 0: // a width may leave a long phrase unfound
		case r.hitPlace != nil:
			// Rendered anew for a resize, or the whole text after the first
			// screen: the hit the reader was on stays the current one, in
			// view, so n goes on from it.
			r.showHit(nearestHit(r.search.hits, r.lines.lineOf(*r.hitPlace)))
		case !hadHit:
			r.firstHit() // none on the first screen: the rest has some
		}
	}
	r.hitPlace = nil
	return m, m.readerMoved()
}

// closeReader leaves the reading pane, writing where the reader stopped.
func (m Model) closeReader() (tea.Model, tea.Cmd) {
	save := m.saveReading()
	m.dropReaderHint()
	from := m.reader.from
	m.reader = readerPane{}
	m.requests.end(topicReader)
	m.focus = from
	return m, tea.Batch(save, m.loadPages(), m.wantDetail())
}

// readerKey handles every key while the reading pane is open: the list
// and the other panes are hidden under it, so a key it does not use
// must not act on them (readerOtherKey).
func (m Model) readerKey(msg tea.KeyPressMsg) (tea.Model, tea.Cmd) {
	r := &m.reader
	switch {
	case r.search.typing:
		return m.readerSearchKey(msg)
	case r.outline:
		if next, cmd, handled := m.outlineKey(msg); handled {
			return next, cmd
		}
	default:
		if next, cmd, handled := m.readerOwnKey(msg); handled {
			return next, cmd
		}
	}
	return m.readerOtherKey(msg)
}

// readerOwnKey handles the pane's own keys (keys.go's reader.*); handled
// is false for the others.
func (m Model) readerOwnKey(msg tea.KeyPressMsg) (tea.Model, tea.Cmd, bool) {
	r, k := &m.reader, m.keys.Reader
	switch {
	case key.Matches(msg, k.Back) && r.search.query != "":
		r.search = readerSearch{} // hits marked: the first esc clears them, as in the detail
		return m, nil, true
	case key.Matches(msg, k.Back):
		next, cmd := m.closeReader()
		return next, cmd, true
	case !key.Matches(msg, k.moveKeys.bindings()...) &&
		!key.Matches(msg, k.NextSection, k.PrevSection, k.Outline, k.Search, k.NextHit, k.PrevHit, k.Figure):
		return nil, nil, false // not m: a Model in an interface is a copy, per key
	case r.missing || r.err != nil:
		m.hintInReader("no text to read here: " + keyHint(k.Back) + " goes back")
		return m, nil, true
	case r.doc == nil:
		return m, nil, true // loading: the first screen is on its way
	case !r.complete && key.Matches(msg, k.Bottom):
		r.jumpTo = jumpEnd
		m.say("rendering the rest of the paper…")
		return m, nil, true
	case navigate(k.moveKeys, msg, r.height, r.offset, len(r.lines.text), func(i int) { r.offset = i; r.clamp() }):
		if r.jumpTo == jumpEnd {
			r.jumpTo = noJump // moved since: the end asked for before is not where the reader is going
		}
	case key.Matches(msg, k.NextSection):
		m.jumpSection(1)
	case key.Matches(msg, k.PrevSection):
		m.jumpSection(-1)
	case key.Matches(msg, k.Outline):
		r.outline, r.outCursor = true, r.currentSection()
		return m, nil, true
	case key.Matches(msg, k.Search):
		r.search.typing, r.search.query, r.search.from = true, "", r.offset
		return m, nil, true
	case key.Matches(msg, k.NextHit, k.PrevHit):
		dir := map[bool]int{true: 1, false: -1}[key.Matches(msg, k.NextHit)]
		if why := r.jumpHit(dir, keyHint(k.Search)); why != "" {
			m.say(why)
		}
	case key.Matches(msg, k.Figure):
		return m, m.openFigure(), true
	}
	return m, m.readerMoved(), true
}

// jumpSection moves the view to the next (dir > 0) or previous section.
func (m *Model) jumpSection(dir int) {
	r := &m.reader
	target := r.neighbourSection(dir)
	switch {
	case target < 0 && dir > 0:
		m.say("no section below")
	case target < 0:
		m.say("no section above")
	default:
		m.goToSection(target)
	}
}

// goToSection shows a section at the top of the view, or once it is
// rendered.
func (m *Model) goToSection(section int) {
	r := &m.reader
	if line := r.lines.starts[section]; line >= 0 {
		r.offset = line
		r.clamp()
		return
	}
	r.jumpTo = section
	m.say("rendering the rest of the paper…")
}

// openFigure opens the image of the figure in view, or says there is none.
func (m *Model) openFigure() tea.Cmd {
	fig, ok := m.reader.figureInView()
	if !ok {
		m.say("no figure with an image in view")
		return nil
	}
	m.say(clean.Line(fmt.Sprintf("%s: %s", fig.Label, fig.URL)))
	return m.open(fig.URL)
}

// readerMoved schedules writing the reading position once the view stays
// still; with no delay (tests) it writes at once.
func (m *Model) readerMoved() tea.Cmd {
	r := &m.reader
	if !r.complete {
		return nil
	}
	r.percent = max(r.percent, r.viewPercent())
	r.saveSeq++
	if m.readerSaveAfter <= 0 {
		return m.saveReading()
	}
	seq := r.saveSeq
	return tea.Tick(m.readerSaveAfter, func(time.Time) tea.Msg { return readerSaveDue{seq} })
}

func (m Model) onReaderSaveDue(msg readerSaveDue) (tea.Model, tea.Cmd) {
	if !m.reader.open || msg.seq != m.reader.saveSeq {
		return m, nil
	}
	return m, m.saveReading()
}

// saveReading writes where the reader stopped, when it moved since the
// last write: a small store call in a Cmd.
func (m *Model) saveReading() tea.Cmd {
	r := &m.reader
	if !r.open || !r.complete {
		return nil
	}
	at := r.position()
	at.Percent = r.percent
	if at.Section == r.saved.Section && at.Within == r.saved.Within && at.Percent == r.saved.Percent {
		return nil
	}
	r.saved = at
	lib, id := m.opts.Library, r.id
	return libCmd(func(ctx context.Context) tea.Msg {
		return readerSaved{id: id, percent: at.Percent, err: lib.SetReading(ctx, id, at)}
	})
}

// onReaderSaved shows the percentage read on the queue's row, or says
// the position could not be written.
func (m Model) onReaderSaved(msg readerSaved) (tea.Model, tea.Cmd) {
	if msg.err != nil {
		m.fail(clean.Line(fmt.Sprintf("could not save where you stopped in %s: %v", msg.id, msg.err)))
		return m, nil
	}
	m.queue.setProgress(msg.id, msg.percent)
	return m, nil
}

// readerWidth is the reading pane's inner width: the whole screen's.
func (m Model) readerWidth() int { return max(1, m.width-borderSize) }

// readerHeight is how many lines of text the pane shows: the screen less
// the borders, the title line and the status bar.
func (m Model) readerHeight() int { return max(1, m.height-statusHeight-borderSize-1) }

// onReaderResize renders the paper again for a new size, at the same
// place.
func (m *Model) onReaderResize() tea.Cmd {
	r := &m.reader
	r.height = m.readerHeight()
	r.clamp()
	if !r.open || r.missing || r.width == m.readerWidth() {
		return nil
	}
	if r.doc == nil {
		return m.loadReader(nil) // still loading: ask again for the new width
	}
	if r.complete && r.search.hit > 0 {
		// (Mid-render, hitPlace is the one from before: the hits are the
		// whole text's no more.)
		place := r.lines.positionOf(r.search.hits[r.search.hit-1])
		r.hitPlace = &place
	}
	at := r.position()
	return m.loadReader(&at)
}

// nearestHit is the index of the hit line nearest line; hits is not
// empty.
func nearestHit(hits []int, line int) int {
	j, _ := slices.BinarySearch(hits, line)
	if j == len(hits) || (j > 0 && line-hits[j-1] <= hits[j]-line) {
		j--
	}
	return j
}

// readerMissing says what the pane shows for a paper without its text
// (textadvice.go).
func (m Model) readerMissing() string {
	s := m.textSituation(m.reader.id)
	s.absent = m.reader.absent
	return textAdvice(s)
}

// readerErr is the pane's error, for its view.
func (m Model) readerErr() string {
	if m.reader.err == nil {
		return ""
	}
	if errors.Is(m.reader.err, store.ErrNoText) {
		return m.readerMissing()
	}
	return clean.Line(m.reader.err.Error())
}
