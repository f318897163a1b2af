package store

import (
	"context"
	"errors"
	"fmt"
	"maps"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/papertui/papers/feed"
	"github.com/papertui/papers/store/query"
)

// dailyLib is a library of n papers on two days: the first half on
// 2025-03-12, the rest on 2025-03-13.
func dailyLib(t *testing.T, n int) (*Store, []string) {
	t.Helper()
	s := openTemp(t)
	var ids []string
	byDay := map[string][]feed.Paper{}
	for i := range n {
		day := "2025-03-12"
		if i >= n/2 {
			day = "2025-03-13"
		}
		p := paper(fmt.Sprintf("2503.%05d", i+1), fmt.Sprintf("Paper number %d about diffusion", i), i, day)
		byDay[day] = append(byDay[day], p)
		ids = append(ids, p.ID)
	}
	for day, ps := range byDay {
		mustSave(t, s, day, ps...)
	}
	return s, ids
}

// search lists the ids a search finds, newest first.
func searchIDs(t *testing.T, s *Store, q string) []string {
	t.Helper()
	parsed, err := query.Parse(q)
	if err != nil {
		t.Fatalf("parse %q: %v", q, err)
	}
	es, err := s.Entries(context.Background(), Filter{}.Search(parsed), 0, 0)
	if err != nil {
		t.Fatalf("search %q: %v", q, err)
	}
	var ids []string
	for _, e := range es {
		ids = append(ids, e.ID)
	}
	slices.Sort(ids)
	return ids
}

func TestTags(t *testing.T) {
	ctx := context.Background()
	s, ids := dailyLib(t, 4)
	if err := s.Tag(ctx, ids[:2], []string{"Reading", "thesis/ch2"}, nil); err != nil {
		t.Fatal(err)
	}
	if err := s.Tag(ctx, ids[2:3], []string{"reading"}, nil); err != nil {
		t.Fatal(err)
	}
	tags, err := s.Tags(ctx)
	if err != nil {
		t.Fatal(err)
	}
	want := []TagCount{{"reading", 3}, {"thesis/ch2", 2}}
	if !slices.Equal(tags, want) {
		t.Fatalf("Tags = %v, want %v", tags, want)
	}
	rec, _ := s.Record(ctx, ids[0])
	if !slices.Equal(rec.Tags, []string{"reading", "thesis/ch2"}) {
		t.Errorf("Record.Tags = %v", rec.Tags)
	}
	if got := searchIDs(t, s, "tag:reading"); !slices.Equal(got, ids[:3]) {
		t.Errorf("tag:reading = %v", got)
	}
	if got := searchIDs(t, s, "tag:reading tag:thesis/ch2 diffusion"); !slices.Equal(got, ids[:2]) {
		t.Errorf("tag:reading tag:thesis/ch2 diffusion = %v", got)
	}
	if got := searchIDs(t, s, `"number 2" tag:reading`); !slices.Equal(got, ids[2:3]) {
		t.Errorf(`"number 2" tag:reading = %v`, got)
	}
	if err := s.Tag(ctx, ids[:1], nil, []string{"reading"}); err != nil {
		t.Fatal(err)
	}
	if got := searchIDs(t, s, "tag:reading"); !slices.Equal(got, ids[1:3]) {
		t.Errorf("after -reading: tag:reading = %v", got)
	}
	for _, bad := range []string{"", "two words", "a:b", strings.Repeat("x", 65)} {
		if err := s.Tag(ctx, ids[:1], []string{bad}, nil); err == nil {
			t.Errorf("Tag(%q) accepted", bad)
		}
	}
	if err := s.Tag(ctx, []string{"2503.99999"}, []string{"x"}, nil); !errors.Is(err, ErrUnknownPaper) {
		t.Errorf("Tag(unknown) = %v", err)
	}
	// A failed change lands nothing: the second id is unknown, so the
	// first is not tagged either.
	s.Tag(ctx, []string{ids[3], "2503.99999"}, []string{"half"}, nil)
	if got := searchIDs(t, s, "tag:half"); len(got) != 0 {
		t.Errorf("a failed tag change left %v tagged", got)
	}
}

