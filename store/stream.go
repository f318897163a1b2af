package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
)

// streamPage is how many papers of a search a stream reads at a time.
const streamPage = 256

// EachRecord hands every paper of the view f describes to each, in the
// view's order, reading them from the library as it goes: memory stays
// flat however many papers the view holds. start is told how many there
// are before the first one (writers that print a count first need it).
// A plain view is read in one snapshot, so the count and the papers
// agree even while a sync writes.
func (s *Store) EachRecord(ctx context.Context, f Filter, start func(total int) error, each func(Record) error) error {
	return s.eachRecord(ctx, f, recordColumns, start, each)
}

// EachListing is EachRecord without the abstracts (Abstract is ""): a
// listing of one line a paper prints none, and reading each out of its
// compressed raw item was half the time of listing 100,000 papers.
func (s *Store) EachListing(ctx context.Context, f Filter, start func(total int) error, each func(Record) error) error {
	return s.eachRecord(ctx, f, listingColumns, start, each)
}

// listingColumns are recordColumns with no raw item to read an abstract
// from.
var listingColumns = strings.Replace(recordColumns, "p.raw", "NULL", 1)

func (s *Store) eachRecord(ctx context.Context, f Filter, columns string, start func(total int) error, each func(Record) error) error {
	f, err := s.prepare(ctx, f)
	if err != nil {
		return err
	}
	if f.usesHitWalk() {
		if f, err = s.prepareSetIndex(ctx, f); err != nil {
			return err
		}
		return s.eachHit(ctx, f, columns, start, each)
	}
	conn, err := s.db.Conn(ctx)
	if err != nil {
		return explain(s.path, err)
	}
	defer conn.Close()
	// A deferred BEGIN takes no lock until the first read, and holds that
	// read's snapshot until the end.
	if _, err := conn.ExecContext(ctx, "BEGIN"); err != nil {
		return explain(s.path, fmt.Errorf("read papers: %w", err))
	}
	defer conn.ExecContext(context.Background(), "ROLLBACK")
	where, args := f.where()
	from := f.from()
	var total int
	if err := conn.QueryRowContext(ctx, `SELECT count(*)`+from+where, args...).Scan(&total); err != nil {
		return explain(s.path, fmt.Errorf("count papers: %w", err))
	}
	if err := start(total); err != nil {
		return err
	}
	q, args := f.selectSQL(columns, 0, 0)
	rows, err := conn.QueryContext(ctx, q, args...)
	if err != nil {
		return explain(s.path, fmt.Errorf("read papers: %w", err))
	}
	return eachRow(rows, each)
}

// eachHit streams a text search: its hits are found first (a number per
// paper), then read a page at a time in their order.
func (s *Store) eachHit(ctx context.Context, f Filter, columns string, start func(total int) error, each func(Record) error) error {
	pids, err := s.searchPids(ctx, f, 0, 0)
	if err != nil {
		return err
	}
	if err := start(len(pids)); err != nil {
		return err
	}
	for from := 0; from < len(pids); from += streamPage {
		q, args := s.byPids(ctx, columns, pids[from:min(from+streamPage, len(pids))])
		rows, err := s.db.QueryContext(ctx, q, args...)
		if err != nil {
			return explain(s.path, fmt.Errorf("read papers: %w", err))
		}
		if err := eachRow(rows, each); err != nil {
			return err
		}
	}
	return nil
}

func eachRow(rows *sql.Rows, each func(Record) error) error {
	defer rows.Close()
	for rows.Next() {
		r, err := scanRecord(rows)
		if err != nil {
			return fmt.Errorf("read papers: %w", err)
		}
		if err := each(r); err != nil {
			return err
		}
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("read papers: %w", err)
	}
	return nil
}

// EachReadableRecord streams what still reads of a damaged library
// (`papers export --rescue`), where EachRecord stops at the first damaged
// page: the papers whose rows read are found one at a time in rowid
// order, stepping over damaged stretches as doctor counts them, then read
// one at a time. One whose tags, queue place or note are on a damaged page
// is given without them (bare counts those); one that does not read even
// so is left out (skipped counts those).
func (s *Store) EachReadableRecord(ctx context.Context, start func(total int) error, each func(Record) error) (bare, skipped int, err error) {
	var pids []int64
	walkReadable(ctx, s.db, func(pid int64) { pids = append(pids, pid) }) // doctor.go
	if err := ctx.Err(); err != nil {
		return 0, 0, err
	}
	if err := start(len(pids)); err != nil {
		return 0, 0, err
	}
	for _, pid := range pids {
		q, args := s.byPids(ctx, recordColumns, []int64{pid})
		recs, err := s.queryRecords(ctx, q, args...)
		if err != nil || len(recs) == 0 {
			recs, err = s.queryRecords(ctx, `SELECT `+bareRecordColumns+` FROM papers p WHERE p.pid = ?`, pid)
			if err == nil && len(recs) == 1 {
				bare++
			}
		}
		if ctx.Err() != nil {
			return bare, skipped, ctx.Err()
		}
		if err != nil || len(recs) == 0 {
			skipped++
			continue
		}
		if err := each(recs[0]); err != nil {
			return bare, skipped, err
		}
	}
	return bare, skipped, nil
}
