package main

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"time"

	"github.com/adrg/xdg"
	"github.com/alecthomas/kong"
	"github.com/papertui/papers/store"
	"github.com/papertui/papers/tui"
)

// Settling the configuration of one run: every setting resolved flag >
// environment > file > default before the command runs, the file's values
// written into the flags they stand for.

// ConfigFlags are the global flags that choose the configuration file.
type ConfigFlags struct {
	Config   string `name:"config" env:"PAPERS_CONFIG" placeholder:"FILE" help:"Configuration file (default $$XDG_CONFIG_HOME/papers/config.toml)."`
	NoConfig bool   `name:"no-config" help:"Ignore the configuration file."`
}

// noSettings are the commands that read no setting: they run whatever
// state the file is in.
var noSettings = []string{"config", "completion", "man", "__complete"}

// resolved is a setting's effective value and where it came from.
type resolved struct {
	Key    string `json:"key"`
	Value  any    `json:"value"`
	Source string `json:"source"`
}

// configState is the configuration of this run.
type configState struct {
	path       string
	pathSource string // "--config", "PAPERS_CONFIG" or "default"
	disabled   bool   // --no-config
	file       *configFile
	values     []resolved
}

// active is this run's configuration, settled before the command runs.
var active *configState

func (c *configState) value(key string) any {
	for _, r := range c.values {
		if r.Key == key {
			return r.Value
		}
	}
	return findSetting(key).def
}

// applyConfig reads the configuration for the command kong parsed and
// settles every setting, flag > environment > file > default, writing the
// file's values into the flags they stand for, so the commands read their
// flags as before. A file broken in a way that touches a setting the
// command needs stops it with a configError; others still run.
func applyConfig(kctx *kong.Context) error {
	st := resolveConfig(kctx)
	active = st
	cmd := commandName(kctx)
	if slices.Contains(noSettings, cmd) {
		return nil
	}
	if problems := st.stopping(neededKeys(cmd)); len(problems) > 0 {
		return usageError{configError{path: st.path, problems: problems}}
	}
	if len(st.file.problem) > 0 {
		// This command needs none of the broken settings, so it runs,
		// but never silently: what the file says is partly not applied.
		fmt.Fprintf(os.Stderr, "papers: warning: %s\n(the settings above are not applied: this command does not need them, or has them from a flag or the environment)\n",
			messageText(configError{path: st.path, problems: st.file.problem}.Error()))
	}
	return nil
}

// stopping are the file's problems that stop a command needing keys: a
// whole-file one (a syntax error, a file that cannot be read), since what
// the file meant is unknown, and those of the keys read from the file.
func (st *configState) stopping(keys []string) []configProblem {
	if len(keys) == 0 {
		return nil
	}
	concerned := st.file.problemsFor(st.fromFile(keys))
	var out []configProblem
	for _, p := range st.file.problem {
		if p.key == "" || slices.Contains(concerned, p) {
			out = append(out, p)
		}
	}
	return out
}

// fromFile are those of keys a flag or the environment does not set: a
// setting given on the command line is not read from the file, so its
// mistake there does not stop the command (the warning still names it).
func (st *configState) fromFile(keys []string) []string {
	var out []string
	for _, k := range keys {
		if !slices.ContainsFunc(st.values, func(r resolved) bool {
			return r.Key == k && (strings.HasPrefix(r.Source, "flag ") || strings.HasPrefix(r.Source, "env "))
		}) {
			out = append(out, k)
		}
	}
	return out
}

// resolveConfig finds and reads the file and resolves every setting.
func resolveConfig(kctx *kong.Context) *configState {
	st := &configState{path: defaultConfigPath(), pathSource: "default"}
	flags := givenFlags(kctx)
	if f := flagByName(kctx, "config"); f != nil {
		if p, ok := f.Target.Interface().(string); ok && p != "" {
			st.path = expandHome(p)
			st.pathSource = "PAPERS_CONFIG"
			if flags["config"] {
				st.pathSource = "--config"
			}
		}
	}
	if f := flagByName(kctx, "no-config"); f != nil {
		st.disabled, _ = f.Target.Interface().(bool)
	}
	st.file = &configFile{path: st.path, values: map[string]any{}}
	if !st.disabled {
		cf := loadConfig(st.path)
		if !cf.exists && st.pathSource != "default" {
			cf.problem = append(cf.problem, configProblem{msg: "no such file (papers config init --config " + st.path + " writes one)"})
		}
		st.file = cf
	}
	for _, s := range settings {
		// A setting the file's problems touch keeps its default: the
		// commands that need it refuse to run (applyConfig).
		blocked := len(st.file.problemsFor([]string{s.key})) > 0
		st.values = append(st.values, st.resolve(kctx, s, flags, blocked))
	}
	return st
}