func TestNotes(t *testing.T) {
	ctx := context.Background()
	s, ids := dailyLib(t, 3)
	if err := s.SetNote(ctx, ids[0], "# Why\n\nA strong **Baseline** for ablations."); err != nil {
		t.Fatal(err)
	}
	if err := s.SetNote(ctx, ids[1], "read later"); err != nil {
		t.Fatal(err)
	}
	body, err := s.Note(ctx, ids[0])
	if err != nil || !strings.Contains(body, "**Baseline**") {
		t.Fatalf("Note = %q, %v", body, err)
	}
	if body, err := s.Note(ctx, ids[2]); body != "" || err != nil {
		t.Errorf("Note without one = %q, %v", body, err)
	}
	if _, err := s.Note(ctx, "2503.99999"); !errors.Is(err, ErrUnknownPaper) {
		t.Errorf("Note(unknown) = %v", err)
	}
	if got := searchIDs(t, s, "has:note"); !slices.Equal(got, ids[:2]) {
		t.Errorf("has:note = %v", got)
	}
	if got := searchIDs(t, s, "note:baseline"); !slices.Equal(got, ids[:1]) {
		t.Errorf("note:baseline = %v", got)
	}
	if got := searchIDs(t, s, "diffusion has:note note:later"); !slices.Equal(got, ids[1:2]) {
		t.Errorf("diffusion has:note note:later = %v", got)
	}
	rec, _ := s.Record(ctx, ids[1])
	if rec.Note != "read later" {
		t.Errorf("Record.Note = %q", rec.Note)
	}
	if err := s.SetNote(ctx, ids[1], "  \n"); err != nil {
		t.Fatal(err)
	}
	if got := searchIDs(t, s, "has:note"); !slices.Equal(got, ids[:1]) {
		t.Errorf("a blank note should remove it: has:note = %v", got)
	}
	if err := s.SetNote(ctx, "2503.99999", "x"); !errors.Is(err, ErrUnknownPaper) {
		t.Errorf("SetNote(unknown) = %v", err)
	}
}

func TestIsNewAndLastSeen(t *testing.T) {
	ctx := context.Background()
	s, ids := dailyLib(t, 2)
	// Never looked: whatever arrived is new.
	if got := searchIDs(t, s, "is:new"); !slices.Equal(got, ids) {
		t.Errorf("before any visit, is:new = %v", got)
	}
	seen := time.Now()
	if err := s.SetLastSeen(ctx, seen); err != nil {
		t.Fatal(err)
	}
	if got, _ := s.LastSeen(ctx); got.UnixMilli() != seen.UnixMilli() {
		t.Errorf("LastSeen = %v, want %v", got, seen)
	}
	time.Sleep(3 * time.Millisecond) // arrivals are stamped in milliseconds
	mustSave(t, s, "2025-03-14", paper("2503.10000", "A later paper", 5, "2025-03-14"))
	// A re-sync of a known paper does not make it new.
	mustSave(t, s, "2025-03-12", paper(ids[0], "Paper number 0 about diffusion", 50, "2025-03-12"))
	if got := searchIDs(t, s, "is:new"); !slices.Equal(got, []string{"2503.10000"}) {
		t.Errorf("is:new = %v", got)
	}
	// The reader passes the start of its own visit.
	parsed, _ := query.Parse("is:new")
	n, err := s.Count(ctx, Filter{NewSince: 1}.Search(parsed))
	if err != nil || n != 3 {
		t.Errorf("is:new since the epoch = %d, %v; want 3", n, err)
	}
}

