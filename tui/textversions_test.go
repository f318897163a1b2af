package tui

import (
	"context"
	"strings"
	"testing"

	"github.com/papertui/papers/feed"
	"github.com/papertui/papers/feed/feedtest"
	"github.com/papertui/papers/store"
)

// versionHarness is a reader whose queue holds 2510.00004, stored as
// converted from arXiv's v1, and 2510.00005, without its text; the
// stand-in serves both texts as of v2, and says arXiv's latest is v2.
func versionHarness(t *testing.T) (*harness, *store.Store, *feedtest.Server) {
	srv := feedtest.New(t)
	client := feed.NewClient(srv.URL)
	client.Pace = nil
	arxiv := feed.NewClient(srv.URL + "/api/query")
	arxiv.Pace, arxiv.MaxRetries = nil, -1
	lib := newTestLibrary(t)
	must(t, lib.Enqueue(context.Background(), "2510.00004", "2510.00005"))
	v1 := strings.ReplaceAll(feedtest.PaperText("2510.00004", 3), "2510.00004v2", "2510.00004v1")
	storeText(t, lib, "2510.00004", v1)
	for _, id := range []string{"2510.00004", "2510.00005"} {
		srv.SetText(id, feedtest.PaperText(id, 3))
		srv.SetVersion(id, 2)
	}
	hs := &harness{t: t, m: testModel(Options{Library: lib, Style: "dark", Texts: client, Fetcher: client, Versions: arxiv})}
	hs.run(hs.m.Init())
	hs.send(sizeMsg(160, 48))
	return hs, lib, srv
}

func storedVersion(t *testing.T, lib *store.Store, id string) int {
	t.Helper()
	txt, err := lib.Text(context.Background(), id)
	if err != nil {
		t.Fatalf("%s: %v", id, err)
	}
	return txt.Version
}

func arxivRequests(srv *feedtest.Server) int {
	n := 0
	for _, r := range srv.Requests() {
		if strings.HasPrefix(r, "/api/query") {
			n++
		}
	}
	return n
}

// TestSyncFetchesNewerVersions: after a sync the reader asks arXiv about
// the queued papers' stored texts, fetches again the one of an older
// version, and asks no more for a day however often it syncs.
func TestSyncFetchesNewerVersions(t *testing.T) {
	hs, lib, srv := versionHarness(t)
	hs.keys("r")
	if v := storedVersion(t, lib, "2510.00004"); v != 2 {
		t.Errorf("after a sync the stale text is v%d, want v2", v)
	}
	if v := storedVersion(t, lib, "2510.00005"); v != 2 {
		t.Errorf("the missing text is v%d", v)
	}
	if n := arxivRequests(srv); n != 1 {
		t.Errorf("%d arXiv requests, want 1", n)
	}
	srv.SetVersion("2510.00004", 3)
	hs.keys("r")
	if n := arxivRequests(srv); n != 1 {
		t.Errorf("a second sync asked arXiv again (%d requests)", n)
	}
	if v := storedVersion(t, lib, "2510.00004"); v != 2 {
		t.Errorf("fetched again within the day: v%d", v)
	}
}

// TestFailedVersionCheckStillFetchesTheQueue: arXiv failing (an error, an
// HTML page, garbage) is said in the status bar; the missing text is
// fetched, the stale one kept, and asked about at the next sync.
func TestFailedVersionCheckStillFetchesTheQueue(t *testing.T) {
	for name, fault := range map[string]feedtest.Fault{
		"500":     feedtest.Status(500),
		"html":    feedtest.Body("text/html", "<!doctype html><html>Down for maintenance</html>"),
		"garbage": feedtest.Body("application/atom+xml", "<feed><entry><id>"),
	} {
		t.Run(name, func(t *testing.T) {
			hs, lib, srv := versionHarness(t)
			srv.FailNext(feedtest.ArxivFault, fault)
			hs.keys("r")
			if v := storedVersion(t, lib, "2510.00005"); v != 2 {
				t.Errorf("the missing text is v%d", v)
			}
			if v := storedVersion(t, lib, "2510.00004"); v != 1 {
				t.Errorf("the stored text is v%d after a failed check", v)
			}
			// Said last, so the fetch's progress does not hide it.
			if !strings.Contains(hs.m.errMsg, "queued texts not checked for newer versions") {
				t.Errorf("the failure is not in the status bar: %q", hs.m.notice)
			}
			hs.keys("r")
			if v := storedVersion(t, lib, "2510.00004"); v != 2 {
				t.Errorf("the next sync did not fetch the newer version: v%d", v)
			}
		})
	}
}

// TestOfflineSyncChecksNoVersions: a sync that found no network asks
// arXiv nothing.
func TestOfflineSyncChecksNoVersions(t *testing.T) {
	hs, _, srv := versionHarness(t)
	srv.Close()
	hs.keys("r")
	if hs.m.checkVersions() != nil {
		t.Error("offline, the reader would check versions")
	}
}
