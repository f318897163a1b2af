package store

import (
	"context"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/papertui/papers/feed"
	"github.com/papertui/papers/feed/synth"
	"github.com/papertui/papers/store/query"
)

// synthLibrary imports n synthetic papers.
func synthLibrary(t *testing.T, n int) *Store {
	t.Helper()
	s := openTemp(t)
	importDays(t, s, synth.Days(n, 11, time.Date(2025, 6, 2, 0, 0, 0, 0, time.UTC)))
	return s
}

// TestHitWalkMatchesPlainQuery: the fast search path returns exactly the
// pages the plain (collect and sort every hit) query returns.
func TestHitWalkMatchesPlainQuery(t *testing.T) {
	ctx := context.Background()
	s := synthLibrary(t, 1500)
	s.SetRead(ctx, true, firstID(t, s, ""))
	for _, text := range []string{"model", "mod", "language model", "diffusion has:code", "reasoning upvotes:>10",
		"agents author:li", "is:unread data", "olfaction", "tokens since:2025-07 until:2025-08", "nothingmatchesthis",
		"model -diffusion", "language NOT reasoning -agents", "-model", `data -"language model" has:code`} {
		q, err := query.Parse(text)
		if err != nil {
			t.Fatal(err)
		}
		f := Filter{Sort: SortNewest}.Search(q)
		for _, page := range [][2]int{{0, 50}, {50, 50}, {0, 7}, {333, 100}, {0, 0}} {
			fast, err := s.Entries(ctx, f, page[0], page[1])
			if err != nil {
				t.Fatalf("%q: %v", text, err)
			}
			prepared, err := s.prepare(ctx, f)
			if err != nil {
				t.Fatal(err)
			}
			sqlText, args := prepared.selectSQL(entryColumns, page[0], page[1])
			plain, err := s.queryEntries(ctx, sqlText, args...)
			if err != nil {
				t.Fatal(err)
			}
			if got, want := ids(fast), ids(plain); got != want {
				t.Errorf("%q page %v:\n fast  %s\n plain %s", text, page, got, want)
			}
		}
	}
}

func ids(es []Entry) string {
	var out []string
	for _, e := range es {
		out = append(out, e.ID)
	}
	return strings.Join(out, " ")
}

// TestDayMoveKeepsSearchInOrder: a paper whose feed day changes moves to
// that day's rowid range and stays findable, once.
func TestDayMoveKeepsSearchInOrder(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	p := paper("2503.00001", "Wandering Paper", 1, "")
	s.SavePapers(ctx, []feed.Paper{p})
	mustSave(t, s, "2025-03-13", paper("2503.00002", "Wandering Friend", 5, "2025-03-13"))
	p.Day = "2025-03-14"
	mustSave(t, s, "2025-03-14", p)
	f := Filter{Match: `"wandering"`}
	es, _ := s.Entries(ctx, f, 0, 10)
	if got := ids(es); got != "2503.00001 2503.00002" {
		t.Errorf("order = %s", got)
	}
	if n := countMatch(t, s, `"wandering"`); n != 2 {
		t.Errorf("%d hits", n)
	}
	checkIntegrity(t, s)
}

func TestRelevancePutsExactTitleFirst(t *testing.T) {
	ctx := context.Background()
	s := synthLibrary(t, 800)
	recs, _ := s.Records(ctx, Filter{Sort: SortUpvotes}, 400, 5)
	for _, r := range recs {
		q, _ := query.Parse(r.Title)
		es, err := s.Entries(ctx, Filter{Sort: SortRelevance}.Search(q), 0, 5)
		if err != nil || len(es) == 0 || es[0].ID != r.ID {
			t.Errorf("title %q: first hit %v, want %s (%v)", r.Title, ids(es), r.ID, err)
		}
	}
}

