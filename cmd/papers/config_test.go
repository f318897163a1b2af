package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/alecthomas/kong"

	"github.com/papertui/papers/feed/feedtest"
	"github.com/papertui/papers/tui"
)

func writeConfig(t *testing.T, text string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "config.toml")
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestConfigProblemsNameLineAndFix(t *testing.T) {
	for _, tc := range []struct {
		name, text string
		want       []string // each in one problem's message, with its position
	}{
		{"syntax", "library = \"a.db\"\n[reader\nstyle = \"dark\"\n", []string{"2:8: syntax error"}},
		{"unterminated string", "api = \"http://x\n", []string{"1:16: syntax error"}},
		{"unknown key", "[reader]\nsytle = \"dark\"\n", []string{"2: unknown setting reader.sytle (did you mean reader.style?)"}},
		{"key in wrong section", "style = \"dark\"\n", []string{"1: unknown setting style (did you mean reader.style?)"}},
		{"unknown far key", "[reader]\ncolumns = 3\n", []string{"2: unknown setting reader.columns"}},
		{"unknown section", "[readr]\nstyle = \"dark\"\n", []string{"1: unknown section readr (did you mean reader?)"}},
		{"section as value", "reader = \"dark\"\n", []string{"1: reader is a section"}},
		{"bad enum", "[reader]\nstyle = \"blue\"\n", []string{`2: reader.style: "blue" is not accepted: want one of "auto", "dark", "light"`}},
		{"bad type", "[reader]\nmouse = \"yes\"\n", []string{`2: reader.mouse: "yes" is a string: want true or false`}},
		{"bad duration", "[sync]\nstale_after = \"soon\"\n", []string{`2: sync.stale_after: "soon": want a duration`}},
		{"bad days", "[sync]\ndays = -1\n", []string{"2: sync.days: -1: want 0 to 3650 days"}},
		{"bad url", "api = \"ftp://x\"\n", []string{`1: api: "ftp://x" is not an http or https URL`}},
		{"dotted keys", "reader.view = \"month\"\nreader.sort = 3\n", []string{"2: reader.sort: 3 is a number"}},
	} {
		path := writeConfig(t, tc.text)
		cf := loadConfig(path)
		msg := configError{path: path, problems: cf.problem}.Error()
		for _, w := range tc.want {
			if !strings.Contains(msg, path+":"+w) {
				t.Errorf("%s: message lacks %q:\n%s", tc.name, w, msg)
			}
		}
		if len(cf.problem) != len(tc.want) {
			t.Errorf("%s: %d problems, want %d:\n%s", tc.name, len(cf.problem), len(tc.want), msg)
		}
		if !strings.Contains(msg, "--no-config") {
			t.Errorf("%s: message does not say how to bypass:\n%s", tc.name, msg)
		}
	}
}

// wantProblems loads text as a config file and checks its problems: as
// many as want, each message exactly, in order, after the file's path.
func wantProblems(t *testing.T, name, text string, want ...string) {
	t.Helper()
	path := writeConfig(t, text)
	cf := loadConfig(path)
	if len(cf.problem) != len(want) {
		t.Errorf("%s: %d problems %+v, want %d", name, len(cf.problem), cf.problem, len(want))
		return
	}
	lines := strings.Split(configError{path: path, problems: cf.problem}.Error(), "\n")
	for i, w := range want {
		if got := strings.TrimSpace(lines[1+i]); got != path+":"+w {
			t.Errorf("%s:\n got %s\nwant %s", name, got, path+":"+w)
		}
	}
}

func TestConfigGoodFileLoads(t *testing.T) {
	path := writeConfig(t, `library = "~/papers.db"
api = "http://127.0.0.1:9"
[reader]
style = "light"
mouse = true
view = "day"
sort = "trending"
[sync]
on_start = false
stale_after = "90m"
days = 14
`)
	cf := loadConfig(path)
	if len(cf.problem) > 0 {
		t.Fatalf("load: %+v", cf.problem)
	}
	home, err := os.UserHomeDir()
	if err != nil {
		t.Fatal(err)
	}
	if cf.values["library"] != filepath.Join(home, "papers.db") || cf.values["sync.days"] != int64(14) ||
		cf.values["reader.view"] != "day" || cf.lines["sync.days"] != 11 {
		t.Errorf("values %v lines %v", cf.values, cf.lines)
	}
}

