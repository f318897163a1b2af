package main

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/papertui/papers/feed/feedtest"
	"github.com/papertui/papers/feed/synth"
)

// syncedWithTexts is a library synced from a stand-in API that also serves
// a full-length text for every paper, and the ids of its papers.
func syncedWithTexts(t *testing.T, papersPerDay int) (*feedtest.Server, []string, []string) {
	t.Helper()
	srv := feedtest.New(t)
	for _, d := range synth.Days(max(papersPerDay*3, 8), 7, time.Now().UTC().AddDate(0, 0, -2)) {
		mustSetDay(t, srv, d.Date, d.Body)
	}
	env := append(dbEnv(t), "PAPERS_API_URL="+srv.URL, "PAPERS_ARXIV_URL="+srv.URL+"/api/query", "XDG_CACHE_HOME="+t.TempDir())
	if r := papers(t, env, "sync", "--days", "3"); r.code != 0 {
		t.Fatalf("sync: %d %s", r.code, r.stderr)
	}
	var listed []struct{ ID string }
	r := papers(t, env, "list", "--json")
	if err := json.Unmarshal([]byte(r.stdout), &listed); err != nil || len(listed) == 0 {
		t.Fatalf("list: %v %s", err, r.stdout)
	}
	var ids []string
	for i, p := range listed {
		ids = append(ids, p.ID)
		srv.SetText(p.ID, feedtest.PaperText(p.ID, 10+i%6))
	}
	return srv, env, ids
}

func TestFetchThenReadOffline(t *testing.T) {
	srv, env, ids := syncedWithTexts(t, 3)
	if r := papers(t, env, "queue", "add", "--no-fetch", ids[0], ids[1]); r.code != 0 {
		t.Fatalf("queue add: %s", r.stderr)
	}
	before := len(srv.Requests())
	r := papers(t, env, "fetch", "--queue", ids[2])
	if r.code != 0 || !strings.Contains(r.stderr, "fetched 3 full texts, 0 already stored, 0 failed (3 requests)") {
		t.Fatalf("fetch: %d %q", r.code, r.stderr)
	}
	if n := len(srv.Requests()) - before; n != 3 {
		t.Errorf("3 texts took %d requests", n)
	}
	// Resumable: what is stored is not fetched again.
	r = papers(t, env, "fetch", "--queue", ids[2], ids[3])
	if !strings.Contains(r.stderr, "fetched 1 full text, 3 already stored") {
		t.Errorf("second fetch: %q", r.stderr)
	}

	offline := append(env, "PAPERS_API_URL=http://127.0.0.1:1")
	r = papers(t, offline, "read", ids[0])
	if r.code != 0 {
		t.Fatalf("read offline: %d %s", r.code, r.stderr)
	}
	for _, want := range []string{"A Study of " + ids[0], "Abstract", "1 Introduction", "[Helff et al., 2024]", "Figure 1: The loss", "References", "Figures", "x1.png"} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("read lacks %q", want)
		}
	}
	for _, noise := range []string{"\x1b", "italic_", "#bib.bib", `\useunder`} {
		if strings.Contains(r.stdout, noise) {
			t.Errorf("read (piped) holds %q", noise)
		}
	}
	r = papers(t, offline, "read", "--raw", ids[0])
	if r.code != 0 || !strings.Contains(r.stdout, "10k 10 𝑘 10k 10 italic_k") {
		t.Errorf("read --raw: %d, %.200q", r.code, r.stdout)
	}
	r = papers(t, offline, "read", ids[5])
	if r.code != 1 || !strings.Contains(r.stderr, "papers fetch "+ids[5]) {
		t.Errorf("read without text: %d %q", r.code, r.stderr)
	}

	r = papers(t, offline, "search", "text:\"reward is computed\"", "--json")
	var found []map[string]any
	if err := json.Unmarshal([]byte(r.stdout), &found); err != nil || len(found) != 4 {
		t.Errorf("text: search found %d: %v %s", len(found), err, r.stderr)
	}

	r = papers(t, offline, "stats")
	if !strings.Contains(r.stdout, "full texts 4 (") {
		t.Errorf("stats: %s", r.stdout)
	}
	r = papers(t, offline, "doctor")
	if r.code != 0 || !strings.Contains(r.stdout, "full texts 4") {
		t.Errorf("doctor: %d %s", r.code, r.stdout)
	}
	if r := papers(t, offline, "queue", "done", ids[0]); r.code != 0 {
		t.Fatal(r.stderr)
	}
	r = papers(t, offline, "clean", "--texts", "--read")
	if !strings.Contains(r.stdout, "deleted 1 full text\n") {
		t.Errorf("clean --read: %s %s", r.stdout, r.stderr)
	}
	if r := papers(t, offline, "clean"); r.code != 2 {
		t.Errorf("clean without a flag: exit %d", r.code)
	}
}

