package main

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/papertui/papers/tui"
)

// The [keys] section: any reader action, by its name in the reader's
// table (tui.Actions), bound to one or more keys. Written either way TOML
// allows: "list.bottom" = ["G", "end"] under [keys], or bottom = "G"
// under [keys.list].

// keysScope is the problem key of every binding: a broken binding stops
// the reader, and nothing else.
const keysScope = "keys."

// dynamicSections are sections whose names are not settings.
var dynamicSections = []string{"keys", "theme"}

// checkKeys reads the [keys] section into cf.keys: every binding checked
// (names, key names, clashes in a pane), problems kept with their line.
func (cf *configFile) checkKeys(v any) {
	table, ok := v.(map[string]any)
	if !ok {
		cf.problem = append(cf.problem, configProblem{line: cf.lineOf("keys"), key: keysScope,
			msg: "keys is a section: write [keys] above the bindings, like \"list.bottom\" = [\"G\", \"end\"]"})
		return
	}
	user := map[string][]string{}
	cf.flattenKeys(table, "", user)
	known := map[string]bool{}
	for _, a := range tui.Actions() {
		known[a.Name] = true
	}
	for name := range user {
		if !known[name] {
			msg := "keys." + name + ": no action is named " + name
			if near := nearestAction(name); near != "" {
				msg += " (did you mean " + near + "?)"
			}
			cf.problem = append(cf.problem, configProblem{line: cf.lineOf("keys." + name), key: keysScope, msg: msg})
			delete(user, name)
		}
	}
	_, problems := tui.Bind(user)
	for _, p := range problems {
		// A clash of two bindings of the file is the later one's fault.
		name := p.Action
		if p.Other != "" && cf.lineOf("keys."+p.Other) > cf.lineOf("keys."+name) {
			name = p.Other
		}
		cf.problem = append(cf.problem, configProblem{line: cf.lineOf("keys." + name), key: keysScope,
			msg: "keys." + name + ": " + p.Msg})
	}
	cf.keys = user
}

// flattenKeys walks [keys] and its sub-tables into action name → keys.
func (cf *configFile) flattenKeys(table map[string]any, prefix string, out map[string][]string) {
	for name, v := range table {
		full := prefix + name
		switch v := v.(type) {
		case map[string]any:
			cf.flattenKeys(v, full+".", out)
		case string:
			cf.bindOnce(out, full, []string{v})
		case []any:
			keys, ok := stringList(v)
			if !ok {
				cf.keyTypeProblem(full, v)
				continue
			}
			cf.bindOnce(out, full, keys)
		default:
			cf.keyTypeProblem(full, v)
		}
	}
}

// bindOnce binds action to keys, unless the file bound it already in the
// other TOML form ("list.bottom" in [keys], bottom in [keys.list]): which
// one won would be chance (a map's order).
func (cf *configFile) bindOnce(out map[string][]string, action string, keys []string) {
	if _, twice := out[action]; twice {
		_, name, _ := strings.Cut(action, ".")
		pane, _, _ := strings.Cut(action, ".")
		cf.problem = append(cf.problem, configProblem{line: cf.lineOf("keys." + action), key: keysScope,
			msg: fmt.Sprintf("keys.%s: bound twice, as \"%s\" in [keys] and as %s in [keys.%s]: keep one", action, action, name, pane)})
		return
	}
	out[action] = keys
}

func stringList(v []any) ([]string, bool) {
	out := make([]string, 0, len(v))
	for _, x := range v {
		s, ok := x.(string)
		if !ok {
			return nil, false
		}
		out = append(out, s)
	}
	return out, true
}

func (cf *configFile) keyTypeProblem(name string, v any) {
	what := describe(v)
	if l, ok := v.([]any); ok {
		for _, x := range l {
			if _, ok := x.(string); !ok {
				what = strings.Replace(describe(x), " is ", " in the list is ", 1)
				break
			}
		}
	}
	cf.problem = append(cf.problem, configProblem{line: cf.lineOf("keys." + name), key: keysScope,
		msg: fmt.Sprintf("keys.%s: %s: want a key in quotes or a list of them, like [\"G\", \"end\"]", name, what)})
}

// nearestAction is the action name closest to name, if close enough to
// be a slip; a pane's name left out ("bottom") finds the first pane's.
func nearestAction(name string) string {
	var names []string
	for _, a := range tui.Actions() {
		names = append(names, a.Name)
	}
	return closest(name, names)
}

// keyBinding is an action's effective keys and where they came from.
type keyBinding struct {
	Action string   `json:"action"`
	Keys   []string `json:"keys"`
	Source string   `json:"source"`
}

// effectiveKeys are every action's keys for this run, in the table's
// order: the file's bindings when none is broken, else the defaults.
func (st *configState) effectiveKeys() []keyBinding {
	user := st.file.keys
	if len(st.file.problemsFor([]string{keysScope})) > 0 {
		user = nil
	}
	table, _ := tui.Bind(user)
	out := make([]keyBinding, len(table))
	for i, a := range table {
		src := "default"
		if _, ok := user[a.Name]; ok {
			src = fmt.Sprintf("file %s:%d", st.path, st.file.lineOf("keys."+a.Name))
		}
		out[i] = keyBinding{a.Name, a.Keys, src}
	}
	return out
}

// printKeys writes the [keys] section of `config show`.
func printKeys(w io.Writer, st *configState) {
	fmt.Fprintln(w, "\n[keys]")
	bindings := st.effectiveKeys()
	lines := make([]string, len(bindings))
	width := 0
	for i, b := range bindings {
		lines[i] = strconv.Quote(b.Action) + " = " + keyList(b.Keys)
		width = max(width, len(lines[i]))
	}
	for i, b := range bindings {
		fmt.Fprintf(w, "%-*s  # %s\n", width, lines[i], b.Source)
	}
}

func keyList(keys []string) string {
	q := make([]string, len(keys))
	for i, k := range keys {
		q[i] = strconv.Quote(k)
	}
	return "[" + strings.Join(q, ", ") + "]"
}

// defaultKeysText is the [keys] section `config init` writes: every
// action, commented out at its default keys, pane by pane.
func defaultKeysText() string {
	var b strings.Builder
	b.WriteString("\n[keys]\n\n# Any action, by name, bound to one or more keys (a character, or enter, esc,\n")
	b.WriteString("# tab, space, up, down, left, right, home, end, pgup, pgdown, backspace,\n")
	b.WriteString("# delete, f1 … f63, after ctrl+, alt+ or shift+). [] unbinds an action. Two\n")
	b.WriteString("# actions on one key in a pane (those under Anywhere work in every pane) is an\n# error.\n")
	for _, pane := range actionsByPane() { // man.go
		fmt.Fprintf(&b, "\n# %s\n", paneTitle(pane[0].Pane))
		for _, a := range pane {
			fmt.Fprintf(&b, "# %q = %s  # %s\n", a.Name, keyList(a.Keys), a.Desc)
		}
	}
	return b.String()
}

// readerKeys are the file's bindings for the reader.
func readerKeys() map[string][]string {
	if active == nil || len(active.file.problemsFor([]string{keysScope})) > 0 {
		return nil
	}
	return active.file.keys
}
