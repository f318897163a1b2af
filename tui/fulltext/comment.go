package fulltext

import (
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
		if m := fenceOpenRE().FindStringSubmatch(t); m != nil && len(l)-len(t) < 4 {
			fence = m[1]
			continue
		}
		l = shallow(l)
		if refDefRE().MatchString(l) {
			lines[i] = strings.Replace(l, "[", `\[`, 1)
			continue
		}
		lines[i] = commentLinks(inertHTML(l))
	}
	return strings.TrimSpace(blankLines().ReplaceAllString(strings.Join(lines, "\n"), "\n\n"))
}

// Nesting a comment may have: glamour's time grows exponentially with
// the depth of quotes and lists (a comment of 100 ">" held `papers show`
// and the reader's detail for ever), and no comment needs more.
const (
	maxCommentNesting = 6  // quote and list markers on a line
	maxCommentIndent  = 12 // leading spaces: three levels of a nested list
)

// shallow is line l with its quote and list markers past
// maxCommentNesting dropped and a list item's indentation cut to
// maxCommentIndent; the text after them is kept.
func shallow(l string) string {
	indent := len(l) - len(strings.TrimLeft(l, " \t"))
	if indent > maxCommentIndent && markerLen(l[indent:]) > 0 {
		// A deep list item; an indented code block's line (no marker)
		// keeps its indentation.
		l = strings.Repeat(" ", maxCommentIndent) + l[indent:]
	}
	depth, i, kept := 0, 0, -1
	for {
		for i < len(l) && (l[i] == ' ' || l[i] == '\t') {
			i++
		}
		n := markerLen(l[i:])
		if n == 0 {
			break
		}
		i += n
		if depth++; depth == maxCommentNesting {
			kept = i
		}
	}
	if depth <= maxCommentNesting {
		return l
	}
	return l[:kept] + " " + strings.TrimLeft(l[i:], " \t")
}

// markerLen is the length of the quote or list marker s starts with
// (">", "- ", "1. "), 0 when it starts with none.
func markerLen(s string) int {
	switch {
	case strings.HasPrefix(s, ">"):
		return 1
	case len(s) >= 2 && strings.ContainsRune("-*+", rune(s[0])) && (s[1] == ' ' || s[1] == '\t'):
		return 2
	}
	d := 0
	for d < len(s) && d < 9 && s[d] >= '0' && s[d] <= '9' {
		d++
	}
	if d > 0 && d+1 < len(s) && (s[d] == '.' || s[d] == ')') && (s[d+1] == ' ' || s[d+1] == '\t') {
		return d + 2
	}
	return 0
}

var (
	lineBreaks = strings.NewReplacer("\r\n", "\n", "\r", "\n", "\u2028", "\n", "\u2029", "\n\n", "\u0085", "\n")
	blankLines = lazyRegexp(`\n{3,}`)
)

// refDefRE is a link reference definition ("[1]: javascript:…"): a link
// whose target is elsewhere, so it is shown as text.
var refDefRE = lazyRegexp(`^ {0,3}\[[^\]]+\]:`)

var commentLinkRE = lazyRegexp(`(!?)\[([^\[\]]*)\]\(\s*<?((?:[^()\s<>]|\([^()\s]*\))*)>?(?:\s+"[^"]*")?\s*\)`)

// commentLinks keeps a link to an http(s) URL as a link and reduces any
// other link, and every image, to its text.
func commentLinks(l string) string {
	if !strings.Contains(l, "](") {
		return l
	}
	return commentLinkRE().ReplaceAllStringFunc(l, func(m string) string {
		sm := commentLinkRE().FindStringSubmatch(m)
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
// spans, which show their text as written anyway; the few tags comments
// use for what Markdown has (htmlTag) become that Markdown.
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
			n, md := htmlTag(l[i:])
			if n == 0 {
				b.WriteString("&lt;")
				continue
			}
			b.WriteString(md)
			i += n - 1
		case c == '&' && i+1 < len(l) && l[i+1] == '#':
			b.WriteString("&amp;")
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}

// Tags a comment writes for what Markdown has (pasted from a README: a
// line break, bold, an image, a link), and the inline tags that only
// wrap text. Anything else shows as written.
var (
	htmlTagRE  = lazyRegexp(`^<(/?)([a-zA-Z][a-zA-Z0-9]*)((?:\s+[a-zA-Z-]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'<>=]+))?)*)\s*/?>`)
	htmlAttrRE = lazyRegexp(`([a-zA-Z-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'<>=]+))`)
)

// htmlTag reads the tag at the start of s: how many bytes it takes and
// the Markdown it becomes, or 0 when it is not one of those comments use
// (it then shows as written). A link becomes "[" and its end "](URL)"
// only as a pair within the line; an image its alt text, as text.
func htmlTag(s string) (int, string) {
	m := htmlTagRE().FindStringSubmatch(s)
	if m == nil {
		return 0, ""
	}
	closing, name, attrs := m[1] == "/", strings.ToLower(m[2]), m[3]
	switch name {
	case "br", "hr":
		return len(m[0]), " "
	case "summary": // a <details> block's heading, then its text
		if closing {
			return len(m[0]), ": "
		}
		return len(m[0]), ""
	case "b", "strong":
		return len(m[0]), "**"
	case "i", "em":
		return len(m[0]), "*"
	case "img":
		if closing {
			return len(m[0]), ""
		}
		if alt := clean.Markdown(clean.Line(htmlAttr(attrs, "alt"))); alt != "" {
			return len(m[0]), `\[image: ` + alt + `\]`
		}
		return len(m[0]), `\[image\]`
	case "a":
		return htmlLink(s, m[0], closing, attrs)
	case "p", "div", "span", "sup", "sub", "u", "center", "details", "small", "font", "picture", "source":
		return len(m[0]), ""
	}
	return 0, ""
}

// htmlLink is <a href="URL">text</a> as [text](URL) when both tags are on
// the line and the text holds no tag; commentLinks then keeps the link
// only to an http(s) URL. Otherwise the tags are dropped, the text kept.
// Text without a tag means "</a>" is the first "<" after the tag: looking
// no further keeps a line of many <a> linear (searching the rest of the
// line for each one held a comment's render for minutes).
func htmlLink(s, tag string, closing bool, attrs string) (int, string) {
	if closing {
		return len(tag), ""
	}
	rest := s[len(tag):]
	end := strings.IndexByte(rest, '<')
	href := htmlAttr(attrs, "href")
	if end < 0 || !strings.EqualFold(rest[end:min(len(rest), end+len("</a>"))], "</a>") || href == "" ||
		strings.ContainsAny(rest[:end], "[]`") || strings.ContainsAny(href, " ()<>") {
		return len(tag), ""
	}
	// The text skipped inertHTML's loop: a numeric character reference in
	// it (&#27;) would reach the terminal as an escape once decoded.
	return len(tag) + end + len("</a>"), "[" + inertHTML(rest[:end]) + "](" + href + ")"
}

// htmlAttr is attribute name's value in a tag's attributes, "" if absent.
func htmlAttr(attrs, name string) string {
	for _, a := range htmlAttrRE().FindAllStringSubmatch(attrs, -1) {
		if strings.EqualFold(a[1], name) {
			return a[2] + a[3] + a[4]
		}
	}
	return ""
}
