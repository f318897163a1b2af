package store

import (
	"context"
	"database/sql"
	"maps"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/papertui/papers/feed/synth"
)

// indexSQL is the schema's statement of each deferred index, "" for one
// the library lacks.
func indexSQL(t *testing.T, db *sql.DB) map[string]string {
	t.Helper()
	got := map[string]string{}
	for _, ix := range deferredIndexes {
		var text string
		err := db.QueryRow(`SELECT sql FROM sqlite_schema WHERE type = 'index' AND name = ?`, ix.name).Scan(&text)
		if err != nil && err != sql.ErrNoRows {
			t.Fatal(err)
		}
		got[ix.name] = text
	}
	return got
}

// The indexes an import builds are the ones the migrations made.
func TestDeferredIndexesMatchMigrations(t *testing.T) {
	s := openTemp(t)
	migrated := indexSQL(t, s.db)
	for name, text := range migrated {
		if text == "" {
			t.Fatalf("a new library has no index %s", name)
		}
	}
	ctx := context.Background()
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		if dropped, err := dropDeferredIndexes(ctx, tx); err != nil || !dropped {
			t.Fatalf("empty library: dropped %v, %v", dropped, err)
		}
		return buildDeferredIndexes(ctx, tx)
	})
	if err != nil {
		t.Fatal(err)
	}
	if built := indexSQL(t, s.db); !maps.Equal(built, migrated) {
		t.Errorf("built %q, migrations made %q", built, migrated)
	}
}

// importWatching imports days in batches of a few files, and returns the
// deferred indexes the library held when the first batch was reported.
func importWatching(t *testing.T, s *Store, ctx context.Context, days []synth.Day, after func()) (map[string]string, error) {
	t.Helper()
	defer func(first, most int) { importBatch, maxImportBatch = first, most }(importBatch, maxImportBatch)
	importBatch, maxImportBatch = 20, 40
	files := make([]ImportFile, len(days))
	for i, d := range days {
		files[i] = ImportFile{Name: d.Date, Day: d.Date, Read: func() ([]byte, error) { return d.Body, nil }}
	}
	var midway map[string]string
	err := s.Import(ctx, files, func(FileResult) {
		if midway == nil {
			midway = indexSQL(t, s.db)
			if after != nil {
				after()
			}
		}
	})
	return midway, err
}

// Into an empty library the import writes without the two indexes and
// builds them with its last batch; into one holding papers it keeps them.
func TestImportDefersIndexesIntoEmptyLibrary(t *testing.T) {
	s := openTemp(t)
	want := indexSQL(t, s.db)
	midway, err := importWatching(t, s, context.Background(), synth.Days(300, 7, importStart), nil)
	if err != nil {
		t.Fatal(err)
	}
	for name, text := range midway {
		if text != "" {
			t.Errorf("index %s was kept during an import into an empty library", name)
		}
	}
	if got := indexSQL(t, s.db); !maps.Equal(got, want) {
		t.Errorf("after the import: %q, want %q", got, want)
	}
	checkIntegrity(t, s)

	midway, err = importWatching(t, s, context.Background(), synth.Days(300, 7, importStart.AddDate(0, 1, 0)), nil)
	if err != nil {
		t.Fatal(err)
	}
	if !maps.Equal(midway, want) {
		t.Errorf("during an import into a library holding papers: %q, want them kept: %q", midway, want)
	}
}

// A stopped import builds the indexes it dropped before it returns.
func TestCancelledImportBuildsIndexes(t *testing.T) {
	s := openTemp(t)
	want := indexSQL(t, s.db)
	ctx, cancel := context.WithCancel(context.Background())
	midway, err := importWatching(t, s, ctx, synth.Days(400, 9, importStart), cancel)
	if err == nil {
		t.Fatal("a cancelled import reported success")
	}
	if midway[deferredIndexes[0].name] != "" {
		t.Fatal("the indexes were not dropped: the test stopped nothing midway")
	}
	if got := indexSQL(t, s.db); !maps.Equal(got, want) {
		t.Errorf("after a cancelled import: %q, want %q", got, want)
	}
}

// A library left without them (an import killed midway) gets them back
// when it is next opened.
func TestOpenBuildsMissingIndexes(t *testing.T) {
	path := filepath.Join(t.TempDir(), "papers.db")
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	want := indexSQL(t, s.db)
	importDays(t, s, synth.Days(50, 3, importStart))
	dropForTest(t, s)
	s.Close()
	s, err = Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if got := indexSQL(t, s.db); !maps.Equal(got, want) {
		t.Errorf("reopened: %q, want %q", got, want)
	}
}

