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
	got, err := s.Positions(ctx, Filter{Sort: SortUpvotes, Unread: true}, []string{"2510.00002", "2510.00003", "2510.00001", "nope"})
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 || got["2510.00001"] != 0 || got["2510.00003"] != 1 {
		t.Errorf("positions = %v", got)
	}
	for _, id := range []string{"2510.00001", "2510.00003"} {
		if n, _ := s.Position(ctx, Filter{Sort: SortUpvotes, Unread: true}, id); n != got[id] {
			t.Errorf("%s: Positions %d, Position %d", id, got[id], n)
		}
	}
}
