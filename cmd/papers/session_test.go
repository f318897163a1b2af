package main

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/papertui/papers/tui"
)

// TestSessionKeptPerLibraryAtomically: sessions are kept per library,
// written by rename (no temporary file left), and a file cut short by a
// kill of an older version, or any garbage, is ignored rather than
// stopping the reader.
func TestSessionKeptPerLibraryAtomically(t *testing.T) {
	path := filepath.Join(t.TempDir(), "state", "reader.json")
	a := tui.Session{View: "week", Anchor: "2025-10-02", Sort: "upvotes", Search: "diffusion", Selected: "2510.00001", Line: 3}
	b := tui.Session{View: "all", Sort: "newest"}
	mustOK(t, saveSession(path, "/lib/a.db", a))
	mustOK(t, saveSession(path, "/lib/b.db", b))
	got := loadSessions(path)
	if got.Libraries["/lib/a.db"] != a || got.Libraries["/lib/b.db"] != b {
		t.Errorf("sessions %+v", got)
	}
	entries, err := os.ReadDir(filepath.Dir(path))
	mustOK(t, err)
	if len(entries) != 1 {
		t.Errorf("files left beside the state: %v", entries)
	}
	for _, garbage := range []string{`{"libraries": {"/lib/a.db": {"view": "we`, "\x00\x01", `[]`} {
		mustWriteFile(t, path, []byte(garbage), 0o644)
		if got := loadSessions(path); len(got.Libraries) != 0 {
			t.Errorf("%q read as %+v", garbage, got)
		}
		mustOK(t, saveSession(path, "/lib/a.db", a))
		if got := loadSessions(path); got.Libraries["/lib/a.db"] != a {
			t.Errorf("after %q: %+v", garbage, got)
		}
	}
}

func mustOK(t testing.TB, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}
