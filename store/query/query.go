// Package query owns the search syntax shared by the reader's search box and
// `papers search`: free text mixed with filters such as author:, day: and
// is:unread. Parse turns what the user typed into a Query whose Match is
// always a valid FTS5 expression, however odd the input; the store turns the
// rest of the Query into SQL.
package query

import (
	"fmt"
	"strings"
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

	Daily // tag:, note:, has:note, is:new (see daily.go)
}

// Term is one free-text word or phrase as the user typed it.
type Term struct {
	Text   string // the word, or the phrase with its whitespace collapsed
	Quoted bool   // typed as "a phrase"
}

// Parse parses a search. Free text never fails; an unknown filter or a bad
// filter value is a one-line error that says how to fix it.
func Parse(input string) (Query, error) {
	var q Query
	var parts []string
	items := lex(input)
	for i, it := range items {
		if it.kind == itemFilter {
			if err := q.applyFilter(it); err != nil {
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
	// Only the item that ends the input can be half-typed, and only while
	// the cursor is still inside its last token.
	q.Prefix = last && it.atEnd && !it.closed && open
	return phrase(toks, q.Prefix)
}

// Empty reports whether q selects nothing in particular: no free text and no
// filters.
func (q Query) Empty() bool {
	return len(q.Terms) == 0 && len(q.Authors) == 0 && len(q.Orgs) == 0 &&
		len(q.Keywords) == 0 && len(q.Upvotes) == 0 && q.Day == "" &&
		q.Since == "" && q.Until == "" && !q.Queued && !q.Unread && !q.Read && !q.HasCode &&
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
