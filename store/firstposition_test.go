package store

import (
	"context"
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"testing"

	"github.com/papertui/papers/feed"
	"github.com/papertui/papers/store/query"
)

// TestFirstPositionCountsLikeNumbering: counting the rows before a paper
// gives the index numbering the whole view gives, in every order and
// filter, with ties on every key and papers without a feed day.
func TestFirstPositionCountsLikeNumbering(t *testing.T) {
	s, err := Open(filepath.Join(t.TempDir(), "p.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	ctx := context.Background()
	rng := rand.New(rand.NewPCG(1, 2))
	var ids []string
	for d := 1; d <= 6; d++ {
		var ps []feed.Paper
		for i := 0; i < 12; i++ {
			id := fmt.Sprintf("25%02d.%05d", 10-d%3, d*100+i)
			title := "model of diffusion"
			if i%3 == 0 {
				title = "sparse attention"
			}
			ps = append(ps, feed.Paper{ID: id, Title: title, Upvotes: rng.IntN(4) * 10, Day: fmt.Sprintf("2025-10-%02d", d)})
			ids = append(ids, id)
		}
		if _, err := s.SaveDay(ctx, ps[0].Day, ps); err != nil {
			t.Fatal(err)
		}
	}
	var dayless []feed.Paper
	for i := 0; i < 5; i++ {
		id := fmt.Sprintf("2401.%05d", i)
		dayless = append(dayless, feed.Paper{ID: id, Title: "model without a day", Upvotes: rng.IntN(3) * 10})
		ids = append(ids, id)
	}
	if _, err := s.SavePapers(ctx, dayless); err != nil {
		t.Fatal(err)
	}
	for i, id := range ids {
		if i%4 == 0 {
			if err := s.SetRead(ctx, true, id); err != nil {
				t.Fatal(err)
			}
		}
	}
	search := func(text string) Filter { q, _ := query.Parse(text); return Filter{}.Search(q) }
	for _, base := range []Filter{{}, {Unread: true}, search("model"), search("upvotes:>=10"), {Since: "2025-10-03"}} {
		for _, sort := range []Sort{SortNewest, SortUpvotes, SortTrending, SortRelevance} {
			f := base
			f.Sort = sort
			// The numbering: each paper's index in the whole view, as listed.
			recs, err := s.Records(ctx, f, 0, 0)
			if err != nil {
				t.Fatal(err)
			}
			all := map[string]int{}
			for i, r := range recs {
				all[r.ID] = i
			}
			for i, id := range ids {
				got, n, ok, err := s.FirstPosition(ctx, f, ids[i:])
				if err != nil {
					t.Fatal(err)
				}
				wantID, want, held := "", -1, false
				for _, next := range ids[i:] { // the first the view holds
					if n, ok := all[next]; ok {
						wantID, want, held = next, n, true
						break
					}
				}
				if ok != held || got != wantID || n != want {
					t.Errorf("%+v: from %s: FirstPosition %s %d %v, numbering %s %d", f, id, got, n, ok, wantID, want)
				}
			}
		}
	}
	if _, _, ok, err := s.FirstPosition(ctx, Filter{}, []string{"nope", "2401.99999"}); ok || err != nil {
		t.Errorf("unknown ids: ok %v, err %v", ok, err)
	}
}

// TestFirstPositionTrendingNarrowed: in the trending order, the rows
// before a paper are counted among those with the upvotes and age to
// outscore it (countBeforeTrending); over trendingLibrary's papers of
// every age, with ties, papers scoring nothing and papers without a day,
// that count is still each paper's place as the view lists it.
func TestFirstPositionTrendingNarrowed(t *testing.T) {
	s, _ := trendingLibrary(t)
	ctx := context.Background()
	all, err := s.Records(ctx, Filter{}, 0, 0)
	if err != nil {
		t.Fatal(err)
	}
	for i, r := range all {
		if i%3 == 0 { // so that the unread view leaves some out
			if err := s.SetRead(ctx, true, r.ID); err != nil {
				t.Fatal(err)
			}
		}
	}
	for _, base := range []Filter{{}, {Unread: true}, {Upvotes: []query.Bound{{Op: ">=", N: 3}}}} {
		f := base
		f.Sort = SortTrending
		recs, err := s.Records(ctx, f, 0, 0)
		if err != nil {
			t.Fatal(err)
		}
		for want, r := range recs {
			got, n, ok, err := s.FirstPosition(ctx, f, []string{r.ID})
			if err != nil || !ok || got != r.ID || n != want {
				t.Errorf("%+v: %s (%d upvotes, %s) at %d, FirstPosition says %d (ok %v, err %v)",
					f, r.ID, r.Upvotes, r.Day, want, n, ok, err)
			}
		}
	}
}
