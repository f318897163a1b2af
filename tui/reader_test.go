package tui

import (
	"context"
	"github.com/papertui/papers/tui/fulltext"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"

	"github.com/papertui/papers/feed"
	"github.com/papertui/papers/feed/feedtest"
	"github.com/papertui/papers/store"
)

// storeText stores a full text for a paper of the test library.
func storeText(t testing.TB, lib *store.Store, id, body string) {
	t.Helper()
	ft, err := feed.ParseFullText(id, []byte(body), 0)
	must(t, err)
	must(t, lib.PutText(context.Background(), ft, time.Date(2026, 11, 30, 0, 0, 0, 0, time.UTC)))
}

// readerHarness is the test library with a full-length paper (about 90
// KB) stored for the first paper, read at w × h.
func readerHarness(t testing.TB, w, h int) (*harness, *store.Store) {
	lib := newTestLibrary(t)
	storeText(t, lib, "2510.00001", feedtest.PaperText("2510.00001", 20))
	return newHarness(t, lib, w, h), lib
}

// TestReaderReadsTheWholePaper: R opens the paper's whole text, rendered;
// } and { step through its sections, the outline jumps to one, / finds a
// word with its hits marked and n/N step through them, and esc goes back
// to the pane it came from.
func TestReaderReadsTheWholePaper(t *testing.T) {
	hs, lib := readerHarness(t, 160, 48)
	hs.keys("R")
	r := hs.m.reader
	if !r.open || !r.complete || r.doc == nil || len(r.doc.outline) < 20 {
		t.Fatalf("R did not open the whole paper: open %v complete %v", r.open, r.complete)
	}
	// Reading the whole paper from the list reads it, as its detail does.
	if rec, err := lib.Record(context.Background(), "2510.00001"); err != nil || !rec.Read {
		t.Errorf("R from the list left the paper unread (%v)", err)
	}
	if row, _ := hs.m.list.rowByID("2510.00001"); !row.Read {
		t.Error("the list does not show the paper read after R")
	}
	hs.requireScreen("Reading 2510.00001", "A Study of 2510.00001 Reasoning", "Abstract")
	if strings.Contains(hs.screen(), "italic_k") || strings.Contains(hs.screen(), "arxiv.org/html") {
		t.Errorf("the converter's noise reached the pane:\n%s", hs.screen())
	}

	// The text before the first heading (the authors) is no section of
	// the outline: the first } goes to the first heading (Abstract), and
	// { from there back to the top.
	pre := hs.m.reader.doc.pre
	if pre != 2 {
		t.Fatalf("the test paper has text before its first heading: pre %d, want 2", pre)
	}
	hs.keys("}")
	if sec := hs.m.reader.position().Section; sec != pre || hs.m.reader.offset != hs.m.reader.lines.starts[pre] {
		t.Errorf("} from the top put the view at line %d, section %d; want the first heading's, section %d", hs.m.reader.offset, sec, pre)
	}
	hs.keys("{")
	if hs.m.reader.offset != 0 {
		t.Errorf("{ from the first heading put the view at line %d; want the top", hs.m.reader.offset)
	}
	hs.keys("{")
	if hs.m.reader.offset != 0 || !strings.Contains(hs.m.notice, "no section above") {
		t.Errorf("{ at the top: line %d, status %q", hs.m.reader.offset, hs.m.notice)
	}
	hs.keys("}", "}", "}")
	sec := hs.m.reader.position().Section
	if hs.m.reader.offset != hs.m.reader.lines.starts[sec] || sec != pre+2 {
		t.Errorf("three } put the view at line %d, section %d; want the start of section %d", hs.m.reader.offset, sec, pre+2)
	}
	hs.keys("j", "{")
	if hs.m.reader.position().Section != pre+2 || hs.m.reader.position().Within != 0 {
		t.Errorf("{ inside a section goes back to its start: %+v", hs.m.reader.position())
	}
	hs.keys("]", "[", "[")
	if got := hs.m.reader.position().Section; got != pre+1 {
		t.Errorf("] [ [ from section %d ends in section %d, want %d", pre+2, got, pre+1)
	}

	hs.keys("T")
	hs.requireScreen("Outline", "Introduction", "Conclusion")
	hs.keys("G", "enter")
	last := hs.m.reader.doc.pre + len(hs.m.reader.doc.outline) - 1
	if hs.m.reader.outline || hs.m.reader.offset < hs.m.reader.lines.starts[last]-hs.m.reader.height {
		t.Errorf("the outline's last entry did not jump to it: offset %d, section at %d", hs.m.reader.offset, hs.m.reader.lines.starts[last])
	}

	hs.keys("g", "/", "b", "a", "s", "e", "l", "i", "n", "e", "enter")
	s := hs.m.reader.search
	if s.typing || len(s.hits) < 10 || s.hit != 1 {
		t.Fatalf("search for baseline: typing %v, %d hits, at %d", s.typing, len(s.hits), s.hit)
	}
	if !s.isHit[s.hits[0]] || !strings.Contains(hs.m.View().Content, hs.m.st.pHighlight.pre+"baseline") &&
		!strings.Contains(hs.m.View().Content, hs.m.st.pHighlight.pre+"Baseline") {
		t.Error("the hit in view is not marked")
	}
	hs.keys("n", "n", "N")
	if hs.m.reader.search.hit != 2 || hs.m.reader.offset != s.hits[1]-hitContext {
		t.Errorf("n n N: at hit %d, offset %d", hs.m.reader.search.hit, hs.m.reader.offset)
	}
	hs.requireScreen("/baseline 2/")

	hs.keys("esc") // the hits go first
	if !hs.m.reader.open || hs.m.reader.search.query != "" || strings.Contains(hs.m.View().Content, hs.m.st.pHighlight.pre) {
		t.Errorf("esc with hits marked: reader open %v, query %q", hs.m.reader.open, hs.m.reader.search.query)
	}
	hs.keys("esc")
	if hs.m.reader.open || hs.m.focus != paneList {
		t.Errorf("esc: reader open %v, focus %v", hs.m.reader.open, hs.m.focus)
	}
}

