package store

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestCheckFindsNothingWrongWithAGoodLibrary(t *testing.T) {
	s := synthLibrary(t, 300)
	s.Enqueue(context.Background(), firstID(t, s, ""))
	ck := Check(context.Background(), s.Path())
	if len(ck.Problems) != 0 || ck.Papers != 300 || ck.Indexed != 300 || ck.Integrity != "ok" || ck.Queued != 1 {
		t.Errorf("checkup = %+v", ck)
	}
}

// damage closes s and scribbles over 40 KB of pages in the middle of its
// file, as a bad disk would; it returns the path and the damaged bytes.
func damage(t *testing.T, s *Store) (string, []byte) {
	t.Helper()
	path := s.Path()
	s.db.Exec("PRAGMA wal_checkpoint(TRUNCATE)")
	s.Close()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	for i := len(b) / 3; i < len(b)/3+40000 && i < len(b); i++ {
		b[i] = 0x5a
	}
	if err := os.WriteFile(path, b, 0o644); err != nil {
		t.Fatal(err)
	}
	return path, b
}

func TestCheckReportsDamageWithoutRepairing(t *testing.T) {
	path, b := damage(t, synthLibrary(t, 300))
	ck := Check(context.Background(), path)
	if len(ck.Problems) == 0 {
		t.Fatalf("damage not found: %+v", ck)
	}
	after, _ := os.ReadFile(path)
	if string(after) != string(b) {
		t.Error("Check changed the file")
	}
}

func TestCheckNewerAndMissing(t *testing.T) {
	ck := Check(context.Background(), filepath.Join(t.TempDir(), "none.db"))
	if len(ck.Problems) != 1 || !strings.Contains(ck.Problems[0], "cannot read") {
		t.Errorf("missing file: %+v", ck.Problems)
	}
	s := openTemp(t)
	s.db.Exec("PRAGMA user_version = 42")
	ck = Check(context.Background(), s.Path())
	if len(ck.Problems) != 1 || !strings.Contains(ck.Problems[0], "newer papers") {
		t.Errorf("newer: %+v", ck.Problems)
	}
}

// TestRescueReadsWhatDoctorCounts: on a damaged library, where a whole
// export stops at the first bad page, EachReadableRecord streams every
// paper doctor counts as still reading, each whole.
func TestRescueReadsWhatDoctorCounts(t *testing.T) {
	s := synthLibrary(t, 3000)
	pids, err := collect[int64](s.db.Query(`SELECT pid FROM papers`))
	if err != nil {
		t.Fatal(err)
	}
	path, _ := damage(t, s)
	ck := Check(context.Background(), path)
	lib, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer lib.Close()
	if err := lib.EachRecord(context.Background(), Filter{}, func(int) error { return nil }, func(Record) error { return nil }); err == nil {
		t.Skip("the scribble missed every page a whole export reads")
	}
	var total, got int
	seen := map[string]bool{}
	_, skipped, err := lib.EachReadableRecord(context.Background(), func(n int) error { total = n; return nil }, func(r Record) error {
		if r.ID == "" || r.Title == "" || seen[r.ID] {
			t.Errorf("rescued record %+v", r.Paper)
		}
		seen[r.ID] = true
		got++
		return nil
	})
	// Asked one by one, the rows that still read: the walk, which cannot
	// know the rowids, must find nearly all of them, not stop at the
	// first damaged page.
	reachable := 0
	for _, pid := range pids {
		var id string
		if lib.db.QueryRow(`SELECT id FROM papers WHERE pid = ?`, pid).Scan(&id) == nil {
			reachable++
		}
	}
	if got < reachable*9/10 {
		t.Errorf("rescue read %d papers of the %d that still read one by one", got, reachable)
	}
	still := fmt.Sprintf(": %d papers still read", total)
	if err != nil || got == 0 || got+skipped != total || !strings.Contains(strings.Join(ck.Problems, "\n"), still) {
		t.Errorf("rescue: %d read, %d skipped, total %d, err %v; doctor said %q", got, skipped, total, err, ck.Problems)
	}
}
