//go:build unix

package main

import (
	"bytes"
	"crypto/sha256"
	"errors"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// libraryState is every byte of the library's files, to prove nothing
// touched them.
func libraryState(t *testing.T, db string) [32]byte {
	t.Helper()
	h := sha256.New()
	for _, f := range libraryFiles(db) {
		b, err := os.ReadFile(f)
		if err != nil && !errors.Is(err, fs.ErrNotExist) { // -wal, -shm, -journal come and go
			t.Fatal(err)
		}
		h.Write([]byte(f))
		h.Write(b)
	}
	var sum [32]byte
	copy(sum[:], h.Sum(nil))
	return sum
}

func libraryOf(env []string) string {
	for _, e := range env {
		if v, ok := strings.CutPrefix(e, "PAPERS_DB="); ok {
			return v
		}
	}
	return ""
}

func TestExportNeverWritesOverTheLibrary(t *testing.T) {
	env, _ := importedLibrary(t)
	db := libraryOf(env)
	dir := filepath.Dir(db)
	queued := firstIDs(t, env, 1)
	if r := papers(t, env, "queue", "add", queued[0]); r.code != 0 {
		t.Fatal(r.stderr)
	}
	mustSymlink(t, db, filepath.Join(dir, "link.db"))
	if err := os.Link(db, filepath.Join(dir, "hard.db")); err != nil {
		t.Fatal(err)
	}
	if err := os.Mkdir(filepath.Join(dir, "sub"), 0o755); err != nil {
		t.Fatal(err)
	}
	mustSymlink(t, "../papers.db-wal", filepath.Join(dir, "sub", "wal-link"))
	before := libraryState(t, db)
	for _, o := range []string{
		db, db + "-wal", db + "-shm", db + "-journal",
		filepath.Join(dir, "sub", "..", "papers.db"),
		filepath.Join(dir, ".", "papers.db"),
		filepath.Join(dir, "link.db"),
		filepath.Join(dir, "hard.db"),
		filepath.Join(dir, "sub", "wal-link"),
	} {
		for _, format := range []string{"json", "csv"} {
			r := papers(t, env, "export", "--format", format, "-o", o)
			if r.code != 2 || !strings.Contains(r.stderr, "library") {
				t.Errorf("export -o %s: exit %d, stderr %q", o, r.code, r.stderr)
			}
		}
	}
	if libraryState(t, db) != before {
		t.Fatal("the library's files changed")
	}
	r := papers(t, env, "queue", "--json")
	if r.code != 0 || !strings.Contains(r.stdout, queued[0]) {
		t.Errorf("queue lost: %d %s %s", r.code, r.stdout, r.stderr)
	}
}

func TestExportRelativeSpellingOfTheLibrary(t *testing.T) {
	env, _ := importedLibrary(t)
	db := libraryOf(env)
	before := libraryState(t, db)
	cmd := papersCmd(env, "export", "--format", "json", "-o", "./papers.db")
	cmd.Dir = filepath.Dir(db)
	if err := cmd.Run(); err == nil {
		t.Error("export over ./papers.db succeeded")
	}
	if libraryState(t, db) != before {
		t.Fatal("the library changed")
	}
}

func TestExportRefusesAnotherSQLiteFile(t *testing.T) {
	env, _ := importedLibrary(t)
	other, _ := importedLibrary(t)
	path := libraryOf(other)
	before := libraryState(t, path)
	r := papers(t, env, "export", "--format", "csv", "-o", path)
	if r.code != 2 || !strings.Contains(r.stderr, "SQLite") {
		t.Errorf("exit %d, stderr %q", r.code, r.stderr)
	}
	if libraryState(t, path) != before {
		t.Error("another library was written over")
	}
}

func TestExportKeepsSymlinksAndSpecialFiles(t *testing.T) {
	env, _ := importedLibrary(t)
	dir := t.TempDir()
	real := filepath.Join(dir, "real.bib")
	mustWriteFile(t, real, []byte("old"), 0o600)
	link := filepath.Join(dir, "link.bib")
	mustSymlink(t, "real.bib", link)
	if r := papers(t, env, "export", "--format", "bibtex", "-o", link); r.code != 0 {
		t.Fatalf("export to a symlink: %d %s", r.code, r.stderr)
	}
	if info, err := os.Lstat(link); err != nil || info.Mode()&fs.ModeSymlink == 0 {
		t.Errorf("the symlink was replaced: %v %v", info.Mode(), err)
	}
	if b := mustReadFile(t, real); !bytes.Contains(b, []byte("@")) {
		t.Errorf("the link's target holds %q", b)
	}
	if info, err := os.Stat(real); err != nil || info.Mode().Perm() != 0o600 {
		t.Errorf("mode %v (%v), want the file's own 0600 kept", info, err)
	}

	dangling := filepath.Join(dir, "dangling")
	mustSymlink(t, "made.md", dangling)
	if r := papers(t, env, "export", "--format", "markdown", "-o", dangling); r.code != 0 {
		t.Fatalf("export to a dangling symlink: %d %s", r.code, r.stderr)
	}
	if _, err := os.Stat(filepath.Join(dir, "made.md")); err != nil {
		t.Errorf("the dangling link's target was not created: %v", err)
	}

	fifo := filepath.Join(dir, "fifo")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skip("no FIFOs here:", err)
	}
	got := make(chan []byte)
	go func() {
		b, err := os.ReadFile(fifo)
		if err != nil {
			t.Error(err) // not Fatal: this is not the test's goroutine
		}
		got <- b
	}()
	if r := papers(t, env, "export", "--format", "csv", "-o", fifo); r.code != 0 {
		t.Fatalf("export to a FIFO: %d %s", r.code, r.stderr)
	}
	if info, err := os.Lstat(fifo); err != nil || info.Mode()&fs.ModeNamedPipe == 0 {
		t.Fatalf("the FIFO became %v (%v)", info, err)
	}
	if b := <-got; !bytes.HasPrefix(b, []byte("id,")) {
		t.Errorf("the FIFO's reader got %q", b)
	}

	// A device of our own (as root): never /dev/null itself, which a
	// broken export would replace for the whole machine.
	null := filepath.Join(dir, "null")
	if err := syscall.Mknod(null, syscall.S_IFCHR|0o666, 1<<8|3); err == nil {
		if r := papers(t, env, "export", "--format", "csv", "-o", null); r.code != 0 {
			t.Errorf("export to a device: %d %s", r.code, r.stderr)
		}
		if info, err := os.Lstat(null); err != nil || info.Mode()&fs.ModeCharDevice == 0 {
			t.Errorf("the device became %v (%v)", info, err)
		}
	}
	r := papers(t, env, "export", "--format", "csv", "-o", "/dev/stdout")
	if r.code != 0 || !strings.HasPrefix(r.stdout, "id,") || strings.Contains(r.stderr, ".stdout") {
		t.Errorf("-o /dev/stdout: %d %q %q", r.code, r.stdout, r.stderr)
	}
}

