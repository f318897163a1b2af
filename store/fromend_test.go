package store

import (
	"context"
	"fmt"
	"slices"
	"testing"

	"github.com/papertui/papers/feed"
)

// TestDeepPagesReadFromTheEnd: a page past the middle of a view, read
// backwards from the end, holds exactly the rows a forward read gives,
// in every order and with filters.
func TestDeepPagesReadFromTheEnd(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	const n = 2600
	for d := range 26 {
		day := fmt.Sprintf("2025-03-%02d", d+1)
		var ps []feed.Paper
		for i := range n / 26 {
			p := paper(fmt.Sprintf("2503.%05d", d*100+i), fmt.Sprintf("Paper %d %d", d, i), (d*7+i*13)%40, day)
			ps = append(ps, p)
		}
		mustSave(t, s, day, ps...)
	}
	if err := s.Enqueue(ctx, "2503.00003", "2503.02507"); err != nil {
		t.Fatal(err)
	}
	for _, f := range []Filter{
		{Sort: SortNewest},
		{Sort: SortUpvotes},
		{Sort: SortTrending},
		{Sort: SortNewest, Since: "2025-03-04"},
		{Sort: SortUpvotes, Unread: true},
		{Sort: SortTrending, Unread: true},
		{Sort: SortTrending, Since: "2025-03-03"},
	} {
		total, err := s.Count(ctx, f)
		if err != nil {
			t.Fatal(err)
		}
		all, err := s.Entries(ctx, f, 0, deepOffset-1)
		if err != nil {
			t.Fatal(err)
		}
		rest, err := s.Entries(ctx, f, deepOffset-1, total)
		if err != nil {
			t.Fatal(err)
		}
		all = append(all, rest...)
		for _, offset := range []int{deepOffset, total/2 + 1, total - 200, total - 37, total - 1} {
			for _, limit := range []int{1, 37, 200} {
				got, err := s.Entries(ctx, f, offset, limit)
				if err != nil {
					t.Fatal(err)
				}
				want := all[offset:min(offset+limit, total)]
				if !slices.EqualFunc(got, want, func(a, b Entry) bool { return a.ID == b.ID }) {
					t.Fatalf("%+v offset %d limit %d: got %d rows starting %v, want %d starting %v",
						f, offset, limit, len(got), first(got), len(want), first(want))
				}
			}
		}
	}
}

func first(es []Entry) string {
	if len(es) == 0 {
		return "none"
	}
	return es[0].ID
}
