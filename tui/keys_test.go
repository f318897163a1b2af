package tui

import (
	"context"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/papertui/papers/store"
)

// TestPaperKeysWorkInEveryPane: the keys that act on the paper act on
// the selected one wherever it is selected.
func TestPaperKeysWorkInEveryPane(t *testing.T) {
	lib := newTestLibrary(t)
	hs := newHarness(t, lib, 160, 48)
	hs.keys("a") // from the list, beside the detail
	if !hs.m.detail.allAuthors || !hs.m.detail.shown.allAuthors {
		t.Error("a in the list did not show all authors")
	}
	hs.keys("b", "3", "enter", "x") // done from a detail opened from the queue
	assertQueue(t, lib)
	if rec := record(t, lib, "2510.00001"); !rec.Read || rec.Queued {
		t.Errorf("x in the detail: %+v", rec)
	}
	hs.keys("esc", "1", "j", "b", "x") // done from the list
	assertQueue(t, lib)
}

// TestKeysThatCannotActSayWhy: no key is silently ignored.
func TestKeysThatCannotActSayWhy(t *testing.T) {
	hs := newHarness(t, newTestLibrary(t), 160, 48)
	for _, c := range []struct{ key, says string }{
		{"x", "not in the queue"},
		{"K", "reorder the queue"},
		{"]", "press v"},
		{"n", "press / to search"},
	} {
		hs.keys(c.key)
		if !strings.Contains(hs.m.notice, c.says) {
			t.Errorf("%s says %q, want %q", c.key, hs.m.notice, c.says)
		}
	}
	empty := newHarness(t, emptyLibrary(t), 100, 24)
	empty.keys("o")
	if !strings.Contains(empty.m.notice, "no paper selected") {
		t.Errorf("o on an empty list says %q", empty.m.notice)
	}
}

// TestStatesReadWithoutColour: with NO_COLOR, read, unread and queued
// rows differ by a glyph, in the list and in the queue.
func TestStatesReadWithoutColour(t *testing.T) {
	lib := newTestLibrary(t)
	must(t, lib.SetRead(context.Background(), true, "2510.00004"))
	must(t, lib.Enqueue(context.Background(), "2510.00004", "2510.00005"))
	hs := &harness{t: t, m: testModel(Options{Library: lib, Style: "dark", NoColor: true})}
	hs.run(hs.m.Init())
	hs.send(sizeMsg(200, 40))
	line := func(title string) string {
		for _, l := range strings.Split(hs.screen(), "\n") {
			if i := strings.Index(l, title); i >= 0 && strings.Contains(l[:i], "▲") {
				_, after, _ := strings.Cut(l, "│")
				return after
			}
		}
		t.Fatalf("no line holds %q", title)
		return ""
	}
	read, unread := line("Diffusion Models"), line("Retrieval Is All")
	if !strings.HasPrefix(read, "●"+readMark) || !strings.HasPrefix(unread, "  ") {
		t.Errorf("read %q and unread %q rows start alike", read, unread)
	}
	if !strings.Contains(hs.screen(), " 1."+readMark+" Diffusion") || !strings.Contains(hs.screen(), " 2.  A Benchmark") {
		t.Errorf("queue rows do not mark the read paper:\n%s", hs.screen())
	}
}

// TestActionTable: every action has a unique dotted name and keys, and
// the keymaps take their keys from the table, so a remapped table
// remaps the reader.
func TestActionTable(t *testing.T) {
	seen := map[string]bool{}
	for _, a := range Actions() {
		if !strings.Contains(a.Name, ".") || seen[a.Name] || len(a.Keys) == 0 || a.Desc == "" {
			t.Errorf("action %+v: want a new dotted name, keys and a description", a)
		}
		seen[a.Name] = true
	}
	table := Actions()
	for i := range table {
		if table[i].Name == "list.bottom" {
			table[i].Keys = []string{"Z"}
		}
	}
	hs := newHarness(t, newTestLibrary(t), 160, 48)
	remapped := keyMapFrom(table)
	hs.m.keys = &remapped
	hs.keys("G")
	if hs.m.list.cursor != 0 {
		t.Errorf("G still moves the list after list.bottom was remapped")
	}
	hs.keys("Z")
	if hs.m.list.cursor != hs.m.list.count()-1 {
		t.Errorf("Z (list.bottom) left the cursor on %d", hs.m.list.cursor)
	}
}

