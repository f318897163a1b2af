package store

import (
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/papertui/papers/feed"
	"github.com/papertui/papers/feed/synth"
	"github.com/papertui/papers/store/query"
)

// TestSetIndexKeepsResults: words searched within tag:, note:, has:note
// or text: (matched in the in-memory index of those papers) list, page
// and count exactly what the plain evaluation gives (each paper checked
// by id against the sets, the words in the library's index), in both
// orders a search takes, from the top with offsets and from the end;
// and still do after tags, notes and the papers' own text change.
func TestSetIndexKeepsResults(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	days := synth.Days(2000, 11, synth.DefaultStart)
	importDays(t, s, days)
	ids := allIDs(t, s)
	var many, few []string
	for i, id := range ids {
		if i%7 == 3 {
			many = append(many, id)
		}
		if i%120 == 5 {
			few = append(few, id)
		}
	}
	mustTag(t, s, many, "many")
	mustTag(t, s, few, "few")
	for i := 1; i < len(ids); i += 30 {
		if err := s.SetNote(ctx, ids[i], fmt.Sprintf("Note %d: a baseline worth reading", i)); err != nil {
			t.Fatal(err)
		}
	}
	for i := 4; i < len(ids); i += 45 {
		if err := s.PutText(ctx, fullText(t, ids[i], 1), fetchedAt); err != nil {
			t.Fatal(err)
		}
	}
	var read []string
	for i := 2; i < len(ids); i += 3 {
		read = append(read, ids[i])
	}
	if err := s.SetRead(ctx, true, read...); err != nil {
		t.Fatal(err)
	}
	mid := days[len(days)/2].Date
	queries := []string{
		"tag:many model", "tag:many diffusion", "tag:many language model", `tag:many "language model"`,
		"tag:many mod", "tag:many rea", "tag:many lea", "tag:many learning to ", "tag:many model -language",
		"tag:many model author:li", "tag:many model since:" + mid, "tag:many model until:" + mid,
		"tag:many model is:unread", "tag:many model upvotes:>5", "tag:many zebrafish", "tag:many kaloin",
		"tag:few model", "tag:few diffusion", "tag:few rea", "has:note model", "has:note rea",
		"note:baseline model", "note:baseline diffusion", "tag:many has:note model", "tag:many tag:few model",
		"text:policy model", "text:policy tag:many reasoning", "tag:nothing model",
		"tag:many model day:" + mid, "has:note mod since:" + days[len(days)/4].Date + " until:" + mid,
		"tag:many rea until:" + days[len(days)/3].Date + " is:unread",
		// Without words: the newest days of the set first.
		"tag:many is:unread", "tag:many is:read", "has:note upvotes:>5", "tag:few is:unread",
		"tag:many upvotes:>20 since:" + mid, "tag:many has:note is:unread", "note:baseline upvotes:<3",
	}
	savedRare, savedPatience := setIndexRare, setIndexPatience
	setIndexRare, setIndexPatience = 0, 0 // the set index at once, even for rare words
	t.Cleanup(func() { setIndexRare, setIndexPatience = savedRare, savedPatience })
	compare := func(when string) {
		t.Helper()
		used := 0
		for _, text := range queries {
			q, err := query.Parse(text)
			if err != nil {
				t.Fatal(err)
			}
			for _, sort := range []Sort{SortNewest, SortRelevance} {
				f := Filter{Sort: sort}.Search(q)
				if usesSetIndex(t, s, f) {
					used++
				}
				got, gotN := listAndCount(t, s, f)
				want, wantN := plainListAndCount(t, s, f)
				if !slices.Equal(got, want) || gotN != wantN {
					t.Errorf("%s: %q %s: %d papers (count %d), plainly %d (count %d)", when, text, sort,
						len(got), gotN, len(want), wantN)
					continue
				}
				checkFromEnd(t, s, f, got, when+": "+text)
			}
		}
		if used < len(queries)/2 {
			t.Errorf("%s: the set index served %d of %d searches", when, used, 2*len(queries))
		}
	}
	compare("first")

	// Tags and notes change; some tagged papers' text changes (a sync
	// brings a new abstract): the index must follow their text_hash.
	mustTag(t, s, ids[:40], "many")
	if err := s.Tag(ctx, many[:20], nil, []string{"many"}); err != nil {
		t.Fatal(err)
	}
	if err := s.SetNote(ctx, ids[1], ""); err != nil {
		t.Fatal(err)
	}
	if err := s.SetNote(ctx, ids[8], "a baseline too"); err != nil {
		t.Fatal(err)
	}
	rewriteAbstracts(t, s, days, many[20:60], " A zebrafish appears in this model.")
	compare("after changes")
}

// usesSetIndex says whether the set index serves f's words.
func usesSetIndex(t *testing.T, s *Store, f Filter) bool {
	t.Helper()
	p, err := s.prepare(context.Background(), f)
	if err != nil {
		t.Fatal(err)
	}
	if p, err = s.prepareSetIndex(context.Background(), p); err != nil {
		t.Fatal(err)
	}
	return p.setGen != 0
}

// plainListAndCount is listAndCount with every set checked by id: no
// papers read for the sets, no set index.
func plainListAndCount(t *testing.T, s *Store, f Filter) ([]string, int) {
	t.Helper()
	saved := maxDailyPids
	maxDailyPids = -1
	defer func() { maxDailyPids = saved }()
	return listAndCount(t, s, f)
}

