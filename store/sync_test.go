package store

import (
	"context"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/papertui/papers/feed"
	"github.com/papertui/papers/feed/feedtest"
	"github.com/papertui/papers/feed/synth"
)

// testToday is "now" for every sync test: the feed's last served day.
var testToday = time.Date(2026, 1, 16, 12, 0, 0, 0, time.UTC)

// servedDays puts n synthetic papers on the weekdays before testToday.
func servedDays(t *testing.T, srv *feedtest.Server, n int, start time.Time) []synth.Day {
	t.Helper()
	days := synth.Days(n, 7, start)
	for _, d := range days {
		if err := srv.SetDay(d.Date, d.Body); err != nil {
			t.Fatal(err)
		}
	}
	return days
}

func testClient(srv *feedtest.Server) *feed.Client {
	c := feed.NewClient(srv.URL)
	c.Wait = func(ctx context.Context, d time.Duration) error { return ctx.Err() } // never really sleep
	c.Timeout = 2 * time.Second
	return c
}

func TestSyncDefaultPlanThenIncremental(t *testing.T) {
	ctx := context.Background()
	srv := feedtest.New(t)
	servedDays(t, srv, 200, time.Date(2026, 1, 5, 0, 0, 0, 0, time.UTC))
	s := openTemp(t)
	var progress []SyncProgress
	report, err := s.Sync(ctx, testClient(srv), SyncPlan{Today: testToday}, func(p SyncProgress) { progress = append(progress, p) })
	if err != nil {
		t.Fatal(err)
	}
	// An empty library syncs the last 7 days: 2026-01-10 … 2026-01-16.
	if report.Days != 7 || len(report.Failed) != 0 || report.New == 0 || report.New != report.Papers {
		t.Fatalf("first sync = %+v", report)
	}
	if len(progress) != 14 || !progress[13].Done || progress[13].Day != "2026-01-16" {
		t.Errorf("progress = %+v", progress)
	}
	n, _ := s.Count(ctx, Filter{})
	if n != report.New {
		t.Errorf("library holds %d papers, sync reported %d new", n, report.New)
	}
	// Later: from the last complete day minus 3 days through today. The
	// feed answers as before: nothing is new, and nothing updated.
	report, err = s.Sync(ctx, testClient(srv), SyncPlan{Today: testToday}, nil)
	if err != nil || report.Days != 4 || report.New != 0 || report.Updated != 0 || report.Papers == 0 {
		t.Fatalf("second sync = %+v, %v", report, err)
	}
}

func TestSyncRangeSkipsCompleteDaysUnlessRefresh(t *testing.T) {
	ctx := context.Background()
	srv := feedtest.New(t)
	servedDays(t, srv, 100, time.Date(2026, 1, 5, 0, 0, 0, 0, time.UTC))
	s := openTemp(t)
	plan := SyncPlan{Since: "2026-01-05", Until: "2026-01-09", Today: testToday}
	if r, err := s.Sync(ctx, testClient(srv), plan, nil); err != nil || r.Days != 5 {
		t.Fatalf("first = %+v, %v", r, err)
	}
	r, err := s.Sync(ctx, testClient(srv), plan, nil)
	if err != nil || r.Days != 0 || r.Skipped != 5 || r.Requests != 0 {
		t.Fatalf("complete old days must be skipped: %+v, %v", r, err)
	}
	plan.Refresh = true
	if r, err := s.Sync(ctx, testClient(srv), plan, nil); err != nil || r.Days != 5 || r.Skipped != 0 {
		t.Fatalf("refresh = %+v, %v", r, err)
	}
}

