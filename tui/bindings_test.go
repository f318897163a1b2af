package tui

import (
	"slices"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
)

// TestBindProblems: every problem a user's binding can have, by its
// exact message, against the action concerned.
func TestBindProblems(t *testing.T) {
	for _, c := range []struct {
		name   string
		user   map[string][]string
		action string
		msg    string
	}{
		{"unknown action", map[string][]string{"list.botom": {"e"}}, "list.botom", "no action is named list.botom"},
		{"unknown key", map[string][]string{"list.bottom": {"ctl+g"}},
			"list.bottom", `"ctl+g" is not a key: "ctl" is not a modifier (want ctrl, alt, shift, meta, hyper, super)`},
		{"unknown key name", map[string][]string{"list.bottom": {"bottom"}},
			"list.bottom", `"bottom" is not a key: want a character like "G", or a key name (enter, tab, backspace, esc, space, up, down, left, right, begin, find, insert, delete, select, pgup, pgdown, home, end, f1 … f63), after ctrl+, alt+ or shift+ if you like`},
		{"clash in a pane", map[string][]string{"list.top": {"G"}},
			"list.top", `"G" is bound to both list.top and list.bottom in the list pane`},
		{"clash with any pane", map[string][]string{"queue.moveup": {"b"}},
			"queue.moveup", `"b" is bound to both queue.moveup and queue.toggle in the queue pane`},
		{"clash of an any action with a pane's", map[string][]string{"queue.toggle": {"K"}},
			"queue.toggle", `"K" is bound to both queue.toggle and queue.moveup in the queue pane`},
		{"a character in the search box", map[string][]string{"search.done": {"ctrl+j", "x"}},
			"search.done", `"x" would be typed into the search box: bind a named key (enter, esc, tab, f1 …) or one with ctrl+ or alt+`},
		{"shift and a character that is no letter", map[string][]string{"list.bottom": {"shift+1"}},
			"list.bottom", `"shift+1" never arrives: a terminal sends the character shift+1 types; write that character`},
		{"quit unbound", map[string][]string{"app.quit": {}}, "app.quit", "app.quit needs a key (ctrl+c always quits too)"},
		{"ctrl+c", map[string][]string{"list.bottom": {"z", "ctrl+c"}},
			"list.bottom", `"ctrl+c" always quits: bind another key`},
	} {
		table, problems := Bind(c.user)
		if len(problems) != 1 || problems[0].Action != c.action || problems[0].Msg != c.msg {
			t.Errorf("%s: problems %+v, want %s: %s", c.name, problems, c.action, c.msg)
		}
		for i, a := range table {
			if strings.Join(a.Keys, " ") != strings.Join(actions[i].Keys, " ") {
				t.Errorf("%s: %s bound to %v despite the problem", c.name, a.Name, a.Keys)
			}
		}
	}
}

// TestBindAccepts: keys in any spelling users write are the names key
// presses have; a key the defaults share between modal and other panes
// is no clash; the help shows a remapped action's keys.
func TestBindAccepts(t *testing.T) {
	table, problems := Bind(map[string][]string{
		"list.bottom":  {"E", "shift+e", "Shift+E", "End"},
		"list.halfup":  {"ctrl+U"},
		"list.top":     {"Escape", "alt+ctrl+h"},
		"list.back":    {"backspace"},
		"search.done":  {"ctrl+j", "enter"},
		"paper.copy":   {},
		"detail.up":    {"f5"},
		"queue.toggle": {"B", "ctrl+b"},
	})
	if len(problems) > 0 {
		t.Fatalf("problems: %+v", problems)
	}
	want := map[string]string{"list.bottom": "E end|E/end", "list.top": "esc ctrl+alt+h|esc/ctrl+alt+h",
		"list.back": "backspace|backspace", "paper.copy": "|(none)", "detail.up": "f5|f5", "queue.toggle": "B ctrl+b|B/ctrl+b",
		"list.down": "down j|↓/j", "list.halfup": "ctrl+u|ctrl+u"}
	for _, a := range table {
		if w, ok := want[a.Name]; ok {
			if got := strings.Join(a.Keys, " ") + "|" + a.Help; got != w {
				t.Errorf("%s: %q, want %q", a.Name, got, w)
			}
		}
	}
}

