package main

import (
	"context"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/papertui/papers/feed"
	"github.com/papertui/papers/feed/feedtest"
	"github.com/papertui/papers/feed/synth"
	"github.com/papertui/papers/store"
)

// TestSyncRefreshesRecentDiscussions: a sync fetches again the stored
// discussions of recent papers that are more than a few hours old, and
// says how many.
func TestSyncRefreshesRecentDiscussions(t *testing.T) {
	srv := feedtest.New(t)
	days := synth.Days(10, 2, time.Now().UTC().AddDate(0, 0, -1))
	for _, d := range days {
		mustSetDay(t, srv, d.Date, d.Body)
	}
	env := append(dbEnv(t), "PAPERS_API_URL="+srv.URL)
	if r := papers(t, env, "sync", "--days", "2"); r.code != 0 {
		t.Fatalf("first sync exit %d: %s", r.code, r.stderr)
	}
	lib, err := store.Open(strings.TrimPrefix(env[0], "PAPERS_DB="))
	if err != nil {
		t.Fatal(err)
	}
	ids, err := lib.Entries(context.Background(), store.Filter{}, 0, 1)
	if err != nil || len(ids) == 0 {
		t.Fatalf("no paper synced: %v", err)
	}
	id := ids[0].ID
	if err := lib.PutDiscussion(context.Background(), feed.Discussion{ID: id}, time.Now().Add(-2*store.DiscussionFresh)); err != nil {
		t.Fatal(err)
	}
	lib.Close()
	srv.SetPaper(id, []byte(`{"id":"`+id+`","comments":[{"id":"c1","createdAt":"2026-01-01T00:00:00Z","author":{"name":"bob"},"data":{"latest":{"raw":"New remark"}}}]}`))
	r := papers(t, env, "sync", "--days", "2", "--json")
	if r.code != 0 {
		t.Fatalf("second sync exit %d: %s", r.code, r.stderr)
	}
	var rep map[string]any
	mustUnmarshal(t, []byte(r.stdout), &rep)
	if rep["discussions"] != float64(1) {
		t.Errorf("sync --json says %v discussions refreshed, want 1: %s", rep["discussions"], r.stdout)
	}
	if r := papers(t, env, "show", id); !strings.Contains(r.stdout, "New remark") {
		t.Errorf("show lacks the refreshed discussion:\n%s", r.stdout)
	}
}

// A range that ends before it starts is a usage error naming both flags
// and their values, found before any library is opened or request made.
func TestSyncReversedRangeIsAUsageError(t *testing.T) {
	env := dbEnv(t)
	for _, tc := range []struct{ since, until, want string }{
		{"2025-03-10", "2025-03-01", "--since 2025-03-10 is after --until 2025-03-01"},
		{"2025-04", "2025-03", "--since 2025-04-01 is after --until 2025-03-31"},
	} {
		r := papers(t, env, "sync", "--since", tc.since, "--until", tc.until)
		if r.code != 2 || !strings.Contains(r.stderr, tc.want) {
			t.Errorf("sync --since %s --until %s: exit %d, stderr %q; want exit 2 saying %q", tc.since, tc.until, r.code, r.stderr, tc.want)
		}
	}
	if _, err := os.Stat(strings.TrimPrefix(env[0], "PAPERS_DB=")); !os.IsNotExist(err) {
		t.Errorf("a refused sync made a library: %v", err)
	}
}

// TestProgressBarHonoursNoColor: with NO_COLOR the sync bar is drawn
// without a colour code; without it, in colour.
func TestProgressBarHonoursNoColor(t *testing.T) {
	t.Setenv("NO_COLOR", "")
	if bar := newProgressPrinter(os.Stderr).bar.ViewAs(0.5); !strings.Contains(bar, "\x1b[") {
		t.Errorf("the bar without NO_COLOR has no colour: %q", bar)
	}
	t.Setenv("NO_COLOR", "1")
	if bar := newProgressPrinter(os.Stderr).bar.ViewAs(0.5); strings.Contains(bar, "\x1b[") {
		t.Errorf("the bar with NO_COLOR has colour codes: %q", bar)
	}
}
