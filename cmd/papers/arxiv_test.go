package main

import (
	"strings"
	"testing"

	"github.com/papertui/papers/feed/feedtest"
)

// asVersion is a paper text converted from version v of the paper.
func asVersion(id string, v int) string {
	return strings.ReplaceAll(feedtest.PaperText(id, 6), id+"v2", id+"v"+string(rune('0'+v)))
}

func arxivAsked(srv *feedtest.Server) []string {
	var out []string
	for _, r := range srv.Requests() {
		if strings.HasPrefix(r, "/api/query") {
			out = append(out, r)
		}
	}
	return out
}

func TestFetchRefetchesNewerArxivVersion(t *testing.T) {
	srv, env, ids := syncedWithTexts(t, 3)
	srv.SetText(ids[0], asVersion(ids[0], 1))
	if r := papers(t, env, "fetch", ids[0], ids[1]); r.code != 0 {
		t.Fatalf("fetch: %d %s", r.code, r.stderr)
	}
	if n := len(arxivAsked(srv)); n != 0 {
		t.Errorf("texts just fetched were checked: %d arXiv requests", n)
	}

	// arXiv now has v2 of ids[0]; HF has converted it.
	srv.SetText(ids[0], asVersion(ids[0], 2))
	srv.SetVersion(ids[0], 2)
	srv.SetVersion(ids[1], 2)
	before := len(srv.Requests())
	r := papers(t, env, "fetch", ids[0], ids[1], ids[2])
	if r.code != 0 || !strings.Contains(r.stderr, "fetched 2 full texts, 1 already stored, 0 failed, 1 newer arXiv version (3 requests)") {
		t.Fatalf("fetch with v2 on arXiv: %d %q", r.code, r.stderr)
	}
	if n := len(srv.Requests()) - before; n != 3 {
		t.Errorf("%d requests, want 3 (one text, one check, one text again)", n)
	}
	asked := arxivAsked(srv)
	if len(asked) != 1 || !strings.Contains(asked[0], "id_list="+ids[0]+","+ids[1]+"&") {
		t.Errorf("arXiv asked %q, want the two stored texts in one request", asked)
	}
	if r := papers(t, env, "read", "--raw", ids[0]); !strings.Contains(r.stdout, ids[0]+"v2") || strings.Contains(r.stdout, ids[0]+"v1") {
		t.Errorf("stored text is not v2")
	}

	// Up to date: nothing fetched again.
	before = len(srv.Requests())
	r = papers(t, env, "fetch", ids[0], ids[1])
	if !strings.Contains(r.stderr, "fetched 0 full texts, 2 already stored, 0 failed (1 request)") {
		t.Errorf("fetch when up to date: %q", r.stderr)
	}
	if n := len(srv.Requests()) - before; n != 1 {
		t.Errorf("%d requests when up to date, want the one check", n)
	}

	// HF has not converted the newer version yet: said, and the text kept.
	srv.SetVersion(ids[1], 3)
	r = papers(t, env, "fetch", ids[1])
	if !strings.Contains(r.stderr, "arXiv has v3, Hugging Face still serves v2") ||
		!strings.Contains(r.stderr, "fetched 0 full texts, 1 already stored, 0 failed (2 requests)") {
		t.Errorf("HF behind arXiv: %q", r.stderr)
	}
	// Asked once: the next fetch does not download it again while arXiv
	// still lists v3, and claims no newer version.
	textAsks := func() int { return strings.Count(strings.Join(srv.Requests(), "\n"), "/papers/"+ids[1]+".md") }
	before = textAsks()
	r = papers(t, env, "fetch", ids[1])
	if textAsks() != before || strings.Contains(r.stderr, "newer arXiv") || !strings.Contains(r.stderr, "1 already stored") {
		t.Errorf("v3 on arXiv, v2 on HF, asked again: %d downloads, %q", textAsks()-before, r.stderr)
	}
	// arXiv moves on to v4: HF is asked again.
	srv.SetVersion(ids[1], 4)
	papers(t, env, "fetch", ids[1])
	if textAsks() != before+1 {
		t.Errorf("v4 on arXiv: %d downloads, want 1", textAsks()-before)
	}
	// --refresh fetches everything again without asking arXiv.
	n := len(arxivAsked(srv))
	if r := papers(t, env, "fetch", "--refresh", ids[0]); r.code != 0 || len(arxivAsked(srv)) != n {
		t.Errorf("--refresh: %d, asked arXiv %d times", r.code, len(arxivAsked(srv))-n)
	}
}

func TestFailedVersionCheckStillFetchesMissingTexts(t *testing.T) {
	faults := map[string][]feedtest.Fault{
		"500":     {feedtest.Status(500), feedtest.Status(500)},
		"html":    {feedtest.Body("text/html; charset=utf-8", "<!doctype html><html><body>Service Unavailable</body></html>")},
		"garbage": {feedtest.Body("application/atom+xml", "\x00garbage <feed")},
	}
	for name, fault := range faults {
		t.Run(name, func(t *testing.T) {
			srv, env, ids := syncedWithTexts(t, 2)
			srv.SetText(ids[0], asVersion(ids[0], 1))
			if r := papers(t, env, "fetch", ids[0]); r.code != 0 {
				t.Fatalf("fetch: %s", r.stderr)
			}
			srv.SetVersion(ids[0], 2)
			srv.FailNext(feedtest.ArxivFault, fault...)
			r := papers(t, env, "fetch", ids[0], ids[1], ids[2])
			if r.code != 0 || !strings.Contains(r.stderr, "fetched 2 full texts, 1 already stored, 0 failed") ||
				!strings.Contains(r.stderr, "stored texts not checked for newer versions") ||
				!strings.Contains(r.stderr, "warning: check arXiv versions: ") ||
				!strings.Contains(r.stderr, srv.URL+"/api/query?id_list="+ids[0]) {
				t.Errorf("exit %d, stderr %q", r.code, r.stderr)
			}
			// Not marked checked: the next fetch asks again, and fetches v2.
			srv.SetText(ids[0], asVersion(ids[0], 2))
			r = papers(t, env, "fetch", ids[0])
			if !strings.Contains(r.stderr, "1 newer arXiv version") {
				t.Errorf("after the failure: %q", r.stderr)
			}
		})
	}
}

func TestFetchOfflineSkipsVersionCheck(t *testing.T) {
	srv, env, ids := syncedWithTexts(t, 2)
	if r := papers(t, env, "fetch", ids[0]); r.code != 0 {
		t.Fatal(r.stderr)
	}
	srv.SetVersion(ids[0], 3)
	offline := append(env, "PAPERS_API_URL=http://127.0.0.1:1")
	before := len(arxivAsked(srv))
	r := papers(t, offline, "fetch", ids[1], ids[0])
	if r.code != 1 || !strings.Contains(r.stderr, "offline") || len(arxivAsked(srv)) != before {
		t.Errorf("offline: exit %d, %d arXiv requests, %q", r.code, len(arxivAsked(srv))-before, r.stderr)
	}
}

func TestArxivURLChecked(t *testing.T) {
	r := papers(t, dbEnv(t), "fetch", "--arxiv-url", "ftp://example.org/q", "2410.17243")
	if r.code != 2 || !strings.Contains(r.stderr, "--arxiv-url") {
		t.Errorf("bad --arxiv-url: exit %d %q", r.code, r.stderr)
	}
	r = papers(t, append(dbEnv(t), "PAPERS_ARXIV_URL=ftp://x"), "list")
	if strings.Contains(r.stderr, "arxiv") {
		t.Errorf("list checks the arXiv URL: %q", r.stderr)
	}
}
