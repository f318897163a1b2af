package tui

import (
	"context"
	"fmt"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/papertui/papers/feed"
	"github.com/papertui/papers/feed/feedtest"
)

// TestHintsFollowRemappedKeys: the hints that name a key (in the status
// bar, the detail, the outline, the help, the advice on a missing text)
// name the key as the config bound it, not the default.
func TestHintsFollowRemappedKeys(t *testing.T) {
	lib := newTestLibrary(t)
	many := feed.Paper{ID: "2510.00009", Title: "Many Hands", Day: "2025-10-03"}
	for i := range 12 {
		many.Authors = append(many.Authors, feed.Author{Name: fmt.Sprintf("Author %d", i)})
	}
	_, err := lib.SaveDay(context.Background(), "2025-10-03", []feed.Paper{many})
	must(t, err)
	storeText(t, lib, "2510.00001", feedtest.PaperText("2510.00001", 5))
	user := map[string][]string{"daily.undo": {"Z"}, "queue.toggle": {"Q"}, "outline.jump": {"l"},
		"daily.follow": {"ctrl+f"}, "search.remote": {"ctrl+g"}, "reader.open": {"W"}, "detail.open": {"O"},
		"detail.authors": {"A"}}
	if _, problems := Bind(user); len(problems) > 0 {
		t.Fatalf("the bindings have problems: %v", problems)
	}
	client := feed.NewClient(feedtest.New(t).URL) // asked nothing: no search to ask for
	hs := &harness{t: t, m: testModel(Options{Library: lib, Remote: client, Style: "dark", Keys: user})}
	hs.run(hs.m.Init())
	hs.send(sizeMsg(160, 48))
	detail := func() string {
		return strings.Join(strings.Fields(ansi.Strip(strings.Join(hs.m.detail.vp.lines, " "))), " ")
	}
	says := func(what, want string) {
		t.Helper()
		if !strings.Contains(hs.m.notice, want) {
			t.Errorf("%s says %q, want %q", what, hs.m.notice, want)
		}
	}

	if !strings.Contains(detail(), "(A shows all)") {
		t.Errorf("the detail's cut authors do not name A:\n%s", detail())
	}
	hs.keys("x")
	says("x on a paper not queued", "(Q queues it)")
	hs.send(tea.KeyPressMsg{Code: 'f', Mod: tea.ModCtrl})
	says("ctrl+f without a search", "/ searches, then ctrl+f follows it")
	hs.send(tea.KeyPressMsg{Code: 'g', Mod: tea.ModCtrl})
	says("ctrl+g without a search", "/ then ctrl+g")
	hs.keys("c")
	says("c", "(Z undoes)")
	hs.keys("?")
	hs.requireScreen("Reading pane (W, or O on the detail)", "outline: go to the section chosen")
	hs.keys("esc", "j")
	if !strings.Contains(detail(), "Full text stored: W (or O here) reads the whole paper") {
		t.Errorf("the detail's foot does not name W and O:\n%s", detail())
	}
	hs.keys("W", "T")
	hs.requireScreen("Outline: l jumps, esc closes")
	hs.keys("G", "enter")
	if !hs.m.reader.outline {
		t.Error("enter still jumps from the outline after outline.jump was bound to l")
	}
	hs.keys("l")
	if hs.m.reader.outline || hs.m.reader.currentSection() == 0 {
		t.Errorf("l did not jump to the last section: outline %v, section %d", hs.m.reader.outline, hs.m.reader.currentSection())
	}
	hs.keys("esc", "j", "W")
	if !strings.Contains(hs.m.readerMissing(), "queue it with Q") {
		t.Errorf("the advice on a missing text says %q", hs.m.readerMissing())
	}
}

// TestTabBarNamesRemappedPaneKeys: one pane at a time, the tab bar names
// the keys that switch panes as the config bound them, and none for a
// pane whose key was unbound.
func TestTabBarNamesRemappedPaneKeys(t *testing.T) {
	lib := newTestLibrary(t)
	user := map[string][]string{"pane.list": {"!"}, "pane.detail": {"@"}, "pane.queue": {}}
	hs := &harness{t: t, m: testModel(Options{Library: lib, Style: "dark", Keys: user})}
	hs.run(hs.m.Init())
	hs.send(sizeMsg(100, 30))
	bar := ansi.Strip(hs.m.tabBar())
	if !strings.Contains(bar, "! Papers") || !strings.Contains(bar, "@ Detail") || strings.Contains(bar, "3 Queue") || !strings.Contains(bar, "Queue") {
		t.Errorf("tab bar %q", bar)
	}
}

// TestEmptyQueueKeepsTheDetail: in three columns, focusing an empty queue
// leaves the list's paper in the detail; it used to say "loading…" until
// the list had the focus again.
func TestEmptyQueueKeepsTheDetail(t *testing.T) {
	lib := newTestLibrary(t)
	hs := &harness{t: t, m: testModel(Options{Library: lib, Style: "dark"})}
	hs.run(hs.m.Init())
	hs.send(sizeMsg(200, 40))
	hs.keys("3")
	if hs.m.focus != paneQueue {
		t.Fatalf("focus %v", hs.m.focus)
	}
	if s := hs.screen(); strings.Contains(s, "loading…") || !strings.Contains(hs.flatDetail(), "Abstract") {
		t.Errorf("the detail with an empty queue focused:\n%s", s)
	}
}
