package tui

import (
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/charmbracelet/x/ansi"
)

// Measuring text in cells without the grapheme machinery where it need
// not run: most titles and names are printable ASCII, whose width is
// their length, and measuring them rune by rune was a third of a frame.

// printableASCII says whether s is only printable ASCII (no escape
// sequence, no control character): one cell per byte.
func printableASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < 0x20 || s[i] > 0x7e {
			return false
		}
	}
	return true
}

// blanks is padding to slice from instead of making it.
var blanks = strings.Repeat(" ", 512)

// pad is n spaces (none for n ≤ 0).
func pad(n int) string {
	switch {
	case n <= 0:
		return ""
	case n <= len(blanks):
		return blanks[:n]
	}
	return strings.Repeat(" ", n)
}

// fitASCII is fit for printable ASCII: what ansi.Truncate with a "…"
// tail and the padding make of it, byte for byte.
func fitASCII(s string, w int) string {
	switch {
	case len(s) <= w:
		return s + pad(w-len(s))
	case w <= 0:
		return ""
	}
	return s[:w-1] + "…"
}

// ruleLine is head followed by a rule to exactly w cells: the rule's
// "─" are a cell each, so only head is measured.
func ruleLine(head string, w int) string {
	hw := ansi.StringWidth(head)
	if hw > w {
		return fit(head, w)
	}
	return head + strings.Repeat("─", w-hw)
}

// padLeft right-aligns s in w cells, as fmt's %*s does (it counts
// runes).
func padLeft(s string, w int) string {
	return pad(w-utf8.RuneCountInString(s)) + s
}

// upvotesCell is "▲12" right-aligned in five cells, as a row shows it.
func upvotesCell(n int) string { return padLeft("▲"+strconv.Itoa(n), 5) }

// triangleWidth is the cells "▲" takes (one, unless the width tables
// say otherwise).
var triangleWidth = ansi.StringWidth("▲")

// statsWidth is the width of a row's statistics: upvotes, comments,
// perhaps a day, all one cell per rune but the triangle.
func statsWidth(stats string) int {
	return utf8.RuneCountInString(stats) - 1 + triangleWidth
}

// piece is text and the paint it is drawn in.
type piece struct {
	p paint
	s string
}

// painted joins pieces into one string, allocated once.
func painted(pieces ...piece) string {
	n := 0
	for _, x := range pieces {
		n += len(x.p.pre) + len(x.s) + len(x.p.post)
	}
	var b strings.Builder
	b.Grow(n)
	for _, x := range pieces {
		b.WriteString(x.p.pre)
		b.WriteString(x.s)
		b.WriteString(x.p.post)
	}
	return b.String()
}

// fittedLines keeps lines fitted to a width between frames, by their
// text: the queue's lines and the panes' messages come unfitted, and
// measuring a painted line walks every grapheme of it. Keyed by the
// text itself, a fitting is never stale.
// Keyed by width too: one frame fits lines at several widths (the
// search line at the list's, the queue's at its own), and a map of one
// width was emptied at each change, twice a frame.
type fittedLines struct {
	lines map[fittedKey]string
}

type fittedKey struct {
	w     int
	text  string
	title bool // fitted as a title: cut with an ellipsis
}

// maxFittedLines bounds the lines kept.
const maxFittedLines = 1024

// fit is fitLines, answered from the lines kept where it can.
func (f *fittedLines) fit(lines []string, w int) []string {
	out := make([]string, len(lines))
	for i, line := range lines {
		k := fittedKey{w: w, text: line}
		fitted, ok := f.lookup(k)
		if !ok {
			fitted = fitLines([]string{line}, w)[0]
			f.lines[k] = fitted
		}
		out[i] = fitted
	}
	return out
}

// title is fit for a pane title drawn as it comes (the search line): cut
// with an ellipsis, which says it was cut, and padded (fit).
func (f *fittedLines) title(line string, w int) string {
	k := fittedKey{w: w, text: line, title: true}
	fitted, ok := f.lookup(k)
	if !ok {
		fitted = fit(line, w)
		f.lines[k] = fitted
	}
	return fitted
}

// lookup is the fitting kept for k; the kept lines start over past
// maxFittedLines.
func (f *fittedLines) lookup(k fittedKey) (string, bool) {
	if len(f.lines) > maxFittedLines || f.lines == nil {
		f.lines = map[fittedKey]string{}
	}
	s, ok := f.lines[k]
	return s, ok
}
