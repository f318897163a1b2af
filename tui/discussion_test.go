package tui

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/papertui/papers/feed"
	"github.com/papertui/papers/feed/feedtest"
)

// TestOpeningFetchesTheDiscussion: opening a paper online fetches its
// discussion into the library and the detail shows it; offline the
// paper opens as before.
func TestOpeningFetchesTheDiscussion(t *testing.T) {
	srv := feedtest.New(t)
	const id = "2510.00001"
	srv.SetPaper(id, []byte(`{"id":"`+id+`","comments":[{"id":"c1","createdAt":"2026-01-01T00:00:00Z","author":{"name":"alice"},"data":{"latest":{"raw":"A careful ablation, thanks"}}}],"linkedModels":[{"id":"org/tiny-model","downloads":5}],"numTotalModels":1}`))
	client := feed.NewClient(srv.URL)
	client.Pace = nil
	lib := newTestLibrary(t)
	hs := &harness{t: t, m: testModel(Options{Library: lib, Style: "dark", Texts: client})}
	hs.run(hs.m.Init())
	hs.send(sizeMsg(160, 48))
	hs.keys("enter")
	if _, _, ok, err := lib.Discussion(context.Background(), id); err != nil || !ok {
		t.Fatalf("opening %s stored no discussion: %v", id, err)
	}
	hs.requireScreen("A careful ablation", "tiny-model")
	asked := len(srv.Requests())
	hs.keys("esc", "enter") // again: the stored one is fresh
	if len(srv.Requests()) != asked {
		t.Errorf("a fresh discussion was asked again: %v", srv.Requests()[asked:])
	}
	srv.SetText(id, feedtest.PaperText(id, 3))
	hs.keys("R") // the text is fetched; the fresh discussion is not asked again with it
	for _, r := range srv.Requests()[asked:] {
		if strings.Contains(r, "field=comments") {
			t.Errorf("R asked for the fresh discussion again: %v", srv.Requests()[asked:])
		}
	}
	hs.keys("esc")
	srv.Close()
	hs.keys("esc", "j", "enter") // offline: opens, says nothing of it
	if hs.m.errMsg != "" {
		t.Errorf("offline open says %q", hs.m.errMsg)
	}
}

// TestSyncRefreshesRecentDiscussions: after a sync, a recent paper's
// stored discussion older than discussionFresh is fetched again.
func TestSyncRefreshesRecentDiscussions(t *testing.T) {
	srv := feedtest.New(t)
	client := feed.NewClient(srv.URL)
	client.Pace = nil
	lib := newTestLibrary(t)
	ctx := context.Background()
	today := time.Now().UTC().Format(time.DateOnly)
	const id = "2611.09999"
	if _, err := lib.SaveDay(ctx, today, []feed.Paper{{ID: id, Title: "Talked About", Day: today}}); err != nil {
		t.Fatal(err)
	}
	must(t, lib.PutDiscussion(ctx, feed.Discussion{ID: id}, time.Now().Add(-2*discussionFresh)))
	srv.SetPaper(id, []byte(`{"id":"`+id+`","comments":[{"id":"c1","createdAt":"2026-01-01T00:00:00Z","author":{"name":"bob"},"data":{"latest":{"raw":"New remark"}}}]}`))
	hs := &harness{t: t, m: testModel(Options{Library: lib, Style: "dark", Texts: client, Fetcher: client})}
	hs.run(hs.m.Init())
	hs.send(sizeMsg(160, 48))
	hs.keys("r")
	d, at, ok, err := lib.Discussion(ctx, id)
	if err != nil || !ok || d.Count() != 1 || time.Since(at) > time.Minute {
		t.Errorf("after a sync the discussion is %+v fetched %v (%v, %v)", d, at, ok, err)
	}
}
