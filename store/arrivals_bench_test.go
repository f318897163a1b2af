//go:build unix

package store

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"testing"
	"time"
)

// BenchmarkArrivalBookkeeping100k imports the 100,000 synthetic day files
// (PAPERS_BENCH_DAYS, else /work/data/synth100k) into an empty library
// with and without what the daily loop keeps for each new paper (its
// arrival for "new since last visit", the per-day and library counts,
// papers noted for kept followed searches: noteArrivals) and the
// triggers on updating papers; and with 20 followed searches kept, whose
// counts are then brought up to date once after the import (refresh-ms).
func BenchmarkArrivalBookkeeping100k(b *testing.B) {
	dir := os.Getenv("PAPERS_BENCH_DAYS")
	if dir == "" {
		dir = "/work/data/synth100k"
	}
	names, _ := filepath.Glob(filepath.Join(dir, "*.json"))
	if len(names) == 0 {
		b.Skip("no day files in " + dir + " (set PAPERS_BENCH_DAYS)")
	}
	day := regexp.MustCompile(`\d{4}-\d{2}-\d{2}`)
	files := make([]ImportFile, len(names))
	for i, name := range names {
		files[i] = ImportFile{Name: name, Day: day.FindString(filepath.Base(name)),
			Read: func() ([]byte, error) { return os.ReadFile(name) }}
	}
	updateTriggers := []string{"day_counts_delete", "day_counts_move", "follow_dirty_update", "follow_dirty_delete"}
	for _, v := range []struct {
		name    string
		bare    bool
		follows bool
	}{
		{"none", true, false},
		{"shipped", false, false},
		{"shipped+20follows", false, true},
	} {
		b.Run(v.name, func(b *testing.B) {
			for b.Loop() {
				b.StopTimer()
				s, err := Open(filepath.Join(b.TempDir(), "papers.db"))
				if err != nil {
					b.Fatal(err)
				}
				arrivalNotes = !v.bare
				if v.bare {
					for _, t := range updateTriggers {
						if _, err := s.db.Exec(`DROP TRIGGER ` + t); err != nil {
							b.Fatal(err)
						}
					}
				}
				ctx := context.Background()
				if v.follows {
					for i, q := range benchFollows {
						if err := s.AddFollow(ctx, fmt.Sprintf("f%02d", i), q); err != nil {
							b.Fatal(err)
						}
					}
					if _, err := s.FollowCounts(ctx, 0); err != nil { // kept, empty
						b.Fatal(err)
					}
				}
				b.StartTimer()
				start, cpu := time.Now(), cpuTime()
				n := 0
				if err := s.Import(ctx, files, func(r FileResult) { n += r.Imported }); err != nil {
					b.Fatal(err)
				}
				// CPU time is the fairer figure on a shared machine: wall
				// time moves with everyone else's load.
				b.ReportMetric(time.Since(start).Seconds(), "import-s")
				b.ReportMetric((cpuTime() - cpu).Seconds(), "import-cpu-s")
				b.ReportMetric(float64(n), "papers")
				if v.follows {
					start := time.Now()
					if err := s.RefreshFollows(ctx); err != nil {
						b.Fatal(err)
					}
					b.ReportMetric(float64(time.Since(start).Milliseconds()), "refresh-ms")
				}
				b.StopTimer()
				arrivalNotes = true
				s.Close()
				b.StartTimer()
			}
		})
	}
}

// cpuTime is the CPU time (user and system) the process has used.
