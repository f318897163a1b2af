package tui

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"charm.land/bubbles/v2/spinner"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/papertui/papers/feed"
	"github.com/papertui/papers/feed/synth"
	"github.com/papertui/papers/store"
)

// fixturePapers is the project's own small library: three feed days, a
// paper outside the feed, wide titles (CJK, emoji, combining marks) and a
// hostile one.
func fixturePapers() map[string][]feed.Paper {
	mk := func(id, title string, up, comments int, day, org string, authors ...string) feed.Paper {
		p := feed.Paper{ID: id, Title: title, Upvotes: up, Comments: comments, Day: day, Organization: org,
			Abstract:  "We present " + title + ". It uses $\\alpha$-scaled attention with $O(n^2)$ cost.\n\nA second paragraph.",
			Published: time.Date(2025, 10, 1, 0, 0, 0, 0, time.UTC), AISummary: "A short summary of " + title + ".",
			AIKeywords: []string{"attention", "scaling"}, GitHubRepo: "https://github.com/example/" + id, GitHubStars: 12}
		for _, a := range authors {
			p.Authors = append(p.Authors, feed.Author{Name: a})
		}
		return p
	}
	return map[string][]feed.Paper{
		"2025-10-02": {
			mk("2510.00001", "Sparse Attention at Scale", 120, 4, "2025-10-02", "Example Lab", "Ada Lovelace", "Alan Turing"),
			mk("2510.00002", "大規模言語モデルの推論 🧠 with Café Ñandú", 40, 1, "2025-10-02", "", "王伟", "José Núñez"),
			hostile(mk("2510.00003", "Evil \x1b[31mRed\x1b[0m \x1b]52;c;ZXZpbA==\x07Title\u202e", 3, 0, "2025-10-02", "Bad\x1b[2JOrg", "Mal\x1b[5mlory", "Eve\u2066")),
		},
		"2025-10-01": {
			mk("2510.00004", "Diffusion Models Without Noise Schedules", 77, 2, "2025-10-01", "", "Grace Hopper"),
			mk("2510.00005", "A Benchmark for Agents", 9, 0, "2025-10-01", "Agents Inc", "Barbara Liskov"),
		},
		"2025-09-30": {
			mk("2509.00006", "Retrieval Is All You Need", 55, 3, "2025-09-30", "", "Donald Knuth"),
		},
	}
}

// hostile fills the rest of a paper's text fields with escape sequences.
func hostile(p feed.Paper) feed.Paper {
	p.Abstract = "Abstract \u009b31m C1 \x1b[31mred\x1b[0m \x1bP+q\x1b\\ DCS \u200b hidden."
	p.AISummary = "Sum \x1b]8;;https://evil.example\x07link\x1b]8;;\x07"
	p.AIKeywords = []string{"kw\x1b[1m", "\u009d0;title\u009c"}
	p.GitHubRepo = "javascript:alert(1)"
	p.ProjectPage = "https://ok.example/\x1b[2J"
	return p
}