// TestListKeysNeedTheList: in one-pane mode a key of the list's pressed
// while the detail or the queue is shown changes nothing it cannot show
// and says where it works; beside the list it acts.
func TestListKeysNeedTheList(t *testing.T) {
	lib := newTestLibrary(t)
	unread := func() int {
		n := 0
		for _, papers := range fixturePapers() {
			for _, p := range papers {
				if !record(t, lib, p.ID).Read {
					n++
				}
			}
		}
		return n
	}
	before := unread()
	hs := newHarness(t, lib, 100, 24) // one pane at a time
	ctrlR := tea.KeyPressMsg{Code: 'r', Mod: tea.ModCtrl}
	for _, p := range []string{"2", "3"} {
		for _, k := range []string{"c", "C", "v", "s", "[", "]", "t", "w", "u", "ctrl+r"} {
			hs.keys(p)
			if k == "ctrl+r" {
				hs.send(ctrlR)
			} else {
				hs.keys(k)
			}
			m := hs.m
			switch {
			case !strings.Contains(m.notice, "works in the list: press 1"):
				t.Errorf("%s in pane %s says %q", k, p, m.notice)
			case m.sort != store.SortNewest || m.period.kind != periodAll || m.unreadOnly || m.daily.newOnly ||
				m.daily.modal.open():
				t.Errorf("%s in pane %s changed the hidden list: sort %v, period %v, unread only %v, new only %v, modal %v",
					k, p, m.sort, m.period.kind, m.unreadOnly, m.daily.newOnly, m.daily.modal.open())
			case unread() != before:
				t.Errorf("%s in pane %s marked papers read", k, p)
			}
		}
	}
	hs.keys("1", "c") // the list shown: c acts
	if unread() == before {
		t.Error("c in the list marked nothing read")
	}
	wide := newHarness(t, newTestLibrary(t), 160, 48)
	wide.keys("2", "s") // beside the list, from the detail
	if wide.m.sort == store.SortNewest {
		t.Error("s from the detail beside the list did not sort it")
	}
}

// TestReaderKeysSayWhereTheyWork: the reading pane's own keys pressed in
// another pane say where they work, and a user's binding of one of them
// in that pane still acts there.
func TestReaderKeysSayWhereTheyWork(t *testing.T) {
	hs := newHarness(t, newTestLibrary(t), 160, 48)
	for _, c := range []struct{ pane, key, says string }{
		{"1", "T", "T (outline: jump to a section) works when reading: press R"},
		{"2", "f", "f (open the figure in view) works when reading: press R"},
		{"3", "}", "} (next section) works when reading: press R"},
		{"1", "{", "{ (previous section) works when reading: press R"},
	} {
		hs.keys(c.pane, c.key)
		if !strings.Contains(hs.m.notice, c.says) {
			t.Errorf("%s in pane %s says %q, want %q", c.key, c.pane, hs.m.notice, c.says)
		}
	}

	user := map[string][]string{"list.down": {"down", "j", "f"}, "list.up": {"up", "k", "K"}, "queue.down": {"down", "j", "}"}}
	if _, problems := Bind(user); len(problems) > 0 {
		t.Fatalf("the bindings have problems: %v", problems)
	}
	bound := &harness{t: t, m: testModel(Options{Library: newTestLibrary(t), Style: "dark", Keys: user})}
	bound.run(bound.m.Init())
	bound.send(sizeMsg(160, 48))
	bound.keys("f")
	if bound.m.list.cursor != 1 || strings.Contains(bound.m.notice, "works when reading") {
		t.Errorf("f bound to list.down: cursor %d, notice %q", bound.m.list.cursor, bound.m.notice)
	}
	bound.keys("}") // not the list's: the hint
	if !strings.Contains(bound.m.notice, "works when reading") {
		t.Errorf("} in the list says %q", bound.m.notice)
	}
	bound.keys("K") // the queue's K, bound to list.up here too
	if bound.m.list.cursor != 0 || strings.Contains(bound.m.notice, "reorder the queue") {
		t.Errorf("K bound to list.up: cursor %d, notice %q", bound.m.list.cursor, bound.m.notice)
	}
}