// TestReaderRemembersWhereYouStopped: closing the pane writes the
// position, reopening opens there (at another width too), and the queue
// shows how much was read.
func TestReaderRemembersWhereYouStopped(t *testing.T) {
	hs, lib := readerHarness(t, 160, 48)
	hs.keys("b", "R", "}", "}", "}", "}", "}", "j", "j")
	want := hs.m.reader.position()
	hs.keys("esc")
	at, ok, err := lib.Reading(context.Background(), "2510.00001")
	if !ok || err != nil || at.Section != want.Section || at.Within != want.Within || at.Percent == 0 {
		t.Fatalf("stored %+v, %v, %v; want %+v with a percentage", at, ok, err, want)
	}
	hs.keys("3")
	hs.requireScreen("%")
	hs.keys("1", "enter", "enter") // the detail, then the whole paper
	if got := hs.m.reader.position(); got.Section != want.Section || got.Within != want.Within {
		t.Errorf("reopened at %+v, want %+v", got, want)
	}
	hs.keys("esc")
	hs.send(sizeMsg(80, 24))
	hs.keys("R")
	if got := hs.m.reader.position().Section; got != want.Section {
		t.Errorf("reopened at 80 columns in section %d, want %d", got, want.Section)
	}
}

// TestReaderWithoutText says the paper has no text and how to get it:
// online it is fetched at once, offline it comes with the next sync.
func TestReaderWithoutText(t *testing.T) {
	hs, _ := readerHarness(t, 100, 30)
	hs.keys("j", "R")
	hs.requireScreen("No full text stored for 2510.00002", "offline", "papers fetch")
	if !strings.Contains(hs.m.readerMissing(), "comes with the next sync") {
		t.Errorf("offline, the pane says %q", hs.m.readerMissing())
	}

	srv := feedtest.New(t)
	srv.SetText("2510.00002", feedtest.PaperText("2510.00002", 3))
	client := feed.NewClient(srv.URL)
	client.Pace = nil
	lib := newTestLibrary(t)
	online := &harness{t: t, m: testModel(Options{Library: lib, Style: "dark", Texts: client})}
	online.run(online.m.Init())
	online.send(sizeMsg(100, 30))
	online.keys("j", "R")
	if !online.m.reader.complete {
		t.Fatalf("the missing text was not fetched and shown:\n%s", online.screen())
	}
	online.requireScreen("A Study of 2510.00002 Reasoning")
}

