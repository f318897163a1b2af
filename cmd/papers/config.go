package main

import (
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/adrg/xdg"
	"github.com/pelletier/go-toml/v2"
)

// The configuration file holds what a flag or a default sets today. Each
// setting is resolved flag > environment > file > default, and a file that
// is broken in any way never applies in part to a command that needs what
// is broken: the command refuses with the file, line and column.

// setting is one key of the file.
type setting struct {
	key  string // "reader.style"
	help string // one line, for `config init`
	flag string // the kong flag that also sets it, if any
	// invert: the flag is the setting's negation (--no-sync, sync.on_start).
	invert bool
	env    string // the environment variable that also sets it, if any
	def    any    // string, bool, int64 or time.Duration
	// check validates a value from the file and returns it in the form
	// def has; its error says what is accepted.
	check func(v any) (any, error)
	// users are the commands that need the setting; "*" is every command
	// that touches the library.
	users []string
	// unless: the file's value is not given to the flag when one of these
	// flags is on the command line (sync.days gives way to --date).
	unless []string
}

// readerViews are the reader's views ('v' cycles them).
var readerViews = []string{"all", "day", "week", "month"}

// readerSorts are the reader's orders outside a search ('s' cycles them).
var readerSorts = []string{"newest", "upvotes", "trending"}

// readerStyles are --style's values.
var readerStyles = []string{"auto", "dark", "light"}

// settings are all the keys, in the order `config init` and `config show`
// list them.
var settings = []setting{
	{key: "library", help: "The library file.", flag: "db", env: "PAPERS_DB",
		def: "", check: checkPath, users: []string{"*"}},
	{key: "api", help: "The feed's base URL.", flag: "api", env: "PAPERS_API_URL",
		def: "https://huggingface.co", check: checkURL, users: []string{"read", "sync", "add", "search"}},
	{key: "reader.style", help: "Colours: " + strings.Join(readerStyles, ", ") + " (auto asks the terminal).", flag: "style",
		def: "auto", check: checkEnum(readerStyles), users: []string{"read", "show"}},
	{key: "reader.mouse", help: "Wheel scrolling and click to select.", flag: "mouse",
		def: false, check: checkBool, users: []string{"read"}},
	{key: "reader.view", help: "The view the reader opens on: " + strings.Join(readerViews, ", ") + " (the latest day, week or month).",
		def: "all", check: checkEnum(readerViews), users: []string{"read"}},
	{key: "reader.sort", help: "The order the reader opens with: " + strings.Join(readerSorts, ", ") + ".",
		def: "newest", check: checkEnum(readerSorts), users: []string{"read"}},
	{key: "sync.on_start", help: "The reader syncs in the background when it opens on a stale library.", flag: "no-sync", invert: true,
		def: true, check: checkBool, users: []string{"read"}},
	{key: "sync.stale_after", help: `How old the last sync may be before the reader syncs on start ("30m", "1h", "24h").`,
		def: time.Hour, check: checkDuration, users: []string{"read"}},
	{key: "sync.days", help: "A sync with no --date, --since or --days fetches the last N days; 0 syncs from the last complete day.", flag: "days",
		def: int64(0), check: checkDays, users: []string{"read", "sync"}, unless: []string{"date", "since"}},
}

func findSetting(key string) *setting {
	for i := range settings {
		if settings[i].key == key {
			return &settings[i]
		}
	}
	return nil
}

// configFile is the file as read: its values by key, where each is, and
// what is wrong with it.
type configFile struct {
	path    string
	exists  bool
	values  map[string]any // checked values, by key
	lines   map[string]int // line of each key
	problem []configProblem
}

// configProblem is one thing wrong with the file.
type configProblem struct {
	line, column int
	// key is the setting concerned: "" for a syntax error (the whole file),
	// "reader." for a whole section.
	key string
	msg string
}

// defaultConfigPath is $XDG_CONFIG_HOME/papers/config.toml.
func defaultConfigPath() string {
	return filepath.Join(xdg.ConfigHome, "papers", "config.toml")
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
	var doc map[string]any
	if err := toml.Unmarshal(data, &doc); err != nil {
		var de *toml.DecodeError
		if errors.As(err, &de) {
			line, col := de.Position()
			cf.problem = append(cf.problem, configProblem{line: line, column: col,
				msg: "syntax error: " + strings.TrimPrefix(de.Error(), "toml: ")})
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
		cf.values[key] = checked
	}
}

func isSection(name string) bool {
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
	if near := nearestKey(key, table); near != "" {
		msg += fmt.Sprintf(" (did you mean %s?)", near)
	}
	scope := ""
	if i := strings.LastIndexByte(key, '.'); i >= 0 && !table {
		scope = key[:i+1]
	}
	cf.problem = append(cf.problem, configProblem{line: cf.lineOf(key), key: scope, msg: msg})
}

// nearestKey is the known key (or section) closest to key, if close
// enough to be a slip.
func nearestKey(key string, table bool) string {
	var names []string
	seen := map[string]bool{}
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
	best, bestDist := "", 0
	for _, name := range names {
		d := levenshtein(key, name)
		// A key in the wrong section ("style" for "reader.style") is a
		// near miss too.
		if _, last, ok := strings.Cut(name, "."); ok && last == key {
			d = 1
		}
		if best == "" || d < bestDist {
			best, bestDist = name, d
		}
	}
	if bestDist > max(2, len(key)/3) {
		return ""
	}
	return best
}

func levenshtein(a, b string) int {
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
		}
		prev = cur
	}
	return prev[len(b)]
}

