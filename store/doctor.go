package store

import (
	"context"
	"database/sql"
	"fmt"
	"os"

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
	if err != nil {
		c.problem("cannot read the library: %v", err)
		return c
	}
	c.SizeBytes = info.Size()
	if wal, err := os.Stat(path + "-wal"); err == nil {
		c.WALBytes = wal.Size()
	}
	if err := checkHeader(path); err != nil && info.Size() > 0 {
		c.problem("%v", err)
		return c
	}
	db, err := sql.Open("sqlite", readDSN(path))
	if err != nil {
		c.problem("cannot open: %v", err)
		return c
	}
	defer db.Close()
	c.examine(ctx, db)
	return c
}

func (c *Checkup) problem(format string, args ...any) {
	c.Problems = append(c.Problems, fmt.Sprintf(format, args...))
}

func (c *Checkup) examine(ctx context.Context, db *sql.DB) {
	if err := db.QueryRowContext(ctx, "PRAGMA user_version").Scan(&c.SchemaVersion); err != nil {
		c.problem("cannot read the schema version: %v", err)
		return
	}
	if c.SchemaVersion > c.KnownVersion {
		c.problem("written by a newer papers (schema %d, this papers knows %d): upgrade papers", c.SchemaVersion, c.KnownVersion)
		return
	}
	if err := db.QueryRowContext(ctx, "PRAGMA integrity_check").Scan(&c.Integrity); err != nil {
		c.problem("integrity check could not run: %v", err)
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
	c.examineTexts(ctx, db) // texts.go
}

// examineIndex compares the papers with the full-text index's documents.
func (c *Checkup) examineIndex(ctx context.Context, db *sql.DB) {
	var missing, orphans int
	err := db.QueryRowContext(ctx, `SELECT
		(SELECT count(*) FROM papers), (SELECT count(*) FROM papers_fts_docsize),
		(SELECT count(*) FROM queue), (SELECT count(*) FROM read_marks),
		(SELECT count(*) FROM papers p WHERE NOT EXISTS (SELECT 1 FROM papers_fts_docsize d WHERE d.id = p.pid)),
		(SELECT count(*) FROM papers_fts_docsize d WHERE NOT EXISTS (SELECT 1 FROM papers p WHERE p.pid = d.id))`).
		Scan(&c.Papers, &c.Indexed, &c.Queued, &c.Read, &missing, &orphans)
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