func TestSeenChanges(t *testing.T) {
	ctx := context.Background()
	s, ids := dailyLib(t, 2)
	if v, _ := s.LastSeenOf(ctx, ids[0]); !v.At.IsZero() {
		t.Fatalf("never shown, LastSeenOf = %+v", v)
	}
	if err := s.MarkSeen(ctx, ids...); err != nil {
		t.Fatal(err)
	}
	p := paper(ids[0], "Paper number 0 about diffusion", 40, "2025-03-12")
	p.Comments = 7
	mustSave(t, s, "2025-03-12", p)
	v, err := s.LastSeenOf(ctx, ids[0])
	if err != nil || v.Upvotes != 0 || v.Comments != 0 || v.At.IsZero() {
		t.Fatalf("LastSeenOf = %+v, %v", v, err)
	}
	es, err := s.Entries(ctx, Filter{Sort: SortRising}, 0, 0)
	if err != nil || len(es) != 2 || es[0].ID != ids[0] {
		t.Errorf("rising = %v, %v; want %s first", es, err, ids[0])
	}
}

func TestFollows(t *testing.T) {
	ctx := context.Background()
	s, ids := dailyLib(t, 6)
	if err := s.AddFollow(ctx, "diff", "diffusion day:2025-03-13"); err != nil {
		t.Fatal(err)
	}
	if err := s.AddFollow(ctx, "all", "diffusion"); err != nil {
		t.Fatal(err)
	}
	if err := s.AddFollow(ctx, "diff", "other"); !errors.Is(err, ErrFollowRefused) {
		t.Errorf("a second follow under the same name: %v, want ErrFollowRefused", err)
	}
	if err := s.AddFollow(ctx, "bad", "foo:bar"); !errors.Is(err, ErrFollowRefused) || !strings.Contains(err.Error(), "foo:") {
		t.Errorf("a bad query: %v, want ErrFollowRefused naming foo:", err)
	}
	if err := s.AddFollow(ctx, " ", "x"); !errors.Is(err, ErrFollowRefused) {
		t.Errorf("an empty name: %v, want ErrFollowRefused", err)
	}
	// A library that cannot take the change is no mistake of the caller's
	// (papers follow add exited 2 on a read-only library).
	stopped, cancel := context.WithCancel(ctx)
	cancel()
	if err := s.AddFollow(stopped, "later", "x"); err == nil || errors.Is(err, ErrFollowRefused) {
		t.Errorf("a write that failed: %v, want an error that is not ErrFollowRefused", err)
	}
	if err := s.SetRead(ctx, true, ids[3]); err != nil {
		t.Fatal(err)
	}
	if err := s.SetLastSeen(ctx, time.Now()); err != nil {
		t.Fatal(err)
	}
	time.Sleep(3 * time.Millisecond)
	mustSave(t, s, "2025-03-13", paper("2503.10000", "Late diffusion", 1, "2025-03-13"))
	counts, err := s.FollowCounts(ctx, 0)
	if err != nil {
		t.Fatal(err)
	}
	got := map[string][2]int{}
	for _, c := range counts {
		got[c.Name] = [2]int{c.Unread, c.New}
	}
	want := map[string][2]int{"all": {6, 1}, "diff": {3, 1}}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("FollowCounts = %v, want %v", got, want)
	}
	// New means not yet read: reading the paper that arrived leaves
	// nothing new, whether the search is counted from the cache or afresh.
	if err := s.SetRead(ctx, true, "2503.10000"); err != nil {
		t.Fatal(err)
	}
	if counts, err = s.FollowCounts(ctx, 0); err != nil {
		t.Fatal(err)
	}
	for _, c := range counts {
		if c.New != 0 {
			t.Errorf("%s: %d new after the new paper was read (cached %v), want 0", c.Name, c.New, c.cached)
		}
	}
	if err := s.RemoveFollow(ctx, "diff"); err != nil {
		t.Fatal(err)
	}
	if err := s.RemoveFollow(ctx, "diff"); !errors.Is(err, ErrUnknownFollow) {
		t.Errorf("removing twice = %v", err)
	}
	if fs, _ := s.Follows(ctx); len(fs) != 1 || fs[0].Name != "all" {
		t.Errorf("Follows = %v", fs)
	}
}

