package fulltext

import (
	"strings"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"github.com/papertui/papers/tui/clean"
)

// inline cleans one paragraph of running text and escapes it for Markdown:
// what comes out holds no syntax from the text.
func inline(s string) string {
	return clean.Markdown(plain(s))
}

// Plain is one passage of a paper's Markdown (a sentence a search found)
// cleaned by the reading pane's rules, as plain text for a terminal line:
// citations compact, cross-references as their text, math duplicates
// collapsed, TeX as Unicode, escapes and controls removed.
func Plain(s string) string {
	return clean.Line(plain(s))
}

// plain is inline without the Markdown escaping.
func plain(s string) string {
	s = clean.Line(s)
	s = links(s)
	s = citations(s)
	s = footnote(s)
	s = emphasis(s)
	s = collapseMath(s)
	s = dropMacros(s)
	s = dropTeXCopies(s)
	return clean.TeX(s)
}

// citeGroupRE is a parenthesised group holding marked citations:
// "(Helff et al., ‹2024›; Li, ‹2023›)".
var citeGroupRE = lazyRegexp(`\(([^()\x{E000}]*\x{E000}[^()]*)\)`)

// Private-use marks around a citation's text while its group is found;
// any the text had are removed first.
const citeOpen, citeClose = "\uE000", "\uE001"

var unmark = strings.NewReplacer(citeOpen, "", citeClose, "")

// citations makes "(Helff et al., [2024](https://arxiv.org/html/…#bib.bib15))"
// read "[Helff et al., 2024]": each citation link is marked (by links), a
// group of them in parentheses becomes one bracketed group, and a citation
// outside any group is bracketed alone.
func citations(s string) string {
	if !strings.Contains(s, citeOpen) {
		return s
	}
	s = citeGroupRE().ReplaceAllStringFunc(s, func(m string) string {
		return "[" + strings.TrimSpace(unmark.Replace(m[1:len(m)-1])) + "]"
	})
	return strings.NewReplacer(citeOpen, "[", citeClose, "]").Replace(s)
}

// links keeps the text of every link (cross-references such as
// Fig.[1](…#S3.F1 "Figure 1 ‣ …"), external links, javascript: and file:
// ones alike) and drops inline images: nothing in the text is offered as a
// link, but an http(s) address outside the paper is shown after its text. A citation's text is marked for citations. It scans by hand: a
// regular expression without a literal prefix tries every position of a
// paragraph, and this ran at a third of the cleanup's time.
func links(s string) string {
	if !strings.Contains(s, "](") {
		return s
	}
	s = unmark.Replace(s)
	var b strings.Builder
	last := 0
	for i := 0; i < len(s); {
		j := strings.Index(s[i:], "](")
		if j < 0 {
			break
		}
		close := i + j
		open := strings.LastIndexByte(s[max(last, close-300):close], '[')
		end := linkEnd(s, close+2)
		if open < 0 || end < 0 {
			i = close + 2
			continue
		}
		open += max(last, close-300)
		text, target := s[open+1:close], s[close+2:end-1]
		start := open
		if open > last && s[open-1] == '!' {
			start, text = open-1, "" // an image: dropped
		} else if strings.Contains(target, "#bib.") {
			text = citeOpen + text + citeClose
		} else if u := outsideURL(target); u != "" && !strings.Contains(text, u) {
			text += " (" + u + ")" // "code is [here](…)": the address is what the reader wants
		}
		b.WriteString(s[last:start])
		b.WriteString(text)
		last, i = end, end
	}
	b.WriteString(s[last:])
	return b.String()
}

// outsideURL is a link target's http(s) address when it leads outside
// the paper (not a citation, a cross-reference or arXiv's page of it),
// else "".
func outsideURL(target string) string {
	u, _, _ := strings.Cut(strings.TrimSpace(target), " ") // a quoted title after it
	lower := strings.ToLower(u)
	if !strings.HasPrefix(lower, "https://") && !strings.HasPrefix(lower, "http://") ||
		strings.Contains(lower, "arxiv.org/html/") || strings.ContainsAny(u, "<>\\") {
		return ""
	}
	return u
}

// linkEnd is the index just past the ")" closing a link target starting
// at i, allowing one level of parentheses and a quoted title; -1 if the
// target is not closed within a line's reach.
func linkEnd(s string, i int) int {
	depth := 0
	for k := i; k < len(s) && k < i+2000; k++ {
		switch s[k] {
		case '"':
			q := strings.IndexByte(s[k+1:], '"')
			if q < 0 {
				return -1
			}
			k += q + 1
		case '(':
			depth++
			if depth > 1 {
				return -1
			}
		case ')':
			if depth == 0 {
				return k + 1
			}
			depth--
		case '[', ']':
			return -1
		}
	}
	return -1
}

var footnoteRE = lazyRegexp(`^(\d{1,3}) (\d{1,3}) (\d{1,3}) `)

// footnote marks an inlined footnote ("1 1 1 Henceforth, …") as one.
func footnote(s string) string {
	m := footnoteRE().FindStringSubmatch(s)
	if m == nil || m[1] != m[2] || m[2] != m[3] {
		return s
	}
	return "Footnote " + m[1] + ": " + s[len(m[0]):]
}

var emphasisRE = lazyRegexp(`(^|[\s(])(?:\*\*|__|_)([^_*\s][^_*]{0,300}?)(?:\*\*|__|_)([\s.,;:)]|$)`)

// emphasis drops the Markdown emphasis HF writes around journal names
// ("_arXiv preprint_") and bold words: escaped, it would show as marks.
func emphasis(s string) string {
	if !strings.ContainsAny(s, "_*") {
		return s
	}
	return emphasisRE().ReplaceAllString(s, "$1$2$3")
}