// onlineHarness is a reader at 160×48 that syncs and fetches texts from
// srv, unpaced.
func onlineHarness(t *testing.T, lib Library, srv *feedtest.Server) *harness {
	t.Helper()
	client := feed.NewClient(srv.URL)
	client.Pace = nil
	hs := &harness{t: t, m: testModel(Options{Library: lib, Style: "dark", Texts: client, Fetcher: client})}
	hs.run(hs.m.Init())
	hs.send(sizeMsg(160, 48))
	return hs
}

// TestQueueingFetchesTheText: b fetches the paper's text in the
// background, and a sync fetches every queued paper still missing one;
// offline, the reader says they will come with the next sync.
func TestQueueingFetchesTheText(t *testing.T) {
	srv := feedtest.New(t)
	for _, id := range []string{"2510.00001", "2510.00004", "2510.00005"} {
		srv.SetText(id, feedtest.PaperText(id, 3))
	}
	lib := newTestLibrary(t)
	must(t, lib.Enqueue(context.Background(), "2510.00004", "2510.00005"))
	hs := onlineHarness(t, lib, srv)
	hs.keys("b")
	if _, err := lib.Text(context.Background(), "2510.00001"); err != nil {
		t.Fatalf("b did not fetch the text: %v", err)
	}
	hs.keys("r")
	missing, err := lib.QueuedWithoutText(context.Background())
	if err != nil || len(missing) != 0 {
		t.Fatalf("after a sync, queued papers without text: %v, %v", missing, err)
	}
	hs.keys("b", "b") // out of the queue and back: its text is stored already
	if strings.Contains(hs.m.notice, "fetched") {
		t.Errorf("b on a paper with its text stored says %q", hs.m.notice)
	}
	srv.Close()
	hs.keys("j", "b") // offline now
	if !hs.m.texts.offline || !strings.Contains(hs.m.notice, "next sync") {
		t.Errorf("offline fetch: offline %v, says %q", hs.m.texts.offline, hs.m.notice)
	}
}

// TestReaderHostileText: escapes of every kind, javascript: and file:
// links, NUL and invalid UTF-8 in a text never reach the terminal raw.
func TestReaderHostileText(t *testing.T) {
	lib := newTestLibrary(t)
	body := "Title: Evil \x1b]52;c;ZXZpbA==\x07Paper\n\nURL Source: https://arxiv.org/html/2510.00001\n\nMarkdown Content:\n" +
		"## 1 Intro\x1b[2J\n\nText \x1b[31mred\x1b[0m, \x9b31m C1, \x1bP+q\x1b\\ DCS, \x00 NUL, \xff\xfe bad, " +
		"[click](javascript:alert(1)) and [file](file:///etc/passwd) <script>alert(1)</script> \x1b]8;;https://evil.example\x07link\x1b]8;;\x07.\n\n" +
		"![Image 1: x](javascript:alert(1))\n\nFigure 1: Evil \x1b[5mfigure.\n\n" + strings.Repeat("long ", 20000) + "\n"
	storeText(t, lib, "2510.00001", body)
	hs := newHarness(t, lib, 120, 40)
	hs.keys("R", "G", "g", "f")
	out := regexp.MustCompile(`\x1b\[[0-9;:]*m`).ReplaceAllString(hs.m.View().Content, "")
	for _, bad := range []string{"\x1b", "\x07", "\x00", "\u009b", "javascript:", "file:"} {
		if strings.Contains(out, bad) {
			t.Errorf("the pane shows %q raw", bad)
		}
	}
	if strings.Contains(hs.m.notice, "javascript") {
		t.Errorf("f offered a javascript: link: %q", hs.m.notice)
	}
}

