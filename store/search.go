package store

import (
	"context"
	"encoding/json"
	"fmt"
	"sort"
	"strings"

	"github.com/papertui/papers/store/query"
)

// A text search walks the full-text hits newest first (rowid order is
// feed-day order, see pidBase) joined to the other filters, and stops once
// it has a page. The cost then follows the page asked for, not how common
// the words are: "model" matches nearly every paper, and collecting and
// sorting all of its hits is what made the naive query take 0.8 s at 100k.

// relevanceCandidates is how many hits a search may have for bm25 to rank
// them all; see bestHits.
const relevanceCandidates = 2000

// rankWeights are bm25's column weights: a word in the title counts most.
const rankWeights = "bm25(papers_fts, 10.0, 1.0, 4.0, 2.0, 3.0, 2.0)"

// hit is one search result before its columns are read.
type hit struct {
	pid      int64
	day      string
	upvotes  int
	rank     float64
	titleLen int
}

// usesHitWalk says whether a view is served by walking search hits.
func (f Filter) usesHitWalk() bool {
	return f.fullMatch() != "" && f.newestFirst() // best match walks the hits too (bestHits)
}

// searchPids is the page [offset, offset+limit) of a text search's hits.
func (s *Store) searchPids(ctx context.Context, f Filter, offset, limit int) ([]int64, error) {
	var err error
	if limit <= 0 {
		limit = 1 << 30
	}
	want := offset + limit
	var hits []hit
	if f.Sort == SortRelevance {
		hits, err = s.bestHits(ctx, f, want)
	} else {
		hits, err = s.newestHits(ctx, f, want)
	}
	if err != nil {
		return nil, err
	}
	if offset >= len(hits) {
		return nil, nil
	}
	return pidsOf(hits[offset:min(len(hits), want)]), nil
}

// bestHits are the first want hits by best match. bm25 needs, once per
// query, the number of papers holding each word: a walk of the word's
// whole hit list, as slow as counting "model" in 100k papers. So bm25
// ranks only searches with few hits (a rare word, an exact title); a
// search with many hits (where bm25's word weights are nearly flat
// anyway) puts the hits in the title first, then the rest, each newest
// first, both walks stopping after a page.
//
// Either way, papers whose title starts with the typed words come first,
// the shortest title first (an index lookup, not a walk): typing a title
// finds that paper before the ones that cite it in theirs ("Humanity's
// Last Exam" before "… Scores on Humanity's Last Exam").
func (s *Store) bestHits(ctx context.Context, f Filter, want int) ([]hit, error) {
	hits, err := s.titleHits(ctx, f)
	if err != nil {
		return nil, err
	}
	// bm25 pays for every word's whole hit list, the column filters'
	// too (author:li is common), so it ranks only rare words alone.
	many := f.columns != "" || f.Match == ""
	if !many {
		if many, err = s.hasMoreHits(ctx, f.Match, relevanceCandidates); err != nil {
			return nil, err
		}
	}
	var rest []hit
	switch {
	case f.columns != "":
		// Filtered by author, organization or keyword: the filter already
		// says what matters; newest first, in one walk.
		rest, err = s.newestHits(ctx, f, want)
	case !many:
		rest, err = s.walkHits(ctx, f, "", 1<<30, true)
		sort.SliceStable(rest, func(i, j int) bool { return rest[i].rank < rest[j].rank })
	default:
		inTitle := f
		if f.Match != "" {
			inTitle.Match = "title : (" + f.Match + ")"
		}
		rest, err = s.walkHits(ctx, inTitle, "", want, false)
		if err == nil && len(rest) < want {
			var more []hit
			more, err = s.walkHits(ctx, f, "", want+len(rest), false)
			rest = append(rest, more...)
		}
	}
	return appendNew(hits, rest), err
}

