package tui

import (
	"context"
	"errors"
	"fmt"
	"strings"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/papertui/papers/store"
	"github.com/papertui/papers/tui/article"
	"github.com/papertui/papers/tui/clean"
	"github.com/papertui/papers/tui/fulltext"
)

// The reading pane's Cmds: a stored text read, cleaned and cut into
// sections (readerDoc); the sections that fill the first screen at the
// reading position rendered at once (readerOpenCmd), the whole paper in
// the background (readerRenderCmd). Rendering a 90 KB paper whole takes
// about a second; its first screen, a section or two, a few milliseconds.

// readerMaxWidth is the widest the text is set: longer lines are hard to
// follow, so a wider terminal centres the text.
const readerMaxWidth = 120

// readerDoc is a cleaned paper cut into sections. It is never changed
// once built, so the pane and its Cmds share it.
type readerDoc struct {
	title   string             // clean, one line
	chunks  []string           // the title block, the text before the first heading, then one per heading
	outline []fulltext.Section // the headings: outline[i] is chunks[pre+i]
	pre     int
	figures []fulltext.Figure
}

// newReaderDoc cleans a stored text (tui/fulltext: the text is untrusted
// and comes out as safe Markdown) and cuts it at its headings.
func newReaderDoc(t store.Text) *readerDoc {
	doc := fulltext.Clean(t.Markdown)
	chunks := doc.Chunks()
	pre := 1
	if len(doc.Outline) == 0 || doc.Outline[0].Line > 0 {
		pre = 2 // Chunks' first holds what comes before the first heading
	}
	return &readerDoc{title: clean.Line(t.Title), chunks: append([]string{titleBlock(t)}, chunks...), outline: doc.Outline, pre: pre, figures: doc.Figures}
}

// titleBlock heads the paper: its title and where its text came from.
func titleBlock(t store.Text) string {
	var b strings.Builder
	if title := clean.Line(t.Title); title != "" {
		fmt.Fprintf(&b, "# %s\n\n", clean.Markdown(clean.TeX(title)))
	}
	fmt.Fprintf(&b, "*%s · from %s*", clean.Markdown(t.ID), TextSource(t))
	return b.String()
}

// TextSource says, as Markdown, where a stored text came from and when:
// "arXiv HTML v2, fetched 2026-11-30".
func TextSource(t store.Text) string {
	source := "arXiv HTML"
	if t.Source != "arxiv-html" {
		source = "Hugging Face's extraction (arXiv has no HTML)"
	}
	version := ""
	if t.Version > 0 {
		version = fmt.Sprintf(" v%d", t.Version)
	}
	return fmt.Sprintf("%s%s, fetched %s", clean.Markdown(source), version, t.FetchedAt.Format("2006-01-02"))
}

// readerGeometry is what the lines are rendered for.
type readerGeometry struct {
	width, height int // the pane's inner width; the lines of text it shows
	style         string
}

// readerGeometry is the open pane's.
func (m Model) readerGeometry() readerGeometry {
	return readerGeometry{width: m.readerWidth(), height: m.readerHeight(), style: m.glamourStyle()}
}

// readerLines are rendered sections, each line fitted to the pane's
// width once, with what search and the figure key need of them.
type readerLines struct {
	text   []string // as shown
	plain  []string // without colours, for marking search hits
	lower  []string // plain, lowercased, for searching
	starts []int    // the line each chunk starts at; -1 when not rendered
	figs   []int    // the line of each figure's caption; -1 when none
}

// chunkLen is how many lines a rendered chunk holds.
func (l readerLines) chunkLen(c int) int {
	for next := c + 1; next < len(l.starts); next++ {
		if l.starts[next] >= 0 {
			return l.starts[next] - l.starts[c]
		}
	}
	return len(l.text) - l.starts[c]
}

// lineOf is the line of a reading position; a section not rendered
// gives the first line.
func (l readerLines) lineOf(at store.Reading) int {
	if at.Section < 0 || at.Section >= len(l.starts) || l.starts[at.Section] < 0 {
		return 0
	}
	// Rounded, as position rounds: a line read back is the line written.
	return l.starts[at.Section] + (at.Within*l.chunkLen(at.Section)+5000)/10000
}

// renderChunk renders one section, fitted to the pane and centred in it,
// with a blank line after it.
func renderChunk(md string, g readerGeometry) ([]string, error) {
	tw := min(g.width, readerMaxWidth)
	out, err := article.Render(md, tw, g.style)
	if err != nil {
		return nil, err
	}
	lines := strings.Split(out, "\n")
	if pad := (g.width - tw) / 2; pad > 0 {
		indent := strings.Repeat(" ", pad)
		for i, l := range lines {
			lines[i] = indent + l
		}
	}
	return append(fitLines(lines, g.width), strings.Repeat(" ", g.width)), nil
}

// add appends a rendered chunk.
func (l *readerLines) add(c int, lines []string) {
	l.starts[c] = len(l.text)
	l.text = append(l.text, lines...)
	for _, line := range lines {
		p := ansi.Strip(line)
		l.plain = append(l.plain, p)
		l.lower = append(l.lower, strings.ToLower(p))
	}
}

// chunk is a rendered chunk's lines, nil when it is not rendered.
func (l readerLines) chunk(c int) []string {
	if l.starts[c] < 0 {
		return nil
	}
	return l.text[l.starts[c] : l.starts[c]+l.chunkLen(c)]
}

// findFigures finds each figure's caption line ("Image 3: (no caption)"
// for one without), in order.
func (l *readerLines) findFigures(figs []fulltext.Figure) {
	l.figs = make([]int, len(figs))
	from := 0
	for i, f := range figs {
		l.figs[i] = -1
		label := strings.ToLower(f.Label) + ":"
		for j := from; j < len(l.lower); j++ {
			if strings.Contains(l.lower[j], label) {
				l.figs[i], from = j, j+1
				break
			}
		}
	}
}

