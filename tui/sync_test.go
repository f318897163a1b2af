package tui

import (
	"context"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/papertui/papers/feed"
	"github.com/papertui/papers/feed/feedtest"
	"github.com/papertui/papers/feed/synth"
)

// TestBackgroundSyncShowsProgressThenPapers: r syncs in the background;
// the status bar shows the progress, the new papers appear, and the
// selection stays on the paper it was on.
func TestBackgroundSyncShowsProgressThenPapers(t *testing.T) {
	srv := feedtest.New(t)
	for _, d := range synth.Days(30, 9, time.Now().UTC().AddDate(0, 0, -2)) {
		srv.SetDay(d.Date, d.Body)
	}
	lib := unsyncedLibrary(t)
	client := feed.NewClient(srv.URL)
	client.Wait = func(ctx context.Context, d time.Duration) error { return nil }
	m := testModel(Options{Library: lib, Fetcher: client, Style: "dark"})
	hs := &harness{t: t, m: m}
	hs.run(hs.m.Init())
	hs.send(tea.WindowSizeMsg{Width: 160, Height: 48})
	hs.keys("j", "j")
	selected := hs.selectedID()

	var statuses []string
	hs.observe = func(m Model) {
		lines := strings.Split(m.View().Content, "\n")
		statuses = append(statuses, lines[len(lines)-1])
	}
	hs.keys("r")

	if !anyContains(statuses, "syncing ") || !anyContains(statuses, "(1/7)") {
		t.Errorf("no progress shown; status lines: %q", statuses)
	}
	hs.requireScreen("synced 7 days")
	n, _ := lib.Count(context.Background(), hs.m.listFilter)
	if hs.m.list.total != n || n <= 6 {
		t.Errorf("list shows %d of %d papers", hs.m.list.total, n)
	}
	if hs.selectedID() != selected {
		t.Errorf("selection moved from %s to %s", selected, hs.selectedID())
	}
}

// offlineStart is the reader started w columns wide on a library that
// never synced, with the feed unreachable: its sync on start fails.
func offlineStart(t *testing.T, w int) *harness {
	t.Helper()
	srv := feedtest.New(t)
	url := srv.URL
	srv.Close()
	client := feed.NewClient(url)
	client.Wait = func(ctx context.Context, d time.Duration) error { return nil }
	hs := &harness{t: t, m: testModel(Options{Library: unsyncedLibrary(t), Fetcher: client, Style: "dark", SyncAfter: time.Hour})}
	hs.send(tea.WindowSizeMsg{Width: w, Height: 24})
	hs.run(hs.m.Init())
	return hs
}

// TestOfflineStartSaysSo: a library that never synced starts a sync on
// start; with the network unreachable the reader says it is offline and
// keeps showing what it has.
func TestOfflineStartSaysSo(t *testing.T) {
	hs := offlineStart(t, 80)
	hs.requireScreen("sync failed", "Sparse Attention")
	// The failure is wider than the terminal: it has the whole line, and
	// the mark shows beside the next message.
	hs.send(errorFaded{hs.m.noticeSeq})
	hs.requireScreen("offline · 6 cached papers")
}

// TestStatusMessagesTakeTheRoomTheyNeed: the counts on the right give
// way to a message (the help key first); only a message wider than the
// terminal is cut, at its width, with an ellipsis and the key that shows
// it whole; no line is wider than the terminal.
func TestStatusMessagesTakeTheRoomTheyNeed(t *testing.T) {
	lastLine := func(hs *harness) string {
		lines := strings.Split(hs.screen(), "\n")
		for _, l := range lines {
			if w := ansi.StringWidth(l); w > hs.m.width {
				t.Errorf("at %d columns a line is %d wide: %q", hs.m.width, w, l)
			}
		}
		return lines[len(lines)-1]
	}
	for _, w := range []int{60, 70, 80, 100, 160} {
		hs := offlineStart(t, w)
		msg, status := hs.m.errMsg, lastLine(hs)
		if ansi.StringWidth(msg) <= w {
			if !strings.Contains(status, msg) {
				t.Errorf("at %d columns the status bar cuts %q: %q", w, msg, status)
			}
		} else if want := ansi.Truncate(msg, w, "… M shows all"); status != want {
			t.Errorf("at %d columns the status bar is %q, want %q", w, status, want)
		}
	}
	hs := newHarness(t, newTestLibrary(t), 60, 24)
	hs.keys("K") // a 48-column hint, the counts 28
	status := lastLine(hs)
	if want := "K and J reorder the queue: press 3 for the queue"; !strings.HasPrefix(status, want) ||
		!strings.HasSuffix(status, " 6 papers") {
		t.Errorf("the status bar is %q, want %q and the count beside it", status, want)
	}
}

