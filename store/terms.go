package store

import (
	"context"
	"database/sql"
	"slices"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/papertui/papers/feed"
	"github.com/papertui/papers/store/query"
)

// prefixExpansion is how many whole words a typed prefix stands for. A
// prefix with more words than this (one or two letters) is searched as
// its most common words.
const prefixExpansion = 32

// termCounts counts, per index term, the papers it appears in.
type termCounts map[string]int

// The vocabulary comes from titles, authors, keywords and AI summaries,
// not abstracts: those hold the words people search for, and abstracts
// would triple the vocabulary (and the cost of keeping it) with words
// that are rarely typed. An expanded word still matches abstracts.
func (tc termCounts) add(p feed.Paper) {
	seen := map[string]bool{}
	for _, text := range []string{p.Title, p.AISummary, strings.Join(p.AuthorNames(), " "),
		strings.Join(p.AIKeywords, " ")} {
		for _, t := range query.IndexTerms(text) {
			if !seen[t] && worthExpanding(t) {
				seen[t] = true
				tc[t]++
			}
		}
	}
}

// worthExpanding leaves out what nobody completes from a prefix: single
// characters, bare numbers and very long tokens. Length is counted in
// characters, not bytes: a CJK run is one token of three bytes a
// character, and a byte limit left every Chinese or Japanese title run
// over ten characters out, so the reader's search as you type found none.
func worthExpanding(t string) bool {
	if n := utf8.RuneCountInString(t); n < 2 || n > 32 {
		return false
	}
	return strings.TrimLeft(t, "0123456789") != ""
}

func (tc termCounts) merge(other termCounts) {
	for t, n := range other {
		tc[t] += n
	}
}

// save adds the counts to the vocabulary.
func (tc termCounts) save(ctx context.Context, tx *sql.Tx) error {
	if len(tc) == 0 {
		return nil
	}
	stmt, err := tx.PrepareContext(ctx, `INSERT INTO terms(term, docs) VALUES(?, ?)
		ON CONFLICT(term) DO UPDATE SET docs = docs + excluded.docs`)
	if err != nil {
		return err
	}
	defer stmt.Close()
	// In key order, so the inserts walk the b-tree instead of jumping.
	terms := make([]string, 0, len(tc))
	for t := range tc {
		terms = append(terms, t)
	}
	sort.Strings(terms)
	for _, t := range terms {
		if _, err := stmt.ExecContext(ctx, t, tc[t]); err != nil {
			return err
		}
	}
	return nil
}

// expandPrefix rewrites a MATCH whose last phrase ends in a prefix
// (`"large lang"*`) into an OR of that phrase with whole words
// (`("large lang" OR "large language" OR ...)`), which FTS5 walks
// lazily, newest first, and stops early.
func (s *Store) expandPrefix(ctx context.Context, match string) (string, error) {
	if !strings.HasSuffix(match, `"*`) {
		return match, nil
	}
	open := strings.LastIndex(match[:len(match)-2], `"`)
	if open < 0 {
		return match, nil
	}
	phrase := match[open+1 : len(match)-2]
	words := strings.Fields(phrase)
	if len(words) == 0 {
		return match, nil
	}
	last := words[len(words)-1]
	// The vocabulary holds words as the index folds them (lower case,
	// Latin accents stripped): "Transf" is looked up as "transf".
	if folded := query.IndexTerms(last); len(folded) == 1 {
		last = folded[0]
	}
	terms, err := s.wordsStartingWith(ctx, last)
	if err != nil {
		return match, err
	}
	// The word as typed always counts, in the vocabulary or not (numbers
	// are left out of it: as a prefix "1" would stand for every number).
	if !slices.Contains(terms, last) {
		terms = append([]string{last}, terms...)
	}
	head := strings.Join(words[:len(words)-1], " ")
	alts := make([]string, 0, len(terms))
	for _, t := range terms {
		alts = append(alts, `"`+strings.TrimSpace(head+" "+t)+`"`)
	}
	expanded := "(" + strings.Join(alts, " OR ") + ")"
	if before := strings.TrimSpace(match[:open]); before != "" {
		// FTS5 takes implicit AND between phrases but not before a group.
		expanded = before + " AND " + expanded
	}
	return expanded, nil
}

// wordsStartingWith are the most common indexed words with the prefix,
// the prefix itself among them when it is a word.
func (s *Store) wordsStartingWith(ctx context.Context, prefix string) ([]string, error) {
	// One or two letters stand for too many words to walk at once: the
	// commonest few will do until the next letter arrives.
	limit := prefixExpansion
	if n := len([]rune(prefix)); n < 3 {
		limit = prefixExpansion / (4 - n) / 2
	}
	terms, err := collect[string](s.db.QueryContext(ctx, `SELECT term FROM terms WHERE term >= ? AND term < ?
		ORDER BY docs DESC LIMIT ?`, prefix, prefix+"\U0010FFFF", limit))
	if err != nil {
		return nil, explain(s.path, err)
	}
	return terms, nil
}