func TestQueueAddFetchesTextAndDiscussion(t *testing.T) {
	srv, env, ids := syncedWithTexts(t, 2)
	srv.SetPaper(ids[0], []byte(`{"id":"`+ids[0]+`","comments":[{"id":"c1","createdAt":"2026-01-01T00:00:00Z","author":{"name":"alice"},"data":{"latest":{"raw":"Nice work"}}}],"linkedModels":[{"id":"org/m","downloads":5}],"numTotalModels":1}`))
	r := papers(t, env, "queue", "add", ids[0])
	if r.code != 0 {
		t.Fatalf("queue add: %d %s", r.code, r.stderr)
	}
	offline := append(env, "PAPERS_API_URL=http://127.0.0.1:1")
	if r := papers(t, offline, "read", ids[0]); r.code != 0 {
		t.Errorf("queued paper does not read offline: %s", r.stderr)
	}
	r = papers(t, offline, "show", ids[0])
	if !strings.Contains(r.stdout, "Discussion (1 comment)") || !strings.Contains(r.stdout, "Nice work") || !strings.Contains(r.stdout, "org/m") {
		t.Errorf("show lacks the discussion:\n%s", r.stdout)
	}
	// show --json holds the same: the paper as list prints it, its text
	// and its discussion.
	r = papers(t, offline, "show", ids[0], "--json")
	var detail struct {
		ID       string `json:"id"`
		Abstract string `json:"abstract"`
		Queued   bool   `json:"queued"`
		FullText struct {
			Stored bool `json:"stored"`
			Bytes  int  `json:"bytes"`
		} `json:"full_text"`
		Discussion *struct {
			Comments []struct {
				Author, Text string
			} `json:"comments"`
			Models    []struct{ ID string } `json:"models"`
			NumModels int                   `json:"num_models"`
		} `json:"discussion"`
	}
	if err := json.Unmarshal([]byte(r.stdout), &detail); err != nil || r.code != 0 {
		t.Fatalf("show --json: %v, exit %d\n%s%s", err, r.code, r.stdout, r.stderr)
	}
	if detail.ID != ids[0] || detail.Abstract == "" || !detail.Queued || !detail.FullText.Stored || detail.FullText.Bytes == 0 ||
		detail.Discussion == nil || len(detail.Discussion.Comments) != 1 || detail.Discussion.Comments[0].Text != "Nice work" ||
		detail.Discussion.Comments[0].Author != "alice" || len(detail.Discussion.Models) != 1 || detail.Discussion.NumModels != 1 {
		t.Errorf("show --json: %+v\n%s", detail, r.stdout)
	}
	r = papers(t, offline, "show", ids[1], "--json")
	if !strings.Contains(r.stdout, `"stored": false`) || !strings.Contains(r.stdout, `"discussion": null`) {
		t.Errorf("show --json of a paper without text or discussion:\n%s", r.stdout)
	}
	// Offline, queueing works and the fetch is a warning.
	r = papers(t, offline, "queue", "add", ids[1])
	if r.code != 0 || !strings.Contains(r.stderr, "warning") {
		t.Errorf("offline queue add: %d %q", r.code, r.stderr)
	}
}