// TestExactTitleFindsItFirstInTheCorpus: on the real corpus, searching a
// paper's exact title ranks it first, for titles across two years.
func TestExactTitleFindsItFirstInTheCorpus(t *testing.T) {
	if testing.Short() {
		t.Skip("imports the corpus")
	}
	days := corpusDays(t)
	s := openTemp(t)
	importDays(t, s, days)
	ctx := context.Background()
	recs, err := s.Records(ctx, Filter{}, 0, 0)
	if err != nil {
		t.Fatal(err)
	}
	misses := 0
	checked := 0
	// Every sixtieth paper, and every short title (short titles share
	// their words with many longer ones: the hard case).
	var sample []Record
	titles := map[string]int{}
	for i, r := range recs {
		titles[strings.ToLower(r.Title)]++
		if i%(len(recs)/60) == 0 || len(strings.Fields(r.Title)) <= 4 {
			sample = append(sample, r)
		}
	}
	for _, r := range sample {
		if titles[strings.ToLower(r.Title)] > 1 {
			continue // two papers share the title: either may come first
		}
		q, err := query.Parse(r.Title)
		if err != nil {
			t.Fatalf("%q: %v", r.Title, err)
		}
		es, err := s.Entries(ctx, Filter{Sort: SortRelevance}.Search(q), 0, 3)
		if err != nil {
			t.Fatalf("%q: %v", r.Title, err)
		}
		checked++
		if len(es) == 0 || es[0].ID != r.ID {
			misses++
			t.Errorf("%q (%s): first hits %s", r.Title, r.ID, ids(es))
		}
	}
	t.Logf("%d titles checked, %d not first", checked, misses)
	symbolWordsFirst(t, s, recs)
}

// symbolWordsFirst: on the corpus, a search for a word with symbols
// ("c++") puts the paper with it in its title first and finds only papers
// holding it (issue 9: it was searched as "c", the title 25th).
func symbolWordsFirst(t *testing.T, s *Store, recs []Record) {
	for _, word := range []string{"C++", "GPT-4o", "R1-Zero", "Llama-3.1"} {
		var want []string
		for _, r := range recs {
			if strings.Contains(r.Title, word) {
				want = append(want, r.ID)
			}
		}
		if len(want) == 0 {
			t.Errorf("no title holds %s in the corpus", word)
			continue
		}
		q, err := query.Parse(strings.ToLower(word) + " ")
		if err != nil {
			t.Fatal(err)
		}
		es, err := s.Entries(context.Background(), Filter{Sort: SortRelevance}.Search(q), 0, 0)
		if err != nil {
			t.Fatal(err)
		}
		if len(es) == 0 || !slices.Contains(want, es[0].ID) {
			t.Errorf("%s: first hit %v, want one of %v", word, ids(es[:min(3, len(es))]), want)
		}
		for _, e := range es {
			rec, _ := s.Record(context.Background(), e.ID)
			text := strings.ToLower(rec.Title + " " + rec.Abstract + " " + rec.AISummary + " " + strings.Join(rec.AIKeywords, " "))
			if !strings.Contains(strings.ReplaceAll(text, "-", " "), strings.ReplaceAll(strings.ToLower(word), "-", " ")) &&
				!strings.Contains(text, strings.ToLower(word)) {
				t.Errorf("%s finds %s (%q), which does not hold it", word, e.ID, rec.Title)
			}
		}
	}
}

