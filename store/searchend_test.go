package store

import (
	"context"
	"slices"
	"testing"

	"github.com/papertui/papers/feed/synth"
	"github.com/papertui/papers/store/query"
)

// TestDeepSearchPagesReadFromTheEnd: with the view's count known, a
// search's page past the middle is read backwards from the end and holds
// exactly the rows paging from the top gives there, in every order: with
// filters, exclusions and column filters, near the title blocks, and with
// typed prefixes whose title-key hits the word search may miss.
func TestDeepSearchPagesReadFromTheEnd(t *testing.T) {
	if testing.Short() {
		t.Skip("imports 9,000 synthetic papers")
	}
	ctx := context.Background()
	s := openTemp(t)
	importDays(t, s, synth.Days(9000, 7, synth.DefaultStart))
	checked := 0
	all4 := []Sort{SortNewest, SortRelevance, SortUpvotes, SortTrending}
	walked := []Sort{SortNewest, SortRelevance} // the orders read by walking the hits
	for _, c := range []struct {
		text  string
		sorts []Sort
	}{
		{"model", all4}, {"model -language", all4}, {"model since:2026-03", all4},
		{"agent", walked}, {"learning", walked}, {"lea", walked}, {"learning to ", walked},
		{"model author:li", walked},
	} {
		text := c.text
		q, err := query.Parse(text)
		if err != nil {
			t.Fatal(err)
		}
		for _, sort := range c.sorts {
			f := Filter{Sort: sort}.Search(q)
			count, err := s.Count(ctx, f)
			if err != nil {
				t.Fatal(err)
			}
			all := pagedFromTop(t, s, f)
			n := len(all)
			if n < 2*deepOffset+10 {
				continue
			}
			checked++
			deep := f
			deep.Total = count
			for _, offset := range []int{n/2 + 1, (n - 1) / 200 * 200, (n-1)/200*200 - 200, n - 200, n - 1} {
				for _, limit := range []int{37, 200} {
					got, err := s.Entries(ctx, deep, offset, limit)
					if err != nil {
						t.Fatal(err)
					}
					want := all[offset:min(offset+limit, n)]
					if !slices.EqualFunc(got, want, func(a, b Entry) bool { return a.ID == b.ID }) {
						t.Fatalf("%q %s offset %d limit %d of %d: got %d rows starting %v, want %d starting %v",
							text, sort, offset, limit, n, len(got), first(got), len(want), first(want))
					}
				}
			}
		}
	}
	if checked < 16 {
		t.Fatalf("only %d searches were large enough to test", checked)
	}
}

// pagedFromTop is the whole of a view read as the reader reads it
// before it has the count, a page at a time from the top (of 1,000
// rather than the reader's 200, for the test's time). Best
// match lists title-key hits that the word search may not count (a
// prefix of a title word): the list can be longer than the count.
func pagedFromTop(t *testing.T, s *Store, f Filter) []Entry {
	t.Helper()
	var all []Entry
	for offset := 0; ; offset += 1000 {
		page, err := s.Entries(context.Background(), f, offset, 1000)
		if err != nil {
			t.Fatal(err)
		}
		all = append(all, page...)
		if len(page) < 1000 {
			return all
		}
	}
}

// TestKeyHolds: a title key holds a typed search's words only when it
// surely does; anything it cannot read is left to the index (false).
func TestKeyHolds(t *testing.T) {
	for _, c := range []struct {
		key, match string
		want       bool
	}{
		{"learning to see", `"learning"`, true},
		{"learning to see", `"learning" "see"`, true},
		{"learning to see", `"learning to"`, true},
		{"learning to see", `"to learning"`, false},
		{"learning to see", `"learn"`, false},
		{"learning to see", `"Learning"`, true},
		{"learning to see", `"learning" AND ("to" OR "tom")`, true},
		{"learning to see", `"learning" AND ("tom" OR "tomato")`, false},
		{"learning to see", `("learn" OR "learning")`, true},
		{"learning to see", `("learn" "learning")`, false},
		{"learning to see", `"learning"*`, false},
		{"learning to see", `"learning" NOT "see"`, false},
		{"learning to see", `title : ("learning")`, false},
		{"learning to see", `"learning" OR "see"`, false},
		{"learning to see", `("learning" OR "see"`, false},
		{"learning to see", `"learning" AND`, false},
		{"learning to see", ``, false},
		{`say "hi" now`, `"say ""hi"""`, false},
	} {
		if got := keyHolds(c.key, c.match); got != c.want {
			t.Errorf("keyHolds(%q, %q) = %v, want %v", c.key, c.match, got, c.want)
		}
	}
}

// TestPeriodBoundsKeepHits: a search walk bounded by the period's rowids
// (rowidBounds) finds exactly the papers, in the order, that the period
// conditions alone give, at every edge of the period.
func TestPeriodBoundsKeepHits(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	days := synth.Days(1500, 3, synth.DefaultStart)
	importDays(t, s, days)
	mid, late := days[len(days)/2].Date, days[len(days)*3/4].Date
	for _, text := range []string{
		"model since:" + mid, "model until:" + mid, "model day:" + mid, "agent since:" + mid + " until:" + late,
		"model since:2099-01-01", "model until:1999-01-01", "model until:" + days[0].Date,
	} {
		q, err := query.Parse(text)
		if err != nil {
			t.Fatal(err)
		}
		f := Filter{Sort: SortNewest}.Search(q)
		got, err := s.Entries(ctx, f, 0, 5000)
		if err != nil {
			t.Fatal(err)
		}
		pf, err := s.prepare(ctx, f)
		if err != nil {
			t.Fatal(err)
		}
		if pf.rowidBounds() == "" && f.Since+f.Until+f.Day != "" {
			t.Fatalf("%q: no rowid bounds", text)
		}
		where, args := pf.where()
		rows, err := s.db.Query(`SELECT p.id FROM papers p`+stateJoins+where+orderClause(pf.orderTerms(), false), args...)
		if err != nil {
			t.Fatal(err)
		}
		var want []string
		for rows.Next() {
			var id string
			rows.Scan(&id)
			want = append(want, id)
		}
		rows.Close()
		ids := make([]string, len(got))
		for i, e := range got {
			ids[i] = e.ID
		}
		if !slices.Equal(ids, want) {
			t.Errorf("%q: the walk gives %d papers, the conditions %d", text, len(ids), len(want))
		}
	}
}
