package main

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/adrg/xdg"
	"github.com/alecthomas/kong"
)

// ConfigCmd is `papers config`.
type ConfigCmd struct {
	Path ConfigPathCmd `cmd:"" help:"Print the configuration file's path."`
	Show ConfigShowCmd `cmd:"" default:"withargs" help:"Print the effective settings and where each comes from; checks the file (the default)."`
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

// Run prints the path of the file this run reads (or would).
func (c *ConfigPathCmd) Run() error {
	_, err := fmt.Fprintln(stdout, active.path)
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
			File     string       `json:"file"`
			Exists   bool         `json:"exists"`
			Ignored  bool         `json:"ignored"`
			Settings []resolved   `json:"settings"`
			Keys     []keyBinding `json:"keys"`
			Problems []problem    `json:"problems"`
		}{File: st.path, Exists: st.file.exists, Ignored: st.disabled, Settings: jsonValues(st.values),
			Keys: st.effectiveKeys(), Problems: []problem{}}
		for _, p := range st.file.problem {
			out.Problems = append(out.Problems, problem{p.line, p.column, p.msg})
		}
		if err := writeJSON(stdout, out); err != nil {
			return err
		}
	} else {
		printSettings(stdout, st)
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
		source := r.Source
		if r.Key == "reader.style" && st.file.theme.preset != "" && !strings.HasPrefix(source, "flag") {
			source += fmt.Sprintf(" (not in effect: the theme's preset %q wins)", st.file.theme.preset)
		}
		fmt.Fprintf(w, "%-*s  # %s\n", width, lines[i], source)
	}
	printTheme(w, st)
	printKeys(w, st)
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
			if section == "" {
				b.WriteString(topThemeText())
			}
			fmt.Fprintf(&b, "\n[%s]\n", sec)
			section = sec
		}
		b.WriteString("\n# " + s.help)
		also := s.alsoSetBy()
		if len(also) > 0 {
			b.WriteString(" (" + strings.Join(also, ", ") + ")")
		}
		def := s.def
		if s.key == "library" {
			def = homeRelative(filepath.Join(xdg.DataHome, "papers", "papers.db"))
		}
		fmt.Fprintf(&b, "\n# %s = %s\n", name, formatValue(def))
	}
	b.WriteString(defaultThemeText())
	b.WriteString(defaultKeysText())
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