var (
	sectionLine = regexp.MustCompile(`^\s*\[\s*([A-Za-z0-9_.-]+)\s*\]`)
	keyLine     = regexp.MustCompile(`^\s*"?([A-Za-z0-9_.-]+)"?\s*=`)
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

// The checks: each returns the value in its Go form, or says what is
// accepted.

func checkPath(v any) (any, error) {
	s, ok := v.(string)
	if !ok || strings.TrimSpace(s) == "" {
		return nil, fmt.Errorf("%s: want a file path in quotes", describe(v))
	}
	return expandHome(s), nil
}

// expandHome reads a leading ~/ as the home folder, as a shell would.
func expandHome(p string) string {
	if rest, ok := strings.CutPrefix(p, "~/"); ok {
		if home, err := os.UserHomeDir(); err == nil {
			return filepath.Join(home, rest)
		}
	}
	return p
}

func checkURL(v any) (any, error) {
	s, ok := v.(string)
	if !ok {
		return nil, fmt.Errorf("%s: want an http or https URL in quotes", describe(v))
	}
	u, err := url.Parse(s)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return nil, fmt.Errorf("%q is not an http or https URL", s)
	}
	return s, nil
}

func checkEnum(values []string) func(any) (any, error) {
	return func(v any) (any, error) {
		s, ok := v.(string)
		if !ok {
			return nil, fmt.Errorf("%s: want one of %s, in quotes", describe(v), quoteList(values))
		}
		for _, allowed := range values {
			if s == allowed {
				return s, nil
			}
		}
		return nil, fmt.Errorf("%q is not accepted: want one of %s", s, quoteList(values))
	}
}

func checkBool(v any) (any, error) {
	b, ok := v.(bool)
	if !ok {
		return nil, fmt.Errorf("%s: want true or false (no quotes)", describe(v))
	}
	return b, nil
}

func checkDuration(v any) (any, error) {
	s, ok := v.(string)
	if !ok {
		return nil, fmt.Errorf("%s: want a duration in quotes, like \"30m\" or \"2h\"", describe(v))
	}
	d, err := time.ParseDuration(s)
	if err != nil || d < time.Minute {
		return nil, fmt.Errorf("%q: want a duration of a minute or more, like \"30m\" or \"2h\"", s)
	}
	return d, nil
}

func checkDays(v any) (any, error) {
	n, ok := v.(int64)
	if !ok {
		return nil, fmt.Errorf("%s: want a whole number of days (no quotes), 0 for the default", describe(v))
	}
	if n < 0 || n > 3650 {
		return nil, fmt.Errorf("%d: want 0 to 3650 days", n)
	}
	return n, nil
}

// describe names a TOML value and its type for a message.
func describe(v any) string {
	switch v := v.(type) {
	case string:
		return fmt.Sprintf("%q is a string", v)
	case bool:
		return fmt.Sprintf("%t is a boolean", v)
	case int64:
		return fmt.Sprintf("%d is a number", v)
	case float64:
		return fmt.Sprintf("%g is a number", v)
	case []any:
		return "a list"
	}
	return fmt.Sprintf("%v (%T)", v, v)
}

func quoteList(values []string) string {
	q := make([]string, len(values))
	for i, v := range values {
		q[i] = strconv.Quote(v)
	}
	return strings.Join(q, ", ")
}

// formatValue writes a value as TOML.
func formatValue(v any) string {
	switch v := v.(type) {
	case string:
		return strconv.Quote(v)
	case time.Duration:
		return strconv.Quote(shortDuration(v))
	}
	return fmt.Sprint(v)
}

// shortDuration is "1h" rather than "1h0m0s".
func shortDuration(d time.Duration) string {
	s := d.String()
	if strings.HasSuffix(s, "m0s") {
		s = strings.TrimSuffix(s, "0s")
	}
	if strings.HasSuffix(s, "h0m") {
		s = strings.TrimSuffix(s, "0m")
	}
	return s
}
