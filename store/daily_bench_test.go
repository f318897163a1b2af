package store

import (
	"context"
	"fmt"
	"io"
	"os"
	"slices"
	"testing"
	"time"

	"github.com/papertui/papers/feed"
	"github.com/papertui/papers/feed/synth"
	"github.com/papertui/papers/store/query"
)

// The daily loop's targets at 100,000 papers, on a copy of the shared
// library (searchBenchLib) with reader state
// laid over it: a tenth of the papers read, 2,000 tagged, 500 annotated,
// the newest 500 arrived since the last visit, and 20 followed searches.

func dailyBenchLib(b *testing.B) *Store {
	b.Helper()
	began := time.Now()
	s := searchBenchLib(b)
	now := time.Now()
	setup := []string{
		`DELETE FROM read_marks`, `DELETE FROM tags`, `DELETE FROM notes`, `DELETE FROM follows`,
		`DELETE FROM arrivals`, `DELETE FROM undo`,
		`INSERT INTO read_marks SELECT id, 1 FROM papers WHERE pid % 10 = 0`,
		`INSERT INTO tags SELECT id, 'reading', 1 FROM papers WHERE pid % 50 = 1`,
		`INSERT INTO tags SELECT id, 'thesis', 1 FROM papers WHERE pid % 500 = 1`,
		`INSERT INTO notes SELECT id, 'Why it matters: a strong baseline for ' || title, 1 FROM papers WHERE pid % 200 = 3`,
		fmt.Sprintf(`INSERT INTO arrivals SELECT %d, id FROM papers ORDER BY day DESC LIMIT 500`, now.UnixMilli()),
	}
	for _, q := range setup {
		if _, err := s.db.Exec(q); err != nil {
			b.Fatalf("%s: %v", q, err)
		}
	}
	if err := s.SetLastSeen(context.Background(), now.Add(-time.Hour)); err != nil {
		b.Fatal(err)
	}
	b.Logf("state laid over it by %v", time.Since(began))
	for i, q := range benchFollows {
		if err := s.AddFollow(context.Background(), fmt.Sprintf("f%02d", i), q); err != nil {
			b.Fatal(err)
		}
	}
	// Count them once, as the reader does at start: their papers are
	// kept from then on, and every read mark moves their counts.
	start := time.Now()
	if _, err := s.FollowCounts(context.Background(), 0); err != nil {
		b.Fatal(err)
	}
	b.Logf("the 20 followed searches first counted in %v", time.Since(start))
	// A library at rest has its log checkpointed into the file.
	if _, err := s.db.Exec(`PRAGMA wal_checkpoint(TRUNCATE)`); err != nil {
		b.Fatal(err)
	}
	return s
}

// benchFollows are 20 searches a researcher might follow.
var benchFollows = []string{
	"diffusion", "reasoning", "speculative decoding", "author:wang", "org:google", "kw:reasoning",
	"agents has:code", "quantization", "protein", "robotics", "large language model", "video generation",
	"retrieval", "benchmark upvotes:>20", "tokenizer", "watermarking", "hyperbolic", "sparsity",
	"reinforcement learning", "multimodal",
}

func copyFile(src, dst string) error {
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.Create(dst)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}

func reportPercentiles(b *testing.B, ts []time.Duration, what string) {
	slices.Sort(ts)
	ms := func(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }
	b.ReportMetric(ms(ts[len(ts)/2]), what+"-p50-ms")
	b.ReportMetric(ms(ts[len(ts)*95/100]), what+"-p95-ms")
	b.ReportMetric(ms(ts[len(ts)-1]), what+"-max-ms")
}

func newestDays(b *testing.B, s *Store, n int) []string {
	rows, err := s.db.Query(`SELECT DISTINCT day FROM papers WHERE day IS NOT NULL ORDER BY day DESC LIMIT ?`, n)
	if err != nil {
		b.Fatal(err)
	}
	defer rows.Close()
	var days []string
	for rows.Next() {
		var d string
		rows.Scan(&d)
		days = append(days, d)
	}
	return days
}