// titleHits are the papers whose title starts with the typed words,
// shortest title first, with the other filters applied.
func (s *Store) titleHits(ctx context.Context, f Filter) ([]hit, error) {
	if f.TitleKey == "" {
		return nil, nil
	}
	inner := f
	inner.Match, inner.columns = "", "" // the title key stands for the words
	inner.Not = nil                     // checked per candidate below
	if f.pidsKnown {
		inner.pidsKnown, inner.Texts, inner.Daily = false, nil, query.Daily{New: f.Daily.New} // see below
	}
	where, args := inner.where()
	cond := "p.title_key >= ? AND p.title_key < ?"
	keyArgs := []any{f.TitleKey, f.TitleKey + "\U0010FFFF"}
	if f.TitleWhole {
		// A finished word ("c++ " is "c") starts no longer word ("count").
		// One range, the rest checked in it: an OR of two ranges reads
		// every candidate's row.
		cond = "p.title_key >= ? AND p.title_key < ? AND (p.title_key = ? OR p.title_key >= ?)"
		keyArgs = []any{f.TitleKey, f.TitleKey + " \U0010FFFF", f.TitleKey, f.TitleKey + " "}
	}
	if where != "" {
		cond += " AND " + strings.TrimPrefix(where, " WHERE ")
	}
	if f.pidsKnown {
		// The papers of text:, tag:, note: or has:note, checked on the
		// title index's entries: as the query's key, each was read whole
		// (10 ms for 900 tagged papers), and as a list in the SQL text,
		// parsed.
		cond += " AND +p.pid IN (SELECT value FROM json_each(?))"
		args = append(args, jsonPids(f.pids))
	}
	for _, ex := range f.Not {
		if c, a := exclusionCond(ex, true); c != "" {
			cond += " AND " + c
			args = append(args, a...)
		}
	}
	if f.columns != "" {
		// Checked on the few candidates by rowid, not by collecting every
		// paper of a common author first.
		cond += " AND EXISTS (SELECT 1 FROM papers_fts WHERE papers_fts MATCH ? AND rowid = p.pid)"
		args = append(args, f.columns)
	}
	// The candidates are ordered off the papers_by_title_length index;
	// only the few kept are read from their rows.
	order := ` ORDER BY length(p.title), p.pid DESC`
	q := `SELECT p.pid, coalesce(p.day, ''), p.upvotes, length(p.title), 0 FROM papers p WHERE p.pid IN (
		SELECT p.pid FROM papers p` + stateJoins + ` WHERE ` + cond + order + ` LIMIT ?)` + order
	args = append(keyArgs, args...)
	return s.scanHits(ctx, q, append(args, titleHitsMax)...)
}

// titleHitsMax bounds the papers titleHits puts first.
const titleHitsMax = 20

// appendNew appends the hits of more not already in hits.
func appendNew(hits, more []hit) []hit {
	seen := make(map[int64]bool, len(hits))
	for _, h := range hits {
		seen[h.pid] = true
	}
	for _, h := range more {
		if !seen[h.pid] {
			seen[h.pid] = true
			hits = append(hits, h)
		}
	}
	return hits
}

// hasMoreHits says whether a MATCH has more than n hits, walking at most
// n+1 of them. A typed prefix's words, ORed, are first asked one by one,
// the commonest first: a walk of 32 words sets up a cursor per word and
// index segment (9 ms at 100k), and one common word among them already
// answers.
func (s *Store) hasMoreHits(ctx context.Context, match string, n int) (bool, error) {
	if words := orPhrases(match); len(words) > 2 {
		for _, w := range words[:3] { // the typed word, then its commonest completions
			if more, err := s.countsMore(ctx, w, n); err != nil || more {
				return more, err
			}
		}
	}
	return s.countsMore(ctx, match, n)
}

// countsMore says whether a MATCH has more than n hits, walking at most
// n+1 of them.
func (s *Store) countsMore(ctx context.Context, match string, n int) (bool, error) {
	var c int
	err := s.db.QueryRowContext(ctx, `SELECT count(*) FROM (SELECT rowid FROM papers_fts
		WHERE papers_fts MATCH ? LIMIT ?)`, match, n+1).Scan(&c)
	if err != nil {
		return false, explain(s.path, fmt.Errorf("search: %w", err))
	}
	return c > n, nil
}

// orPhrases are the phrases of match when it is only phrases ORed in
// one group, as expandPrefix writes a typed prefix: ("rea" OR
// "reasoning" OR …); nil otherwise.
func orPhrases(match string) []string {
	inner, opens := strings.CutPrefix(match, "(")
	inner, closes := strings.CutSuffix(inner, ")")
	if !opens || !closes {
		return nil
	}
	phrases := strings.Split(inner, " OR ")
	for _, p := range phrases {
		if len(p) < 2 || p[0] != '"' || p[len(p)-1] != '"' || strings.Contains(p[1:len(p)-1], `"`) {
			return nil
		}
	}
	return phrases
}

// newestHits are the first want hits in the list's order: newest feed day
// first, most upvoted first within a day. The walk gives whole days in
// rowid order; the last day it reaches is completed from that day's rowid
// range so its papers can be ordered by upvotes too.
func (s *Store) newestHits(ctx context.Context, f Filter, want int) ([]hit, error) {
	hits, err := s.walkHits(ctx, f, "", want, false)
	if err != nil || len(hits) < want {
		sortNewest(hits)
		return hits, err
	}
	last := hits[len(hits)-1].pid
	lo, _ := dayRangeOf(last)
	rest, err := s.walkHits(ctx, f, fmt.Sprintf(" AND f.rowid >= %d AND f.rowid < %d", lo, last), 1<<30, false)
	if err != nil {
		return nil, err
	}
	hits = append(hits, rest...)
	sortNewest(hits)
	return hits, nil
}

