package store

import (
	"context"
	"testing"

	"github.com/papertui/papers/feed"
)

// TestPrepareTwiceKeepsColumnFilters: a count of a filter already made
// ready (a deep page counts its view first) keeps author:, org: and kw:
// instead of counting every paper.
func TestPrepareTwiceKeepsColumnFilters(t *testing.T) {
	s := openTemp(t)
	ctx := context.Background()
	var ps []feed.Paper
	for i, who := range []string{"Ada Lovelace", "Alan Turing", "Ada Lovelace", "Grace Hopper"} {
		ps = append(ps, feed.Paper{ID: "2611.0000" + string(rune('1'+i)), Title: "Paper", Day: "2026-11-02", Authors: []feed.Author{{Name: who}}})
	}
	if _, err := s.SaveDay(ctx, "2026-11-02", ps); err != nil {
		t.Fatal(err)
	}
	f := Filter{Sort: SortUpvotes, Authors: []string{"Lovelace"}}
	ready, err := s.prepare(ctx, f)
	if err != nil {
		t.Fatal(err)
	}
	for name, view := range map[string]Filter{"as asked": f, "made ready": ready} {
		if n, err := s.Count(ctx, view); err != nil || n != 2 {
			t.Errorf("count of author:Lovelace %s: %d, %v; want 2", name, n, err)
		}
	}
}