// BenchmarkDaily100k measures every daily-loop target on one copy.
func BenchmarkDaily100k(b *testing.B) {
	s := dailyBenchLib(b)
	ctx := context.Background()
	b.Run("unread-counts", func(b *testing.B) {
		// The whole library, a period and a search: the view total and
		// the unread count of each of the 8 days a screen shows.
		days := newestDays(b, s, 8)
		parsed, _ := query.Parse("diffusion")
		views := []Filter{{}, {Since: days[len(days)-1]}, {Day: days[0]}, {Until: days[3]}}
		var ts, search []time.Duration
		for b.Loop() {
			for _, f := range views {
				start := time.Now()
				if _, err := s.Unread(ctx, f, days); err != nil {
					b.Fatal(err)
				}
				ts = append(ts, time.Since(start))
			}
			// A search's unread total costs what its exact count costs.
			start := time.Now()
			if _, err := s.Unread(ctx, Filter{}.Search(parsed), days); err != nil {
				b.Fatal(err)
			}
			search = append(search, time.Since(start))
		}
		reportPercentiles(b, ts, "days-view")
		reportPercentiles(b, search, "search-view")
	})
	b.Run("mark-5000-read", func(b *testing.B) {
		f := fiveThousand(b, s)
		var ts, undo []time.Duration
		for b.Loop() {
			start := time.Now()
			n, err := s.MarkViewRead(ctx, f)
			if err != nil || n < 4500 {
				b.Fatalf("marked %d, %v", n, err)
			}
			ts = append(ts, time.Since(start))
			start = time.Now()
			if _, err := s.Undo(ctx); err != nil {
				b.Fatal(err)
			}
			undo = append(undo, time.Since(start))
		}
		reportPercentiles(b, ts, "mark")
		reportPercentiles(b, undo, "undo")
	})
	b.Run("filters", func(b *testing.B) {
		qs := []string{"tag:reading", "tag:thesis", "has:note", "note:baseline", "is:new",
			"tag:reading model", "tag:reading diffusion", "has:note language model", "note:baseline reasoning",
			"is:new model", "is:new diffusion has:code", "tag:thesis is:unread", "tag:reading upvotes:>20",
			"has:note since:2025-01", "tag:reading author:wang", "tag:reading rea"}
		var pages, counts []time.Duration
		for b.Loop() {
			for _, q := range qs {
				parsed, err := query.Parse(q)
				if err != nil {
					b.Fatal(err)
				}
				f := Filter{}.Search(parsed)
				start := time.Now()
				if _, err := s.Entries(ctx, f, 0, 200); err != nil {
					b.Fatalf("%q: %v", q, err)
				}
				pages = append(pages, time.Since(start))
				start = time.Now()
				if _, err := s.Count(ctx, f); err != nil {
					b.Fatalf("%q: %v", q, err)
				}
				counts = append(counts, time.Since(start))
			}
		}
		reportPercentiles(b, pages, "page")
		reportPercentiles(b, counts, "count")
	})
	b.Run("follow-counts-20", func(b *testing.B) {
		// The searches' papers are kept (dailyBenchLib counted them once):
		// this is what the reader pays for the counts when nothing changed.
		var ts []time.Duration
		for b.Loop() {
			start := time.Now()
			cs, err := s.FollowCounts(ctx, 0)
			if err != nil || len(cs) != 20 {
				b.Fatalf("%d counts, %v", len(cs), err)
			}
			ts = append(ts, time.Since(start))
		}
		reportPercentiles(b, ts, "all20")
	})
	b.Run("follow-counts-after-sync", func(b *testing.B) {
		// Each round is a morning's sync as Sync does it: three new feed
		// days saved, the four before them saved again with their upvotes
		// moved, the cache brought up to date, then the 20 counts read.
		days := synth.Days(6000, 77, time.Date(2048, 7, 1, 0, 0, 0, 0, time.UTC))
		if _, err := s.FollowCounts(ctx, 0); err != nil {
			b.Fatal(err)
		}
		var refresh, counts, all []time.Duration
		next := 0
		for b.Loop() {
			if next+3 > len(days) {
				b.Fatal("out of synthetic days")
			}
			for i := max(0, next-4); i < next+3; i++ {
				ps, _, err := feed.DecodeDocument(days[i].Body, days[i].Date)
				if err != nil {
					b.Fatal(err)
				}
				for j := range ps {
					ps[j].Upvotes += next
				}
				if _, err := s.SaveDay(ctx, days[i].Date, ps); err != nil {
					b.Fatal(err)
				}
			}
			next += 3
			start := time.Now()
			if err := s.RefreshFollows(ctx); err != nil {
				b.Fatal(err)
			}
			mid := time.Now()
			cs, err := s.FollowCounts(ctx, 0)
			if err != nil || len(cs) != 20 {
				b.Fatalf("%d counts, %v", len(cs), err)
			}
			refresh = append(refresh, mid.Sub(start))
			counts = append(counts, time.Since(mid))
			all = append(all, time.Since(start))
		}
		reportPercentiles(b, refresh, "refresh")
		reportPercentiles(b, counts, "counts")
		reportPercentiles(b, all, "all")
	})
}

// fiveThousand is a view of the newest days holding about 5,000 unread
// papers.
func fiveThousand(b *testing.B, s *Store) Filter {
	var since string
	err := s.db.QueryRow(`SELECT day FROM (SELECT p.day, sum(count(*)) OVER (ORDER BY p.day DESC) AS n
		FROM papers p LEFT JOIN read_marks r ON r.id = p.id WHERE r.id IS NULL AND p.day IS NOT NULL
		GROUP BY p.day) WHERE n >= 5000 ORDER BY day DESC LIMIT 1`).Scan(&since)
	if err != nil {
		b.Fatal(err)
	}
	return Filter{Since: since}
}