func TestSyncFailedDayDoesNotStopOthersNorLoseData(t *testing.T) {
	ctx := context.Background()
	srv := feedtest.New(t)
	servedDays(t, srv, 60, time.Date(2026, 1, 12, 0, 0, 0, 0, time.UTC))
	s := openTemp(t)
	plan := SyncPlan{Since: "2026-01-12", Until: "2026-01-14", Refresh: true, Today: testToday}
	if _, err := s.Sync(ctx, testClient(srv), plan, nil); err != nil {
		t.Fatal(err)
	}
	before, _ := s.Count(ctx, Filter{Day: "2026-01-13"})
	s.Enqueue(ctx, firstID(t, s, "2026-01-13"))

	cases := map[string]feedtest.Fault{
		"truncated JSON": feedtest.Body("application/json", `[{"paper":{"id":"2601.00001"`),
		"HTML":           feedtest.Body("text/html", "<html><body>Service Unavailable</body></html>"),
		"not an array":   feedtest.Body("application/json", `{"error":"nope"}`),
		"bad request":    feedtest.Status(400),
	}
	for name, fault := range cases {
		t.Run(name, func(t *testing.T) {
			srv.FailNext("2026-01-13", fault, fault, fault, fault, fault, fault)
			r, err := s.Sync(ctx, testClient(srv), plan, nil)
			if err != nil {
				t.Fatal(err)
			}
			if r.Days != 2 || len(r.Failed) != 1 || r.Failed[0].Day != "2026-01-13" || r.Failed[0].Error == "" {
				t.Fatalf("report = %+v", r)
			}
			if !strings.Contains(r.Failed[0].Error, srv.URL) {
				t.Errorf("error does not name the URL: %s", r.Failed[0].Error)
			}
			after, _ := s.Count(ctx, Filter{Day: "2026-01-13"})
			if after != before {
				t.Errorf("failed day lost papers: %d → %d", before, after)
			}
			if q, _ := s.Queue(ctx); len(q) != 1 {
				t.Errorf("queue = %d entries", len(q))
			}
			srv.ClearFaults("2026-01-13")
		})
	}
}

func firstID(t *testing.T, s *Store, day string) string {
	t.Helper()
	es, err := s.Entries(context.Background(), Filter{Day: day}, 0, 1)
	if err != nil || len(es) == 0 {
		t.Fatalf("no paper on %s: %v", day, err)
	}
	return es[0].ID
}

func TestSyncRetriesRateLimitAndServerErrors(t *testing.T) {
	ctx := context.Background()
	srv := feedtest.New(t)
	servedDays(t, srv, 40, time.Date(2026, 1, 14, 0, 0, 0, 0, time.UTC))
	s := openTemp(t)
	srv.FailNext("2026-01-14", feedtest.RateLimited(7))
	srv.FailNext("2026-01-15", feedtest.Status(500), feedtest.Status(503))
	c := testClient(srv)
	var waits []time.Duration
	c.Wait = func(ctx context.Context, d time.Duration) error { waits = append(waits, d); return nil }
	r, err := s.Sync(ctx, c, SyncPlan{Since: "2026-01-14", Until: "2026-01-15", Today: testToday}, nil)
	if err != nil || r.Days != 2 || len(r.Failed) != 0 {
		t.Fatalf("report = %+v, %v", r, err)
	}
	if len(waits) != 3 || waits[0] != 7*time.Second {
		t.Errorf("waits = %v, want 7s for the 429 then two backoffs", waits)
	}
	if r.Requests != 5 {
		t.Errorf("requests = %d, want 5", r.Requests)
	}
}

func TestSyncSlowAnswerTimesOut(t *testing.T) {
	ctx := context.Background()
	srv := feedtest.New(t)
	servedDays(t, srv, 20, time.Date(2026, 1, 15, 0, 0, 0, 0, time.UTC))
	s := openTemp(t)
	srv.FailNext("2026-01-15", sleepy(500*time.Millisecond), sleepy(500*time.Millisecond),
		sleepy(500*time.Millisecond), sleepy(500*time.Millisecond), sleepy(500*time.Millisecond))
	c := testClient(srv)
	c.Timeout = 100 * time.Millisecond
	c.MaxRetries = 1
	r, err := s.Sync(ctx, c, SyncPlan{Date: "2026-01-15", Today: testToday}, nil)
	if err != nil || len(r.Failed) != 1 || !strings.Contains(strings.ToLower(r.Failed[0].Error), "time") {
		t.Fatalf("report = %+v, %v", r, err)
	}
}

// TestResyncRecordedDay re-syncs the real 2024-10-25 feed day seen twice:
// upvotes move, the four later papers arrive, nothing is duplicated and
// the reader's queue and read marks stay as they were.
func TestResyncRecordedDay(t *testing.T) {
	dir := feedtest.Shared(t, "fixtures/hf")
	early, err1 := os.ReadFile(filepath.Join(dir, "hf-daily-2024-10-25-early.json"))
	late, err2 := os.ReadFile(filepath.Join(dir, "hf-daily-2024-10-25.json"))
	if err1 != nil || err2 != nil {
		t.Fatalf("the 2024-10-25 recordings: %v, %v", err1, err2)
	}
	ctx := context.Background()
	srv := feedtest.New(t)
	srv.SetDay("2024-10-25", early)
	s := openTemp(t)
	plan := SyncPlan{Date: "2024-10-25", Refresh: true, Today: testToday}
	r, err := s.Sync(ctx, testClient(srv), plan, nil)
	if err != nil || r.New != 25 {
		t.Fatalf("early sync = %+v, %v", r, err)
	}
	first := firstID(t, s, "2024-10-25")
	before, _ := s.Record(ctx, first)
	s.Enqueue(ctx, first)
	s.SetRead(ctx, true, first)

	srv.SetDay("2024-10-25", late)
	r, err = s.Sync(ctx, testClient(srv), plan, nil)
	if err != nil || r.New != 4 || r.Updated != 25 {
		t.Fatalf("late sync = %+v, %v", r, err)
	}
	if n, _ := s.Count(ctx, Filter{}); n != 29 {
		t.Errorf("library holds %d papers, want 29", n)
	}
	after, _ := s.Record(ctx, first)
	if after.Upvotes <= before.Upvotes || !after.Queued || !after.Read {
		t.Errorf("before %d upvotes, after %+v", before.Upvotes, after)
	}
	checkIntegrity(t, s)
}

