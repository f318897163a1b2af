package main

import (
	"fmt"
	"strings"
	"testing"

	"github.com/papertui/papers/tui"
)

// TestConfigThemeProblems: every way a theme can be wrong, by exact
// message and line.
func TestConfigThemeProblems(t *testing.T) {
	for _, tc := range []struct {
		name, text string
		want       []string
	}{
		{"unknown preset", "theme = \"blue\"\n", []string{`1: theme: "blue" is not accepted: want one of "auto", "dark", "light"`}},
		{"misspelt element", "[theme]\nselction = \"#fff\"\n",
			[]string{"2: unknown setting theme.selction (did you mean theme.selection?); the elements are selection, unread, read, new, queued, upvotes, dim, day_rule, border, border_active, title, title_active, status, error, notice, highlight, link"}},
		{"bad hex", "[theme]\nborder = \"#ggg\"\n", []string{`2: theme.border: "#ggg" is not a colour: want #RRGGBB or #RGB in hex digits, or an ANSI number 0 to 255`}},
		{"ansi out of range", "[theme]\nread = 300\n", []string{"2: theme.read: 300 is not an ANSI colour: want 0 to 255"}},
		{"wrong type", "[theme]\nunread = true\n", []string{`2: theme.unread: true is a boolean: want a colour, like "#FFB454" or an ANSI number 0 to 255`}},
		{"bad glamour", "[theme]\nglamour = \"neon\"\n",
			[]string{`2: theme.glamour: "neon" is not accepted: want one of "dark", "light", "dracula", "tokyo-night", "pink", "notty", "ascii"`}},
		{"bad preset in section", "[theme]\npreset = 1\n", []string{`2: theme.preset: 1 is a number: want one of "auto", "dark", "light", in quotes`}},
		{"not a preset or section", "theme = 3\n", []string{`1: theme: 3 is a number: want a preset ("auto", "dark", "light") in quotes, or a [theme] section`}},
	} {
		wantProblems(t, tc.name, tc.text, tc.want...)
	}
}

// TestInitFileTakesEitherThemeForm: in the file config init writes, the
// README's `theme = "light"` (at the top) works, and so does the [theme]
// section once uncommented; both at once, or a colour uncommented
// without its section, say what to do.
func TestInitFileTakesEitherThemeForm(t *testing.T) {
	init := defaultConfigText()
	top := strings.Replace(init, "# theme = \"auto\"", "theme = \"light\"", 1)
	section := strings.NewReplacer("# [theme]", "[theme]", "# preset = \"auto\"", "preset = \"light\"", "# selection = ", "selection = ").Replace(init)
	for name, text := range map[string]string{"top": top, "section": section} {
		if text == init {
			t.Fatalf("%s: the init file has no line to uncomment", name)
		}
		cf := loadConfig(writeConfig(t, text))
		if len(cf.problem) > 0 || cf.theme.preset != "light" {
			t.Errorf("%s: preset %q, problems %+v", name, cf.theme.preset, cf.problem)
		}
	}
	both := strings.Replace(section, "# theme = \"auto\"", "theme = \"light\"", 1)
	if got := fmt.Sprint(loadConfig(writeConfig(t, both)).problem); !strings.Contains(got, `write preset = "NAME" in [theme] instead`) {
		t.Errorf("both forms: %s", got)
	}
	alone := strings.Replace(init, "# selection = ", "selection = ", 1)
	if got := fmt.Sprint(loadConfig(writeConfig(t, alone)).problem); !strings.Contains(got, "a [theme] setting: write [theme] above it") {
		t.Errorf("a colour without [theme]: %s", got)
	}
}