func TestFetchPDF(t *testing.T) {
	_, env, ids := syncedWithTexts(t, 2)
	pdfs := http.NewServeMux()
	var auth []string
	pdfs.HandleFunc("/pdf/{id}", func(w http.ResponseWriter, r *http.Request) {
		auth = append(auth, r.Header.Get("Authorization"))
		if r.PathValue("id") == ids[1] {
			w.Header().Set("Content-Type", "text/html")
			w.Write([]byte("<html>captcha</html>"))
			return
		}
		w.Write([]byte("%PDF-1.5 fake"))
	})
	psrv := newServer(t, pdfs)
	cache := t.TempDir()
	env = append(env, "XDG_CACHE_HOME="+cache, "PAPERS_PDF_URL="+psrv+"/pdf", "HF_TOKEN=hf_secret")
	r := papers(t, env, "fetch", "--pdf", "--json", ids[0], ids[1])
	var sum fetchSummary
	mustUnmarshal(t, []byte(r.stdout), &sum)
	// The text of ids[1] was stored: only its PDF failed, and says what
	// came instead of one.
	if r.code != 1 || sum.PDFs != 1 || sum.Fetched != 2 || sum.Failed != 0 || sum.PDFsFailed != 1 ||
		len(sum.PDFFailures) != 1 || sum.PDFFailures[0].ID != ids[1] || !strings.Contains(sum.PDFFailures[0].Error, "not a PDF") {
		t.Errorf("fetch --pdf: %d %+v %q", r.code, sum, r.stderr)
	}
	if b, err := os.ReadFile(filepath.Join(cache, "papers", "pdf", ids[0]+".pdf")); err != nil || string(b) != "%PDF-1.5 fake" {
		t.Errorf("saved PDF: %q %v", b, err)
	}
	if _, err := os.Stat(filepath.Join(cache, "papers", "pdf", ids[1]+".pdf")); err == nil {
		t.Error("an HTML page was saved as a PDF")
	}
	for _, a := range auth {
		if a != "" {
			t.Errorf("the HF token went to the PDF host: %q", a)
		}
	}
	r = papers(t, env, "stats", "--json")
	var st map[string]any
	mustUnmarshal(t, []byte(r.stdout), &st)
	if st["pdfs"] != float64(1) || st["full_texts"] != float64(2) {
		t.Errorf("stats --json: %v", st)
	}
	if r := papers(t, env, "clean", "--pdfs"); !strings.Contains(r.stdout, "deleted 1 PDF") {
		t.Errorf("clean --pdfs: %s", r.stdout)
	}
}

func TestHostileTextServer(t *testing.T) {
	srv, env, ids := syncedWithTexts(t, 2)
	hostile := "Title: Evil \x1b]0;pwned\x07\nURL Source: https://arxiv.org/html/" + ids[0] + "\nMarkdown Content:\n" +
		"## 1 Intro \x1b[2J\n\nClick [me](javascript:alert(1)) and [file](file:///etc/passwd). NUL\x00 bad\xff C1\u009b31m " +
		"OSC8 \x1b]8;;https://evil\x1b\\x\x1b]8;;\x1b\\ bidi\u202eevil\n\n![Image 1: x](javascript:alert(1))\n\nFigure 1: cap.\n\n" +
		strings.Repeat("long ", 200_000)
	srv.SetText(ids[0], hostile)
	srv.FailNext("text:"+ids[1], feedtest.Body("text/html", "<!doctype html><html>login</html>"))
	r := papers(t, env, "fetch", ids[0], ids[1])
	if r.code != 1 || !strings.Contains(r.stderr, "1 failed") {
		t.Errorf("fetch: %d %q", r.code, r.stderr)
	}
	if strings.ContainsAny(r.stderr, "\x1b\x00\u009b") {
		t.Errorf("stderr holds raw controls: %q", r.stderr)
	}
	r = papers(t, env, "read", ids[1])
	if r.code != 1 {
		t.Error("HTML answer was stored as a text")
	}
	for _, args := range [][]string{{"read", ids[0]}, {"read", "--raw", ids[0]}, {"search", "text:long"}} {
		r = papers(t, env, args...)
		if r.code != 0 {
			t.Fatalf("%v: %d %s", args, r.code, r.stderr)
		}
		if strings.ContainsAny(r.stdout, "\x1b\x00\x07\u009b\u202e") || strings.Contains(r.stdout, "\xff") {
			t.Errorf("%v prints raw controls", args)
		}
		if strings.Contains(r.stdout, "javascript:alert") && args[1] != "--raw" {
			t.Errorf("%v offers a javascript: link", args)
		}
	}
	// Over the cap, a missing wrapper: refused, nothing stored.
	srv.SetText(ids[1], "Title: Big\nURL Source: https://arxiv.org/html/x\nMarkdown Content:\n"+strings.Repeat("x", 9<<20))
	if r := papers(t, env, "fetch", ids[1]); r.code != 1 || !strings.Contains(r.stderr, "cap") {
		t.Errorf("over the cap: %d %q", r.code, r.stderr)
	}
	srv.SetText(ids[1], "## Just markdown\n\nno wrapper")
	if r := papers(t, env, "fetch", ids[1]); r.code != 1 || !strings.Contains(r.stderr, "wrapper") {
		t.Errorf("no wrapper: %d %q", r.code, r.stderr)
	}
	if r := papers(t, env, "read", ids[1]); r.code != 1 {
		t.Error("a refused text was stored")
	}
}

