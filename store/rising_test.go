package store

import (
	"context"
	"fmt"
	"slices"
	"testing"

	"github.com/papertui/papers/feed"
	"github.com/papertui/papers/store/query"
)

// risingLib is a small library a reader has seen part of, re-synced
// since: gains up and down with ties, papers shown and unchanged, shown
// again after they changed, never shown but changed, and one that moved
// to another feed day (a new rowid) after it was shown.
func risingLib(t *testing.T) *Store {
	t.Helper()
	ctx := context.Background()
	s := openTemp(t)
	const days, perDay = 8, 24
	byDay := map[string][]feed.Paper{}
	var all []feed.Paper
	for d := range days {
		day := fmt.Sprintf("2025-03-%02d", d+1)
		for i := range perDay {
			p := paper(fmt.Sprintf("2503.%05d", d*100+i), fmt.Sprintf("Paper %d %d about diffusion", d, i), (d*7+i*13)%20, day)
			if i%4 == 0 {
				p.Title = fmt.Sprintf("Paper %d %d about agents", d, i)
			}
			byDay[day] = append(byDay[day], p)
			all = append(all, p)
		}
	}
	for day, ps := range byDay {
		mustSave(t, s, day, ps...)
	}
	var shown []string
	for i, p := range all {
		if i%3 != 0 {
			shown = append(shown, p.ID)
		}
	}
	if err := s.MarkSeen(ctx, shown...); err != nil {
		t.Fatal(err)
	}
	// The re-sync: a third of the papers gain or lose a few upvotes.
	changed := map[string][]feed.Paper{}
	for i, p := range all {
		if i%3 == 1 || i%7 == 0 {
			p.Upvotes += i%5 - 2
			changed[p.Day] = append(changed[p.Day], p)
		}
	}
	for day, ps := range changed {
		mustSave(t, s, day, ps...)
	}
	moved := all[27]
	moved.Day, moved.Upvotes = "2025-03-13", moved.Upvotes+9
	mustSave(t, s, moved.Day, moved)
	// Papers outside the feed (no day) come last in newest order.
	var dayless []feed.Paper
	for i, up := range []int{3, 3, 5, 1} {
		dayless = append(dayless, paper(fmt.Sprintf("2599.%05d", i), fmt.Sprintf("Added paper %d about agents", i), up, ""))
	}
	if _, err := s.SavePapers(ctx, dayless); err != nil {
		t.Fatal(err)
	}
	if err := s.MarkSeen(ctx, dayless[0].ID, dayless[1].ID, dayless[2].ID); err != nil {
		t.Fatal(err)
	}
	dayless[1].Upvotes, dayless[2].Upvotes = 8, 4
	if _, err := s.SavePapers(ctx, dayless[1:3]); err != nil {
		t.Fatal(err)
	}
	var n int
	if err := s.db.QueryRow(`SELECT count(*) FROM papers WHERE day IS NULL`).Scan(&n); err != nil || n != len(dayless) {
		t.Fatalf("%d papers without a day, %v; want %d", n, err, len(dayless))
	}
	// Shown again after the change: no gain any more.
	if err := s.MarkSeen(ctx, all[4].ID, all[7].ID, all[100].ID, all[150].ID); err != nil {
		t.Fatal(err)
	}
	if err := s.SetRead(ctx, true, all[1].ID, all[2].ID, all[43].ID, all[170].ID); err != nil {
		t.Fatal(err)
	}
	if err := s.Tag(ctx, []string{all[1].ID, all[5].ID, all[13].ID, all[90].ID}, []string{"keep"}, nil); err != nil {
		t.Fatal(err)
	}
	return s
}

// TestRisingPagesMatchTheFullSort: every page of the rising order, read
// forwards and from the end, and every paper's position, are those of
// sorting the whole view by its gain since last shown (risingOrder, read
// straight from seen), with filters and searches.
func TestRisingPagesMatchTheFullSort(t *testing.T) {
	ctx := context.Background()
	s := risingLib(t)
	old := deepOffset
	deepOffset = 20
	t.Cleanup(func() { deepOffset = old })
	var ids []string
	every, err := s.Entries(ctx, Filter{}, 0, 0)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range every {
		ids = append(ids, e.ID)
	}
	ids = append(ids, "2598.99999")
	for _, text := range []string{"", "agents", "diffusion -agents", "is:unread", "tag:keep", "upvotes:>5 since:2025-03-04"} {
		f := Filter{Sort: SortRising}
		if text != "" {
			parsed, err := query.Parse(text)
			if err != nil {
				t.Fatal(err)
			}
			f = f.Search(parsed)
		}
		checkRisingView(t, s, f, text, ids)
	}
	unread := Filter{Sort: SortRising, Unread: true, Until: "2025-03-10"}
	checkRisingView(t, s, unread, "unread until 03-10", ids)
}

