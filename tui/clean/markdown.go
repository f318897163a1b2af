package clean

import "strings"

// mdEscapes maps the ASCII characters Markdown could read as syntax to how
// they are written so that glamour shows them as they are. Most take a
// backslash; glamour's renderer removes the backslash only before
// \ ` * _ { } [ ] < > ( ) # + - . ! |, so the rest are written as character
// references, which it decodes: & (entities), ~ (strikethrough),
// : (definition lists, linkified "https://") and = (setext headings).
var mdEscapes = func() (t [128]string) {
	for _, c := range "\\`*_{}[]()<>#+-.!|" {
		t[c] = "\\" + string(c)
	}
	t['&'] = "&amp;"
	t['~'] = "&#126;"
	t[':'] = "&#58;"
	t['='] = "&#61;"
	return t
}()

// Markdown returns s cleaned by Text and escaped for a Markdown document, so
// that glamour shows every character as written: no emphasis, code, link,
// image, HTML, entity, list, heading or table comes out of feed text, and
// bare URLs are not linkified. Single line breaks stay soft breaks (glamour
// reflows them); blank lines separate paragraphs.
func Markdown(s string) string {
	t := Text(s)
	n := 0
	for i := 0; i < len(t); i++ {
		if c := t[i]; c < 128 {
			n += len(mdEscapes[c])
		}
	}
	if n == 0 {
		return t
	}
	var b strings.Builder
	b.Grow(len(t) + n)
	for i := 0; i < len(t); i++ {
		c := t[i]
		if c < 128 && mdEscapes[c] != "" {
			b.WriteString(mdEscapes[c])
			continue
		}
		b.WriteByte(c)
	}
	return b.String()
}
