package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// complete runs `papers __complete` as the scripts do and returns the
// candidates' values.
func complete(t *testing.T, env []string, words ...string) []string {
	t.Helper()
	r := papers(t, env, append([]string{"__complete", "--"}, words...)...)
	if r.code != 0 || r.stderr != "" {
		t.Fatalf("__complete %q: exit %d, stderr %q", words, r.code, r.stderr)
	}
	var out []string
	for _, line := range strings.Split(strings.TrimSuffix(r.stdout, "\n"), "\n") {
		if line != "" {
			value, _, _ := strings.Cut(line, "\t")
			out = append(out, value)
		}
	}
	return out
}

func TestCompleteCommandsFlagsAndValues(t *testing.T) {
	env := dbEnv(t)
	for _, tc := range []struct {
		words     []string
		want, not []string
		exactly   bool
	}{
		{words: []string{""}, want: []string{"read", "sync", "list", "queue", "export", "completion", "man"}, not: []string{"__complete"}},
		{words: []string{"li"}, want: []string{"list"}, exactly: true},
		{words: []string{"list", "--so"}, want: []string{"--sort"}, exactly: true},
		{words: []string{"list", "--"}, want: []string{"--sort", "--json", "--db", "--help"}},
		{words: []string{"list", "--sort", ""}, want: []string{"newest", "upvotes", "trending"}, exactly: true},
		{words: []string{"search", "--sort", ""}, want: []string{"relevance", "newest", "upvotes", "trending"}, exactly: true},
		{words: []string{"export", "--format", "b"}, want: []string{"bibtex"}, exactly: true},
		{words: []string{"export", "--format=m"}, want: []string{"--format=markdown"}, exactly: true},
		{words: []string{"--db", "x.db", "--style", ""}, want: []string{"auto", "dark", "light"}, exactly: true},
		{words: []string{"completion", ""}, want: []string{"bash", "zsh", "fish"}, exactly: true},
		{words: []string{"queue", ""}, want: []string{"add", "rm", "done", "move"}},
		{words: []string{"import", ""}, want: []string{":files"}, exactly: true},
		{words: []string{"export", "-o", ""}, want: []string{":files"}, exactly: true},
	} {
		got := complete(t, env, tc.words...)
		for _, w := range tc.want {
			if !slices.Contains(got, w) {
				t.Errorf("complete %q: %q missing from %q", tc.words, w, got)
			}
		}
		for _, n := range tc.not {
			if slices.Contains(got, n) {
				t.Errorf("complete %q: %q offered: %q", tc.words, n, got)
			}
		}
		if tc.exactly && len(got) != len(tc.want) {
			t.Errorf("complete %q: got %q, want exactly %q", tc.words, got, tc.want)
		}
	}
}

func TestCompletePaperIDs(t *testing.T) {
	env, _ := importedLibrary(t)
	ids := firstIDs(t, env, 3)
	prefix := ids[0][:len(ids[0])-1]
	mustRun(t, env, "queue", "add", "--no-fetch", ids[0]) // queue move completes queued papers
	for _, words := range [][]string{{"show", prefix}, {"queue", "add", ids[1], prefix}, {"queue", "move", prefix}} {
		got := complete(t, env, words...)
		if !slices.Contains(got, ids[0]) {
			t.Errorf("complete %q: %s missing from %q", words, ids[0], got)
		}
		for _, id := range got {
			if !strings.HasPrefix(id, prefix) {
				t.Errorf("complete %q: %s does not start with %s", words, id, prefix)
			}
		}
	}
	// Titles come along as descriptions, cleaned of escape sequences.
	r := papers(t, env, "__complete", "--", "show", "2510.9999")
	if !strings.Contains(r.stdout, "2510.99999\tEvil") || strings.ContainsAny(r.stdout, "\x1b\u009b\u202e") {
		t.Errorf("hostile title: %q", r.stdout)
	}
	// A --db on the line is the library asked.
	other := filepath.Join(t.TempDir(), "none.db")
	if got := complete(t, env, "--db", other, "show", prefix); len(got) != 0 {
		t.Errorf("--db %s: got %q", other, got)
	}
	if _, err := os.Stat(other); !os.IsNotExist(err) {
		t.Errorf("completion created %s", other)
	}
	// A --db under ~ as typed: the shell does not expand it for us.
	home := t.TempDir()
	lib := strings.TrimPrefix(env[0], "PAPERS_DB=")
	if err := os.Symlink(lib, filepath.Join(home, "mine.db")); err != nil {
		t.Fatal(err)
	}
	r = papers(t, append(env, "HOME="+home), "__complete", "--", "--db", "~/mine.db", "show", prefix)
	if !strings.Contains(r.stdout, ids[0]) {
		t.Errorf("--db ~/mine.db: %q %q", r.stdout, r.stderr)
	}
}

