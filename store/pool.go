package store

import (
	"context"
	"database/sql"
	"fmt"
)

// The connection pool. An SQLite connection is dear to open: the file,
// its write-ahead log and the whole schema parsed, about 1.5 ms of CPU
// each (56 schema objects, full-text index included). So every
// connection the pool may open is also kept when idle (database/sql keeps
// two, and closed the others after each burst of queries, to open them
// again at the next: the reader's start and every page with its counts
// and detail), and the reader opens the few it starts with while the
// terminal sets up (Warm).

// poolSize is how many connections a library holds at most, busy or idle.
const poolSize = 4

// sizePool bounds db's pool and keeps what it opens.
func sizePool(db *sql.DB) {
	db.SetMaxOpenConns(poolSize)
	db.SetMaxIdleConns(poolSize)
}

// Warm opens connections until the pool holds n (at most poolSize), each
// with the schema read, so that n queries started together do not each
// open one first. The reader calls it while the terminal sets up.
func (s *Store) Warm(ctx context.Context, n int) error {
	var held []*sql.Conn
	defer func() {
		for _, c := range held {
			c.Close() // back to the pool, idle
		}
	}()
	for range min(n, poolSize) {
		c, err := s.db.Conn(ctx)
		if err != nil {
			return explain(s.path, fmt.Errorf("open a connection: %w", err))
		}
		held = append(held, c)
		var one int
		if err := c.QueryRowContext(ctx, "SELECT count(*) FROM (SELECT 1 FROM papers LIMIT 1)").Scan(&one); err != nil {
			return explain(s.path, fmt.Errorf("open a connection: %w", err))
		}
	}
	return nil
}
