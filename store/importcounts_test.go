package store

import (
	"context"
	"fmt"
	"testing"

	"github.com/papertui/papers/feed"
)

// dayFile is a saved daily_papers response of one paper with these counts.
func dayFile(name, id string, upvotes, comments, stars int) ImportFile {
	body := fmt.Sprintf(`[{"paper":{"id":%q,"title":"Sparse Diffusion Transformers","summary":"We study sparse diffusion.",
		"authors":[{"name":"Ada Lovelace"}],"upvotes":%d,"githubRepo":"https://github.com/x/y","githubStars":%d},
		"title":"Sparse Diffusion Transformers","numComments":%d}]`, id, upvotes, stars, comments)
	return ImportFile{Name: name, Day: "2025-03-13", Read: func() ([]byte, error) { return []byte(body), nil }}
}

func importOne(t *testing.T, s *Store, f ImportFile) FileResult {
	t.Helper()
	var got FileResult
	if err := s.Import(context.Background(), []ImportFile{f}, func(r FileResult) { got = r }); err != nil {
		t.Fatal(err)
	}
	if got.Err != nil || len(got.Rejected) > 0 {
		t.Fatalf("import %s: %v %v", f.Name, got.Err, got.Rejected)
	}
	return got
}

func storedCounts(t *testing.T, s *Store, id string) [3]int {
	t.Helper()
	r, err := s.Record(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	return [3]int{r.Paper.Upvotes, r.Paper.Comments, r.Paper.GitHubStars}
}

// A saved file may be older than what the library holds: importing it
// never lowers a paper's counts, leaves the reader's own state alone and
// reports the paper neither new nor updated: nothing of it changed, and
// importing it again and again does not say otherwise. A sync from the live feed still
// sets the counts as the feed says.
func TestImportNeverLowersCounts(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	const id = "2503.00001"
	importOne(t, s, dayFile("newer.json", id, 50, 9, 120))
	if err := s.Enqueue(ctx, id); err != nil {
		t.Fatal(err)
	}
	if err := s.SetRead(ctx, true, id); err != nil {
		t.Fatal(err)
	}
	if err := s.Tag(ctx, []string{id}, []string{"later"}, nil); err != nil {
		t.Fatal(err)
	}
	if err := s.SetNote(ctx, id, "a note"); err != nil {
		t.Fatal(err)
	}

	for range 2 {
		r := importOne(t, s, dayFile("older.json", id, 3, 1, 10))
		if r.New != 0 || r.Updated != 0 || r.Imported != 1 {
			t.Errorf("older import reported %+v, want 1 imported, 0 new, 0 updated", r)
		}
		if r := importOne(t, s, dayFile("newer.json", id, 50, 9, 120)); r.Updated != 0 {
			t.Errorf("newer file imported again reported %+v, want 0 updated", r)
		}
	}
	if got, want := storedCounts(t, s, id), [3]int{50, 9, 120}; got != want {
		t.Errorf("after importing an older file: upvotes, comments, stars = %v, want %v", got, want)
	}
	rec, err := s.Record(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	if !rec.Queued || !rec.Read || len(rec.Tags) != 1 || rec.Tags[0] != "later" || rec.Note != "a note" {
		t.Errorf("the import touched the reader's state: queued %v read %v tags %v note %q", rec.Queued, rec.Read, rec.Tags, rec.Note)
	}

	// Mixed: each count keeps its larger value.
	if r := importOne(t, s, dayFile("mixed.json", id, 60, 2, 200)); r.Updated != 1 {
		t.Errorf("mixed import reported %+v, want 1 updated", r)
	}
	if got, want := storedCounts(t, s, id), [3]int{60, 9, 200}; got != want {
		t.Errorf("after a mixed import: %v, want %v", got, want)
	}

	// The live feed is the truth: a sync sets the counts it gives.
	p := paper(id, "Sparse Diffusion Transformers", 4, "2025-03-13")
	p.Comments, p.GitHubStars = 1, 5
	if _, err := s.SaveDay(ctx, "2025-03-13", []feed.Paper{p}); err != nil {
		t.Fatal(err)
	}
	if got, want := storedCounts(t, s, id), [3]int{4, 1, 5}; got != want {
		t.Errorf("after a sync: %v, want %v", got, want)
	}
	checkIntegrity(t, s)
}