func sortNewest(hits []hit) {
	sort.SliceStable(hits, func(i, j int) bool {
		a, b := hits[i], hits[j]
		if a.day != b.day {
			return a.day > b.day
		}
		if a.upvotes != b.upvotes {
			return a.upvotes > b.upvotes
		}
		return a.pid < b.pid
	})
}

// walkHits reads up to n hits newest first, with every filter applied,
// and their bm25 rank when ranked.
func (s *Store) walkHits(ctx context.Context, f Filter, extra string, n int, ranked bool) ([]hit, error) {
	return s.walk(ctx, f, extra, nil, n, ranked, "DESC")
}

// walk reads up to n hits in rowid order (dir: DESC is newest first),
// with every filter applied, extra (binding extraArgs) added to the
// conditions, and their bm25 rank when ranked.
func (s *Store) walk(ctx context.Context, f Filter, extra string, extraArgs []any, n int, ranked bool, dir string) ([]hit, error) {
	rank := "0"
	if ranked {
		rank = rankWeights
	}
	if !ranked && f.setGen != 0 {
		if hits, ok, err := s.setWalk(ctx, f, extra, extraArgs, n, dir); ok || err != nil {
			return hits, err
		}
	}
	if !ranked && f.fewPids() {
		return s.walkPids(ctx, f, extra, extraArgs, n, dir)
	}
	from, args := f.hitsFrom(extra, extraArgs)
	q := `SELECT p.pid, coalesce(p.day, ''), p.upvotes, length(p.title), ` + rank + from +
		` ORDER BY f.rowid ` + dir + ` LIMIT ?`
	return s.scanHits(ctx, q, append(args, n)...)
}

// hitsFrom is the FROM and WHERE of a walk of f's hits: the full-text
// index f joined to the papers p, with every filter applied and extra
// (binding extraArgs) added to the conditions.
func (f Filter) hitsFrom(extra string, extraArgs []any) (string, []any) {
	where, args := f.walkWhere()
	cond := "papers_fts MATCH ?" + extra + f.rowidBounds() + f.pidsCond()
	if where != "" {
		cond += " AND " + strings.TrimPrefix(where, " WHERE ")
	}
	from := ` FROM papers_fts f JOIN papers p ON p.pid = f.rowid` + stateJoins + ` WHERE ` + cond
	return from, append(append([]any{f.fullMatch()}, extraArgs...), args...)
}

// walkWhere is the conditions of a walk of f's hits but the words and
// the sets read by prepareDailyPids.
func (f Filter) walkWhere() (string, []any) {
	inner := f
	inner.Match, inner.columns = "", "" // the MATCH drives the walk instead of an IN (...)
	_, inner.Not = f.foldedNot()        // and leaves out the excluded words it can
	if f.pidsKnown {
		inner.Daily.Tags, inner.Daily.Notes, inner.Daily.HasNote = nil, nil, false // see pidsCond
		inner.Texts = nil
	}
	return inner.where()
}

// rowidBounds is the view's days as bounds on the rowids of a walk
// (rowids carry the feed day, see pidBase): FTS5 then seeks to the days
// instead of walking every hit outside them, which the day conditions
// would drop one by one (the last page of "learning since:2025-01" read
// from the oldest walked 30,000 older hits first).
func (f Filter) rowidBounds() string {
	lo, hi := f.rowidRange()
	var b string
	if lo > 0 {
		b += fmt.Sprintf(" AND f.rowid >= %d", lo)
	}
	if hi >= 0 {
		b += fmt.Sprintf(" AND f.rowid <= %d", hi)
	}
	return b
}

// rowidRange is the rowids the view's days span: lo 0 and hi -1 where
// unbounded.
func (f Filter) rowidRange() (lo, hi int64) {
	lo, hi = 0, -1
	bound := func(day string, end bool) {
		base := pidBase(day)
		if base == 0 {
			return // not a day: the day condition alone decides
		}
		if end {
			if top := base + 1<<pidDayShift - 1; hi < 0 || top < hi {
				hi = top
			}
			lo = max(lo, 1<<pidDayShift) // a paper without a day is in no period
		} else {
			lo = max(lo, base)
		}
	}
	if f.Day != "" {
		bound(f.Day, false)
		bound(f.Day, true)
	}
	if f.Since != "" {
		bound(f.Since, false)
	}
	if f.Until != "" {
		bound(f.Until, true)
	}
	return lo, hi
}

