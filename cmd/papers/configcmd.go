package main

import (
	"errors"
	"fmt"
	"github.com/papertui/papers/tui/clean"
	"io"
	"io/fs"
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

// ConfigFlags are the global flags that choose the configuration file.
type ConfigFlags struct {
	Config   string `name:"config" env:"PAPERS_CONFIG" placeholder:"FILE" help:"Configuration file (default $$XDG_CONFIG_HOME/papers/config.toml)."`
	NoConfig bool   `name:"no-config" help:"Ignore the configuration file."`
}

// ConfigCmd is `papers config`.
type ConfigCmd struct {
	Path ConfigPathCmd `cmd:"" help:"Print the configuration file's path."`
	Show ConfigShowCmd `cmd:"" help:"Print the effective settings and where each comes from; checks the file."`
	Init ConfigInitCmd `cmd:"" help:"Write a commented configuration file with every default (never overwrites one)."`
}

// ConfigPathCmd is `papers config path`.
type ConfigPathCmd struct{}

// ConfigShowCmd is `papers config show`.
type ConfigShowCmd struct {
	JSON bool `name:"json" help:"Print one JSON object."`
}

// ConfigInitCmd is `papers config init`.
type ConfigInitCmd struct{}

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
	if problems := st.file.problemsFor(neededKeys(cmd)); len(problems) > 0 {
		return usageError{configError{path: st.path, problems: problems}}
	}
	if len(st.file.problem) > 0 {
		// This command needs none of the broken settings, so it runs,
		// but never silently: what the file says is partly not applied.
		fmt.Fprintf(os.Stderr, "papers: warning: %s\n(the settings above are not applied; this command does not need them)\n",
			clean.Text(configError{path: st.path, problems: st.file.problem}.Error()))
	}
	return nil
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
	if !rv.Type().ConvertibleTo(f.Target.Type()) {
		return
	}
	f.Target.Set(rv.Convert(f.Target.Type()))
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
}

// Run prints the path of the file this run reads (or would).
func (c *ConfigPathCmd) Run() error {
	_, err := fmt.Fprintln(os.Stdout, active.path)
	return err
}

// Run prints every setting's effective value and its source, as TOML a
// config file could hold, then the file's problems; exit 2 when it has any.
func (c *ConfigShowCmd) Run() error {
	st := active
	if c.JSON {
		type problem struct {
			Line    int    `json:"line,omitempty"`
			Column  int    `json:"column,omitempty"`
			Message string `json:"message"`
		}
		out := struct {
			File     string     `json:"file"`
			Exists   bool       `json:"exists"`
			Ignored  bool       `json:"ignored"`
			Settings []resolved `json:"settings"`
			Problems []problem  `json:"problems"`
		}{File: st.path, Exists: st.file.exists, Ignored: st.disabled, Settings: jsonValues(st.values), Problems: []problem{}}
		for _, p := range st.file.problem {
			out.Problems = append(out.Problems, problem{p.line, p.column, p.msg})
		}
		if err := writeJSON(os.Stdout, out); err != nil {
			return err
		}
	} else {
		printSettings(os.Stdout, st)
	}
	if len(st.file.problem) > 0 {
		return usageError{configError{path: st.path, problems: st.file.problem}}
	}
	return nil
}

// jsonValues writes durations as their text ("1h"), as the file does.
func jsonValues(values []resolved) []resolved {
	out := slices.Clone(values)
	for i, r := range out {
		if d, ok := r.Value.(time.Duration); ok {
			out[i].Value = shortDuration(d)
		}
	}
	return out
}

func printSettings(w io.Writer, st *configState) {
	switch {
	case st.disabled:
		fmt.Fprintf(w, "# config file %s: ignored (--no-config)\n", st.path)
	case !st.file.exists:
		fmt.Fprintf(w, "# config file %s: none (papers config init writes one)\n", st.path)
	case len(st.file.problem) > 0:
		fmt.Fprintf(w, "# config file %s: broken, not applied to the settings it touches\n", st.path)
	default:
		fmt.Fprintf(w, "# config file %s\n", st.path)
	}
	width := 0
	lines := make([]string, len(st.values))
	for i, r := range st.values {
		lines[i] = r.Key + " = " + formatValue(r.Value)
		width = max(width, len(lines[i]))
	}
	for i, r := range st.values {
		fmt.Fprintf(w, "%-*s  # %s\n", width, lines[i], r.Source)
	}
	if os.Getenv("HF_TOKEN") != "" {
		fmt.Fprintln(w, "# HF_TOKEN is set (sent to Hugging Face, never shown)")
	}
}

// Run writes the commented default file; an existing file is left alone.
func (c *ConfigInitCmd) Run() error {
	path := active.path
	if _, err := os.Stat(path); err == nil {
		return fmt.Errorf("config %s already exists; not overwritten (papers config show checks it)", path)
	} else if !errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("config %s: %w", path, err)
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return fmt.Errorf("config init: %w", err)
	}
	// O_EXCL: a file that appeared since the check is not overwritten either.
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return fmt.Errorf("config init: %w", err)
	}
	if _, err := io.WriteString(f, defaultConfigText()); err != nil {
		f.Close()
		os.Remove(path)
		return fmt.Errorf("config init: write %s: %w", path, err)
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("config init: write %s: %w", path, err)
	}
	fmt.Fprintf(os.Stderr, "wrote %s\n", path)
	return nil
}

// defaultConfigText is the file `config init` writes: every setting,
// commented out at its default, with what it does and what else sets it.
func defaultConfigText() string {
	var b strings.Builder
	b.WriteString("# papers configuration. Every setting is shown commented out at its default:\n")
	b.WriteString("# uncomment a line to change it. A flag or an environment variable wins over\n")
	b.WriteString("# this file; `papers config show` prints the effective settings and checks\n")
	b.WriteString("# the file; `papers --no-config` ignores it.\n")
	section := ""
	for _, s := range settings {
		sec, name, ok := strings.Cut(s.key, ".")
		if !ok {
			sec, name = "", s.key
		}
		if sec != section {
			fmt.Fprintf(&b, "\n[%s]\n", sec)
			section = sec
		}
		b.WriteString("\n# " + s.help)
		var also []string
		if s.flag != "" {
			also = append(also, "--"+s.flag)
		}
		if s.env != "" {
			also = append(also, s.env)
		}
		if len(also) > 0 {
			b.WriteString(" (" + strings.Join(also, ", ") + ")")
		}
		def := s.def
		if s.key == "library" {
			def = homeRelative(filepath.Join(xdg.DataHome, "papers", "papers.db"))
		}
		fmt.Fprintf(&b, "\n# %s = %s\n", name, formatValue(def))
	}
	return b.String()
}

// homeRelative writes a path under the home folder as ~/….
func homeRelative(p string) string {
	home, err := os.UserHomeDir()
	if err != nil || home == "" {
		return p
	}
	if rest, ok := strings.CutPrefix(p, home+string(filepath.Separator)); ok {
		return "~/" + filepath.ToSlash(rest)
	}
	return p
}

// extraConfigOptions adds --config, --no-config and `papers config`.
func extraConfigOptions() []kong.Option {
	return []kong.Option{
		kong.Embed(&ConfigFlags{}),
		kong.DynamicCommand("config", "The configuration file: path, show, init.", "", &ConfigCmd{}),
	}
}
