package store

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/papertui/papers/store/query"
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
	// FTS5 subtracts the title hits itself as it walks (NOT), where a
	// check per row set up the words' cursors again for every hit: 0.3 to
	// 2 s for the last page of a common word.
	need := length - offset
	rest := f
	rest.Match = "(" + f.Match + ") NOT title : (" + f.Match + ")"
	hits, err := s.walk(ctx, rest, skip, nil, need, false, "ASC")
	if err != nil || len(hits) < need {
		return nil, false, err
	}
	slices.Reverse(hits)
	return pidsOf(hits[:min(limit, need)]), true, nil
}

// titleKeyBlock is a condition leaving out the title-key hits front (for
// a walk of the hits after them) and how many of them the word search
// itself does not find.
//
// titleHits applied every filter but the words, so a front paper is a
// word hit when its title holds the words; most do (their title starts
// with them), and that is read off the title key. Only the others are
// asked of the full-text index, one lookup each: a lookup sets up a
// cursor per word and per index segment, 1 to 3 ms for a typed prefix's
// 32 words, and asking it of all 20 took most of a deep page's time.
func (s *Store) titleKeyBlock(ctx context.Context, f Filter, front []hit) (skip string, outside int, err error) {
	if len(front) == 0 {
		return "", 0, nil
	}
	ids := make([]string, len(front))
	for i, h := range front {
		ids[i] = fmt.Sprint(h.pid)
	}
	list := strings.Join(ids, ",")
	unsure, err := s.titlesNotHolding(ctx, f.Match, list)
	if err != nil || len(unsure) == 0 {
		return " AND f.rowid NOT IN (" + list + ")", 0, err
	}
	var found int
	err = s.db.QueryRowContext(ctx, `SELECT count(*) FROM papers_fts WHERE papers_fts MATCH ? AND rowid IN (`+strings.Join(unsure, ",")+`)`,
		f.fullMatch()).Scan(&found)
	if err != nil {
		return "", 0, explain(s.path, fmt.Errorf("search: %w", err))
	}
	return " AND f.rowid NOT IN (" + list + ")", len(unsure) - found, nil
}

// titlesNotHolding are the papers of list (pids, comma separated) whose
// title is not known, from its title key, to match the words match.
func (s *Store) titlesNotHolding(ctx context.Context, match, list string) ([]string, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT pid, title_key FROM papers WHERE pid IN (`+list+`)`)
	if err != nil {
		return nil, explain(s.path, fmt.Errorf("search: %w", err))
	}
	defer rows.Close()
	var unsure []string
	for rows.Next() {
		var pid int64
		var key string
		if err := rows.Scan(&pid, &key); err != nil {
			return nil, fmt.Errorf("search: %w", err)
		}
		if !keyHolds(key, match) {
			unsure = append(unsure, fmt.Sprint(pid))
		}
	}
	return unsure, rows.Err()
}

// keyHolds says whether a title with this title key surely matches the
// FTS5 expression match: true when match is phrases and groups of
// phrases ORed, all ANDed (what a typed search and its expanded prefix
// are), and the key holds every phrase or one of every group. The key is
// the title's index terms, tokenised and folded as the full-text index
// does (see TitleKey). false means "ask the index", never "no".
func keyHolds(key, match string) bool {
	padded := " " + key + " "
	holds := func(phrase string) bool {
		terms := query.IndexTerms(phrase)
		return len(terms) > 0 && strings.Contains(padded, " "+strings.Join(terms, " ")+" ")
	}
	// In a group, phrases alternate with OR; outside, with nothing or AND.
	inGroup, groupHeld, afterPhrase, seen := false, false, false, false
	for rest := strings.TrimSpace(match); rest != ""; rest = strings.TrimSpace(rest) {
		switch {
		case rest[0] == '"' && !(inGroup && afterPhrase):
			end := strings.IndexByte(rest[1:], '"') + 1
			if end == 0 || strings.HasPrefix(rest[end+1:], `"`) || strings.HasPrefix(rest[end+1:], "*") {
				return false // an escaped quote or a prefix: not that simple
			}
			held := holds(rest[1:end])
			if !inGroup && !held {
				return false
			}
			groupHeld = groupHeld || held
			rest, afterPhrase, seen = rest[end+1:], true, true
		case rest[0] == '(' && !inGroup:
			inGroup, groupHeld, afterPhrase = true, false, false
			rest = rest[1:]
		case rest[0] == ')' && inGroup && afterPhrase:
			if !groupHeld {
				return false
			}
			inGroup = false
			rest = rest[1:]
			// afterPhrase stays true: the group stands as a phrase
		case strings.HasPrefix(rest, "AND ") && !inGroup && afterPhrase,
			strings.HasPrefix(rest, "OR ") && inGroup && afterPhrase:
			rest, afterPhrase = rest[strings.IndexByte(rest, ' '):], false
		default:
			return false
		}
	}
	return seen && !inGroup && afterPhrase
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