// scanHits runs a query selecting pid, day, upvotes, title length, rank.
func (s *Store) scanHits(ctx context.Context, q string, args ...any) ([]hit, error) {
	rows, err := s.db.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, explain(s.path, fmt.Errorf("search: %w", err))
	}
	defer rows.Close()
	var hits []hit
	for rows.Next() {
		var h hit
		if err := rows.Scan(&h.pid, &h.day, &h.upvotes, &h.titleLen, &h.rank); err != nil {
			return nil, err
		}
		hits = append(hits, h)
	}
	return hits, rows.Err()
}

// byPidsInline is the longest list of pids byPids names one by one.
var byPidsInline = 1000 // a var so the tests can try the JSON array on a short list

// byPids reads the rows of pids with columns, in the order of pids.
//
// A long list (papers search --limit 0 of a common word: 45,000 pids) is
// one JSON array walked in its order: a placeholder a pid stops at
// SQLite's 32,766 variables, and the CASE that orders them is tried WHEN
// by WHEN for every row, so 32,000 pids took 12 s.
func (s *Store) byPids(ctx context.Context, columns string, pids []int64) (string, []any) {
	if len(pids) > byPidsInline {
		list, _ := json.Marshal(pids)
		return `SELECT ` + columns + ` FROM json_each(?) j CROSS JOIN papers p ON p.pid = j.value` + stateJoins +
			` ORDER BY j.key`, []any{string(list)}
	}
	marks := make([]string, len(pids))
	args := make([]any, len(pids))
	order := make([]string, len(pids))
	for i, pid := range pids {
		marks[i], args[i] = "?", pid
		order[i] = fmt.Sprintf("WHEN %d THEN %d", pid, i)
	}
	q := `SELECT ` + columns + ` FROM papers p` + stateJoins + ` WHERE p.pid IN (` + strings.Join(marks, ",") + `)`
	if len(pids) > 0 {
		q += ` ORDER BY CASE p.pid ` + strings.Join(order, " ") + ` END`
	}
	return q, args
}

// onlyWords says whether the prepared view f is its full-text expression
// alone, within its days (bounds on the index's rowids, see rowidBounds),
// with the unread or read toggle: every other filter puts a condition of
// its own in the WHERE clause.
func (f Filter) onlyWords() bool {
	if f.fullMatch() == "" {
		return false
	}
	if _, rest := f.foldedNot(); len(rest) > 0 {
		return false
	}
	for _, day := range []string{f.Day, f.Since, f.Until} {
		if day != "" && pidBase(day) == 0 {
			return false // not a day: only the day condition can say
		}
	}
	g := f
	g.Match, g.columns, g.Not, g.TitleKey = "", "", nil, ""
	g.Day, g.Since, g.Until = "", "", ""
	g.Unread, g.Read = false, false
	where, _ := g.where()
	return where == ""
}

// countHits counts a view of words alone (with the unread or read toggle)
// off the full-text index, which holds a row for every paper and no more:
// counting the index's hits reads its lists of papers (27 ms for "model"
// at 100,000 papers) where counting the papers they name looks each one
// up (1 s). The read papers among the hits are counted from the read
// marks. ok is false for any other view.
func (s *Store) countHits(ctx context.Context, f Filter) (n int, ok bool, err error) {
	if !f.onlyWords() {
		return 0, false, nil
	}
	m, hits := f.fullMatch(), `SELECT f.rowid FROM papers_fts f WHERE papers_fts MATCH ?`+f.rowidBounds()
	if err := s.db.QueryRowContext(ctx, `SELECT count(*) FROM (`+hits+`)`, m).Scan(&n); err != nil {
		return 0, true, explain(s.path, fmt.Errorf("count papers: %w", err))
	}
	if !f.Unread && !f.Read {
		return n, true, nil
	}
	var read int
	// The read marks lead (CROSS JOIN keeps them outside) and each is
	// checked against the hits, listed once (the + keeps SQLite from
	// walking the list for every mark): 0.1–0.4 s for 20,000 marks at
	// 100,000 papers. A lookup in the index per mark re-reads the word's
	// whole list of papers each time (minutes).
	if err := s.db.QueryRowContext(ctx, `SELECT count(*) FROM read_marks r CROSS JOIN papers p ON p.id = r.id
		WHERE +p.pid IN (`+hits+`)`, m).Scan(&read); err != nil {
		return 0, true, explain(s.path, fmt.Errorf("count read papers: %w", err))
	}
	if f.Read {
		return read, true, nil
	}
	return n - read, true, nil
}