func TestUnreadCountsAndMarkViewRead(t *testing.T) {
	ctx := context.Background()
	s, ids := dailyLib(t, 10)
	days := []string{"2025-03-13", "2025-03-12", "2025-03-11"}
	s.SetRead(ctx, true, ids[0])
	c, err := s.Unread(ctx, Filter{}, days)
	if err != nil {
		t.Fatal(err)
	}
	if c.Total != 9 || c.Days["2025-03-12"] != 4 || c.Days["2025-03-13"] != 5 || len(c.Days) != 2 {
		t.Fatalf("Unread = %+v", c)
	}
	n, err := s.MarkViewRead(ctx, Filter{Day: "2025-03-13"})
	if err != nil || n != 5 {
		t.Fatalf("MarkViewRead(day) = %d, %v", n, err)
	}
	parsed, _ := query.Parse(`"number 1"`)
	if n, err = s.MarkViewRead(ctx, Filter{}.Search(parsed)); err != nil || n != 1 {
		t.Fatalf("MarkViewRead(search) = %d, %v", n, err)
	}
	if c, _ = s.Unread(ctx, Filter{}, days); c.Total != 3 {
		t.Fatalf("after marking, unread = %+v", c)
	}
	hist, _ := s.History(ctx)
	if len(hist) != 3 || hist[0].What != "mark the search's papers read" || hist[1].What != "mark 2025-03-13 read" {
		t.Errorf("History = %v", hist)
	}
	for range 2 {
		if _, err := s.Undo(ctx); err != nil {
			t.Fatal(err)
		}
	}
	if c, _ = s.Unread(ctx, Filter{}, days); c.Total != 9 {
		t.Errorf("after two undos, unread = %+v, want 9", c)
	}
	if rec, _ := s.Record(ctx, ids[0]); !rec.Read {
		t.Error("undoing the mark-alls unmarked a paper read before them")
	}
}

func TestUndo(t *testing.T) {
	ctx := context.Background()
	s, ids := dailyLib(t, 4)
	queueIDs := func() string {
		q, _ := s.Queue(ctx)
		var out []string
		for _, r := range q {
			out = append(out, r.ID)
		}
		return strings.Join(out, ",")
	}
	must(t, s.Enqueue(ctx, ids[0], ids[1], ids[2]))
	must(t, s.Enqueue(ctx, ids[0])) // already queued: nothing to undo
	must(t, s.Move(ctx, ids[2], 1))
	must(t, s.Done(ctx, ids[1]))
	must(t, s.Tag(ctx, ids[:1], []string{"a"}, nil))
	must(t, s.SetRead(ctx, true, ids[3]))
	must(t, s.SetRead(ctx, false, ids[3]))
	must(t, s.SetRead(ctx, true, ids[3]))
	hist, _ := s.History(ctx)
	var whats []string
	for _, h := range hist {
		whats = append(whats, h.What)
	}
	// Each names its paper, or how many: U says what it changed.
	want := strings.Join([]string{"mark read " + ids[3], "mark unread " + ids[3], "mark read " + ids[3], "tag " + ids[0],
		"done " + ids[1], "move " + ids[2], "queue 3 papers"}, ",")
	if strings.Join(whats, ",") != want {
		t.Fatalf("History = %v, want %s", whats, want)
	}
	steps := []struct {
		what  string
		check func() bool
	}{
		{"mark read " + ids[3], func() bool { r, _ := s.Record(ctx, ids[3]); return !r.Read }},
		{"mark unread " + ids[3], func() bool { r, _ := s.Record(ctx, ids[3]); return r.Read }},
		{"mark read " + ids[3], func() bool { r, _ := s.Record(ctx, ids[3]); return !r.Read }},
		{"tag " + ids[0], func() bool { r, _ := s.Record(ctx, ids[0]); return len(r.Tags) == 0 }},
		{"done " + ids[1], func() bool {
			r, _ := s.Record(ctx, ids[1])
			return !r.Read && queueIDs() == ids[2]+","+ids[0]+","+ids[1]
		}},
		{"move " + ids[2], func() bool { return queueIDs() == ids[0]+","+ids[1]+","+ids[2] }},
		{"queue 3 papers", func() bool { return queueIDs() == "" }},
	}
	for _, st := range steps {
		what, err := s.Undo(ctx)
		if err != nil || what != st.what {
			t.Fatalf("Undo = %q, %v; want %q", what, err, st.what)
		}
		if !st.check() {
			t.Errorf("after undoing %s the state is not back (queue %s)", st.what, queueIDs())
		}
	}
	if _, err := s.Undo(ctx); !errors.Is(err, ErrNothingToUndo) {
		t.Errorf("Undo on empty history = %v", err)
	}
	// Removing a tag is undone by putting it back.
	must(t, s.Tag(ctx, ids[:1], []string{"keep"}, nil))
	must(t, s.Tag(ctx, ids[:1], nil, []string{"keep"}))
	s.Undo(ctx)
	if r, _ := s.Record(ctx, ids[0]); !slices.Equal(r.Tags, []string{"keep"}) {
		t.Errorf("undoing -keep: tags = %v", r.Tags)
	}
}

