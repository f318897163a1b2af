package store

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"time"
)

// Stats summarises the library.
type Stats struct {
	Papers    int    `json:"papers"`
	Days      int    `json:"days"`
	FirstDay  string `json:"first_day"`
	LastDay   string `json:"last_day"`
	Queued    int    `json:"queued"`
	Read      int    `json:"read"`
	Path      string `json:"path"`
	SizeBytes int64  `json:"size_bytes"`
	FreeBytes int64  `json:"free_bytes"`          // of SizeBytes: pages deleted rows left free
	LastSync  string `json:"last_sync,omitempty"` // RFC 3339
}

// Stats counts what the library holds.
func (s *Store) Stats(ctx context.Context) (Stats, error) {
	st := Stats{Path: s.path}
	var first, last sql.NullString
	err := s.db.QueryRowContext(ctx, `SELECT
		(SELECT count(*) FROM papers),
		(SELECT count(DISTINCT day) FROM papers WHERE day IS NOT NULL),
		(SELECT min(day) FROM papers), (SELECT max(day) FROM papers),
		(SELECT count(*) FROM queue), (SELECT count(*) FROM read_marks)`).
		Scan(&st.Papers, &st.Days, &first, &last, &st.Queued, &st.Read)
	if err != nil {
		return st, explain(s.path, fmt.Errorf("stats: %w", err))
	}
	st.FirstDay, st.LastDay = first.String, last.String
	st.SizeBytes = s.SizeOnDisk()
	if st.FreeBytes, err = s.FreeBytes(ctx); err != nil {
		return st, err
	}
	if t, ok := s.LastSync(ctx); ok {
		st.LastSync = t.UTC().Format(time.RFC3339)
	}
	return st, nil
}

// SizeOnDisk is the library file plus its write-ahead log.
func (s *Store) SizeOnDisk() int64 {
	var total int64
	for _, suffix := range []string{"", "-wal"} {
		if info, err := os.Stat(s.path + suffix); err == nil {
			total += info.Size()
		}
	}
	return total
}

// LastSync is when a day was last fetched whole; failed attempts do not count.
func (s *Store) LastSync(ctx context.Context) (time.Time, bool) {
	var at sql.NullInt64
	if err := s.db.QueryRowContext(ctx, `SELECT max(fetched_at) FROM days WHERE complete = 1`).Scan(&at); err != nil || !at.Valid {
		return time.Time{}, false
	}
	return time.Unix(at.Int64, 0), true
}

// DayStatus is what the library knows of fetching one feed day.
type DayStatus struct {
	Day       string
	FetchedAt time.Time
	Complete  bool
}

// Days lists the recorded feed days in [since, until].
func (s *Store) Days(ctx context.Context, since, until string) (map[string]DayStatus, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT day, fetched_at, complete FROM days WHERE day >= ? AND day <= ?`, since, until)
	if err != nil {
		return nil, explain(s.path, fmt.Errorf("read days: %w", err))
	}
	defer rows.Close()
	out := map[string]DayStatus{}
	for rows.Next() {
		var d DayStatus
		var at int64
		if err := rows.Scan(&d.Day, &at, &d.Complete); err != nil {
			return nil, err
		}
		d.FetchedAt = time.Unix(at, 0)
		out[d.Day] = d
	}
	return out, rows.Err()
}

// DataVersion changes whenever another connection, or another process,
// has committed to the library since the last call: the reader polls it
// to show what a `papers sync` in another terminal brought in.
func (s *Store) DataVersion(ctx context.Context) (int64, error) {
	s.watchMu.Lock()
	defer s.watchMu.Unlock()
	if s.watch == nil {
		// data_version is per connection, so one is kept for it.
		conn, err := s.db.Conn(ctx)
		if err != nil {
			return 0, explain(s.path, err)
		}
		s.watch = conn
	}
	var v int64
	if err := s.watch.QueryRowContext(ctx, "PRAGMA data_version").Scan(&v); err != nil {
		return 0, explain(s.path, err)
	}
	return v, nil
}
