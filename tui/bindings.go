package tui

import (
	"fmt"
	"maps"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"charm.land/bubbles/v2/key"
)

// A user's key bindings: any action of the table (keys.go) bound by its
// name to other keys. Checked here, where the panes are known, so an
// action appended to the table later is remappable with no more code.

// KeyProblem is one binding that cannot apply: Action is the remapped
// action it concerns, Msg says what is wrong.
type KeyProblem struct {
	Action, Msg string
	// Other is the action a clash is with, when the user bound it too
	// (a message may then name the later of the two bindings).
	Other string
}

// modalPanes take their keys before the "any" pane's while they have
// the focus (the search box; a pane whose keys win over the global ones,
// like a reading pane's / or ]): an "any" action's key is no clash
// there.
var modalPanes = []string{"search", "reader"}

// Bind applies a user's bindings (action name → keys) to the default
// table. Keys are normalised (NormalizeKey); an empty list unbinds an
// action. Problems are names no action has, key names no terminal sends,
// and a key two actions would share in one pane; the table returned
// holds only the bindings without problems.
func Bind(user map[string][]string) ([]Action, []KeyProblem) {
	table := Actions()
	byName := map[string]int{}
	for i, a := range table {
		byName[a.Name] = i
	}
	var problems []KeyProblem
	for _, name := range sortedNames(user) {
		i, ok := byName[name]
		if !ok {
			problems = append(problems, KeyProblem{Action: name, Msg: "no action is named " + name})
			continue
		}
		keys, msg := normalizeKeys(user[name])
		if msg == "" && len(keys) == 0 && name == "app.quit" {
			msg = "app.quit needs a key (ctrl+c always quits too)"
		}
		if msg == "" && name != "app.quit" && slices.Contains(keys, "ctrl+c") {
			// onKeyPress quits on it before any binding is looked at.
			msg = `"ctrl+c" always quits: bind another key`
		}
		if msg == "" && table[i].Pane == "search" {
			msg = typedKey(keys)
		}
		if msg != "" {
			problems = append(problems, KeyProblem{Action: name, Msg: msg})
			continue
		}
		table[i].Keys = keys
		if !slices.Equal(keys, actions[i].Keys) {
			table[i].Help = KeyLabel(keys)
		}
	}
	yieldDefaults(table, user)
	problems = append(problems, clashes(table, user)...)
	if len(problems) > 0 {
		// Only the bindings without problems apply, and the keys a
		// yielding action gave up go back to it unless one of those
		// still takes them.
		defaults := Actions()
		applied := maps.Clone(user)
		for _, p := range problems {
			for _, name := range []string{p.Action, p.Other} {
				if i, ok := byName[name]; ok {
					table[i] = defaults[i]
					delete(applied, name)
				}
			}
		}
		for i, a := range table {
			if _, bound := applied[a.Name]; !bound && slices.Contains(yielding, a.Name) {
				table[i] = defaults[i]
			}
		}
		yieldDefaults(table, applied)
	}
	return table, problems
}

// yielding are actions whose default keys came after configs were
// written: a key of theirs a user's config binds to another action is
// the user's, not a clash (a config valid yesterday stays valid).
var yielding = []string{"app.messages"}

// yieldDefaults takes from each yielding action the user did not bind
// the default keys that a user's binding gives another action sharing a
// pane with it.
func yieldDefaults(table []Action, user map[string][]string) {
	for i, a := range table {
		if _, bound := user[a.Name]; bound || !slices.Contains(yielding, a.Name) {
			continue
		}
		table[i].Keys = slices.DeleteFunc(slices.Clone(a.Keys), func(k string) bool {
			for _, b := range table {
				if _, mine := user[b.Name]; mine && b.Name != a.Name && sharePane(a.Pane, b.Pane) && slices.Contains(b.Keys, k) {
					return true
				}
			}
			return false
		})
		if len(table[i].Keys) < len(a.Keys) {
			table[i].Help = KeyLabel(table[i].Keys)
		}
	}
}

func sortedNames(m map[string][]string) []string {
	names := make([]string, 0, len(m))
	for n := range m {
		names = append(names, n)
	}
	slices.Sort(names)
	return names
}

