package store

import "database/sql"

// collect reads the one column of every row a query returned: ids, pids,
// terms. It takes the query's own results, so a call reads
// collect[string](db.QueryContext(…)); the caller wraps the error.
func collect[T any](rows *sql.Rows, err error) ([]T, error) {
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []T
	for rows.Next() {
		var v T
		if err := rows.Scan(&v); err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	return out, rows.Err()
}
