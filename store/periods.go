package store

import (
	"context"
	"database/sql"
	"fmt"
)

// NeighbourDay is the nearest feed day with papers before (dir < 0) or
// after (dir > 0) day; "" when there is none. An empty day with dir < 0
// is the latest day.
func (s *Store) NeighbourDay(ctx context.Context, day string, dir int) (string, error) {
	q := `SELECT max(day) FROM papers WHERE day < ?`
	if dir > 0 {
		q = `SELECT min(day) FROM papers WHERE day > ?`
	}
	if day == "" && dir < 0 {
		day = "9999-12-31"
	}
	var out sql.NullString
	if err := s.db.QueryRowContext(ctx, q, day).Scan(&out); err != nil {
		return "", explain(s.path, fmt.Errorf("find a day next to %s: %w", day, err))
	}
	return out.String, nil
}
