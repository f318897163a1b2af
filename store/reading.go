package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"
)

// Reading is where the reader stopped in a paper's full text. It is kept
// by section, not by line, so it holds at any width: the lines a section
// wraps into change with the terminal, the section does not.
type Reading struct {
	Section int // the section at the top of the view, from 0
	Within  int // how far into that section, per ten thousand of its lines
	Percent int // how much of the text was read, 0–100: the furthest reached
	Updated time.Time
}

// Reading is where the reader stopped in a paper; ok is false when it was
// never opened in the reader.
func (s *Store) Reading(ctx context.Context, id string) (r Reading, ok bool, err error) {
	var at int64
	err = s.db.QueryRowContext(ctx, `SELECT section, within, percent, updated_at FROM reading WHERE id = ?`, id).
		Scan(&r.Section, &r.Within, &r.Percent, &at)
	if errors.Is(err, sql.ErrNoRows) {
		return Reading{}, false, nil
	}
	if err != nil {
		return Reading{}, false, fmt.Errorf("read reading position of %s: %w", id, err)
	}
	r.Updated = time.Unix(at, 0).UTC()
	return r, true, nil
}

// SetReading records where the reader stopped in a paper. The percentage
// read only grows: scrolling back up to reread a section does not unread
// the rest.
func (s *Store) SetReading(ctx context.Context, id string, r Reading) error {
	if id == "" {
		return errors.New("save reading position: no paper id")
	}
	r.Percent = max(0, min(r.Percent, 100))
	r.Section, r.Within = max(0, r.Section), max(0, min(r.Within, 10000))
	if r.Updated.IsZero() {
		r.Updated = time.Now()
	}
	_, err := s.db.ExecContext(ctx, `INSERT INTO reading(id, section, within, percent, updated_at) VALUES (?, ?, ?, ?, ?)
		ON CONFLICT(id) DO UPDATE SET section = excluded.section, within = excluded.within,
		percent = max(reading.percent, excluded.percent), updated_at = excluded.updated_at`,
		id, r.Section, r.Within, r.Percent, r.Updated.Unix())
	if err != nil {
		return fmt.Errorf("save reading position of %s: %w", id, explain(s.path, err))
	}
	return nil
}

// QueueProgress is how much of each queued paper was read in the reader,
// by id; papers never opened there are absent. Its cost follows the
// queue's length, not the library's.
func (s *Store) QueueProgress(ctx context.Context) (map[string]int, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT r.id, r.percent FROM queue q JOIN reading r ON r.id = q.id`)
	if err != nil {
		return nil, fmt.Errorf("read the queue's progress: %w", err)
	}
	defer rows.Close()
	out := map[string]int{}
	for rows.Next() {
		var id string
		var p int
		if err := rows.Scan(&id, &p); err != nil {
			return nil, fmt.Errorf("read the queue's progress: %w", err)
		}
		out[id] = p
	}
	return out, rows.Err()
}
