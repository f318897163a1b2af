package store

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"testing"
)

func TestCompleteIDs(t *testing.T) {
	s := openTemp(t)
	mustSave(t, s, "2025-03-12",
		paper("2503.00001", "One", 1, "2025-03-12"),
		paper("2503.00002", "Two", 2, "2025-03-12"),
		paper("2503.10001", "Three", 3, "2025-03-12"),
		paper("2410.17243", "Four", 4, "2025-03-12"))
	ctx := context.Background()
	got, err := CompleteIDs(ctx, s.Path(), "2503.0", 10)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 || got[0].ID != "2503.00002" || got[0].Title != "Two" || got[1].ID != "2503.00001" {
		t.Errorf("prefix 2503.0: got %+v", got)
	}
	all, err := CompleteIDs(ctx, s.Path(), "", 3)
	if err != nil {
		t.Fatal(err)
	}
	if len(all) != 3 || all[0].ID != "2503.10001" {
		t.Errorf("no prefix, limit 3: got %+v", all)
	}
	none, err := CompleteIDs(ctx, s.Path(), "9999", 10)
	if err != nil || len(none) != 0 {
		t.Errorf("no match: got %+v, %v", none, err)
	}
}

func TestCompleteIDsNeverCreatesALibrary(t *testing.T) {
	path := filepath.Join(t.TempDir(), "missing", "papers.db")
	got, err := CompleteIDs(context.Background(), path, "25", 10)
	if err != nil || got != nil {
		t.Fatalf("missing library: got %v, %v", got, err)
	}
	if _, err := os.Stat(filepath.Dir(path)); !os.IsNotExist(err) {
		t.Errorf("completion created %s", filepath.Dir(path))
	}
}

func TestPrefixEnd(t *testing.T) {
	for prefix, want := range map[string]string{"2503.": "2503/", "25\xff": "26", "\xff": "\xff\xff"} {
		if got := prefixEnd(prefix); got != want {
			t.Errorf("prefixEnd(%q) = %q, want %q", prefix, got, want)
		}
	}
}

// BenchmarkCompleteIDs100k answers a shell's id completion (open the
// library read-only, one range scan) over 100,000 papers: the target is
// under 50 ms including the process start, which is measured separately
// (README, Performance).
func BenchmarkCompleteIDs100k(b *testing.B) {
	s, err := Open(filepath.Join(b.TempDir(), "papers.db"))
	if err != nil {
		b.Fatal(err)
	}
	// Ids and titles only: completion reads nothing else, and importing
	// 100,000 full papers would take the benchmark 15 s.
	tx, err := s.db.Begin()
	if err != nil {
		b.Fatal(err)
	}
	for i := range 100_000 {
		id := fmt.Sprintf("%02d%02d.%05d", 20+i/24000, 1+(i/2000)%12, i%2000+i/24000*2000)
		if _, err := tx.Exec(`INSERT INTO papers(id, title) VALUES (?, ?)`, id, "A title of some length for paper "+id); err != nil {
			b.Fatal(err)
		}
	}
	if err := tx.Commit(); err != nil {
		b.Fatal(err)
	}
	path := s.Path()
	s.Close()
	for _, prefix := range []string{"", "2", "2306.", "2306.01"} {
		b.Run("prefix="+prefix, func(b *testing.B) {
			for b.Loop() {
				if _, err := CompleteIDs(context.Background(), path, prefix, 200); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