func TestUndoDepth(t *testing.T) {
	ctx := context.Background()
	s, ids := dailyLib(t, 2)
	for i := range UndoDepth + 10 {
		if err := s.SetRead(ctx, i%2 == 0, ids[0]); err != nil {
			t.Fatal(err)
		}
	}
	hist, _ := s.History(ctx)
	if len(hist) != UndoDepth {
		t.Errorf("history holds %d entries, want %d", len(hist), UndoDepth)
	}
}

// The reader's state outlives a re-sync and an import of the same papers.
func TestDailyStateSurvivesResync(t *testing.T) {
	ctx := context.Background()
	s, ids := dailyLib(t, 4)
	must(t, s.Tag(ctx, ids[:2], []string{"keep"}, nil))
	must(t, s.SetNote(ctx, ids[0], "my note"))
	must(t, s.AddFollow(ctx, "f", "diffusion"))
	must(t, s.MarkSeen(ctx, ids[0]))
	must(t, s.SetLastSeen(ctx, time.Now()))
	var ps []feed.Paper
	for i, id := range ids[:2] {
		p := paper(id, fmt.Sprintf("Renamed %d", i), 100+i, "2025-03-12")
		ps = append(ps, p)
	}
	mustSave(t, s, "2025-03-12", ps...)
	r, _ := s.Record(ctx, ids[0])
	if r.Note != "my note" || !slices.Equal(r.Tags, []string{"keep"}) || r.Title != "Renamed 0" {
		t.Errorf("after re-sync: %q %v %q", r.Note, r.Tags, r.Title)
	}
	if fs, _ := s.Follows(ctx); len(fs) != 1 {
		t.Errorf("follows after re-sync: %v", fs)
	}
	if v, _ := s.LastSeenOf(ctx, ids[0]); v.At.IsZero() {
		t.Error("seen lost after re-sync")
	}
	if got := searchIDs(t, s, "is:new"); len(got) != 0 {
		t.Errorf("a re-sync made %v new", got)
	}
}

