package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"math/bits"
	"slices"
)

// Read marks are written here and nowhere else: each write moves, in the
// same transaction, the read papers of each feed day (day_counts) and the
// unread papers of each cached followed search (follow_cache) by the
// papers it marked, in one statement each however many it marked. One
// trigger per mark made marking 5,000 papers cost a third of a second.

// markIDs marks papers read at `at` (those not read already) and says
// which it marked.
func markIDs(ctx context.Context, tx *sql.Tx, ids []string, at int64) ([]string, error) {
	if len(ids) == 0 {
		return nil, nil
	}
	list, err := json.Marshal(ids)
	if err != nil {
		return nil, err
	}
	marked, err := collect[string](tx.QueryContext(ctx, `INSERT INTO read_marks(id, read_at)
		SELECT value, ? FROM json_each(?) WHERE true ON CONFLICT(id) DO NOTHING RETURNING id`, at, string(list)))
	if err != nil {
		return nil, err
	}
	return marked, countMarks(ctx, tx, marked, 1)
}

// markedPaper is an unread paper about to be marked read, with its rowid
// (its feed day) and its follow_hits mask.
type markedPaper struct {
	id   string
	pid  int64
	mask int64
}

// markPapers is markIDs for unread papers the caller has read in this
// transaction with their rowids and masks: what the marks change needs
// no lookup.
func markPapers(ctx context.Context, tx *sql.Tx, ps []markedPaper, at int64) ([]string, error) {
	if len(ps) == 0 {
		return nil, nil
	}
	ids := make([]string, len(ps))
	days := map[int64]int{}
	unread := map[int64]int{}
	for i, p := range ps {
		ids[i] = p.id
		days[p.pid>>pidDayShift]++
		for m := uint64(p.mask); m != 0; m &= m - 1 {
			unread[int64(bits.TrailingZeros64(m))]--
		}
	}
	// In key order, so the inserts walk the b-tree instead of jumping.
	slices.Sort(ids)
	list, err := json.Marshal(ids)
	if err != nil {
		return nil, err
	}
	res, err := tx.ExecContext(ctx, `INSERT INTO read_marks(id, read_at)
		SELECT value, ? FROM json_each(?) WHERE true ON CONFLICT(id) DO NOTHING`, at, string(list))
	if err != nil {
		return nil, err
	}
	// The caller chose unread papers in this transaction, so all of them
	// are marked: the count says so without returning each id.
	if n, err := res.RowsAffected(); err != nil || n != int64(len(ids)) {
		return nil, fmt.Errorf("marked %d of %d unread papers read (%v)", n, len(ids), err)
	}
	if err := countDays(ctx, tx, days, 1); err != nil {
		return nil, err
	}
	return ids, moveUnread(ctx, tx, unread)
}

// countDays moves the read papers of days, by their day numbers, and of
// the library.
func countDays(ctx context.Context, tx *sql.Tx, days map[int64]int, sign int) error {
	if len(days) == 0 {
		return nil
	}
	list, all, err := dayPairs(days)
	if err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, `UPDATE library_counts SET read = read + ?`, sign*all); err != nil {
		return err
	}
	_, err = tx.ExecContext(ctx, `UPDATE day_counts SET read = read + ? * c.n
		FROM `+dayCountsOf+` AS c WHERE day_counts.day = c.day`, sign, list)
	return err
}

// dayPairs is days (papers by day number) as the JSON argument of
// dayCountsOf, and how many papers they hold.
func dayPairs(days map[int64]int) (string, int, error) {
	pairs := make([][2]int64, 0, len(days))
	all := 0
	for d, n := range days {
		pairs = append(pairs, [2]int64{d, int64(n)})
		all += n
	}
	list, err := json.Marshal(pairs)
	return string(list), all, err
}

// dayCountsOf is the rows (day, n) of a dayPairs argument, the day as
// day_counts keys it.
const dayCountsOf = `(SELECT ` + dayOfNumber + ` AS day, n FROM (SELECT value ->> 0 AS d, value ->> 1 AS n FROM json_each(?)))`

