package store

import (
	"context"
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/papertui/papers/feed"
	"github.com/papertui/papers/store/query"
)

// trendingLibrary holds papers of every trending kind: feed days from
// today to 900 days back, a few to a dozen a day, upvotes mostly under 40
// (ties, and none) with a few hundreds, and papers without a day, some
// with thousands of upvotes. today is the clock it was made with.
func trendingLibrary(t *testing.T) (*Store, time.Time) {
	t.Helper()
	s, err := Open(filepath.Join(t.TempDir(), "t.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	ctx := context.Background()
	rng := rand.New(rand.NewPCG(3, 4))
	today := time.Now().UTC()
	n := 0
	for d := 0; d < 900; d += 1 + rng.IntN(6) {
		day := today.AddDate(0, 0, -d).Format(time.DateOnly)
		var ps []feed.Paper
		for i := 0; i < 1+rng.IntN(12); i++ {
			n++
			up := rng.IntN(40)
			if rng.IntN(20) == 0 {
				up = 200 + rng.IntN(800)
			}
			ps = append(ps, feed.Paper{ID: fmt.Sprintf("2%03d.%05d", n/1000, n%100000), Title: "paper", Upvotes: up, Day: day})
		}
		if _, err := s.SaveDay(ctx, day, ps); err != nil {
			t.Fatal(err)
		}
	}
	var dayless []feed.Paper
	for i := 0; i < 20; i++ {
		dayless = append(dayless, feed.Paper{ID: fmt.Sprintf("1901.%05d", i), Title: "old", Upvotes: 5000 * (i % 2)})
	}
	if _, err := s.SavePapers(ctx, dayless); err != nil {
		t.Fatal(err)
	}
	return s, today
}

// TestTrendingPagesMatchTheFullSort: the trending view's first pages,
// read with the bounds of trending.go, are the rows and the order the
// whole view sorted gives, with old and new days, ties, papers without a
// day, filters, and views smaller than a page.
func TestTrendingPagesMatchTheFullSort(t *testing.T) {
	s, today := trendingLibrary(t)
	ctx := context.Background()
	ids := func(recs []Record) []string {
		out := make([]string, len(recs))
		for i, r := range recs {
			out[i] = r.ID
		}
		return out
	}
	views := []Filter{{}, {Unread: true}, {Upvotes: []query.Bound{{Op: ">=", N: 30}}}, {Since: today.AddDate(0, 0, -30).Format(time.DateOnly)}}
	for _, v := range views {
		v.Sort = SortTrending
		all, err := s.Records(ctx, v, 0, 0) // no limit: the whole view sorted
		if err != nil {
			t.Fatal(err)
		}
		for _, page := range [][2]int{{0, 10}, {0, 200}, {10, 50}, {200, 200}, {0, 5000}} {
			got, err := s.Records(ctx, v, page[0], page[1])
			if err != nil {
				t.Fatal(err)
			}
			want := ids(all)[min(page[0], len(all)):min(page[0]+page[1], len(all))]
			if !slices.Equal(ids(got), want) {
				t.Errorf("%+v page %v: %d rows differ from the full sort's %d\ngot  %v\nwant %v", v.Upvotes, page, len(got), len(want), ids(got)[:min(5, len(got))], want[:min(5, len(want))])
			}
		}
	}
	// The bound narrows: the first page of the library reads fewer rows.
	f, err := s.boundTrending(ctx, Filter{Sort: SortTrending}, 50)
	if err != nil {
		t.Fatal(err)
	}
	if f.Since == "" && len(f.Upvotes) == 0 {
		t.Error("no bound found for the first page")
	}
}

// TestTrendingBandPagesMatchTheFullSort: pages read as a band of scores
// (trendingBandSQL), from the top and from the end of the view, are the
// rows and the order the whole view sorted gives, through ties, papers
// without a day or an upvote, filters, and pages crossing the band's
// edges, of one row up to more than the view.
func TestTrendingBandPagesMatchTheFullSort(t *testing.T) {
	s, today := trendingLibrary(t)
	ctx := context.Background()
	defer func(band, deep int) { trendingBandFrom, deepOffset = band, deep }(trendingBandFrom, deepOffset)
	deepOffset = 10 // the second half is read from the end
	views := []Filter{{}, {Unread: true}, {Upvotes: []query.Bound{{Op: ">=", N: 30}}}, {Since: today.AddDate(0, 0, -30).Format(time.DateOnly)}}
	for _, v := range views {
		v.Sort = SortTrending
		trendingBandFrom = 1 << 30
		all, err := s.Records(ctx, v, 0, 0)
		if err != nil {
			t.Fatal(err)
		}
		want := make([]string, len(all))
		for i, r := range all {
			want[i] = r.ID
		}
		v.Total = len(all)
		for _, band := range []int{0, 100} {
			trendingBandFrom = band
			for _, limit := range []int{1, 7, 50, 200} {
				for offset := 0; offset < len(all)+limit; offset += 1 + offset/3 + limit/2 {
					got, err := s.Entries(ctx, v, offset, limit)
					if err != nil {
						t.Fatal(err)
					}
					w := want[min(offset, len(want)):min(offset+limit, len(want))]
					if !slices.Equal(idsOf(got), w) {
						t.Fatalf("%+v band from %d, page %d+%d: got %v, want %v", v, band, offset, limit, idsOf(got), w)
					}
				}
			}
		}
	}
}
