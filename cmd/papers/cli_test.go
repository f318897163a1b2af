package main

import (
	"encoding/csv"
	"encoding/json"
	"errors"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/papertui/papers/feed"
	"github.com/papertui/papers/feed/feedtest"
	"github.com/papertui/papers/feed/synth"
)

// queuedIDs is the queue as `queue --json` lists it.
func queuedIDs(t *testing.T, env []string) []string {
	t.Helper()
	r := papers(t, env, "queue", "--json")
	var q []struct{ ID string }
	if err := json.Unmarshal([]byte(r.stdout), &q); err != nil {
		t.Fatalf("queue --json: %v\n%s", err, r.stdout)
	}
	var ids []string
	for _, p := range q {
		ids = append(ids, p.ID)
	}
	return ids
}

// TestMultiIDCommandsActOnTheGoodOnes: every command that takes several
// ids acts on the good ones, names each bad one and exits 1 (queue add
// BAD GOOD used to add nothing while add BAD GOOD added GOOD); with no good
// id at all it is a usage error.
func TestMultiIDCommandsActOnTheGoodOnes(t *testing.T) {
	env, _ := importedLibrary(t)
	ids := firstIDs(t, env, 4)
	r := papers(t, env, "queue", "add", "not-an-id", ids[0], "2101.00001", ids[1])
	if r.code != 1 || !strings.Contains(r.stderr, "not-an-id") || !strings.Contains(r.stderr, "2101.00001") {
		t.Errorf("queue add BAD GOOD: exit %d, stderr %q", r.code, r.stderr)
	}
	if got := queuedIDs(t, env); !slices.Equal(got, ids[:2]) {
		t.Errorf("queue after add BAD GOOD = %v, want %v", got, ids[:2])
	}
	r = papers(t, env, "queue", "done", "bad", ids[2])
	if r.code != 1 || !strings.Contains(r.stderr, "bad") || !strings.Contains(r.stderr, "not in the queue") {
		t.Errorf("queue done BAD unqueued: exit %d, stderr %q", r.code, r.stderr)
	}
	if r := papers(t, env, "queue", "add", "bad", "worse"); r.code != 2 {
		t.Errorf("queue add with no good id: exit %d, want 2", r.code)
	}
	r = papers(t, env, "tag", "bad", ids[2], "2101.00001", "+two")
	if r.code != 1 || !strings.Contains(r.stderr, "2101.00001") || !strings.Contains(papers(t, env, "search", "tag:two").stdout, ids[2]) {
		t.Errorf("tag BAD GOOD +two: exit %d, stderr %q; tag:two finds %q", r.code, r.stderr, papers(t, env, "search", "tag:two").stdout)
	}
	r = papers(t, env, "mark-read", "2101.00001", ids[3], "bad")
	if r.code != 1 || !strings.Contains(r.stderr, "2101.00001") || !strings.Contains(papers(t, env, "search", "is:read").stdout, ids[3]) {
		t.Errorf("mark-read BAD GOOD: exit %d, stderr %q; is:read finds %q", r.code, r.stderr, papers(t, env, "search", "is:read").stdout)
	}
	if r := papers(t, env, "tag", ids[0], "+foo", "-Foo"); r.code != 2 || !strings.Contains(r.stderr, "both added") {
		t.Errorf("tag +foo -Foo: exit %d, stderr %q; want a usage error", r.code, r.stderr)
	}
	for _, args := range [][]string{{"tag", "bad", "+x"}, {"mark-read", "bad"}} {
		if r := papers(t, env, args...); r.code != 2 {
			t.Errorf("%v with no good id: exit %d, want 2", args, r.code)
		}
	}

	srv := feedtest.New(t)
	p := feed.Paper{ID: "2605.13301", Title: "Added By Id", Upvotes: 1, Comments: 1}
	srv.SetPaper(p.ID, p.FlatJSON())
	addEnv := append(dbEnv(t), "PAPERS_API_URL="+srv.URL)
	r = papers(t, addEnv, "add", "not-an-id", p.ID)
	if r.code != 1 || !strings.Contains(r.stderr, "not-an-id") || !strings.Contains(r.stdout, p.ID) {
		t.Errorf("add BAD GOOD: exit %d, stdout %q, stderr %q", r.code, r.stdout, r.stderr)
	}
	// Every id failing still prints one JSON array for a script to read.
	r = papers(t, addEnv, "add", "--json", "2605.99999")
	if r.code != 1 || strings.TrimSpace(r.stdout) != "[]" {
		t.Errorf("add --json of an id HF does not have: exit %d, stdout %q", r.code, r.stdout)
	}
}

