package store

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/papertui/papers/feed"
)

func openTemp(t *testing.T) *Store {
	t.Helper()
	s, err := Open(filepath.Join(t.TempDir(), "lib", "papers.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func paper(id, title string, upvotes int, day string) feed.Paper {
	return feed.Paper{
		ID: id, Title: title, Abstract: "We study " + strings.ToLower(title) + ".",
		Authors: []feed.Author{{Name: "Ada Lovelace"}, {Name: "Hidden Person", Hidden: true}, {Name: "Alan Turing"}},
		Day:     day, Upvotes: upvotes, Published: time.Date(2025, 3, 12, 0, 0, 0, 0, time.UTC),
		AIKeywords: []string{"diffusion", "agents"}, Organization: "Example Lab",
		Raw: []byte(`{"paper":{"id":"` + id + `"}}`),
	}
}

func TestOpenMigratesAndReopens(t *testing.T) {
	path := filepath.Join(t.TempDir(), "papers.db")
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	s, err = Open(path)
	if err != nil {
		t.Fatalf("reopen: %v", err)
	}
	defer s.Close()
	var v int
	if err := s.db.QueryRow("PRAGMA user_version").Scan(&v); err != nil || v != len(migrations()) {
		t.Fatalf("user_version = %d, %v; want %d", v, err, len(migrations()))
	}
}

// TestNewLibraryHas16KiBPages: the page size is set before the journal
// mode (the driver runs its _pragma list sorted by name, so a page_size
// pragma after journal_mode came too late and every library got 4 KiB
// pages); a library made with 4 KiB pages keeps them and still opens.
func TestNewLibraryHas16KiBPages(t *testing.T) {
	s := openTemp(t)
	ctx := context.Background()
	conns := make([]*sql.Conn, 3) // every connection of the pool, not just the first
	for i := range conns {
		c, err := s.db.Conn(ctx)
		if err != nil {
			t.Fatal(err)
		}
		defer c.Close()
		conns[i] = c
	}
	for i, c := range conns {
		var size, sync int
		var mode string
		if err := c.QueryRowContext(ctx, "PRAGMA page_size").Scan(&size); err != nil {
			t.Fatal(err)
		}
		if err := c.QueryRowContext(ctx, "PRAGMA journal_mode").Scan(&mode); err != nil {
			t.Fatal(err)
		}
		if err := c.QueryRowContext(ctx, "PRAGMA synchronous").Scan(&sync); err != nil {
			t.Fatal(err)
		}
		if size != 16384 || mode != "wal" || sync != 1 {
			t.Errorf("connection %d: page_size %d, journal_mode %s, synchronous %d; want 16384, wal, 1 (NORMAL)", i, size, mode, sync)
		}
	}

	path := filepath.Join(t.TempDir(), "old.db")
	old, err := sql.Open("sqlite", "file:"+path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := old.Exec("PRAGMA page_size = 4096; PRAGMA journal_mode = WAL; PRAGMA user_version = 0"); err != nil {
		t.Fatal(err)
	}
	old.Close()
	lib, err := Open(path)
	if err != nil {
		t.Fatalf("open a library of 4 KiB pages: %v", err)
	}
	defer lib.Close()
	if _, err := lib.SaveDay(ctx, "2025-03-12", []feed.Paper{paper("2503.00001", "Old pages", 3, "2025-03-12")}); err != nil {
		t.Fatal(err)
	}
	var size int
	if err := lib.db.QueryRow("PRAGMA page_size").Scan(&size); err != nil || size != 4096 {
		t.Errorf("page_size of the old library = %d, %v; want 4096 kept", size, err)
	}
}

func TestOpenRefusesNewerLibraryUntouched(t *testing.T) {
	path := filepath.Join(t.TempDir(), "papers.db")
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.db.Exec("PRAGMA user_version = 99"); err != nil {
		t.Fatal(err)
	}
	s.db.Exec("PRAGMA wal_checkpoint(TRUNCATE)")
	s.Close()
	before, _ := os.ReadFile(path)
	_, err = Open(path)
	if !errors.Is(err, ErrNewerLibrary) || !strings.Contains(err.Error(), path) {
		t.Fatalf("err = %v, want ErrNewerLibrary naming %s", err, path)
	}
	after, _ := os.ReadFile(path)
	if !bytes.Equal(before, after) {
		t.Fatal("a newer library was modified")
	}
}

func TestOpenRefusesNonLibraryUntouched(t *testing.T) {
	for name, content := range map[string]string{
		"text":      "hello, this is not a database\n",
		"json":      `[{"paper":{"id":"2410.17243"}}]`,
		"truncated": "SQLite format 3\x00\x10\x00",
	} {
		t.Run(name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "papers.db")
			os.WriteFile(path, []byte(content), 0o644)
			_, err := Open(path)
			if err == nil || !strings.Contains(err.Error(), path) {
				t.Fatalf("err = %v, want an error naming %s", err, path)
			}
			got, _ := os.ReadFile(path)
			if string(got) != content {
				t.Fatal("file was modified")
			}
		})
	}
}

func TestSaveDayUpsertsAndKeepsIndexInStep(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	saved, err := s.SaveDay(ctx, "2025-03-13", []feed.Paper{
		paper("2503.00001", "Sparse Diffusion Transformers", 10, "2025-03-13"),
		paper("2503.00002", "Agents That Plan", 3, "2025-03-13"),
	})
	if err != nil || saved.New != 2 || saved.Updated != 0 {
		t.Fatalf("first save = %+v, %v", saved, err)
	}
	changed := paper("2503.00001", "Dense Mixture Routers", 42, "2025-03-13")
	saved, err = s.SaveDay(ctx, "2025-03-13", []feed.Paper{changed})
	if err != nil || saved.New != 0 || saved.Updated != 1 {
		t.Fatalf("second save = %+v, %v", saved, err)
	}
	if n := countMatch(t, s, `"sparse"`); n != 0 {
		t.Errorf("old title still indexed: %d hits", n)
	}
	if n := countMatch(t, s, `"routers"`); n != 1 {
		t.Errorf("new title indexed %d times, want 1", n)
	}
	if n := countMatch(t, s, `authors : "alan turing"`); n != 2 {
		t.Errorf("author phrase hits = %d, want 2", n)
	}
	rec, err := s.Record(ctx, "2503.00001")
	if err != nil || rec.Upvotes != 42 || rec.Title != "Dense Mixture Routers" {
		t.Fatalf("record = %+v, %v", rec, err)
	}
	if !rec.Authors[1].Hidden || rec.Authors[0].Hidden || len(rec.Authors) != 3 {
		t.Errorf("authors = %+v", rec.Authors)
	}
	raw, err := s.Raw(ctx, "2503.00001")
	if err != nil || string(raw) != string(changed.Raw) {
		t.Errorf("raw = %q, %v", raw, err)
	}
	checkIntegrity(t, s)
}

func countMatch(t *testing.T, s *Store, match string) int {
	t.Helper()
	var n int
	if err := s.db.QueryRow(`SELECT count(*) FROM papers_fts WHERE papers_fts MATCH ?`, match).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

func checkIntegrity(t *testing.T, s *Store) {
	t.Helper()
	var res string
	if err := s.db.QueryRow(`PRAGMA integrity_check`).Scan(&res); err != nil || res != "ok" {
		t.Fatalf("integrity_check = %q, %v", res, err)
	}
	if _, err := s.db.Exec(`INSERT INTO papers_fts(papers_fts, rank) VALUES('integrity-check', 1)`); err != nil {
		t.Fatalf("fts integrity-check: %v", err)
	}
}

func TestFirstFeedDayIsKept(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	p := paper("2503.00001", "Twice Featured", 1, "2025-03-14")
	mustSave(t, s, "2025-03-14", p)
	p.Day = "2025-03-13"
	mustSave(t, s, "2025-03-13", p)
	p.Day = "2025-03-20"
	mustSave(t, s, "2025-03-20", p)
	p.Day = ""
	if _, err := s.SavePapers(ctx, []feed.Paper{p}); err != nil {
		t.Fatal(err)
	}
	rec, _ := s.Record(ctx, p.ID)
	if rec.Day != "2025-03-13" {
		t.Fatalf("day = %q, want the first feed day 2025-03-13", rec.Day)
	}
}

func mustSave(t *testing.T, s *Store, day string, ps ...feed.Paper) {
	t.Helper()
	if _, err := s.SaveDay(context.Background(), day, ps); err != nil {
		t.Fatal(err)
	}
}

func TestQueueAndReadState(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	mustSave(t, s, "2025-03-13",
		paper("2503.00001", "One", 1, "2025-03-13"),
		paper("2503.00002", "Two", 2, "2025-03-13"),
		paper("2503.00003", "Three", 3, "2025-03-13"))
	if err := s.Enqueue(ctx, "2503.00003", "2503.00001", "2503.00002", "2503.00001"); err != nil {
		t.Fatal(err)
	}
	assertQueue(t, s, "2503.00003", "2503.00001", "2503.00002")
	if err := s.Move(ctx, "2503.00002", 1); err != nil {
		t.Fatal(err)
	}
	assertQueue(t, s, "2503.00002", "2503.00003", "2503.00001")
	if err := s.Move(ctx, "2503.00002", 99); err != nil {
		t.Fatal(err)
	}
	assertQueue(t, s, "2503.00003", "2503.00001", "2503.00002")
	if err := s.Done(ctx, "2503.00001"); err != nil {
		t.Fatal(err)
	}
	assertQueue(t, s, "2503.00003", "2503.00002")
	rec, _ := s.Record(ctx, "2503.00001")
	if !rec.Read || rec.Queued {
		t.Errorf("done paper: read=%v queued=%v", rec.Read, rec.Queued)
	}
	if err := s.Dequeue(ctx, "2503.00003"); err != nil {
		t.Fatal(err)
	}
	assertQueue(t, s, "2503.00002")
	if err := s.Enqueue(ctx, "9999.99999"); !errors.Is(err, ErrUnknownPaper) || !strings.Contains(err.Error(), "9999.99999") {
		t.Errorf("unknown id: %v", err)
	}
	if err := s.Move(ctx, "2503.00001", 1); err == nil || !strings.Contains(err.Error(), "not in the queue") {
		t.Errorf("move unqueued: %v", err)
	}
	if err := s.SetRead(ctx, false, "2503.00001"); err != nil {
		t.Fatal(err)
	}
	if rec, _ := s.Record(ctx, "2503.00001"); rec.Read {
		t.Error("still read after SetRead(false)")
	}
}

func assertQueue(t *testing.T, s *Store, want ...string) {
	t.Helper()
	q, err := s.Queue(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for i, r := range q {
		got = append(got, r.ID)
		if r.QueuePos != i+1 {
			t.Errorf("%s at position %d, want %d", r.ID, r.QueuePos, i+1)
		}
	}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Fatalf("queue = %v, want %v", got, want)
	}
}

func TestResyncLeavesReaderStateAlone(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	mustSave(t, s, "2025-03-13", paper("2503.00001", "One", 1, "2025-03-13"), paper("2503.00002", "Two", 2, "2025-03-13"))
	s.Enqueue(ctx, "2503.00002", "2503.00001")
	s.SetRead(ctx, true, "2503.00001")
	mustSave(t, s, "2025-03-13", paper("2503.00001", "One", 50, "2025-03-13"), paper("2503.00002", "Two", 60, "2025-03-13"))
	assertQueue(t, s, "2503.00002", "2503.00001")
	if rec, _ := s.Record(ctx, "2503.00001"); !rec.Read || rec.Upvotes != 50 {
		t.Errorf("after resync: %+v", rec)
	}
}

func TestEntriesViewsAndCounts(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	mustSave(t, s, "2025-03-13", paper("2503.00001", "Old Low", 1, "2025-03-13"), paper("2503.00002", "Old High", 90, "2025-03-13"))
	mustSave(t, s, "2025-03-14", paper("2503.00003", "New", 5, "2025-03-14"))
	s.SavePapers(ctx, []feed.Paper{paper("2501.00009", "No Day", 500, "")})
	ids := func(f Filter) string {
		es, err := s.Entries(ctx, f, 0, 0)
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, e := range es {
			out = append(out, e.ID)
		}
		return strings.Join(out, " ")
	}
	if got := ids(Filter{}); got != "2503.00003 2503.00002 2503.00001 2501.00009" {
		t.Errorf("newest = %s", got)
	}
	if got := ids(Filter{Sort: SortUpvotes}); got != "2501.00009 2503.00002 2503.00003 2503.00001" {
		t.Errorf("upvotes = %s", got)
	}
	if got := ids(Filter{Day: "2025-03-13"}); got != "2503.00002 2503.00001" {
		t.Errorf("day = %s", got)
	}
	s.SetRead(ctx, true, "2503.00002")
	if got := ids(Filter{Unread: true, Since: "2025-03-13"}); got != "2503.00003 2503.00001" {
		t.Errorf("unread since = %s", got)
	}
	if n, err := s.Count(ctx, Filter{Match: `"old"`}); err != nil || n != 2 {
		t.Errorf("count match = %d, %v", n, err)
	}
	es, _ := s.Entries(ctx, Filter{Day: "2025-03-14"}, 0, 1)
	if len(es) != 1 || es[0].FirstAuthor != "Ada Lovelace" || es[0].Organization != "Example Lab" {
		t.Errorf("entry = %+v", es)
	}
}

// TestOpenSaysALibraryIsCutShort: a library whose file ends before its
// header says (a copy that stopped) is refused with that said, not as
// "damaged, run doctor", and left as it is; with a log beside it, a
// checkpoint may still complete it, and it opens as before.
func TestOpenSaysALibraryIsCutShort(t *testing.T) {
	dir := t.TempDir()
	whole := filepath.Join(dir, "whole.db")
	s, err := Open(whole)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.SaveDay(context.Background(), "2025-03-13", []feed.Paper{paper("2503.00001", "Sparse", 1, "2025-03-13")}); err != nil {
		t.Fatal(err)
	}
	s.Close()
	body, err := os.ReadFile(whole)
	if err != nil {
		t.Fatal(err)
	}
	cut := filepath.Join(dir, "cut.db")
	os.WriteFile(cut, body[:len(body)/2], 0o644)
	_, err = Open(cut)
	if err == nil || !strings.Contains(err.Error(), "cut short") || strings.Contains(err.Error(), "doctor") {
		t.Fatalf("err = %v, want it said the file is cut short", err)
	}
	if got, _ := os.ReadFile(cut); len(got) != len(body)/2 {
		t.Fatal("the file was modified")
	}
	if !checkHeaderCutShort(t, cut+"x", body) {
		t.Error("a cut file with a log beside it was refused as cut short")
	}
}

// checkHeaderCutShort writes a cut copy of body with a log beside it and
// says whether checkHeader lets it through.
func checkHeaderCutShort(t *testing.T, path string, body []byte) bool {
	t.Helper()
	os.WriteFile(path, body[:len(body)/2], 0o644)
	os.WriteFile(path+"-wal", []byte("log"), 0o644)
	return checkHeader(path) == nil
}