// TestOfflineStatusShowsTheLatestEvent: offline, the status bar keeps a
// short mark and still shows what the keys did; the error fades; the
// cached count is the library's, not the view's.
func TestOfflineStatusShowsTheLatestEvent(t *testing.T) {
	hs := offlineStart(t, 100)
	hs.requireScreen("sync failed")
	seq := hs.m.noticeSeq
	hs.send(errorFaded{seq})
	if strings.Contains(hs.screen(), "sync failed") {
		t.Error("the error did not fade")
	}
	hs.keys("b")
	hs.requireScreen("2510.00001 queued", "offline · 6 cached papers")
	hs.keys("s")
	hs.requireScreen("sorted by most upvoted")
	hs.keys("/", "a", "g", "e", "n", "t", "s", "enter")
	hs.requireScreen("offline · 6 cached papers")
	if hs.m.list.total >= 6 {
		t.Fatalf("the search did not narrow the view: %d", hs.m.list.total)
	}
}

// TestNextKeyClearsAnError: an error stays only until the next key.
func TestNextKeyClearsAnError(t *testing.T) {
	hs := newHarness(t, newTestLibrary(t), 100, 24)
	hs.keys("/", "b", "a", "d", ":", "x")
	if hs.m.errMsg == "" {
		t.Fatal("a bad filter showed no error")
	}
	hs.keys("esc", "j")
	if hs.m.errMsg != "" || strings.Contains(hs.screen(), "bad:") {
		t.Errorf("the error outlived the next key: %q", hs.m.errMsg)
	}
}

// unsyncedLibrary holds the fixture papers but has never synced.
func unsyncedLibrary(t *testing.T) Library {
	lib := emptyLibrary(t)
	for _, papers := range fixturePapers() {
		if _, err := lib.SavePapers(context.Background(), papers); err != nil {
			t.Fatal(err)
		}
	}
	return lib
}

func anyContains(lines []string, s string) bool {
	for _, l := range lines {
		if strings.Contains(l, s) {
			return true
		}
	}
	return false
}

// TestSyncAfterImportNamesTheGap: a library imported up to an old day and
// then synced for the last week says what is missing and how to fill it.
func TestSyncAfterImportNamesTheGap(t *testing.T) {
	srv := feedtest.New(t)
	for _, d := range synth.Days(30, 9, time.Now().UTC().AddDate(0, 0, -2)) {
		srv.SetDay(d.Date, d.Body)
	}
	client := feed.NewClient(srv.URL)
	client.Wait = func(ctx context.Context, d time.Duration) error { return nil }
	hs := &harness{t: t, m: testModel(Options{Library: unsyncedLibrary(t), Fetcher: client, Style: "dark"})}
	hs.run(hs.m.Init())
	hs.send(tea.WindowSizeMsg{Width: 200, Height: 48})
	hs.keys("r")
	if !strings.Contains(hs.m.notice, "papers sync --since 2025-10-03") || !strings.Contains(hs.m.notice, "no papers 3 Oct 2025 – ") {
		t.Errorf("status says %q", hs.m.notice)
	}
}