// TestQueueSaysWhatHappened: rm of a paper not in the queue is an error
// naming it (it claimed success), the others are still removed; move past
// the end says where the paper landed (it claimed position 99); the list
// shows positions.
func TestQueueSaysWhatHappened(t *testing.T) {
	env, _ := importedLibrary(t)
	ids := firstIDs(t, env, 4)
	mustRun(t, env, "queue", "add", ids[0], ids[1], ids[2])
	r := papers(t, env, "queue", "rm", ids[3])
	if r.code != 1 || !strings.Contains(r.stderr, ids[3]+": not in the queue") || strings.Contains(r.stderr, "removed") {
		t.Errorf("rm of an unqueued paper: exit %d, stderr %q", r.code, r.stderr)
	}
	r = papers(t, env, "queue", "move", ids[0], "99")
	if r.code != 0 || strings.Contains(r.stderr, "position 99") || !strings.Contains(r.stderr, "position 3") {
		t.Errorf("move past the end: exit %d, stderr %q", r.code, r.stderr)
	}
	r = papers(t, env, "queue")
	lines := strings.Split(strings.TrimSpace(r.stdout), "\n")
	if len(lines) != 3 || !strings.HasPrefix(strings.TrimSpace(lines[0]), "1. ") || !strings.Contains(lines[2], ids[0]) ||
		!strings.HasPrefix(strings.TrimSpace(lines[2]), "3. ") {
		t.Errorf("queue list without positions:\n%s", r.stdout)
	}
	r = papers(t, env, "queue", "rm", ids[3], ids[1])
	if r.code != 1 || !slices.Equal(queuedIDs(t, env), []string{ids[2], ids[0]}) {
		t.Errorf("rm UNQUEUED QUEUED: exit %d, queue %v", r.code, queuedIDs(t, env))
	}
	if r := papers(t, env, "queue", "move", ids[3], "1"); r.code != 1 || !strings.Contains(r.stderr, "not in the queue") {
		t.Errorf("move of an unqueued paper: exit %d, stderr %q", r.code, r.stderr)
	}
	// A negative position is refused in the words 0 and abc get, not
	// taken for an unknown flag.
	for _, pos := range []string{"-1", "0", "abc"} {
		r := papers(t, env, "queue", "move", ids[0], pos)
		if r.code != 2 || !strings.Contains(r.stderr, "want a whole number from 1") {
			t.Errorf("move to %s: exit %d, stderr %q", pos, r.code, r.stderr)
		}
	}
}

