package main

import (
	"encoding/json"
	"strings"
	"testing"
)

// TestConfigKeyProblems: each way a binding can be wrong, by its exact
// message and line.
func TestConfigKeyProblems(t *testing.T) {
	for _, tc := range []struct {
		name, text string
		want       []string // each a whole problem line after the path
	}{
		{"unknown action", "[keys]\n\"list.botom\" = \"e\"\n",
			[]string{"2: keys.list.botom: no action is named list.botom (did you mean list.bottom?)"}},
		{"action without its pane", "[keys]\nmoveup = \"e\"\n",
			[]string{"2: keys.moveup: no action is named moveup (did you mean queue.moveup?)"}},
		{"unknown key", "[keys.list]\nbottom = \"ctl+g\"\n",
			[]string{`2: keys.list.bottom: "ctl+g" is not a key: "ctl" is not a modifier (want ctrl, alt, shift, meta, hyper, super)`}},
		{"clash with a default", "[keys]\n\"list.top\" = [\"G\"]\n",
			[]string{`2: keys.list.top: "G" is bound to both list.top and list.bottom in the list pane`}},
		{"clash between two bindings names the later", "[keys]\n\"list.bottom\" = \"z\"\n\"queue.toggle\" = \"z\"\n",
			[]string{`3: keys.queue.toggle: "z" is bound to both list.bottom and queue.toggle in the list pane`}},
		{"single-quoted key has its line", "[keys]\n\n'list.bottom' = 'ctl+g'\n",
			[]string{`3: keys.list.bottom: "ctl+g" is not a key: "ctl" is not a modifier (want ctrl, alt, shift, meta, hyper, super)`}},
		{"one action in both forms", "[keys]\n\"list.bottom\" = \"z\"\n[keys.list]\nbottom = \"Z\"\n",
			[]string{`2: keys.list.bottom: bound twice, as "list.bottom" in [keys] and as bottom in [keys.list]: keep one`}},
		{"clash with an any action", "[keys]\nlist.back = \"q\"\n",
			[]string{`2: keys.list.back: "q" is bound to both list.back and app.quit in the list pane`}},
		{"wrong type", "[keys]\n\"list.bottom\" = 5\n",
			[]string{`2: keys.list.bottom: 5 is a number: want a key in quotes or a list of them, like ["G", "end"]`}},
		{"wrong type in a list", "[keys]\n\"list.bottom\" = [\"G\", true]\n",
			[]string{`2: keys.list.bottom: true in the list is a boolean: want a key in quotes or a list of them, like ["G", "end"]`}},
		{"not a section", "keys = \"vim\"\n",
			[]string{`1: keys is a section: write [keys] above the bindings, like "list.bottom" = ["G", "end"]`}},
		{"misspelt section", "[key]\n\"list.bottom\" = \"e\"\n", []string{"1: unknown section key (did you mean keys?)"}},
	} {
		wantProblems(t, tc.name, tc.text, tc.want...)
	}
}

// TestConfigKeysReachTheReaderAndShow: bindings in either TOML form are
// shown by config show with their line, stop only the reader when
// broken, and the init file lists every action.
func TestConfigKeysReachTheReaderAndShow(t *testing.T) {
	path := writeConfig(t, "[keys]\n\"list.bottom\" = [\"z\", \"End\"]\n[keys.queue]\nmoveup = \"ctrl+k\"\n")
	cf := loadConfig(path)
	if len(cf.problem) > 0 || strings.Join(cf.keys["list.bottom"], " ") != "z End" || cf.keys["queue.moveup"][0] != "ctrl+k" {
		t.Fatalf("keys %v problems %+v", cf.keys, cf.problem)
	}
	r := papers(t, []string{"PAPERS_CONFIG=" + path}, "config", "show", "--json")
	var out struct{ Keys []keyBinding }
	if err := json.Unmarshal([]byte(r.stdout), &out); err != nil || r.code != 0 {
		t.Fatalf("show: exit %d %v %s", r.code, err, r.stderr)
	}
	got := map[string]keyBinding{}
	for _, b := range out.Keys {
		got[b.Action] = b
	}
	if b := got["list.bottom"]; strings.Join(b.Keys, " ") != "z end" || b.Source != "file "+path+":2" {
		t.Errorf("list.bottom: %+v", b)
	}
	if b := got["queue.moveup"]; b.Source != "file "+path+":4" {
		t.Errorf("queue.moveup: %+v", b)
	}
	if b := got["list.top"]; strings.Join(b.Keys, " ") != "g home" || b.Source != "default" {
		t.Errorf("list.top: %+v", b)
	}
	text := papers(t, []string{"PAPERS_CONFIG=" + path}, "config", "show").stdout
	if !strings.Contains(text, `"list.bottom" = ["z", "end"]`) {
		t.Errorf("config show lacks the binding:\n%s", text)
	}

	broken := writeConfig(t, "[keys]\n\"list.bottom\" = \"nope\"\n")
	env := []string{"PAPERS_CONFIG=" + broken}
	if r := papers(t, env, "list"); strings.Contains(r.stderr, "is broken") && r.code == 2 {
		t.Errorf("list refused over a key binding: %s", r.stderr)
	}
	if needs := neededKeys("read"); !strings.Contains(strings.Join(needs, " "), keysScope) {
		t.Errorf("the reader does not need the keys: %v", needs)
	}
	for _, a := range []string{`# "list.bottom" = ["G", "end"]  # last`, `# "app.quit" = ["q", "ctrl+c"]  # quit`} {
		if !strings.Contains(defaultConfigText(), a) {
			t.Errorf("init text lacks %s", a)
		}
	}
}