// TestConfigRelativeLibrary: a relative library path is from the file's
// folder, whatever folder papers runs in.
func TestConfigRelativeLibrary(t *testing.T) {
	path := writeConfig(t, "library = \"lib/papers.db\"\n")
	cf := loadConfig(path)
	if want := filepath.Join(filepath.Dir(path), "lib", "papers.db"); cf.values["library"] != want {
		t.Errorf("library %v, want %s", cf.values["library"], want)
	}
}

// showJSON runs `papers config show --json`.
func showJSON(t *testing.T, env []string, args ...string) (map[string]resolved, result) {
	t.Helper()
	r := papers(t, env, append(args, "config", "show", "--json")...)
	var out struct{ Settings []resolved }
	if err := json.Unmarshal([]byte(r.stdout), &out); err != nil {
		t.Fatalf("config show --json: %v\n%s\n%s", err, r.stdout, r.stderr)
	}
	byKey := map[string]resolved{}
	for _, s := range out.Settings {
		byKey[s.Key] = s
	}
	return byKey, r
}

// TestConfigAloneShows: `papers config` is `papers config show`, its
// flags too, as `papers queue --json` is the queue's list.
func TestConfigAloneShows(t *testing.T) {
	env := []string{"PAPERS_CONFIG=" + writeConfig(t, "[layout]\nlist_share = 61\n"), "PAPERS_DB=" + filepath.Join(t.TempDir(), "p.db")}
	for _, args := range [][]string{{"config"}, {"config", "--json"}} {
		show := papers(t, env, append([]string{"config", "show"}, args[1:]...)...)
		if r := papers(t, env, args...); r.code != 0 || r.stdout != show.stdout || !strings.Contains(r.stdout, "61") {
			t.Errorf("papers %v: exit %d, stdout %.80q, stderr %q; show: %.80q", args, r.code, r.stdout, r.stderr, show.stdout)
		}
	}
}