// TestKillMidFetchStoresNothingHalf kills `papers fetch` while the server
// is still sending a text, then checks the library holds only whole texts.
func TestKillMidFetchStoresNothingHalf(t *testing.T) {
	srv, env, ids := syncedWithTexts(t, 3)
	stall := make(chan struct{})
	t.Cleanup(func() { close(stall) })
	srv.FailNext("text:"+ids[2], func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/markdown")
		w.Write([]byte(feedtest.PaperText(ids[2], 12)[:20_000]))
		w.(http.Flusher).Flush()
		select {
		case <-stall:
		case <-r.Context().Done():
		}
	})
	cmd := exec.Command(papersBin, "fetch", ids[0], ids[1], ids[2], ids[3])
	cmd.Env = append(os.Environ(), env...)
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(20 * time.Second)
	for !requested(srv, "/papers/"+ids[2]+".md") && time.Now().Before(deadline) {
		time.Sleep(20 * time.Millisecond)
	}
	cmd.Process.Signal(syscall.SIGKILL)
	cmd.Wait()

	for i, id := range ids[:4] {
		r := papers(t, env, "read", "--raw", id)
		switch {
		case i < 2 && r.code != 0:
			t.Errorf("%s fetched before the kill is lost: %s", id, r.stderr)
		case i >= 2 && r.code == 0:
			t.Errorf("%s shown after a kill mid-fetch", id)
		}
	}
	if r := papers(t, env, "doctor"); r.code != 0 {
		t.Errorf("doctor after a kill: %s", r.stdout)
	}
	// Resumes: the rest come in on the next run.
	if r := papers(t, env, "fetch", ids[0], ids[1], ids[2], ids[3]); !strings.Contains(r.stderr, "fetched 2 full texts, 2 already stored") {
		t.Errorf("resume: %q", r.stderr)
	}
}

func requested(srv *feedtest.Server, uri string) bool {
	for _, r := range srv.Requests() {
		if r == uri {
			return true
		}
	}
	return false
}

// newServer serves h for the test and returns its URL.
func newServer(t *testing.T, h http.Handler) string {
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)
	return srv.URL
}

func TestSearchTextShowsSentence(t *testing.T) {
	_, env, ids := syncedWithTexts(t, 2)
	if r := papers(t, env, append([]string{"fetch"}, ids...)...); r.code != 0 {
		t.Fatal(r.stderr)
	}
	r := papers(t, env, "search", "text:helff")
	if !strings.Contains(r.stdout, ids[0]) || !strings.Contains(r.stdout, "“") || strings.Contains(r.stdout, "arxiv.org") {
		t.Errorf("search text: = %q", r.stdout)
	}
}

// Cleaning every text gives their space back: the library file shrinks,
// the command says by how much, and stats shows the smaller size.
func TestCleanTextsShrinksLibrary(t *testing.T) {
	srv, env, ids := syncedWithTexts(t, 3)
	// Texts long enough to outweigh the library's fixed size: a table or
	// index takes at least a 16 KiB page.
	for _, id := range ids {
		srv.SetText(id, feedtest.PaperText(id, 120))
	}
	if r := papers(t, env, append([]string{"fetch"}, ids...)...); r.code != 0 {
		t.Fatalf("fetch: %d %s", r.code, r.stderr)
	}
	size := func() int64 {
		var st struct {
			Size int64 `json:"size_bytes"`
		}
		mustUnmarshal(t, []byte(papers(t, env, "stats", "--json").stdout), &st)
		return st.Size
	}
	before := size()
	r := papers(t, env, "clean", "--texts")
	if r.code != 0 || !strings.Contains(r.stdout, "freed)") {
		t.Fatalf("clean --texts: %d %q %q", r.code, r.stdout, r.stderr)
	}
	if after := size(); after >= before*2/3 {
		t.Errorf("library %d bytes before clean, %d after", before, after)
	}
}