// TestMonthBackfillMatchesDayByDay: a long range is fetched a month at a
// time in few requests and yields the same library as day by day.
func TestMonthBackfillMatchesDayByDay(t *testing.T) {
	ctx := context.Background()
	srv := feedtest.New(t)
	servedDays(t, srv, 1500, time.Date(2025, 10, 1, 0, 0, 0, 0, time.UTC))
	plan := SyncPlan{Since: "2025-10-20", Until: "2026-01-16", Today: testToday}

	monthly := openTemp(t)
	rm, err := monthly.Sync(ctx, testClient(srv), plan, nil)
	if err != nil || len(rm.Failed) != 0 {
		t.Fatalf("monthly = %+v, %v", rm, err)
	}
	daily := openTemp(t)
	var rd SyncReport
	for d := time.Date(2025, 10, 20, 0, 0, 0, 0, time.UTC); !d.After(testToday); d = d.AddDate(0, 0, 1) {
		r, err := daily.Sync(ctx, testClient(srv), SyncPlan{Date: d.Format(time.DateOnly), Today: testToday}, nil)
		if err != nil {
			t.Fatal(err)
		}
		rd.Days += r.Days
		rd.Requests += r.Requests
	}
	if rm.Days != rd.Days || rm.Days != 89 {
		t.Errorf("days: monthly %d, daily %d, want 89", rm.Days, rd.Days)
	}
	if rm.Requests*4 >= rd.Requests {
		t.Errorf("monthly used %d requests, daily %d", rm.Requests, rd.Requests)
	}
	if got, want := dump(t, monthly), dump(t, daily); got != want {
		t.Errorf("libraries differ:\nmonthly %d chars\ndaily   %d chars", len(got), len(want))
	}
	dm, _ := monthly.Days(ctx, "2025-10-20", "2026-01-16")
	dd, _ := daily.Days(ctx, "2025-10-20", "2026-01-16")
	if len(dm) != len(dd) {
		t.Errorf("recorded days: monthly %d, daily %d", len(dm), len(dd))
	}
	for day, st := range dd {
		if dm[day].Complete != st.Complete {
			t.Errorf("day %s complete: monthly %v daily %v", day, dm[day].Complete, st.Complete)
		}
	}
}

func sleepy(d time.Duration) feedtest.Fault {
	return func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-time.After(d):
		case <-r.Context().Done():
		}
	}
}

func itoa(n int) string { return strconv.Itoa(n) }

// dump is every paper of a library, one line each, in id order.
func dump(t *testing.T, s *Store) string {
	t.Helper()
	recs, err := s.Records(context.Background(), Filter{}, 0, 0)
	if err != nil {
		t.Fatal(err)
	}
	var lines []string
	for _, r := range recs {
		lines = append(lines, strings.Join([]string{r.ID, r.Day, r.Title, r.Abstract,
			strings.Join(r.AuthorNames(), ";"), strings.Join(r.AIKeywords, ";")}, "|")+
			" "+itoa(r.Upvotes)+" "+itoa(r.Comments))
	}
	sort.Strings(lines)
	return strings.Join(lines, "\n")
}

func TestSyncOfflineStopsAtTheFirstUnreachableDay(t *testing.T) {
	srv := feedtest.New(t)
	url := srv.URL
	srv.Close()
	c := feed.NewClient(url)
	waits := 0
	c.Wait = func(ctx context.Context, d time.Duration) error { waits++; return nil }
	s := openTemp(t)
	r, err := s.Sync(context.Background(), c, SyncPlan{Today: testToday}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Failed) != 7 || r.Days != 0 || r.Requests > 2 || waits > 1 {
		t.Errorf("report = %+v after %d waits", r, waits)
	}
	if !strings.Contains(r.Failed[0].Error, "connection refused") || !strings.Contains(r.Failed[6].Error, "could not be reached (see "+r.Failed[0].Day) {
		t.Errorf("error = %s", r.Failed[6].Error)
	}
}