func newTestLibrary(t testing.TB) *store.Store {
	t.Helper()
	lib, err := store.Open(filepath.Join(t.TempDir(), "papers.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { lib.Close() })
	for day, papers := range fixturePapers() {
		if _, err := lib.SaveDay(context.Background(), day, papers); err != nil {
			t.Fatal(err)
		}
	}
	return lib
}

// harness drives a Model the way the Bubble Tea loop does, running each
// Cmd and feeding its message back until nothing is left to do.
type harness struct {
	t       testing.TB
	m       Model
	observe func(Model) // called after every message, when set
}

func newHarness(t testing.TB, lib Library, w, h int) *harness {
	t.Helper()
	hs := &harness{t: t, m: testModel(Options{Library: lib, Style: "dark"})}
	hs.run(hs.m.Init())
	hs.send(tea.WindowSizeMsg{Width: w, Height: h})
	return hs
}

func (hs *harness) send(msg tea.Msg) {
	hs.t.Helper()
	next, cmd := hs.m.Update(msg)
	hs.m = next.(Model)
	hs.run(cmd)
}

// run executes cmd and everything it leads to. Timers (spinner ticks) are
// skipped: they would only redraw.
func (hs *harness) run(cmd tea.Cmd) {
	hs.t.Helper()
	drain(hs.t, cmd, func(msg tea.Msg) tea.Cmd {
		switch msg.(type) {
		case spinner.TickMsg, themeTimedOut, watchDue:
			return nil
		}
		return hs.update(msg)
	})
}

// update hands msg to the model, shows the result to observe, and returns
// the command it led to.
func (hs *harness) update(msg tea.Msg) tea.Cmd {
	next, more := hs.m.Update(msg)
	hs.m = next.(Model)
	if hs.observe != nil {
		hs.observe(hs.m)
	}
	return more
}

// drain runs cmd, opening batches, and hands each message to handle; what
// handle returns runs next, until nothing is left.
func drain(t testing.TB, cmd tea.Cmd, handle func(tea.Msg) tea.Cmd) {
	t.Helper()
	queue := []tea.Cmd{cmd}
	for steps := 0; len(queue) > 0; steps++ {
		if steps > 10000 {
			t.Fatal("commands never settle")
		}
		c := queue[0]
		queue = queue[1:]
		if c == nil {
			continue
		}
		switch msg := runWithTimeout(t, c).(type) {
		case nil:
		case tea.BatchMsg:
			queue = append(queue, msg...)
		default:
			queue = append(queue, handle(msg))
		}
	}
}

// answers is the messages cmd and its batches give, not handed to the
// model.
func answers(t testing.TB, cmd tea.Cmd) []tea.Msg {
	var out []tea.Msg
	drain(t, cmd, func(msg tea.Msg) tea.Cmd {
		out = append(out, msg)
		return nil
	})
	return out
}

// synthLibrary is a library of n synthetic feed days.
func synthLibrary(t testing.TB, n int) *store.Store {
	t.Helper()
	lib, err := store.Open(filepath.Join(t.TempDir(), "papers.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { lib.Close() })
	var files []store.ImportFile
	for _, d := range synth.Days(n, 1, time.Date(2025, 1, 6, 0, 0, 0, 0, time.UTC)) {
		files = append(files, store.ImportFile{Name: d.Date, Day: d.Date, Read: func() ([]byte, error) { return d.Body, nil }})
	}
	if err := lib.Import(context.Background(), files, func(store.FileResult) {}); err != nil {
		t.Fatal(err)
	}
	return lib
}

// listText is the list pane's lines at 100 × 20, without colours.
func (hs *harness) listText() string {
	lines, _ := hs.m.paneContent(paneList, 100, 20)
	return ansi.Strip(strings.Join(lines, "\n"))
}

func runWithTimeout(t testing.TB, c tea.Cmd) tea.Msg {
	done := make(chan tea.Msg, 1)
	go func() { done <- c() }()
	select {
	case msg := <-done:
		return msg
	case <-time.After(5 * time.Second):
		t.Fatal("a command did not return within 5s")
		return nil
	}
}

func (hs *harness) keys(keys ...string) {
	hs.t.Helper()
	for _, k := range keys {
		hs.send(keyMsg(k))
	}
}

func keyMsg(k string) tea.KeyPressMsg {
	switch k {
	case "enter":
		return tea.KeyPressMsg{Code: tea.KeyEnter}
	case "esc":
		return tea.KeyPressMsg{Code: tea.KeyEscape}
	case "tab":
		return tea.KeyPressMsg{Code: tea.KeyTab}
	case "shift+tab":
		return tea.KeyPressMsg{Code: tea.KeyTab, Mod: tea.ModShift}
	case "ctrl+d":
		return tea.KeyPressMsg{Code: 'd', Mod: tea.ModCtrl}
	case "ctrl+u":
		return tea.KeyPressMsg{Code: 'u', Mod: tea.ModCtrl}
	case "pgdown":
		return tea.KeyPressMsg{Code: tea.KeyPgDown}
	case "pgup":
		return tea.KeyPressMsg{Code: tea.KeyPgUp}
	case "down":
		return tea.KeyPressMsg{Code: tea.KeyDown}
	case "up":
		return tea.KeyPressMsg{Code: tea.KeyUp}
	case "backspace":
		return tea.KeyPressMsg{Code: tea.KeyBackspace}
	}
	r := []rune(k)
	if len(r) != 1 {
		panic(fmt.Sprintf("keyMsg: unknown key %q", k))
	}
	return tea.KeyPressMsg{Code: r[0], Text: k}
}

// screen is the view without colours.
func (hs *harness) screen() string {
	return ansi.Strip(hs.m.View().Content)
}

func (hs *harness) selectedID() string {
	r, _ := hs.m.list.selected()
	return r.ID
}

func (hs *harness) requireScreen(want ...string) {
	hs.t.Helper()
	s := hs.screen()
	for _, w := range want {
		if !strings.Contains(s, w) {
			hs.t.Fatalf("screen lacks %q:\n%s", w, s)
		}
	}
}

func sizeMsg(w, h int) tea.WindowSizeMsg { return tea.WindowSizeMsg{Width: w, Height: h} }

func emptyLibrary(t testing.TB) *store.Store {
	lib, err := store.Open(filepath.Join(t.TempDir(), "empty.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { lib.Close() })
	return lib
}

// testModel is New with no timers: searches run at once and the library
// is watched only when a test says so.
func testModel(opts Options) Model {
	m := New(opts)
	m.search.debounce, m.watchEvery, m.fadeAfter, m.detailDelay, m.readerSaveAfter = 0, 0, 0, 0, 0
	m.frameWait = 0
	return m
}

// must fails the test on a setup error.
func must(t testing.TB, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

// record is a paper's record, failing the test when it cannot be read.
func record(t testing.TB, lib Library, id string) store.Record {
	t.Helper()
	rec, err := lib.Record(context.Background(), id)
	must(t, err)
	return rec
}