// TestCompleteTagsAndFollows: a --tag takes the library's tags, a
// --follow its followed searches, each starting with what is typed.
func TestCompleteTagsAndFollows(t *testing.T) {
	env, _ := importedLibrary(t)
	ids := firstIDs(t, env, 1)
	for _, args := range [][]string{{"tag", ids[0], "+reading", "+thesis", "+other"}, {"follow", "add", "diffusion", "diffusion"}, {"follow", "add", "agents", "agent"}} {
		if r := papers(t, env, args...); r.code != 0 {
			t.Fatalf("%v: %s", args, r.stderr)
		}
	}
	for _, c := range []struct {
		words []string
		want  []string
	}{
		{[]string{"list", "--tag", ""}, []string{"other", "reading", "thesis"}},
		{[]string{"export", "--tag", "th"}, []string{"thesis"}},
		{[]string{"list", "--tag=r"}, []string{"--tag=reading"}},
		{[]string{"list", "--follow", ""}, []string{"agents", "diffusion"}},
		{[]string{"digest", "--follow", "d"}, []string{"diffusion"}},
		{[]string{"tag", ids[0], "+t"}, []string{"+thesis"}},
		{[]string{"tag", ids[0], "-"}, []string{"-other", "-reading", "-thesis"}},
		{[]string{"follow", "rm", ""}, []string{"agents", "diffusion"}},
	} {
		if got := complete(t, env, c.words...); !slices.Equal(got, c.want) {
			t.Errorf("complete %q = %q, want %q", c.words, got, c.want)
		}
	}
}

// TestCompleteQueuedIDs: queue rm, done and move take queued papers, so
// they complete the queue's ids in its order; queue add the library's.
func TestCompleteQueuedIDs(t *testing.T) {
	env, _ := importedLibrary(t)
	ids := firstIDs(t, env, 3)
	mustRun(t, env, "queue", "add", "--no-fetch", ids[2], ids[0])
	for _, cmd := range []string{"rm", "done", "move"} {
		if got := complete(t, env, "queue", cmd, ""); !slices.Equal(got, []string{ids[2], ids[0]}) {
			t.Errorf("complete queue %s = %q, want the queue %q", cmd, got, []string{ids[2], ids[0]})
		}
	}
	if got := complete(t, env, "queue", "add", ""); len(got) < 3 {
		t.Errorf("complete queue add = %q, want the library's ids", got)
	}
}

// TestCompletionScriptsParse checks each script is valid in its shell,
// where the shell is installed.
func TestCompletionScriptsParse(t *testing.T) {
	for _, sh := range []struct{ shell, check string }{
		{"bash", "bash -n"}, {"zsh", "zsh -n"}, {"fish", "fish --no-execute"},
	} {
		r := papers(t, nil, "completion", sh.shell)
		if r.code != 0 || !strings.Contains(r.stdout, "__complete") {
			t.Fatalf("completion %s: exit %d\n%s", sh.shell, r.code, r.stderr)
		}
		args := strings.Fields(sh.check)
		if _, err := exec.LookPath(args[0]); err != nil {
			continue
		}
		file := filepath.Join(t.TempDir(), "papers."+sh.shell)
		mustWriteFile(t, file, []byte(r.stdout), 0o644)
		if out, err := exec.Command(args[0], append(args[1:], file)...).CombinedOutput(); err != nil {
			t.Errorf("%s rejects the script: %v\n%s", sh.check, err, out)
		}
	}
	if r := papers(t, nil, "completion", "tcsh"); r.code != 2 {
		t.Errorf("completion tcsh: exit %d, want 2", r.code)
	}
}

// TestBashCompletion drives the bash script as bash would, with the
// binary on PATH.
func TestBashCompletion(t *testing.T) {
	if _, err := exec.LookPath("bash"); err != nil {
		t.Skip("no bash")
	}
	script := papers(t, nil, "completion", "bash").stdout
	for line, want := range map[string]string{
		"papers li":                  "list",
		"papers list --sort up":      "upvotes",
		"papers export --format=bib": "bibtex",
	} {
		prog := script + `
COMP_LINE="` + line + `"; COMP_POINT=${#COMP_LINE}
_papers
printf '%s\n' "${COMPREPLY[@]}"
`
		cmd := exec.Command("bash", "-c", prog)
		cmd.Env = append(os.Environ(), "PATH="+filepath.Dir(papersBin)+":"+os.Getenv("PATH"),
			"XDG_DATA_HOME="+t.TempDir(), "XDG_CONFIG_HOME="+t.TempDir())
		out, err := cmd.CombinedOutput()
		if err != nil || strings.TrimSpace(string(out)) != want {
			t.Errorf("%q: got %q (%v), want %q", line, out, err, want)
		}
	}
}

