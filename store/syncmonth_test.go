package store

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/papertui/papers/feed/feedtest"
)

// feedItem is a daily_papers item: the paper's id and upvotes, the top-level
// publishedAt (when it was posted, or in March 2025 the arXiv time) and
// submittedOnDailyAt ("" leaves each out).
func feedItem(id string, upvotes int, published, submitted string) string {
	paper := fmt.Sprintf(`"id":%q,"title":"Paper %s","summary":"About %s.","upvotes":%d`, id, id, id, upvotes)
	if submitted != "" {
		paper += fmt.Sprintf(`,"submittedOnDailyAt":%q`, submitted)
	}
	top := fmt.Sprintf(`{"paper":{%s},"title":"Paper %s","numComments":0`, paper, id)
	if published != "" {
		top += fmt.Sprintf(`,"publishedAt":%q`, published)
	}
	return top + "}"
}

func setDay(t *testing.T, srv *feedtest.Server, day string, items ...string) {
	t.Helper()
	if err := srv.SetDay(day, []byte("["+strings.Join(items, ",")+"]")); err != nil {
		t.Fatal(err)
	}
}

// syncEachDay syncs from through to one day at a time into a new
// library: what a month backfill must match.
func syncEachDay(t *testing.T, srv *feedtest.Server, from, to string, today time.Time) *Store {
	t.Helper()
	s := openTemp(t)
	start, _ := time.Parse(time.DateOnly, from)
	end, _ := time.Parse(time.DateOnly, to)
	for d := start; !d.After(end); d = d.AddDate(0, 0, 1) {
		if _, err := s.Sync(context.Background(), testClient(srv), SyncPlan{Date: d.Format(time.DateOnly), Today: today}, nil); err != nil {
			t.Fatal(err)
		}
	}
	return s
}

// TestMonthBackfillAsksForUnsureDays: items without submittedOnDailyAt
// whose publishedAt cannot place them (an arXiv time, as in March 2025;
// a posting time near the feed's turn of day) make the month's days be
// fetched one by one, so the backfill files every paper as a day-by-day
// sync does. The month's answer alone filed them days early.
func TestMonthBackfillAsksForUnsureDays(t *testing.T) {
	for _, eachDay := range []bool{false, true} {
		srv := feedtest.New(t)
		srv.ListEachDay = eachDay
		today := time.Date(2025, 3, 21, 12, 0, 0, 0, time.UTC)
		n := 0
		for d := time.Date(2025, 3, 3, 0, 0, 0, 0, time.UTC); !d.After(today); d = d.AddDate(0, 0, 1) {
			if d.Weekday() == time.Saturday || d.Weekday() == time.Sunday {
				continue
			}
			day := d.Format(time.DateOnly)
			arxiv := d.AddDate(0, 0, -6).Format(time.DateOnly)
			id := func() string { n++; return fmt.Sprintf("2503.%05d", n) }
			items := []string{
				feedItem(id(), 10, arxiv+"T10:33:52.000Z", ""),                                    // an arXiv time: 6 days early
				feedItem(id(), 5, day+"T09:12:40.123Z", ""),                                       // posted that morning: sure
				feedItem(id(), 3, d.AddDate(0, 0, -1).Format(time.DateOnly)+"T21:26:11.514Z", ""), // near the turn: unsure
			}
			if day == "2025-03-12" || day == "2025-03-18" { // featured twice, its guess in the range
				items = append(items, feedItem("2503.99999", 7, "2025-03-06T10:00:00.000Z", ""))
			}
			setDay(t, srv, day, items...)
		}
		monthly := openTemp(t)
		r, err := monthly.Sync(context.Background(), testClient(srv), SyncPlan{Since: "2025-03-01", Until: "2025-03-21", Today: today}, nil)
		if err != nil || len(r.Failed) > 0 {
			t.Fatalf("backfill: %+v, %v", r, err)
		}
		daily := syncEachDay(t, srv, "2025-03-01", "2025-03-21", today)
		if got, want := dump(t, monthly), dump(t, daily); got != want {
			t.Errorf("each day listed %v: the backfill differs from a day-by-day sync:\n%s\nwant\n%s", eachDay, got, want)
		}
	}
}

