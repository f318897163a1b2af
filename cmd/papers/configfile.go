package main

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strings"

	"github.com/pelletier/go-toml/v2"
)

// Reading the configuration file: TOML parsed, each key checked against
// its setting, every problem kept with its line for the messages.

// configFile is the file as read: its values by key, where each is, and
// what is wrong with it.
type configFile struct {
	path    string
	exists  bool
	values  map[string]any // checked values, by key
	lines   map[string]int // line of each key
	problem []configProblem
	keys    map[string][]string // [keys]: action → keys, as written (configkeys.go)
	theme   fileTheme           // theme = "NAME" or [theme] (configtheme.go)
}

// configProblem is one thing wrong with the file.
type configProblem struct {
	line, column int
	// key is the setting concerned: "" for a syntax error (the whole file),
	// "reader." for a whole section.
	key string
	msg string
}

// loadConfig reads and checks the file; a missing file is no problem.
// What is wrong with it is in the result's problems, never half-applied.
func loadConfig(path string) *configFile {
	cf := &configFile{path: path, values: map[string]any{}, lines: map[string]int{}}
	data, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return cf
	}
	cf.exists = true
	if err != nil {
		// Unreadable (a folder, no permission): a problem like any other,
		// so the commands that need no setting still run.
		cf.problem = append(cf.problem, configProblem{msg: "cannot read: " + err.Error()})
		return cf
	}
	// A byte order mark, as some Windows editors write, is no setting.
	data = bytes.TrimPrefix(data, []byte("\ufeff"))
	var doc map[string]any
	if err := toml.Unmarshal(data, &doc); err != nil {
		var de *toml.DecodeError
		if errors.As(err, &de) {
			line, col := de.Position()
			msg := "syntax error: " + strings.TrimPrefix(de.Error(), "toml: ")
			if strings.Contains(msg, "key theme should be a table") {
				msg += ` (theme = "NAME" at the top and a [theme] section cannot both be: write preset = "NAME" in [theme] instead)`
			}
			cf.problem = append(cf.problem, configProblem{line: line, column: col, msg: msg})
			return cf
		}
		cf.problem = append(cf.problem, configProblem{msg: "syntax error: " + err.Error()})
		return cf
	}
	cf.lines = keyLines(data)
	cf.check(doc, "")
	sort.Slice(cf.problem, func(i, j int) bool { return cf.problem[i].line < cf.problem[j].line })
	return cf
}

// check walks a table of the file, checking each value against its
// setting.
func (cf *configFile) check(table map[string]any, prefix string) {
	for name, v := range table {
		key := prefix + name
		if prefix == "" && key == "keys" {
			cf.checkKeys(v)
			continue
		}
		if prefix == "" && key == "theme" {
			cf.checkTheme(v)
			continue
		}
		if sub, ok := v.(map[string]any); ok {
			if !isSection(key) {
				cf.unknown(key, true)
				continue
			}
			cf.check(sub, key+".")
			continue
		}
		s := findSetting(key)
		if s == nil {
			if isSection(key) {
				cf.problem = append(cf.problem, configProblem{line: cf.lineOf(key), key: key + ".",
					msg: fmt.Sprintf("%s is a section: write [%s] above its settings", key, key)})
				continue
			}
			cf.unknown(key, false)
			continue
		}
		checked, err := s.check(v)
		if err != nil {
			cf.problem = append(cf.problem, configProblem{line: cf.lineOf(key), key: key, msg: key + ": " + err.Error()})
			continue
		}
		if p, ok := checked.(string); ok && key == "library" && !filepath.IsAbs(p) {
			// From the file's folder, not from wherever papers is run:
			// else each folder would get a library of its own.
			if dir, err := filepath.Abs(filepath.Dir(cf.path)); err == nil {
				checked = filepath.Join(dir, p)
			}
		}
		cf.values[key] = checked
	}
}

func isSection(name string) bool {
	if slices.Contains(dynamicSections, name) {
		return true
	}
	for _, s := range settings {
		if strings.HasPrefix(s.key, name+".") {
			return true
		}
	}
	return false
}

