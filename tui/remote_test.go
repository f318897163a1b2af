package tui

import (
	"context"
	"github.com/dustin/go-humanize"
	"github.com/papertui/papers/store"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/papertui/papers/feed"
	"github.com/papertui/papers/feed/feedtest"
	"github.com/papertui/papers/feed/synth"
)

// remoteHarness is a reader at 160×48 with client for Hugging Face's
// search, its search running at each letter.
func remoteHarness(t *testing.T, lib Library, client *feed.Client) *harness {
	t.Helper()
	hs := &harness{t: t, m: testModel(Options{Library: lib, Remote: client, Style: "dark"})}
	hs.m.search.debounce = 0
	hs.run(hs.m.Init())
	hs.send(tea.WindowSizeMsg{Width: 160, Height: 48})
	return hs
}

// synthFeed is a stand-in feed serving 40 synthetic days.
func synthFeed(t *testing.T) *feedtest.Server {
	srv := feedtest.New(t)
	for _, d := range synth.Days(40, 12, time.Date(2025, 11, 3, 0, 0, 0, 0, time.UTC)) {
		srv.SetDay(d.Date, d.Body)
	}
	return srv
}

func TestRemoteSearchThenQueueARemoteResult(t *testing.T) {
	lib := newTestLibrary(t)
	srv := synthFeed(t)
	client := feed.NewClient(srv.URL)
	hs := remoteHarness(t, lib, client)
	hs.m.opts.Texts = client
	hs.keys("/")
	hs.typeText("model ")
	local := hs.m.list.total
	hs.send(tea.KeyPressMsg{Code: 'r', Mod: tea.ModCtrl})
	if len(hs.m.list.remote) == 0 {
		t.Fatalf("no remote results; error %q notice %q", hs.m.errMsg, hs.m.notice)
	}
	hs.requireScreen("from Hugging Face")
	hs.keys("enter")
	hs.m.list.moveTo(local, hs.m.listHeight()) // the first remote result
	r, _ := hs.m.list.selected()
	if !r.remote || r.inLibrary {
		t.Fatalf("selected %+v", r)
	}
	hs.run(hs.m.wantDetail())
	hs.requireScreen(r.title[:20])
	srv.SetText(r.ID, feedtest.PaperText(r.ID, 3))
	hs.keys("b")
	if _, err := lib.Text(context.Background(), r.ID); err != nil {
		t.Errorf("b on a remote result did not fetch its text, as b on a paper does: %v", err)
	}
	q, err := lib.Queue(context.Background())
	must(t, err)
	if len(q) != 1 || q[0].ID != r.ID {
		t.Fatalf("queue after b on a remote result: %+v", q)
	}
	if rec, err := lib.Record(context.Background(), r.ID); err != nil || rec.Day == "" {
		t.Errorf("stored remote paper: %+v %v", rec, err)
	}
	// The status bar counts the paper added.
	total, err := lib.Count(context.Background(), store.Filter{})
	must(t, err)
	hs.requireScreen(humanize.Comma(int64(total)) + " papers")
}

func TestRemoteSearchOffline(t *testing.T) {
	srv := feedtest.New(t)
	url := srv.URL
	srv.Close()
	client := feed.NewClient(url)
	client.Wait = func(ctx context.Context, d time.Duration) error { return nil }
	hs := remoteHarness(t, newTestLibrary(t), client)
	hs.keys("/")
	hs.typeText("attention")
	hs.send(tea.KeyPressMsg{Code: 'r', Mod: tea.ModCtrl})
	hs.requireScreen("remote search unavailable (offline)")
	if hs.m.list.total != 5 || len(hs.m.list.remote) != 0 {
		t.Errorf("local results lost: %d, remote %d", hs.m.list.total, len(hs.m.list.remote))
	}
}

// TestRemoteResultsAloneShowTheirDetail: when the local search found
// nothing, the first Hugging Face result is the selection, and its detail
// shows without a key (it stayed at "loading…").
func TestRemoteResultsAloneShowTheirDetail(t *testing.T) {
	hs := remoteHarness(t, newTestLibrary(t), feed.NewClient(synthFeed(t).URL))
	hs.keys("/")
	hs.typeText("model ")
	if hs.m.list.total != 0 {
		t.Fatalf("the local search found %d papers; want none", hs.m.list.total)
	}
	hs.send(tea.KeyPressMsg{Code: 'r', Mod: tea.ModCtrl})
	r, ok := hs.m.list.selected()
	if !ok || !r.remote {
		t.Fatalf("selected %+v %v", r, ok)
	}
	if hs.m.detail.shown.id != r.ID || strings.Contains(hs.screen(), "loading…") {
		t.Errorf("the first remote result's detail is not shown:\n%s", hs.screen())
	}
}