// The per-day counts kept by triggers agree with counting the papers,
// through reads, undo, a paper moving to another day and one without a day.
func TestDayCountsAgreeWithPapers(t *testing.T) {
	ctx := context.Background()
	s, ids := dailyLib(t, 10)
	check := func(when string) {
		t.Helper()
		for _, f := range []Filter{{}, {Day: "2025-03-12"}, {Since: "2025-03-13"}, {Until: "2025-03-12"},
			// Periods holding most of the library's days are counted as
			// the library less the days outside them.
			{Since: "2025-03-12"}, {Until: "2025-03-14"}, {Since: "2025-03-01", Until: "2025-03-31"},
			{Since: "2025-03-13", Until: "2025-03-14"}, {Since: "2025-03-14", Until: "2025-03-12"},
			{Day: "2025-03-13", Since: "2025-03-14"}} {
			fast, err := s.Unread(ctx, f, []string{"2025-03-12", "2025-03-13", "2025-03-20"})
			if err != nil {
				t.Fatal(err)
			}
			// The view's own counts are read off the day counts too.
			for _, g := range []Filter{f, {Day: f.Day, Since: f.Since, Until: f.Until, Unread: true},
				{Day: f.Day, Since: f.Since, Until: f.Until, Read: true}} {
				all, _ := s.Entries(ctx, g, 0, 0)
				if n, err := s.Count(ctx, g); err != nil || n != len(all) {
					t.Errorf("%s: %+v: counted %d papers (%v), the view lists %d", when, g, n, err, len(all))
				}
			}
			slow := f
			slow.Unread = true
			n, _ := s.Count(ctx, slow)
			if fast.Total != n {
				t.Errorf("%s: %+v: day counts say %d unread, papers %d", when, f, fast.Total, n)
			}
			for d, c := range fast.Days {
				slow.Day = d
				if n, _ := s.Count(ctx, slow); n != c {
					t.Errorf("%s: %+v: day %s counted %d unread, papers %d", when, f, d, c, n)
				}
			}
		}
	}
	check("saved")
	s.SetRead(ctx, true, ids[0], ids[7])
	check("read")
	s.MarkViewRead(ctx, Filter{Day: "2025-03-13"})
	check("day read")
	s.Undo(ctx)
	check("undone")
	// A fetch by id (no day) keeps the day; a paper first seen without a
	// day counts under none.
	if _, err := s.SavePapers(ctx, []feed.Paper{paper("2503.20000", "Dayless", 1, "")}); err != nil {
		t.Fatal(err)
	}
	s.SetRead(ctx, true, "2503.20000")
	check("dayless")
	mustSave(t, s, "2025-03-14", paper("2503.20000", "Dayless gets a day", 1, "2025-03-14"))
	check("moved")
	s.SetRead(ctx, false, "2503.20000")
	check("unread again")
}

// A search of excluded words alone, or of full texts alone, is no view of
// days: its counts are not the day counts.
func TestUnreadOfSearchWithoutWords(t *testing.T) {
	ctx := context.Background()
	s, _ := dailyLib(t, 10)
	parsed, err := query.Parse(`-"number 1"`)
	if err != nil {
		t.Fatal(err)
	}
	f := Filter{}.Search(parsed)
	all, _ := s.Entries(ctx, f, 0, 0)
	n, err := s.Count(ctx, f)
	if err != nil || n != 9 || len(all) != 9 {
		t.Fatalf("Count = %d, %v; the view lists %d; want 9", n, err, len(all))
	}
	c, err := s.Unread(ctx, f, []string{"2025-03-12"})
	if err != nil || c.Total != 9 || c.Days["2025-03-12"] != 4 {
		t.Errorf("Unread = %+v, %v; want 9 in all, 4 on 2025-03-12", c, err)
	}
}

// UnreadDays counts the days alone, as Unread does with the total, for a
// view of days and for a search, read marks included.
func TestUnreadDaysAgreeWithUnread(t *testing.T) {
	ctx := context.Background()
	s, ids := dailyLib(t, 10)
	if err := s.SetRead(ctx, true, ids[0], ids[7]); err != nil {
		t.Fatal(err)
	}
	days := []string{"2025-03-12", "2025-03-13", "2025-03-20"}
	for _, q := range []string{"", "diffusion", "number", `-"number 1"`, "is:unread"} {
		f := Filter{}
		if q != "" {
			parsed, err := query.Parse(q)
			if err != nil {
				t.Fatal(err)
			}
			f = f.Search(parsed)
		}
		day := f
		day.Day = "2025-03-13"
		for _, g := range []Filter{f, day} {
			want, err := s.Unread(ctx, g, days)
			if err != nil {
				t.Fatal(err)
			}
			got, err := s.UnreadDays(ctx, g, days)
			if err != nil || !maps.Equal(got, want.Days) {
				t.Errorf("%q %+v: UnreadDays = %v, %v; Unread's days %v", q, g.Day, got, err, want.Days)
			}
		}
	}
	if got, err := s.UnreadDays(ctx, Filter{}, nil); err != nil || len(got) != 0 {
		t.Errorf("UnreadDays of no days = %v, %v", got, err)
	}
}