// checkFromEnd: the last page read from the end (`G`, the count known)
// is the end of the list read from the top.
func checkFromEnd(t *testing.T, s *Store, f Filter, list []string, what string) {
	t.Helper()
	if len(list) < 40 {
		return
	}
	deep := f
	deep.Total = len(list)
	saved := deepOffset
	deepOffset = 20 // read from the end however short the view
	defer func() { deepOffset = saved }()
	for _, at := range []int{len(list) - 30, len(list) - 7} {
		page, err := s.Entries(context.Background(), deep, at, 30)
		if err != nil {
			t.Fatal(err)
		}
		if !slices.Equal(idsOf(page), list[at:]) {
			t.Errorf("%s %s: the page at %d from the end differs", what, f.Sort, at)
		}
	}
}

func allIDs(t *testing.T, s *Store) []string {
	t.Helper()
	rows, err := s.db.Query(`SELECT id FROM papers ORDER BY pid`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var ids []string
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			t.Fatal(err)
		}
		ids = append(ids, id)
	}
	return ids
}

func mustTag(t *testing.T, s *Store, ids []string, tag string) {
	t.Helper()
	if err := s.Tag(context.Background(), ids, []string{tag}, nil); err != nil {
		t.Fatal(err)
	}
}

// rewriteAbstracts saves again the days holding papers ids, those papers'
// abstracts lengthened by more.
func rewriteAbstracts(t *testing.T, s *Store, days []synth.Day, ids []string, more string) {
	t.Helper()
	change := map[string]bool{}
	for _, id := range ids {
		change[id] = true
	}
	changed := 0
	for _, d := range days {
		ps, _, err := feed.DecodeDocument(d.Body, d.Date)
		if err != nil {
			t.Fatal(err)
		}
		touched := false
		for i := range ps {
			if change[ps[i].ID] {
				ps[i] = withLongerAbstract(t, ps[i], d.Date, more)
				touched = true
				changed++
			}
		}
		if touched {
			if _, err := s.SaveDay(context.Background(), d.Date, ps); err != nil {
				t.Fatal(err)
			}
		}
	}
	if changed != len(ids) {
		t.Fatalf("rewrote %d abstracts of %d", changed, len(ids))
	}
}

// withLongerAbstract is p as the API would send it with more at the end
// of its abstract: the raw item changed, and the paper decoded from it.
func withLongerAbstract(t *testing.T, p feed.Paper, day, more string) feed.Paper {
	t.Helper()
	var item map[string]any
	if err := json.Unmarshal(p.Raw, &item); err != nil {
		t.Fatal(err)
	}
	holder := item
	if inner, ok := item["paper"].(map[string]any); ok {
		holder = inner
	}
	summary, _ := holder["summary"].(string)
	holder["summary"] = summary + more
	raw, err := json.Marshal(item)
	if err != nil {
		t.Fatal(err)
	}
	changed, err := feed.DecodeItem(raw, day)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasSuffix(changed.Abstract, strings.TrimSpace(more)) {
		t.Fatalf("%s: the abstract did not change: %q", p.ID, changed.Abstract)
	}
	return changed
}

// TestHasMoreHitsByWords: a typed prefix's words asked one by one give
// what walking them all gives.
func TestHasMoreHitsByWords(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	importDays(t, s, synth.Days(600, 3, synth.DefaultStart))
	for _, typed := range []string{"rea", "mod", "diff", "lea", "zz", "kaloi", "language mod"} {
		q, err := query.Parse(typed)
		if err != nil {
			t.Fatal(err)
		}
		f, err := s.prepare(ctx, Filter{}.Search(q))
		if err != nil {
			t.Fatal(err)
		}
		for _, n := range []int{0, 5, 50, 300, 599, 5000} {
			got, err := s.hasMoreHits(ctx, f.Match, n)
			if err != nil {
				t.Fatal(err)
			}
			want, err := s.countsMore(ctx, f.Match, n)
			if err != nil {
				t.Fatal(err)
			}
			if got != want {
				t.Errorf("%q (%s) more than %d: %v, walking all %v", typed, f.Match, n, got, want)
			}
		}
	}
	for match, want := range map[string]int{`("a" OR "b" OR "c")`: 3, `("a" OR "b") AND "c"`: 0, `"a" OR "b"`: 0,
		`("a b" OR "c")`: 2, `("a" OR "b"*)`: 0, `("a""b" OR "c")`: 0, `"a" OR "b")`: 0, `("a" OR "b"`: 0} {
		if got := orPhrases(match); len(got) != want {
			t.Errorf("orPhrases(%s) = %q, want %d phrases", match, got, want)
		}
	}
}

// TestSetIndexWaitsForASecondSearch: a set searched once with words
// walks them in the library's index; searched again, it is indexed.
func TestSetIndexWaitsForASecondSearch(t *testing.T) {
	s := openTemp(t)
	importDays(t, s, synth.Days(400, 5, synth.DefaultStart))
	saved := setIndexRare
	setIndexRare = 0 // 400 papers: every word is rare
	t.Cleanup(func() { setIndexRare = saved })
	ids := allIDs(t, s)
	mustTag(t, s, ids[:100], "big")
	mustTag(t, s, ids[100:110], "small")
	q, err := query.Parse("tag:big model")
	if err != nil {
		t.Fatal(err)
	}
	f := Filter{Sort: SortNewest}.Search(q)
	if usesSetIndex(t, s, f) {
		t.Error("the first search of a set of 100 indexed it")
	}
	if !usesSetIndex(t, s, f) {
		t.Error("the second search of a set of 100 did not index it")
	}
	if q, err = query.Parse("tag:small model"); err != nil {
		t.Fatal(err)
	}
	if !usesSetIndex(t, s, Filter{Sort: SortNewest}.Search(q)) {
		t.Error("the first search of a set of 10 did not index it")
	}
}