func TestManPage(t *testing.T) {
	r := papers(t, nil, "man")
	if r.code != 0 {
		t.Fatalf("man: exit %d %s", r.code, r.stderr)
	}
	for _, want := range []string{".TH PAPERS 1", ".SH SYNOPSIS", ".SS sync", ".SS queue add", `\-\-sort`,
		"PAPERS_DB", "PAPERS_CONFIG", "HF_TOKEN", ".SH EXIT STATUS", ".SS config init", "trending",
		// every exit status the README lists, and what else is read from the environment
		"\n130\n", "\n143\n", "PAPERS_OPEN", "BROWSER", "EDITOR", "XDG_STATE_HOME", "XDG_CACHE_HOME", "reader.json",
		// the reader's keys, with the names [keys] binds them by
		".SH KEYS", ".SS The queue pane", "(queue.moveup)", "(app.quit)",
		// the configuration file's settings, from the table config init writes
		".SH CONFIGURATION", `\fBlayout.list_share\fR`, `\fBsync.stale_after\fR`, `\fBopen\fR`, "day_rule", "border_active"} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("man page lacks %q", want)
		}
	}
	if strings.Contains(r.stdout, "__complete") {
		t.Error("man page shows the hidden __complete")
	}
	// A default or a choice the help names already is not said again, and
	// the reader's options are the reader's (--raw is read ID's).
	if strings.Contains(r.stdout, "(default newest). Default: newest.") || strings.Contains(r.stdout, "html. One of: markdown") {
		t.Error("man page says a default or the choices twice")
	}
	reader, _, _ := strings.Cut(r.stdout[strings.Index(r.stdout, ".SH READER OPTIONS"):], ".SH COMMANDS")
	if !strings.Contains(reader, `\-\-no\-sync`) || strings.Contains(reader, `\-\-raw`) {
		t.Errorf("READER OPTIONS:\n%s", reader)
	}
	if _, err := exec.LookPath("groff"); err == nil {
		cmd := exec.Command("groff", "-man", "-Tutf8", "-ww", "-z")
		cmd.Stdin = strings.NewReader(r.stdout)
		if out, err := cmd.CombinedOutput(); err != nil || len(out) > 0 {
			t.Errorf("groff warns: %v\n%s", err, out)
		}
	}
}

// TestFishCompletesFilesAfterAFlag: fish completes a file after --db=
// (keeping the flag) and a name holding a space, as typed.
func TestFishCompletesFilesAfterAFlag(t *testing.T) {
	if _, err := exec.LookPath("fish"); err != nil {
		t.Skip("no fish")
	}
	dir := t.TempDir()
	mustWriteFile(t, filepath.Join(dir, "other.db"), nil, 0o644)
	if err := os.Mkdir(filepath.Join(dir, "my dir"), 0o755); err != nil {
		t.Fatal(err)
	}
	mustWriteFile(t, filepath.Join(dir, "my dir", "day one.json"), nil, 0o644)
	script := papers(t, nil, "completion", "fish").stdout
	for line, want := range map[string]string{
		"papers --db=" + dir + "/o":                  "--db=" + dir + "/other.db",
		"papers import " + dir + `/my\ dir/da`:       dir + "/my dir/day one.json",
		"papers export --output=" + dir + "/my\\ di": "--output=" + dir + "/my dir/",
	} {
		cmd := exec.Command("fish", "--no-config", "-c", script+"\ncomplete -C '"+strings.ReplaceAll(line, `\`, `\\`)+"'")
		cmd.Env = append(os.Environ(), "PATH="+filepath.Dir(papersBin)+":"+os.Getenv("PATH"),
			"XDG_DATA_HOME="+t.TempDir(), "XDG_CONFIG_HOME="+t.TempDir())
		out, err := cmd.CombinedOutput()
		got, _, _ := strings.Cut(strings.TrimSpace(string(out)), "\t")
		if err != nil || got != want {
			t.Errorf("%q: got %q (%v), want %q", line, out, err, want)
		}
	}
}

// TestCompletionHelpSaysHowToInstall: `completion --help` tells each
// shell how to load the script, as README's Install does.
func TestCompletionHelpSaysHowToInstall(t *testing.T) {
	r := papers(t, dbEnv(t), "completion", "--help")
	for _, want := range []string{"source <(papers completion bash)", "~/.zfunc/_papers", "~/.config/fish/completions/papers.fish"} {
		if r.code != 0 || !strings.Contains(r.stdout, want) {
			t.Errorf("completion --help (exit %d) lacks %q:\n%s", r.code, want, r.stdout)
		}
	}
}
