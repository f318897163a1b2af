package store

import (
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/papertui/papers/store/query"
)

// searchBenchLib is a copy of the shared 100,000-paper library
// (PAPERS_BENCH_LIB, else /work/data/lib100k-v4.db), or a skip.
func searchBenchLib(b *testing.B) *Store {
	b.Helper()
	src := os.Getenv("PAPERS_BENCH_LIB")
	if src == "" {
		src = "/work/data/lib100k-v4.db"
	}
	if _, err := os.Stat(src); err != nil {
		b.Skip("no 100k library at " + src + " (set PAPERS_BENCH_LIB)")
	}
	dst := filepath.Join(b.TempDir(), "papers.db")
	if err := copyFile(src, dst); err != nil {
		b.Fatal(err)
	}
	s, err := Open(dst)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { s.Close() })
	return s
}

// BenchmarkSearchLastPage100k is `G` in a search of many hits at 100,000
// papers: the reader, with the count known, asks for the last two pages
// of 200 (the last one partial). Newest and best match should cost alike.
func BenchmarkSearchLastPage100k(b *testing.B) {
	s := searchBenchLib(b)
	ctx := context.Background()
	for _, sort := range []Sort{SortNewest, SortRelevance} {
		b.Run(string(sort), func(b *testing.B) {
			type view struct {
				f     Filter
				total int
			}
			var views []view
			for _, q := range []string{"model", "language model", "learning", "data", "mod", "model -diffusion", "learning since:2025-01"} {
				parsed, err := query.Parse(q)
				if err != nil {
					b.Fatal(err)
				}
				f := Filter{Sort: sort}.Search(parsed)
				n, err := s.Count(ctx, f)
				if err != nil {
					b.Fatal(err)
				}
				f.Total = n
				views = append(views, view{f, n})
			}
			var ts []time.Duration
			for b.Loop() {
				for _, v := range views {
					last := (v.total - 1) / 200 * 200
					for _, offset := range []int{last, last - 200} {
						start := time.Now()
						if _, err := s.Entries(ctx, v.f, offset, 200); err != nil {
							b.Fatal(err)
						}
						ts = append(ts, time.Since(start))
						if os.Getenv("BENCH_VERBOSE") != "" {
							fmt.Fprintf(os.Stderr, "%q %s %d/%d: %v\n", v.f.Match, sort, offset, v.total, time.Since(start))
						}
					}
				}
			}
			reportPercentiles(b, ts, "page")
		})
	}
}

// tagBenchLib is the 100,000-paper library with a researcher's state
// over it: 2,000 papers tagged with 20 tags (a few large ones, many
// small; some papers carry two) and 500 papers with a note.
func tagBenchLib(b *testing.B) *Store {
	b.Helper()
	s := searchBenchLib(b)
	var pids []int64
	rows, err := s.db.Query(`SELECT pid FROM papers ORDER BY pid`)
	if err != nil {
		b.Fatal(err)
	}
	for rows.Next() {
		var pid int64
		rows.Scan(&pid)
		pids = append(pids, pid)
	}
	rows.Close()
	r := rand.New(rand.NewPCG(1, 2))
	zipf := rand.NewZipf(r, 1.2, 1, 19)
	tx, err := s.db.Begin()
	if err != nil {
		b.Fatal(err)
	}
	for range 2000 {
		pid := pids[r.IntN(len(pids))]
		for range 1 + r.IntN(2) {
			_, err := tx.Exec(`INSERT OR IGNORE INTO tags(id, tag, added_at) SELECT id, ?, 1 FROM papers WHERE pid = ?`,
				fmt.Sprintf("t%02d", zipf.Uint64()), pid)
			if err != nil {
				b.Fatal(err)
			}
		}
	}
	for range 500 {
		_, err := tx.Exec(`INSERT OR IGNORE INTO notes(id, body, updated_at) SELECT id, 'Why it matters: a strong baseline for ' || title, 1 FROM papers WHERE pid = ?`,
			pids[r.IntN(len(pids))])
		if err != nil {
			b.Fatal(err)
		}
	}
	if err := tx.Commit(); err != nil {
		b.Fatal(err)
	}
	return s
}

// tagQueries are tag: and has:note alone, with words (common, rare,
// typed prefixes) and with other filters.
var tagQueries = []string{
	"tag:t00", "tag:t01", "tag:t07", "tag:t18", "has:note", "note:baseline", "tag:t00 has:note",
	"tag:t00 model", "tag:t01 diffusion", "tag:t02 language model", "tag:t07 reasoning", "tag:t18 model",
	"tag:t00 rea", "tag:t03 mod", "has:note model", "has:note language model", "has:note rea",
	"has:note diffusion", "note:baseline model", "tag:t00 model since:2025-06", "has:note upvotes:>10",
	"tag:t01 is:unread", "tag:t00 model -language", "tag:t00 author:wang",
}