// TestHelpListsChoicesAndReaderFlagsStayWithTheReader: every enum flag's
// help lists its choices; export needs no --format (bibtex); --style,
// --mouse and --no-sync show only in the reader's help, and bare papers
// still takes them.
func TestHelpListsChoicesAndReaderFlagsStayWithTheReader(t *testing.T) {
	for _, c := range []struct {
		args   []string
		choice string
	}{
		{[]string{"list"}, "newest,upvotes,trending"},
		{[]string{"search"}, "relevance,newest,upvotes,trending"},
		{[]string{"export"}, "bibtex,markdown,json,csv"},
		{[]string{"show"}, "auto,dark,light"},
		{[]string{"read"}, "auto,dark,light"},
	} {
		r := papers(t, nil, append(c.args, "--help")...)
		if !strings.Contains(strings.Join(strings.Fields(r.stdout), " "), c.choice) {
			t.Errorf("%v --help does not list %s:\n%s", c.args, c.choice, r.stdout)
		}
	}
	for _, c := range []string{"sync", "import", "list", "stats", "search", "show", "queue", "queue add", "queue rm",
		"queue done", "queue move", "export", "add", "doctor"} {
		r := papers(t, nil, append(strings.Fields(c), "--help")...)
		if r.code != 0 || strings.Contains(r.stdout, "--mouse") || strings.Contains(r.stdout, "--no-sync") {
			t.Errorf("%s --help: exit %d, lists reader flags:\n%s", c, r.code, r.stdout)
		}
	}
	// Not a terminal, so the reader refuses with exit 1: the flags parsed.
	env := dbEnv(t)
	if r := papers(t, env, "--mouse", "--no-sync", "--style", "light"); r.code != 1 || !strings.Contains(r.stderr, "terminal") {
		t.Errorf("papers --mouse --no-sync --style light: exit %d, %q", r.code, r.stderr)
	}
	if r := papers(t, env, "list", "--mouse"); r.code != 2 {
		t.Errorf("list --mouse: exit %d, want 2", r.code)
	}
	lib, _ := importedLibrary(t)
	ids := firstIDs(t, lib, 1)
	mustRun(t, lib, "queue", "add", ids[0])
	r := papers(t, lib, "export", "--queue")
	if r.code != 0 || !strings.Contains(r.stdout, "@misc{") {
		t.Errorf("export without --format: exit %d, %q %q", r.code, r.stdout, r.stderr)
	}
}

// TestDateFlagsTakeMonthsAndYears: --since and --until take what since:
// and until: take.
func TestDateFlagsTakeMonthsAndYears(t *testing.T) {
	env, _ := importedLibrary(t) // feed days from 2025-10-01
	all := papers(t, env, "list", "--json")
	month := papers(t, env, "list", "--json", "--since", "2025-10", "--until", "2025-10")
	year := papers(t, env, "list", "--json", "--since", "2025")
	if month.code != 0 || year.code != 0 || month.stdout == "[]\n" {
		t.Fatalf("list --since 2025-10: exit %d %q; --since 2025: exit %d %q", month.code, month.stderr, year.code, year.stderr)
	}
	if year.stdout != all.stdout {
		t.Errorf("--since 2025 lists other papers than all of them")
	}
	var listed []struct{ Day string }
	mustUnmarshal(t, []byte(month.stdout), &listed)
	for _, p := range listed {
		if !strings.HasPrefix(p.Day, "2025-10-") {
			t.Errorf("--since/--until 2025-10 lists a paper of %s", p.Day)
		}
	}
	for _, args := range [][]string{{"list", "--since", "2025-13"}, {"list", "--until", "25-10"},
		{"list", "--since", "2026", "--until", "2025"}, {"sync", "--since", "2025-1"}} {
		if r := papers(t, env, args...); r.code != 2 || !strings.Contains(r.stderr, args[2]) {
			t.Errorf("%v: exit %d, %q", args, r.code, r.stderr)
		}
	}
}

// TestCSVAgreesWithJSON: url is the HF page in both, and github_stars is
// empty in CSV where JSON has null.
func TestCSVAgreesWithJSON(t *testing.T) {
	env, _ := importedLibrary(t)
	js := papers(t, env, "export", "--format", "json")
	var objs []map[string]any
	if err := json.Unmarshal([]byte(js.stdout), &objs); err != nil {
		t.Fatal(err)
	}
	cs := papers(t, env, "export", "--format", "csv")
	rows, err := csv.NewReader(strings.NewReader(cs.stdout)).ReadAll()
	if err != nil || len(rows) != len(objs)+1 {
		t.Fatalf("csv: %v, %d rows for %d papers", err, len(rows), len(objs))
	}
	col := map[string]int{}
	for i, h := range rows[0] {
		col[h] = i
	}
	nulls := 0
	for i, o := range objs {
		row := rows[i+1]
		for _, k := range []string{"url", "arxiv_url", "pdf_url"} {
			if row[col[k]] != o[k] {
				t.Errorf("%s: csv %s %q, json %q", o["id"], k, row[col[k]], o[k])
			}
		}
		if o["github_stars"] == nil {
			nulls++
			if row[col["github_stars"]] != "" {
				t.Errorf("%s: csv github_stars %q where json is null", o["id"], row[col["github_stars"]])
			}
		}
	}
	if nulls == 0 {
		t.Error("no paper without a repo to check")
	}
}

