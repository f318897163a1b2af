//go:build unix

package main

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// TestReadCommandsNeverCreateALibrary: where there is no library, a
// command that reads says so and how to make one, and creates nothing.
func TestReadCommandsNeverCreateALibrary(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "nowhere")
	db := filepath.Join(dir, "papers.db")
	for _, args := range [][]string{
		{"stats"}, {"stats", "--json"}, {"list"}, {"search", "x"}, {"show", "2410.17243"},
		{"queue"}, {"queue", "add", "2410.17243"}, {"export", "--format", "csv"}, {"doctor"},
	} {
		r := papers(t, []string{"PAPERS_DB=" + db}, args...)
		if r.code != 1 || !strings.Contains(r.stderr+r.stdout, db) || !strings.Contains(r.stderr+r.stdout, "papers sync") {
			t.Errorf("%v: exit %d, stderr %q", args, r.code, r.stderr)
		}
		if _, err := os.Stat(dir); err == nil {
			t.Fatalf("%v created %s", args, dir)
		}
	}
}

// TestOddLibraryPathsFromTheCommandLine: PAPERS_DB at a FIFO, a device, a
// /proc file or a folder is refused at once, naming it, by every command.
func TestOddLibraryPathsFromTheCommandLine(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "fifo")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skip(err)
	}
	hold, err := os.OpenFile(fifo, os.O_RDWR, 0) // so a broken build fails instead of hanging
	if err != nil {
		t.Fatal(err)
	}
	defer hold.Close()
	for _, p := range []string{fifo, dir, os.DevNull, "/dev/zero", "/proc/self/status"} {
		if _, err := os.Stat(p); err != nil {
			continue
		}
		for _, args := range [][]string{{"doctor"}, {"stats"}, {"import", "-"}, {"sync", "--days", "1"}} {
			r := papers(t, []string{"PAPERS_DB=" + p}, args...)
			if r.code == 0 || !strings.Contains(r.stderr+r.stdout, p) || !strings.Contains(r.stderr+r.stdout, "not a library file") {
				t.Errorf("PAPERS_DB=%s %v: exit %d\n%s%s", p, args, r.code, r.stdout, r.stderr)
			}
		}
	}
}

// TestImportRefusesFoldersAndDevices: a folder or a device named as a
// file to import is rejected by name, the rest imported.
func TestImportRefusesFoldersAndDevices(t *testing.T) {
	env := dbEnv(t)
	dir := t.TempDir()
	r := papers(t, env, "import", dir, "/dev/zero")
	if r.code != 1 || !strings.Contains(r.stdout, dir+": rejected: is a directory") || !strings.Contains(r.stdout, "/dev/zero: rejected: is a device") {
		t.Errorf("exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
}

// TestNewCommandsFollowTheRules: the commands added after the rules were
// written follow them: fetch and queue add check --api before any work,
// and the commands that need papers in a library (read ID, tags, tag,
// note, follow, digest, mark-read, undo, fetch, clean) never create one.
func TestNewCommandsFollowTheRules(t *testing.T) {
	env := dbEnv(t)
	path := strings.TrimPrefix(env[0], "PAPERS_DB=")
	for _, args := range [][]string{
		{"--api", "ftp://example.org", "fetch", "2401.00001"},
		{"--api", "https://me:s3cret@example.org", "fetch", "2401.00001"},
		{"--api", "ftp://example.org", "queue", "add", "2401.00001"},
	} {
		r := papers(t, env, args...)
		if r.code != 2 || strings.Contains(r.stderr, "s3cret") {
			t.Errorf("%v: exit %d, want 2 without the secret\n%s", args, r.code, r.stderr)
		}
	}
	for _, args := range [][]string{
		{"read", "2401.00001"}, {"tags"}, {"tag", "2401.00001", "+x"}, {"note", "2401.00001"}, {"follow"},
		{"follow", "add", "d", "diffusion"}, {"digest"}, {"mark-read", "--day", "2025-01-02"}, {"undo"},
		{"fetch", "--queue"}, {"clean", "--texts"},
	} {
		if r := papers(t, env, args...); r.code != 1 || !strings.Contains(r.stderr, "no library") {
			t.Errorf("%v: exit %d\n%s", args, r.code, r.stderr)
		}
		if _, err := os.Stat(path); err == nil {
			t.Fatalf("%v created a library", args)
		}
	}
}
