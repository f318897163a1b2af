package article

import (
	"strings"

	"github.com/charmbracelet/x/ansi"
)

// A Block is Markdown shown inside Quotes levels of quote bars: a
// discussion's comment sits one level inside the comment it answers.
type Block struct {
	Quotes   int
	Markdown string
}

// minQuoted is the fewest columns a quoted block's text keeps: deeper
// quotes than the width allows line up at the deepest that leaves it.
const minQuoted = 20

// RenderBlocks renders blocks one under the other, each at the width its
// quote bars leave, and draws the bars itself. glamour's own nested
// quotes lose their bars on lines that wrap, and a table's rule sits
// outside them. The blank line between two blocks carries the bars they
// share.
func RenderBlocks(blocks []Block, width int, style string) (string, error) {
	width = max(width, minQuoted)
	margin, bar := quoteLayout(style)
	deepest := max(0, (width-margin-minQuoted)/ansi.StringWidth(bar))
	var lines []string
	prev := -1
	for _, b := range blocks {
		if strings.TrimSpace(b.Markdown) == "" {
			continue
		}
		q := min(b.Quotes, deepest)
		out, err := Render(b.Markdown, width-q*ansi.StringWidth(bar), style)
		if err != nil {
			return "", err
		}
		if prev >= 0 {
			lines = append(lines, strings.TrimRight(strings.Repeat(" ", margin)+strings.Repeat(bar, min(prev, q)), " "))
		}
		bars := strings.Repeat(bar, q)
		for _, l := range trimBlankLines(strings.Split(out, "\n")) {
			lines = append(lines, ansi.Cut(l, 0, margin)+bars+ansi.TruncateLeft(l, margin, ""))
		}
		prev = q
	}
	return strings.Join(lines, "\n"), nil
}

// trimBlankLines is lines without the blank ones at either end (a
// heading's, say), so that blocks are one blank line apart.
func trimBlankLines(lines []string) []string {
	blank := func(l string) bool { return strings.TrimSpace(ansi.Strip(l)) == "" }
	for len(lines) > 0 && blank(lines[0]) {
		lines = lines[1:]
	}
	for len(lines) > 0 && blank(lines[len(lines)-1]) {
		lines = lines[:len(lines)-1]
	}
	return lines
}

// quoteLayout is style's left margin and its quote bar.
func quoteLayout(style string) (margin int, bar string) {
	cfg := baseConfig(style) // linkstyle.go
	if cfg == nil {
		return 2, "│ "
	}
	bar = "│ "
	if t := cfg.BlockQuote.IndentToken; t != nil && *t != "" {
		bar = *t
	}
	return columns(cfg.Document.Margin), bar
}
