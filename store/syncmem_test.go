package store

import (
	"context"
	"testing"
	"time"

	"github.com/papertui/papers/feed"
	"github.com/papertui/papers/feed/feedtest"
)

// monthWatcher is the real client, noting before each month it fetches
// how many days of the plan the library already holds as complete.
type monthWatcher struct {
	*feed.Client
	s        *Store
	savedAt  map[string]int // month → complete days when it was fetched
	from, to string
}

func (w *monthWatcher) Month(ctx context.Context, month string) (feed.Window, error) {
	days, err := w.s.Days(ctx, w.from, w.to)
	if err != nil {
		return feed.Window{}, err
	}
	n := 0
	for _, st := range days {
		if st.Complete {
			n++
		}
	}
	w.savedAt[month] = n
	return w.Client.Month(ctx, month)
}

// A long backfill saves each month's days while the month after next is
// asked for, instead of holding every fetched paper until the end: what a
// sync holds is then three months (one being saved, one fetched, the next
// on its way), whatever the range.
func TestMonthBackfillSavesAsItGoes(t *testing.T) {
	srv := feedtest.New(t)
	servedDays(t, srv, 1500, time.Date(2025, 9, 1, 0, 0, 0, 0, time.UTC))
	s := openTemp(t)
	plan := SyncPlan{Since: "2025-09-20", Until: "2026-01-16", Today: testToday}
	w := &monthWatcher{Client: testClient(srv), s: s, savedAt: map[string]int{}, from: plan.Since, to: plan.Until}
	if _, err := s.Sync(context.Background(), w, plan, nil); err != nil {
		t.Fatal(err)
	}
	// September's days (20–30) are saved by the time December is asked
	// for, and October's by January.
	if w.savedAt["2025-12"] < 11 || w.savedAt["2026-01"] < 11+31 {
		t.Errorf("days saved before each month was fetched: %v; want September's 11 before December, "+
			"and October's 31 more before January", w.savedAt)
	}
}
