package store

import (
	"context"
	"errors"
	"sync/atomic"
	"testing"
	"time"

	"github.com/papertui/papers/feed"
	"github.com/papertui/papers/feed/feedtest"
)

// aheadWatcher is the real client, but fail's request fails at once and
// slow's holds on a little after it is cancelled, as a request does while
// its connection is torn down; running counts the requests under way.
type aheadWatcher struct {
	*feed.Client
	fail, slow string
	entered    chan struct{}
	running    atomic.Int32
}

func (w *aheadWatcher) Month(ctx context.Context, month string) (feed.Window, error) {
	w.running.Add(1)
	defer w.running.Add(-1)
	switch month {
	case w.fail:
		return feed.Window{}, errors.New("fetch daily papers " + month + ": broken")
	case w.slow:
		close(w.entered)
		<-ctx.Done()
		time.Sleep(100 * time.Millisecond)
		return feed.Window{}, ctx.Err()
	}
	return w.Client.Month(ctx, month)
}

// A sync stopped while it saves a month (Ctrl-C, a save that fails) does
// not return with the next month's request, asked for ahead, still under
// way: the caller may make its next request at once (the reader's next
// sync, the CLI's discussions), and one request at a time is the rule.
func TestSyncMonthsReturnsWithNoRequestUnderWay(t *testing.T) {
	srv := feedtest.New(t)
	servedDays(t, srv, 600, time.Date(2025, 10, 1, 0, 0, 0, 0, time.UTC))
	s := openTemp(t)
	w := &aheadWatcher{Client: testClient(srv), fail: "2025-10", slow: "2025-12", entered: make(chan struct{})}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	plan := SyncPlan{Since: "2025-10-01", Until: "2025-12-31", Today: testToday}
	// October failed, so its days are settled one by one as November is
	// saved: the first of them stops the sync (Ctrl-C) once December's
	// request is under way.
	progress := func(p SyncProgress) {
		if p.Done && p.Day == "2025-10-01" {
			select {
			case <-w.entered:
			case <-time.After(5 * time.Second):
			}
			cancel()
		}
	}
	_, err := s.Sync(ctx, w, plan, progress)
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("Sync: %v, want it cancelled", err)
	}
	if n := w.running.Load(); n != 0 {
		t.Errorf("Sync returned with %d month request(s) still under way", n)
	}
}
