package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"maps"
	"strings"
	"testing"
	"time"

	"github.com/papertui/papers/feed"
	"github.com/papertui/papers/feed/synth"
)

// The full-text index is written after a transaction's rows: a paper
// written twice in one transaction, with other words or moved to
// another day, must end up indexed once, with its last words, at its
// last rowid; and more papers than one INSERT takes land whole.
func TestOneTransactionIndexesEachPaperOnce(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	if _, err := s.SavePapers(ctx, []feed.Paper{paper("2503.00009", "Indexed Before", 1, "2025-03-14")}); err != nil {
		t.Fatal(err)
	}
	var batch []feed.Paper
	for i := range insertChunk*2 + 3 {
		batch = append(batch, paper(fmt.Sprintf("2503.%05d", 100+i), "Filler Paper", i, "2025-03-13"))
	}
	batch = append(batch,
		paper("2503.00001", "Sparse Diffusion Transformers", 10, "2025-03-13"),
		paper("2503.00001", "Dense Mixture Routers", 11, "2025-03-13"), // same rowid, new words
		paper("2503.00002", "Agents That Plan", 3, "2025-03-13"),
		paper("2503.00002", "Agents That Plan", 4, "2025-03-12"), // earlier day: a new rowid
		paper("2503.00009", "Indexed After", 2, "2025-03-14"),    // indexed by an earlier transaction
	)
	saved, err := s.SavePapers(ctx, batch)
	if err != nil {
		t.Fatal(err)
	}
	papers := insertChunk*2 + 3 + 2
	if saved.New != papers || saved.Updated != 3 {
		t.Errorf("saved = %+v, want %d new and 3 updated", saved, papers)
	}
	for match, want := range map[string]int{
		`"sparse"`: 0, `"routers"`: 1, `"plan"`: 1, `"before"`: 0, `"after"`: 1,
		`"filler"`: insertChunk*2 + 3, `authors : "alan turing"`: papers + 1,
	} {
		if n := countMatch(t, s, match); n != want {
			t.Errorf("%s: %d hits, want %d", match, n, want)
		}
	}
	var pid int64
	if err := s.db.QueryRow(`SELECT rowid FROM papers_fts WHERE papers_fts MATCH '"plan"'`).Scan(&pid); err != nil {
		t.Fatal(err)
	}
	var day string
	if err := s.db.QueryRow(`SELECT day FROM papers WHERE pid = ?`, pid).Scan(&day); err != nil || day != "2025-03-12" {
		t.Errorf("the moved paper is indexed at a rowid of day %q (%v), want 2025-03-12", day, err)
	}
	checkIntegrity(t, s)
}

// The import counts words byte by byte where the text is ASCII: it must
// count what termCounts.add counts, on any text.
func TestTermCounterCountsLikeTermCounts(t *testing.T) {
	papers := []feed.Paper{
		{Title: "GPT-4o Beats GPT-4: A 2-Stage RL Recipe (v2)", AISummary: "x 12 123abc a1 ÉCOLE café naïve",
			Authors: []feed.Author{{Name: "Zoë Ångström"}, {Name: "Li Wei"}}, AIKeywords: []string{"RLHF", "rlhf", "C++"}},
		{Title: "Recipe recipe RECIPE", AISummary: strings.Repeat("a", 33) + " " + strings.Repeat("b", 32) + " 2024 x2",
			AIKeywords: []string{"日本語 モデル", "naïve-bayes"}},
		{Title: "", AISummary: "\u0301combining e\u0301 end."},
	}
	want := termCounts{}
	var tc termCounter
	for _, p := range papers {
		want.add(p)
		tc.add(p)
	}
	got := tc.counts()
	if !maps.Equal(got, want) {
		t.Errorf("termCounter counted\n%v\nwant\n%v", got, want)
	}
	if again := tc.counts(); len(again) != 0 {
		t.Errorf("counts did not start again: %v", again)
	}
}