// TestConfigThemeReachesTheReader: the preset becomes the style unless
// --style is given; colours and the glamour style are passed on.
func TestConfigThemeReachesTheReader(t *testing.T) {
	for _, text := range []string{"theme = \"light\"\n", "[theme]\npreset = \"light\"\nselection = \"#f0a\"\nqueued = 33\nglamour = \"dracula\"\n"} {
		active = &configState{path: "x", file: loadConfig(writeConfig(t, text))}
		if len(active.file.problem) > 0 {
			t.Fatalf("%q: %+v", text, active.file.problem)
		}
		opts := tui.Options{Style: "auto"}
		readerTheme(&opts)
		if opts.Style != "light" {
			t.Errorf("%q: style %q", text, opts.Style)
		}
		if strings.Contains(text, "[theme]") && (opts.Colors["selection"] != "#FF00AA" || opts.Colors["queued"] != "33" || opts.Glamour != "dracula") {
			t.Errorf("%q: colours %v glamour %q", text, opts.Colors, opts.Glamour)
		}
		active.values = []resolved{{Key: "reader.style", Value: "dark", Source: "flag --style"}}
		opts = tui.Options{Style: "dark"}
		readerTheme(&opts)
		if opts.Style != "dark" {
			t.Errorf("%q: --style lost to the theme: %q", text, opts.Style)
		}
	}
	active = nil
	if !strings.Contains(defaultConfigText(), "# selection = \"#3A3160\"  # background of the selected row (light: #E4DEFF)") {
		t.Error("init text lacks the theme's elements")
	}
}

// TestConfigThemeReachesPrintedText: `papers show` and `papers read ID`
// render with the theme's glamour style, else its preset, unless --style
// is typed; NO_COLOR renders without colour.
func TestConfigThemeReachesPrintedText(t *testing.T) {
	defer func() { active = nil }()
	for _, tc := range []struct{ text, want string }{
		{"theme = \"light\"\n", "light"},
		{"[theme]\npreset = \"light\"\nglamour = \"dracula\"\n", "dracula"},
		{"", "auto"},
		{"theme = \"neon\"\n", "auto"}, // broken: not applied
	} {
		active = &configState{path: "x", file: loadConfig(writeConfig(t, tc.text))}
		if got := printStyle("auto"); got != tc.want {
			t.Errorf("%q: style %q, want %q", tc.text, got, tc.want)
		}
		active.values = []resolved{{Key: "reader.style", Value: "dark", Source: "flag --style"}}
		if got := printStyle("dark"); got != "dark" {
			t.Errorf("%q: --style dark lost to the theme: %q", tc.text, got)
		}
	}
	t.Setenv("NO_COLOR", "1")
	if got := printStyle("dark"); got != "notty" {
		t.Errorf("NO_COLOR: style %q", got)
	}
}

// TestDumbTerminalGetsPlainText: show and read print no escape codes to a
// terminal that shows them as text (TERM=dumb), as with NO_COLOR.
func TestDumbTerminalGetsPlainText(t *testing.T) {
	t.Setenv("NO_COLOR", "")
	t.Setenv("TERM", "dumb")
	if got := printStyle("dark"); got != "notty" {
		t.Errorf("TERM=dumb: style %q, want notty", got)
	}
	t.Setenv("TERM", "xterm-256color")
	if got := printStyle("dark"); got != "dark" {
		t.Errorf("TERM=xterm-256color: style %q, want dark", got)
	}
}

// TestConfigShowSaysWhichStyleIsInEffect: a reader.style the theme's
// preset overrides is marked as not in effect.
func TestConfigShowSaysWhichStyleIsInEffect(t *testing.T) {
	path := writeConfig(t, "[reader]\nstyle = \"light\"\n[theme]\npreset = \"dark\"\n")
	r := papers(t, []string{"PAPERS_CONFIG=" + path}, "config", "show")
	if r.code != 0 || !strings.Contains(r.stdout, `(not in effect: the theme's preset "dark" wins)`) {
		t.Errorf("config show: exit %d\n%s", r.code, r.stdout)
	}
	path = writeConfig(t, "[reader]\nstyle = \"light\"\n")
	if r := papers(t, []string{"PAPERS_CONFIG=" + path}, "config", "show"); r.code != 0 || strings.Contains(r.stdout, "not in effect") {
		t.Errorf("without a theme, reader.style marked as not in effect:\n%s", r.stdout)
	}
}