// unknown records a key no setting has, with the nearest known one. It
// concerns its whole section: a misspelt setting must not be silently
// replaced by its default.
func (cf *configFile) unknown(key string, table bool) {
	what := "setting"
	if table {
		what = "section"
	}
	msg := fmt.Sprintf("unknown %s %s", what, key)
	near := nearestKey(key, table)
	switch {
	case !table && isThemeSetting(key[strings.LastIndexByte(key, '.')+1:]):
		// config init writes [theme] commented out: a colour uncommented
		// alone lands in the section above it.
		msg += " (a [theme] setting: write [theme] above it)"
	case near != "":
		msg += fmt.Sprintf(" (did you mean %s?)", near)
	}
	// A slip stands for what it is nearest to (libary: library; [raeder]:
	// the reader's settings); one near nothing stands for no setting, so
	// it warns without stopping every command.
	scope := unknownScope
	switch {
	case !table && strings.Contains(key, "."):
		scope = key[:strings.LastIndexByte(key, '.')+1]
	case table && near != "":
		scope = near + "."
	case near != "":
		scope = near
	}
	cf.problem = append(cf.problem, configProblem{line: cf.lineOf(key), key: scope, msg: msg})
}

// unknownScope is the scope of a problem that concerns no setting.
const unknownScope = "?"

// nearestKey is the known key (or section) closest to key, if close
// enough to be a slip.
func nearestKey(key string, table bool) string {
	var names []string
	seen := map[string]bool{}
	if table {
		names = append(names, dynamicSections...)
	}
	for _, s := range settings {
		name := s.key
		if table {
			name, _, _ = strings.Cut(s.key, ".")
		}
		if !seen[name] {
			seen[name] = true
			names = append(names, name)
		}
	}
	return closest(key, names)
}

// closest is the name of names nearest to name, if close enough to be a
// slip; "" otherwise. A dotted name whose last part is name ("style" for
// "reader.style", "bottom" for "list.bottom") is a near miss too: the
// first such wins.
func closest(name string, names []string) string {
	best, bestDist := "", 0
	for _, n := range names {
		d := levenshtein(name, n)
		if _, last, ok := strings.Cut(n, "."); ok && last == name {
			d = 1
		}
		if best == "" || d < bestDist {
			best, bestDist = n, d
		}
	}
	if bestDist > max(2, len(name)/3) {
		return ""
	}
	return best
}

// levenshtein is the edit distance of a and b, two letters swapped
// ("raed" for "read") counting as one slip, as a typist makes it.
func levenshtein(a, b string) int {
	var before []int // the row before prev
	prev := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur := make([]int, len(b)+1)
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				cur[j] = min(cur[j], before[j-2]+1)
			}
		}
		before, prev = prev, cur
	}
	return prev[len(b)]
}

var (
	sectionLine = regexp.MustCompile(`^\s*\[\s*([A-Za-z0-9_.-]+)\s*\]`)
	keyLine     = regexp.MustCompile(`^\s*["']?([A-Za-z0-9_.-]+)["']?\s*=`)
)

// keyLines finds the line of each key (section.key) and section, for
// messages: the TOML decoder gives positions only for syntax errors.
func keyLines(data []byte) map[string]int {
	lines := map[string]int{}
	section := ""
	for i, line := range strings.Split(string(data), "\n") {
		if m := sectionLine.FindStringSubmatch(line); m != nil {
			section = m[1]
			if _, ok := lines[section]; !ok {
				lines[section] = i + 1
			}
			continue
		}
		if m := keyLine.FindStringSubmatch(line); m != nil {
			key := m[1]
			if section != "" {
				key = section + "." + key
			}
			if _, ok := lines[key]; !ok {
				lines[key] = i + 1
			}
		}
	}
	return lines
}

// lineOf is the line of key, else of the nearest enclosing table (an
// inline table, `reader = { style = "dark" }`, puts its keys on its line).
func (cf *configFile) lineOf(key string) int {
	for {
		if line, ok := cf.lines[key]; ok {
			return line
		}
		i := strings.LastIndexByte(key, '.')
		if i < 0 {
			return 0
		}
		key = key[:i]
	}
}

// problemsFor are the problems that concern any of keys ("*": every key).
func (cf *configFile) problemsFor(keys []string) []configProblem {
	var out []configProblem
	for _, p := range cf.problem {
		for _, k := range keys {
			if p.key == "" || k == p.key || (strings.HasSuffix(p.key, ".") && strings.HasPrefix(k, p.key)) {
				out = append(out, p)
				break
			}
		}
	}
	return out
}

// configError is a broken file, as the user reads it.
type configError struct {
	path     string
	problems []configProblem
}

func (e configError) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "config %s is broken:", e.path)
	for _, p := range e.problems {
		b.WriteString("\n  ")
		switch {
		case p.line > 0 && p.column > 0:
			fmt.Fprintf(&b, "%s:%d:%d: ", e.path, p.line, p.column)
		case p.line > 0:
			fmt.Fprintf(&b, "%s:%d: ", e.path, p.line)
		}
		b.WriteString(p.msg)
	}
	b.WriteString("\nFix the file (papers config show checks it), or run with --no-config to ignore it.")
	return b.String()
}
