package store

import (
	"bytes"
	"context"
	"testing"
	"time"

	"github.com/papertui/papers/feed"
	"github.com/papertui/papers/feed/feedtest"
	"github.com/papertui/papers/feed/synth"
)

// TestSyncCompressesAhead: a sync of months, whose raw items are
// compressed as each month arrives (rawsAhead), stores every paper's raw
// item as an import of the same days does, and holds none of them
// compressed when it ends.
func TestSyncCompressesAhead(t *testing.T) {
	ctx := context.Background()
	srv, days, plan := servedMonths(t)
	synced := openTemp(t)
	report, err := synced.Sync(ctx, testClient(srv), plan, nil)
	if err != nil || report.New != 900 || len(report.Failed) > 0 {
		t.Fatalf("sync: %d new, failed %v, %v", report.New, report.Failed, err)
	}
	imported := openTemp(t)
	files := make([]ImportFile, len(days))
	for i, d := range days {
		files[i] = ImportFile{Name: d.Date, Day: d.Date, Read: func() ([]byte, error) { return d.Body, nil }}
	}
	if err := imported.Import(ctx, files, func(FileResult) {}); err != nil {
		t.Fatal(err)
	}
	rows, err := imported.db.QueryContext(ctx, `SELECT id FROM papers`)
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for rows.Next() {
		var id string
		rows.Scan(&id)
		ids = append(ids, id)
	}
	rows.Close()
	if len(ids) != 900 {
		t.Fatalf("%d papers imported", len(ids))
	}
	for _, id := range ids {
		want, err := imported.Raw(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		got, err := synced.Raw(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, want) {
			t.Fatalf("%s: synced raw item %.80q, imported %.80q", id, got, want)
		}
	}

}

// TestRawsAhead: an item's raw bytes find what was compressed ahead for
// them, and nothing else; saved, dropped or merged-away items are
// forgotten.
func TestRawsAhead(t *testing.T) {
	paper := func(id, raw string) feed.Paper {
		return feed.Paper{ID: id, Title: "T " + id, Raw: []byte(raw)}
	}
	a, b, c := paper("1", `{"a":1}`), paper("2", `{"b":2}`), paper("3", `{"c":3}`)
	ahead := compressAhead([]feed.Paper{a, b, c})
	if len(ahead) != 3 {
		t.Fatalf("%d compressed ahead of 3 items", len(ahead))
	}
	ahead[rawKeyOf(a.Raw)] = []byte("sentinel")
	if it := prepareItem(a, ahead); string(it.raw) != "sentinel" {
		t.Errorf("item 1 compressed again instead of taken from ahead: %q", it.raw)
	}
	other := paper("1", `{"a":2}`) // the same paper, answered otherwise
	if it := prepareItem(other, ahead); string(it.raw) == "sentinel" {
		t.Error("another raw item took the first one's compressed bytes")
	}
	ahead.drop([]feed.Paper{a})
	if _, ok := ahead[rawKeyOf(a.Raw)]; ok || len(ahead) != 2 {
		t.Errorf("after saving item 1: %d held", len(ahead))
	}
	ahead.keep(map[string]feed.Paper{"3": c})
	if _, ok := ahead[rawKeyOf(c.Raw)]; !ok || len(ahead) != 1 {
		t.Errorf("with only item 3 pending: %d held", len(ahead))
	}
}

// indexWatcher is the real client, noting before each month it fetches
// whether the library has its deferred indexes, and cancelling the sync
// at the month cancelAt when set.
type indexWatcher struct {
	*feed.Client
	s        *Store
	had      []bool
	cancelAt string
	cancel   context.CancelFunc
}

func (w *indexWatcher) Month(ctx context.Context, month string) (feed.Window, error) {
	missing, err := missingIndexes(ctx, w.s.db)
	if err != nil {
		return feed.Window{}, err
	}
	w.had = append(w.had, len(missing) == 0)
	if month == w.cancelAt {
		w.cancel()
	}
	return w.Client.Month(ctx, month)
}

// TestLongSyncDefersIndexes: a sync of months into an empty library
// drops the deferred indexes while it saves, and builds them when it
// ends, cancelled too; into a library that holds papers it leaves them.
func TestLongSyncDefersIndexes(t *testing.T) {
	srv, days, plan := servedMonths(t)
	built := func(s *Store) bool {
		missing, err := missingIndexes(context.Background(), s.db)
		if err != nil {
			t.Fatal(err)
		}
		return len(missing) == 0
	}

	s := openTemp(t)
	w := &indexWatcher{Client: testClient(srv), s: s}
	if _, err := s.Sync(context.Background(), w, plan, nil); err != nil {
		t.Fatal(err)
	}
	if len(w.had) < 3 || w.had[1] || !built(s) {
		t.Errorf("into an empty library: indexes before each month %v, after %v; want missing, then built", w.had, built(s))
	}
	w.had = nil
	if _, err := s.Sync(context.Background(), w, plan, nil); err != nil {
		t.Fatal(err)
	}
	for i, had := range w.had {
		if !had {
			t.Errorf("into a library with papers: indexes missing before month %d", i+1)
		}
	}

	cancelled := openTemp(t)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	w = &indexWatcher{Client: testClient(srv), s: cancelled, cancelAt: days[0].Date[:5] + "03", cancel: cancel}
	if _, err := cancelled.Sync(ctx, w, plan, nil); err == nil {
		t.Fatal("a cancelled sync succeeded")
	}
	if !built(cancelled) {
		t.Error("a cancelled sync left the deferred indexes missing")
	}
}

// servedMonths is a stand-in serving 900 synthetic papers over several
// months, and the plan that syncs them all.
func servedMonths(t *testing.T) (*feedtest.Server, []synth.Day, SyncPlan) {
	t.Helper()
	days := synth.Days(900, 11, time.Date(2024, 1, 29, 0, 0, 0, 0, time.UTC))
	srv := feedtest.New(t)
	for _, d := range days {
		if err := srv.SetDay(d.Date, d.Body); err != nil {
			t.Fatal(err)
		}
	}
	last, _ := time.Parse(time.DateOnly, days[len(days)-1].Date)
	if days[0].Date[:7] == last.Format("2006-01") {
		t.Fatalf("the days span one month (%s to %s): want several", days[0].Date, last.Format(time.DateOnly))
	}
	return srv, days, SyncPlan{Since: days[0].Date, Until: last.Format(time.DateOnly), Today: last.Add(12 * time.Hour)}
}