// dropForTest leaves s without the deferred indexes, as an import into an
// empty library does between its first batch and its last.
func dropForTest(t *testing.T, s *Store) {
	t.Helper()
	var drops []string
	for _, ix := range deferredIndexes {
		drops = append(drops, "DROP INDEX "+ix.name)
	}
	if _, err := s.db.Exec(strings.Join(drops, ";")); err != nil {
		t.Fatal(err)
	}
}

// Another command opening the library while an import into an empty one
// writes a batch (the indexes dropped, the write lock held) opens at once
// and reads, as it did before imports deferred the indexes: it neither
// waits out busy_timeout nor fails with "library is busy".
func TestOpenDuringAnImportsBatch(t *testing.T) {
	path := filepath.Join(t.TempDir(), "papers.db")
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	importDays(t, s, synth.Days(50, 3, importStart))
	dropForTest(t, s)
	tx, err := s.db.Begin() // _txlock=immediate: holds the write lock
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Rollback()
	start := time.Now()
	other, err := Open(path)
	if took := time.Since(start); took > 2*time.Second {
		t.Errorf("Open waited %v for the import's write lock", took.Round(time.Millisecond))
	}
	if err != nil {
		t.Fatalf("Open during an import: %v", err)
	}
	defer other.Close()
	if n, err := other.Count(context.Background(), Filter{}); err != nil || n != 50 {
		t.Errorf("Count = %d, %v; want 50", n, err)
	}
}

// A library left without the indexes on a full disk (an import into an
// empty library that filled it cannot build them as it stops) still
// opens and reads: the indexes only speed queries up.
func TestOpenWithoutIndexesOnAFullDisk(t *testing.T) {
	dir := smallDisk(t, "4M")
	path := filepath.Join(dir, "papers.db")
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close() // keeps the log and its shared memory there
	importDays(t, s, synth.Days(50, 3, importStart))
	dropForTest(t, s)
	if _, err := s.db.Exec("PRAGMA wal_checkpoint(TRUNCATE)"); err != nil {
		t.Fatal(err)
	}
	fill, err := os.Create(filepath.Join(dir, "filler"))
	if err != nil {
		t.Fatal(err)
	}
	chunk := make([]byte, 64<<10)
	for {
		if _, err := fill.Write(chunk); err != nil {
			break
		}
	}
	for {
		if _, err := fill.Write(chunk[:512]); err != nil {
			break
		}
	}
	fill.Close()
	other, err := Open(path)
	if err != nil {
		t.Fatalf("Open on a full disk: %v", err)
	}
	defer other.Close()
	if n, err := other.Count(context.Background(), Filter{}); err != nil || n != 50 {
		t.Errorf("Count = %d, %v; want 50", n, err)
	}
}

// importFirstBatch is an import into s, an empty library, on its own
// bulk connection, that has written its first batch (days[0]) and so
// dropped the deferred indexes; batch(i) prepares days[i] as a batch.
func importFirstBatch(t *testing.T, s *Store, days []synth.Day) (*importWriter, func(i int) []*preparedFile) {
	t.Helper()
	conn, err := s.bulkConn(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.releaseBulkConn(conn) })
	w := &importWriter{s: s, conn: conn, vocab: termCounts{}}
	var tc termCounter
	batch := func(i int) []*preparedFile {
		d := days[i]
		return []*preparedFile{prepareFile(ImportFile{Name: d.Date, Day: d.Date}, d.Body, nil, &tc)}
	}
	w.pending = batch(0)
	if err := w.save(context.Background(), false, false); err != nil {
		t.Fatal(err)
	}
	if !w.deferred {
		t.Fatal("the first batch dropped no index: nothing to put back")
	}
	return w, batch
}

