package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"time"
)

// noteArrivals does, once per write and in its transaction, what the
// daily loop keeps for papers new to the library: when they arrived (for
// "new since the last visit"), the papers and read papers of their feed
// days and of the library, and, while followed searches are kept, the
// papers for the next refresh to match. One trigger per inserted paper
// did this before and made SQLite's insert of every paper cost 60% more
// CPU, whatever the trigger did; done here it costs a few statements a
// batch. known holds the new papers' rowids (upsertGroups).
func noteArrivals(ctx context.Context, tx *sql.Tx, ids []string, known map[string]stored) error {
	if len(ids) == 0 || !arrivalNotes {
		return nil
	}
	list, err := json.Marshal(ids)
	if err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, `INSERT OR IGNORE INTO arrivals(at, id) SELECT ?, value FROM json_each(?)`,
		time.Now().UnixMilli(), string(list)); err != nil {
		return err
	}
	days := map[int64]int{}
	for _, id := range ids {
		days[known[id].pid>>pidDayShift]++
	}
	counts, _, err := dayPairs(days)
	if err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO day_counts(day, papers, read)
		SELECT day, n, 0 FROM `+dayCountsOf+` WHERE true
		ON CONFLICT(day) DO UPDATE SET papers = papers + excluded.papers`, counts); err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, `UPDATE library_counts SET papers = papers + ?`, len(ids)); err != nil {
		return err
	}
	// Read marks outlive papers: one may be read already.
	read, err := countsBy[int64](ctx, tx, `SELECT `+pidDaySQL+`, count(*) FROM json_each(?) j
		CROSS JOIN read_marks r ON r.id = j.value CROSS JOIN papers p ON p.id = j.value GROUP BY 1`, string(list))
	if err != nil {
		return err
	}
	if err := countDays(ctx, tx, read, 1); err != nil {
		return err
	}
	if err := noteRising(ctx, tx, string(list)); err != nil {
		return err
	}
	_, err = tx.ExecContext(ctx, `INSERT OR IGNORE INTO follow_dirty(id)
		SELECT value FROM json_each(?) WHERE EXISTS (SELECT 1 FROM follow_cache)`, string(list))
	return err
}

// noteRising gives the papers of list (JSON ids) new to the library
// their gain since the reader last showed them: seen is the reader's own
// state, kept whatever becomes of papers, so a paper that comes back
// (a library rebuilt, a paper removed by hand) may have been shown.
func noteRising(ctx context.Context, tx *sql.Tx, list string) error {
	_, err := tx.ExecContext(ctx, `INSERT OR REPLACE INTO rising(pid, id, gain, day, upvotes)
		SELECT p.pid, p.id, p.upvotes - s.upvotes, p.day, p.upvotes FROM json_each(?) j
		CROSS JOIN seen s ON s.id = j.value CROSS JOIN papers p ON p.id = j.value
		WHERE p.upvotes <> s.upvotes`, list)
	return err
}

// arrivalNotes is off only in BenchmarkArrivalBookkeeping100k, to measure
// what noteArrivals costs an import.
var arrivalNotes = true

// countsBy reads a query of (key, count) rows into a map: counts by day
// key, by feed day.
func countsBy[K comparable](ctx context.Context, db queryer, query string, args ...any) (map[K]int, error) {
	rows, err := db.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	counts := map[K]int{}
	for rows.Next() {
		var k K
		var n int
		if err := rows.Scan(&k, &n); err != nil {
			return nil, err
		}
		counts[k] = n
	}
	return counts, rows.Err()
}
