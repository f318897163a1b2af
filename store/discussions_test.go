package store

import (
	"context"
	"slices"
	"testing"
	"time"

	"github.com/papertui/papers/feed"
)

// TestStaleDiscussions: a sync refreshes the discussions of recent papers
// fetched before the cut, newest day first, and no others.
func TestStaleDiscussions(t *testing.T) {
	s := openTemp(t)
	ctx := context.Background()
	for day, id := range map[string]string{"2026-11-20": "2611.00001", "2026-11-28": "2611.00002", "2026-11-29": "2611.00003", "2026-11-30": "2611.00004"} {
		if _, err := s.SaveDay(ctx, day, []feed.Paper{{ID: id, Title: "Paper " + id, Day: day}}); err != nil {
			t.Fatal(err)
		}
	}
	now := time.Date(2026, 11, 30, 12, 0, 0, 0, time.UTC)
	put := func(id string, at time.Time) {
		if err := s.PutDiscussion(ctx, feed.Discussion{ID: id}, at); err != nil {
			t.Fatal(err)
		}
	}
	put("2611.00001", now.Add(-48*time.Hour)) // too old a paper
	put("2611.00002", now.Add(-24*time.Hour))
	put("2611.00003", now.Add(-10*time.Hour))
	put("2611.00004", now.Add(-time.Hour)) // fresh
	got, err := s.StaleDiscussions(ctx, "2026-11-23", now.Add(-6*time.Hour), 10)
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"2611.00003", "2611.00002"}; !slices.Equal(got, want) {
		t.Errorf("stale: %v, want %v", got, want)
	}
	if got, _ := s.StaleDiscussions(ctx, "2026-11-23", now.Add(-6*time.Hour), 1); len(got) != 1 {
		t.Errorf("limit 1 gave %v", got)
	}
}

// TestAnswerWithoutCommentsKeepsTheStoredOnes: an answer with no comments
// field (HF ignoring ?field=comments, an error object served as 200) does
// not wipe the comments stored; an answer with an empty list does.
func TestAnswerWithoutCommentsKeepsTheStoredOnes(t *testing.T) {
	s := openTemp(t)
	ctx := context.Background()
	const id = "2611.00001"
	decode := func(body string) feed.Discussion {
		d, err := feed.DecodeDiscussion(id, []byte(body))
		if err != nil {
			t.Fatal(err)
		}
		return d
	}
	at := time.Date(2026, 11, 30, 12, 0, 0, 0, time.UTC)
	if err := s.PutDiscussion(ctx, decode(`{"id":"`+id+`","comments":[{"id":"c1","author":{"name":"alice"},"data":{"latest":{"raw":"Nice"}}}]}`), at); err != nil {
		t.Fatal(err)
	}
	for _, body := range []string{`{"id":"` + id + `"}`, `{"error":"Invalid"}`, `{}`} {
		if d := decode(body); !d.NoComments {
			t.Errorf("%s: NoComments not set", body)
		}
		if err := s.PutDiscussion(ctx, decode(body), at.Add(time.Hour)); err != nil {
			t.Fatal(err)
		}
		d, fetched, ok, err := s.Discussion(ctx, id)
		if err != nil || !ok || d.Count() != 1 {
			t.Fatalf("after %s: %d comments, %v %v", body, d.Count(), ok, err)
		}
		if !fetched.Equal(at.Add(time.Hour)) {
			t.Errorf("after %s: fetched at %v, want the answer's time (else it is asked for again at once)", body, fetched)
		}
	}
	if err := s.PutDiscussion(ctx, decode(`{"id":"`+id+`","comments":[]}`), at.Add(2*time.Hour)); err != nil {
		t.Fatal(err)
	}
	if d, _, _, _ := s.Discussion(ctx, id); d.Count() != 0 {
		t.Errorf("an empty comments list kept %d", d.Count())
	}
}
