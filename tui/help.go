package tui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/papertui/papers/store"
)

// The help screen, generated from the keymaps (keys.go).

// helpLines are the help screen's lines for a width: the key groups laid
// out in as many columns as fit, then the search syntax.
func (m Model) helpLines(width int) []string {
	if m.helpMessages {
		return m.messageLines(width) // messages.go
	}
	var blocks [][]string
	for _, g := range m.keys.groups() {
		blocks = append(blocks, m.helpBlock(g))
	}
	var lines []string
	for len(blocks) > 0 {
		n, used := 0, 0
		for n < len(blocks) && (n == 0 || used+blockWidth(blocks[n]) <= width) {
			used += blockWidth(blocks[n]) + 3
			n++
		}
		lines = append(lines, sideBySideBlocks(blocks[:n])...)
		lines = append(lines, "")
		blocks = blocks[n:]
	}
	notes := ansi.Wrap(searchSyntax+" "+
		"Trending: "+store.TrendingFormula+".", width, "")
	for _, l := range strings.Split(notes, "\n") {
		lines = append(lines, m.st.dimmed.Render(l))
	}
	lines = append(lines, "")
	for _, l := range strings.Split(ansi.Wrap(m.readerHelpNote(), width, ""), "\n") { // readermodal.go
		lines = append(lines, m.st.dimmed.Render(l))
	}
	lines = append(lines, "")
	rows := "Rows: ▲ upvotes, then the comment count; ● queued, » not in the library yet, ✓ read, " + newMark + " new since your last visit, ✎ a note, #tags."
	for _, l := range strings.Split(ansi.Wrap(rows, width, ""), "\n") {
		lines = append(lines, m.st.dimmed.Render(l))
	}
	return lines
}

// helpBlock is one group: its heading, then a key and what it does a line.
func (m Model) helpBlock(g keyGroup) []string {
	keyW := 0
	for _, b := range g.keys {
		keyW = max(keyW, ansi.StringWidth(b.Help().Key))
	}
	lines := []string{m.st.paneTitleActive.Render(g.title)}
	for _, b := range g.keys {
		h := b.Help()
		lines = append(lines, m.st.help.FullKey.Render(fit(h.Key, keyW))+" "+m.st.help.FullDesc.Render(h.Desc))
	}
	return lines
}

func blockWidth(lines []string) int {
	w := 0
	for _, l := range lines {
		w = max(w, ansi.StringWidth(l))
	}
	return w
}

// sideBySideBlocks joins blocks into columns three cells apart.
func sideBySideBlocks(blocks [][]string) []string {
	rows := 0
	for _, b := range blocks {
		rows = max(rows, len(b))
	}
	out := make([]string, rows)
	for i, b := range blocks {
		w := blockWidth(b)
		for r := range rows {
			cell := ""
			if r < len(b) {
				cell = b[r]
			}
			if i < len(blocks)-1 {
				cell += strings.Repeat(" ", w-ansi.StringWidth(cell)+3)
			}
			out[r] += cell
		}
	}
	return out
}

// helpRect is where the help is drawn: the whole body, in a border.
func (m Model) helpRect() rect {
	return rect{w: max(1, m.width-borderSize), h: max(1, m.height-statusHeight-borderSize)}
}

// helpHeight is how many help lines show at once (the box less its title).
func (m Model) helpHeight() int { return max(1, m.helpRect().h-1) }

// helpScreen is the help as a scrolling pane over the whole body, so all
// of it can be reached on the smallest terminal.
func (m Model) helpScreen() string {
	r := m.helpRect()
	lines := m.helpLines(r.w - 2)
	off := max(0, min(m.helpOffset, len(lines)-m.helpHeight()))
	title := "Keys · esc closes"
	if m.helpMessages {
		title = "Messages, newest first · esc closes"
	}
	if len(lines) > m.helpHeight() {
		title += fmt.Sprintf(" · ↑↓ scroll %d%%", off*100/max(1, len(lines)-m.helpHeight()))
	}
	body := []string{m.st.paneTitleActive.Render(fit(title, r.w))}
	for _, l := range lines[off:min(len(lines), off+m.helpHeight())] {
		body = append(body, " "+l)
	}
	return drawBox(fitLines(body, r.w), r.w, r.h, m.st.pBorderActive) + "\n" + m.statusBar()
}

// openHelp shows the help over whatever is open, from its top.
func (m Model) openHelp() (tea.Model, tea.Cmd) {
	m.showHelp, m.helpOffset, m.helpMessages = true, 0, false
	return m, nil
}

// helpKey scrolls the help with the movement keys; esc, q and ? close it,
// ctrl+c quits (onKeyPress), and any other key closes it too.
func (m Model) helpKey(msg tea.KeyPressMsg) (tea.Model, tea.Cmd) {
	n := len(m.helpLines(m.helpRect().w - 2))
	h := m.helpHeight()
	if navigate(m.keys.List.moveKeys, msg, h, m.helpOffset, n, func(i int) { m.helpOffset = i }) {
		m.helpOffset = max(0, min(m.helpOffset, n-h))
		return m, nil
	}
	m.showHelp = false
	return m, nil
}

// helpBindings are every binding the help shows.
func (k keyMap) helpBindings() []key.Binding {
	var all []key.Binding
	for _, g := range k.groups() {
		all = append(all, g.keys...)
	}
	return all
}

// searchSyntax is the help's line on searching: every filter README's
// "Search syntax" lists (a test holds them together).
const searchSyntax = "Search: words (the last one as a prefix; a paper id, arxiv:ID or URL alone finds that paper); -word, -\"a phrase\" or NOT word leave out; " +
	"author:NAME org:NAME kw:WORD upvotes:>N (also >= < <= =) day:YYYY-MM-DD since:DATE until:DATE " +
	"is:queued is:unread is:read is:new has:code has:note tag:NAME note:WORD " +
	"text:WORD text:\"a phrase\" (in the stored full texts); quote values with spaces: author:\"Yann LeCun\"."
