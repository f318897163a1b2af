package store

import (
	"context"
	"database/sql"
	"fmt"
)

// Two of papers' indexes take keys in no order an import writes them in
// (upvotes; title words): each batch dirties pages all over both, and
// rewriting those pages was a third of a 100k import's log (1.48 GB of
// writes against 1.01 GB without them). An import into an empty library
// drops them with its first batch and builds each once with its last,
// from sorted keys (0.3 s at 100,000 papers), so a library is never
// without them once an import has ended, unless building them failed
// too (a full disk) or the process was killed mid-import: Open builds
// them then, when it can (ensureIndexes). A sync of months into an
// empty library drops them too, and builds them when it ends
// (syncMonths).
//
// The statements are the migrations' own (0001, 0006), which stay as
// they were written; TestDeferredIndexesMatchMigrations compares the two.
var deferredIndexes = []struct{ name, create string }{
	{"papers_by_upvotes", `CREATE INDEX IF NOT EXISTS papers_by_upvotes ON papers(upvotes DESC)`},
	{"papers_by_title_length", `CREATE INDEX IF NOT EXISTS papers_by_title_length ON papers(title_key, length(title), day)`},
}

// dropDeferredIndexes drops the deferred indexes when the library holds
// no papers yet, and says whether it did.
func dropDeferredIndexes(ctx context.Context, tx *sql.Tx) (bool, error) {
	var empty bool
	if err := tx.QueryRowContext(ctx, `SELECT NOT EXISTS (SELECT 1 FROM papers)`).Scan(&empty); err != nil || !empty {
		return false, err
	}
	for _, ix := range deferredIndexes {
		if _, err := tx.ExecContext(ctx, `DROP INDEX IF EXISTS `+ix.name); err != nil {
			return false, fmt.Errorf("drop index %s: %w", ix.name, err)
		}
	}
	return true, nil
}

// buildDeferredIndexes builds the deferred indexes the library lacks.
func buildDeferredIndexes(ctx context.Context, tx *sql.Tx) error {
	for _, ix := range deferredIndexes {
		if _, err := tx.ExecContext(ctx, ix.create); err != nil {
			return fmt.Errorf("build index %s: %w", ix.name, err)
		}
	}
	return nil
}

// ensureIndexes builds the deferred indexes when a killed import left
// them missing: one look at the schema when they are there. It is best
// effort and never waits: the library reads the same without them, only
// slower. A writer holding the library is most likely the import that
// dropped them, which builds them with its last batch, and a command
// that only reads must not wait out busy_timeout for it and then fail
// as busy; nor may a full disk keep a library that reads from opening.
// The next Open tries again.
func (s *Store) ensureIndexes(ctx context.Context) {
	if missing, err := missingIndexes(ctx, s.db); err != nil || len(missing) == 0 {
		return
	}
	conn, err := s.db.Conn(ctx)
	if err != nil {
		return
	}
	defer conn.Close()
	if _, err := conn.ExecContext(ctx, "PRAGMA busy_timeout = 0"); err != nil {
		return
	}
	defer conn.ExecContext(ctx, fmt.Sprintf("PRAGMA busy_timeout = %d", busyTimeout))
	runTx(ctx, conn, func(tx *sql.Tx) error { return buildDeferredIndexes(ctx, tx) })
}

// missingIndexes names the deferred indexes the library lacks: one look
// at the schema.
func missingIndexes(ctx context.Context, db *sql.DB) ([]string, error) {
	rows, err := db.QueryContext(ctx, `SELECT name FROM sqlite_schema WHERE type = 'index'`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	have := map[string]bool{}
	for rows.Next() {
		var name string
		if err := rows.Scan(&name); err != nil {
			return nil, err
		}
		have[name] = true
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	var missing []string
	for _, ix := range deferredIndexes {
		if !have[ix.name] {
			missing = append(missing, ix.name)
		}
	}
	return missing, nil
}