// TestFollowNames: a name is one word of a list (digest --follow a,b) and
// of a shell completion, so it holds no comma or space, nor control
// characters; the refusal says how to write it.
func TestFollowNames(t *testing.T) {
	s := openTemp(t)
	ctx := context.Background()
	for name, want := range map[string]string{
		"a,b":       "(a-b)",
		"two words": "(two-words)",
		"tab\there": "(tab-here)",
		" ":         "needs a name",
		"x\x1b[31m": "control characters",
	} {
		if err := s.AddFollow(ctx, name, "diffusion"); err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("AddFollow(%q): %v, want %q", name, err, want)
		}
	}
	if err := s.AddFollow(ctx, "video-gen_2", "video"); err != nil {
		t.Errorf("a name of letters, digits, - and _: %v", err)
	}
}

// TestReplaceNoteOnlyOverWhatWasEdited: an edit is stored only over the
// note it began from.
func TestReplaceNoteOnlyOverWhatWasEdited(t *testing.T) {
	ctx := context.Background()
	s, ids := dailyLib(t, 1)
	if err := s.ReplaceNote(ctx, ids[0], "", "first"); err != nil {
		t.Fatal(err)
	}
	if err := s.SetNote(ctx, ids[0], "elsewhere"); err != nil {
		t.Fatal(err)
	}
	if err := s.ReplaceNote(ctx, ids[0], "first", "mine"); !errors.Is(err, ErrNoteChanged) {
		t.Errorf("over a changed note: %v", err)
	}
	if n, _ := s.Note(ctx, ids[0]); n != "elsewhere" {
		t.Errorf("note = %q, want the change made elsewhere", n)
	}
	if err := s.ReplaceNote(ctx, ids[0], "elsewhere", "mine"); err != nil {
		t.Errorf("over the note it began from: %v", err)
	}
}

// TestTagAddedAndRemovedInOneChangeLeavesNothingToUndo: +foo -foo on a
// paper without foo changes nothing, so it leaves no undo step, and no
// undo gives the paper a tag it never had.
func TestTagAddedAndRemovedInOneChangeLeavesNothingToUndo(t *testing.T) {
	ctx := context.Background()
	s, ids := dailyLib(t, 2)
	must(t, s.Tag(ctx, ids[1:2], []string{"kept"}, nil))
	must(t, s.Tag(ctx, ids[:1], []string{"foo"}, []string{"foo"}))
	if what, err := s.Undo(ctx); err != nil || what != "tag "+ids[1] { // the first change, the only real one
		t.Fatalf("undo: %q %v", what, err)
	}
	for _, id := range ids {
		if rec, _ := s.Record(ctx, id); len(rec.Tags) != 0 {
			t.Errorf("%s has tags %v after the undo; want none", id, rec.Tags)
		}
	}
	if _, err := s.Undo(ctx); !errors.Is(err, ErrNothingToUndo) {
		t.Errorf("a second undo: %v, want nothing to undo", err)
	}
}

// TestFollowStoredWithAnEscapeStillCounts: a search followed before
// control characters were refused is read without them, so the follows
// list and their counts still work.
func TestFollowStoredWithAnEscapeStillCounts(t *testing.T) {
	ctx := context.Background()
	s, _ := dailyLib(t, 2)
	if err := s.AddFollow(ctx, "good", "paper"); err != nil {
		t.Fatal(err)
	}
	if _, err := s.db.ExecContext(ctx, `INSERT INTO follows(name, query, added_at) VALUES('old', ?, 0)`, "paper\x1b[31m"); err != nil {
		t.Fatal(err)
	}
	follows, err := s.Follows(ctx)
	if err != nil || len(follows) != 2 || follows[1].Query != "paper[31m" {
		t.Fatalf("follows = %+v, %v", follows, err)
	}
	if _, err := s.FollowCounts(ctx, 0); err != nil {
		t.Errorf("FollowCounts with an old follow holding an escape: %v", err)
	}
}

// must fails the test on a setup error.
func must(t testing.TB, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}
