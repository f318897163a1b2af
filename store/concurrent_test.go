package store

import (
	"context"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/papertui/papers/feed/feedtest"
	"github.com/papertui/papers/feed/synth"
)

// TestTwoProcessesAtOnce: two syncs and a reader (queue edits, list
// queries) on one file through separate connections pools, as two
// papers processes would: nobody sees "database is locked", and the
// reader sees the synced papers.
func TestTwoProcessesAtOnce(t *testing.T) {
	srv := feedtest.New(t)
	want := 0
	for _, d := range synth.Days(600, 5, time.Date(2026, 1, 5, 0, 0, 0, 0, time.UTC)) {
		srv.SetDay(d.Date, d.Body)
		if d.Date <= "2026-01-14" {
			want += strings.Count(string(d.Body), `"paper":`)
		}
	}
	path := filepath.Join(t.TempDir(), "papers.db")
	open := func() *Store {
		s, err := Open(path)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { s.Close() })
		return s
	}
	a, b, reader := open(), open(), open()
	plan := SyncPlan{Since: "2026-01-05", Until: "2026-01-14", Refresh: true, Today: testToday}
	ctx := context.Background()
	var wg sync.WaitGroup
	errs := make(chan error, 100)
	for _, s := range []*Store{a, b} {
		wg.Add(1)
		go func() {
			defer wg.Done()
			r, err := s.Sync(ctx, testClient(srv), plan, nil)
			if err != nil {
				errs <- err
			}
			for _, f := range r.Failed {
				errs <- &syncErr{f}
			}
		}()
	}
	wg.Add(1)
	go func() {
		defer wg.Done()
		for i := 0; i < 200; i++ {
			es, err := reader.Entries(ctx, Filter{}, 0, 20)
			if err != nil {
				errs <- err
				return
			}
			if len(es) > 0 {
				if err := reader.Enqueue(ctx, es[0].ID); err != nil {
					errs <- err
				}
				if err := reader.SetRead(ctx, i%2 == 0, es[len(es)-1].ID); err != nil {
					errs <- err
				}
			}
		}
	}()
	wg.Wait()
	close(errs)
	for err := range errs {
		if strings.Contains(err.Error(), "locked") || strings.Contains(err.Error(), "busy") {
			t.Errorf("the user would see: %v", err)
		} else {
			t.Error(err)
		}
	}
	n, _ := reader.Count(ctx, Filter{})
	if n != want {
		t.Errorf("reader sees %d papers, want %d", n, want)
	}
	checkIntegrity(t, reader)
}

type syncErr struct{ f DayFailure }

func (e *syncErr) Error() string { return e.f.Day + ": " + e.f.Error }