// TestSavePapersKeepsWhatTheAnswerLacks: adding by id a paper the feed
// already brought (papers add, a remote result) must not empty what only
// the feed item carries (comments, thumbnail, organization), lower a
// count or drop the feed day, while what the answer does carry is taken.
func TestSavePapersKeepsWhatTheAnswerLacks(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	fromFeed := paper("2503.00001", "Sparse Diffusion Transformers", 40, "2025-03-13")
	fromFeed.Comments, fromFeed.Thumbnail, fromFeed.Organization = 3, "https://example.org/t.png", "Stanford NLP"
	fromFeed.AISummary = "A summary."
	if _, err := s.SaveDay(ctx, "2025-03-13", []feed.Paper{fromFeed}); err != nil {
		t.Fatal(err)
	}
	answer := feed.Paper{ID: "2503.00001", Title: "Sparse Diffusion Transformers, revised", Abstract: "A new abstract.", Upvotes: 38,
		Authors: []feed.Author{{Name: "Alan Turing"}}}
	if _, err := s.SavePapers(ctx, []feed.Paper{answer}); err != nil {
		t.Fatal(err)
	}
	rec, err := s.Record(ctx, "2503.00001")
	if err != nil {
		t.Fatal(err)
	}
	if rec.Comments != 3 || rec.Thumbnail != fromFeed.Thumbnail || rec.Organization != "Stanford NLP" || rec.Upvotes != 40 ||
		rec.Day != "2025-03-13" || rec.AISummary != "A summary." {
		t.Errorf("stored paper lost what the answer lacked: %+v", rec.Paper)
	}
	if rec.Title != answer.Title || rec.Abstract != "A new abstract." {
		t.Errorf("stored paper did not take the answer's title and abstract: %q, %q", rec.Title, rec.Abstract)
	}
	if n := countMatch(t, s, `"stanford"`); n != 1 {
		t.Errorf("the kept organization is indexed %d times, want 1", n)
	}
	if n := countMatch(t, s, `"revised"`); n != 1 {
		t.Errorf("the new title is indexed %d times, want 1", n)
	}
	// An answer without an abstract keeps the stored one, which lives in
	// the raw item; one with an abstract keeps its raw item as sent.
	bare := feed.Paper{ID: "2503.00001", Title: answer.Title, Raw: []byte(`{"id":"2503.00001","title":"` + answer.Title + `"}`)}
	if _, err := s.SavePapers(ctx, []feed.Paper{bare}); err != nil {
		t.Fatal(err)
	}
	if rec, _ := s.Record(ctx, "2503.00001"); rec.Abstract != "A new abstract." || rec.Comments != 3 {
		t.Errorf("an answer without an abstract lost the stored one: %q, %d comments", rec.Abstract, rec.Comments)
	}
	sent := []byte(`{"id":"2503.00001","title":"T","summary":"Sent abstract."}`)
	if _, err := s.SavePapers(ctx, []feed.Paper{{ID: "2503.00001", Title: "T", Abstract: "Sent abstract.", Raw: sent}}); err != nil {
		t.Fatal(err)
	}
	if raw, _ := s.Raw(ctx, "2503.00001"); string(raw) != string(sent) {
		t.Errorf("the raw item is not the answer as sent: %s", raw)
	}
}

// stopsAtCheck is a context that ends at the first look at its Err once
// armed, though that look still finds it running, and waits until
// database/sql has rolled back the transaction begun under it: a Ctrl-C
// that lands between two looks while the full-text entries are written.
type stopsAtCheck struct {
	context.Context
	armed bool
	stop  func()
}

func (c *stopsAtCheck) Err() error {
	err := c.Context.Err()
	if c.armed {
		c.armed = false
		c.stop()
	}
	return err
}

// An import or sync stopped while it writes the full-text entries says
// it was cancelled (the command says "interrupted", exit 130), not that
// its transaction had already been rolled back.
func TestIndexChangesStoppedMidwaySaysCancelled(t *testing.T) {
	s := openTemp(t)
	var papers []feed.Paper
	for _, d := range synth.Days(ftsCheckEvery*3, 1, importStart) {
		papers = append(papers, mustDecode(t, d)...)
	}
	items := prepareItems(papers, nil)
	if len(items) <= ftsCheckEvery {
		t.Fatalf("%d papers: too few to stop between two looks", len(items))
	}
	inner, cancel := context.WithCancel(context.Background())
	defer cancel()
	ctx := &stopsAtCheck{Context: inner}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Rollback()
	u, err := prepareUpserter(ctx, tx, countsNeverLower)
	if err != nil {
		t.Fatal(err)
	}
	defer u.close()
	known := map[string]stored{}
	for i := range items {
		if _, _, err := u.upsert(ctx, &items[i], known, 1); err != nil {
			t.Fatal(err)
		}
	}
	if err := u.flushInserts(ctx); err != nil {
		t.Fatal(err)
	}
	ctx.stop = func() {
		cancel()
		for {
			if _, err := tx.ExecContext(context.Background(), "SELECT 1"); errors.Is(err, sql.ErrTxDone) {
				return
			}
			time.Sleep(time.Millisecond)
		}
	}
	ctx.armed = true
	if err := u.indexChanges(ctx); !errors.Is(err, context.Canceled) {
		t.Errorf("indexChanges stopped midway: %v, want context.Canceled", err)
	}
}
