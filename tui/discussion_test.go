package tui

import (
	"context"
	"testing"

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
	srv.Close()
	hs.keys("esc", "j", "enter") // offline: opens, says nothing of it
	if hs.m.errMsg != "" {
		t.Errorf("offline open says %q", hs.m.errMsg)
	}
}
