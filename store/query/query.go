// Package query owns the search syntax shared by the reader's search box and
// `papers search`: free text mixed with filters such as author:, day: and
// is:unread. Parse turns what the user typed into a Query whose Match is
// always a valid FTS5 expression, however odd the input; the store turns the
// rest of the Query into SQL.
package query

import (
	"fmt"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Query is a parsed search. Every condition must hold (they are ANDed).
type Query struct {
	// Terms are the free-text words and phrases as typed, in order, minus
	// those with nothing searchable in them (a lone "*" or "(").
	Terms []Term
	// Match is an FTS5 MATCH expression for Terms: every word tokenised as
	// unicode61 does, double-quoted, one phrase per typed word ("gpt-4" →
	// "gpt 4"), ANDed. It is "" when there is no free text.
	Match string
	// Prefix reports that the user is still typing the last term, so Match
	// ends in a prefix query ("mod"*). It is false once the input ends in
	// whitespace, punctuation, a closing quote or a filter.
	Prefix bool

	// Symbols are the symbol words (see SymbolWords) of Terms: "c++" is
	// searched as the token "c", and a paper must also hold "c++".
	Symbols []string
	// Exclude are the words and phrases typed as -word, -"a phrase" or
	// NOT word, and Not says, one per excluded term, what a paper must not
	// match.
	Exclude []Term
	Not     []Exclusion

	Authors  []string // author:NAME, each a case-insensitive substring of some author
	Orgs     []string // org:NAME, case-insensitive substring of the submitting organisation
	Keywords []string // kw:WORD, case-insensitive match of an AI keyword
	Upvotes  []Bound  // upvotes:>50 and the like; several make a range

	Day   string // day:YYYY-MM-DD
	Since string // since:DATE, inclusive, normalised to YYYY-MM-DD (a month or year means its first day)
	Until string // until:DATE, inclusive, normalised to YYYY-MM-DD (a month or year means its last day)

	Queued bool // is:queued
	Unread bool // is:unread
	Read   bool // is:read

	HasCode bool // has:code, the paper links a GitHub repository

	Texts []string // text:WORD or text:"a phrase", searched in the stored full texts

	Daily // tag:, note:, has:note, is:new (see daily.go)
}

// Exclusion is one excluded term: a paper is left out when it matches
// Match (when set) and holds every one of Symbols.
type Exclusion struct {
	Match   string   // an FTS5 phrase, "" when the symbols say it all ("-c++")
	Symbols []string // symbol words, see SymbolWords
}

// Term is one free-text word or phrase as the user typed it.
type Term struct {
	Text   string // the word, or the phrase with its whitespace collapsed
	Quoted bool   // typed as "a phrase"
}

// Bounds on a search, so the work and memory any accepted query costs
// stay small: a search is a few words, not a pasted document (a 1 MB
// query once ran five minutes and took 9 GB).
const (
	MaxChars  = 1000 // characters in the whole search
	MaxWords  = 32   // words, phrases and filters
	MaxTokens = 64   // index tokens in all the free text ("gpt-4o" is two)
)

// Parse parses a search. Free text never fails; an unknown filter or a bad
// filter value is a one-line error that says how to fix it, and so is a
// search over the bounds above.
func Parse(input string) (Query, error) {
	if n := utf8.RuneCountInString(input); n > MaxChars {
		return Query{}, fmt.Errorf("the search is %d characters long; at most %d are allowed: use fewer, more telling words", n, MaxChars)
	}
	for _, r := range input {
		if unicode.IsControl(r) && r != '\t' && r != '\n' && r != '\r' {
			// An escape or another control character matches nothing a
			// paper holds, and what follows it ("[31m") would be searched.
			return Query{}, fmt.Errorf("the search holds a control character (%U): remove it", r)
		}
	}
	var q Query
	var parts []string
	items := lex(input)
	if len(items) > MaxWords {
		return Query{}, fmt.Errorf("the search has %d words and filters; at most %d are allowed: use fewer, more telling words", len(items), MaxWords)
	}
	ntok := 0
	for _, it := range items {
		if it.kind != itemFilter {
			toks, _ := tokens(it.text)
			ntok += len(toks)
		}
	}
	if ntok > MaxTokens {
		return Query{}, fmt.Errorf("the search has %d words to look up; at most %d are allowed: use fewer, more telling words", ntok, MaxTokens)
	}
	if err := applyNot(items); err != nil {
		return Query{}, err
	}
	for i, it := range items {
		if it.kind == itemFilter && strings.EqualFold(it.name, "arxiv") && !it.quoted {
			// arxiv:2503.00001 is an id, as every command takes it, not
			// a filter: the store finds the paper (see Filter.Search).
			it = item{kind: itemWord, text: it.name + ":" + it.text}
		}
		if it.kind == itemFilter {
			if err := q.applyFilter(it); err != nil {
				return Query{}, err
			}
			continue
		}
		if it.skip {
			continue
		}
		if it.not {
			if err := q.addExcluded(it); err != nil {
				return Query{}, err
			}
			continue
		}
		if part := q.addText(it, i == len(items)-1); part != "" {
			parts = append(parts, part)
		}
	}
	if err := q.check(); err != nil {
		return Query{}, err
	}
	q.Match = strings.Join(parts, " ")
	return q, nil
}

// addText records a word or phrase and returns its FTS5 phrase, or "" when
// it holds no token.
func (q *Query) addText(it item, last bool) string {
	toks, open := tokens(it.text)
	if len(toks) == 0 {
		return ""
	}
	quoted := it.kind == itemPhrase
	text := it.text
	if quoted {
		text = strings.Join(strings.Fields(text), " ")
	}
	q.Terms = append(q.Terms, Term{Text: text, Quoted: quoted})
	for _, w := range SymbolWords(text) {
		if !slices.Contains(q.Symbols, w) {
			q.Symbols = append(q.Symbols, w)
		}
	}
	// Only the item that ends the input can be half-typed, and only while
	// the cursor is still inside its last token.
	q.Prefix = last && it.atEnd && !it.closed && open
	return phrase(toks, q.Prefix)
}

// addExcluded records a word or phrase to exclude. Its symbol words alone
// say what "-c++" means; its tokens ("c") would exclude every paper with a
// stray c.
func (q *Query) addExcluded(it item) error {
	if name, rest, ok := filterName(it.text); ok && it.kind == itemWord && filterShaped(name, rest) {
		return fmt.Errorf("-%s: filters cannot be excluded, only words (-word or NOT word)", it.text)
	}
	toks, _ := tokens(it.text)
	text := it.text
	quoted := it.kind == itemPhrase
	if quoted {
		text = strings.Join(strings.Fields(text), " ")
	}
	q.Exclude = append(q.Exclude, Term{Text: text, Quoted: quoted})
	ex := Exclusion{Match: phrase(toks, false), Symbols: SymbolWords(text)}
	var symToks []string
	for _, w := range ex.Symbols {
		t, _ := tokens(w)
		symToks = append(symToks, t...)
	}
	if slices.Equal(symToks, toks) {
		ex.Match = ""
	}
	q.Not = append(q.Not, ex)
	return nil
}

// applyNot turns NOT before a word or phrase into its exclusion, as -word
// does. NOT at the end is the word "not"; before a filter it is an error,
// since filters cannot be negated.
func applyNot(items []item) error {
	for i := 0; i+1 < len(items); i++ {
		if items[i].kind != itemWord || items[i].text != "NOT" || items[i].skip {
			continue
		}
		next := &items[i+1]
		if next.kind == itemFilter {
			return fmt.Errorf("NOT %s:%s: filters cannot be excluded, only words (NOT word or -word)", next.name, next.text)
		}
		if toks, _ := tokens(next.text); len(toks) == 0 {
			continue
		}
		items[i].skip = true
		next.not = true
	}
	return nil
}

// Empty reports whether q selects nothing in particular: no free text and no
// filters.
func (q Query) Empty() bool {
	return len(q.Terms) == 0 && len(q.Exclude) == 0 && len(q.Authors) == 0 && len(q.Orgs) == 0 &&
		len(q.Keywords) == 0 && len(q.Upvotes) == 0 && q.Day == "" &&
		q.Since == "" && q.Until == "" && !q.Queued && !q.Unread && !q.Read && !q.HasCode && len(q.Texts) == 0 &&
		q.Daily.empty()
}

// check reports filters that contradict each other, which would otherwise
// silently find nothing.
func (q *Query) check() error {
	if q.Read && q.Unread {
		return fmt.Errorf("is:read and is:unread exclude each other; keep one")
	}
	if q.Since != "" && q.Until != "" && q.Since > q.Until {
		return fmt.Errorf("since:%s is after until:%s; swap them", q.Since, q.Until)
	}
	return nil
}
