package query

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

type itemKind int

const (
	itemWord   itemKind = iota // bare free text, up to whitespace or a quote
	itemPhrase                 // "quoted free text"
	itemFilter                 // name:value
)

// item is one lexical unit of a search.
type item struct {
	kind   itemKind
	name   string // filter name as typed, without the colon
	text   string // word, phrase contents or filter value
	quoted bool   // filter value was quoted
	closed bool   // phrase or quoted value had its closing quote
	skip   bool   // a NOT that applies to the next item
	not    bool   // word or phrase to exclude: typed as -word, -"a phrase" or after NOT
	atEnd  bool   // item runs to the very end of the input
}

// lex splits input into items. It never fails: deciding whether a filter
// name is known belongs to the parser.
func lex(s string) []item {
	var items []item
	for {
		s = strings.TrimLeftFunc(s, unicode.IsSpace)
		if s == "" {
			return items
		}
		var it item
		it, s = lexItem(s)
		it.atEnd = s == ""
		items = append(items, it)
	}
}

func lexItem(s string) (item, string) {
	if it, rest, ok := lexExcluded(s); ok {
		return it, rest
	}
	if s[0] == '"' {
		text, closed, rest := quoted(s)
		return item{kind: itemPhrase, text: text, closed: closed}, rest
	}
	if name, rest, ok := filterName(s); ok && filterShaped(name, rest) {
		return lexFilter(name, rest)
	}
	n := wordEnd(s)
	return item{kind: itemWord, text: s[:n]}, s[n:]
}

func lexFilter(name, s string) (item, string) {
	it := item{kind: itemFilter, name: name}
	if s != "" && s[0] == '"' {
		it.text, it.closed, s = quoted(s)
		it.quoted = true
		return it, s
	}
	// A bare value runs to whitespace; a quote inside it is reported by the
	// parser rather than silently starting a phrase.
	n := strings.IndexFunc(s, unicode.IsSpace)
	if n < 0 {
		n = len(s)
	}
	it.text = s[:n]
	return it, s[n:]
}

// quoted reads a "..." string starting at s[0]. An unbalanced quote runs to
// the end of the input, which is what a user typing a phrase means.
func quoted(s string) (text string, closed bool, rest string) {
	end := strings.IndexByte(s[1:], '"')
	if end < 0 {
		return s[1:], false, ""
	}
	return s[1 : 1+end], true, s[2+end:]
}

// filterName recognises name: at the start of s, where name is ASCII
// letters only; anything else (c++:, 12:30) is text.
func filterName(s string) (name, rest string, ok bool) {
	i := 0
	for i < len(s) && (s[i] >= 'a' && s[i] <= 'z' || s[i] >= 'A' && s[i] <= 'Z') {
		i++
	}
	if i == 0 || i >= len(s) || s[i] != ':' {
		return "", "", false
	}
	return s[:i], s[i+1:], true
}

// filterShaped decides whether name:rest is meant as a filter. Known names
// always are, so a half-typed "author:" is reported rather than searched
// for. An unknown name is only a (mistyped) filter when a value follows:
// a trailing colon is the one in a pasted title ("LLaMA: open and
// efficient...") and "http://" is a URL.
func filterShaped(name, rest string) bool {
	if _, ok := filters[strings.ToLower(name)]; ok {
		return true
	}
	r, _ := utf8.DecodeRuneInString(rest)
	return rest != "" && !unicode.IsSpace(r) && !strings.HasPrefix(rest, "//")
}

// wordEnd returns the length of the bare word at the start of s.
func wordEnd(s string) int {
	for i, r := range s {
		if r == '"' || unicode.IsSpace(r) {
			return i
		}
	}
	return len(s)
}

// lastRune is the final rune of s, or utf8.RuneError for "".
func lastRune(s string) rune {
	r, _ := utf8.DecodeLastRuneInString(s)
	return r
}

// lexExcluded reads -word or -"a phrase": a minus before something
// searchable excludes it. A lone "-", or one before nothing searchable
// ("-", "--", "-)"), stays text.
func lexExcluded(s string) (item, string, bool) {
	if len(s) < 2 || s[0] != '-' {
		return item{}, s, false
	}
	if s[1] == '"' {
		text, closed, rest := quoted(s[1:])
		if toks, _ := tokens(text); len(toks) == 0 {
			return item{}, s, false
		}
		return item{kind: itemPhrase, text: text, closed: closed, not: true}, rest, true
	}
	n := wordEnd(s)
	if toks, _ := tokens(s[1:n]); len(toks) == 0 {
		return item{}, s, false
	}
	return item{kind: itemWord, text: s[1:n], not: true}, s[n:], true
}