func normalizeKeys(keys []string) ([]string, string) {
	out := make([]string, 0, len(keys))
	for _, k := range keys {
		n, err := NormalizeKey(k)
		if err != nil {
			return nil, err.Error()
		}
		if !slices.Contains(out, n) {
			out = append(out, n)
		}
	}
	return out, ""
}

// clashes are the keys two actions share in one pane that the defaults
// do not share: a pane's actions with each other and with the actions
// of "any" pane (except in a modal pane). Each is reported against a
// remapped action.
func clashes(table []Action, user map[string][]string) []KeyProblem {
	inDefaults := map[string]bool{}
	for _, c := range keyClashes(actions) {
		inDefaults[c[0]+" "+c[1]+" "+c[2]] = true
	}
	var out []KeyProblem
	for _, c := range keyClashes(table) {
		if inDefaults[c[0]+" "+c[1]+" "+c[2]] {
			continue
		}
		a, b, k := c[0], c[1], c[2]
		blame, other := b, a
		if _, ok := user[b]; !ok {
			blame, other = a, b
		}
		p := KeyProblem{Action: blame, Msg: fmt.Sprintf("%q is bound to both %s and %s in the %s pane",
			k, blame, other, clashPane(table, a, b))}
		if _, ok := user[other]; ok {
			p.Other = other
		}
		out = append(out, p)
	}
	return out
}

// keyClashes are (action, action, key) triples sharing a key in a pane,
// the earlier action of the table first.
func keyClashes(table []Action) [][3]string {
	var out [][3]string
	for i, a := range table {
		for _, b := range table[i+1:] {
			if !sharePane(a.Pane, b.Pane) {
				continue
			}
			for _, k := range a.Keys {
				if slices.Contains(b.Keys, k) {
					out = append(out, [3]string{a.Name, b.Name, k})
				}
			}
		}
	}
	return out
}

func sharePane(a, b string) bool {
	if a == b {
		return true
	}
	if a == "any" {
		a, b = b, a
	}
	return b == "any" && !slices.Contains(modalPanes, a)
}

func clashPane(table []Action, a, b string) string {
	for _, x := range table {
		if (x.Name == a || x.Name == b) && x.Pane != "any" {
			return x.Pane
		}
	}
	return "any"
}

// modifiers in the order the terminal's keys name them.
var modifiers = []string{"ctrl", "alt", "shift", "meta", "hyper", "super"}

// keyNames are the named keys a key press is matched by.
var keyNames = []string{"enter", "tab", "backspace", "esc", "space", "up", "down", "left", "right",
	"begin", "find", "insert", "delete", "select", "pgup", "pgdown", "home", "end"}

// keyAliases are other names users write for them.
var keyAliases = map[string]string{"escape": "esc", "return": "enter", "pgdn": "pgdown", "pageup": "pgup",
	"pagedown": "pgdown", "del": "delete", "ins": "insert", " ": "space"}

// NormalizeKey checks a key name and writes it as key presses name it:
// a character ("G", "?"), or a named key (enter, esc, tab, space, up,
// pgdown, f1 …), after ctrl+, alt+, shift+ … in the terminal's order.
func NormalizeKey(s string) (string, error) {
	if s == "" {
		return "", fmt.Errorf(`"" is not a key: want a character like "G" or a key name like "end"`)
	}
	if s == "+" || utf8.RuneCountInString(s) == 1 {
		return normalBase(s, s)
	}
	parts := strings.Split(s, "+")
	base := parts[len(parts)-1]
	if base == "" && len(parts) > 1 { // "ctrl++"
		base, parts = "+", parts[:len(parts)-2]
	} else {
		parts = parts[:len(parts)-1]
	}
	var mods []string
	for _, p := range parts {
		p = strings.ToLower(p)
		if !slices.Contains(modifiers, p) {
			return "", fmt.Errorf("%q is not a key: %q is not a modifier (want %s)", s, p, strings.Join(modifiers, ", "))
		}
		if !slices.Contains(mods, p) {
			mods = append(mods, p)
		}
	}
	slices.SortFunc(mods, func(a, b string) int {
		return slices.Index(modifiers, a) - slices.Index(modifiers, b)
	})
	b, err := normalBase(s, base)
	if err != nil {
		return "", err
	}
	if utf8.RuneCountInString(b) == 1 {
		r, _ := utf8.DecodeRuneInString(b)
		switch {
		case len(mods) == 1 && mods[0] == "shift" && unicode.IsLetter(r):
			// A shifted letter arrives as its capital ("shift+G" too).
			return string(unicode.ToUpper(r)), nil
		case len(mods) == 1 && mods[0] == "shift":
			// shift+1 arrives as the character it types ("!" on most
			// keyboards), so "shift+1" would never match.
			return "", fmt.Errorf("%q never arrives: a terminal sends the character shift+%s types; write that character", s, b)
		case slices.Equal(mods, []string{"ctrl"}) && unicode.IsUpper(r):
			// A terminal sends ctrl+G as ctrl+g: it has no capital.
			b = string(unicode.ToLower(r))
		}
	}
	return strings.Join(append(mods, b), "+"), nil
}