func TestNextSyncCompletesADayThatFailed(t *testing.T) {
	ctx := context.Background()
	srv := feedtest.New(t)
	servedDays(t, srv, 200, time.Date(2026, 1, 5, 0, 0, 0, 0, time.UTC))
	s := openTemp(t)
	srv.FailNext("2026-01-06", feedtest.Status(400))
	r, _ := s.Sync(ctx, testClient(srv), SyncPlan{Since: "2026-01-05", Until: "2026-01-16", Today: testToday}, nil)
	if len(r.Failed) != 1 {
		t.Fatalf("first sync = %+v", r)
	}
	// The default plan would start at the last complete day minus 3 (01-13);
	// it must reach back to the failed 01-06.
	r, err := s.Sync(ctx, testClient(srv), SyncPlan{Today: testToday}, nil)
	if err != nil || len(r.Failed) != 0 {
		t.Fatalf("second sync = %+v, %v", r, err)
	}
	days, _ := s.Days(ctx, "2026-01-06", "2026-01-06")
	if !days["2026-01-06"].Complete {
		t.Error("the failed day is still incomplete")
	}
}

// TestMonthBackfillMatchesDayByDayOnRealDays: four months of recorded
// 2024 days, whose items carry only the time they were posted (no
// submittedOnDailyAt): a month backfill files every paper on the day a
// day-by-day sync does.
func TestMonthBackfillMatchesDayByDayOnRealDays(t *testing.T) {
	if testing.Short() {
		t.Skip("syncs five months of the corpus")
	}
	days := corpusDays(t)
	// 2024: items placed by the time they were posted; March 2025: the
	// days whose items hold an arXiv time instead, then submittedOnDailyAt.
	for _, r := range []struct {
		since, until string
		fewer        int // the backfill takes at most 1/fewer of the requests (0: any)
	}{{"2024-06-01", "2024-09-30", 5}, {"2025-03-01", "2025-03-31", 0}} {
		ctx := context.Background()
		srv := feedtest.New(t)
		for _, d := range days {
			if d.Date >= r.since && d.Date <= r.until {
				if err := srv.SetDay(d.Date, d.Body); err != nil {
					t.Fatal(err)
				}
			}
		}
		today, _ := time.Parse(time.DateOnly, r.until)
		today = today.Add(12 * time.Hour)
		monthly := openTemp(t)
		rm, err := monthly.Sync(ctx, testClient(srv), SyncPlan{Since: r.since, Until: r.until, Today: today}, nil)
		if err != nil || len(rm.Failed) != 0 {
			t.Fatalf("%s: monthly = %+v, %v", r.since, rm, err)
		}
		requests := 0
		daily := openTemp(t)
		for d, _ := time.Parse(time.DateOnly, r.since); !d.After(today); d = d.AddDate(0, 0, 1) {
			rd, err := daily.Sync(ctx, testClient(srv), SyncPlan{Date: d.Format(time.DateOnly), Today: today}, nil)
			if err != nil {
				t.Fatal(err)
			}
			requests += rd.Requests
		}
		if got, want := dump(t, monthly), dump(t, daily); got != want {
			t.Errorf("%s: libraries differ (monthly %d chars, daily %d)", r.since, len(got), len(want))
		}
		if r.fewer > 0 && rm.Requests*r.fewer > requests {
			t.Errorf("%s: monthly took %d requests, daily %d", r.since, rm.Requests, requests)
		}
		t.Logf("%s: %d papers; %d requests by month, %d by day", r.since, rm.Papers, rm.Requests, requests)
	}
}

// TestSyncSinceTheDayOfGrace: --since tomorrow (in UTC; today where the
// clock is ahead) syncs that day alone, as --date tomorrow does, instead
// of failing as a range that ends before it starts.
func TestSyncSinceTheDayOfGrace(t *testing.T) {
	ctx := context.Background()
	srv := feedtest.New(t)
	tomorrow := testToday.AddDate(0, 0, 1)
	servedDays(t, srv, 3, tomorrow.AddDate(0, 0, -2))
	s := openTemp(t)
	for _, until := range []string{"", tomorrow.Format(time.DateOnly), tomorrow.AddDate(0, 0, 3).Format(time.DateOnly)} {
		plan := SyncPlan{Since: tomorrow.Format(time.DateOnly), Until: until, Today: testToday, Refresh: true}
		r, err := s.Sync(ctx, testClient(srv), plan, nil)
		if err != nil || r.Days != 1 || len(r.Failed) != 0 {
			t.Errorf("--since %s --until %q: %+v, %v; want that one day", plan.Since, until, r, err)
		}
	}
	plan := SyncPlan{Since: tomorrow.AddDate(0, 0, 1).Format(time.DateOnly), Today: testToday}
	if _, err := s.Sync(ctx, testClient(srv), plan, nil); err == nil {
		t.Errorf("--since %s, two days ahead, was accepted", plan.Since)
	}
}

