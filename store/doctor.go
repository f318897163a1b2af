package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io/fs"
	"math"
	"os"
	"strings"

	"github.com/papertui/papers/internal/english"
)

// Checkup is what Check found in a library.
type Checkup struct {
	Path          string   `json:"path"`
	SizeBytes     int64    `json:"size_bytes"`
	WALBytes      int64    `json:"wal_bytes"`
	SchemaVersion int      `json:"schema_version"`
	KnownVersion  int      `json:"known_version"`
	Integrity     string   `json:"integrity"`
	Papers        int      `json:"papers"`
	Indexed       int      `json:"indexed"`
	Queued        int      `json:"queued"`
	Read          int      `json:"read"`
	FullTexts     int      `json:"full_texts"`
	Problems      []string `json:"problems"`
}

// Check examines the library at path without changing it: the file, its
// schema version, SQLite's integrity check, and whether the full-text index
// holds exactly the stored papers.
func Check(ctx context.Context, path string) Checkup {
	c := Checkup{Path: path, KnownVersion: len(migrations()), Problems: []string{}}
	info, err := os.Stat(path)
	if errors.Is(err, fs.ErrNotExist) {
		c.problem("cannot read the library: there is none at %s: run `papers sync` (or `papers import FILE…`) to make one", path)
		return c
	}
	if err != nil {
		c.problem("cannot read the library: %v", err)
		return c
	}
	if err := checkKind(path, info); err != nil {
		c.problem("%v", err)
		return c
	}
	c.SizeBytes = info.Size()
	c.WALBytes = logBytes(path)
	if info.Size() == 0 {
		if err := checkEmptyWithLog(path); err != nil {
			c.problem("%v", err)
		} else {
			c.problem("%s is an empty file (0 bytes), not a papers library: `papers sync` makes one there", path)
		}
		return c
	}
	if err := checkHeader(path); err != nil {
		c.problem("%v", err)
		return c
	}
	db, err := sql.Open("sqlite", readDSN(path))
	if err != nil {
		c.problem("cannot open: %v", err)
		return c
	}
	defer db.Close()
	if err := checkForeign(path, db); err != nil {
		c.problem("%v", err)
		return c
	}
	c.examine(ctx, db)
	return c
}

func (c *Checkup) problem(format string, args ...any) {
	c.Problems = append(c.Problems, strings.Replace(fmt.Sprintf(format, args...), doctorAdvice, "", 1))
}

func (c *Checkup) examine(ctx context.Context, db *sql.DB) {
	if err := db.QueryRowContext(ctx, "PRAGMA user_version").Scan(&c.SchemaVersion); err != nil {
		c.problem("cannot read the schema version: %v", explain(c.Path, err))
		return
	}
	if c.SchemaVersion > c.KnownVersion {
		c.problem("written by a newer papers (schema %d, this papers knows %d): upgrade papers", c.SchemaVersion, c.KnownVersion)
		return
	}
	if err := db.QueryRowContext(ctx, "PRAGMA integrity_check").Scan(&c.Integrity); err != nil {
		c.problem("integrity check could not run: %v", explain(c.Path, err))
		return
	}
	if c.Integrity != "ok" {
		c.problem("SQLite integrity check: %s", c.Integrity)
	}
	if c.SchemaVersion < c.KnownVersion {
		c.problem("schema %d is older than %d: opening it with papers upgrades it", c.SchemaVersion, c.KnownVersion)
		return
	}
	c.examineIndex(ctx, db)
	c.examineTexts(ctx, db)                                                      // texts.go
	if missing, err := missingIndexes(ctx, db); err == nil && len(missing) > 0 { // deferindex.go
		c.problem("missing indexes: %s (an import was stopped before its end); lists by upvotes and title searches "+
			"are slower until papers opens the library where it can write, which builds them", strings.Join(missing, ", "))
	}
}