func normalBase(whole, base string) (string, error) {
	if utf8.RuneCountInString(base) == 1 {
		r, _ := utf8.DecodeRuneInString(base)
		if r == ' ' {
			return "space", nil
		}
		if unicode.IsPrint(r) {
			return base, nil
		}
	}
	lower := strings.ToLower(base)
	if a, ok := keyAliases[lower]; ok {
		return a, nil
	}
	if slices.Contains(keyNames, lower) {
		return lower, nil
	}
	var n int
	if _, err := fmt.Sscanf(lower, "f%d", &n); err == nil && n >= 1 && n <= 63 && lower == fmt.Sprintf("f%d", n) {
		return lower, nil
	}
	return "", fmt.Errorf("%q is not a key: want a character like \"G\", or a key name (%s, f1 … f63), "+
		"after ctrl+, alt+ or shift+ if you like", whole, strings.Join(keyNames, ", "))
}

// keyGlyphs are shorter labels for the help screen.
var keyGlyphs = map[string]string{"up": "↑", "down": "↓", "left": "←", "right": "→", "pgdown": "pgdn"}

// KeyLabel is how the help screen shows a remapped action's keys.
func KeyLabel(keys []string) string {
	if len(keys) == 0 {
		return "(none)"
	}
	labels := make([]string, len(keys))
	for i, k := range keys {
		labels[i] = k
		if g, ok := keyGlyphs[k]; ok {
			labels[i] = g
		}
	}
	return strings.Join(labels, "/")
}

// newKeyMapFor builds the keymaps with a user's bindings applied.
func newKeyMapFor(user map[string][]string) *keyMap {
	if len(user) == 0 {
		return newKeyMap()
	}
	table, _ := Bind(user)
	k := keyMapFrom(table)
	return &k
}

// remappedMoves are help groups for the detail's and the queue's
// movement keys when a user binding made them differ from the list's
// (the help shows the list's as every pane's).
func (k keyMap) remappedMoves() []keyGroup {
	var out []keyGroup
	list := helpKeys(k.List.bindings())
	if b := k.Detail.bindings(); helpKeys(b) != list {
		out = append(out, keyGroup{"Move in the detail", b})
	}
	if b := k.Queue.bindings(); helpKeys(b) != list {
		out = append(out, keyGroup{"Move in the queue", b})
	}
	return out
}

func helpKeys(bs []key.Binding) string {
	var keys []string
	for _, b := range bs {
		keys = append(keys, strings.Join(b.Keys(), " "))
	}
	return strings.Join(keys, "|")
}

// boundLabel is a binding's keys as the help shows them, and whether it
// has any: a user may unbind an action (Bind), and a hint must then not
// tell them to press "(none)".
func boundLabel(b key.Binding) (string, bool) {
	return b.Help().Key, len(b.Keys()) > 0
}

// keyHint is how a hint names a binding's key: its first key, or
// "(unbound)" when the user unbound it.
func keyHint(b key.Binding) string {
	if keys := b.Keys(); len(keys) > 0 {
		return keys[0]
	}
	return "(unbound)"
}

// typedKey says why a key cannot work in the search box: a character
// (space too) is typed into it.
func typedKey(keys []string) string {
	for _, k := range keys {
		if k == "space" || utf8.RuneCountInString(k) == 1 {
			return fmt.Sprintf("%q would be typed into the search box: bind a named key (enter, esc, tab, f1 …) or one with ctrl+ or alt+", k)
		}
	}
	return ""
}