func TestConfigPrecedence(t *testing.T) {
	path := writeConfig(t, "library = \"/from/file.db\"\napi = \"http://file.example\"\n[reader]\nstyle = \"light\"\nmouse = true\n[sync]\non_start = false\n")
	env := []string{"PAPERS_CONFIG=" + path, "PAPERS_DB=/from/env.db"}
	got, r := showJSON(t, env, "--api", "http://flag.example")
	if r.code != 0 {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	for key, want := range map[string]resolved{
		"library":       {Value: "/from/env.db", Source: "env PAPERS_DB"},
		"api":           {Value: "http://flag.example", Source: "flag --api"},
		"reader.style":  {Value: "light", Source: "file " + path + ":4"},
		"reader.mouse":  {Value: true, Source: "file " + path + ":5"},
		"reader.view":   {Value: "all", Source: "default"},
		"sync.on_start": {Value: false, Source: "file " + path + ":7"},
	} {
		if got[key].Value != want.Value || got[key].Source != want.Source {
			t.Errorf("%s: got %v from %q, want %v from %q", key, got[key].Value, got[key].Source, want.Value, want.Source)
		}
	}
	// --no-config: the file is not read at all.
	got, _ = showJSON(t, []string{"PAPERS_CONFIG=" + path}, "--no-config")
	if got["library"].Source != "default" || got["reader.mouse"].Value != false {
		t.Errorf("--no-config: %+v", got)
	}
	// --config beats PAPERS_CONFIG.
	other := writeConfig(t, "[reader]\nview = \"month\"\n")
	got, _ = showJSON(t, env, "--config", other)
	if got["reader.view"].Value != "month" || got["library"].Source != "env PAPERS_DB" || got["reader.mouse"].Value != false {
		t.Errorf("--config: %+v", got)
	}
}

func TestConfigLibraryUsedByCommands(t *testing.T) {
	env, _ := importedLibrary(t)
	lib := strings.TrimPrefix(env[0], "PAPERS_DB=")
	path := writeConfig(t, "library = \""+lib+"\"\n")
	r := papers(t, []string{"PAPERS_CONFIG=" + path}, "stats", "--json")
	if r.code != 0 || !strings.Contains(r.stdout, lib) {
		t.Errorf("stats with library from the file: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
}

func TestBrokenConfigStopsOnlyWhatNeedsIt(t *testing.T) {
	env := emptyLibraryEnv(t)
	readerOnly := writeConfig(t, "[reader]\nstyle = \"blue\"\n")
	// A command that runs past a broken file says so: it never applies
	// the file silently in part.
	if r := papers(t, append(env, "PAPERS_CONFIG="+readerOnly), "list"); r.code != 0 ||
		!strings.Contains(r.stderr, "warning") || !strings.Contains(r.stderr, readerOnly+":2") {
		t.Errorf("list past a broken reader.style: exit %d, stderr %q", r.code, r.stderr)
	}
	broken := writeConfig(t, "library = \"x.db\n")
	for _, tc := range []struct {
		config string
		args   []string
		code   int
	}{
		{readerOnly, nil, 2},                         // the reader needs reader.style
		{readerOnly, []string{"list"}, 0},            // list does not
		{readerOnly, []string{"stats"}, 0},           // nor stats
		{broken, []string{"list"}, 2},                // a syntax error: the library is unknown
		{broken, []string{"--no-config", "list"}, 0}, // the way round it
		{broken, []string{"config", "path"}, 0},      // commands that need no setting
		{broken, []string{"completion", "bash"}, 0},
		{broken, []string{"man"}, 0},
		{broken, []string{"--version"}, 0},
		{broken, []string{"config", "show"}, 2}, // shows the settings and the problem
	} {
		r := papers(t, append(env, "PAPERS_CONFIG="+tc.config), tc.args...)
		if r.code != tc.code {
			t.Errorf("%v with %s: exit %d, want %d\n%s", tc.args, tc.config, r.code, tc.code, r.stderr)
		}
		if tc.code == 2 && (!strings.Contains(r.stderr, tc.config+":") || !strings.Contains(r.stderr, "--no-config")) {
			t.Errorf("%v: message lacks the file or the way round:\n%s", tc.args, r.stderr)
		}
	}
	// A missing file named explicitly is an error, not silently nothing.
	r := papers(t, append(env, "PAPERS_CONFIG=/nonexistent/config.toml"), "list")
	if r.code != 2 || !strings.Contains(r.stderr, "no such file") {
		t.Errorf("missing --config file: exit %d %s", r.code, r.stderr)
	}
}

// A setting given by a flag or the environment is not read from the file,
// so the file's mistake in it does not stop the command (README:
// "Precedence: a flag, then the environment, then the file"), and a
// top-level slip stops only what needs the setting it is nearest to.
func TestFlagOrEnvGetsPastABrokenSetting(t *testing.T) {
	env := emptyLibraryEnv(t)
	lib := strings.TrimPrefix(env[0], "PAPERS_DB=")
	badLibrary := writeConfig(t, "library = 5\n")
	home := []string{"HOME=" + t.TempDir(), "XDG_DATA_HOME=" + t.TempDir()}
	for _, tc := range []struct {
		name string
		env  []string
		args []string
		code int
	}{
		{"no way round", home, []string{"stats"}, 2},
		{"the environment", append(home, env...), []string{"stats"}, 0},
		{"a flag", home, []string{"--db", lib, "stats"}, 0},
	} {
		r := papers(t, append(tc.env, "PAPERS_CONFIG="+badLibrary), tc.args...)
		if r.code != tc.code {
			t.Errorf("%s: exit %d, want %d\n%s", tc.name, r.code, tc.code, r.stderr)
		}
		if !strings.Contains(r.stderr, badLibrary+":1") {
			t.Errorf("%s: the broken setting is not named:\n%s", tc.name, r.stderr)
		}
	}
	// style is nearest reader.style: show needs it, list does not.
	slip := writeConfig(t, "style = \"dark\"\n")
	if r := papers(t, append(env, "PAPERS_CONFIG="+slip), "list"); r.code != 0 || !strings.Contains(r.stderr, "did you mean reader.style") {
		t.Errorf("list past a top-level slip: exit %d\n%s", r.code, r.stderr)
	}
	if r := papers(t, append(env, "PAPERS_CONFIG="+slip), "show", "2405.00001"); r.code != 2 {
		t.Errorf("show, which needs reader.style: exit %d, want 2\n%s", r.code, r.stderr)
	}
	// libary is nearest library, which every command needs.
	if r := papers(t, append(home, "PAPERS_CONFIG="+writeConfig(t, "libary = \"x.db\"\n")), "stats"); r.code != 2 {
		t.Errorf("stats past libary: exit %d, want 2\n%s", r.code, r.stderr)
	}
}

func TestConfigInitWritesDefaultsNeverOverwrites(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "sub", "config.toml")
	env := []string{"PAPERS_CONFIG=" + path}
	if r := papers(t, env, "config", "init"); r.code != 0 {
		t.Fatalf("init: exit %d %s", r.code, r.stderr)
	}
	text, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range settings {
		_, name, ok := strings.Cut(s.key, ".")
		if !ok {
			name = s.key
		}
		if !strings.Contains(string(text), "# "+name+" = ") {
			t.Errorf("init file lacks %s:\n%s", s.key, text)
		}
	}
	// The file as written is valid and changes nothing.
	got, r := showJSON(t, env)
	if r.code != 0 || got["reader.style"].Source != "default" {
		t.Errorf("show on the init file: exit %d %+v %s", r.code, got, r.stderr)
	}
	// Uncommenting every line gives the defaults, from the file.
	uncommented := strings.NewReplacer("# library", "library", "# api", "api", "# style", "style", "# mouse", "mouse",
		"# view", "view", "# sort", "sort", "# on_start", "on_start", "# stale_after", "stale_after", "# days", "days").Replace(string(text))
	mustWriteFile(t, path, []byte(uncommented), 0o644)
	got, r = showJSON(t, env)
	if r.code != 0 || got["sync.stale_after"].Value != "1h" || !strings.HasPrefix(got["reader.sort"].Source, "file ") {
		t.Errorf("uncommented init file: exit %d %+v %s", r.code, got, r.stderr)
	}
	before := mustReadFile(t, path)
	if r := papers(t, env, "config", "init"); r.code != 1 || !strings.Contains(r.stderr, "already exists") {
		t.Errorf("second init: exit %d %s", r.code, r.stderr)
	}
	if after := mustReadFile(t, path); string(after) != string(before) {
		t.Error("second init changed the file")
	}
	if r := papers(t, env, "config", "path"); strings.TrimSpace(r.stdout) != path {
		t.Errorf("config path: %q", r.stdout)
	}
}

func TestConfigShowNeverPrintsToken(t *testing.T) {
	const token = "hf_secretsecretsecret"
	for _, args := range [][]string{{"config", "show"}, {"config", "show", "--json"}} {
		r := papers(t, []string{"HF_TOKEN=" + token}, args...)
		if strings.Contains(r.stdout+r.stderr, token) {
			t.Errorf("%v printed HF_TOKEN", args)
		}
	}
}

func TestConfigSyncDaysGivesWayToFlags(t *testing.T) {
	path := writeConfig(t, "[sync]\ndays = 3\n")
	env := append(dbEnv(t), "PAPERS_CONFIG="+path)
	// --date with days from the file is not "choose one of": the file gives way.
	r := papers(t, env, "sync", "--date", "2025-01-02")
	if r.code == 2 || strings.Contains(r.stderr, "choose one of") {
		t.Errorf("sync --date with sync.days in the file: exit %d %s", r.code, r.stderr)
	}
}

// TestConfigSyncDaysIsApplied: sync.days in the file sets how many days
// a plain `papers sync` fetches, as --days would; 0 keeps the default.
func TestConfigSyncDaysIsApplied(t *testing.T) {
	srv := feedtest.New(t)
	env := append(dbEnv(t), "PAPERS_API_URL="+srv.URL, "PAPERS_CONFIG="+writeConfig(t, "[sync]\ndays = 3\n"))
	r := papers(t, env, "sync", "--json")
	var rep struct{ Days int }
	mustUnmarshal(t, []byte(r.stdout), &rep)
	if r.code != 0 || rep.Days != 3 {
		t.Errorf("sync with sync.days = 3 in the file: exit %d, %d days: %s %s", r.code, rep.Days, r.stdout, r.stderr)
	}
	env = append(dbEnv(t), "PAPERS_API_URL="+srv.URL, "PAPERS_CONFIG="+writeConfig(t, "[sync]\ndays = 0\n"))
	if r := papers(t, env, "sync", "--json"); r.code != 0 {
		t.Errorf("sync with sync.days = 0 in the file: exit %d %s", r.code, r.stderr)
	}
}

// TestSettingsMatchFlags keeps the settings table and the kong flags in
// step: a setting's flag exists, its environment variable is the flag's,
// and an enum accepts what the flag accepts.
func TestSettingsMatchFlags(t *testing.T) {
	var cli CLI
	parser, err := kong.New(&cli, kong.Name("papers"), extraCommands(), kong.Vars{"version": "test"})
	if err != nil {
		t.Fatal(err)
	}
	flags := map[string]*kong.Flag{}
	var walk func(n *kong.Node)
	walk = func(n *kong.Node) {
		for _, f := range n.Flags {
			flags[f.Name] = f
		}
		for _, c := range n.Children {
			walk(c)
		}
	}
	walk(parser.Model.Node)
	for _, s := range settings {
		if s.flag == "" {
			continue
		}
		f := flags[s.flag]
		if f == nil {
			t.Errorf("%s: no flag --%s", s.key, s.flag)
			continue
		}
		if s.env != "" && (len(f.Envs) == 0 || f.Envs[0] != s.env) {
			t.Errorf("%s: env %s, flag --%s has %v", s.key, s.env, s.flag, f.Envs)
		}
		if f.Enum != "" {
			for _, v := range f.EnumSlice() {
				if _, err := s.check(v); err != nil {
					t.Errorf("%s refuses %q, which --%s accepts", s.key, v, s.flag)
				}
			}
		}
	}
}

// BenchmarkConfigStartup is what the configuration adds to a start: find,
// read and check a full file and resolve every setting against the parsed
// command line. Target: under 2 ms.
func BenchmarkConfigStartup(b *testing.B) {
	path := filepath.Join(b.TempDir(), "config.toml")
	text := strings.NewReplacer("# library", "library", "# api", "api", "# style", "style", "# mouse", "mouse",
		"# view", "view", "# sort", "sort", "# on_start", "on_start", "# stale_after", "stale_after", "# days", "days").Replace(defaultConfigText())
	// And every key binding, theme colour and layout setting set.
	text = strings.NewReplacer("# \"", "\"", "# preset", "preset", "# glamour", "glamour", "# columns", "columns",
		"# side_by_side", "side_by_side", "# three_columns", "three_columns", "# list_share", "list_share", "# open = ", "open = ",
		"# restore", "restore", "# [theme]", "[theme]").Replace(text)
	for _, e := range tui.ThemeElements() {
		text = strings.Replace(text, "# "+e.Name+" = ", e.Name+" = ", 1)
	}
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		b.Fatal(err)
	}
	if cf := loadConfig(path); len(cf.problem) > 0 || len(cf.keys) < 50 || len(cf.theme.colors) != len(tui.ThemeElements()) {
		b.Fatalf("the full file: %d keys, %d colours, problems %+v", len(cf.keys), len(cf.theme.colors), cf.problem)
	}
	var cli CLI
	parser, err := kong.New(&cli, kong.Name("papers"), extraCommands(), kong.Vars{"version": "test"})
	if err != nil {
		b.Fatal(err)
	}
	kctx, err := parser.Parse([]string{"--config", path, "list"})
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if err := applyConfig(kctx); err != nil {
			b.Fatal(err)
		}
	}
}

