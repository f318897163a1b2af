package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io/fs"
	"os"
)

// IDMatch is a paper id offered by shell completion, with its title.
type IDMatch struct {
	ID    string
	Title string
}

// CompleteIDs lists up to limit papers whose id starts with prefix, newest
// id first, for shell completion. It opens the library read-only and never
// creates or migrates it: a missing file or an unreadable one gives no
// matches. The id index answers in a range scan, whatever the library's
// size.
func CompleteIDs(ctx context.Context, path, prefix string, limit int) ([]IDMatch, error) {
	db, err := openForCompletion(path)
	if db == nil {
		return nil, err
	}
	defer db.Close()
	var rows *sql.Rows
	if prefix == "" {
		rows, err = db.QueryContext(ctx, `SELECT id, title FROM papers ORDER BY id DESC LIMIT ?`, limit)
	} else {
		rows, err = db.QueryContext(ctx, `SELECT id, title FROM papers WHERE id >= ? AND id < ? ORDER BY id DESC LIMIT ?`,
			prefix, prefixEnd(prefix), limit)
	}
	return scanMatches(path, rows, err)
}

// CompleteQueuedIDs lists up to limit queued papers whose id starts with
// prefix, in the queue's order: what queue rm, done and move take.
func CompleteQueuedIDs(ctx context.Context, path, prefix string, limit int) ([]IDMatch, error) {
	db, err := openForCompletion(path)
	if db == nil {
		return nil, err
	}
	defer db.Close()
	rows, err := db.QueryContext(ctx, `SELECT p.id, p.title FROM queue q JOIN papers p ON p.id = q.id
		WHERE q.id >= ? AND q.id < ? ORDER BY q.position LIMIT ?`, prefix, prefixEnd(prefix), limit)
	return scanMatches(path, rows, err)
}

// scanMatches reads the (id, title) rows of a completion query.
func scanMatches(path string, rows *sql.Rows, err error) ([]IDMatch, error) {
	if err != nil {
		return nil, fmt.Errorf("complete ids in %s: %w", path, err)
	}
	defer rows.Close()
	var out []IDMatch
	for rows.Next() {
		var m IDMatch
		if err := rows.Scan(&m.ID, &m.Title); err != nil {
			return nil, fmt.Errorf("complete ids in %s: %w", path, err)
		}
		out = append(out, m)
	}
	return out, rows.Err()
}

// Names shell completion offers for a flag's value.
type NameKind int

const (
	TagNames    NameKind = iota // tags carried by a paper
	FollowNames                 // followed searches
)

// CompleteNames lists up to limit tag or followed-search names starting
// with prefix, in order, for shell completion; read-only, as CompleteIDs.
func CompleteNames(ctx context.Context, path string, kind NameKind, prefix string, limit int) ([]string, error) {
	db, err := openForCompletion(path)
	if db == nil {
		return nil, err
	}
	defer db.Close()
	q := `SELECT DISTINCT tag FROM tags WHERE tag >= ? AND tag < ? ORDER BY tag LIMIT ?` // tags_by_tag: a range scan
	if kind == FollowNames {
		q = `SELECT name FROM follows WHERE name >= ? AND name < ? ORDER BY name LIMIT ?`
	}
	names, err := collect[string](db.QueryContext(ctx, q, prefix, prefixEnd(prefix), limit))
	if err != nil {
		return nil, fmt.Errorf("complete names in %s: %w", path, err)
	}
	return names, nil
}

// openForCompletion opens path read-only; nil, without an error, when
// there is no library there: completion never creates one.
func openForCompletion(path string) (*sql.DB, error) {
	if _, err := os.Stat(path); errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	db, err := sql.Open("sqlite", readDSN(path))
	if err != nil {
		return nil, fmt.Errorf("open library %s: %w", path, err)
	}
	return db, nil
}

// prefixEnd is the least string greater than every string starting with
// prefix (ids are ASCII; a prefix of 0xff bytes has no end, so it gets a
// bound no id reaches).
func prefixEnd(prefix string) string {
	b := []byte(prefix)
	for i := len(b) - 1; i >= 0; i-- {
		if b[i] < 0xff {
			b[i]++
			return string(b[:i+1])
		}
	}
	return prefix + "\xff"
}
