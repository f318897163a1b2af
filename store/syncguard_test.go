package store

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/papertui/papers/feed"
	"github.com/papertui/papers/feed/feedtest"
)

func offlineClient(t *testing.T) *feed.Client {
	srv := feedtest.New(t)
	url := srv.URL
	srv.Close()
	c := feed.NewClient(url)
	c.Wait = func(ctx context.Context, d time.Duration) error { return nil }
	return c
}

// TestSyncMonthsOfflineStopsAtOnce: a month-window backfill with the host
// unreachable stops after the first month, not after trying every one,
// and a start before the feed began is moved to 2023 with a note.
func TestSyncMonthsOfflineStopsAtOnce(t *testing.T) {
	s := openTemp(t)
	r, err := s.Sync(context.Background(), offlineClient(t), SyncPlan{Since: "2016-01-01", Today: testToday}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if r.Requests > 2 || r.Days != 0 || len(r.Failed) == 0 {
		t.Errorf("report: %d requests, %d days, %d failed", r.Requests, r.Days, len(r.Failed))
	}
	if r.Failed[0].Day != FeedStart || len(r.Notes) != 1 || !strings.Contains(r.Notes[0], "2023") {
		t.Errorf("first failed %s, notes %q: want the start moved to %s", r.Failed[0].Day, r.Notes, FeedStart)
	}
	last := r.Failed[len(r.Failed)-1].Error
	if !strings.Contains(last, "could not be reached") {
		t.Errorf("last day: %s", last)
	}
}

// TestSyncHugeDaysIsClamped: --days 1000000 asks for the feed since 2023.
func TestSyncHugeDaysIsClamped(t *testing.T) {
	s := openTemp(t)
	r, err := s.Sync(context.Background(), offlineClient(t), SyncPlan{Days: 1000000, Today: testToday}, nil)
	if err != nil {
		t.Fatal(err)
	}
	days := int(testToday.Sub(time.Date(2023, 1, 1, 0, 0, 0, 0, time.UTC)).Hours()/24) + 1
	if len(r.Failed) != days || len(r.Notes) != 1 || r.Requests > 2 {
		t.Errorf("%d failed (want %d), notes %q, %d requests", len(r.Failed), days, r.Notes, r.Requests)
	}
}

// TestSyncStopsAfterRepeatedFailures: a server failing every day the same
// way costs a few requests, and the days left say why they were not fetched.
func TestSyncStopsAfterRepeatedFailures(t *testing.T) {
	requests := 0
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		requests++
		http.Error(w, "nope", http.StatusForbidden)
	}))
	defer srv.Close()
	c := feed.NewClient(srv.URL)
	c.Wait = func(ctx context.Context, d time.Duration) error { return nil }
	s := openTemp(t)
	r, err := s.Sync(context.Background(), c, SyncPlan{Days: 10, Today: testToday}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if requests != maxSameFailures || len(r.Failed) != 10 {
		t.Errorf("%d requests, %d failed days", requests, len(r.Failed))
	}
	if !strings.Contains(r.Failed[9].Error, "in a row") {
		t.Errorf("last day: %s", r.Failed[9].Error)
	}
}

// TestSyncGoesOnAfterUnlikeFailures: days that fail in different ways (an
// answer whose every item is rejected, an HTTP 400, an HTML page, a 403,
// an answer of rejected items again) say nothing of the next one, so every
// day is asked for; none is "not fetched" as failing "the same way".
func TestSyncGoesOnAfterUnlikeFailures(t *testing.T) {
	var requests atomic.Int32 // the handler's goroutines write it, the test reads it
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch requests.Add(1) % 4 {
		case 1:
			w.Header().Set("Content-Type", "application/json")
			w.Write([]byte(`["a","b"]`))
		case 2:
			http.Error(w, "bad", http.StatusBadRequest)
		case 3:
			w.Header().Set("Content-Type", "text/html")
			w.Write([]byte("<html><body>sign in</body></html>"))
		default:
			http.Error(w, "nope", http.StatusForbidden)
		}
	}))
	defer srv.Close()
	c := feed.NewClient(srv.URL)
	c.Wait = func(ctx context.Context, d time.Duration) error { return nil }
	s := openTemp(t)
	r, err := s.Sync(context.Background(), c, SyncPlan{Days: 5, Today: testToday}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if requests.Load() != 5 || len(r.Failed) != 5 {
		t.Errorf("%d requests, %d failed days; want 5 of each", requests.Load(), len(r.Failed))
	}
	for _, f := range r.Failed {
		if strings.Contains(f.Error, "not fetched") {
			t.Errorf("%s: %s", f.Day, f.Error)
		}
	}
}

// TestFailureKinds: failures that predict each other share a kind, and
// the ways an answer can be wrong each have their own.
func TestFailureKinds(t *testing.T) {
	for _, c := range []struct {
		err  error
		want string
	}{
		{fmt.Errorf("fetch: %w", feed.StatusError(400)), "HTTP 4xx"},
		{fmt.Errorf("fetch: %w", feed.StatusError(403)), "HTTP 4xx"},
		{fmt.Errorf("fetch: %w", feed.ErrNotFound), "HTTP 4xx"},
		{fmt.Errorf("fetch: %w", feed.StatusError(503)), "HTTP 5xx"},
		{allRejected(feed.Window{Rejected: []feed.ItemError{{}}}), "every item rejected"},
		{errors.New("truncated JSON"), "failed"},
	} {
		if got := failureKind(c.err); got != c.want {
			t.Errorf("%v: kind %q, want %q", c.err, got, c.want)
		}
	}
}

// TestSyncDeadline: days left when the sync's deadline passes are reported
// as not fetched, and nothing is asked after it.
func TestSyncDeadline(t *testing.T) {
	srv := feedtest.New(t)
	s := openTemp(t)
	for _, plan := range []SyncPlan{
		{Days: 5, Today: testToday, Deadline: time.Nanosecond},
		{Since: "2025-01-01", Today: testToday, Deadline: time.Nanosecond},
	} {
		r, err := s.Sync(context.Background(), testClient(srv), plan, nil)
		if err != nil {
			t.Fatal(err)
		}
		if r.Requests != 0 || len(r.Failed) == 0 || !strings.Contains(r.Failed[0].Error, "deadline") {
			t.Errorf("%+v: %d requests, failed %v", plan, r.Requests, r.Failed[:min(2, len(r.Failed))])
		}
	}
}

// TestFutureDayNeverStopsSyncs: a day after today recorded complete (an
// old `sync --date` in the future) does not make the next syncs skip
// everything, and a future --date is refused.
func TestFutureDayNeverStopsSyncs(t *testing.T) {
	ctx := context.Background()
	srv := feedtest.New(t)
	servedDays(t, srv, 100, time.Date(2026, 1, 5, 0, 0, 0, 0, time.UTC))
	s := openTemp(t)
	if _, err := s.SaveDay(ctx, "2027-01-05", nil); err != nil {
		t.Fatal(err)
	}
	r, err := s.Sync(ctx, testClient(srv), SyncPlan{Today: testToday}, nil)
	if err != nil || r.Days != 7 {
		t.Errorf("sync after a future day: %d days, %v", r.Days, err)
	}
	if _, err := s.Sync(ctx, testClient(srv), SyncPlan{Date: "2027-01-05", Today: testToday}, nil); err == nil {
		t.Error("a --date a year ahead was accepted")
	}
	if _, err := s.Sync(ctx, testClient(srv), SyncPlan{Date: "2026-01-17", Today: testToday}, nil); err != nil {
		t.Errorf("tomorrow (a time zone ahead) refused: %v", err)
	}
}
