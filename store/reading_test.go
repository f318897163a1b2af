package store

import (
	"context"
	"testing"

	"github.com/papertui/papers/feed"
)

// A reading position reads back as written, the percentage read only
// grows, and the queue's progress lists only queued papers that were read.
func TestReadingPosition(t *testing.T) {
	s := openTemp(t)
	ctx := context.Background()
	if _, err := s.SaveDay(ctx, "2025-03-14", []feed.Paper{paper("2503.00001", "One", 1, "2025-03-14"),
		paper("2503.00002", "Two", 1, "2025-03-14")}); err != nil {
		t.Fatal(err)
	}
	if _, ok, err := s.Reading(ctx, "2503.00001"); ok || err != nil {
		t.Fatalf("never read: ok %v, %v", ok, err)
	}
	if err := s.SetReading(ctx, "2503.00001", Reading{Section: 3, Within: 2500, Percent: 40}); err != nil {
		t.Fatal(err)
	}
	if err := s.SetReading(ctx, "2503.00001", Reading{Section: 1, Within: 20000, Percent: 10}); err != nil {
		t.Fatal(err)
	}
	r, ok, err := s.Reading(ctx, "2503.00001")
	if !ok || err != nil || r.Section != 1 || r.Within != 10000 || r.Percent != 40 {
		t.Fatalf("reading = %+v, %v, %v; want section 1, within clamped to 10000, percent kept at 40", r, ok, err)
	}
	if err := s.SetReading(ctx, "2503.00002", Reading{Percent: 5}); err != nil {
		t.Fatal(err)
	}
	if err := s.Enqueue(ctx, "2503.00001"); err != nil {
		t.Fatal(err)
	}
	got, err := s.QueueProgress(ctx)
	if err != nil || len(got) != 1 || got["2503.00001"] != 40 {
		t.Fatalf("queue progress = %v, %v; want only the queued paper at 40", got, err)
	}
}
