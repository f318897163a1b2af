package store

import (
	"context"
	"maps"
	"slices"
	"testing"
	"time"
)

// TestNewAmong: of the ids asked about, only those that arrived after
// the time given are new; a paper saved again keeps its first arrival.
func TestNewAmong(t *testing.T) {
	s := openTemp(t)
	ctx := context.Background()
	mustSave(t, s, "2025-10-01", paper("2510.00001", "Old", 1, "2025-10-01"))
	time.Sleep(5 * time.Millisecond) // arrivals are stamped in milliseconds
	since := time.Now().UnixMilli()
	time.Sleep(5 * time.Millisecond)
	mustSave(t, s, "2025-10-02", paper("2510.00002", "New", 1, "2025-10-02"))
	mustSave(t, s, "2025-10-01", paper("2510.00001", "Old, updated", 9, "2025-10-01"))
	got, err := s.NewAmong(ctx, since, []string{"2510.00001", "2510.00002", "2510.99999"})
	if err != nil {
		t.Fatal(err)
	}
	if ids := slices.Sorted(maps.Keys(got)); !slices.Equal(ids, []string{"2510.00002"}) {
		t.Errorf("new = %v, want [2510.00002]", ids)
	}
	if got, err := s.NewAmong(ctx, since, nil); err != nil || len(got) != 0 {
		t.Errorf("no ids: %v, %v", got, err)
	}
}