// TestSyncAfterAnImportNamesTheGap: a library filled by import (no day
// synced yet) syncs the last 7 days, and the report names the days left
// empty between the archive and them, and the command that fills them.
func TestSyncAfterAnImportNamesTheGap(t *testing.T) {
	ctx := context.Background()
	srv := feedtest.New(t)
	servedDays(t, srv, 200, time.Date(2026, 1, 5, 0, 0, 0, 0, time.UTC))
	s := openTemp(t)
	importOne(t, s, ImportFile{Name: "2025-12-20.json", Day: "2025-12-20", Read: func() ([]byte, error) {
		return []byte(`[{"paper":{"id":"2512.00001","title":"Imported","summary":"An imported paper."},"title":"Imported"}]`), nil
	}})
	report, err := s.Sync(ctx, testClient(srv), SyncPlan{Today: testToday}, nil)
	if err != nil || len(report.Failed) != 0 {
		t.Fatal(report, err)
	}
	want := "no papers from 2025-12-21 to 2026-01-09: papers sync --since 2025-12-21 fills the gap"
	if !slices.Contains(report.Notes, want) {
		t.Errorf("notes %q, want %q", report.Notes, want)
	}
	// Fetched, the days are no gap, even the ones the feed has nothing
	// for: the next default sync names none.
	report, err = s.Sync(ctx, testClient(srv), SyncPlan{Since: "2025-12-21", Until: "2026-01-09", Today: testToday}, nil)
	if err != nil || len(report.Notes) != 0 {
		t.Errorf("the sync that fills the gap: notes %q, %v", report.Notes, err)
	}
	report, err = s.Sync(ctx, testClient(srv), SyncPlan{Today: testToday}, nil)
	if err != nil || len(report.Notes) != 0 {
		t.Errorf("the sync after the gap was filled: notes %q, %v", report.Notes, err)
	}

	// A feed with nothing after the archive: the stretch fetched and
	// found empty is named until it is fetched, then no more.
	empty := feedtest.New(t)
	s = openTemp(t)
	importOne(t, s, ImportFile{Name: "2025-12-20.json", Day: "2025-12-20", Read: func() ([]byte, error) {
		return []byte(`[{"paper":{"id":"2512.00001","title":"Imported","summary":"An imported paper."},"title":"Imported"}]`), nil
	}})
	if report, err = s.Sync(ctx, testClient(empty), SyncPlan{Today: testToday}, nil); err != nil || len(report.Notes) != 1 {
		t.Fatalf("an empty feed after an import: notes %q, %v", report.Notes, err)
	}
	if _, err = s.Sync(ctx, testClient(empty), SyncPlan{Since: "2025-12-21", Until: "2026-01-09", Today: testToday}, nil); err != nil {
		t.Fatal(err)
	}
	if report, err = s.Sync(ctx, testClient(empty), SyncPlan{Today: testToday}, nil); err != nil || len(report.Notes) != 0 {
		t.Errorf("days fetched and found empty named as a gap: notes %q, %v", report.Notes, err)
	}
}

// TestSyncReadOnlySaysWhatFailed: on a library that cannot be written, a
// day whose save failed cannot be recorded failed either; the error says
// the save failed, with the recording's failure added, not only the
// second.
func TestSyncReadOnlySaysWhatFailed(t *testing.T) {
	ctx := context.Background()
	srv := feedtest.New(t)
	servedDays(t, srv, 20, time.Date(2026, 1, 14, 0, 0, 0, 0, time.UTC))
	s := openTemp(t)
	path := s.Path()
	s.Close()
	ro, err := openReadOnly(path)
	if err != nil {
		t.Fatal(err)
	}
	defer ro.Close()
	_, err = ro.Sync(ctx, testClient(srv), SyncPlan{Date: "2026-01-15", Refresh: true, Today: testToday}, nil)
	if err == nil {
		t.Fatal("sync of a read-only library succeeded")
	}
	if msg := err.Error(); !strings.Contains(msg, "save day 2026-01-15") || !strings.Contains(msg, "and recording it: ") {
		t.Errorf("error: %v", err)
	}
}