// TestNewDefaultsGiveWay: a config written before M showed the messages,
// binding M to another action, stays valid: M is that action's, and the
// messages keep no key; unbound elsewhere, M is the messages'.
func TestNewDefaultsGiveWay(t *testing.T) {
	table, problems := Bind(map[string][]string{"list.bottom": {"M"}})
	if len(problems) > 0 {
		t.Fatalf("a binding of M made before it showed the messages: %+v", problems)
	}
	for _, a := range table {
		if a.Name == "app.messages" && len(a.Keys) != 0 {
			t.Errorf("app.messages kept %v", a.Keys)
		}
		if a.Name == "list.bottom" && !slices.Equal(a.Keys, []string{"M"}) {
			t.Errorf("list.bottom is bound to %v", a.Keys)
		}
	}
	_, problems = Bind(map[string][]string{"app.messages": {"M"}, "list.bottom": {"M"}})
	if len(problems) == 0 {
		t.Error("M bound to the messages and list.bottom by the user is no clash")
	}
	// A binding refused for another clash takes nothing from the
	// messages: the default list.bottom applies, and M stays theirs.
	table, problems = Bind(map[string][]string{"list.bottom": {"M", "j"}})
	if len(problems) == 0 {
		t.Fatal("list.bottom on j, list.down's key, is no clash")
	}
	for _, a := range table {
		if a.Name == "app.messages" && !slices.Equal(a.Keys, []string{"M"}) {
			t.Errorf("app.messages after a refused binding of M: %v", a.Keys)
		}
	}
	table, _ = Bind(map[string][]string{"list.bottom": {"E"}})
	for _, a := range table {
		if a.Name == "app.messages" && !slices.Equal(a.Keys, []string{"M"}) {
			t.Errorf("app.messages without a clash: %v", a.Keys)
		}
	}
}

// TestDefaultTableHasNoClash: the defaults share no key in a pane but
// where a modal pane takes it.
func TestDefaultTableHasNoClash(t *testing.T) {
	for _, c := range keyClashes(actions) {
		t.Errorf("%s and %s share %q: if a pane's own keys deliberately win over the any pane's "+
			"while it has the focus, add the pane to modalPanes (bindings.go)", c[0], c[1], c[2])
	}
}

// TestRemappedKeysDriveTheReader: a binding from Options moves the
// action to its new key, frees the old one, and shows in the help.
func TestRemappedKeysDriveTheReader(t *testing.T) {
	hs := &harness{t: t, m: testModel(Options{Library: newTestLibrary(t), Style: "dark",
		Keys: map[string][]string{"list.bottom": {"z"}, "app.help": {"h", "f1"}}})}
	hs.run(hs.m.Init())
	hs.send(sizeMsg(160, 48))
	hs.keys("G")
	if hs.m.list.cursor != 0 {
		t.Errorf("G still moves the list after list.bottom was remapped")
	}
	hs.keys("z")
	if hs.m.list.cursor != hs.m.list.count()-1 {
		t.Errorf("z (list.bottom) left the cursor on %d", hs.m.list.cursor)
	}
	hs.keys("h")
	if !hs.m.showHelp {
		t.Fatal("h (app.help) did not open the help")
	}
	// The detail's and queue's G still moves them: the help says so apart.
	hs.requireScreen("z          last", "h/f1      help", "Move in the detail", "Move in the queue")
	if lines := strings.Split(hs.screen(), "\n"); strings.Contains(lines[5], "G/end") {
		t.Errorf("the list's moves show G/end: %s", lines[5])
	}
}