// Offline, the queue's stored texts count as stored and only the missing
// one as not fetched; the warning says offline.
func TestFetchQueueOfflineCountsStored(t *testing.T) {
	_, env, ids := syncedWithTexts(t, 2)
	if r := papers(t, env, "queue", "add", "--no-fetch", ids[0], ids[1], ids[2]); r.code != 0 {
		t.Fatalf("queue add: %s", r.stderr)
	}
	if r := papers(t, env, "fetch", ids[1], ids[2]); r.code != 0 {
		t.Fatalf("fetch: %s", r.stderr)
	}
	offline := append(env, "PAPERS_API_URL=http://127.0.0.1:1", "PAPERS_ARXIV_URL=http://127.0.0.1:1")
	r := papers(t, offline, "fetch", "--queue")
	if r.code != 1 || !strings.Contains(r.stderr, "offline") || !strings.Contains(r.stderr, "1 full text not fetched") ||
		!strings.Contains(r.stderr, "fetched 0 full texts, 2 already stored, 1 failed") {
		t.Errorf("offline fetch --queue: %d %q", r.code, r.stderr)
	}
}

// A malformed id among good ones is named and makes the exit 1; the good
// ones are fetched.
func TestFetchGoodAndBogusIDs(t *testing.T) {
	_, env, ids := syncedWithTexts(t, 2)
	r := papers(t, env, "fetch", ids[0], "bogus")
	if r.code != 1 || !strings.Contains(r.stderr, "bogus") || !strings.Contains(r.stderr, "fetched 1 full text,") {
		t.Errorf("fetch GOOD bogus: %d %q", r.code, r.stderr)
	}
	if r := papers(t, env, "fetch", "bogus"); r.code != 2 {
		t.Errorf("fetch bogus alone: exit %d, want 2", r.code)
	}
}

// `papers read` says what is wrong with its argument: not an id, or a
// paper the library does not hold (with how to add it).
func TestReadErrors(t *testing.T) {
	env := emptyLibraryEnv(t)
	// A malformed id is named in the words show, note and queue use.
	r := papers(t, env, "read", "abc")
	if show := papers(t, env, "show", "abc"); r.code != 2 || !strings.Contains(r.stderr, `not an arXiv id or paper URL: "abc"`) || r.stderr != show.stderr {
		t.Errorf("read abc: %d %q; show abc: %q", r.code, r.stderr, show.stderr)
	}
	// A global flag's value before read does not hide that read was named.
	r = papers(t, env, "--db", strings.TrimPrefix(env[0], "PAPERS_DB="), "read", "abc")
	if r.code != 2 || !strings.Contains(r.stderr, `not an arXiv id or paper URL: "abc"`) || strings.Contains(r.stderr, "unknown command") {
		t.Errorf("--db FILE read abc: %d %q", r.code, r.stderr)
	}
	r = papers(t, env, "read", "2611.99999")
	if r.code != 1 || !strings.Contains(r.stderr, "not in the library") || !strings.Contains(r.stderr, "papers add 2611.99999") {
		t.Errorf("read of a paper not in the library: %d %q", r.code, r.stderr)
	}
}

// A paper whose text HF does not have still gets its PDF with --pdf.
func TestFetchPDFWhenTextMissing(t *testing.T) {
	srv, env, ids := syncedWithTexts(t, 2)
	srv.FailNext("text:"+ids[0], feedtest.Status(http.StatusNotFound))
	pdfs := http.NewServeMux()
	pdfs.HandleFunc("/pdf/{id}", func(w http.ResponseWriter, r *http.Request) { w.Write([]byte("%PDF-1.5 fake")) })
	cache := t.TempDir()
	env = append(env, "XDG_CACHE_HOME="+cache, "PAPERS_PDF_URL="+newServer(t, pdfs)+"/pdf")
	r := papers(t, env, "fetch", "--pdf", ids[0])
	if r.code != 1 || !strings.Contains(r.stderr, "1 PDF saved") || !strings.Contains(r.stderr, "/papers/"+ids[0]+".md") {
		t.Errorf("fetch --pdf of a paper without text: %d %q", r.code, r.stderr)
	}
	if _, err := os.Stat(filepath.Join(cache, "papers", "pdf", ids[0]+".pdf")); err != nil {
		t.Errorf("PDF not saved: %v", err)
	}
}

