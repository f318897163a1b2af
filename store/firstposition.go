package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"strings"
)

// maxPositions bounds the ids one FirstPosition call looks up.
const maxPositions = 500

// FirstPosition is where the first of ids the view f holds sits in it:
// that id and its 0-based index; ok is false when the view holds none of
// them. A reader asks with its selection, then the selection's
// neighbours nearest first, so when the selected paper leaves the view
// the nearest one still in it takes its place.
//
// Numbering the whole view to find them is a sort of every row (seconds
// at 100,000 papers sorted by upvotes or trending). For the views whose
// order is total over their own columns (orderTerms), this finds the
// paper, then counts the rows ordered before it: one pass, no sort, no
// numbering. A best-match search, whose order no column holds, is looked
// up in its own pages; rising keeps its own (rising.go).
func (s *Store) FirstPosition(ctx context.Context, f Filter, ids []string) (string, int, bool, error) {
	ids = ids[:min(len(ids), maxPositions)]
	if len(ids) == 0 {
		return "", -1, false, nil
	}
	f, err := s.prepare(ctx, f)
	if err != nil {
		return "", -1, false, err
	}
	switch {
	case f.Sort == SortRising:
		return s.firstRising(ctx, f, ids)
	case f.Sort == SortRelevance && f.fullMatch() != "":
		return s.firstOfBestMatch(ctx, f, ids)
	}
	id, ok, err := s.firstHeld(ctx, f, ids)
	if err != nil || !ok {
		return "", -1, false, err
	}
	count := s.countBefore
	if f.Sort == SortTrending {
		count = s.countBeforeTrending // trendingposition.go
	}
	n, err := count(ctx, f, id)
	if err != nil {
		return "", -1, false, err
	}
	return id, n, true, nil
}

// firstRising is FirstPosition in the rising order (rising.go).
func (s *Store) firstRising(ctx context.Context, f Filter, ids []string) (string, int, bool, error) {
	found, err := s.risingPositions(ctx, f, ids)
	if err != nil {
		return "", -1, false, err
	}
	for _, id := range ids {
		if n, ok := found[id]; ok {
			return id, n, true, nil
		}
	}
	return "", -1, false, nil
}

// firstOfBestMatch is FirstPosition in a best-match search, whose order
// no column holds and which searchPids builds in parts (titles starting
// with the words, then ranked or title hits, then the rest): the paper is
// looked for in the search's own pages, in windows growing fourfold, so
// finding it costs about its place in the list, numbered exactly as the
// list numbers it.
func (s *Store) firstOfBestMatch(ctx context.Context, f Filter, ids []string) (string, int, bool, error) {
	id, ok, err := s.firstHeld(ctx, f, ids)
	if err != nil || !ok {
		return "", -1, false, err
	}
	var pid int64
	if err := s.db.QueryRowContext(ctx, `SELECT pid FROM papers WHERE id = ?`, id).Scan(&pid); err != nil {
		return "", -1, false, explain(s.path, fmt.Errorf("find paper %s in the view: %w", id, err))
	}
	for window := 200; window <= bestMatchWindows; window *= 4 {
		pids, err := s.searchPids(ctx, f, 0, window)
		if err != nil {
			return "", -1, false, err
		}
		if n := slices.Index(pids, pid); n >= 0 {
			return id, n, true, nil
		}
		if len(pids) < window {
			// Held by the view but not listed: cannot be, short of a
			// write between the two reads.
			return "", -1, false, nil
		}
	}
	// Deeper than the windows go: walking on costs seconds at 100,000
	// hits, and numbering by rank (bm25 a row) minutes. The reader then
	// starts at the top.
	return "", -1, false, nil
}

// bestMatchWindows is the largest window of a best-match search's hits
// firstOfBestMatch walks: 200, 800, 3,200, 12,800 (about 0.8 s at 100k).
const bestMatchWindows = 12_800

// firstHeld is the first of ids the view holds.
func (s *Store) firstHeld(ctx context.Context, f Filter, ids []string) (string, bool, error) {
	where, args := f.whereAmong(ids)
	rows, err := s.db.QueryContext(ctx, `SELECT p.id`+f.from()+where, args...)
	if err != nil {
		return "", false, explain(s.path, fmt.Errorf("find %d papers in the view: %w", len(ids), err))
	}
	defer rows.Close()
	held := map[string]bool{}
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			return "", false, explain(s.path, fmt.Errorf("find papers in the view: %w", err))
		}
		held[id] = true
	}
	if err := rows.Err(); err != nil {
		return "", false, explain(s.path, fmt.Errorf("find papers in the view: %w", err))
	}
	for _, id := range ids {
		if held[id] {
			return id, true, nil
		}
	}
	return "", false, nil
}