// TestUnboundKeysAreNotNamed: with app.help and queue.toggle unbound,
// the status bar and the empty queue do not tell the user to press
// "(none)".
func TestUnboundKeysAreNotNamed(t *testing.T) {
	lib := newTestLibrary(t)
	hs := &harness{t: t, m: testModel(Options{Library: lib, Style: "dark",
		Keys: map[string][]string{"app.help": {}, "queue.toggle": {}}})}
	hs.run(hs.m.Init())
	hs.send(sizeMsg(200, 48)) // the queue a third column
	if screen := hs.screen(); strings.Contains(screen, "(none)") || !strings.Contains(screen, "The queue is empty.") {
		t.Errorf("an unbound key is named:\n%s", screen)
	}
}

// TestUnboundMessagesKeyIsNotNamed: with app.messages unbound, a cut
// status message ends in "…", not "… (none) shows all".
func TestUnboundMessagesKeyIsNotNamed(t *testing.T) {
	hs := &harness{t: t, m: testModel(Options{Library: newTestLibrary(t), Style: "dark",
		Keys: map[string][]string{"app.messages": {}}})}
	hs.run(hs.m.Init())
	hs.send(sizeMsg(80, 24))
	hs.m.fail(strings.Repeat("a long error ", 20))
	lines := strings.Split(hs.screen(), "\n")
	if status := lines[len(lines)-1]; strings.Contains(status, "(none)") || !strings.HasSuffix(strings.TrimSpace(status), "…") {
		t.Errorf("the status bar: %q", status)
	}
}

// TestHintsNameTheKeysAsBound: a hint that names a key names the one
// the user bound.
func TestHintsNameTheKeysAsBound(t *testing.T) {
	hs := &harness{t: t, m: testModel(Options{Library: newTestLibrary(t), Style: "dark",
		Keys: map[string][]string{"queue.moveup": {"ctrl+k"}, "queue.movedown": {"ctrl+j"}, "pane.queue": {"f3"}}})}
	hs.run(hs.m.Init())
	hs.send(sizeMsg(160, 48))
	hs.send(tea.KeyPressMsg{Code: 'k', Mod: tea.ModCtrl})
	if want := "ctrl+k and ctrl+j reorder the queue: press f3 for the queue"; hs.m.notice != want {
		t.Errorf("notice %q, want %q", hs.m.notice, want)
	}
}

// TestCtrlCAlwaysQuits: with app.quit bound to q alone, ctrl+c still
// quits from the list, the help, the search box and the reading pane, as
// the bindings' own message promises.
func TestCtrlCAlwaysQuits(t *testing.T) {
	user := map[string][]string{"app.quit": {"q"}}
	if _, problems := Bind(user); len(problems) > 0 {
		t.Fatalf("the bindings have problems: %v", problems)
	}
	ctrlC := tea.KeyPressMsg{Code: 'c', Mod: tea.ModCtrl}
	for _, before := range [][]string{{}, {"?"}, {"/", "m"}} {
		hs := &harness{t: t, m: testModel(Options{Library: newTestLibrary(t), Style: "dark", Keys: user})}
		hs.run(hs.m.Init())
		hs.send(sizeMsg(120, 40))
		hs.keys(before...)
		if _, cmd := hs.m.Update(ctrlC); cmd == nil {
			t.Errorf("after %q, ctrl+c does not quit", before)
		}
	}
}

// TestCtrlCIsNoBinding: ctrl+c quits before any binding is looked at, so
// a binding of it is refused even once app.quit no longer has it.
func TestCtrlCIsNoBinding(t *testing.T) {
	_, problems := Bind(map[string][]string{"app.quit": {"Q"}, "list.bottom": {"ctrl+c"}})
	if len(problems) != 1 || problems[0].Action != "list.bottom" || !strings.Contains(problems[0].Msg, "always quits") {
		t.Errorf("problems %+v, want list.bottom: ctrl+c always quits", problems)
	}
}