// TestReaderAtEveryWidth: the pane draws exact lines from 60 to 250
// columns, the outline and a search included.
func TestReaderAtEveryWidth(t *testing.T) {
	lib := newTestLibrary(t)
	storeText(t, lib, "2510.00001", feedtest.PaperText("2510.00001", 4))
	hs := newHarness(t, lib, 160, 48)
	hs.keys("R")
	for _, keys := range [][]string{{"}"}, {"T"}, {"esc", "/", "m", "o", "d", "e", "l", "enter"}} {
		hs.keys(keys...)
		for _, w := range []int{60, 61, 80, 99, 121, 160, 199, 250} {
			for _, h := range []int{minHeight, 24, 48} {
				hs.send(sizeMsg(w, h))
				lines := strings.Split(hs.screen(), "\n")
				if len(lines) != h {
					t.Errorf("%v at %d×%d: %d lines", keys, w, h, len(lines))
				}
				for i, line := range lines {
					if got := ansi.StringWidth(line); got != w {
						t.Errorf("%v at %d×%d: line %d is %d cells: %q", keys, w, h, i, got, line)
						break
					}
				}
			}
		}
	}
}

// TestDetailShowsTheStoredDiscussion: the detail ends with the stored
// discussion, threaded, and the linked repositories, hostile comment text
// made harmless; and says whether the whole text is stored.
func TestDetailShowsTheStoredDiscussion(t *testing.T) {
	lib := newTestLibrary(t)
	d := feed.Discussion{ID: "2510.00001", Comments: []feed.Comment{{
		Author: "alice", Created: time.Date(2025, 10, 3, 0, 0, 0, 0, time.UTC), Text: "Great \x1b]52;c;ZXZpbA==\x07paper [x](javascript:alert(1))",
		Reactions: []feed.Reaction{{Name: "👍", Count: 3}},
		Replies:   []feed.Comment{{Author: "bob", Text: "Agreed, see the ablations."}},
	}}, Models: []feed.Repo{{ID: "example/sparse-7b", Downloads: 1200, Likes: 40}}, NumModels: 3}
	must(t, lib.PutDiscussion(context.Background(), d, time.Now()))
	hs := newHarness(t, lib, 160, 48)
	hs.keys("enter")
	hs.requireScreen("Discussion (2 comments)", "alice", "👍 3", "bob", "Agreed, see the ablations.", "Models (3)",
		"example/sparse-7b", "No full text stored for 2510.00001")
	out := regexp.MustCompile(`\x1b\[[0-9;:]*m`).ReplaceAllString(hs.m.View().Content, "")
	if strings.Contains(out, "\x1b]") || strings.Contains(out, "\x07") {
		t.Error("a comment's escape reached the terminal")
	}
	storeText(t, lib, "2510.00001", feedtest.PaperText("2510.00001", 2))
	again := newHarness(t, lib, 160, 48)
	again.keys("enter")
	again.requireScreen("Full text stored: R")
}

// TestReaderResizedWhileOpening: a resize before the first screen
// arrives renders for the new width, not the old.
func TestReaderResizedWhileOpening(t *testing.T) {
	hs, _ := readerHarness(t, 160, 48)
	next, cmd := hs.m.Update(keyMsg("R")) // the first screen's Cmd not run yet
	hs.m = next.(Model)
	hs.send(sizeMsg(90, 30))
	hs.run(cmd) // the stale answer, for 160 columns, is dropped
	if !hs.m.reader.complete || hs.m.reader.width != 88 {
		t.Fatalf("rendered for %d columns, want 88", hs.m.reader.width)
	}
	for i, line := range strings.Split(hs.screen(), "\n") {
		if w := ansi.StringWidth(line); w != 90 {
			t.Fatalf("line %d is %d cells, want 90", i, w)
		}
	}
}

