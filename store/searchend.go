package store

import (
	"context"
	"fmt"
	"slices"
	"strings"
)

// searchPidsFromEnd is the page [offset, offset+limit) of a text search
// whose size the caller counted (f.Total), read backwards from the end of
// its order: the forward walk reads every hit before the page (1.7 s for
// `G` in a search of 100,000 hits), the backward one about a page. ok is
// false where the order cannot be walked backwards (bm25's, a page inside
// the title blocks of best match, a count gone stale); the caller then
// walks forwards.
//
// The orders mirror searchPids: newest is every hit by day, upvotes, pid;
// best match is the title-key hits (titleHits), then the hits whose title
// holds the words, then the rest, both by rowid, newest first; with
// author:, org: or kw: it is the title-key hits, then the rest as newest.
func (s *Store) searchPidsFromEnd(ctx context.Context, f Filter, offset, limit int) (pids []int64, ok bool, err error) {
	if f.Sort != SortRelevance {
		return s.newestTail(ctx, f, "", f.Total, offset, limit)
	}
	front, err := s.titleHits(ctx, f)
	if err != nil {
		return nil, false, err
	}
	skip, outside, err := s.titleKeyBlock(ctx, f, front)
	if err != nil || offset < len(front) {
		return nil, false, err
	}
	length := f.Total + outside // title-key hits the word search misses lengthen the list
	if f.columns != "" {
		return s.newestTail(ctx, f, skip, length, offset, limit)
	}
	if f.Match == "" {
		return nil, false, nil
	}
	// bm25 ranks a search of few hits: its order has no end to walk from.
	// More filtered hits than that mean more hits of the words alone.
	if f.Total <= relevanceCandidates {
		if many, err := s.hasMoreHits(ctx, f.Match, relevanceCandidates); err != nil || !many {
			return nil, false, err
		}
	}
	// The rest: hits neither in the title-key block nor holding the words
	// in their title, by rowid; walked from the oldest. Walking runs out
	// (and the caller walks forwards) when the page reaches the titles.
	need := length - offset
	cond := skip + " AND NOT EXISTS (SELECT 1 FROM papers_fts t WHERE t.papers_fts MATCH ? AND t.rowid = f.rowid)"
	hits, err := s.walk(ctx, f, cond, []any{"title : (" + f.Match + ")"}, need, false, "ASC")
	if err != nil || len(hits) < need {
		return nil, false, err
	}
	slices.Reverse(hits)
	return pidsOf(hits[:min(limit, need)]), true, nil
}

// titleKeyBlock is a condition leaving out the title-key hits front (for
// a walk of the hits after them) and how many of them the word search
// itself does not find.
func (s *Store) titleKeyBlock(ctx context.Context, f Filter, front []hit) (skip string, outside int, err error) {
	if len(front) == 0 {
		return "", 0, nil
	}
	ids := make([]string, len(front))
	for i, h := range front {
		ids[i] = fmt.Sprint(h.pid)
	}
	list := strings.Join(ids, ",")
	var found int
	err = s.db.QueryRowContext(ctx, `SELECT count(*) FROM papers_fts WHERE papers_fts MATCH ? AND rowid IN (`+list+`)`,
		f.fullMatch()).Scan(&found)
	if err != nil {
		return "", 0, explain(s.path, fmt.Errorf("search: %w", err))
	}
	return " AND f.rowid NOT IN (" + list + ")", len(front) - found, nil
}

// newestTail is the page [offset, offset+limit) of a list length long
// whose tail is f's hits (less skip) in newest order: the oldest hits are
// walked up to the page, then the rest of the last walked hit's day, so
// that what was read is a whole tail of the order (rowids carry the day).
func (s *Store) newestTail(ctx context.Context, f Filter, skip string, length, offset, limit int) ([]int64, bool, error) {
	need := length - offset
	if need <= 0 {
		return nil, false, nil
	}
	hits, err := s.walk(ctx, f, skip, nil, need, false, "ASC")
	if err != nil || len(hits) < need {
		return nil, false, err
	}
	last := hits[len(hits)-1].pid
	_, hi := dayRangeOf(last)
	rest, err := s.walk(ctx, f, skip+fmt.Sprintf(" AND f.rowid > %d AND f.rowid <= %d", last, hi), nil, 1<<30, false, "ASC")
	if err != nil {
		return nil, false, err
	}
	tail := append(hits, rest...)
	sortNewest(tail)
	from := offset - (length - len(tail))
	if from < 0 {
		return nil, false, nil
	}
	return pidsOf(tail[from:min(from+limit, len(tail))]), true, nil
}

func pidsOf(hits []hit) []int64 {
	pids := make([]int64, len(hits))
	for i, h := range hits {
		pids[i] = h.pid
	}
	return pids
}