// resolve settles one setting; blocked: the file must not be applied.
func (st *configState) resolve(kctx *kong.Context, s setting, given map[string]bool, blocked bool) resolved {
	f := flagByName(kctx, s.flag)
	if f != nil && given[s.flag] {
		v := f.Target.Interface()
		if s.invert {
			v = !v.(bool)
		}
		return resolved{s.key, v, "flag --" + s.flag}
	}
	if s.env != "" && os.Getenv(s.env) != "" {
		return resolved{s.key, os.Getenv(s.env), "env " + s.env}
	}
	if v, ok := st.file.values[s.key]; ok && !blocked {
		if f != nil && !anyGiven(given, s.unless) {
			setFlag(f, s, v)
		}
		return resolved{s.key, v, fmt.Sprintf("file %s:%d", st.path, st.file.lineOf(s.key))}
	}
	if s.key == "library" {
		return resolved{s.key, filepath.Join(xdg.DataHome, "papers", "papers.db"), "default"}
	}
	return resolved{s.key, s.def, "default"}
}

// setFlag writes a file's value into the flag's field.
func setFlag(f *kong.Flag, s setting, v any) {
	if s.invert {
		v = !v.(bool)
	}
	rv := reflect.ValueOf(v)
	target := f.Target.Type()
	if target.Kind() == reflect.Pointer {
		// A pointer flag (sync's --days) is nil when not given. The
		// file's zero is its "not set" (sync.days = 0: from the last
		// complete day), so it stays nil.
		if rv.IsZero() || !rv.Type().ConvertibleTo(target.Elem()) {
			return
		}
		p := reflect.New(target.Elem())
		p.Elem().Set(rv.Convert(target.Elem()))
		f.Target.Set(p)
		return
	}
	if !rv.Type().ConvertibleTo(target) {
		return
	}
	f.Target.Set(rv.Convert(target))
}

func anyGiven(given map[string]bool, names []string) bool {
	for _, n := range names {
		if given[n] {
			return true
		}
	}
	return false
}

// givenFlags are the flags typed on the command line (not from the
// environment or a default).
func givenFlags(kctx *kong.Context) map[string]bool {
	given := map[string]bool{}
	for _, p := range kctx.Path {
		if p.Flag != nil && !p.Resolved {
			given[p.Flag.Name] = true
		}
	}
	return given
}

func flagByName(kctx *kong.Context, name string) *kong.Flag {
	if name == "" {
		return nil
	}
	for _, f := range kctx.Flags() {
		if f.Name == name {
			return f
		}
	}
	return nil
}

// commandName is the top-level command being run ("read" for the reader).
func commandName(kctx *kong.Context) string {
	for _, p := range kctx.Path {
		if p.Command != nil {
			return p.Command.Name
		}
	}
	return "read"
}

// neededKeys are the settings a command reads.
func neededKeys(cmd string) []string {
	if slices.Contains(noSettings, cmd) {
		return nil
	}
	var keys []string
	if cmd == "read" {
		keys = append(keys, keysScope, themeScope)
	}
	for _, s := range settings {
		if slices.Contains(s.users, "*") || slices.Contains(s.users, cmd) {
			keys = append(keys, s.key)
		}
	}
	return keys
}

// applyReaderConfig gives the reader the settings no flag carries.
func applyReaderConfig(opts *tui.Options) {
	if active == nil {
		return
	}
	opts.View, _ = active.value("reader.view").(string)
	if s, _ := active.value("reader.sort").(string); s != "" {
		opts.Sort = store.Sort(s)
	}
	if opts.SyncAfter > 0 {
		if d, ok := active.value("sync.stale_after").(time.Duration); ok {
			opts.SyncAfter = d
		}
	}
	if n, ok := active.value("sync.days").(int64); ok {
		opts.SyncDays = int(n)
	}
	opts.Keys = readerKeys()
	opts.Layout = readerLayout()
	opts.Opener, _ = active.value("open").(string)
	readerTheme(opts)
}

// Bubble Tea draws the latest frame on a ticker, so a frame (the first
// one too) waits for the next tick: at 120 a second that is 4 ms on
// average instead of 8 at its default 60. Bubble Tea goes no higher.
// The cost: an idle reader wakes twice as often (about 0.4% of a core
// more, measured on a 2-core machine).
const (
	defaultFPS = 120
	maxFPS     = 120
)

// readerFPS is how often the reader may redraw, from the settings.
func readerFPS() int {
	if active != nil {
		if n, ok := active.value("reader.fps").(int64); ok {
			return int(n)
		}
	}
	return defaultFPS
}

// readerLayout is the reader's layout from the settings.
func readerLayout() tui.Layout {
	var l tui.Layout
	if active.source("layout.columns") != "default" {
		l.Columns, _ = active.value("layout.columns").([]string)
	}
	num := func(key string) int { n, _ := active.value(key).(int64); return int(n) }
	l.SideBySide, l.ThreeColumns, l.ListShare = num("layout.side_by_side"), num("layout.three_columns"), num("layout.list_share")
	return l
}
