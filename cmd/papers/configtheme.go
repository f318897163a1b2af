package main

import (
	"fmt"
	"io"
	"os"
	"slices"
	"strconv"
	"strings"

	"github.com/papertui/papers/tui"
)

// The theme: `theme = "dark"` picks a preset, or a [theme] section picks
// one (preset = "light") and colours any element of the reader
// (tui.ThemeElements) and the rendered text's style (glamour = "dracula").

// themeScope is the problem key of the theme: a broken theme stops the
// reader only.
const themeScope = "theme."

// themePresets are the presets; "auto" asks the terminal.
var themePresets = readerStyles

// fileTheme is the theme as the file sets it.
type fileTheme struct {
	preset  string
	glamour string
	colors  map[string]string // element → normalised colour
}

// checkTheme reads `theme = "NAME"` or the [theme] section.
func (cf *configFile) checkTheme(v any) {
	cf.theme = fileTheme{colors: map[string]string{}}
	if s, ok := v.(string); ok {
		cf.themePreset(s, "theme")
		return
	}
	table, ok := v.(map[string]any)
	if !ok {
		cf.themeProblem("theme", fmt.Sprintf("theme: %s: want a preset (%s) in quotes, or a [theme] section", describe(v), quoteList(themePresets)))
		return
	}
	names := make([]string, 0, len(table))
	for n := range table {
		names = append(names, n)
	}
	slices.Sort(names)
	for _, name := range names {
		cf.themeValue(name, table[name])
	}
}

func (cf *configFile) themeValue(name string, v any) {
	key := "theme." + name
	switch {
	case name == "preset":
		s, _ := v.(string)
		if _, ok := v.(string); !ok {
			cf.themeProblem(key, fmt.Sprintf("%s: %s: want one of %s, in quotes", key, describe(v), quoteList(themePresets)))
			return
		}
		cf.themePreset(s, key)
	case name == "glamour":
		s, ok := v.(string)
		if !ok || !slices.Contains(tui.GlamourStyles, s) {
			what := describe(v)
			if ok {
				what = strconv.Quote(s) + " is not accepted"
			}
			cf.themeProblem(key, fmt.Sprintf("%s: %s: want one of %s", key, what, quoteList(tui.GlamourStyles)))
			return
		}
		cf.theme.glamour = s
	case isThemeElement(name):
		c, err := colorValue(v)
		if err != nil {
			cf.themeProblem(key, key+": "+err.Error())
			return
		}
		cf.theme.colors[name] = c
	default:
		msg := "unknown setting " + key
		if near := nearestThemeName(name); near != "" {
			msg += " (did you mean theme." + near + "?)"
		}
		cf.themeProblem(key, msg+"; the elements are "+strings.Join(themeNames(), ", "))
	}
}

func (cf *configFile) themePreset(s, key string) {
	if !slices.Contains(themePresets, s) {
		cf.themeProblem(key, fmt.Sprintf("%s: %q is not accepted: want one of %s", key, s, quoteList(themePresets)))
		return
	}
	cf.theme.preset = s
}

func (cf *configFile) themeProblem(key, msg string) {
	cf.problem = append(cf.problem, configProblem{line: cf.lineOf(key), key: themeScope, msg: msg})
}

// colorValue reads a colour: "#RRGGBB", "#RGB", or an ANSI number 0–255
// (quoted or not).
func colorValue(v any) (string, error) {
	switch v := v.(type) {
	case string:
		return tui.NormalizeColor(v)
	case int64:
		return tui.NormalizeColor(strconv.FormatInt(v, 10))
	}
	return "", fmt.Errorf("%s: want a colour, like \"#FFB454\" or an ANSI number 0 to 255", describe(v))
}

func themeNames() []string {
	var names []string
	for _, e := range tui.ThemeElements() {
		names = append(names, e.Name)
	}
	return names
}

func isThemeElement(name string) bool { return slices.Contains(themeNames(), name) }

// themeSettings are [theme]'s settings: the elements, the preset and
// the glamour style.
func themeSettings() []string { return append(themeNames(), "preset", "glamour") }

func nearestThemeName(name string) string { return closest(name, themeSettings()) }

