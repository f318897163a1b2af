package store

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/papertui/papers/store/query"
)

// Sentence is the first sentence of md holding the first of terms found,
// clipped to about 200 bytes either side of it; "" when none is found. A
// term is found the way the text index found it: its words in order,
// whatever punctuation and link targets lie between them ("shown by
// helff" in "shown by (Helff et al., [2024](…))"). The sentence is the
// text's Markdown as stored, links whole, so that the reading pane's
// cleaner can read it as it reads the paper: it is untrusted text.
func Sentence(md string, terms []string) string {
	for _, t := range terms {
		words := query.IndexTerms(t)
		if len(words) == 0 {
			continue
		}
		if line, i, j := findWords(md, words); i >= 0 {
			return sentenceAround(line, i, j)
		}
	}
	return ""
}

// sentenceAround is the sentence of line holding line[i:j], clipped to
// about 200 bytes either side but never inside a link.
func sentenceAround(line string, i, j int) string {
	masked, links := maskLinks(line)
	start := max(sentenceStart(masked[:i]), i-200, 0)
	end := min(j+sentenceEnd(masked[j:]), j+200)
	start, end = outsideLinks(links, start, end)
	for start > 0 && !utf8.RuneStart(line[start]) {
		start--
	}
	for end < len(line) && !utf8.RuneStart(line[end]) {
		end++
	}
	s := strings.ToValidUTF8(line[start:end], "")
	return strings.TrimSpace(blockMarkRE.ReplaceAllString(s, ""))
}

// blockMarkRE is a list, heading or quote mark opening a line: without it
// the line reads as a sentence.
var blockMarkRE = regexp.MustCompile(`^\s*(?:(?:[*+-]|\d{1,3}\.)\s+•?|#{1,6}\s+|>\s*|•)`)

// span is a link in md, from its "[" to just past its ")".
type span struct{ open, end int }

// maskLinks is md with what the text index leaves out blanked (link
// targets, bare URLs) so that words are found as the index found them and
// sentence ends are not looked for inside a URL; the byte offsets are
// md's. links lists the links, which a clipped sentence must not cut.
func maskLinks(md string) (string, []span) {
	if !strings.Contains(md, "](") && !strings.Contains(md, "://") {
		return md, nil
	}
	b := []byte(md)
	var links []span
	for i := 0; i < len(b); i++ {
		switch {
		case b[i] == ']' && i+1 < len(b) && b[i+1] == '(':
			end := targetEnd(md, i+2)
			if end < 0 {
				continue
			}
			blank(b, i+2, end-1)
			if open := strings.LastIndexByte(md[max(0, i-300):i], '['); open >= 0 {
				links = append(links, span{max(0, i-300) + open, end})
			}
			i = end - 1
		case b[i] == 'h' && (strings.HasPrefix(md[i:], "https://") || strings.HasPrefix(md[i:], "http://")):
			j := strings.IndexAny(md[i:], " \t\n)")
			if j < 0 {
				j = len(md) - i
			}
			blank(b, i, i+j)
			i += j - 1
		}
	}
	return string(b), links
}

func blank(b []byte, from, to int) {
	for k := from; k < to; k++ {
		b[k] = ' '
	}
}

// targetEnd is the index just past the ")" closing a link target that
// starts at i (one level of parentheses, a quoted title allowed), or -1
// when it is not closed within a line's reach.
func targetEnd(s string, i int) int {
	depth := 0
	for k := i; k < len(s) && k < i+2000; k++ {
		switch s[k] {
		case '"':
			q := strings.IndexAny(s[k+1:], "\"\n")
			if q < 0 || s[k+1+q] == '\n' {
				return -1
			}
			k += q + 1
		case '(':
			depth++
		case ')':
			if depth == 0 {
				return k + 1
			}
			depth--
		case '\n':
			return -1
		}
	}
	return -1
}

// outsideLinks widens [start, end) so that it cuts no link.
func outsideLinks(links []span, start, end int) (int, int) {
	for _, l := range links {
		if l.open < start && start < l.end {
			start = l.open
		}
		if l.open < end && end < l.end {
			end = l.end
		}
	}
	return start, end
}