// countBefore counts the view's rows ordered before paper id: for an
// order of keys k1, k2… the rows with a greater k1, those with an equal k1
// and a greater k2, and so on, each an index range of its own (an OR of
// them would scan the table). The paper's keys are read in the same
// statement as the counts, so an order on the clock (trending's age)
// compares like with like.
func (s *Store) countBefore(ctx context.Context, f Filter, id string) (int, error) {
	terms := f.orderTerms()
	null, err := s.nullKeys(ctx, terms, id)
	if err != nil {
		return -1, err
	}
	keys := make([]string, len(terms))
	for i, t := range terms {
		keys[i] = fmt.Sprintf("%s AS k%d", t.expr, i)
	}
	from := f.from()
	where, whereArgs := f.where()
	var counts []string
	var args []any
	args = append(args, id)
	for i := range terms {
		conds := []string{beforeOn(terms[i], i, null[i])}
		if conds[0] == "" {
			continue // nothing sorts before a NULL ascending
		}
		var equal []string
		computed := false
		for j := 0; j < i; j++ {
			equal = append(equal, equalOn(terms[j], j, null[j]))
			computed = computed || !isColumn(terms[j].expr)
		}
		if computed && len(equal) > 0 {
			// No index holds a computed key (trending's score): its ties
			// are found on a covering scan, and only they are read whole.
			conds = append(conds, "p.pid IN (SELECT p.pid FROM papers p WHERE "+strings.Join(equal, " AND ")+")")
		} else {
			conds = append(conds, equal...)
		}
		w := " WHERE " + strings.Join(conds, " AND ")
		if where != "" {
			w = where + " AND " + strings.Join(conds, " AND ")
		}
		counts = append(counts, "(SELECT count(*)"+from+w+")")
		args = append(args, whereArgs...)
	}
	if len(counts) == 0 {
		return 0, nil
	}
	q := `WITH me AS (SELECT ` + strings.Join(keys, ", ") + ` FROM papers p WHERE p.id = ?)
		SELECT ` + strings.Join(counts, " + ") + ` FROM me`
	var n int
	err = s.db.QueryRowContext(ctx, q, args...).Scan(&n)
	if errors.Is(err, sql.ErrNoRows) {
		return -1, fmt.Errorf("%s: %w", id, ErrUnknownPaper)
	}
	if err != nil {
		return -1, explain(s.path, fmt.Errorf("find paper %s in the view: %w", id, err))
	}
	return n, nil
}

// nullKeys says which of the paper's sort keys are NULL (a paper outside
// the feed has no day), so the ranges before it need no OR.
func (s *Store) nullKeys(ctx context.Context, terms []orderTerm, id string) ([]bool, error) {
	cols := make([]string, len(terms))
	for i, t := range terms {
		cols[i] = t.expr + " IS NULL"
	}
	null := make([]bool, len(terms))
	dest := make([]any, len(terms))
	for i := range null {
		dest[i] = &null[i]
	}
	err := s.db.QueryRowContext(ctx, `SELECT `+strings.Join(cols, ", ")+` FROM papers p WHERE p.id = ?`, id).Scan(dest...)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, fmt.Errorf("%s: %w", id, ErrUnknownPaper)
	}
	if err != nil {
		return nil, explain(s.path, fmt.Errorf("find paper %s in the view: %w", id, err))
	}
	return null, nil
}

// beforeOn is the condition that a row's key i sorts strictly before
// the paper's (me.ki); NULL sorts first ascending and last descending,
// as in ORDER BY. "" when no row can.
func beforeOn(t orderTerm, i int, null bool) string {
	k := fmt.Sprintf("me.k%d", i)
	switch {
	case t.desc && null:
		return t.expr + " IS NOT NULL"
	case t.desc:
		return t.expr + " > " + k
	case null:
		return ""
	}
	return fmt.Sprintf("(%s < %s OR %s IS NULL)", t.expr, k, t.expr)
}

// isColumn says whether an order key is a plain column of papers, which
// an index can hold.
func isColumn(expr string) bool {
	name, ok := strings.CutPrefix(expr, "p.")
	return ok && strings.IndexFunc(name, func(r rune) bool { return !(r == '_' || 'a' <= r && r <= 'z') }) < 0
}

// equalOn is the condition that a row's key i equals the paper's.
func equalOn(t orderTerm, i int, null bool) string {
	if null {
		return t.expr + " IS NULL"
	}
	return fmt.Sprintf("%s = me.k%d", t.expr, i)
}
