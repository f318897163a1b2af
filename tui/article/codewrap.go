package article

import (
	"regexp"
	"strings"

	"github.com/charmbracelet/x/ansi"
)

// glamour wraps a code line longer than its block at a space but starts
// the rest at the text's margin, out of the block, and a flattened
// table's row then reads as two rows. wrapCode wraps such lines first,
// at spaces, each continuation indented under its line.

var fenceRE = regexp.MustCompile("^ {0,3}(`{3,}|~{3,})")

// wrapCode is md with the lines of its fenced code blocks wrapped to fit
// a code block rendered at width in style.
func wrapCode(md string, width int, style string) string {
	if !strings.Contains(md, "```") && !strings.Contains(md, "~~~") {
		return md
	}
	cw := codeWidth(width, style)
	lines := strings.Split(md, "\n")
	out := make([]string, 0, len(lines))
	fence := ""
	for _, l := range lines {
		if m := fenceRE.FindStringSubmatch(l); m != nil {
			switch {
			case fence == "":
				fence = m[1]
			case strings.HasPrefix(m[1], fence) && strings.TrimSpace(strings.TrimLeft(l, " ")[len(m[1]):]) == "":
				fence = ""
			}
			out = append(out, l)
			continue
		}
		if fence == "" {
			out = append(out, l)
			continue
		}
		out = append(out, wrapCodeLine(l, cw)...)
	}
	return strings.Join(out, "\n")
}

// codeWidth is the columns a code block's text has at width in style:
// the document's margins on both sides and the block's own.
func codeWidth(width int, style string) int {
	doc, code := 2, 2
	if cfg := baseConfig(style); cfg != nil { // linkstyle.go
		doc, code = columns(cfg.Document.Margin), columns(cfg.CodeBlock.Margin)
	}
	return max(width-2*doc-code, 10)
}

var codeTokenRE = regexp.MustCompile(`\s*\S+`)

// wrapCodeLine is l cut at spaces into lines of at most width columns,
// the later ones indented two columns past l's own indentation; a word
// wider than that is cut where it must be.
func wrapCodeLine(l string, width int) []string {
	if ansi.StringWidth(l) <= width {
		return []string{l}
	}
	lead := len(l) - len(strings.TrimLeft(l, " "))
	hang := strings.Repeat(" ", min(lead+2, width/2))
	var lines []string
	cur := ""
	for _, tok := range codeTokenRE.FindAllString(l, -1) {
		switch {
		case cur == "":
			cur = tok
		case ansi.StringWidth(cur)+ansi.StringWidth(tok) <= width:
			cur += tok
		default:
			lines = append(lines, cur)
			cur = hang + strings.TrimLeft(tok, " \t")
		}
		for ansi.StringWidth(cur) > width { // one word wider than the block
			lines = append(lines, ansi.Cut(cur, 0, width))
			cur = hang + ansi.TruncateLeft(cur, width, "")
		}
	}
	return append(lines, cur)
}