// TestCountsAreEnglish: "1 day", "1 comment", never "1 days", "1 comments".
func TestCountsAreEnglish(t *testing.T) {
	srv := feedtest.New(t)
	day := time.Now().UTC().AddDate(0, 0, -2)
	days := synth.Days(1, 1, day)
	mustSetDay(t, srv, days[0].Date, days[0].Body)
	p := feed.Paper{ID: "2605.13301", Title: "One Of Each", Abstract: "Once.", Upvotes: 1, Comments: 1,
		Authors: []feed.Author{{Name: "Ada Lovelace"}}}
	srv.SetPaper(p.ID, p.FlatJSON())
	env := append(dbEnv(t), "PAPERS_API_URL="+srv.URL)
	r := papers(t, env, "sync", "--date", days[0].Date)
	if r.code != 0 || !strings.Contains(r.stdout, "synced 1 day:") || strings.Contains(r.stdout, "1 days") {
		t.Errorf("sync of one day: exit %d, %q %q", r.code, r.stdout, r.stderr)
	}
	mustRun(t, env, "add", p.ID)
	r = papers(t, env, "show", "--plain", p.ID)
	if !strings.Contains(r.stdout, "1 comment") || strings.Contains(r.stdout, "1 comments") || strings.Contains(r.stdout, "1 upvotes") {
		t.Errorf("show of a paper with one comment:\n%s", r.stdout)
	}
}

// TestNothingFoundInAnEmptyLibrarySaysWhy: a search or an export that
// finds nothing because the library (or the queue) holds nothing says
// so, and how to fill it; one that finds nothing in a full library says
// only that nothing matches.
func TestNothingFoundInAnEmptyLibrarySaysWhy(t *testing.T) {
	empty := emptyLibraryEnv(t)
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"search", "diffusion"}, "no papers match: the library is empty (papers sync"},
		{[]string{"export"}, "no papers match: the library is empty (papers sync"},
		{[]string{"export", "--queue", "--format", "csv"}, "no papers match: the queue is empty (papers queue add"},
	} {
		r := papers(t, empty, c.args...)
		if r.code != 0 || r.stdout != "" || !strings.Contains(r.stderr, c.want) {
			t.Errorf("%v on an empty library: exit %d, stdout %q, stderr %q", c.args, r.code, r.stdout, r.stderr)
		}
	}
	env, _ := importedLibrary(t)
	for _, args := range [][]string{{"search", "nothingmatchesthis"}, {"export", "--query", "nothingmatchesthis"}} {
		if r := papers(t, env, args...); strings.Contains(r.stderr, "empty") || !strings.Contains(r.stderr, "no papers match") {
			t.Errorf("%v on a full library: %q", args, r.stderr)
		}
	}
}

// TestExportOfNothingKeepsTheFile: an export to a file that finds no
// papers (a mistyped tag in a cron job) leaves what the file held and
// names it; it does not create an empty one either.
func TestExportOfNothingKeepsTheFile(t *testing.T) {
	env, _ := importedLibrary(t)
	dir := t.TempDir()
	kept := filepath.Join(dir, "refs.bib")
	if err := os.WriteFile(kept, []byte("@misc{precious}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, format := range []string{"bibtex", "json", "csv", "markdown"} {
		r := papers(t, env, "export", "--tag", "nosuchtag", "--format", format, "-o", kept)
		if b, _ := os.ReadFile(kept); string(b) != "@misc{precious}\n" || r.code != 0 || !strings.Contains(r.stderr, "refs.bib not written") {
			t.Errorf("export --format %s of nothing over a file: exit %d, stderr %q, the file now %q", format, r.code, r.stderr, b)
		}
	}
	fresh := filepath.Join(dir, "new.json")
	papers(t, env, "export", "--query", "nothingmatchesthis", "--format", "json", "-o", fresh)
	if _, err := os.Stat(fresh); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("an export of nothing created %s: %v", fresh, err)
	}
}