// A search of words alone is counted off the full-text index: the counts
// agree with the papers the view lists, with the read and unread toggles,
// after papers are read, moved to another day and fetched again.
func TestCountOfWordsAgreesWithPapers(t *testing.T) {
	ctx := context.Background()
	s, ids := dailyLib(t, 10)
	check := func(when string) {
		t.Helper()
		for _, q := range []string{"diffusion", "number", `"number 1"`, "diffusion -\"number 2\"", "nothing", "diffusion author:nobody"} {
			parsed, err := query.Parse(q)
			if err != nil {
				t.Fatal(err)
			}
			for _, f := range []Filter{{}, {Unread: true}, {Read: true}, {Day: "2025-03-12"}, {Since: "2025-03-13", Unread: true},
				{Until: "2025-03-12", Read: true}, {Since: "2025-03-12", Until: "2025-03-13"}, {Since: "2025-03-14"}, {Day: "someday"}} {
				f = f.Search(parsed)
				all, err := s.Entries(ctx, f, 0, 0)
				if err != nil {
					t.Fatal(err)
				}
				if n, err := s.Count(ctx, f); err != nil || n != len(all) {
					t.Errorf("%s: %q %+v: counted %d (%v), the view lists %d", when, q, f, n, err, len(all))
				}
			}
		}
	}
	check("saved")
	s.SetRead(ctx, true, ids[0], ids[1], ids[7])
	check("read")
	mustSave(t, s, "2025-03-14", paper(ids[1], "Paper number 1 moved about diffusion", 3, "2025-03-14"))
	check("moved")
	mustSave(t, s, "2025-03-14", paper(ids[1], "Paper renamed", 3, "2025-03-14"))
	check("renamed")
	if _, err := s.SavePapers(ctx, []feed.Paper{paper("2503.20000", "Dayless number 1 diffusion", 1, "")}); err != nil {
		t.Fatal(err)
	}
	s.SetRead(ctx, true, "2503.20000")
	check("dayless")
}

// CountUpTo stops at its limit where counting costs the papers counted,
// and is exact where the count is cheap at any size.
func TestCountUpTo(t *testing.T) {
	ctx := context.Background()
	s, _ := dailyLib(t, 10)
	for _, c := range []struct {
		q     string
		n     int
		exact bool
	}{
		{"", 10, true},                     // the library: kept counts
		{"diffusion", 10, true},            // words alone: the index's lists
		{"diffusion upvotes:>0", 4, false}, // 9 papers, counted up to 4
		{"upvotes:>6", 3, true},            // fewer than the limit: exact
	} {
		parsed, err := query.Parse(c.q)
		if err != nil {
			t.Fatal(err)
		}
		n, exact, err := s.CountUpTo(ctx, Filter{}.Search(parsed), 4)
		if err != nil || n != c.n || exact != c.exact {
			t.Errorf("CountUpTo(%q, 4) = %d, %v, %v; want %d, %v", c.q, n, exact, err, c.n, c.exact)
		}
	}
}

// TestPrefixIgnoresCase: a word being typed finds what its lower-case
// spelling finds (the vocabulary holds words as the index folds them), so
// typing a title as written finds it.
func TestPrefixIgnoresCase(t *testing.T) {
	ctx := context.Background()
	s := synthLibrary(t, 300)
	for _, pair := range [][2]string{{"Transf", "transf"}, {"Languag", "languag"}, {"Large Lan", "large lan"}, {"MOD", "mod"}} {
		var got [2]string
		for i, text := range pair {
			q, err := query.Parse(text)
			if err != nil {
				t.Fatal(err)
			}
			es, err := s.Entries(ctx, Filter{Sort: SortNewest}.Search(q), 0, 1000)
			if err != nil {
				t.Fatal(err)
			}
			got[i] = ids(es)
		}
		if got[0] != got[1] || got[1] == "" {
			t.Errorf("%q found %q, %q found %q", pair[0], got[0], pair[1], got[1])
		}
	}
}

// TestSearchByIDOrURL: a search that is a paper id, a versioned id or a
// URL of the paper finds that paper, counted as one, in every order.
func TestSearchByIDOrURL(t *testing.T) {
	ctx := context.Background()
	s := synthLibrary(t, 300)
	id := firstID(t, s, "")
	for _, text := range []string{id, id + "v3", "arxiv:" + id, "https://arxiv.org/abs/" + id, "https://huggingface.co/papers/" + id} {
		q, err := query.Parse(text)
		if err != nil {
			t.Fatal(err)
		}
		for _, sort := range []Sort{SortNewest, SortRelevance, SortUpvotes} {
			f := Filter{Sort: sort}.Search(q)
			es, err := s.Entries(ctx, f, 0, 50)
			n, cerr := s.Count(ctx, f)
			if err != nil || cerr != nil || len(es) != 1 || es[0].ID != id || n != 1 {
				t.Errorf("search %q (%v): %s, count %d, %v %v", text, sort, ids(es), n, err, cerr)
			}
		}
	}
}