// TestPOpensTheSavedPDF: p opens the PDF papers fetch --pdf saved, and
// arXiv's URL for a paper without one.
func TestPOpensTheSavedPDF(t *testing.T) {
	t.Setenv("BROWSER", "true")
	dir := t.TempDir()
	saved := filepath.Join(dir, "2510.00001.pdf")
	must(t, os.WriteFile(saved, []byte("%PDF-1.7"), 0o644))
	hs := &harness{t: t, m: testModel(Options{Library: newTestLibrary(t), Style: "dark", PDFDir: dir})}
	hs.run(hs.m.Init())
	hs.send(sizeMsg(160, 48))
	hs.keys("p")
	if hs.m.notice != "opened "+saved {
		t.Errorf("p with a saved PDF: %q", hs.m.notice)
	}
	hs.keys("j", "p")
	if hs.m.notice != "opened https://arxiv.org/pdf/2510.00002" {
		t.Errorf("p without one: %q", hs.m.notice)
	}
}

// TestSyncSummaryOutlivesTheTextsAfterIt: the fetches of queued texts a
// sync starts end in one line that keeps the sync's summary, naming the
// first failure once with its reason (a 404 used to replace the summary
// with "full text of X not fetched: fetch full text X: GET …").
func TestSyncSummaryOutlivesTheTextsAfterIt(t *testing.T) {
	srv := feedtest.New(t)
	srv.SetText("2510.00004", feedtest.PaperText("2510.00004", 3)) // 2510.00005 has none: 404
	lib := newTestLibrary(t)
	must(t, lib.Enqueue(context.Background(), "2510.00004", "2510.00005"))
	hs := onlineHarness(t, lib, srv)
	hs.keys("r")
	got := hs.m.notice
	for _, want := range []string{"synced", "fetched 1 of 2 full texts", "1 not fetched (2510.00005: not found"} {
		if !strings.Contains(got, want) {
			t.Errorf("status %q lacks %q", got, want)
		}
	}
	if strings.Count(got, "2510.00005") != 1 {
		t.Errorf("status %q names the failed paper more than once", got)
	}
}

// TestReaderSearchKeepsThePlace: each keystroke looks from where / was
// pressed, and esc or a query found nowhere puts the view back there (it
// stayed wherever a prefix had jumped, at the top from the paper's end).
func TestReaderSearchKeepsThePlace(t *testing.T) {
	hs, _ := readerHarness(t, 160, 48)
	hs.keys("R", "G")
	end := hs.m.reader.offset
	hs.keys("/", "b", "a", "s", "e")
	if hs.m.reader.offset == end {
		t.Fatal("typing a word with hits did not move to one")
	}
	hs.keys("q", "q", "q")
	if got := hs.m.reader.offset; got != end || len(hs.m.reader.search.hits) != 0 {
		t.Errorf("a query found nowhere left the view at %d (%d hits), want %d", got, len(hs.m.reader.search.hits), end)
	}
	hs.keys("esc", "/", "b", "a", "s", "e", "esc")
	if got := hs.m.reader.offset; got != end {
		t.Errorf("esc left the view at %d, want %d", got, end)
	}
}

// TestFigureKeyTakesOnlyAFigureOnScreen: f opens the figure on screen
// nearest its middle; one off screen is not taken (one half a screen
// below the last line was).
func TestFigureKeyTakesOnlyAFigureOnScreen(t *testing.T) {
	r := readerPane{doc: &readerDoc{figures: []fulltext.Figure{{Label: "Figure 1", URL: "https://x.example/1.png"},
		{Label: "Figure 2", URL: "https://x.example/2.png"}}}, height: 10}
	r.lines.figs = []int{14, 40}
	for offset, want := range map[int]string{0: "", 5: "Figure 1", 12: "Figure 1", 31: "Figure 2", 41: ""} {
		r.offset = offset
		fig, ok := r.figureInView()
		if got := map[bool]string{true: fig.Label}[ok]; got != want {
			t.Errorf("at line %d: %q, want %q", offset, got, want)
		}
	}
}

