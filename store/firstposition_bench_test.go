package store

import (
	"context"
	"slices"
	"testing"
	"time"

	"github.com/papertui/papers/store/query"
)

// BenchmarkFirstPosition100k is finding the selection after `s` re-sorts
// the view, at 100,000 papers: a paper near the top, one a few pages
// down and one deep in the list, in each order FirstPosition counts.
// Trending's ages are against today, so its figures need a library whose
// feed days end near today (PAPERS_BENCH_LIB).
func BenchmarkFirstPosition100k(b *testing.B) {
	s := searchBenchLib(b)
	ctx := context.Background()
	model, err := query.Parse("model")
	if err != nil {
		b.Fatal(err)
	}
	views := map[string]Filter{}
	for _, sort := range []Sort{SortNewest, SortUpvotes, SortTrending} {
		views[string(sort)] = Filter{Sort: sort}
	}
	views["model-best-match"] = Filter{Sort: SortRelevance}.Search(model)
	for _, name := range []string{"newest", "upvotes", "trending", "model-best-match"} {
		f := views[name]
		for _, depth := range []int{10, 1_000, 20_000} {
			page, err := s.Entries(ctx, f, depth, 1)
			if err != nil || len(page) == 0 {
				b.Fatalf("%s at %d: %v", name, depth, err)
			}
			id := page[0].ID
			b.Run(name+"/"+itoa(depth), func(b *testing.B) {
				var took []time.Duration
				for b.Loop() {
					start := time.Now()
					_, n, ok, err := s.FirstPosition(ctx, f, []string{id})
					if name == "model-best-match" && depth > bestMatchWindows {
						if err != nil || ok {
							b.Fatalf("%s: position %d (ok %v, err %v), want none past the windows", id, n, ok, err)
						}
					} else if err != nil || !ok || n != depth {
						b.Fatalf("%s: position %d (ok %v, err %v), want %d", id, n, ok, err, depth)
					}
					took = append(took, time.Since(start))
				}
				slices.Sort(took)
				b.ReportMetric(float64(took[len(took)/2].Microseconds())/1000, "p50-ms")
				b.ReportMetric(float64(took[len(took)*95/100].Microseconds())/1000, "p95-ms")
			})
		}
	}
}

// BenchmarkTrendingLastPage100k is `G` in the trending order at 100,000
// papers: the last page, with the count known as the reader knows it.
func BenchmarkTrendingLastPage100k(b *testing.B) {
	s, f := trendingBenchView(b)
	benchTrendingPage(b, s, f, f.Total-200)
}

// BenchmarkTrendingPage100k is scrolling the trending order at 100,000
// papers: a page of 200, as the reader asks for it, at rows from the
// first page to the middle of the library. Its ages are against today:
// use a library whose feed days end near today (PAPERS_BENCH_LIB).
func BenchmarkTrendingPage100k(b *testing.B) {
	s, f := trendingBenchView(b)
	for _, row := range []int{0, 400, 1_000, 5_000, 20_000, f.Total / 2} {
		b.Run(itoa(row), func(b *testing.B) { benchTrendingPage(b, s, f, row) })
	}
}

// trendingBenchView is the benchmark library's trending view, its count
// known as the reader knows it.
func trendingBenchView(b *testing.B) (*Store, Filter) {
	s := searchBenchLib(b)
	f := Filter{Sort: SortTrending}
	total, err := s.Count(context.Background(), f)
	if err != nil {
		b.Fatal(err)
	}
	f.Total = total
	return s, f
}

// benchTrendingPage reads the page of 200 at row, reporting its median.
func benchTrendingPage(b *testing.B, s *Store, f Filter, row int) {
	var took []time.Duration
	for b.Loop() {
		start := time.Now()
		page, err := s.Entries(context.Background(), f, row, 200)
		if err != nil || len(page) != min(200, f.Total-row) {
			b.Fatalf("row %d: %d rows, %v", row, len(page), err)
		}
		took = append(took, time.Since(start))
	}
	b.ReportMetric(float64(percentile(took, 50).Microseconds())/1000, "p50-ms")
}