func checkRisingView(t *testing.T, s *Store, f Filter, name string, ids []string) {
	t.Helper()
	ctx := context.Background()
	want, err := s.Entries(ctx, f, 0, 0) // the whole view: one full sort
	if err != nil {
		t.Fatal(err)
	}
	total, err := s.Count(ctx, f)
	if err != nil || total != len(want) {
		t.Fatalf("%s: count %d, %v; the full sort holds %d", name, total, err, len(want))
	}
	var rose, fell int
	for _, e := range want {
		if v, _ := s.LastSeenOf(ctx, e.ID); !v.At.IsZero() && e.Upvotes > v.Upvotes {
			rose++
		} else if !v.At.IsZero() && e.Upvotes < v.Upvotes {
			fell++
		}
	}
	if name == "" && (rose < 10 || fell < 10) {
		t.Fatalf("the library has %d papers that rose and %d that fell; want both", rose, fell)
	}
	wantIDs := idsOf(want)
	for _, known := range []int{0, total} {
		g := f
		g.Total = known
		for offset := 0; offset <= total; offset++ {
			for _, limit := range []int{1, 7, 50} {
				if limit != 7 && offset%5 != 0 {
					continue // every offset once, every fifth in every size
				}
				got, err := s.Entries(ctx, g, offset, limit)
				if err != nil {
					t.Fatal(err)
				}
				if w := wantIDs[offset:min(offset+limit, total)]; !slices.Equal(idsOf(got), w) {
					t.Fatalf("%s (count known %d) offset %d limit %d:\n got %v\nwant %v", name, known, offset, limit, idsOf(got), w)
				}
			}
		}
	}
	at := map[string]int{}
	for i, id := range wantIDs {
		at[id] = i
	}
	for i, id := range ids {
		if i%2 == 1 && i != len(ids)-1 {
			continue // every other paper, and one the library lacks
		}
		n, err := s.Position(ctx, f, id)
		if w, ok := at[id]; ok && (err != nil || n != w) {
			t.Fatalf("%s: Position(%s) = %d, %v; want %d", name, id, n, err, w)
		} else if !ok && err == nil {
			t.Fatalf("%s: Position(%s) = %d; the view does not hold it", name, id, n)
		}
		// A selection with its neighbours, as the reader asks.
		ask := ids[max(0, i-15):min(len(ids), i+15)]
		prepared, err := s.prepare(ctx, f)
		if err != nil {
			t.Fatal(err)
		}
		found, err := s.risingPositions(ctx, prepared, ask)
		if err != nil {
			t.Fatal(err)
		}
		for _, a := range ask {
			n, ok := found[a]
			if w, held := at[a]; ok != held || n != w {
				t.Fatalf("%s: risingPositions(...%s...) = %d, %v; want %d, %v", name, a, n, ok, w, held)
			}
		}
	}
}

// TestRisingTableKeptInStep: the rising table holds exactly the papers
// whose upvotes differ from when they were shown, with their gain and
// newest-order key, through syncs, a day move, showing papers again, a
// paper leaving and coming back, and a migration's fill.
func TestRisingTableKeptInStep(t *testing.T) {
	ctx := context.Background()
	s := risingLib(t)
	checkRisingTable(t, s, "after the syncs")
	var id, day string
	if err := s.db.QueryRow(`SELECT id, day FROM rising WHERE gain > 0 AND day IS NOT NULL LIMIT 1`).Scan(&id, &day); err != nil {
		t.Fatal(err)
	}
	r, err := s.Record(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.db.Exec(`DELETE FROM papers WHERE id = ?`, id); err != nil {
		t.Fatal(err)
	}
	checkRisingTable(t, s, "a paper gone")
	mustSave(t, s, day, r.Paper)
	checkRisingTable(t, s, "the paper back")
	if n := countRows(t, s, `SELECT count(*) FROM rising WHERE id = ?`, id); n != 1 {
		t.Errorf("the paper back has %d rising rows; want 1", n)
	}
	// What migration 0009 fills the table with, from seen and papers.
	if _, err := s.db.Exec(`DELETE FROM rising; INSERT INTO rising(pid, id, gain, day, upvotes)
		SELECT p.pid, p.id, p.upvotes - s.upvotes, p.day, p.upvotes FROM seen s JOIN papers p ON p.id = s.id
		WHERE p.upvotes <> s.upvotes`); err != nil {
		t.Fatal(err)
	}
	checkRisingTable(t, s, "the migration's fill")
	var all []string
	rows, err := s.db.Query(`SELECT id FROM papers`)
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			t.Fatal(err)
		}
		all = append(all, id)
	}
	rows.Close()
	if err := s.MarkSeen(ctx, all...); err != nil {
		t.Fatal(err)
	}
	if n := countRows(t, s, `SELECT count(*) FROM rising`); n != 0 {
		t.Errorf("every paper shown again: %d rising rows; want none", n)
	}
}

// checkRisingTable compares the rising table with the gains worked out
// from seen and papers.
func checkRisingTable(t *testing.T, s *Store, when string) {
	t.Helper()
	const want = `SELECT p.pid, p.id, p.upvotes - s.upvotes, p.day, p.upvotes FROM seen s JOIN papers p ON p.id = s.id
		WHERE p.upvotes <> s.upvotes`
	const have = `SELECT pid, id, gain, day, upvotes FROM rising`
	for _, q := range []string{want + " EXCEPT " + have, have + " EXCEPT " + want} {
		if n := countRows(t, s, `SELECT count(*) FROM (`+q+`)`); n != 0 {
			t.Errorf("%s: %d rows differ between the rising table and seen (%s)", when, n, q)
		}
	}
	if n := countRows(t, s, `SELECT count(*) FROM rising`); n == 0 {
		t.Errorf("%s: no paper moved", when)
	}
}

func countRows(t *testing.T, s *Store, q string, args ...any) int {
	t.Helper()
	var n int
	if err := s.db.QueryRow(q, args...).Scan(&n); err != nil {
		t.Fatalf("%s: %v", q, err)
	}
	return n
}