// TestSyncFailureSaysWhyFirst: the status line says why a sync failed
// before the day, the URL and the chain of causes, so that 60 columns
// still show it: refused, or the feed answering 503.
func TestSyncFailureSaysWhyFirst(t *testing.T) {
	statusLine := func(hs *harness) string {
		lines := strings.Split(hs.screen(), "\n")
		return lines[len(lines)-1]
	}
	hs := offlineStart(t, 60)
	if got := statusLine(hs); !strings.HasPrefix(got, "sync failed: connection refused by 127.0.0.1:") {
		t.Errorf("offline, the status line is %q", got)
	}

	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(http.StatusServiceUnavailable)
	}))
	t.Cleanup(srv.Close)
	client := feed.NewClient(srv.URL)
	client.MaxRetries = -1
	client.Wait = func(ctx context.Context, d time.Duration) error { return nil }
	hs = &harness{t: t, m: testModel(Options{Library: unsyncedLibrary(t), Fetcher: client, Style: "dark", SyncAfter: time.Hour})}
	hs.send(tea.WindowSizeMsg{Width: 60, Height: 24})
	hs.run(hs.m.Init())
	if got := statusLine(hs); !strings.HasPrefix(got, "sync failed: HTTP 503 Service Unavailable · ") {
		t.Errorf("with the feed answering 503, the status line is %q", got)
	}
	// Once the error fades, the mark says the feed is down, not offline.
	hs.send(errorFaded{hs.m.noticeSeq})
	if got := statusLine(hs); !strings.Contains(got, "feed down · ") || strings.Contains(got, "offline") {
		t.Errorf("with the feed answering 503, after the error the status line is %q", got)
	}
	// An empty library says so too, rather than that the feed cannot be reached.
	hs = &harness{t: t, m: testModel(Options{Library: emptyLibrary(t), Fetcher: client, Style: "dark", SyncAfter: time.Hour})}
	hs.send(tea.WindowSizeMsg{Width: 80, Height: 24})
	hs.run(hs.m.Init())
	hs.requireScreen("The library is empty and the feed answered with errors.")

	// A refusal (a wrong HF_TOKEN) and a long rate limit are not the
	// feed being down: the mark says what they are.
	for _, c := range []struct {
		status       int
		header, mark string
	}{
		{http.StatusUnauthorized, "", "feed refused · "},
		{http.StatusNotFound, "", "feed not found · "},
		{http.StatusTooManyRequests, `"api";r=0;t=86400`, "rate limited · "},
		{http.StatusOK, "", "feed failing · "}, // a captive portal's login page
	} {
		srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			if c.header != "" {
				w.Header().Set("RateLimit", c.header)
			}
			if c.status == http.StatusOK {
				w.Header().Set("Content-Type", "text/html")
				w.Write([]byte("<html>log in to the wifi</html>"))
				return
			}
			w.WriteHeader(c.status)
		}))
		t.Cleanup(srv.Close)
		client := feed.NewClient(srv.URL)
		client.MaxRetries = -1
		hs := &harness{t: t, m: testModel(Options{Library: unsyncedLibrary(t), Fetcher: client, Style: "dark", SyncAfter: time.Hour})}
		hs.send(tea.WindowSizeMsg{Width: 80, Height: 24})
		hs.run(hs.m.Init())
		hs.send(errorFaded{hs.m.noticeSeq})
		if got := statusLine(hs); !strings.Contains(got, c.mark) || strings.Contains(got, "feed down") || strings.Contains(got, "offline") {
			t.Errorf("with the feed answering %d, after the error the status line is %q", c.status, got)
		}
	}
}

// TestSyncShowsItsRetries: a sync backing off a failing feed shows why
// beside its progress, instead of sitting on one day without a word; the
// HTML answer of a captive portal is named first when the sync fails.
func TestSyncShowsItsRetries(t *testing.T) {
	retries := make(chan Retry, 1)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		w.Write([]byte("<html>log in to the wifi</html>"))
	}))
	t.Cleanup(srv.Close)
	hs := &harness{t: t, m: testModel(Options{Library: unsyncedLibrary(t), Fetcher: feed.NewClient(srv.URL), Style: "dark",
		SyncAfter: time.Hour, Retries: retries})}
	hs.send(tea.WindowSizeMsg{Width: 100, Height: 24})
	hs.m.sync.running = true
	retries <- Retry{Reason: "HTTP 503", Until: time.Now().Add(20 * time.Second)}
	close(retries) // the listener re-armed after it then returns at once
	hs.run(listenRetries(retries))
	hs.requireScreen("syncing… · HTTP 503; retrying in 2") // 20s, or 19s on a slow machine
	// The wait counts down as frames are drawn.
	hs.m.sync.retry.Until = time.Now().Add(3500 * time.Millisecond)
	hs.m.drawSeq++ // the next frame (the spinner's tick)
	hs.requireScreen("HTTP 503; retrying in 3.")
	hs.m.sync.retry.Until = time.Now().Add(-time.Second)
	hs.m.drawSeq++
	hs.requireScreen("HTTP 503; retrying now")
	hs.m.sync.running = false
	hs.run(hs.m.Init())
	lines := strings.Split(hs.screen(), "\n")
	if got := lines[len(lines)-1]; !strings.HasPrefix(got, "sync failed: answered text/html, not JSON · ") {
		t.Errorf("with the feed answering a login page, the status line is %q", got)
	}
}

// TestSyncFindingNothingSaysSo: a sync of an empty library that finds no
// paper at all says the feed had none from that day on and how to fetch
// older days, rather than offer the same sync again.
func TestSyncFindingNothingSaysSo(t *testing.T) {
	hs := onlineHarness(t, emptyLibrary(t), feedtest.New(t)) // a feed with no papers in the days asked
	hs.keys("r")
	hs.requireScreen("the feed had no papers from", "papers sync --since")
}