func TestExportRefusesDirectoriesAndMissingFolders(t *testing.T) {
	env, _ := importedLibrary(t)
	dir := t.TempDir()
	for _, o := range []string{dir, filepath.Join(dir, "no", "such", "x.bib")} {
		r := papers(t, env, "export", "--format", "bibtex", "-o", o)
		if r.code != 2 || !strings.Contains(r.stderr, dir) || strings.Contains(r.stderr, ".x.bib.") {
			t.Errorf("-o %s: exit %d, stderr %q", o, r.code, r.stderr)
		}
	}
}

// papersCmd is the command papers() runs, for tests that set more of it.
func papersCmd(env []string, args ...string) *exec.Cmd {
	cmd := exec.Command(papersBin, args...)
	cmd.Env = append(os.Environ(), "PAPERS_API_URL=http://127.0.0.1:1", "PAPERS_ARXIV_URL=http://127.0.0.1:1/api/query")
	cmd.Env = append(cmd.Env, env...)
	return cmd
}

// TestExportOnAFullDisk says the disk is full, leaves the old file whole
// and no temporary file behind.
func TestExportOnAFullDisk(t *testing.T) {
	env, _ := importedLibrary(t)
	dir := t.TempDir()
	if out, err := exec.Command("mount", "-t", "tmpfs", "-o", "size=16k", "tmpfs", dir).CombinedOutput(); err != nil {
		t.Skipf("cannot mount a small tmpfs here (%v: %s)", err, out)
	}
	t.Cleanup(func() { exec.Command("umount", "-l", dir).Run() })
	out := filepath.Join(dir, "papers.json")
	mustWriteFile(t, out, []byte("old"), 0o644)
	r := papers(t, env, "export", "--format", "json", "-o", out)
	if r.code != 1 || !strings.Contains(r.stderr, "disk is full") || !strings.Contains(r.stderr, out) {
		t.Errorf("exit %d, stderr %q", r.code, r.stderr)
	}
	if b := mustReadFile(t, out); string(b) != "old" {
		t.Errorf("the old export became %.40q", b)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("left behind: %v", entries)
	}
}

// TestExportKeepsAReadOnlyFile: a file the user made read-only is not
// replaced (a rename would, and root passes every permission check).
func TestExportKeepsAReadOnlyFile(t *testing.T) {
	dir := t.TempDir()
	kept := filepath.Join(dir, "kept.bib")
	if err := os.WriteFile(kept, []byte("mine\n"), 0o444); err != nil {
		t.Fatal(err)
	}
	_, err := checkTarget("export", kept, filepath.Join(dir, "papers.db"))
	if err == nil || !strings.Contains(err.Error(), "read-only") {
		t.Fatalf("read-only target: %v", err)
	}
	if b := mustReadFile(t, kept); string(b) != "mine\n" {
		t.Errorf("file changed: %q", b)
	}
}

// TestExportRemovesStaleTemps: the temporary file a write killed before
// its rename left (kill -9) goes at the next export to the same file;
// one young enough to be another export's now stays.
func TestExportRemovesStaleTemps(t *testing.T) {
	env, _ := importedLibrary(t)
	dir := t.TempDir()
	stale, fresh := filepath.Join(dir, ".refs.bib.111"), filepath.Join(dir, ".refs.bib.222")
	swap := filepath.Join(dir, ".refs.bib.swp") // an editor's, never a temporary file of ours
	mustWriteFile(t, stale, []byte("half"), 0o600)
	mustWriteFile(t, fresh, []byte("half"), 0o600)
	mustWriteFile(t, swap, []byte("vim"), 0o600)
	old := time.Now().Add(-2 * staleTempAge)
	for _, f := range []string{stale, swap} {
		if err := os.Chtimes(f, old, old); err != nil {
			t.Fatal(err)
		}
	}
	mustRun(t, env, "export", "-o", filepath.Join(dir, "refs.bib"))
	if _, err := os.Stat(stale); !os.IsNotExist(err) {
		t.Errorf("the stale temporary file stayed: %v", err)
	}
	if _, err := os.Stat(fresh); err != nil {
		t.Errorf("a fresh temporary file went: %v", err)
	}
	if _, err := os.Stat(swap); err != nil {
		t.Errorf("an editor's swap file went: %v", err)
	}
}