// A stopped import's transaction is rolled back by database/sql, on the
// writer's connection, in a goroutine of its own that watches the
// import's context: that rollback may come after the import returned and
// began to put the library back. It must not undo that: the indexes and
// the full-text setting are back once the import has returned.
func TestStoppedImportRestoresDespiteALateRollback(t *testing.T) {
	s := openTemp(t)
	want, wantConfig := indexSQL(t, s.db), ftsConfig(t, s)
	ctx := context.Background()
	w, _ := importFirstBatch(t, s, synth.Days(50, 3, importStart))
	conn := w.conn
	// The next batch's transaction, stopped, not rolled back yet.
	tx, err := conn.BeginTx(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := tx.Exec(`DELETE FROM papers WHERE pid = -1`); err != nil {
		t.Fatal(err)
	}
	rolledBack := make(chan struct{})
	go func() {
		time.Sleep(100 * time.Millisecond)
		tx.Rollback()
		close(rolledBack)
	}()
	w.restoreOnFailure()
	<-rolledBack
	if got := indexSQL(t, s.db); !maps.Equal(got, want) {
		t.Errorf("after the stopped import: %q, want %q", got, want)
	}
	if got := ftsConfig(t, s); got != wantConfig {
		t.Errorf("the stopped import left the full-text settings %q, were %q", got, wantConfig)
	}
}

// An import whose last batch fails as it commits (the disk full as its
// pages are written) has not put the library back with it: it does so
// as it returns, like any import that stopped before its end.
func TestImportWhoseLastCommitFailsRestores(t *testing.T) {
	s := openTemp(t)
	want, wantConfig := indexSQL(t, s.db), ftsConfig(t, s)
	ctx := context.Background()
	w, batch := importFirstBatch(t, s, synth.Days(100, 3, importStart))
	// A deferred foreign key fails the next transaction that adds a paper
	// at its COMMIT, and only there.
	if _, err := s.db.Exec(`CREATE TABLE commit_fails_parent(id INTEGER PRIMARY KEY);
		CREATE TABLE commit_fails(ref INTEGER REFERENCES commit_fails_parent(id) DEFERRABLE INITIALLY DEFERRED);
		CREATE TRIGGER commit_fails AFTER INSERT ON papers BEGIN INSERT INTO commit_fails VALUES(-1); END`); err != nil {
		t.Fatal(err)
	}
	last := batch(1)
	w.pending = last
	if err := w.save(ctx, true, true); err != nil {
		t.Fatal(err)
	}
	if last[0].result.Err == nil || !strings.Contains(last[0].result.Err.Error(), "FOREIGN KEY") {
		t.Fatalf("the last batch's commit did not fail: %v", last[0].result.Err)
	}
	w.restoreOnFailure()
	if got := indexSQL(t, s.db); !maps.Equal(got, want) {
		t.Errorf("after the import: %q, want %q", got, want)
	}
	if got := ftsConfig(t, s); got != wantConfig {
		t.Errorf("the import left the full-text settings %q, were %q", got, wantConfig)
	}
}

// A damaged library an import was killed in still opens, so that
// `papers export --rescue` (what the damage message and doctor advise)
// can save what reads: building the indexes reads every paper, and
// fails at the damage.
func TestOpenDamagedLibraryWithoutIndexes(t *testing.T) {
	path := filepath.Join(t.TempDir(), "papers.db")
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	importDays(t, s, synth.Days(2000, 3, importStart))
	dropForTest(t, s)
	s.Close()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	for i := len(b) / 3; i < len(b)/3+64<<10 && i < len(b); i++ {
		b[i] = 0x5a // as a bad disk would
	}
	if err := os.WriteFile(path, b, 0o644); err != nil {
		t.Fatal(err)
	}
	s, err = Open(path)
	if err != nil {
		t.Fatalf("Open of a damaged library without the indexes: %v", err)
	}
	s.Close()
}

// doctor names the indexes a stopped import left missing, without
// building them (it changes nothing).
func TestDoctorNamesMissingIndexes(t *testing.T) {
	path := filepath.Join(t.TempDir(), "papers.db")
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	importDays(t, s, synth.Days(50, 3, importStart))
	s.Close()
	if c := Check(context.Background(), path); len(c.Problems) > 0 {
		t.Fatalf("a whole library: %q", c.Problems)
	}
	s, err = Open(path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.db.Exec("DROP INDEX " + deferredIndexes[1].name); err != nil {
		t.Fatal(err)
	}
	s.Close()
	c := Check(context.Background(), path)
	if len(c.Problems) != 1 || !strings.Contains(c.Problems[0], "missing indexes: "+deferredIndexes[1].name+" (") {
		t.Errorf("problems %q, want the missing index named", c.Problems)
	}
}
