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
	mustOK(t, saveSession(path, "/lib/a.db", a, openSettings{}))
	mustOK(t, saveSession(path, "/lib/b.db", b, openSettings{}))
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
		mustOK(t, saveSession(path, "/lib/a.db", a, openSettings{}))
		if got := loadSessions(path); got.Libraries["/lib/a.db"] != a {
			t.Errorf("after %q: %+v", garbage, got)
		}
	}
}

// TestChangedSettingsWinOverTheSession: the session's view and sort are
// restored while reader.view and reader.sort are as they were when it
// was kept; once the file changes one, the file's value opens (the rest
// of the session is kept). A session kept before settings were recorded
// is restored whole.
func TestChangedSettingsWinOverTheSession(t *testing.T) {
	path := filepath.Join(t.TempDir(), "reader.json")
	kept := tui.Session{View: "week", Anchor: "2025-10-02", Sort: "trending", Selected: "2510.00001"}
	mustOK(t, saveSession(path, "/lib/a.db", kept, openSettings{View: "all", Sort: "newest"}))
	for _, c := range []struct {
		opts tui.Options
		want tui.Session
	}{
		{tui.Options{View: "all", Sort: "newest"}, kept},
		{tui.Options{View: "all", Sort: "upvotes"}, tui.Session{View: "week", Anchor: "2025-10-02", Sort: "upvotes", Selected: "2510.00001"}},
		{tui.Options{View: "day", Sort: "newest"}, tui.Session{View: "day", Sort: "trending", Selected: "2510.00001"}},
	} {
		if got, ok := loadSessions(path).restored("/lib/a.db", c.opts); !ok || got != c.want {
			t.Errorf("settings %s/%s: %+v, want %+v", c.opts.View, c.opts.Sort, got, c.want)
		}
	}
	mustWriteFile(t, path, []byte(`{"libraries": {"/lib/a.db": {"view": "week", "sort": "trending"}}}`), 0o644)
	if got, _ := loadSessions(path).restored("/lib/a.db", tui.Options{View: "day", Sort: "upvotes"}); got.View != "week" || got.Sort != "trending" {
		t.Errorf("an older session: %+v", got)
	}
}

func mustOK(t testing.TB, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}
