package tui

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"github.com/papertui/papers/feed"
	"github.com/papertui/papers/feed/feedtest"
	"github.com/papertui/papers/store"
)

// TestQueueKeyShowsInTheSameFrame: b on a list row changes the row's mark
// and the queue's count in the frame drawn right after the key, before
// any Cmd (the write) has run.
func TestQueueKeyShowsInTheSameFrame(t *testing.T) {
	lib := newTestLibrary(t)
	for _, w := range []int{80, 200} { // tabs, and three columns
		hs := newHarness(t, lib, w, 40)
		next, cmd := hs.m.Update(keyMsg("b"))
		m := next.(Model)
		screen := ansi.Strip(m.View().Content)
		if !strings.Contains(screen, "●  ▲120") {
			t.Errorf("%d columns: row not marked queued at once:\n%s", w, screen)
		}
		if !strings.Contains(screen, "Queue (1)") || !strings.Contains(screen, "1 queued") {
			t.Errorf("%d columns: queue count not changed at once:\n%s", w, screen)
		}
		hs.m = m
		hs.run(cmd)
		assertQueue(t, lib, "2510.00001")
		hs.keys("b") // and back, for the next width
		assertQueue(t, lib)
	}
}

// failingWrites is the real library whose queue writes fail, as a full
// disk would make them.
type failingWrites struct {
	*store.Store
}

var errDiskFull = errors.New("disk full")

func (failingWrites) Enqueue(context.Context, ...string) error { return errDiskFull }

// TestFailedWriteIsUndone: a write that fails takes back what the screen
// showed, the changes asked after it included, and says so.
func TestFailedWriteIsUndone(t *testing.T) {
	lib := failingWrites{newTestLibrary(t)}
	hs := newHarness(t, lib, 200, 40)
	next, cmd := hs.m.Update(keyMsg("b"))
	hs.m = next.(Model)
	hs.requireScreen("Queue (1)")
	hs.send(keyMsg("m")) // asked while the write is on its way
	if r, _ := hs.m.list.selected(); !r.Read {
		t.Fatal("m did not show at once")
	}
	hs.run(cmd)
	hs.requireScreen("Queue (0)", "0 queued", "2510.00001 queued failed: disk full")
	if r, _ := hs.m.list.selected(); r.Queued || r.Read {
		t.Errorf("row after the failed write: queued %v read %v, want neither", r.Queued, r.Read)
	}
	if len(hs.m.writes) != 0 {
		t.Errorf("%d writes left after a failure", len(hs.m.writes))
	}
}

// TestStaleResultsAreDropped: a result whose request a newer one of the
// same topic replaced changes nothing, for every topic.
func TestStaleResultsAreDropped(t *testing.T) {
	lib := newTestLibrary(t)
	hs := newHarness(t, lib, 200, 40)
	m := hs.m
	old := m.requests.running(topicView).tok
	m.requests.begin(topicView)
	next, _ := m.Update(pageLoaded{tok: old, page: 0, rows: nil})
	if got := next.(Model); len(got.list.pages[0]) == 0 {
		t.Error("a stale page replaced the rows")
	}
	next, _ = m.Update(countLoaded{tok: old, total: 1})
	if got := next.(Model); got.list.total == 1 {
		t.Error("a stale count was taken")
	}

	shown := m.detail.shown
	stale := m.requests.begin(topicDetail).tok
	m.requests.begin(topicDetail)
	next, _ = m.Update(detailRendered{tok: stale, key: renderKey{id: "2509.00006", width: shown.width}, content: "STALE"})
	if got := next.(Model); got.detail.shown != shown || strings.Contains(ansi.Strip(got.View().Content), "STALE") {
		t.Error("a stale detail was shown")
	}

	q := m.requests.begin(topicQueue).tok
	m.requests.begin(topicQueue)
	next, _ = m.Update(queueLoaded{tok: q, records: []store.Record{{}}})
	if got := next.(Model); len(got.queue.records) != 0 {
		t.Error("a stale queue was taken")
	}
}

// TestRefusedQueueFetchesNoText: b on a paper the library refuses to
// queue (a read-only folder, a full disk) fetches no text for it, and
// the refusal stays said (a text fetch's error replaced it).
func TestRefusedQueueFetchesNoText(t *testing.T) {
	srv := feedtest.New(t)
	srv.SetText("2510.00001", feedtest.PaperText("2510.00001", 3))
	client := feed.NewClient(srv.URL)
	client.Pace = nil
	hs := &harness{t: t, m: testModel(Options{Library: failingWrites{newTestLibrary(t)}, Style: "dark", Texts: client})}
	hs.run(hs.m.Init())
	hs.send(sizeMsg(200, 40))
	hs.keys("b")
	if client.Requests() != 0 {
		t.Errorf("%d requests for the text of a paper not queued", client.Requests())
	}
	hs.requireScreen("2510.00001 queued failed: disk full")
}
