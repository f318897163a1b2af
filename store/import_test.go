package store

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/papertui/papers/feed"
	"github.com/papertui/papers/feed/synth"
)

var importStart = time.Date(2026, 1, 5, 0, 0, 0, 0, time.UTC)

// contents is what a library holds of its papers and words, without the
// times of the writes.
func contents(t *testing.T, s *Store) string {
	t.Helper()
	var b strings.Builder
	rows, err := s.db.Query(`SELECT pid, id, title, title_key, authors, hidden, published, coalesce(day, ''),
		upvotes, comments, github_repo, github_stars, project_page, ai_summary, ai_keywords, organization,
		thumbnail, submitter, withdrawn_at, hex(raw), text_hash FROM papers ORDER BY pid`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	cols, _ := rows.Columns()
	vals := make([]any, len(cols))
	ptrs := make([]any, len(cols))
	for i := range vals {
		ptrs[i] = &vals[i]
	}
	for rows.Next() {
		if err := rows.Scan(ptrs...); err != nil {
			t.Fatal(err)
		}
		fmt.Fprintln(&b, vals...)
	}
	terms, err := s.db.Query(`SELECT term, docs FROM terms ORDER BY term`)
	if err != nil {
		t.Fatal(err)
	}
	defer terms.Close()
	for terms.Next() {
		var term string
		var docs int
		terms.Scan(&term, &docs)
		fmt.Fprintln(&b, term, docs)
	}
	return b.String()
}

func ftsConfig(t *testing.T, s *Store) string {
	t.Helper()
	rows, err := s.db.Query(`SELECT k, v FROM papers_fts_config ORDER BY k`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var b strings.Builder
	for rows.Next() {
		var k, v string
		rows.Scan(&k, &v)
		fmt.Fprintf(&b, "%s=%s ", k, v)
	}
	return b.String()
}

// Import splits its input into batches, holds a bounded number of bytes,
// and prepares files on several goroutines: none of that may change what
// lands, compared with saving each file's papers on its own.
func TestImportMatchesSavingFileByFile(t *testing.T) {
	defer func(budget, first, most int) {
		importBudget, importBatch, maxImportBatch = budget, first, most
	}(importBudget, importBatch, maxImportBatch)
	// A budget smaller than some files, and batches of a few files.
	importBudget, importBatch, maxImportBatch = 64<<10, 20, 80
	days := synth.Days(600, 7, importStart)
	ctx := context.Background()

	imported := openTemp(t)
	before := ftsConfig(t, imported)
	var reported []string
	files := make([]ImportFile, len(days))
	for i, d := range days {
		files[i] = ImportFile{Name: d.Date, Day: d.Date, Read: func() ([]byte, error) { return d.Body, nil }}
	}
	files = append(files, ImportFile{Name: "broken", Read: func() ([]byte, error) { return []byte("{"), nil }})
	err := imported.Import(ctx, files, func(r FileResult) {
		if r.Name != "broken" && r.Err != nil {
			t.Errorf("%s: %v", r.Name, r.Err)
		}
		reported = append(reported, r.Name)
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(reported) != len(files) || reported[len(reported)-1] != "broken" {
		t.Fatalf("reported %d files (last %q), want %d in order", len(reported), reported[len(reported)-1], len(files))
	}
	for i, name := range reported[:len(days)] {
		if name != days[i].Date {
			t.Fatalf("file %d reported as %s, want %s: reports out of order", i, name, days[i].Date)
		}
	}

	saved := openTemp(t)
	for _, d := range days {
		ps, _, err := feed.DecodeDocument(d.Body, d.Date)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := saved.SavePapers(ctx, ps); err != nil {
			t.Fatal(err)
		}
	}
	if got, want := contents(t, imported), contents(t, saved); got != want {
		t.Error("an import and file-by-file saves of the same files differ")
	}
	if after := ftsConfig(t, imported); after != before {
		t.Errorf("the import left the full-text settings %q, were %q", after, before)
	}
	checkIntegrity(t, imported)
}

// An import that is stopped keeps the files it reported and a sound
// library, and leaves no goroutine waiting on the budget.
func TestImportCancelledMidway(t *testing.T) {
	defer func(budget, first, most int) {
		importBudget, importBatch, maxImportBatch = budget, first, most
	}(importBudget, importBatch, maxImportBatch)
	importBudget, importBatch, maxImportBatch = 64<<10, 20, 20
	days := synth.Days(400, 9, importStart)
	s := openTemp(t)
	before := ftsConfig(t, s)
	ctx, cancel := context.WithCancel(context.Background())
	files := make([]ImportFile, len(days))
	for i, d := range days {
		files[i] = ImportFile{Name: d.Date, Day: d.Date, Read: func() ([]byte, error) { return d.Body, nil }}
	}
	n := 0
	err := s.Import(ctx, files, func(r FileResult) {
		n += r.Imported
		if n > 100 {
			cancel()
		}
	})
	if err == nil {
		t.Fatal("a cancelled import reported success")
	}
	var held int
	s.db.QueryRow(`SELECT count(*) FROM papers`).Scan(&held)
	if held < n {
		t.Errorf("reported %d papers imported, the library holds %d", n, held)
	}
	if after := ftsConfig(t, s); after != before {
		t.Errorf("the stopped import left the full-text settings %q, were %q", after, before)
	}
	checkIntegrity(t, s)
}

// crashChildImport imports synthetic days, printing each file once its
// batch is committed.
func crashChildImport() {
	s, err := Open(os.Getenv("PAPERS_CRASH_DB"))
	if err != nil {
		fmt.Println("open:", err)
		os.Exit(3)
	}
	importBatch, maxImportBatch = 50, 200
	days := synth.Days(3000, 5, importStart)
	files := make([]ImportFile, len(days))
	for i, d := range days {
		files[i] = ImportFile{Name: d.Date, Day: d.Date, Read: func() ([]byte, error) { return d.Body, nil }}
	}
	err = s.Import(context.Background(), files, func(r FileResult) {
		if r.Err == nil {
			fmt.Printf("file %s %d\n", r.Name, r.Imported)
		}
	})
	if err != nil {
		fmt.Println("import:", err)
	}
	os.Exit(0)
}

// A killed import leaves a sound library holding every file it reported.
func TestCrashDuringImport(t *testing.T) {
	if testing.Short() {
		t.Skip("kills many child processes")
	}
	path := filepath.Join(t.TempDir(), "papers.db")
	env := []string{"PAPERS_CRASH_CHILD=import", "PAPERS_CRASH_DB=" + path}
	for round := 0; round < 6; round++ {
		os.Remove(path)
		os.Remove(path + "-wal")
		os.Remove(path + "-shm")
		reported := runAndKill(t, env, 3*time.Second)
		s, err := Open(path)
		if err != nil {
			t.Fatalf("round %d: reopen after kill: %v", round, err)
		}
		checkIntegrity(t, s)
		for _, line := range reported {
			var day string
			var n int
			if _, err := fmt.Sscanf(line, "file %s %d", &day, &n); err != nil {
				continue
			}
			var held int
			if err := s.db.QueryRow(`SELECT count(*) FROM papers WHERE day = ?`, day).Scan(&held); err != nil && err != sql.ErrNoRows {
				t.Fatal(err)
			}
			if held < n {
				t.Errorf("round %d: %s reported %d papers imported, the library holds %d", round, day, n, held)
			}
		}
		s.Close()
	}
}

// The import turns the writer's automatic checkpoints off while its own
// checkpointer copies the log; every connection the pool hands out after
// it must checkpoint by itself again, or the log of later writes would
// grow without end.
func TestImportLeavesAutomaticCheckpointsOn(t *testing.T) {
	defer func(first, most int) { importBatch, maxImportBatch = first, most }(importBatch, maxImportBatch)
	importBatch, maxImportBatch = 20, 40 // many commits, many checkpoints asked for
	s := openTemp(t)
	importDays(t, s, synth.Days(300, 7, importStart))
	ctx := context.Background()
	var conns []*sql.Conn
	for range 4 { // the pool's size: every connection it holds
		c, err := s.db.Conn(ctx)
		if err != nil {
			t.Fatal(err)
		}
		defer c.Close()
		conns = append(conns, c)
	}
	for i, c := range conns {
		var pages int
		if err := c.QueryRowContext(ctx, "PRAGMA wal_autocheckpoint").Scan(&pages); err != nil {
			t.Fatal(err)
		}
		if pages != autoCheckpointPages {
			t.Errorf("connection %d checkpoints every %d pages after an import, want %d", i, pages, autoCheckpointPages)
		}
	}
}

// Two imports at once, or one killed midway, leave the import's own
// full-text buffer size set when the next import starts: that import must
// not take it for the library's setting and keep it for good.
func TestImportDoesNotKeepAnotherImportsHashSize(t *testing.T) {
	s := openTemp(t)
	before := ftsConfig(t, s)
	if _, err := s.db.Exec(`INSERT INTO papers_fts(papers_fts, rank) VALUES('hashsize', ?)`, importHashSize); err != nil {
		t.Fatal(err)
	}
	importDays(t, s, synth.Days(50, 3, importStart))
	if after := ftsConfig(t, s); after != before {
		t.Errorf("after an import that found another's setting: %q, want the library's own %q", after, before)
	}
}