// TestReaderHitSurvivesAResize: after a resize the hit the reader was on
// is still the current one, in view, and n goes on forward from it (it
// went back, or skipped one). Its number may change: a hit is a line.
func TestReaderHitSurvivesAResize(t *testing.T) {
	hs, _ := readerHarness(t, 100, 30)
	hs.keys("R", "/", "t", "h", "e", "enter")
	for range 6 {
		hs.keys("n")
	}
	r := &hs.m.reader
	if r.search.hit < 5 {
		t.Fatalf("on hit %d after six n", r.search.hit)
	}
	place := r.lines.positionOf(r.search.hits[r.search.hit-1])
	for _, w := range []int{80, 130, 100} {
		hs.send(sizeMsg(w, 30))
		r = &hs.m.reader
		if r.search.hit == 0 {
			t.Fatalf("at %d columns no hit is current", w)
		}
		line, want := r.search.hits[r.search.hit-1], r.lines.lineOf(place)
		if line < want-2 || line > want+2 {
			t.Errorf("at %d columns the current hit is on line %d, want near %d", w, line, want)
		}
		if line < r.offset || line >= r.offset+r.height {
			t.Errorf("at %d columns the current hit (line %d) is out of view (%d…%d)", w, line, r.offset, r.offset+r.height)
		}
	}
	before := hs.m.reader.search.hits[hs.m.reader.search.hit-1]
	hs.keys("n")
	if after := hs.m.reader.search.hits[hs.m.reader.search.hit-1]; after <= before {
		t.Errorf("n after the resizes went from line %d to line %d", before, after)
	}
}

// TestReaderResizeLosingTheHits: a phrase found across two lines at one
// width spans more at a narrower one, where it is not found: the resize
// keeps the pane (it went out of range and crashed the reader).
func TestReaderResizeLosingTheHits(t *testing.T) {
	hs, _ := readerHarness(t, 160, 40)
	hs.keys("R")
	r := hs.m.reader
	var query string
	for i := 0; i+1 < len(r.lines.plain) && query == ""; i++ {
		a, b := strings.TrimSpace(r.lines.plain[i]), strings.TrimSpace(r.lines.plain[i+1])
		if len(a) > 90 && len(b) > 90 && !strings.ContainsAny(a+b, "│#>*|`") {
			query = a[len(a)-60:] + " " + b[:60]
		}
	}
	if query == "" {
		t.Fatal("no two long lines of prose")
	}
	hs.keys("/")
	hs.typeText(query)
	hs.keys("enter")
	if hs.m.reader.search.hit == 0 {
		t.Fatalf("%q not found at 160 columns", query)
	}
	hs.send(sizeMsg(60, 40))
	if !hs.m.reader.open {
		t.Error("the pane closed")
	}
}

// TestReaderTitleKeepsThePercent: in a narrow pane the reading title
// cuts the paper's title or section, and keeps where the reader is.
func TestReaderTitleKeepsThePercent(t *testing.T) {
	lib := newTestLibrary(t)
	body := feedtest.PaperText("2510.00001", 3)
	body = strings.Replace(body, "A Study of 2510.00001 Reasoning", "A Study of 2510.00001 Reasoning with Future-KL Influenced Policy Optimization", 1)
	storeText(t, lib, "2510.00001", body)
	hs := newHarness(t, lib, 60, 24)
	hs.keys("R") // at the top: the title names the paper, wider than the pane
	title := lineOf(t, hs, "Reading 2510.00001")
	if !strings.Contains(title, "…") || !regexp.MustCompile(`… · \d+%`).MatchString(title) {
		t.Errorf("the reading title at 60 columns: %q", title)
	}
}
