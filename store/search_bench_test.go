package store

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/papertui/papers/store/query"
)

// searchQueries are the fixed set the search targets are measured on:
// rare words, common words, prefixes, filters and combinations.
var searchQueries = []string{
	// common words
	"model", "language", "data", "training", "reasoning", "learning", "large language model", "diffusion",
	"agents", "benchmark",
	// rarer words
	"holonomy", "olfaction", "hyperbolic", "tokenizer", "sparsity", "quantization", "watermarking",
	"protein", "robotics", "speculative decoding",
	// prefixes, as typed
	"mod", "lang", "rea", "diff", "tok", "a", "tr", "ben", "quan", "spe",
	// filters
	"upvotes:>50", "has:code", "is:unread", "since:2025-01", "org:google", "author:wang", "kw:reasoning",
	"day:2025-10-02", "until:2010-01-01", "upvotes:>200 has:code",
	// combinations
	"model upvotes:>20", "reasoning has:code", "diffusion since:2024-01", "agents author:li",
	"language model is:unread", "video generation org:meta", "retrieval kw:retrieval", "gpt-4", "llama 3.1",
	"c++ \"unbalanced",
}

// benchSearch times the first page of results (what the reader shows)
// and, separately, the exact count (which the reader asks for after it).
func benchSearch(b *testing.B, s *Store, sort Sort) {
	ctx := context.Background()
	var times, counts []time.Duration
	for b.Loop() {
		for _, q := range searchQueries {
			parsed, err := query.Parse(q)
			if err != nil {
				b.Fatalf("%q: %v", q, err)
			}
			f := Filter{Sort: sort}.Search(parsed)
			start := time.Now()
			if _, err := s.Entries(ctx, f, 0, 200); err != nil {
				b.Fatalf("%q: %v", q, err)
			}
			times = append(times, time.Since(start))
			start = time.Now()
			if _, err := s.Count(ctx, f); err != nil {
				b.Fatalf("%q: %v", q, err)
			}
			counts = append(counts, time.Since(start))
		}
	}
	report := func(ts []time.Duration, what string) {
		slices.Sort(ts)
		ms := func(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }
		b.ReportMetric(ms(ts[len(ts)/2]), what+"-p50-ms")
		b.ReportMetric(ms(ts[len(ts)*95/100]), what+"-p95-ms")
	}
	report(times, "page")
	report(counts, "count")
}

// BenchmarkSearchCorpus runs the query set on the real corpus.
func BenchmarkSearchCorpus(b *testing.B) {
	s, err := Open(filepath.Join(b.TempDir(), "papers.db"))
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	importDays(b, s, corpusDays(b))
	b.Run("newest", func(b *testing.B) { benchSearch(b, s, SortNewest) })
	b.Run("relevance", func(b *testing.B) { benchSearch(b, s, SortRelevance) })
}

// BenchmarkSearch100k runs the query set on 100,000 synthetic papers (the
// library the reader benchmarks build, in the temp folder).
func BenchmarkSearch100k(b *testing.B) {
	path := filepath.Join(os.TempDir(), "papers-bench-100k-v8.db")
	if _, err := os.Stat(path); err != nil {
		b.Skip("run the tui benchmarks first to build " + path)
	}
	s, err := Open(path)
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	b.Run("newest", func(b *testing.B) { benchSearch(b, s, SortNewest) })
	b.Run("relevance", func(b *testing.B) { benchSearch(b, s, SortRelevance) })
}
