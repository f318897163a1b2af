package main

import (
	"strings"
	"testing"
	"time"

	"github.com/papertui/papers/feed/feedtest"
)

// TestNumericAndDateFlagsBounded: a count below 1, a negative or absurd
// number, an impossible date or a future one is a usage error (exit 2).
func TestNumericAndDateFlagsBounded(t *testing.T) {
	env := dbEnv(t)
	future := time.Now().UTC().AddDate(0, 0, 3).Format(time.DateOnly)
	for _, args := range [][]string{
		{"sync", "--days", "0"},
		{"sync", "--days", "-1"},
		{"sync", "--days=-5"},
		{"sync", "--days", "99999999999999999999"},
		{"sync", "--date", future},
		{"sync", "--date", "2999-01-01"},
		{"sync", "--since", future},
		{"sync", "--since", "2010-01-01", "--until", "2015-01-03"}, // before the feed began
		{"sync", "--date", "2022-12-31"},
		{"list", "--limit", "-1"},
		{"search", "--limit", "-3", "x"},
		{"fetch", "--query", "agent", "--limit=-1"},
		{"import", "--day", "2025-02-30", "-"},
		{"import", "--day", "2025-13-01", "-"},
		{"import", "--day", future, "-"},
		{"import", "--day", "2030-01-01", "-"},
		// an empty value read as none: the default library, every paper
		{"--db", "", "stats"},
		{"export", "--tag", ""},
		{"export", "--query", ""},
		{"list", "--day", ""},
		{"sync", "--date", ""},
		{"follow", "add", "x", ""},
		// blank is empty: the whole library marked read
		{"mark-read", "--query", "   "},
		{"--db", " ", "stats"},
		// a control character searched for
		{"mark-read", "--query", "\x1b[31m"},
		{"follow", "add", "ctl", "agent\x1b]52;c;aGk=\a"},
	} {
		r := papers(t, env, args...)
		if r.code != 2 || r.stderr == "" {
			t.Errorf("papers %v: exit %d, stderr %q", args, r.code, r.stderr)
		}
	}
	// import refuses a future --day in sync's words.
	if r := papers(t, env, "import", "--day", "2030-01-01", "-"); !strings.Contains(r.stderr, "import: --day 2030-01-01 is in the future (today is ") {
		t.Errorf("import --day 2030-01-01: %q", r.stderr)
	}
}