// examineIndex compares the papers with the full-text index's documents.
// Each count is asked on its own, so damage in one table (or the index)
// does not hide what the others still hold.
func (c *Checkup) examineIndex(ctx context.Context, db *sql.DB) {
	counts := []struct {
		what string
		n    *int
		sql  string
	}{
		{"papers", &c.Papers, `SELECT count(*) FROM papers`},
		{"full-text index", &c.Indexed, `SELECT count(*) FROM papers_fts_docsize`},
		{"queue", &c.Queued, `SELECT count(*) FROM queue`},
		{"read marks", &c.Read, `SELECT count(*) FROM read_marks`},
	}
	var unreadable []string
	for _, q := range counts {
		if err := db.QueryRowContext(ctx, q.sql).Scan(q.n); err != nil {
			unreadable = append(unreadable, q.what)
		}
	}
	if c.Integrity != "ok" || len(unreadable) > 0 {
		c.damaged(ctx, db, unreadable)
		return
	}
	var missing, orphans int
	err := db.QueryRowContext(ctx, `SELECT
		(SELECT count(*) FROM papers p WHERE NOT EXISTS (SELECT 1 FROM papers_fts_docsize d WHERE d.id = p.pid)),
		(SELECT count(*) FROM papers_fts_docsize d WHERE NOT EXISTS (SELECT 1 FROM papers p WHERE p.pid = d.id))`).
		Scan(&missing, &orphans)
	if err != nil {
		c.problem("cannot compare papers and the full-text index: %v", err)
		return
	}
	if missing > 0 || orphans > 0 {
		c.problem("full-text index out of step: %s not indexed, %s without a paper",
			english.Count(missing, "paper"), english.Count(orphans, "index entry"))
	}
	var lost int
	db.QueryRowContext(ctx, `SELECT count(*) FROM queue q WHERE NOT EXISTS (SELECT 1 FROM papers p WHERE p.id = q.id)`).Scan(&lost)
	if lost > 0 {
		c.problem("%s missing from the library", english.Count(lost, "queued paper"))
	}
}

// damaged says what of a damaged library still reads and how to save it.
func (c *Checkup) damaged(ctx context.Context, db *sql.DB, unreadable []string) {
	readable := c.readablePapers(ctx, db)
	msg := fmt.Sprintf("the library %s is damaged: %d papers still read", c.Path, readable)
	if len(unreadable) > 0 {
		msg += fmt.Sprintf(" (could not read: %s)", joinWords(unreadable))
	}
	// The advice is copied as it stands: it names the library, which is
	// not always the default one.
	lib := "--db " + shellWord(c.Path)
	c.problem("%s; save what reads before anything else: `papers %s queue --json > queue.json` and "+
		"`papers %s export --rescue --format json -o rescue.json` (or, with the sqlite3 tool, `sqlite3 %s .recover > rescue.sql`), "+
		"then move the library aside and run `papers %s sync`", msg, lib, lib, shellWord(c.Path), lib)
	if readable > c.Papers {
		c.Papers = readable
	}
}

// shellWord is s as one word of a POSIX shell: quoted when it holds more
// than letters, digits and /._-+,:@%.
func shellWord(s string) string {
	if s != "" && strings.Trim(s, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789/._-+,:@%") == "" {
		return s
	}
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}

// readablePapers counts the papers that can be read one by one.
func (c *Checkup) readablePapers(ctx context.Context, db *sql.DB) int {
	n := 0
	walkReadable(ctx, db, func(int64) { n++ })
	return n
}

// walkReadable visits, in rowid order, each paper whose row still reads,
// stepping over a damaged stretch. A damaged page answers "the next rowid
// after X" with an error, or with one at or before X, again and again:
// the walk then skips ahead, twice as far each time, instead of stopping
// there or asking a million times for the same rows.
func walkReadable(ctx context.Context, db *sql.DB, visit func(pid int64)) {
	after, stride := int64(-1<<62), int64(1)
	for range 1 << 26 { // each step moves after forward; this only bounds a bug
		var pid int64
		err := db.QueryRowContext(ctx, `SELECT pid FROM papers WHERE pid > ? ORDER BY pid LIMIT 1`, after).Scan(&pid)
		switch {
		case errors.Is(err, sql.ErrNoRows), ctx.Err() != nil:
			return
		case err != nil:
			pid = after // damaged here: skip as below
		}
		if pid <= after { // the walk went back, or the page is damaged: skip over it
			if after > math.MaxInt64-stride {
				break
			}
			after += stride
			stride = min(stride*2, math.MaxInt64/4)
			continue
		}
		stride = 1
		var id string
		if db.QueryRowContext(ctx, `SELECT id FROM papers WHERE pid = ?`, pid).Scan(&id) == nil {
			visit(pid)
		}
		after = pid
	}
}

func joinWords(ws []string) string {
	switch len(ws) {
	case 0:
		return ""
	case 1:
		return ws[0]
	}
	return strings.Join(ws[:len(ws)-1], ", ") + " and " + ws[len(ws)-1]
}