// BenchmarkTagFilters100k is tag: and has:note at 100,000 papers: the
// first page (what the reader shows) and the count, in both orders a
// search takes; filters alone and with words apart, wall and CPU time.
func BenchmarkTagFilters100k(b *testing.B) {
	s := tagBenchLib(b)
	ctx := context.Background()
	for _, sort := range []Sort{SortNewest, SortRelevance} {
		b.Run(string(sort), func(b *testing.B) {
			var pages, counts, words, wordCounts, cpu, wordsCPU []time.Duration
			for b.Loop() {
				for _, q := range tagQueries {
					parsed, err := query.Parse(q)
					if err != nil {
						b.Fatal(err)
					}
					f := Filter{Sort: sort}.Search(parsed)
					start, startCPU := time.Now(), cpuTime()
					if _, err := s.Entries(ctx, f, 0, 200); err != nil {
						b.Fatalf("%q: %v", q, err)
					}
					page, pageCPU := time.Since(start), cpuTime()-startCPU
					start = time.Now()
					if _, err := s.Count(ctx, f); err != nil {
						b.Fatalf("%q: %v", q, err)
					}
					count := time.Since(start)
					if parsed.Match == "" {
						pages, counts, cpu = append(pages, page), append(counts, count), append(cpu, pageCPU)
					} else {
						words, wordCounts, wordsCPU = append(words, page), append(wordCounts, count), append(wordsCPU, pageCPU)
					}
					if os.Getenv("BENCH_VERBOSE") != "" {
						fmt.Fprintf(os.Stderr, "%q %s: page %v count %v\n", q, sort, page, count)
					}
				}
			}
			reportPercentiles(b, pages, "alone-page")
			reportPercentiles(b, cpu, "alone-page-cpu")
			reportPercentiles(b, counts, "alone-count")
			reportPercentiles(b, words, "words-page")
			reportPercentiles(b, wordsCPU, "words-page-cpu")
			reportPercentiles(b, wordCounts, "words-count")
		})
	}
}

// textBenchLib is the 100,000-paper library with 1,000 full texts of
// 40 to 100 KB stored, on papers spread over its days: a tenth holding
// "zebrafish", each its own "wordN", all the generator's vocabulary.
func textBenchLib(b *testing.B) *Store {
	b.Helper()
	s := searchBenchLib(b)
	ctx := context.Background()
	var ids []string
	rows, err := s.db.Query(`SELECT id FROM papers WHERE pid % 100 = 7 ORDER BY pid DESC LIMIT 1000`)
	if err != nil {
		b.Fatal(err)
	}
	for rows.Next() {
		var id string
		rows.Scan(&id)
		ids = append(ids, id)
	}
	rows.Close()
	var size int
	for i, id := range ids {
		ft := fullText(b, id, 8+i%13)
		ft.Markdown += fmt.Sprintf("\n\nUnique marker word%d appears here.", i)
		if i%10 == 0 {
			ft.Markdown += " A rare zebrafish appears."
		}
		size += len(ft.Markdown)
		if err := s.PutText(ctx, ft, fetchedAt); err != nil {
			b.Fatal(err)
		}
	}
	b.Logf("%d texts, %d KB on average", len(ids), size/len(ids)/1000)
	return s
}

// textQueries are text: searches alone (a rare word, a word in every
// text, a phrase, a word in one text, two words, a made-up word) and
// textMixed text: with words and filters.
var (
	textQueries = []string{`text:zebrafish`, `text:policy`, `text:"reward is computed"`, `text:word517`,
		`text:policy text:baseline`, `text:kaloin`}
	textMixed = []string{`text:zebrafish model`, `text:policy reasoning`, `text:"reward is computed" since:2025-01`,
		`text:baseline has:code`}
)

// BenchmarkTextSearch100k is text: at 100,000 papers with 1,000 stored
// texts, as the reader and `papers search` run it: the first page of
// 50 and the matching sentences of 20 papers; wall time and the
// process's CPU time (the machine is shared: CPU time is steadier).
func BenchmarkTextSearch100k(b *testing.B) {
	s := textBenchLib(b)
	ctx := context.Background()
	for _, sort := range []Sort{SortNewest, SortRelevance} {
		b.Run(string(sort), func(b *testing.B) {
			var alone, mixed, cpu []time.Duration
			for b.Loop() {
				for _, text := range append(append([]string{}, textQueries...), textMixed...) {
					q, err := query.Parse(text)
					if err != nil {
						b.Fatal(err)
					}
					start, startCPU := time.Now(), cpuTime()
					f := Filter{Sort: sort}.Search(q)
					if _, err := s.Entries(ctx, f, 0, 50); err != nil {
						b.Fatal(err)
					}
					if _, err := s.TextHits(ctx, q.Texts, 20); err != nil {
						b.Fatal(err)
					}
					took := time.Since(start)
					if slices.Contains(textQueries, text) {
						alone = append(alone, took)
						cpu = append(cpu, cpuTime()-startCPU)
					} else {
						mixed = append(mixed, took)
					}
					if os.Getenv("BENCH_VERBOSE") != "" {
						fmt.Fprintf(os.Stderr, "%q %s: %v\n", text, sort, took)
					}
				}
			}
			reportPercentiles(b, alone, "text")
			reportPercentiles(b, cpu, "text-cpu")
			reportPercentiles(b, mixed, "mixed")
		})
	}
}

// cpuTime is the CPU time the process has used, user and system.

// BenchmarkSearchShared100k runs the search query set (first page and
// count) on a copy of the shared 100,000-paper library.
func BenchmarkSearchShared100k(b *testing.B) {
	s := searchBenchLib(b)
	b.Run("newest", func(b *testing.B) { benchSearch(b, s, SortNewest) })
	b.Run("relevance", func(b *testing.B) { benchSearch(b, s, SortRelevance) })
}
