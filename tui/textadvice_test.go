package tui

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"

	"github.com/papertui/papers/feed"
	"github.com/papertui/papers/feed/feedtest"
)

// flat is the words of the detail, as one line: wrapping aside.
func (hs *harness) flatDetail() string {
	return strings.Join(strings.Fields(ansi.Strip(strings.Join(hs.m.detail.vp.lines, " "))), " ")
}

func flatWords(s string) string { return strings.Join(strings.Fields(s), " ") }

// TestQueuedPaperWithoutTextSaysWhy: b on a paper Hugging Face has no
// text for (404) queues it; its detail and the reading pane then say it
// is queued, why the fetch failed and that each sync asks again, never
// that b would queue it.
func TestQueuedPaperWithoutTextSaysWhy(t *testing.T) {
	srv := feedtest.New(t)
	client := feed.NewClient(srv.URL)
	client.Pace = nil
	hs := &harness{t: t, m: testModel(Options{Library: newTestLibrary(t), Style: "dark", Texts: client})}
	hs.run(hs.m.Init())
	hs.send(sizeMsg(160, 48))
	hs.keys("j")
	if d := hs.flatDetail(); !strings.Contains(d, "b queues it and fetches") {
		t.Errorf("unqueued, online, the detail says: %s", d)
	}
	hs.keys("b")
	id := hs.selectedID()
	for where, said := range map[string]string{"detail": hs.flatDetail(), "": ""} {
		if where == "" {
			hs.keys("R")
			where, said = "reading pane", flatWords(hs.m.readerMissing())
			hs.requireScreen("Hugging Face has no text")
		}
		for _, want := range []string{"No full text stored for " + id, "Hugging Face has no text for it (404)", "It is queued", "each sync asks again"} {
			if !strings.Contains(said, want) {
				t.Errorf("the %s does not say %q: %s", where, want, said)
			}
		}
		if strings.Contains(said, "b queues") || strings.Contains(said, "queue it with b") {
			t.Errorf("the %s tells to queue a queued paper: %s", where, said)
		}
	}

	srv.Close() // offline now: a network failure comes with the next sync
	hs.keys("esc", "j", "b")
	if d := hs.flatDetail(); !strings.Contains(d, "no network") || !strings.Contains(d, "comes with the next sync") {
		t.Errorf("queued offline, the detail says: %s", d)
	}
	hs.keys("k") // offline, the paper HF has no text for does not wait for the next sync
	if d := hs.flatDetail(); !strings.Contains(d, "(404)") || strings.Contains(d, "next sync") {
		t.Errorf("offline, the 404 paper's detail says: %s", d)
	}
}

// TestDetailSaysTheTextComesWithTheNextSync: offline, the detail of a
// paper without its text says what the reading pane says.
func TestDetailSaysTheTextComesWithTheNextSync(t *testing.T) {
	hs := newHarness(t, newTestLibrary(t), 160, 48)
	hs.keys("j")
	d := hs.flatDetail()
	if !strings.Contains(d, "comes with the next sync") {
		t.Errorf("offline, the detail says: %s", d)
	}
	hs.keys("R")
	if pane := flatWords(hs.m.readerMissing()); !strings.Contains(d, pane) {
		t.Errorf("the detail and the reading pane disagree:\ndetail: %s\npane:   %s", d, pane)
	}
}

// TestTextAdviceNeverPromisesWhatWillNotCome: a failure the network did
// not cause (404, a body over the cap) is said, with when it is tried
// again, and never "comes with the next sync"; a queued paper is never
// told to be queued.
func TestTextAdviceNeverPromisesWhatWillNotCome(t *testing.T) {
	overCap := errors.New("fetch full text 2510.00002: text is 8.6 MiB, larger than the 8.0 MiB cap")
	notFound := fmt.Errorf("fetch full text 2510.00002: %w", feed.ErrNotFound)
	for _, c := range []struct {
		s         textSituation
		want, not string
	}{
		{textSituation{queued: true, offline: true, failed: overCap}, "larger than the 8.0 MiB cap. It is queued: each sync tries again", "next sync"},
		{textSituation{queued: false, offline: true, failed: notFound}, "(404). Queued with b, it is asked for again at each sync", "next sync"},
		{textSituation{queued: true, offline: true}, "It is queued: its text comes with the next sync", "queue it with b"},
		{textSituation{queued: true}, "It is queued: the next sync fetches it", "queues"},
		{textSituation{offline: true}, "You are offline: queue it with b and its text comes with the next sync", "fetches"},
		{textSituation{fetching: true, queued: true}, "fetching it now", "sync"},
	} {
		c.s.id, c.s.queueKey = "2510.00002", "b"
		got := textAdvice(c.s)
		if !strings.Contains(got, c.want) || strings.Contains(got, c.not) {
			t.Errorf("%+v: %q; want %q without %q", c.s, got, c.want, c.not)
		}
	}
}

// TestStoredTextDetailIgnoresTheAdvice: the detail of a paper whose text
// is stored says nothing of fetching, so queueing it, or the network
// going, leaves its rendering as it was (no new render); a paper without
// its text still says what changed.
func TestStoredTextDetailIgnoresTheAdvice(t *testing.T) {
	hs, _ := readerHarness(t, 160, 48) // the first paper's text is stored
	if id := hs.selectedID(); id != "2510.00001" {
		t.Fatalf("selected %s, want the paper with its text", id)
	}
	shown := hs.m.detail.shown
	if shown.id != "2510.00001" || shown.noText != "" {
		t.Fatalf("the detail shows %q with advice %q, want none", shown.id, shown.noText)
	}
	hs.keys("b")
	if cmd := hs.m.wantDetail(); cmd != nil || hs.m.detail.shown != shown {
		t.Errorf("queueing a paper with its text rendered its detail again: %+v", hs.m.detail.shown)
	}
	hs.keys("j")
	before := hs.m.detail.shown.noText
	hs.keys("b")
	if after := hs.m.detail.shown.noText; after == before || !strings.Contains(hs.flatDetail(), "queued") {
		t.Errorf("queueing a paper without its text left its advice: %q", after)
	}
}

// TestA404FromAnEarlierSessionIsSaid: a 404 the library keeps from an
// earlier run is what the detail and the reading pane say of the missing
// text, not that the next sync brings it.
func TestA404FromAnEarlierSessionIsSaid(t *testing.T) {
	lib := newTestLibrary(t)
	hs := newHarness(t, lib, 160, 48)
	id := hs.selectedID()
	must(t, lib.MarkTextAbsent(context.Background(), id, time.Now()))
	hs = newHarness(t, lib, 160, 48) // a new session
	if d := hs.flatDetail(); !strings.Contains(d, "Hugging Face has no text for it (404)") {
		t.Errorf("the detail says: %s", d)
	}
	hs.keys("R")
	if said := flatWords(hs.m.readerMissing()); !strings.Contains(said, "Hugging Face has no text for it (404)") {
		t.Errorf("the reading pane says: %s", said)
	}
}
