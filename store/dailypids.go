package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/papertui/papers/store/query"
)

// maxDailyPids bounds the papers prepareDailyPids reads: a larger set is
// checked by id as each hit is joined to its paper, as before.
var maxDailyPids = 20000 // a var so the tests can turn it off

// prepareDailyPids reads the papers that a view keeps by its text:,
// tag:, note: and has:note filters: a few thousand at most, against
// 100,000 hits of "model". Checked by id, every hit was first joined to
// its paper (0.4 to 1.5 s); by rowid, the walk of the index checks each
// hit before reading any paper and skips the rowids outside the set. A
// view without words starts from them instead of walking the feed days
// for the few that carry the tag.
func (s *Store) prepareDailyPids(ctx context.Context, f Filter) (Filter, error) {
	f.pids, f.pidsKnown = nil, false
	if !f.hasSets() {
		return f, nil
	}
	sets := Filter{Texts: f.Texts, Daily: query.Daily{Tags: f.Daily.Tags, Notes: f.Daily.Notes, HasNote: f.Daily.HasNote}}
	// Kept while the library does not change: 900 tagged papers looked up
	// by id cost 5 ms, every keystroke of a search within the tag.
	cached, ok, dv, err := s.cachedPids(ctx, sets)
	if err != nil || (ok && len(cached) <= maxDailyPids) {
		f.pids, f.pidsKnown = cached, ok
		return f, err
	}
	where, args := sets.where()
	rows, err := s.db.QueryContext(ctx, `SELECT p.pid FROM papers p`+where+` ORDER BY p.pid LIMIT ?`,
		append(args, maxDailyPids+1)...)
	if err != nil {
		return f, explain(s.path, fmt.Errorf("search: %w", err))
	}
	defer rows.Close()
	var pids []int64
	for rows.Next() {
		var pid int64
		if err := rows.Scan(&pid); err != nil {
			return f, fmt.Errorf("search: %w", err)
		}
		pids = append(pids, pid)
	}
	if err := rows.Err(); err != nil || len(pids) > maxDailyPids {
		return f, err
	}
	f.pids, f.pidsKnown = pids, true
	s.keepPids(sets, pids, dv)
	return f, nil
}

// hasSets says whether f has a filter prepareDailyPids reads.
func (f Filter) hasSets() bool {
	return len(f.Texts) > 0 || len(f.Daily.Tags) > 0 || len(f.Daily.Notes) > 0 || f.Daily.HasNote
}

// pidsList is the condition that column is among the pids read.
func (f Filter) pidsList(column string) string { return pidList(column, f.pids) }

// pidsCond is the walk's check of the papers prepareDailyPids read: the
// rowid range they span, which FTS5 seeks to, and each hit's rowid among
// them. The + keeps SQLite from handing the list to FTS5 as one lookup
// per rowid, each setting up every word's cursors again.
func (f Filter) pidsCond() string {
	if !f.pidsKnown {
		return ""
	}
	if len(f.pids) == 0 {
		return " AND 0"
	}
	return fmt.Sprintf(" AND f.rowid >= %d AND f.rowid <= %d AND ", f.pids[0], f.pids[len(f.pids)-1]) + f.pidsList("+f.rowid")
}

// fewPidsMax and fewPidsPhrases say when the papers prepareDailyPids read
// are few enough, and the words simple enough, to check paper by paper:
// a lookup in the full-text index sets up a cursor per phrase and index
// segment (0.3 to 1 ms for a word; 20 ms for a typed prefix's 32 words),
// while a walk reads every hit (70 to 120 ms for "model" at 100k).
const (
	fewPidsMax     = 64
	fewPidsPhrases = 4
)

// fewPids says whether f's hits are best found paper by paper.
func (f Filter) fewPids() bool {
	m := f.fullMatch()
	return f.pidsKnown && m != "" && len(f.pids) <= fewPidsMax && strings.Count(m, `"`) <= 2*fewPidsPhrases
}

// walkPids is walk over the papers prepareDailyPids read: each looked up
// in the full-text index by rowid with every condition of the walk, in
// rowid order (dir), until n are found.
func (s *Store) walkPids(ctx context.Context, f Filter, extra string, extraArgs []any, n int, dir string) ([]hit, error) {
	from, args := f.hitsFrom(extra+" AND f.rowid = ?", extraArgs)
	stmt, err := s.db.PrepareContext(ctx, `SELECT p.pid, coalesce(p.day, ''), p.upvotes, length(p.title), 0`+from)
	if err != nil {
		return nil, explain(s.path, fmt.Errorf("search: %w", err))
	}
	defer stmt.Close()
	// hitsFrom puts the extra arguments right after the match.
	at := 1 + len(extraArgs)
	all := append(append(append([]any{}, args[:at]...), nil), args[at:]...)
	var hits []hit
	for i := range f.pids {
		if len(hits) >= n {
			break
		}
		pid := f.pids[i]
		if dir == "DESC" {
			pid = f.pids[len(f.pids)-1-i]
		}
		all[at] = pid
		var h hit
		err := stmt.QueryRowContext(ctx, all...).Scan(&h.pid, &h.day, &h.upvotes, &h.titleLen, &h.rank)
		if errors.Is(err, sql.ErrNoRows) {
			continue
		}
		if err != nil {
			return nil, explain(s.path, fmt.Errorf("search: %w", err))
		}
		hits = append(hits, h)
	}
	return hits, nil
}

// pidsOfNewestDays are the pids (sorted) of the newest feed days holding at
// least n of them: whole days, as rowids carry the day (see pidBase).
func pidsOfNewestDays(pids []int64, n int) []int64 {
	if n >= len(pids) {
		return pids
	}
	lo, _ := dayRangeOf(pids[len(pids)-n])
	i, _ := slices.BinarySearch(pids, lo)
	return pids[i:]
}

// onlySets says whether f has no condition but the sets whose papers
// prepareDailyPids reads (is:new aside, which it does not read).
func (f Filter) onlySets() bool {
	rest := f
	rest.pidsKnown, rest.Texts, rest.Daily = false, nil, query.Daily{}
	where, _ := rest.where()
	return where == "" && !f.Daily.New
}
