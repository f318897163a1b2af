package store

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/papertui/papers/feed"
)

func TestPositionsFindsWhatTheViewHolds(t *testing.T) {
	s, err := Open(filepath.Join(t.TempDir(), "p.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	ctx := context.Background()
	if _, err := s.SaveDay(ctx, "2025-10-02", []feed.Paper{
		{ID: "2510.00001", Title: "One", Upvotes: 5}, {ID: "2510.00002", Title: "Two", Upvotes: 9},
		{ID: "2510.00003", Title: "Three", Upvotes: 1},
	}); err != nil {
		t.Fatal(err)
	}
	s.SetRead(ctx, true, "2510.00002")
	// The view of unread papers by upvotes: 2510.00001 (5), then
	// 2510.00003 (1); 2510.00002 is read, "nope" unknown.
	f := Filter{Sort: SortUpvotes, Unread: true}
	got := map[string]int{}
	for _, id := range []string{"2510.00002", "2510.00003", "2510.00001", "nope"} {
		held, n, ok, err := s.FirstPosition(ctx, f, []string{id})
		if err != nil {
			t.Fatal(err)
		}
		if ok {
			got[held] = n
		}
	}
	if len(got) != 2 || got["2510.00001"] != 0 || got["2510.00003"] != 1 {
		t.Errorf("positions = %v", got)
	}
	for _, id := range []string{"2510.00001", "2510.00003"} {
		if n, _ := s.Position(ctx, f, id); n != got[id] {
			t.Errorf("%s: FirstPosition %d, Position %d", id, got[id], n)
		}
	}
	// With neighbours, the first the view holds answers: not the read one.
	if id, n, ok, err := s.FirstPosition(ctx, f, []string{"2510.00002", "2510.00003", "2510.00001"}); err != nil || !ok || id != "2510.00003" || n != 1 {
		t.Errorf("first of a read paper and its neighbours: %s %d %v %v, want 2510.00003 1", id, n, ok, err)
	}
}
