package store

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/papertui/papers/feed"
	"github.com/papertui/papers/feed/synth"
	"github.com/papertui/papers/store/query"
)

// cacheFollows mix searches the cache keeps (words, a typed prefix,
// columns, bounds, dates, exclusions, a symbol word) with ones that test
// the reader's state and are counted afresh.
var cacheFollows = map[string]string{
	"model":    "model",
	"prefix":   "diff",
	"phrase":   `"language model"`,
	"author":   "author:li",
	"org":      "org:google",
	"kw":       "kw:reasoning",
	"code":     "agents has:code",
	"upvotes":  "benchmark upvotes:>10",
	"since":    "data since:2025-07",
	"exclude":  "model -diffusion",
	"only-not": "-model upvotes:>30",
	"symbol":   "c++",
	"state":    "model is:unread",
	"tag":      "tag:keep",
}

// checkFollowCounts compares every followed search's counts with a count
// over the whole library, and the kept papers with the search's.
func checkFollowCounts(t *testing.T, s *Store, when string) {
	t.Helper()
	ctx := context.Background()
	counts, err := s.FollowCounts(ctx, 0)
	if err != nil {
		t.Fatalf("%s: %v", when, err)
	}
	if len(counts) != len(cacheFollows) {
		t.Fatalf("%s: %d counts for %d follows", when, len(counts), len(cacheFollows))
	}
	since, _ := s.newSince(ctx, 0)
	for _, c := range counts {
		f, err := c.Filter()
		if err != nil {
			t.Fatal(err)
		}
		total, _ := s.Count(ctx, f)
		u := f
		u.Unread = true
		unread, _ := s.Count(ctx, u)
		n := f
		n.Daily.New, n.NewSince, n.Unread = true, since, true // new: arrived and not yet read
		fresh, _ := s.Count(ctx, n)
		if c.Total != total || c.Unread != unread || c.New != fresh {
			t.Errorf("%s: %q (%s): cached total %d unread %d new %d; counted %d %d %d",
				when, c.Name, c.Query, c.Total, c.Unread, c.New, total, unread, fresh)
		}
		if c.cached {
			checkHits(t, s, when, c.Name, f)
		}
	}
}

func checkHits(t *testing.T, s *Store, when, name string, f Filter) {
	t.Helper()
	ctx := context.Background()
	var want []string
	es, err := s.Entries(ctx, f, 0, 0)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range es {
		want = append(want, e.ID)
	}
	slices.Sort(want)
	got := queryNames(t, s.db, `SELECT h.id FROM follow_hits h JOIN follow_cache c ON h.mask >> c.fid & 1
		WHERE c.name = ? ORDER BY h.id`, name)
	if !slices.Equal(got, want) {
		t.Errorf("%s: %q keeps %d papers, finds %d", when, name, len(got), len(want))
	}
}

// TestFollowCacheAgreesWithCounting follows searches through syncs,
// updates, day moves, marks, undo, import and clean, checking the kept
// counts against counting afresh after each, with the noted papers
// matched alone, and with every search found again whole.
func TestFollowCacheAgreesWithCounting(t *testing.T) {
	if testing.Short() {
		t.Skip("imports three small libraries")
	}
	for _, mode := range []struct {
		name    string
		rebuild int
	}{{"matched", dirtyRebuild}, {"rebuild", 0}} {
		t.Run(mode.name, func(t *testing.T) {
			rebuild := dirtyRebuild
			dirtyRebuild = mode.rebuild
			t.Cleanup(func() { dirtyRebuild = rebuild })
			followCacheScenario(t)
		})
	}
}