// TestConfigWithAByteOrderMark: a file a Windows editor saved with a
// byte order mark reads as without it.
func TestConfigWithAByteOrderMark(t *testing.T) {
	cf := loadConfig(writeConfig(t, "\ufeff[reader]\nsort = \"upvotes\"\n"))
	if len(cf.problem) > 0 || cf.values["reader.sort"] != "upvotes" {
		t.Errorf("problems %+v, values %v", cf.problem, cf.values)
	}
}

// TestConfigOpenerMustSplit: an opener with an unclosed quote is a
// problem of the file, named, not a link that silently never opens.
func TestConfigOpenerMustSplit(t *testing.T) {
	wantProblems(t, "unclosed quote", "open = \"firefox '%s\"\n",
		`1: open: "firefox '%s" cannot be split into words (invalid command line string): close its quotes`)
}

func TestConfigInlineTableProblemHasItsLine(t *testing.T) {
	path := writeConfig(t, "api = \"http://x.example\"\nreader = { style = \"blue\" }\n")
	cf := loadConfig(path)
	if len(cf.problem) != 1 || cf.problem[0].line != 2 {
		t.Fatalf("got %+v", cf.problem)
	}
}

func TestUnreadableConfigIsAProblem(t *testing.T) {
	dir := t.TempDir() // a folder, not a file
	env := append(dbEnv(t), "PAPERS_CONFIG="+dir)
	if r := papers(t, env, "list"); r.code != 2 || !strings.Contains(r.stderr, "cannot read") {
		t.Errorf("list: exit %d %s", r.code, r.stderr)
	}
	if r := papers(t, env, "config", "path"); r.code != 0 {
		t.Errorf("config path: exit %d %s", r.code, r.stderr)
	}
}

// TestConfigErrorKeepsItsIndentation: the problems a broken config lists
// stay indented under the error's first line, on stderr, whether the
// command stops or runs on with a warning.
func TestConfigErrorKeepsItsIndentation(t *testing.T) {
	cfg := filepath.Join(t.TempDir(), "config.toml")
	if err := os.WriteFile(cfg, []byte("theme = \"nope\"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{{"config", "show"}, {"stats"}} {
		r := papers(t, append(emptyLibraryEnv(t), "PAPERS_CONFIG="+cfg), args...)
		if !strings.Contains(r.stderr, "\n  "+cfg+":1: theme") {
			t.Errorf("%v: the problem is not indented under the error:\n%s", args, r.stderr)
		}
	}
}
