package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestDamagedLibraryRescue: on a library with damaged pages, a whole
// export stops at the damage and names the library; doctor advises
// export --rescue, and that saves every paper that still reads.
func TestDamagedLibraryRescue(t *testing.T) {
	files := synthDayFiles(t, 60, 50, time.Date(2025, 10, 1, 0, 0, 0, 0, time.UTC))
	env := dbEnv(t)
	if r := papers(t, env, append([]string{"import"}, files...)...); r.code != 0 {
		t.Fatalf("import: %d %s", r.code, r.stderr)
	}
	db := strings.TrimPrefix(env[0], "PAPERS_DB=")
	b, err := os.ReadFile(db)
	if err != nil {
		t.Fatal(err)
	}
	for i := len(b) / 3; i < len(b)/3+64<<10 && i < len(b); i++ {
		b[i] = 0x5a // as a bad disk would
	}
	mustWriteFile(t, db, b, 0o644)

	r := papers(t, env, "export", "--format", "json")
	if r.code == 0 {
		t.Skip("the damage missed every page a whole export reads")
	}
	if !strings.Contains(r.stderr, db) || !strings.Contains(r.stderr, "papers doctor") {
		t.Errorf("a whole export of a damaged library: exit %d %q", r.code, r.stderr)
	}
	if r := papers(t, env, "doctor"); r.code != 1 || !strings.Contains(r.stdout+r.stderr, "papers --db "+db+" export --rescue") {
		t.Errorf("doctor does not advise export --rescue: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	out := filepath.Join(t.TempDir(), "rescue.json")
	r = papers(t, env, "export", "--rescue", "--format", "json", "-o", out)
	var saved []struct{ ID, Title string }
	if data, err := os.ReadFile(out); err != nil || json.Unmarshal(data, &saved) != nil || r.code != 0 || len(saved) == 0 {
		t.Fatalf("export --rescue: exit %d %q, %d papers saved (%v)", r.code, r.stderr, len(saved), err)
	}
	for _, p := range saved {
		if p.ID == "" || p.Title == "" {
			t.Errorf("rescued paper %+v", p)
		}
	}
	if r := papers(t, env, "export", "--rescue", "--queue"); r.code != 2 {
		t.Errorf("export --rescue --queue: exit %d, want 2", r.code)
	}
}
