package fulltext

import (
	"strings"

	"github.com/papertui/papers/tui/clean"
)

// A fenced code block (``` or ~~~) is a listing: its lines, indentation
// and blank lines are kept, and none of the prose rules (TeX, citations,
// math, emphasis) touch it. It is still untrusted: every line is cleaned
// of escapes and controls.

var (
	fenceOpenRE = lazyRegexp("^ {0,3}(`{3,}|~{3,})\\s*([^`]*)$")
	fenceInfoRE = lazyRegexp(`^[A-Za-z0-9_+#.-]{1,30}$`)
)

// splitDocument splits md into blocks: its fenced code blocks whole, the
// prose between them cleaned (clean.Text) and split at blank lines. A
// fence never closed is prose: one stray fence must not turn the rest of
// a paper into a listing.
func splitDocument(md string) []block {
	if !strings.Contains(md, "```") && !strings.Contains(md, "~~~") {
		return splitBlocks(clean.Text(md))
	}
	lines := strings.Split(md, "\n")
	var blocks []block
	prose := 0 // first line of the prose not yet split
	for i := 0; i < len(lines); i++ {
		m := fenceOpenRE().FindStringSubmatch(strings.TrimSuffix(lines[i], "\r"))
		if m == nil {
			continue
		}
		end := fenceClose(lines[i+1:], m[1])
		if end < 0 {
			continue
		}
		blocks = append(blocks, splitBlocks(clean.Text(strings.Join(lines[prose:i], "\n")))...)
		info := strings.TrimSpace(m[2])
		if !fenceInfoRE().MatchString(info) {
			info = ""
		}
		code := append([]string{info}, lines[i+1:i+1+end]...)
		blocks = append(blocks, block{lines: code, code: true})
		i += end + 1
		prose = i + 1
	}
	return append(blocks, splitBlocks(clean.Text(strings.Join(lines[min(prose, len(lines)):], "\n")))...)
}

// fenceClose is the index in lines of the fence closing one opened by
// fence (the same character, at least as many), or -1.
func fenceClose(lines []string, fence string) int {
	for i, l := range lines {
		l = strings.TrimRight(l, " \t\r")
		t := strings.TrimLeft(l, " ")
		if len(l)-len(t) > 3 || len(t) < len(fence) || t[0] != fence[0] {
			continue
		}
		if strings.Trim(t, fence[:1]) == "" {
			return i
		}
	}
	return -1
}

// codeBlock writes a code block's lines (the first its language, or "")
// fenced again, with a fence longer than any run of backticks the cleaned
// lines start with, so no line can close it early.
func codeBlock(lines []string) string {
	body := make([]string, 0, len(lines)-1)
	longest := 2
	for _, l := range lines[1:] {
		l = codeLine(l)
		t := strings.TrimLeft(l, " ")
		longest = max(longest, len(t)-len(strings.TrimLeft(t, "`")))
		body = append(body, l)
	}
	// Blank lines at the ends are the text's spacing, not the listing's.
	for len(body) > 0 && body[0] == "" {
		body = body[1:]
	}
	for len(body) > 0 && body[len(body)-1] == "" {
		body = body[:len(body)-1]
	}
	fence := strings.Repeat("`", longest+1)
	return fence + lines[0] + "\n" + strings.Join(append(body, fence), "\n")
}

// spaceKeeper stands for a space while a code line is cleaned: clean.Line
// collapses runs of spaces, which a listing's alignment needs. It is a
// private-use character clean keeps; the text's own are removed.
const spaceKeeper = "\uF8FE"

var codeSpaces = strings.NewReplacer(spaceKeeper, "", headingMark, "", " ", spaceKeeper, "\r", "")

// codeLine cleans one line of a listing: escapes and controls removed,
// tabs expanded, spaces kept.
func codeLine(l string) string {
	l = expandTabs(l)
	l = clean.Line(codeSpaces.Replace(l))
	return strings.TrimRight(strings.ReplaceAll(l, spaceKeeper, " "), " ")
}

// expandTabs replaces tabs with spaces to the next stop of 4 (counted in
// bytes, close enough for the ASCII listings hold).
func expandTabs(l string) string {
	if !strings.Contains(l, "\t") {
		return l
	}
	var b strings.Builder
	col := 0
	for _, r := range l {
		if r == '\t' {
			n := 4 - col%4
			b.WriteString(strings.Repeat(" ", n))
			col += n
			continue
		}
		b.WriteRune(r)
		col++
	}
	return b.String()
}
