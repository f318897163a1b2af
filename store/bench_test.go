package store

import (
	"context"
	"os"
	"path/filepath"
	"regexp"
	"testing"
	"time"

	"github.com/papertui/papers/feed"
	"github.com/papertui/papers/feed/feedtest"

	"github.com/papertui/papers/feed/synth"
)

// corpusDays extracts the shared corpus once per test binary, or skips.
func corpusDays(tb testing.TB) []synth.Day {
	tb.Helper()
	files := feedtest.CorpusFiles(tb)
	day := regexp.MustCompile(`\d{4}-\d{2}-\d{2}`)
	var days []synth.Day
	for _, f := range files {
		body, err := os.ReadFile(f)
		if err != nil {
			tb.Fatal(err)
		}
		days = append(days, synth.Day{Date: day.FindString(filepath.Base(f)), Body: body})
	}
	return days
}

// importDays imports days as `papers import` does.
func importDays(tb testing.TB, s *Store, days []synth.Day) int {
	files := make([]ImportFile, len(days))
	for i, d := range days {
		files[i] = ImportFile{Name: d.Date, Day: d.Date, Read: func() ([]byte, error) { return d.Body, nil }}
	}
	n := 0
	err := s.Import(context.Background(), files, func(r FileResult) { n += r.Imported })
	if err != nil {
		tb.Fatal(err)
	}
	return n
}

func benchImport(b *testing.B, days []synth.Day) {
	var raw int64
	for _, d := range days {
		raw += int64(len(d.Body))
	}
	for b.Loop() {
		b.StopTimer()
		s, err := Open(filepath.Join(b.TempDir(), "papers.db"))
		if err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		n := importDays(b, s, days)
		b.StopTimer()
		s.db.Exec("PRAGMA wal_checkpoint(TRUNCATE)")
		size := s.SizeOnDisk()
		b.ReportMetric(float64(n), "papers")
		b.ReportMetric(float64(size)/float64(n), "bytes/paper")
		b.ReportMetric(float64(size)/(1<<20), "MiB")
		s.Close()
		b.StartTimer()
	}
}

// BenchmarkImportCorpus imports the whole real corpus into an empty library.
func BenchmarkImportCorpus(b *testing.B) {
	benchImport(b, corpusDays(b))
}

// BenchmarkImport100k imports 100,000 synthetic papers shaped like real ones.
func BenchmarkImport100k(b *testing.B) {
	benchImport(b, synth.Days(100_000, 1, synthStart))
}

// synthStart puts 100,000 synthetic papers (about 22 years of weekdays)
// in the past, ending in 2026.
var synthStart = time.Date(2004, 1, 5, 0, 0, 0, 0, time.UTC)

// syncBenchPapers is how many papers the sync benchmarks serve: about
// four years of feed days since the feed began.
const syncBenchPapers = 20_000

// BenchmarkSyncRange syncs syncBenchPapers papers from the stand-in API
// into an empty library, month by month as a long `papers sync --since`
// does; BenchmarkImportSyncRange imports the same days, so the two rates
// compare (the stand-in's own serving and decoding aside).
func BenchmarkSyncRange(b *testing.B) {
	srv := feedtest.New(b)
	days := synth.Days(syncBenchPapers, 7, syncBenchStart)
	for _, d := range days {
		if err := srv.SetDay(d.Date, d.Body); err != nil {
			b.Fatal(err)
		}
	}
	last, _ := time.Parse(time.DateOnly, days[len(days)-1].Date)
	plan := SyncPlan{Since: days[0].Date, Until: last.Format(time.DateOnly), Today: last.Add(12 * time.Hour)}
	client := feed.NewClient(srv.URL)
	client.Pace = nil // the network aside: HF's pacing of anonymous clients
	for b.Loop() {
		b.StopTimer()
		s, err := Open(filepath.Join(b.TempDir(), "papers.db"))
		if err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		report, err := s.Sync(context.Background(), client, plan, nil)
		if err != nil || report.New != syncBenchPapers || len(report.Failed) > 0 {
			b.Fatalf("sync: %d new, failed %v, %v", report.New, report.Failed, err)
		}
		b.StopTimer()
		s.Close()
		b.StartTimer()
	}
}

func BenchmarkImportSyncRange(b *testing.B) {
	benchImport(b, synth.Days(syncBenchPapers, 7, syncBenchStart))
}

var syncBenchStart = time.Date(2023, 1, 2, 0, 0, 0, 0, time.UTC)