var macroTokenRE = lazyRegexp(`(^|\s)\\(?:useunder|ul|xspace|newcommand|renewcommand|definecolor)(?:\{[^{}]*\})*(\s|$)`)

// dropMacros removes leftover macro definitions and markers.
func dropMacros(s string) string {
	if !strings.Contains(s, `\`) {
		return s
	}
	return macroTokenRE().ReplaceAllString(s, "$1$2")
}

// annotations are LaTeXML's spelled-out math: "italic_k", "blackboard_E",
// "start_POSTSUBSCRIPT".
var annotationRE = lazyRegexp(`(?:^|[^A-Za-z])(?:italic|bold|blackboard|caligraphic|roman|fraktur|script|sans-serif|typewriter|bold-italic|start|end)_[^\s]|POSTSUBSCRIPT|POSTSUPERSCRIPT`)

// collapseMath collapses LaTeXML's math duplicates: arXiv's HTML carries a
// formula up to four times (Unicode, spaced Unicode, TeX and the spelled-
// out "10 italic_k"), and the converter keeps them all. The first copy is
// kept: "10k 10 𝑘 10k 10 italic_k" → "10k".
func collapseMath(s string) string {
	if strings.IndexByte(s, '_') < 0 || !annotationRE().MatchString(s) {
		return s
	}
	toks := strings.Fields(s)
	var out []string
	for i := 0; i < len(toks); {
		if !annotated(toks[i]) {
			out = append(out, toks[i])
			i++
			continue
		}
		// The spelled-out run: annotated tokens and the short symbols
		// between them, starting at the short symbols before it.
		start := len(out)
		for start > 0 && shortSymbol(out[start-1]) {
			start--
		}
		end := i
		for end < len(toks) && (annotated(toks[end]) || shortSymbol(toks[end])) {
			end++
		}
		run := append(append([]string{}, out[start:]...), toks[i:end]...)
		out = out[:start]
		plain := spelledOut(run)
		out = dropCopies(out, fold(plain), plain)
		i = end
	}
	return strings.Join(out, " ")
}

// dropCopies removes the copies of a formula that end out, keeping the
// earliest; with none, the formula is written once from its spelled-out
// form.
func dropCopies(out []string, want, plain string) []string {
	kept := ""
	for {
		n := copyBefore(out, want)
		if n == 0 {
			break
		}
		kept = strings.Join(out[len(out)-n:], " ")
		out = out[:len(out)-n]
	}
	if kept == "" {
		kept = plain
	}
	return append(out, kept)
}

// copyBefore is how many tokens at the end of out spell want (ignoring
// spaces and math letter styles), 0 if none do.
func copyBefore(out []string, want string) int {
	if want == "" {
		return 0
	}
	joined := ""
	for n := 1; n <= min(len(out), 24); n++ {
		joined = fold(out[len(out)-n]) + joined
		if joined == want {
			return n
		}
		if len(joined) > len(want) || !strings.HasSuffix(want, joined) {
			return 0
		}
	}
	return 0
}

func annotated(t string) bool {
	return (strings.IndexByte(t, '_') >= 0 || strings.Contains(t, "POST")) && annotationRE().MatchString(t)
}

// shortSymbol is a token that may sit inside a spelled-out formula:
// digits, brackets, operators, a single letter.
func shortSymbol(t string) bool {
	if len([]rune(t)) > 2 || t == "a" || t == "A" || t == "I" {
		return false
	}
	for _, r := range t {
		if r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' {
			if len(t) > 1 {
				return false
			}
		}
	}
	return true
}

var spelledRE = lazyRegexp(`(?:italic|bold|blackboard|caligraphic|roman|fraktur|script|sans-serif|typewriter|bold-italic)_`)

// spelledOut writes a spelled-out run as a formula: "10 italic_k" → "10k".
func spelledOut(run []string) string {
	var b strings.Builder
	for _, t := range run {
		switch {
		case strings.HasPrefix(t, "start_") || strings.HasPrefix(t, "end_"):
			continue
		case t == "POSTSUBSCRIPT" || t == "POSTSUPERSCRIPT":
			continue
		}
		b.WriteString(spelledRE().ReplaceAllString(t, ""))
	}
	return b.String()
}

// fold makes copies of a formula compare equal: math letter styles to
// plain letters (𝑘 → k, 𝔼 → E), spaces and TeX scripts dropped.
func fold(s string) string {
	return foldDrop.Replace(strings.Join(strings.Fields(norm.NFKC.String(s)), ""))
}

// foldDrop removes what TeX copies write and the spelled-out form does
// not: x_t and x_{t} read "x start_POSTSUBSCRIPT t end_POSTSUBSCRIPT".
var foldDrop = strings.NewReplacer("_", "", "^", "", "{", "", "}", "")

var texCommandRE = lazyRegexp(`\\[A-Za-z]+`)

// dropTeXCopies removes a TeX command that repeats the symbol just before
// it, as the converter writes them: "∼\\sim 47.0%" → "∼ 47.0%".
func dropTeXCopies(s string) string {
	if !strings.Contains(s, `\`) {
		return s
	}
	var b strings.Builder
	last := 0
	for _, m := range texCommandRE().FindAllStringIndex(s, -1) {
		r, _ := utf8.DecodeLastRuneInString(s[:m[0]])
		if r < utf8.RuneSelf || clean.TeX("$"+s[m[0]:m[1]]+"$") != string(r) {
			continue
		}
		b.WriteString(s[last:m[0]])
		last = m[1]
	}
	b.WriteString(s[last:])
	return b.String()
}
