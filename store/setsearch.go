package store

import (
	"context"
	"fmt"
	"slices"
	"strconv"
	"strings"
)

// Searches within tag:, note:, has:note or text: served by the set
// index (setindex.go), and pages of those sets without words.

// setMatches are the papers of f's set holding f's words (match) within
// its days' rowids (rowidRange), in rowid order; ok is false when the
// index changed since f was prepared.
func (s *Store) setMatches(ctx context.Context, f Filter, match string) (pids []int64, ok bool, err error) {
	x := &s.sets
	x.mu.Lock()
	defer x.mu.Unlock()
	if f.setGen == 0 || f.setGen != x.gen || x.conn == nil {
		return nil, false, nil
	}
	all, ok := x.matches[match]
	if !ok {
		if all, err = x.match(ctx, match); err != nil {
			x.reset() // the next search starts a new index
			return nil, false, fmt.Errorf("search: set index: %w", err)
		}
		x.matches[match] = all
	}
	lo, hi := f.rowidRange()
	for _, pid := range all {
		if _, in := slices.BinarySearch(f.pids, pid); in && pid >= lo && (hi < 0 || pid <= hi) {
			pids = append(pids, pid)
		}
	}
	return pids, true, nil
}

// match is every paper of the index holding match, in rowid order.
func (x *setIndex) match(ctx context.Context, match string) ([]int64, error) {
	return collect[int64](x.conn.QueryContext(ctx, `SELECT rowid FROM set_fts WHERE set_fts MATCH ? ORDER BY rowid`, match))
}

// setFrom is hitsFrom over the papers matched (sorted) instead of the
// library's index: they stand in for its rows (f.rowid), so extra and
// the walk's order read the same. The list is bound as JSON: a thousand
// numbers in the SQL text cost more to parse than the query to run.
func (f Filter) setFrom(matched []int64, extra string, extraArgs []any) (string, []any) {
	where, args := f.setWhere()
	bounds := extra
	// The walk's bounds on rowids (the rest of a day, the view's days)
	// also cut the list before any paper is read: SQLite reads each
	// listed paper first, and checks them after.
	list := "SELECT value FROM json_each(?)"
	if cut := strings.ReplaceAll(bounds, "f.rowid", "value"); len(extraArgs) == 0 && !strings.ContainsAny(cut, "?.") {
		list += " WHERE 1" + cut
	}
	from := ` FROM (SELECT pid AS rowid FROM papers WHERE pid IN (` + list + `)) f
		JOIN papers p ON p.pid = f.rowid` + stateJoins + ` WHERE 1` + bounds
	if where != "" {
		from += " AND " + strings.TrimPrefix(where, " WHERE ")
	}
	return from, append(append([]any{jsonPids(matched)}, extraArgs...), args...)
}

// setWhere is walkWhere less the days, when setMatches kept only the
// papers of those days by their rowids (rowids carry the feed day, see
// pidBase, which rowidBounds relies on too): checking a day reads the
// paper.
func (f Filter) setWhere() (string, []any) {
	for _, day := range []string{f.Day, f.Since, f.Until} {
		if day != "" && pidBase(day) <= 0 {
			return f.walkWhere() // not a day (or before 1970): only the condition decides
		}
	}
	f.Day, f.Since, f.Until = "", "", ""
	return f.walkWhere()
}

// jsonPids is pids as a JSON array.
func jsonPids(pids []int64) string {
	b := make([]byte, 0, 12*len(pids)+2)
	b = append(b, '[')
	for i, pid := range pids {
		if i > 0 {
			b = append(b, ',')
		}
		b = strconv.AppendInt(b, pid, 10)
	}
	return string(append(b, ']'))
}

// setWalk is walk through the set index; ok is false when it cannot
// serve f.
func (s *Store) setWalk(ctx context.Context, f Filter, extra string, extraArgs []any, n int, dir string) ([]hit, bool, error) {
	matched, ok, err := s.setMatches(ctx, f, f.fullMatch())
	if err != nil || !ok {
		return nil, false, err
	}
	from, args := f.setFrom(matched, extra, extraArgs)
	q := `SELECT p.pid, coalesce(p.day, ''), p.upvotes, length(p.title), 0` + from + ` ORDER BY f.rowid ` + dir + ` LIMIT ?`
	hits, err := s.scanHits(ctx, q, append(args, n)...)
	return hits, true, err
}

// setCount is Count through the set index; ok is false when it cannot
// serve f.
func (s *Store) setCount(ctx context.Context, f Filter) (int, bool, error) {
	matched, ok, err := s.setMatches(ctx, f, f.fullMatch())
	if err != nil || !ok {
		return 0, false, err
	}
	if where, _ := f.setWhere(); where == "" {
		return len(matched), true, nil // nothing else to check
	}
	from, args := f.setFrom(matched, "", nil)
	var n int
	if err := s.db.QueryRowContext(ctx, `SELECT count(*)`+from, args...).Scan(&n); err != nil {
		return 0, false, explain(s.path, fmt.Errorf("count papers: %w", err))
	}
	return n, true, nil
}

// pidList is the condition that column is among pids.
func pidList(column string, pids []int64) string {
	if len(pids) == 0 {
		return "0"
	}
	var b strings.Builder
	b.WriteString(column + " IN (")
	for i, pid := range pids {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString(strconv.FormatInt(pid, 10))
	}
	b.WriteByte(')')
	return b.String()
}

// setPagePids is the page [offset, offset+limit) of a view without
// words, newest first, over the papers of its sets and other filters
// (is:unread, upvotes:…): its newest days are read first, whole days,
// and older ones only while the page is not full. Rowids carry the feed
// day, so every paper of a day read sorts before every paper of a day
// not read yet; reading every paper of the set for its sort keys read
// all 500 annotated papers (16 µs each) for a page of 200. ok is false
// for the views it does not serve.
func (s *Store) setPagePids(ctx context.Context, f Filter, offset, limit int) (pids []int64, ok bool, err error) {
	if !f.pidsKnown || !f.newestFirst() || f.fullMatch() != "" || limit <= 0 || f.onlySets() {
		return nil, false, nil // onlySets: selectSQL cuts to the newest days itself
	}
	want := offset + limit
	rest, seen := f.pids, 0
	for len(rest) > 0 && len(pids) < want {
		// Enough days for the page at the share of papers kept so far.
		n := (want - len(pids)) * (seen + 1) * 5 / 4 / (len(pids) + 1)
		part := f
		part.pids = pidsOfNewestDays(rest, max(n, want-len(pids)))
		rest, seen = rest[:len(rest)-len(part.pids)], seen+len(part.pids)
		q, args := part.selectSQL("p.pid", 0, want-len(pids))
		more, err := s.pidsOf(ctx, q, args...)
		if err != nil {
			return nil, false, err
		}
		pids = append(pids, more...)
	}
	return pids[min(offset, len(pids)):], true, nil
}