func newReaderLines(chunks int) readerLines {
	l := readerLines{starts: make([]int, chunks)}
	for i := range l.starts {
		l.starts[i] = -1
	}
	return l
}

// readerOpenCmd reads a paper's text and the position the reader stopped
// at (or at, when given), and renders the sections from there that fill
// a screen.
// doc, when not nil, is the paper cleaned already (a resize, a reopening).
func readerOpenCmd(lib Library, id string, doc *readerDoc, at *store.Reading, g readerGeometry, req request) tea.Cmd {
	return reqCmd(req, func(ctx context.Context) tea.Msg {
		if doc == nil {
			t, err := lib.Text(ctx, id)
			if errors.Is(err, store.ErrNoText) {
				rec, _ := lib.Record(ctx, id) // its title, for the pane's; none is fine
				_, absent, _ := lib.TextAbsent(ctx, id)
				return readerOpened{tok: req.tok, id: id, missing: true, absent: absent, title: clean.TeX(clean.Line(rec.Title))}
			}
			if err != nil {
				return readerOpened{tok: req.tok, id: id, err: err}
			}
			doc = newReaderDoc(t)
		}
		var pos store.Reading
		if stored, ok, err := lib.Reading(ctx, id); err == nil && ok {
			pos = stored
		}
		if at != nil {
			pos.Section, pos.Within = at.Section, at.Within
		}
		pos.Section = max(0, min(pos.Section, len(doc.chunks)-1))
		part := newReaderLines(len(doc.chunks))
		for c := pos.Section; c < len(doc.chunks); c++ {
			lines, err := renderChunk(doc.chunks[c], g)
			if err != nil {
				return readerOpened{tok: req.tok, id: id, err: err}
			}
			part.add(c, lines)
			if len(part.text)-part.lineOf(pos) >= g.height {
				break
			}
		}
		part.findFigures(doc.figures)
		return readerOpened{tok: req.tok, id: id, title: doc.title, doc: doc, at: pos, part: part}
	})
}

// readerRenderCmd renders the whole paper, reusing the sections already
// rendered; closing the pane stops it between sections.
func readerRenderCmd(doc *readerDoc, part readerLines, g readerGeometry, req request) tea.Cmd {
	return func() tea.Msg {
		whole := newReaderLines(len(doc.chunks))
		for c, md := range doc.chunks {
			if req.ctx.Err() != nil {
				return nil
			}
			lines := part.chunk(c)
			if lines == nil {
				var err error
				if lines, err = renderChunk(md, g); err != nil {
					lines = []string{fitLines([]string{clean.Line(err.Error())}, g.width)[0]}
				}
			}
			whole.add(c, lines)
		}
		whole.findFigures(doc.figures)
		return readerRendered{tok: req.tok, whole: whole}
	}
}

// position is the reading position of the view's top line.
func (r readerPane) position() store.Reading { return r.lines.positionOf(r.offset) }

// positionOf is the place of a line in the paper, which lineOf finds
// again in the text rendered at another width.
func (l readerLines) positionOf(line int) store.Reading {
	c := -1
	for i, s := range l.starts {
		if s >= 0 && s <= line {
			c = i
		}
	}
	if c < 0 {
		return store.Reading{}
	}
	n := max(1, l.chunkLen(c))
	return store.Reading{Section: c, Within: ((line-l.starts[c])*10000 + n/2) / n}
}

func (r *readerPane) clamp() {
	r.offset = max(0, min(r.offset, len(r.lines.text)-r.height))
}

// viewPercent is how far down the view's bottom is, 0–100.
func (r readerPane) viewPercent() int {
	n := len(r.lines.text)
	if n <= r.height {
		return 100
	}
	return min(100, (r.offset+r.height)*100/n)
}

// currentSection is the outline entry the view is in (0 before the first).
func (r readerPane) currentSection() int {
	if r.doc == nil {
		return 0
	}
	return max(0, min(r.position().Section-r.doc.pre, len(r.doc.outline)-1))
}

// neighbourSection is the chunk of the next (dir > 0) or previous
// section of the outline, or the top, -1 when there is none.
func (r readerPane) neighbourSection(dir int) int {
	cur := r.position().Section
	target := cur + 1
	if dir < 0 {
		target = cur - 1
		if r.lines.starts[cur] >= 0 && r.offset > r.lines.starts[cur] {
			target = cur // back to the start of this one first
		}
	}
	if target >= 0 && target < r.doc.pre {
		// The title block and the text before the first heading (a
		// real paper's author list) are no section of the outline: }
		// from the top goes to the first heading, { from it to the top.
		if dir > 0 {
			target = r.doc.pre
		} else if cur > 0 || r.offset > 0 {
			target = 0
		}
	}
	if target < 0 || target >= len(r.doc.chunks) {
		return -1
	}
	return target
}

// figureInView is the figure nearest the middle of the view with an
// image to open.
func (r readerPane) figureInView() (fulltext.Figure, bool) {
	if r.doc == nil {
		return fulltext.Figure{}, false
	}
	mid := r.offset + r.height/2
	best, dist := -1, 0
	for i, line := range r.lines.figs {
		if line < r.offset || line >= r.offset+r.height || r.doc.figures[i].URL == "" {
			continue // off screen (half a screen away was taken)
		}
		d := max(line-mid, mid-line)
		if best < 0 || d < dist {
			best, dist = i, d
		}
	}
	if best < 0 {
		return fulltext.Figure{}, false
	}
	return r.doc.figures[best], true
}
