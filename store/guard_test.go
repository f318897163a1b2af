//go:build unix

package store

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// TestOddLibraryPathsRefusedAtOnce: a library is a regular file or
// nothing; anything else is refused naming it, by Open and by Check.
func TestOddLibraryPathsRefusedAtOnce(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "fifo")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Fatal(err)
	}
	// Hold the FIFO open with something in it, so a broken Open reads
	// garbage instead of hanging the test.
	hold, err := os.OpenFile(fifo, os.O_RDWR, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer hold.Close()
	hold.Write(bytes.Repeat([]byte("x"), 100))
	paths := map[string]string{fifo: "pipe", dir: "directory", os.DevNull: "device"}
	for _, p := range []string{"/dev/zero", "/proc/self/status"} {
		if _, err := os.Stat(p); err == nil {
			paths[p] = "not a library file"
		}
	}
	for p, want := range paths {
		s, err := Open(p)
		if err == nil {
			s.Close()
			t.Errorf("Open(%s) succeeded", p)
			continue
		}
		if !strings.Contains(err.Error(), p) || !strings.Contains(err.Error(), want) {
			t.Errorf("Open(%s): %v, want it named and called %q", p, err, want)
		}
		ck := Check(context.Background(), p)
		if len(ck.Problems) != 1 || !strings.Contains(ck.Problems[0], want) || ck.Integrity == "ok" {
			t.Errorf("Check(%s): integrity %q, problems %q", p, ck.Integrity, ck.Problems)
		}
	}
}

func fileBytes(t *testing.T, paths ...string) []byte {
	var all []byte
	for _, p := range paths {
		b, _ := os.ReadFile(p)
		all = append(all, b...)
		all = append(all, 0xff)
	}
	return all
}

// TestForeignSQLiteRefusedUntouched: someone else's database is neither
// called an older library nor given our tables.
func TestForeignSQLiteRefusedUntouched(t *testing.T) {
	for name, schema := range map[string]string{
		"foreign":             `CREATE TABLE accounts(id INTEGER PRIMARY KEY, owner TEXT); INSERT INTO accounts(owner) VALUES('me')`,
		"foreign with papers": `CREATE TABLE papers(x); PRAGMA user_version = 0`,
		"foreign versioned":   `CREATE TABLE notes(x); PRAGMA user_version = 1`,
	} {
		t.Run(name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "other.db")
			db, err := sql.Open("sqlite", path)
			if err != nil {
				t.Fatal(err)
			}
			if _, err := db.Exec(schema); err != nil {
				t.Fatal(err)
			}
			db.Close()
			before := fileBytes(t, path, path+"-wal")
			if s, err := Open(path); err == nil || !strings.Contains(err.Error(), "not a papers library") {
				if s != nil {
					s.Close()
				}
				t.Errorf("Open: %v", err)
			}
			ck := Check(context.Background(), path)
			if len(ck.Problems) == 0 || !strings.Contains(ck.Problems[0], "not a papers library") {
				t.Errorf("Check: %q", ck.Problems)
			}
			if !bytes.Equal(before, fileBytes(t, path, path+"-wal")) {
				t.Error("the file was changed")
			}
		})
	}
}

// TestEmptyLibraryWithALogRefused: a 0-byte library beside a log that
// holds data is not started over.
func TestEmptyLibraryWithALogRefused(t *testing.T) {
	path := filepath.Join(t.TempDir(), "papers.db")
	os.WriteFile(path, nil, 0o644)
	os.WriteFile(path+"-wal", bytes.Repeat([]byte{0x37, 0x7f, 0x06, 0x82}, 2000), 0o644)
	before := fileBytes(t, path, path+"-wal")
	if s, err := Open(path); err == nil || !strings.Contains(err.Error(), "write-ahead log") {
		if s != nil {
			s.Close()
		}
		t.Errorf("Open: %v", err)
	}
	if ck := Check(context.Background(), path); len(ck.Problems) == 0 {
		t.Error("Check found nothing wrong")
	}
	if !bytes.Equal(before, fileBytes(t, path, path+"-wal")) {
		t.Error("the files were changed")
	}
	// An empty file alone is still a new library.
	alone := filepath.Join(t.TempDir(), "papers.db")
	os.WriteFile(alone, nil, 0o644)
	s, err := Open(alone)
	if err != nil {
		t.Fatalf("empty file without a log: %v", err)
	}
	s.Close()
}

func TestOpenExistingNeverCreates(t *testing.T) {
	path := filepath.Join(t.TempDir(), "sub", "papers.db")
	if _, err := OpenExisting(path); !errors.Is(err, ErrNoLibrary) || !strings.Contains(err.Error(), "papers sync") {
		t.Errorf("err %v", err)
	}
	if _, err := os.Stat(filepath.Dir(path)); err == nil {
		t.Error("OpenExisting made the folder")
	}
}