// TestEmptyResultsSaySo: a list, search, queue or export that finds
// nothing keeps stdout empty ([] with --json), says so on stderr, exits 0.
func TestEmptyResultsSaySo(t *testing.T) {
	env, _ := importedLibrary(t)
	for _, args := range [][]string{
		{"list", "--day", "2001-01-01"}, {"search", "nothingmatchesthis"}, {"export", "--query", "nothingmatchesthis"},
		{"export", "--queue", "--format", "csv"}, {"list", "--since", "2030"},
	} {
		r := papers(t, env, args...)
		if r.code != 0 || r.stdout != "" || !strings.Contains(r.stderr, "no papers match") {
			t.Errorf("%v: exit %d, stdout %q, stderr %q", args, r.code, r.stdout, r.stderr)
		}
		if args[0] == "export" {
			continue
		}
		r = papers(t, env, append(args, "--json")...)
		if r.code != 0 || strings.TrimSpace(r.stdout) != "[]" {
			t.Errorf("%v --json: exit %d, stdout %q", args, r.code, r.stdout)
		}
	}
	if r := papers(t, env, "queue"); r.code != 0 || r.stdout != "" || !strings.Contains(r.stderr, "empty") {
		t.Errorf("empty queue: exit %d, stdout %q, stderr %q", r.code, r.stdout, r.stderr)
	}
	if r := papers(t, emptyLibraryEnv(t), "list"); r.code != 0 || r.stdout != "" || !strings.Contains(r.stderr, "papers sync") {
		t.Errorf("list of an empty library: exit %d, stdout %q, stderr %q", r.code, r.stdout, r.stderr)
	}
}

// TestSearchWordsWithSymbols: c++ finds the paper with C++ in its title
// first and not the papers with a mere "c"; -word leaves papers out.
func TestSearchWordsWithSymbols(t *testing.T) {
	dir := t.TempDir()
	day := `[{"paper":{"id":"2510.00001","title":"Plain C for kernels","summary":"In C, as c is.","upvotes":90,"authors":[{"name":"A"}]},"title":"Plain C for kernels"},
	{"paper":{"id":"2510.00002","title":"Generated C++ in production","summary":"Measured.","upvotes":1,"authors":[{"name":"B"}]},"title":"Generated C++ in production"},
	{"paper":{"id":"2510.00003","title":"Porting kernels","summary":"From C to C++ and C#.","upvotes":5,"authors":[{"name":"C"}]},"title":"Porting kernels"}]`
	f := filepath.Join(dir, "2025-10-01.json")
	mustWriteFile(t, f, []byte(day), 0o644)
	env := dbEnv(t)
	if r := papers(t, env, "import", f); r.code != 0 {
		t.Fatalf("import: %s", r.stderr)
	}
	for _, c := range []struct {
		args []string
		want []string
	}{
		{[]string{"search", "c++"}, []string{"2510.00002", "2510.00003"}},
		{[]string{"search", "c#"}, []string{"2510.00003"}},
		{[]string{"search", "kernels", "-c++"}, []string{"2510.00001"}},
		{[]string{"search", "kernels NOT plain"}, []string{"2510.00003"}},
		{[]string{"search", "kernels", "--", "-c++"}, []string{"2510.00001"}},
	} {
		r := papers(t, env, append([]string{c.args[0], "--json"}, c.args[1:]...)...) // before a "--"
		var got []struct{ ID string }
		mustUnmarshal(t, []byte(r.stdout), &got)
		var ids []string
		for _, g := range got {
			ids = append(ids, g.ID)
		}
		if !slices.Equal(ids, c.want) {
			t.Errorf("%v = %v, want %v (%s)", c.args, ids, c.want, r.stderr)
		}
	}
	// A followed search takes the same words.
	if r := papers(t, env, "follow", "add", "k", "kernels", "-c++"); r.code != 0 {
		t.Fatalf("follow add with -word: exit %d %s", r.code, r.stderr)
	}
	if r := papers(t, env, "list", "--follow", "k", "--json"); !strings.Contains(r.stdout, "2510.00001") || strings.Contains(r.stdout, "2510.00003") {
		t.Errorf("list --follow of kernels -c++:\n%s%s", r.stdout, r.stderr)
	}
}