// TestMonthBackfillFilesARelistedPaperInThePlan: a paper featured twice
// (submitted again) is filed under the first of its days the plan holds,
// with its later counts, as a day-by-day sync of the plan files it; a
// backfill starting after its first day used to drop it.
func TestMonthBackfillFilesARelistedPaperInThePlan(t *testing.T) {
	srv := feedtest.New(t)
	srv.ListEachDay = true
	today := time.Date(2026, 8, 31, 12, 0, 0, 0, time.UTC)
	for d := time.Date(2026, 8, 3, 0, 0, 0, 0, time.UTC); !d.After(today); d = d.AddDate(0, 0, 1) {
		day := d.Format(time.DateOnly)
		items := []string{feedItem("2608.0"+day[8:10]+"00", 4, "", day+"T00:00:00.000Z")} // 2608.00300 on the 3rd
		switch day {
		case "2026-08-13":
			items = append(items, feedItem("2608.12313", 2, "", day+"T00:00:00.000Z"))
		case "2026-08-19":
			items = append(items, feedItem("2608.12313", 27, "", day+"T00:00:00.000Z"))
		}
		setDay(t, srv, day, items...)
	}
	for _, plan := range [][2]string{{"2026-08-01", "2026-08-21"}, {"2026-08-14", "2026-08-31"}} {
		monthly := openTemp(t)
		r, err := monthly.Sync(context.Background(), testClient(srv), SyncPlan{Since: plan[0], Until: plan[1], Today: today}, nil)
		if err != nil || len(r.Failed) > 0 {
			t.Fatalf("backfill %v: %+v, %v", plan, r, err)
		}
		daily := syncEachDay(t, srv, plan[0], plan[1], today)
		if got, want := dump(t, monthly), dump(t, daily); got != want {
			t.Errorf("%v: the backfill differs from a day-by-day sync:\n%s\nwant\n%s", plan, got, want)
		}
		if !strings.Contains(dump(t, monthly), "2608.12313|") {
			t.Errorf("%v: the relisted paper is missing", plan)
		}
	}
}

// TestDayOfRejectedItemsIsFetchedAgain: a day whose every item was
// rejected fails (exit 1) instead of being recorded complete with no
// papers, never to be fetched again.
func TestDayOfRejectedItemsIsFetchedAgain(t *testing.T) {
	ctx := context.Background()
	srv := feedtest.New(t)
	today := time.Date(2025, 10, 20, 12, 0, 0, 0, time.UTC)
	setDay(t, srv, "2025-10-02", `"not an item"`, `3`)
	s := openTemp(t)
	r, err := s.Sync(ctx, testClient(srv), SyncPlan{Date: "2025-10-02", Today: today}, nil)
	if err != nil || len(r.Failed) != 1 || !strings.Contains(r.Failed[0].Error, "every item of the answer was rejected (2 items)") {
		t.Fatalf("sync of a day of bad items: %+v, %v", r, err)
	}
	setDay(t, srv, "2025-10-02", feedItem("2510.00001", 1, "", "2025-10-02T00:00:00.000Z"))
	r, err = s.Sync(ctx, testClient(srv), SyncPlan{Since: "2025-10-01", Until: "2025-10-03", Today: today}, nil)
	if err != nil || r.New != 1 {
		t.Errorf("the next sync did not fetch the day again: %+v, %v", r, err)
	}
}

// TestMonthOfRejectedItemsAsksTheirDays: a month's answer whose items
// for some days are all rejected (or that is empty) cannot say which days
// they were; the days it left empty are asked on their own, so a day of
// bad items fails and is fetched again, as a day-by-day sync has it,
// instead of being recorded complete with nothing in it.
func TestMonthOfRejectedItemsAsksTheirDays(t *testing.T) {
	ctx := context.Background()
	srv := feedtest.New(t)
	srv.ListEachDay = true
	today := time.Date(2025, 12, 20, 12, 0, 0, 0, time.UTC)
	for d := 1; d <= 30; d++ {
		day := fmt.Sprintf("2025-10-%02d", d)
		setDay(t, srv, day, feedItem(fmt.Sprintf("2510.%05d", d), d, "", day+"T00:00:00.000Z"))
	}
	setDay(t, srv, "2025-10-14", `"not an item"`, `3`)
	s := openTemp(t)
	plan := SyncPlan{Since: "2025-10-01", Until: "2025-11-30", Today: today}
	r, err := s.Sync(ctx, testClient(srv), plan, nil)
	if err != nil || len(r.Failed) != 1 || r.Failed[0].Day != "2025-10-14" {
		t.Fatalf("backfill over a day of bad items: failed %+v, %v", r.Failed, err)
	}
	// November's answer is empty: its days are each asked, and kept
	// complete as a day-by-day sync keeps them.
	asked := 0
	for _, q := range srv.Requests() {
		if strings.Contains(q, "date=2025-11-") {
			asked++
		}
	}
	if asked != 30 {
		t.Errorf("an empty month's days asked %d times, want 30", asked)
	}
	setDay(t, srv, "2025-10-14", feedItem("2510.00014", 14, "", "2025-10-14T00:00:00.000Z"))
	r, err = s.Sync(ctx, testClient(srv), plan, nil)
	if err != nil || r.New != 1 {
		t.Errorf("the next backfill did not fetch the day again: %+v, %v", r, err)
	}
}
