package fulltext

import (
	"regexp"
	"strings"

	"github.com/papertui/papers/tui/clean"
)

// commentMarkdown is a comment's Markdown made safe to render while it
// still reads as Markdown (emphasis, lists, code): escapes and controls
// removed (clean.Text); a link kept only to an http(s) URL, any other
// (javascript:, file:, relative) and every image reduced to its text;
// reference definitions, raw HTML, autolinks and numeric character
// references shown as text, never acted on. Code is left as written.
func commentMarkdown(s string) string {
	lines := strings.Split(lineBreaks.Replace(s), "\n")
	fence := ""
	for i, l := range lines {
		// codeLine, not clean.Text: a nested list or a listing needs its
		// indentation.
		l = codeLine(l)
		lines[i] = l
		t := strings.TrimLeft(l, " ")
		if fence != "" {
			if strings.HasPrefix(t, fence) && strings.Trim(t, fence[:1]) == "" {
				fence = ""
			}
			continue
		}
		if m := fenceOpenRE.FindStringSubmatch(t); m != nil && len(l)-len(t) < 4 {
			fence = m[1]
			continue
		}
		if refDefRE.MatchString(l) {
			lines[i] = strings.Replace(l, "[", `\[`, 1)
			continue
		}
		lines[i] = commentLinks(inertHTML(l))
	}
	return strings.TrimSpace(blankLines.ReplaceAllString(strings.Join(lines, "\n"), "\n\n"))
}

var (
	lineBreaks = strings.NewReplacer("\r\n", "\n", "\r", "\n", "\u2028", "\n", "\u2029", "\n\n", "\u0085", "\n")
	blankLines = regexp.MustCompile(`\n{3,}`)
)

// refDefRE is a link reference definition ("[1]: javascript:…"): a link
// whose target is elsewhere, so it is shown as text.
var refDefRE = regexp.MustCompile(`^ {0,3}\[[^\]]+\]:`)

var commentLinkRE = regexp.MustCompile(`(!?)\[([^\[\]]*)\]\(\s*<?((?:[^()\s<>]|\([^()\s]*\))*)>?(?:\s+"[^"]*")?\s*\)`)

// commentLinks keeps a link to an http(s) URL as a link and reduces any
// other link, and every image, to its text.
func commentLinks(l string) string {
	if !strings.Contains(l, "](") {
		return l
	}
	return commentLinkRE.ReplaceAllStringFunc(l, func(m string) string {
		sm := commentLinkRE.FindStringSubmatch(m)
		text := sm[2]
		if u, ok := clean.URL(sm[3]); ok && u != "" {
			if text == "" {
				text = u
			}
			return "[" + text + "](" + u + ")"
		}
		return text
	})
}

// inertHTML makes what would be HTML, an autolink or a numeric character
// reference (&#27; is an escape once decoded) show as text, outside code
// spans, which show their text as written anyway.
func inertHTML(l string) string {
	if !strings.ContainsAny(l, "<&") {
		return l
	}
	var b strings.Builder
	for i := 0; i < len(l); i++ {
		switch c := l[i]; {
		case c == '`':
			n := len(l[i:]) - len(strings.TrimLeft(l[i:], "`"))
			run := l[i : i+n]
			end := strings.Index(l[i+n:], run)
			if end < 0 {
				b.WriteString(run)
				i += n - 1
				continue
			}
			b.WriteString(l[i : i+n+end+n])
			i += n + end + n - 1
		case c == '<':
			b.WriteString("&lt;")
		case c == '&' && i+1 < len(l) && l[i+1] == '#':
			b.WriteString("&amp;")
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}
