package store

import (
	"context"
	"fmt"
	"strings"
)

// maxPositions bounds the ids one Positions call looks up.
const maxPositions = 500

// Positions is the 0-based index in the view f describes of each of ids
// the view holds; ids it does not hold are absent from the map. A reader
// asks with its selection and the selection's neighbours, so when the
// selected paper leaves the view the nearest one still in it takes its
// place, in one query.
func (s *Store) Positions(ctx context.Context, f Filter, ids []string) (map[string]int, error) {
	ids = ids[:min(len(ids), maxPositions)]
	found := map[string]int{}
	if len(ids) == 0 {
		return found, nil
	}
	f, err := s.prepare(ctx, f)
	if err != nil {
		return nil, err
	}
	if f.Sort == SortRising {
		return s.risingPositions(ctx, f, ids)
	}
	where, args := f.where()
	order, orderArgs := f.orderBy()
	in := `IN (?` + strings.Repeat(",?", len(ids)-1) + `)`
	idArgs := make([]any, len(ids))
	for i, id := range ids {
		idArgs[i] = id
	}
	// How many of ids the view holds, looked up by id: the numbering
	// below stops at the last of them, so finding a paper costs its
	// position in the view, not the view's size (the selection near the
	// top of a million papers: milliseconds, not seconds), when the order
	// is read off an index.
	held, heldArgs := f.whereAmong(ids)
	var n int
	if err := s.db.QueryRowContext(ctx, `SELECT count(*)`+f.from()+held, heldArgs...).Scan(&n); err != nil {
		return nil, explain(s.path, fmt.Errorf("find %d papers in the view: %w", len(ids), err))
	}
	if n == 0 {
		return found, nil
	}
	q := `SELECT id, n FROM (SELECT p.id AS id, row_number() OVER (` + strings.TrimPrefix(order, " ") +
		`) - 1 AS n FROM papers p` + stateJoins + where + `) WHERE id ` + in + ` LIMIT ?`
	all := append(append(append(orderArgs, args...), idArgs...), n)
	rows, err := s.db.QueryContext(ctx, q, all...)
	if err != nil {
		return nil, explain(s.path, fmt.Errorf("find %d papers in the view: %w", len(ids), err))
	}
	defer rows.Close()
	for rows.Next() {
		var id string
		var n int
		if err := rows.Scan(&id, &n); err != nil {
			return nil, explain(s.path, fmt.Errorf("find papers in the view: %w", err))
		}
		found[id] = n
	}
	if err := rows.Err(); err != nil {
		return nil, explain(s.path, fmt.Errorf("find papers in the view: %w", err))
	}
	return found, nil
}
