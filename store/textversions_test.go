package store

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"
)

func TestTextVersionChecks(t *testing.T) {
	s := openTemp(t)
	ctx := context.Background()
	ids := []string{"2503.10291", "2503.10292", "2503.10293", "2503.10294"}
	for i, id := range ids {
		mustSave(t, s, "2025-03-14", paper(id, fmt.Sprint("Paper ", i), 1, "2025-03-14"))
	}
	if err := s.Enqueue(ctx, ids[0], ids[1], ids[2]); err != nil {
		t.Fatal(err)
	}
	for _, id := range ids[:2] {
		if err := s.PutText(ctx, fullText(t, id, 4), fetchedAt); err != nil {
			t.Fatal(err)
		}
	}
	// ids[3]'s text is of unknown version: nothing to ask arXiv.
	unknown := fullText(t, ids[3], 4)
	unknown.Version = 0
	if err := s.PutText(ctx, unknown, fetchedAt); err != nil {
		t.Fatal(err)
	}
	got, err := s.TextVersions(ctx, ids)
	if err != nil || fmt.Sprint(got) != "map[2503.10291:2 2503.10292:2]" {
		t.Errorf("TextVersions = %v, %v", got, err)
	}

	now := fetchedAt.Add(48 * time.Hour)
	check, err := s.QueuedTextsToCheck(ctx, now.Add(-24*time.Hour))
	if err != nil || !slices.Equal(check, ids[:2]) {
		t.Fatalf("to check = %v, %v", check, err)
	}
	if err := s.MarkVersionsChecked(ctx, ids[:1], now); err != nil {
		t.Fatal(err)
	}
	if check, _ := s.QueuedTextsToCheck(ctx, now.Add(-24*time.Hour)); !slices.Equal(check, ids[1:2]) {
		t.Errorf("after a check: %v", check)
	}
	// A text fetched (again) is as current as a check would find it: a
	// paper HF has not converted anew is not asked about at every sync.
	ft := fullText(t, ids[0], 4)
	ft.Markdown = strings.ReplaceAll(ft.Markdown, ids[0]+"v2", ids[0]+"v3")
	ft.Version = 3
	if err := s.PutText(ctx, ft, now); err != nil {
		t.Fatal(err)
	}
	if check, _ := s.QueuedTextsToCheck(ctx, now.Add(-24*time.Hour)); !slices.Equal(check, ids[1:2]) {
		t.Errorf("after a fetch again: %v", check)
	}
	if check, _ := s.QueuedTextsToCheck(ctx, now.Add(time.Second)); !slices.Equal(check, ids[:2]) {
		t.Errorf("a day on: %v", check)
	}
	checkIntegrity(t, s)
}

// A stale text HF was asked for lately, when arXiv listed the same
// version, is not needed again until arXiv lists a later one or a day
// has passed.
func TestNeedsTextAfterVersionAsked(t *testing.T) {
	s := openTemp(t)
	ctx := context.Background()
	ft := fullText(t, "2503.10291", 4)
	ft.Version = 2
	if err := s.PutText(ctx, ft, fetchedAt); err != nil {
		t.Fatal(err)
	}
	need := func(latest int) bool {
		t.Helper()
		n, err := s.NeedsText(ctx, ft.ID, latest)
		if err != nil {
			t.Fatal(err)
		}
		return n
	}
	if !need(3) {
		t.Fatal("v2 stored, v3 on arXiv: not needed")
	}
	if err := s.MarkVersionAsked(ctx, ft.ID, 3, time.Now()); err != nil {
		t.Fatal(err)
	}
	if need(3) {
		t.Error("asked HF for v3 just now: needed again")
	}
	if !need(4) {
		t.Error("arXiv lists v4: not needed")
	}
	if err := s.MarkVersionAsked(ctx, ft.ID, 3, time.Now().Add(-25*time.Hour)); err != nil {
		t.Fatal(err)
	}
	if !need(3) {
		t.Error("asked a day ago: not needed")
	}
	// Finding it stale again (arXiv still at v3) is no new ask of HF.
	if err := s.MarkVersionsChecked(ctx, []string{ft.ID}, time.Now()); err != nil {
		t.Fatal(err)
	}
	if !need(3) {
		t.Error("a version check put off asking HF again")
	}
}