// readerTheme gives the reader the file's theme: its colours, the
// rendered text's style, and the preset as the style (over the file's
// reader.style) unless --style says otherwise.
func readerTheme(opts *tui.Options) {
	if active == nil || len(active.file.problemsFor([]string{themeScope})) > 0 {
		return
	}
	t := active.file.theme
	opts.Colors, opts.Glamour = t.colors, t.glamour
	if t.preset != "" && !strings.HasPrefix(active.source("reader.style"), "flag") {
		opts.Style = t.preset
	}
}

// printStyle is the style `papers show` and `papers read ID` render with
// on a terminal: --style when typed, else the file's theme as the reader
// shows it (its glamour style, else its preset), else style (the file's
// reader.style or auto). NO_COLOR renders without colour, like the reader.
func printStyle(style string) string {
	if os.Getenv("NO_COLOR") != "" || os.Getenv("TERM") == "dumb" {
		return "notty" // a dumb terminal shows escape codes as text
	}
	if active == nil || strings.HasPrefix(active.source("reader.style"), "flag") ||
		len(active.file.problemsFor([]string{themeScope})) > 0 {
		return style
	}
	switch t := active.file.theme; {
	case t.glamour != "":
		return t.glamour
	case t.preset != "":
		return t.preset
	}
	return style
}

// source is where a setting's value came from.
func (c *configState) source(key string) string {
	for _, r := range c.values {
		if r.Key == key {
			return r.Source
		}
	}
	return "default"
}

// printTheme writes the [theme] section of `config show`: the preset,
// the rendered text's style, and every element's colour.
func printTheme(w io.Writer, st *configState) {
	t := st.file.theme
	if len(st.file.problemsFor([]string{themeScope})) > 0 {
		t = fileTheme{}
	}
	fmt.Fprintln(w, "\n[theme]")
	preset, src := t.preset, fmt.Sprintf("file %s:%d", st.path, st.file.lineOf("theme.preset"))
	if preset == "" {
		preset, src = fmt.Sprint(st.value("reader.style")), "reader.style"
	}
	fmt.Fprintf(w, "preset = %q  # %s\n", preset, src)
	glamour := t.glamour
	if glamour == "" {
		glamour = "follows the preset"
	}
	fmt.Fprintf(w, "# glamour: %s\n", glamour)
	for _, e := range tui.ThemeElements() {
		if c, ok := t.colors[e.Name]; ok {
			fmt.Fprintf(w, "%s = %q  # file %s:%d\n", e.Name, c, st.path, st.file.lineOf("theme."+e.Name))
			continue
		}
		switch preset {
		case "dark":
			fmt.Fprintf(w, "%s = %q  # preset\n", e.Name, e.Dark)
		case "light":
			fmt.Fprintf(w, "%s = %q  # preset\n", e.Name, e.Light)
		default:
			fmt.Fprintf(w, "# %s: preset, %s on dark, %s on light\n", e.Name, e.Dark, e.Light)
		}
	}
}

// isThemeSetting says name is one of [theme]'s settings.
func isThemeSetting(name string) bool { return slices.Contains(themeSettings(), name) }

// topThemeText is the top-level theme choice `config init` writes. TOML
// cannot have both it and a [theme] section, so the section is written
// commented out too.
func topThemeText() string {
	return "\n# The theme: a preset, " + strings.Join(themePresets, ", ") + " (or the [theme] section at the end, for colours: not both).\n" +
		"# theme = \"auto\"\n"
}

// defaultThemeText is the [theme] section `config init` writes, commented
// out: a `theme = "NAME"` at the top must still be possible.
func defaultThemeText() string {
	var b strings.Builder
	b.WriteString("\n# Uncomment [theme] with the lines you change (and then choose the preset here, not with theme = at the top).\n")
	b.WriteString("# [theme]\n\n# A preset: " + strings.Join(themePresets, ", ") + " (auto asks the terminal; same as reader.style).\n")
	b.WriteString("# preset = \"auto\"\n\n# The rendered text's style: " + strings.Join(tui.GlamourStyles, ", ") + " (unset: the preset's).\n")
	b.WriteString("# glamour = \"dark\"\n\n# Colours: \"#RRGGBB\", \"#RGB\" or an ANSI number 0 to 255. NO_COLOR turns them all off.\n")
	for _, e := range tui.ThemeElements() {
		fmt.Fprintf(&b, "# %s = %q  # %s (light: %s)\n", e.Name, e.Dark, e.Desc, e.Light)
	}
	return b.String()
}
