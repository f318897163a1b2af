package store

import (
	"context"
	"slices"
	"testing"

	"github.com/papertui/papers/feed/synth"
	"github.com/papertui/papers/store/query"
)

// TestDeepSearchPagesReadFromTheEnd: with the view's count known, a
// search's page past the middle is read backwards from the end and holds
// exactly the rows the forward walk gives there: newest and best match,
// with filters, exclusions and column filters, near the title blocks.
func TestDeepSearchPagesReadFromTheEnd(t *testing.T) {
	if testing.Short() {
		t.Skip("imports 9,000 synthetic papers")
	}
	ctx := context.Background()
	s := openTemp(t)
	importDays(t, s, synth.Days(9000, 7, synth.DefaultStart))
	checked := 0
	for _, text := range []string{"model", "model -language", "model since:2026-03", "agent"} {
		q, err := query.Parse(text)
		if err != nil {
			t.Fatal(err)
		}
		for _, sort := range []Sort{SortNewest, SortRelevance} {
			f := Filter{Sort: sort}.Search(q)
			count, err := s.Count(ctx, f)
			if err != nil {
				t.Fatal(err)
			}
			// Best match lists title-key hits that the word search may
			// not count (a prefix of a title word): the list can be
			// longer than the count.
			all, err := s.Entries(ctx, f, 0, count+1000)
			if err != nil {
				t.Fatal(err)
			}
			n := len(all)
			if n < 2*deepOffset+10 {
				continue
			}
			checked++
			deep := f
			deep.Total = count
			for _, offset := range []int{n/2 + 1, n - 200, n - 1} {
				for _, limit := range []int{37, 200} {
					got, err := s.Entries(ctx, deep, offset, limit)
					if err != nil {
						t.Fatal(err)
					}
					want := all[offset:min(offset+limit, n)]
					if !slices.EqualFunc(got, want, func(a, b Entry) bool { return a.ID == b.ID }) {
						t.Fatalf("%q %s offset %d limit %d of %d: got %d rows starting %v, want %d starting %v",
							text, sort, offset, limit, n, len(got), first(got), len(want), first(want))
					}
				}
			}
		}
	}
	if checked < 6 {
		t.Fatalf("only %d searches were large enough to test", checked)
	}
}
