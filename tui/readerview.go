package tui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
)

// The reading pane's view: the paper over the whole screen, its title
// line (where the view is, how far read, the search), the outline drawn
// over the text, and the outline's keys. Drawing slices lines rendered
// in Cmds: nothing is rendered here.

// readerScreen draws the reading pane and the status bar.
func (m Model) readerScreen() string {
	w, h := m.readerWidth(), m.height-statusHeight-borderSize
	lines := make([]string, 0, h)
	head, tail := m.readerTitle()
	lines = append(lines, m.st.paneTitleActive.Render(fitKeeping(head, tail, w)))
	content := m.readerContent(w, h-1)
	if r := m.reader; r.doc == nil || r.outline || r.missing || r.err != nil {
		content = fitLines(content, w) // messages; the text's lines are fitted once, when rendered
	}
	lines = append(lines, content...)
	return drawBox(lines, w, h, m.st.pBorderActive) + "\n" + m.statusBar()
}

// readerTitle is the pane's title line in two parts: what is read (the
// paper, its section), which a narrow pane cuts, and where (the percent,
// the search's hits), which it keeps whole.
func (m Model) readerTitle() (head, tail string) {
	r := m.reader
	if r.search.typing {
		return fmt.Sprintf("Search in the paper: %s▏ ", r.search.query), r.search.count()
	}
	head = "Reading " + r.id
	if r.doc != nil && len(r.doc.outline) > 0 && r.position().Section >= r.doc.pre {
		head += " · § " + r.doc.outline[r.currentSection()].Title
	} else if r.title != "" {
		head += " · " + r.title
	}
	var parts []string
	if r.doc != nil {
		pct := fmt.Sprintf("%d%%", r.viewPercent())
		if !r.complete {
			pct = fmt.Sprintf("~%d%%", r.estimatedPercent()) // readerestimate.go
		}
		parts = append(parts, pct)
	}
	if r.search.query != "" {
		parts = append(parts, fmt.Sprintf("/%s %s", r.search.query, r.search.count()))
	}
	if len(parts) > 0 {
		tail = " · " + strings.Join(parts, " · ")
	}
	return head, tail
}

// readerContent is the pane's lines below the title, h of them at most.
func (m Model) readerContent(w, h int) []string {
	r := m.reader
	switch {
	case r.missing:
		return strings.Split(m.st.dimmed.Render(ansi.Wrap(m.readerMissing(), w, "")), "\n")
	case r.err != nil:
		return strings.Split(m.st.statusErr.Render(ansi.Wrap(m.readerErr(), w, "")), "\n")
	case r.doc == nil:
		return []string{m.st.dimmed.Render("loading…")}
	case r.outline:
		return m.outlineView(w, h)
	}
	end := min(len(r.lines.text), r.offset+h)
	out := make([]string, 0, end-r.offset)
	for i := r.offset; i < end; i++ {
		if r.search.isHit[i] {
			out = append(out, r.search.marked(r.lines, i, m.st.pHighlight))
			continue
		}
		out = append(out, r.lines.text[i])
	}
	return out
}

// outlineView lists the sections, the chosen one selected and the one in
// view marked, scrolled to keep the choice in sight.
func (m Model) outlineView(w, h int) []string {
	r := m.reader
	secs := r.doc.outline
	if len(secs) == 0 {
		return []string{m.st.dimmed.Render("This paper has no sections.")}
	}
	head := fit("Outline: "+keyHint(m.keys.Reader.OutlineJump)+" jumps, "+keyHint(m.keys.Reader.Back)+" closes", w)
	out := []string{m.st.dimmed.Render(head)}
	h--
	start := max(0, min(r.outCursor-h/2, len(secs)-h))
	here := r.currentSection()
	for i := start; i < len(secs) && len(out) <= h; i++ {
		mark := "  "
		if i == here {
			mark = "▸ "
		}
		line := fit(mark+strings.Repeat("  ", max(0, secs[i].Level-1))+secs[i].Title, w)
		if i == r.outCursor {
			line = m.st.pSelected.on(line)
		}
		out = append(out, line)
	}
	return out
}

// outlineKey moves through the outline, jumps to a section or closes it;
// handled is false for the keys it leaves to readerOtherKey.
func (m Model) outlineKey(msg tea.KeyPressMsg) (tea.Model, tea.Cmd, bool) {
	r, k := &m.reader, m.keys.Reader
	n := len(r.doc.outline)
	switch {
	case navigate(k.moveKeys, msg, max(1, r.height-1), r.outCursor, n, func(i int) { r.outCursor = max(0, min(i, n-1)) }):
	case key.Matches(msg, k.OutlineJump):
		if n == 0 {
			return m, nil, true
		}
		r.outline = false
		m.goToSection(r.doc.pre + r.outCursor)
		return m, m.readerMoved(), true
	case key.Matches(msg, k.Back, k.Outline):
		r.outline = false
	default:
		return m, nil, false
	}
	return m, nil, true
}