// TestTagSaysWhatChanged: tagging a paper as it already is says so, not
// "tagged 1 paper" for a change undo would not find.
func TestTagSaysWhatChanged(t *testing.T) {
	env, _ := importedLibrary(t)
	ids := firstIDs(t, env, 2)
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{ids[0], "+reading"}, "tagged 1 paper\n"},
		{[]string{ids[0], "+Reading"}, "no change: 1 paper already tagged so\n"},
		{[]string{ids[0], ids[1], "+reading"}, "tagged 1 paper (1 already so)\n"},
		{[]string{ids[0], "-nosuchtag"}, "no change: 1 paper already tagged so\n"},
		{[]string{ids[0], "-reading"}, "tagged 1 paper\n"},
	} {
		if r := mustRun(t, env, append([]string{"tag"}, tc.args...)...); r.stderr != tc.want {
			t.Errorf("tag %v: %q, want %q", tc.args, r.stderr, tc.want)
		}
	}
}

// TestLostOutputIsAFailure: a command whose output could not be written
// (a full disk) exits 1 and says so, instead of 0.
func TestLostOutputIsAFailure(t *testing.T) {
	full, err := os.OpenFile("/dev/full", os.O_WRONLY, 0)
	if err != nil {
		t.Skipf("no /dev/full here: %v", err)
	}
	defer full.Close()
	env, _ := importedLibrary(t)
	for _, args := range [][]string{{"list"}, {"stats"}, {"search", "model"}, {"doctor"}, {"config", "show"}, {"--help"}, {"list", "--help"}, {"--version"}} {
		cmd := exec.Command(papersBin, args...)
		cmd.Env = append(os.Environ(), env...)
		var errOut strings.Builder
		cmd.Stdout, cmd.Stderr = full, &errOut
		err := cmd.Run()
		var exit *exec.ExitError
		if !errors.As(err, &exit) || exit.ExitCode() != 1 || !strings.Contains(errOut.String(), "write to standard output") {
			t.Errorf("%v > /dev/full: %v %q", args, err, errOut.String())
		}
	}
}

// TestUsageErrorPointsToTheCommandsHelp: a mistake in a command's own
// arguments points to that command's --help, not the whole program's.
func TestUsageErrorPointsToTheCommandsHelp(t *testing.T) {
	for args, want := range map[string]string{
		"note 2405.21060 --set": "Run 'papers note --help'",
		"queue add":             "Run 'papers queue add --help'",
		"--bogus":               "Run 'papers --help'",
	} {
		r := papers(t, dbEnv(t), strings.Fields(args)...)
		if r.code != 2 || !strings.Contains(r.stderr, want) {
			t.Errorf("papers %s: exit %d, %q; want %q", args, r.code, r.stderr, want)
		}
	}
}

// TestCountsAreGroupedAsEverywhere: stats and doctor write 1,200 as the
// import, the reader and search do, not 1200; doctor's two counts stay
// apart ("1,200 (1,200 in the full-text index)").
func TestCountsAreGroupedAsEverywhere(t *testing.T) {
	env := dbEnv(t)
	files := synthDayFiles(t, 1200, 3, time.Date(2025, 1, 6, 0, 0, 0, 0, time.UTC))
	if r := papers(t, env, append([]string{"import"}, files...)...); r.code != 0 {
		t.Fatalf("import: %d %s", r.code, r.stderr)
	}
	if r := papers(t, env, "stats"); !strings.Contains(r.stdout, "papers     1,200\n") {
		t.Errorf("stats:\n%s", r.stdout)
	}
	if r := papers(t, env, "doctor"); !strings.Contains(r.stdout, "papers     1,200 (1,200 in the full-text index)\n") {
		t.Errorf("doctor:\n%s", r.stdout)
	}
}