// show says whether the paper's full text is stored, and how to read or
// fetch it.
func TestShowSaysFullText(t *testing.T) {
	_, env, ids := syncedWithTexts(t, 2)
	if r := papers(t, env, "fetch", ids[0]); r.code != 0 {
		t.Fatalf("fetch: %s", r.stderr)
	}
	if r := papers(t, env, "show", ids[0]); !strings.Contains(r.stdout, "Full text: stored, ") || !strings.Contains(r.stdout, "papers read "+ids[0]) {
		t.Errorf("show of a stored text:\n%s", r.stdout)
	}
	if r := papers(t, env, "show", ids[1]); !strings.Contains(r.stdout, "Full text: not stored · papers fetch "+ids[1]) {
		t.Errorf("show without a text:\n%s", r.stdout)
	}
}

// TestFetchJSON: fetch --json says what was fetched and, for each paper
// not fetched, why; offline, the papers not asked for point at the first.
func TestFetchJSON(t *testing.T) {
	_, env, ids := syncedWithTexts(t, 3)
	type report struct {
		Fetched       int  `json:"fetched"`
		AlreadyStored int  `json:"already_stored"`
		Failed        int  `json:"failed"`
		Offline       bool `json:"offline"`
		Failures      []struct {
			ID, Error, Reason string
		} `json:"failures"`
	}
	var rep report
	r := papers(t, env, "fetch", ids[0], "--json")
	mustUnmarshal(t, []byte(r.stdout), &rep)
	if r.code != 0 || rep.Fetched != 1 || rep.Failed != 0 || rep.Offline || rep.Failures == nil {
		t.Errorf("fetch --json: exit %d, %+v\n%s", r.code, rep, r.stdout)
	}
	offline := append(env, "PAPERS_API_URL=http://127.0.0.1:1")
	r = papers(t, offline, "fetch", ids[0], ids[1], ids[2], "--json")
	rep = report{}
	mustUnmarshal(t, []byte(r.stdout), &rep)
	if r.code != 1 || rep.AlreadyStored != 1 || rep.Failed != 2 || !rep.Offline || len(rep.Failures) != 2 {
		t.Fatalf("offline fetch --json: exit %d, %+v\n%s", r.code, rep, r.stdout)
	}
	first, rest := rep.Failures[0], rep.Failures[1]
	if first.ID != ids[1] || !strings.HasPrefix(first.Reason, "connection refused") ||
		rest.ID != ids[2] || rest.Error != "not fetched: the feed could not be reached (see "+ids[1]+")" || rest.Reason != first.Reason {
		t.Errorf("offline failures: %+v", rep.Failures)
	}
}

// TestFetchOfAPaperNotInTheLibrary: a named paper the library does not
// hold is a named failure, and no text is stored for it (read and show
// would disagree about whether it exists); the others are fetched.
func TestFetchOfAPaperNotInTheLibrary(t *testing.T) {
	srv, env, ids := syncedWithTexts(t, 2)
	const stranger = "2501.00001"
	srv.SetText(stranger, feedtest.PaperText(stranger, 10))
	r := papers(t, env, "fetch", "--json", stranger, ids[0])
	var sum fetchSummary
	mustUnmarshal(t, []byte(r.stdout), &sum)
	if r.code != 1 || sum.Fetched != 1 || sum.Failed != 1 || len(sum.Failures) != 1 || sum.Failures[0].ID != stranger ||
		!strings.Contains(sum.Failures[0].Error, "no such paper in the library") || !strings.Contains(r.stderr, stranger) {
		t.Errorf("fetch of a paper not in the library: exit %d %+v %q", r.code, sum, r.stderr)
	}
	if r := papers(t, env, "read", stranger); r.code == 0 || strings.Contains(r.stdout, "#") {
		t.Errorf("read of the stranger: exit %d\n%s", r.code, r.stdout)
	}
	if sum.Failures[0].Reason != "not in the library" {
		t.Errorf("reason of the stranger: %q", sum.Failures[0].Reason)
	}
}

// TestFetchCountsAMalformedIDAsFailed: what is no paper id is one of the
// summary's failures, with its reason, as an id the library lacks is.
func TestFetchCountsAMalformedIDAsFailed(t *testing.T) {
	_, env, ids := syncedWithTexts(t, 1)
	r := papers(t, env, "fetch", "--json", "foo", ids[0])
	var sum fetchSummary
	mustUnmarshal(t, []byte(r.stdout), &sum)
	if r.code != 1 || sum.Fetched != 1 || sum.Failed != 1 || len(sum.Failures) != 1 ||
		sum.Failures[0].ID != "foo" || sum.Failures[0].Reason != "not a paper id" {
		t.Errorf("fetch foo ID: exit %d %+v", r.code, sum)
	}
}