func followCacheScenario(t *testing.T) {
	ctx := context.Background()
	s := synthLibrary(t, 400)
	for name, q := range cacheFollows {
		if err := s.AddFollow(ctx, name, q); err != nil {
			t.Fatal(err)
		}
	}
	checkFollowCounts(t, s, "followed")
	some := searchIDs(t, s, "model")[:40]
	if err := s.SetRead(ctx, true, some[:25]...); err != nil {
		t.Fatal(err)
	}
	s.Tag(ctx, some[20:30], []string{"keep"}, nil)
	checkFollowCounts(t, s, "read")
	if _, err := s.MarkViewRead(ctx, Filter{}.Search(mustParse(t, "diffusion"))); err != nil {
		t.Fatal(err)
	}
	checkFollowCounts(t, s, "marked a search read")
	if _, err := s.Undo(ctx); err != nil {
		t.Fatal(err)
	}
	checkFollowCounts(t, s, "undone")
	s.SetRead(ctx, false, some[:5]...)
	checkFollowCounts(t, s, "unread again")

	// A sync of new days, after a visit: new papers arrive.
	s.SetLastSeen(ctx, time.Now())
	time.Sleep(3 * time.Millisecond)
	later := synth.Days(100, 12, time.Date(2025, 9, 1, 0, 0, 0, 0, time.UTC))
	for _, d := range later {
		if _, err := s.SaveDay(ctx, d.Date, mustDecode(t, d)); err != nil {
			t.Fatal(err)
		}
	}
	checkFollowCounts(t, s, "synced new days")
	s.SetRead(ctx, true, searchIDs(t, s, "is:new model")[:3]...)
	checkFollowCounts(t, s, "read a new paper")

	// A re-sync that changes papers: their words, upvotes and code link,
	// and one moved to an earlier feed day (a new rowid).
	var changed []feed.Paper
	for i, d := range later[:3] {
		ps := mustDecode(t, d)
		for j := range ps {
			// Changed as the feed would send it: its item says the same
			// (the abstract is read back from the stored item).
			ps[j].Raw = nil
			switch (i + j) % 4 {
			case 0:
				ps[j].Title += " with diffusion and c++"
				ps[j].Abstract = "A language model for reasoning."
			case 1:
				ps[j].Upvotes += 25
				ps[j].GitHubRepo = "https://github.com/x/agents"
			case 2:
				ps[j].Title = "Nothing to see"
				ps[j].Abstract = "Plain."
				ps[j].AIKeywords, ps[j].AISummary = nil, ""
			}
		}
		changed = append(changed, ps...)
		if _, err := s.SaveDay(ctx, d.Date, ps); err != nil {
			t.Fatal(err)
		}
	}
	moved := changed[1]
	moved.Day = "2025-06-01"
	if _, err := s.SaveDay(ctx, moved.Day, []feed.Paper{moved}); err != nil {
		t.Fatal(err)
	}
	checkFollowCounts(t, s, "re-synced with changes")

	// An import of more papers, a paper added by id, and a clean.
	importDays(t, s, synth.Days(200, 13, time.Date(2025, 11, 3, 0, 0, 0, 0, time.UTC)))
	if _, err := s.SavePapers(ctx, []feed.Paper{paper("2512.99999", "Diffusion for c++ agents", 50, "")}); err != nil {
		t.Fatal(err)
	}
	checkFollowCounts(t, s, "imported")
	if _, err := s.DeleteTexts(ctx, false); err != nil {
		t.Fatal(err)
	}
	checkFollowCounts(t, s, "cleaned")

	// Following something else under a name, and no longer following one.
	s.RemoveFollow(ctx, "phrase")
	s.AddFollow(ctx, "phrase", "reasoning -model")
	s.RemoveFollow(ctx, "kw")
	delete(cacheFollows, "kw")
	defer func() { cacheFollows["kw"] = "kw:reasoning" }()
	checkFollowCounts(t, s, "refollowed")
	if n := queryNames(t, s.db, `SELECT count(*) FROM follow_cache WHERE name = 'kw'`); n[0] != "0" {
		t.Errorf("an unfollowed search is still kept")
	}
	s.SetRead(ctx, true, searchIDs(t, s, "reasoning")[:10]...)
	checkFollowCounts(t, s, "read after refollowing")
	if n := queryNames(t, s.db, `SELECT count(*) FROM follow_dirty`); n[0] != "0" {
		t.Errorf("%s papers still noted after counting", n[0])
	}
}

// A sync brings the counts up to date itself, so reading them afterwards
// writes nothing.
func TestSyncRefreshesFollowCounts(t *testing.T) {
	ctx := context.Background()
	s, ids := dailyLib(t, 6)
	if err := s.AddFollow(ctx, "all", "diffusion"); err != nil {
		t.Fatal(err)
	}
	if _, err := s.FollowCounts(ctx, 0); err != nil {
		t.Fatal(err)
	}
	mustSave(t, s, "2025-03-14", paper("2503.20001", "More diffusion", 3, "2025-03-14"))
	if n := queryNames(t, s.db, `SELECT count(*) FROM follow_dirty`); n[0] != "1" {
		t.Fatalf("the saved paper was not noted: %v", n)
	}
	if err := s.RefreshFollows(ctx); err != nil {
		t.Fatal(err)
	}
	got := queryNames(t, s.db, `SELECT total || ' ' || unread FROM follow_cache`)
	if len(got) != 1 || got[0] != "7 7" {
		t.Errorf("after the refresh the cache holds %v, want [7 7]", got)
	}
	s.SetRead(ctx, true, ids[0])
	if got := queryNames(t, s.db, `SELECT unread FROM follow_cache`); got[0] != "6" {
		t.Errorf("a read mark left unread at %v", got)
	}
}

func mustParse(t *testing.T, q string) query.Query {
	t.Helper()
	parsed, err := query.Parse(q)
	if err != nil {
		t.Fatalf("parse %q: %v", q, err)
	}
	return parsed
}

// More followed searches than a mask has bits: the first are kept, the
// rest counted afresh, and all agree.
func TestManyFollowsBeyondTheMask(t *testing.T) {
	ctx := context.Background()
	s, ids := dailyLib(t, 6)
	for i := range maxCached + 2 {
		if err := s.AddFollow(ctx, fmt.Sprintf("f%02d", i), "diffusion"); err != nil {
			t.Fatal(err)
		}
	}
	s.SetRead(ctx, true, ids[0])
	counts, err := s.FollowCounts(ctx, 0)
	if err != nil {
		t.Fatal(err)
	}
	kept := 0
	for _, c := range counts {
		if c.cached {
			kept++
		}
		if c.Total != 6 || c.Unread != 5 {
			t.Errorf("%s: total %d unread %d, want 6 5", c.Name, c.Total, c.Unread)
		}
	}
	if kept != maxCached || len(counts) != maxCached+2 {
		t.Errorf("%d of %d searches kept, want %d", kept, len(counts), maxCached)
	}
}

// A followed search that no longer parses does not stop a sync's count
// of the others.
func TestBrokenFollowLeavesOthersCounted(t *testing.T) {
	ctx := context.Background()
	s, _ := dailyLib(t, 4)
	s.AddFollow(ctx, "ok", "diffusion")
	if _, err := s.db.Exec(`INSERT INTO follows(name, query, added_at) VALUES('broken', 'foo:bar', 1)`); err != nil {
		t.Fatal(err)
	}
	if err := s.RefreshFollows(ctx); err != nil {
		t.Fatalf("refresh with a broken search: %v", err)
	}
	if got := queryNames(t, s.db, `SELECT name || ' ' || total FROM follow_cache`); len(got) != 1 || got[0] != "ok 4" {
		t.Errorf("kept %v, want [ok 4]", got)
	}
	if _, err := s.FollowCounts(ctx, 0); err == nil || !strings.Contains(err.Error(), "broken") {
		t.Errorf("counting the broken search: %v", err)
	}
}