// TestSyncInAPipeIsOneSummary: without a terminal a sync prints no line
// per day, only its summary; notes go to stderr.
func TestSyncInAPipeIsOneSummary(t *testing.T) {
	srv := feedtest.New(t)
	env := append(dbEnv(t), "PAPERS_API_URL="+srv.URL)
	r := papers(t, env, "sync", "--days", "5")
	if r.code != 0 {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	if lines := strings.Split(strings.TrimSpace(r.stdout), "\n"); len(lines) != 1 || r.stderr != "" {
		t.Errorf("stdout %q, stderr %q: want one summary line", r.stdout, r.stderr)
	}
	r = papers(t, env, "sync", "--since", "2020-01-01", "--until", "2023-01-03")
	if !strings.Contains(r.stderr, "2023") || strings.Count(r.stdout, "\n") != 1 {
		t.Errorf("clamped sync: stdout %q, stderr %q", r.stdout, r.stderr)
	}
}

// TestMistypedSubcommandIsNamed: a slip in a subcommand of queue or
// follow (whose default lists) is named with the one meant and the
// parent's help, not "unexpected argument" and list's help.
func TestMistypedSubcommandIsNamed(t *testing.T) {
	env := emptyLibraryEnv(t)
	for args, want := range map[string]string{
		"queue ad 2410.17243":     `queue: unknown command "ad" (did you mean add?)` + "\nRun 'papers queue --help' for usage.\n",
		"queue remove 2410.17243": `queue: unknown command "remove" (did you mean rm?)`,
		"follow lst":              `follow: unknown command "lst" (did you mean list?)`,
	} {
		r := papers(t, env, strings.Fields(args)...)
		if r.code != 2 || !strings.Contains(r.stderr, "papers: "+want) {
			t.Errorf("papers %s: exit %d, %q", args, r.code, r.stderr)
		}
	}
}

// TestReaderFlagMistakePointsToPapersHelp: the reader's flags belong to
// read, the default command; a mistake in one points to papers --help,
// not to a read command the user never typed.
func TestReaderFlagMistakePointsToPapersHelp(t *testing.T) {
	env := emptyLibraryEnv(t)
	if r := papers(t, env, "--style", "purple"); r.code != 2 || !strings.HasSuffix(r.stderr, "Run 'papers --help' for usage.\n") {
		t.Errorf("papers --style purple: exit %d, %q", r.code, r.stderr)
	}
	if r := papers(t, env, "read", "--style", "purple"); !strings.HasSuffix(r.stderr, "Run 'papers read --help' for usage.\n") {
		t.Errorf("papers read --style purple: %q", r.stderr)
	}
}

// TestParseErrorsInPlainWords: a flag without its value, and an unknown
// short flag, say so in the user's terms; `papers help CMD` is its help.
func TestParseErrorsInPlainWords(t *testing.T) {
	env := emptyLibraryEnv(t)
	for args, want := range map[string]string{
		"list --sort":  "papers: --sort needs a value\n",
		"list --limit": "papers: --limit needs a value\n",
		"list -j":      "papers: unknown flag -j (did you mean --json?)\n",
		"-v":           "papers: unknown flag -v (did you mean --version?)\n",
	} {
		r := papers(t, env, strings.Fields(args)...)
		if r.code != 2 || !strings.HasPrefix(r.stderr, want) {
			t.Errorf("papers %s: exit %d, %q, want %q", args, r.code, r.stderr, want)
		}
	}
	r := papers(t, env, "help", "list")
	if r.code != 0 || !strings.HasPrefix(r.stdout, "Usage: papers list") {
		t.Errorf("papers help list: exit %d, %.60q", r.code, r.stdout)
	}
	// A word that is no command was the reader's help, exit 0.
	r = papers(t, env, "help", "lsit")
	if r.code != 2 || r.stdout != "" || !strings.HasPrefix(r.stderr, `papers: help: unknown command "lsit" (did you mean list?)`) {
		t.Errorf("papers help lsit: exit %d, stdout %.60q, stderr %q", r.code, r.stdout, r.stderr)
	}
	for _, args := range [][]string{{"help"}, {"help", "queue", "add"}, {"help", "read"}, {"help", "--db", "x"}} {
		if r := papers(t, env, args...); r.code != 0 || !strings.HasPrefix(r.stdout, "Usage: papers") {
			t.Errorf("papers %v: exit %d, %.60q %q", args, r.code, r.stdout, r.stderr)
		}
	}
}

// TestReaderFlagAfterACommand: a reader's flag after another command says
// whose it is, as kong says of one given before it; others stay unknown.
func TestReaderFlagAfterACommand(t *testing.T) {
	env := emptyLibraryEnv(t)
	r := papers(t, env, "list", "--no-sync")
	if r.code != 2 || !strings.Contains(r.stderr, "--no-sync belongs to the reader (papers --no-sync), not to list") {
		t.Errorf("list --no-sync: exit %d\n%s", r.code, r.stderr)
	}
	r = papers(t, env, "list", "--bogus")
	if r.code != 2 || !strings.Contains(r.stderr, "unknown flag --bogus") {
		t.Errorf("list --bogus: exit %d\n%s", r.code, r.stderr)
	}
}

// TestNegativeNumberReachesTheCommand: `--limit -1` gets the command's
// own words, as `--limit=-1` does, not kong's "(short flag)"; a file
// flag's "-1" is left to kong.
func TestNegativeNumberReachesTheCommand(t *testing.T) {
	env := emptyLibraryEnv(t)
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"list", "--limit", "-1"}, "list: --limit must be 0 (all) or more, got -1"},
		{[]string{"search", "model", "--limit", "-5"}, "search: --limit must be 0 (all) or more, got -5"},
		{[]string{"sync", "--days", "-3"}, "sync: --days must be 1 or more, got -3"},
		{[]string{"--db", "-1", "stats"}, `--db: expected string value`},
	} {
		r := papers(t, env, c.args...)
		if r.code != 2 || !strings.Contains(r.stderr, c.want) {
			t.Errorf("%q: exit %d\n%s\nwant %q", c.args, r.code, r.stderr, c.want)
		}
	}
}
