package store

import (
	"context"
	"fmt"
	"strings"
)

// What the reader asks of the daily loop beyond the views: which of the
// papers on screen are new.

// NewAmong says which of ids arrived after since (unix milliseconds, as
// Filter.NewSince): the reader marks them new in its rows. It looks only
// at the arrivals after since, which are few once the reader has looked.
func (s *Store) NewAmong(ctx context.Context, since int64, ids []string) (map[string]bool, error) {
	out := map[string]bool{}
	if len(ids) == 0 {
		return out, nil
	}
	args := make([]any, 0, len(ids)+1)
	args = append(args, since)
	for _, id := range ids {
		args = append(args, id)
	}
	marks := strings.TrimSuffix(strings.Repeat("?,", len(ids)), ",")
	rows, err := s.db.QueryContext(ctx, `SELECT id FROM arrivals WHERE at > ? AND id IN (`+marks+`)`, args...)
	if err != nil {
		return nil, explain(s.path, fmt.Errorf("new papers: %w", err))
	}
	defer rows.Close()
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		out[id] = true
	}
	return out, rows.Err()
}