// TestCheckCountsWhatStillReads: on damaged pages doctor says how many
// papers still read and how to save them, never "0 papers".
func TestCheckCountsWhatStillReads(t *testing.T) {
	path, _ := damage(t, synthLibrary(t, 300)) // doctor_test.go
	ck := Check(context.Background(), path)
	if ck.Papers == 0 {
		t.Errorf("papers 0 in a damaged library: %+v", ck)
	}
	joined := strings.Join(ck.Problems, "\n")
	if !strings.Contains(joined, "still read") || !strings.Contains(joined, "export") || !strings.Contains(joined, path) {
		t.Errorf("problems %q: want what reads and how to save it", ck.Problems)
	}
	// The advice is copied as printed, so it names this library, not the
	// default one.
	if !strings.Contains(joined, "papers --db "+shellWord(path)+" export --rescue") {
		t.Errorf("problems %q: the rescue advice does not name the library", ck.Problems)
	}
}

func TestShellWord(t *testing.T) {
	for in, want := range map[string]string{
		"/tmp/lib.db":   "/tmp/lib.db",
		"/my papers.db": "'/my papers.db'",
		"it's.db":       `'it'\''s.db'`,
		"":              "''",
		"/a/$HOME/x.db": "'/a/$HOME/x.db'",
	} {
		if got := shellWord(in); got != want {
			t.Errorf("shellWord(%q) = %s, want %s", in, got, want)
		}
	}
}

// TestFullDiskReadsSayTheDiskIsFull: on a full disk even opening to read
// says the disk is full, not "disk I/O error (4874)".
func TestFullDiskReadsSayTheDiskIsFull(t *testing.T) {
	dir := smallDisk(t, "4M")
	path := filepath.Join(dir, "papers.db")
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	s.db.Exec("PRAGMA wal_checkpoint(TRUNCATE)")
	s.Close()
	os.Remove(path + "-shm")
	os.Remove(path + "-wal")
	fill, _ := os.Create(filepath.Join(dir, "fill"))
	buf := make([]byte, 64<<10)
	for {
		if _, err := fill.Write(buf); err != nil {
			break
		}
	}
	fill.Close()
	if s, err := Open(path); err == nil {
		s.Close() // opening may succeed where nothing needs writing
	} else if !strings.Contains(err.Error(), "disk is full") || !strings.Contains(err.Error(), path) {
		t.Errorf("Open: %v", err)
	}
	for _, p := range Check(context.Background(), path).Problems {
		if !strings.Contains(p, "disk is full") {
			t.Errorf("Check: %q", p)
		}
	}
}

func TestReadOnlyReasonNamesWhatCannotBeWritten(t *testing.T) {
	path := "/lib/papers.db"
	only := func(ok ...string) func(string) bool {
		return func(p string) bool {
			for _, o := range ok {
				if o == p {
					return true
				}
			}
			return false
		}
	}
	if got := readOnlyReason(path, only(path)); !strings.Contains(got, "folder /lib cannot be written") {
		t.Errorf("folder read-only: %q", got)
	}
	if got := readOnlyReason(path, only("/lib")); !strings.Contains(got, "the file cannot be written") {
		t.Errorf("file read-only: %q", got)
	}
}

func TestExplainNeverBare(t *testing.T) {
	s := synthLibrary(t, 10)
	_, err := s.db.Exec("SELECT * FROM no_such_table")
	got := explain(s.Path(), err).Error()
	if !strings.Contains(got, s.Path()) || !strings.Contains(got, "papers doctor") {
		t.Errorf("explain: %q", got)
	}
}

// TestEmptyFileIsNoLibrary: a 0-byte file is no library: a read-only
// command does not make one there (it grew to 736 KiB), and doctor says
// so instead of "no problems found".
func TestEmptyFileIsNoLibrary(t *testing.T) {
	path := filepath.Join(t.TempDir(), "e.db")
	if err := os.WriteFile(path, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := OpenExisting(path); !errors.Is(err, ErrNoLibrary) {
		t.Errorf("OpenExisting of an empty file: %v", err)
	}
	if info, _ := os.Stat(path); info.Size() != 0 {
		t.Errorf("the empty file grew to %d bytes", info.Size())
	}
	if ck := Check(context.Background(), path); len(ck.Problems) == 0 {
		t.Error("doctor finds no problem with an empty file")
	}
	s, err := Open(path) // sync, import and add make one there
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
}