// TestFetchDiscussionOfAPaperWithoutText: --discussion stores the
// discussion of a paper HF has no text of (a 404), and says how many it
// stored.
func TestFetchDiscussionOfAPaperWithoutText(t *testing.T) {
	srv, env, ids := syncedWithTexts(t, 2)
	srv.FailNext("text:"+ids[1], func(w http.ResponseWriter, r *http.Request) { http.NotFound(w, r) })
	srv.SetPaper(ids[1], []byte(`{"id":"`+ids[1]+`","comments":[{"id":"c1","createdAt":"2026-01-01T00:00:00Z","author":{"name":"alice"},"data":{"latest":{"raw":"Where is the code?"}}}]}`))
	r := papers(t, env, "fetch", "--discussion", "--json", ids[1])
	var sum struct {
		Failed      int `json:"failed"`
		Discussions int `json:"discussions"`
	}
	if err := json.Unmarshal([]byte(r.stdout), &sum); err != nil || r.code != 1 || sum.Failed != 1 || sum.Discussions != 1 {
		t.Fatalf("fetch --discussion: exit %d, %+v %v\n%s", r.code, sum, err, r.stderr)
	}
	r = papers(t, append(env, "PAPERS_API_URL=http://127.0.0.1:1"), "show", ids[1])
	if !strings.Contains(r.stdout, "Where is the code?") {
		t.Errorf("show lacks the discussion:\n%s", r.stdout)
	}
}

// TestA404IsRememberedPastTheRun: a paper Hugging Face has no text of
// says so in show after the fetch that asked, with the day it was asked,
// until its text comes.
func TestA404IsRememberedPastTheRun(t *testing.T) {
	srv, env, ids := syncedWithTexts(t, 2)
	srv.FailNext("text:"+ids[1], func(w http.ResponseWriter, r *http.Request) { http.NotFound(w, r) })
	if r := papers(t, env, "fetch", ids[1]); r.code != 1 {
		t.Fatalf("fetch of a 404: exit %d %s", r.code, r.stderr)
	}
	offline := append(env, "PAPERS_API_URL=http://127.0.0.1:1")
	r := papers(t, offline, "show", ids[1])
	if !strings.Contains(r.stdout, "Full text: not stored; Hugging Face had none when asked on "+time.Now().UTC().Format(time.DateOnly)) {
		t.Errorf("show after a 404:\n%s", r.stdout)
	}
	if r := papers(t, env, "fetch", ids[1]); r.code != 0 {
		t.Fatalf("fetch once HF has it: exit %d %s", r.code, r.stderr)
	}
	if r := papers(t, offline, "show", ids[1]); !strings.Contains(r.stdout, "Full text: stored") {
		t.Errorf("show once stored:\n%s", r.stdout)
	}
}

// TestRefreshKeepsTheStoredTextOverAWorseAnswer: `fetch --refresh` that
// gets HF's short fallback for a paper whose arXiv text is stored keeps
// the stored text, says so, and counts it as stored, not fetched.
func TestRefreshKeepsTheStoredTextOverAWorseAnswer(t *testing.T) {
	srv, env, ids := syncedWithTexts(t, 3)
	if r := papers(t, env, "fetch", ids[0]); r.code != 0 {
		t.Fatalf("fetch: %d %s", r.code, r.stderr)
	}
	srv.SetText(ids[0], "Title: x\n\nURL Source: https://huggingface.co/papers/"+ids[0]+"\n\nMarkdown Content:\nJust the abstract.\n")
	r := papers(t, env, "fetch", "--refresh", ids[0])
	if r.code != 0 || !strings.Contains(r.stderr, "kept the stored text") || !strings.Contains(r.stderr, "fetched 0 full texts, 1 already stored, 0 failed") {
		t.Errorf("refresh: %d %q", r.code, r.stderr)
	}
	r = papers(t, env, "read", ids[0])
	if r.code != 0 || !strings.Contains(r.stdout, "1 Introduction") || strings.Contains(r.stdout, "Just the abstract") {
		t.Errorf("read after refresh: %d %.300q", r.code, r.stdout)
	}
}
