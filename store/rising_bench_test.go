package store

import (
	"context"
	"fmt"
	"sort"
	"testing"
	"time"

	"github.com/papertui/papers/feed"
)

// risingBenchLib is the shared 100k library (searchBenchLib) after a
// reader has seen 30,000 papers and a re-sync changed the upvotes of
// 3,000 of them since: gains up and down, ties, and most papers unseen.
func risingBenchLib(b *testing.B) *Store {
	b.Helper()
	s := searchBenchLib(b)
	setup := []string{
		`DELETE FROM seen`,
		`INSERT INTO seen(id, upvotes, comments, seen_at)
			SELECT id, upvotes - CASE WHEN pid % 100 < 3 THEN pid % 13 - 4 ELSE 0 END, comments, 1
			FROM papers WHERE pid % 10 < 3`,
		`PRAGMA wal_checkpoint(TRUNCATE)`,
	}
	for _, q := range setup {
		if _, err := s.db.Exec(q); err != nil {
			b.Fatalf("%s: %v", q, err)
		}
	}
	return s
}

// BenchmarkRising100k is the rising order at 100,000 papers as the
// reader asks for it: the first page, a page at offset 50,000, the last
// page (the count known, as after `G`) and finding the selection with its
// neighbours, and the same asks of newest
// to compare. Each op is one of these; the percentiles are reported.
func BenchmarkRising100k(b *testing.B) {
	s := risingBenchLib(b)
	for _, order := range []Sort{SortRising, SortNewest} {
		b.Run(string(order), func(b *testing.B) { benchOrder(b, s, Filter{Sort: order}) })
	}
}

// benchOrder times the reader's four asks of one view.
func benchOrder(b *testing.B, s *Store, f Filter) {
	ctx := context.Background()
	total, err := s.Count(ctx, f)
	if err != nil {
		b.Fatal(err)
	}
	// The reader asks for its selection and up to 200 neighbours each side
	// as the list held them (tui maxNeighbours): here a paper that rose
	// with 400 papers around offset 40,000 of newest order.
	var rose string
	if err := s.db.QueryRow(`SELECT p.id FROM papers p JOIN seen s ON s.id = p.id WHERE p.upvotes > s.upvotes LIMIT 1 OFFSET 500`).Scan(&rose); err != nil {
		b.Fatal(err)
	}
	held, err := s.Entries(ctx, Filter{}, 39800, 400)
	if err != nil {
		b.Fatal(err)
	}
	ask := append([]string{rose}, idsOf(held)...)
	cases := []struct {
		name string
		run  func() error
	}{
		{"first-page", func() error { _, err := s.Entries(ctx, f, 0, 200); return err }},
		{"page-50000", func() error { _, err := s.Entries(ctx, f, 50000, 200); return err }},
		{"last-page", func() error {
			g := f
			g.Total = total
			_, err := s.Entries(ctx, g, total-total%200, 200)
			return err
		}},
		{"selection", func() error {
			prepared, err := s.prepare(ctx, f)
			if err != nil {
				return err
			}
			found, err := s.risingPositions(ctx, prepared, ask)
			if err == nil && len(found) != len(ask) {
				err = fmt.Errorf("found %d of %d", len(found), len(ask))
			}
			return err
		}},
	}
	for _, c := range cases {
		b.Run(c.name, func(b *testing.B) {
			var took []time.Duration
			cpu0 := cpuTime()
			for b.Loop() {
				start := time.Now()
				if err := c.run(); err != nil {
					b.Fatal(err)
				}
				took = append(took, time.Since(start))
			}
			sort.Slice(took, func(i, j int) bool { return took[i] < took[j] })
			b.ReportMetric(float64(took[len(took)/2].Microseconds())/1000, "p50-ms")
			b.ReportMetric(float64(took[len(took)*95/100].Microseconds())/1000, "p95-ms")
			b.ReportMetric(float64((cpuTime()-cpu0).Microseconds())/1000/float64(len(took)), "cpu-ms/op")
		})
	}
}

// BenchmarkRisingResync100k is what keeping the rising table costs a
// sync: re-writing the newest 7 feed days (every paper's upvotes moved
// by one, a third of them seen) with the trigger that keeps the table,
// and with it dropped.
func BenchmarkRisingResync100k(b *testing.B) {
	s := risingBenchLib(b)
	ctx := context.Background()
	if _, err := s.db.Exec(`INSERT OR REPLACE INTO seen(id, upvotes, comments, seen_at)
		SELECT id, upvotes, comments, 1 FROM papers WHERE day >= (SELECT min(day) FROM (SELECT DISTINCT day FROM papers ORDER BY day DESC LIMIT 7)) AND pid % 3 = 0`); err != nil {
		b.Fatal(err)
	}
	days := map[string][]feed.Paper{}
	rows, err := s.db.Query(`SELECT DISTINCT day FROM papers ORDER BY day DESC LIMIT 7`)
	if err != nil {
		b.Fatal(err)
	}
	for rows.Next() {
		var d string
		if err := rows.Scan(&d); err != nil {
			b.Fatal(err)
		}
		days[d] = nil
	}
	rows.Close()
	n := 0
	for d := range days {
		rs, err := s.Records(ctx, Filter{Day: d}, 0, 0)
		if err != nil {
			b.Fatal(err)
		}
		for _, r := range rs {
			days[d] = append(days[d], r.Paper)
		}
		n += len(rs)
	}
	for d, ps := range days { // warm: the days' pages read once
		if _, err := s.SaveDay(ctx, d, ps); err != nil {
			b.Fatal(err)
		}
	}
	for _, kept := range []bool{true, false} {
		name := map[bool]string{true: "kept", false: "trigger-dropped"}[kept]
		b.Run(name, func(b *testing.B) {
			if !kept {
				if _, err := s.db.Exec(`DROP TRIGGER rising_update`); err != nil {
					b.Fatal(err)
				}
			}
			cpu0, step := cpuTime(), 0
			for b.Loop() {
				step++
				for d, ps := range days {
					for i := range ps {
						ps[i].Upvotes += 1 - 2*(step%2) // up, then back
					}
					if _, err := s.SaveDay(ctx, d, ps); err != nil {
						b.Fatal(err)
					}
				}
			}
			b.ReportMetric(float64((cpuTime()-cpu0).Microseconds())/1000/float64(b.N), "cpu-ms/op")
			b.ReportMetric(float64(n), "papers")
		})
	}
}