// findWords finds words (index terms) in md one after the other,
// separated by anything that is not a word, outside link targets and bare
// URLs, within one line (a paragraph, as HF writes them): the line and
// the bytes of it from the first word's start to the last's end, or i < 0.
// It looks where the first word is spelled as written, capitalised or in
// capitals before lowering or walking the whole text: a long paper costs
// a millisecond to lower.
func findWords(md string, words []string) (line string, i, j int) {
	best, bestEnd := -1, 0
	if isASCII(words[0]) {
		w := words[0]
		for _, v := range []string{w, strings.ToUpper(w[:1]) + w[1:], strings.ToUpper(w)} {
			if at, end := firstWords(md, v, words); at >= 0 && (best < 0 || at < best) {
				best, bestEnd = at, end
			}
		}
		if best < 0 {
			best, bestEnd = firstWords(asciiLower(md), w, words)
		}
	}
	if best < 0 {
		// A word with marks or a non-ASCII first word: walk every word.
		masked, _ := maskLinks(md)
		for k := nextToken(masked, 0); k < len(masked); k = nextToken(masked, tokenEnd(masked, k)) {
			if end := wordsAt(masked, k, words); end >= 0 {
				best, bestEnd = k, end
				break
			}
		}
	}
	if best < 0 {
		return "", -1, 0
	}
	ls, le := lineOf(md, best)
	return md[ls:le], best - ls, bestEnd - ls
}

// firstWords is the first occurrence of v in s (s as md, or md lowered)
// where words start, or -1.
func firstWords(s, v string, words []string) (int, int) {
	for k := 0; k < len(s); {
		at := strings.Index(s[k:], v)
		if at < 0 {
			break
		}
		at += k
		if end := lineWordsAt(s, at, words); end >= 0 {
			return at, end
		}
		k = at + 1
	}
	return -1, 0
}

// lineWordsAt is wordsAt within the line of s holding at, its link
// targets and URLs blanked as the index left them out; an offset of s.
func lineWordsAt(s string, at int, words []string) int {
	ls, le := lineOf(s, at)
	masked, _ := maskLinks(s[ls:le])
	if end := wordsAt(masked, at-ls, words); end >= 0 {
		return ls + end
	}
	return -1
}

// lineOf is the bounds of the line of s holding i.
func lineOf(s string, i int) (int, int) {
	ls := strings.LastIndexByte(s[:i], '\n') + 1
	le := strings.IndexByte(s[i:], '\n')
	if le < 0 {
		return ls, len(s)
	}
	return ls, i + le
}

// wordsAt is the end of words read from s's token at i on, or -1.
func wordsAt(s string, i int, words []string) int {
	if i > 0 {
		if r, _ := utf8.DecodeLastRuneInString(s[:i]); isTokenRune(r) {
			return -1 // inside a word
		}
	}
	for n, w := range words {
		if n > 0 {
			i = nextToken(s, i)
		}
		end := tokenEnd(s, i)
		if end == i {
			return -1
		}
		if t := s[i:end]; !strings.EqualFold(t, w) && (isASCII(t) || !equalTerm(t, w)) {
			return -1
		}
		i = end
	}
	return i
}

func equalTerm(t, w string) bool {
	f := query.IndexTerms(t)
	return len(f) == 1 && f[0] == w
}

// nextToken is where the first token at or after i starts, len(s) if none.
func nextToken(s string, i int) int {
	for i < len(s) {
		r, n := utf8.DecodeRuneInString(s[i:])
		if unicode.IsLetter(r) || unicode.IsNumber(r) || unicode.Is(unicode.Co, r) {
			return i
		}
		i += n
	}
	return len(s)
}

// tokenEnd is where the token starting at i ends.
func tokenEnd(s string, i int) int {
	for i < len(s) {
		r, n := utf8.DecodeRuneInString(s[i:])
		if !isTokenRune(r) {
			return i
		}
		i += n
	}
	return i
}

// isTokenRune is a rune inside a word as the index's tokenizer
// (unicode61) reads them.
func isTokenRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsNumber(r) || unicode.Is(unicode.Co, r) || unicode.Is(unicode.Mn, r)
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// asciiLower lowers ASCII letters only, so byte offsets stay s's.
func asciiLower(s string) string {
	b := []byte(s)
	for i, c := range b {
		if 'A' <= c && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	return string(b)
}

// sentenceEnd is where the sentence s is in ends: after a full stop,
// question or exclamation mark followed by a space and a capital (not
// "et al. (2024)"), or at a line break.
func sentenceEnd(s string) int {
	for j := 0; j < len(s); j++ {
		switch s[j] {
		case '\n':
			return j
		case '.', '!', '?':
			if j+2 < len(s) && s[j+1] == ' ' && s[j+2] >= 'A' && s[j+2] <= 'Z' || j+1 == len(s) || s[j+1] == '\n' {
				return j + 1
			}
		}
	}
	return len(s)
}

// sentenceStart is where the sentence ending s starts.
func sentenceStart(s string) int {
	for j := len(s) - 1; j >= 0; j-- {
		switch s[j] {
		case '\n':
			return j + 1
		case '.', '!', '?':
			if j+2 < len(s) && s[j+1] == ' ' && s[j+2] >= 'A' && s[j+2] <= 'Z' {
				return j + 2
			}
		}
	}
	return 0
}