// unmarkIDs marks papers unread and says which were read, and since when.
func unmarkIDs(ctx context.Context, tx *sql.Tx, ids []string) ([]readRow, error) {
	if len(ids) == 0 {
		return nil, nil
	}
	list, err := json.Marshal(ids)
	if err != nil {
		return nil, err
	}
	rows, err := tx.QueryContext(ctx, `DELETE FROM read_marks WHERE id IN (SELECT value FROM json_each(?))
		RETURNING id, read_at`, string(list))
	if err != nil {
		return nil, err
	}
	var out []readRow
	var gone []string
	for rows.Next() {
		var r readRow
		if err := rows.Scan(&r.ID, &r.ReadAt); err != nil {
			rows.Close()
			return nil, err
		}
		out = append(out, r)
		gone = append(gone, r.ID)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	return out, countMarks(ctx, tx, gone, -1)
}

// restoreMarks puts read marks back as they were (undo): a paper read
// again since keeps one mark, with the time it had before.
func restoreMarks(ctx context.Context, tx *sql.Tx, marks []readRow) error {
	if len(marks) == 0 {
		return nil
	}
	var added []string
	for _, r := range marks {
		var read bool
		if err := tx.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM read_marks WHERE id = ?)`, r.ID).Scan(&read); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO read_marks(id, read_at) VALUES(?, ?)
			ON CONFLICT(id) DO UPDATE SET read_at = excluded.read_at`, r.ID, r.ReadAt); err != nil {
			return err
		}
		if !read {
			added = append(added, r.ID)
		}
	}
	return countMarks(ctx, tx, added, 1)
}

// countMarks moves the day and followed-search counts by papers that
// became read (sign 1) or unread (-1). ids must be distinct and each must
// have changed.
func countMarks(ctx context.Context, tx *sql.Tx, ids []string, sign int) error {
	if len(ids) == 0 {
		return nil
	}
	list, err := json.Marshal(ids)
	if err != nil {
		return err
	}
	// Papers no longer in the library keep their marks but count nowhere.
	// A paper's feed day is read off its rowid (see pidBase), which the
	// id index holds: reading each paper's row for its day cost ten times
	// more.
	days, err := countsBy[int64](ctx, tx, `SELECT `+pidDaySQL+`, count(*) FROM json_each(?) j
		CROSS JOIN papers p ON p.id = j.value GROUP BY 1`, string(list))
	if err != nil {
		return err
	}
	if err := countDays(ctx, tx, days, sign); err != nil {
		return err
	}
	return countFollows(ctx, tx, ids, sign)
}

// countFollows moves the unread counts of the cached searches holding
// the papers.
func countFollows(ctx context.Context, tx *sql.Tx, ids []string, sign int) error {
	if len(ids) == 0 {
		return nil
	}
	list, err := json.Marshal(ids)
	if err != nil {
		return err
	}
	// Papers share a few combinations of searches: count those in SQL.
	rows, err := tx.QueryContext(ctx, `SELECT h.mask, count(*) FROM json_each(?) j
		CROSS JOIN follow_hits h ON h.id = j.value GROUP BY 1`, string(list))
	if err != nil {
		return err
	}
	unread := map[int64]int{}
	for rows.Next() {
		var mask int64
		var n int
		if err := rows.Scan(&mask, &n); err != nil {
			rows.Close()
			return err
		}
		for _, fid := range maskBits(mask) {
			unread[fid] -= sign * n
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	return moveUnread(ctx, tx, unread)
}

// moveUnread moves the unread counts of cached searches (fid → change).
func moveUnread(ctx context.Context, tx *sql.Tx, unread map[int64]int) error {
	for fid, n := range unread {
		if n == 0 {
			continue
		}
		if _, err := tx.ExecContext(ctx, `UPDATE follow_cache SET unread = unread + ? WHERE fid = ?`, n, fid); err != nil {
			return err
		}
	}
	return nil
}

// dayOfNumber is the feed day (” for none) of a rowid's day number d
// (pid >> pidDayShift): pidBase counts days from 1970-01-01 plus one.
const dayOfNumber = `CASE WHEN d > 0 THEN strftime('%Y-%m-%d', (d - 1) * 86400, 'unixepoch') ELSE '' END`
