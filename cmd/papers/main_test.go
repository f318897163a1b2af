package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/alecthomas/kong"
	"github.com/papertui/papers/feed"
	"github.com/papertui/papers/feed/feedtest"
	"github.com/papertui/papers/feed/synth"
	"github.com/papertui/papers/store"
)

// papersBin is the real binary, built once, so tests see exit codes and
// output exactly as a user's script does.
var papersBin string

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "papers-bin")
	if err != nil {
		panic(err)
	}
	papersBin = filepath.Join(dir, "papers")
	if out, err := exec.Command("go", "build", "-o", papersBin, ".").CombinedOutput(); err != nil {
		panic("build papers: " + err.Error() + "\n" + string(out))
	}
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

type result struct {
	stdout, stderr string
	code           int
}

// papers runs the binary on a library in a temp dir with no network.
func papers(t *testing.T, env []string, args ...string) result {
	t.Helper()
	cmd := exec.Command(papersBin, args...)
	cmd.Env = append(os.Environ(), "PAPERS_API_URL=http://127.0.0.1:1", "PAPERS_ARXIV_URL=http://127.0.0.1:1/api/query", "XDG_DATA_HOME="+t.TempDir(),
		"XDG_CONFIG_HOME="+t.TempDir(), "PAPERS_CONFIG=")
	cmd.Env = append(cmd.Env, env...)
	var out, errOut bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errOut
	err := cmd.Run()
	code := 0
	var exit *exec.ExitError
	if errors.As(err, &exit) {
		code = exit.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	return result{out.String(), errOut.String(), code}
}

// synthDayFiles writes synthetic day files (synth.Days) into a temp dir
// and returns their paths, oldest first: what `papers import` is given.
func synthDayFiles(t *testing.T, papers int, seed int64, start time.Time) []string {
	t.Helper()
	dir := t.TempDir()
	var files []string
	for _, d := range synth.Days(papers, seed, start) {
		f := filepath.Join(dir, d.Date+".json")
		mustWriteFile(t, f, d.Body, 0o644)
		files = append(files, f)
	}
	return files
}

func dbEnv(t *testing.T) []string {
	return []string{"PAPERS_DB=" + filepath.Join(t.TempDir(), "papers.db")}
}

// emptyLibraryEnv is dbEnv with an empty library made there: read-only
// commands refuse a path that holds none.
func emptyLibraryEnv(t *testing.T) []string {
	env := dbEnv(t)
	lib, err := store.Open(strings.TrimPrefix(env[0], "PAPERS_DB="))
	if err != nil {
		t.Fatal(err)
	}
	lib.Close()
	return env
}

func TestUsageErrorsExit2(t *testing.T) {
	env := dbEnv(t)
	for _, args := range [][]string{
		{"frobnicate"},
		{"list", "--sort", "sideways"},
		{"list", "--day", "2025-13-45"},
		{"sync", "--date", "yesterday"},
		{"sync", "--until", "2025-01-01"},
		{"sync", "--days", "3", "--date", "2025-01-01"},
		{"list", "--bogus"},
	} {
		r := papers(t, env, args...)
		if r.code != 2 || r.stderr == "" {
			t.Errorf("papers %v: exit %d, stderr %q", args, r.code, r.stderr)
		}
	}
	// A mistyped command is read as a paper id by the default command:
	// it must still say it is an unknown command.
	if r := papers(t, env, "frobnicate"); !strings.Contains(r.stderr, `unknown command "frobnicate"`) {
		t.Errorf("papers frobnicate: %q", r.stderr)
	}
	// A slip names the command meant, also when words follow it (kong
	// took the slip for an id and complained about the next word); an
	// unknown flag before it is still what is reported.
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"serach", "diffusion"}, `unknown command "serach" (did you mean search?)`},
		{[]string{"markread"}, `unknown command "markread" (did you mean mark-read?)`},
		{[]string{"--db", "x.db", "lsit", "--json"}, `unknown command "lsit" (did you mean list?)`},
		{[]string{"--sortt", "x"}, "unknown flag --sortt"},
		{[]string{"mark", "--day", "2025-01-01"}, `unknown command "mark" (did you mean mark-read?)`}, // a command it begins
		{[]string{"raed", "2501.00001"}, `unknown command "raed" (did you mean read?)`},               // two letters swapped
		{[]string{"--mouse", "lsit", "x"}, `unknown command "lsit" (did you mean list?)`},             // a reader flag before it
		{[]string{"--style", "dark", "serach", "x"}, `unknown command "serach" (did you mean search?)`},
		{[]string{"it"}, `unknown command "it", nor a paper id`}, // too short to guess from
	} {
		r := papers(t, env, c.args...)
		if r.code != 2 || !strings.Contains(r.stderr, c.want) || strings.Contains(r.stderr, "unexpected argument") {
			t.Errorf("papers %v: exit %d, stderr %q, want %q", c.args, r.code, r.stderr, c.want)
		}
	}
}

// TestHelpOnEveryCommand: every command and subcommand kong knows (so a
// new one is covered without touching this test) prints its help, with
// its own description and the global flags, and exits 0. Only the hidden
// __complete, which the completion scripts call with whatever the user
// typed, takes --help as a word to complete.
func TestHelpOnEveryCommand(t *testing.T) {
	var cli CLI
	parser, err := newParser(&cli)
	if err != nil {
		t.Fatal(err)
	}
	var cmds []*kong.Node
	var walk func(n *kong.Node)
	walk = func(n *kong.Node) {
		for _, c := range n.Children {
			if c.Type == kong.CommandNode && c.Name != "__complete" {
				cmds = append(cmds, c)
			}
			walk(c)
		}
	}
	walk(parser.Model.Node)
	if len(cmds) < 30 {
		t.Fatalf("found %d commands in the kong model, want every one (30 or more)", len(cmds))
	}
	for _, c := range cmds {
		path := strings.Fields(c.Path())
		r := papers(t, nil, append(path, "--help")...)
		help := strings.Join(strings.Fields(c.Help), " ")
		out := strings.Join(strings.Fields(r.stdout), " ")
		switch {
		case r.code != 0:
			t.Errorf("papers %s --help: exit %d\n%s", c.Path(), r.code, r.stderr)
		case help == "":
			t.Errorf("papers %s has no help text", c.Path())
		case !strings.Contains(out, "Usage: papers "+c.Path()) || !strings.Contains(out, help) || !strings.Contains(out, "--db"):
			t.Errorf("papers %s --help does not show its usage, help %q and the global flags:\n%s", c.Path(), help, r.stdout)
		}
	}
}

func TestImportReportsBadFilesAndKeepsGoodOnes(t *testing.T) {
	dir := t.TempDir()
	days := synth.Days(30, 3, time.Date(2025, 10, 1, 0, 0, 0, 0, time.UTC))
	good := filepath.Join(dir, days[0].Date+".json")
	mustWriteFile(t, good, days[0].Body, 0o644)
	mixed := filepath.Join(dir, "mixed.json")
	var items []json.RawMessage
	mustUnmarshal(t, days[1].Body, &items)
	bad := append([]json.RawMessage{json.RawMessage(`"{'paper': {'id': '2501.00001'}}"`)}, items...)
	body := mustMarshal(t, bad)
	mustWriteFile(t, mixed, body, 0o644)
	notJSON := filepath.Join(dir, "notes.txt")
	mustWriteFile(t, notJSON, []byte("hello"), 0o644)
	object := filepath.Join(dir, "2025-01-10.json")
	mustWriteFile(t, object, []byte(`{"status":"success","data":[]}`), 0o644)

	env := dbEnv(t)
	r := papers(t, env, "import", "--json", good, mixed, notJSON, object)
	if r.code != 1 {
		t.Fatalf("exit %d, want 1\n%s\n%s", r.code, r.stdout, r.stderr)
	}
	var rep importReport
	if err := json.Unmarshal([]byte(r.stdout), &rep); err != nil {
		t.Fatalf("not one JSON object: %v\n%s", err, r.stdout)
	}
	want := len(items) + strings.Count(string(days[0].Body), `"paper":`)
	if rep.Imported != want || rep.Rejected != 1 || rep.Failed != 2 {
		t.Errorf("report = %+v, want %d imported", rep, want)
	}
	if rep.Files[1].Rejected[0].Item != 0 || !strings.Contains(rep.Files[1].Rejected[0].Error, "string") {
		t.Errorf("rejection = %+v", rep.Files[1].Rejected)
	}
	if rep.Files[2].Error == "" || rep.Files[3].Error == "" {
		t.Errorf("whole-file rejections missing: %+v", rep.Files)
	}
	// Everything good landed, with the day from the file name.
	r = papers(t, env, "list", "--day", days[0].Date, "--json")
	var listed []map[string]any
	if err := json.Unmarshal([]byte(r.stdout), &listed); err != nil || len(listed) == 0 {
		t.Fatalf("list: %v %s", err, r.stdout)
	}
}

func TestImportCorpusNamesCorruptFiles(t *testing.T) {
	files := feedtest.CorpusFiles(t)
	env := dbEnv(t)
	r := papers(t, env, append([]string{"import", "--json"}, files...)...)
	if r.code != 1 {
		t.Fatalf("exit %d", r.code)
	}
	var rep importReport
	mustUnmarshal(t, []byte(r.stdout), &rep)
	var corrupt []string
	for _, f := range rep.Files {
		if f.Error != "" || len(f.Rejected) > 0 {
			corrupt = append(corrupt, filepath.Base(f.File))
		}
	}
	if len(corrupt) != 22 || rep.Rejected != 291 || rep.Imported != 9581 {
		t.Errorf("corrupt files %d (%v), rejected %d, imported %d", len(corrupt), corrupt, rep.Rejected, rep.Imported)
	}
	r = papers(t, env, "stats", "--json")
	var st map[string]any
	mustUnmarshal(t, []byte(r.stdout), &st)
	if st["papers"] != float64(9577) {
		t.Errorf("stats = %v", st)
	}
}

func TestSyncThenListJSON(t *testing.T) {
	srv := feedtest.New(t)
	days := synth.Days(40, 5, time.Now().UTC().AddDate(0, 0, -3))
	for _, d := range days {
		mustSetDay(t, srv, d.Date, d.Body)
	}
	env := append(dbEnv(t), "PAPERS_API_URL="+srv.URL)
	r := papers(t, env, "sync", "--days", "4", "--json")
	if r.code != 0 {
		t.Fatalf("sync exit %d: %s %s", r.code, r.stdout, r.stderr)
	}
	var rep map[string]any
	if err := json.Unmarshal([]byte(r.stdout), &rep); err != nil {
		t.Fatalf("sync --json is not one object: %v\n%s", err, r.stdout)
	}
	for _, k := range []string{"days", "papers", "new", "updated", "failed"} {
		if _, ok := rep[k]; !ok {
			t.Errorf("sync --json lacks %q", k)
		}
	}
	r = papers(t, env, "list", "--json")
	var listed []map[string]any
	if err := json.Unmarshal([]byte(r.stdout), &listed); err != nil {
		t.Fatal(err)
	}
	if float64(len(listed)) != rep["new"] {
		t.Errorf("listed %d, synced %v new", len(listed), rep["new"])
	}
	for _, k := range strings.Split("id title authors published day upvotes comments github_repo github_stars project_page ai_summary ai_keywords organization url pdf_url queued read", " ") {
		if _, ok := listed[0][k]; !ok {
			t.Errorf("list --json lacks %q", k)
		}
	}
	if u := listed[0]["url"].(string); u != "https://huggingface.co/papers/"+listed[0]["id"].(string) {
		t.Errorf("url = %s", u)
	}
}

func TestSyncFailureExit1(t *testing.T) {
	srv := feedtest.New(t)
	srv.FailNext(time.Now().UTC().Format(time.DateOnly), feedtest.Body("text/html", "<html>down</html>"))
	env := append(dbEnv(t), "PAPERS_API_URL="+srv.URL)
	r := papers(t, env, "sync", "--days", "2", "--json")
	if r.code != 1 {
		t.Fatalf("exit %d, want 1", r.code)
	}
	var rep struct {
		Days   int
		Failed []struct{ Day, Error string }
	}
	mustUnmarshal(t, []byte(r.stdout), &rep)
	if rep.Days != 1 || len(rep.Failed) != 1 || !strings.Contains(rep.Failed[0].Error, "text/html") {
		t.Errorf("report = %+v", rep)
	}
}

func TestBadLibraryFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "papers.db")
	mustWriteFile(t, path, []byte("not a database at all"), 0o644)
	r := papers(t, []string{"PAPERS_DB=" + path}, "stats")
	if r.code != 1 || !strings.Contains(r.stderr, path) {
		t.Errorf("exit %d, stderr %q", r.code, r.stderr)
	}
	if b := mustReadFile(t, path); string(b) != "not a database at all" {
		t.Error("library file was modified")
	}
}

// importedLibrary is a library with 30 synthetic papers, one of them hostile.
func importedLibrary(t *testing.T) ([]string, []string) {
	t.Helper()
	dir := t.TempDir()
	days := synth.Days(30, 4, time.Date(2025, 10, 1, 0, 0, 0, 0, time.UTC))
	var files []string
	for _, d := range days {
		f := filepath.Join(dir, d.Date+".json")
		mustWriteFile(t, f, d.Body, 0o644)
		files = append(files, f)
	}
	hostile := filepath.Join(dir, "2025-10-20.json")
	mustWriteFile(t, hostile, []byte(hostileDay), 0o644)
	files = append(files, hostile)
	env := dbEnv(t)
	if r := papers(t, env, append([]string{"import"}, files...)...); r.code != 0 {
		t.Fatalf("import: %d %s", r.code, r.stderr)
	}
	return env, files
}

// hostileDay has escape sequences, C1 controls, bidi overrides and hidden
// characters in every text field, and a javascript: link.
const hostileDay = `[{"paper":{"id":"2510.99999",
 "title":"Evil \u001b]52;c;ZXZpbA==\u0007\u001b[2J Title \u202e",
 "summary":"Abstract with \u009b31m C1 and \u001b[31mred\u001b[0m and \u001bP+q\u001b\\ DCS \u200b.",
 "authors":[{"name":"Mal\u001b[5mlory"},{"name":"Eve\u202e\u2066"}],
 "upvotes":1,
 "ai_summary":"Sum \u001b]8;;https://evil.example\u0007link\u001b]8;;\u0007",
 "ai_keywords":["kw\u001b[1m","\u009d0;title\u009c"],
 "githubRepo":"javascript:alert(1)",
 "projectPage":"https://ok.example/\u001b[2J",
 "organization":{"name":"org","fullname":"Org\u001b[?1049h"}},
 "title":"Evil \u001b]52;c;ZXZpbA==\u0007\u001b[2J Title \u202e",
 "submittedBy":{"name":"sub\u001b[8m","fullname":"x"},
 "organization":{"name":"org","fullname":"Org\u001b[?1049h"}}]`

func firstIDs(t *testing.T, env []string, n int) []string {
	r := papers(t, env, "list", "--json", "--limit", strconv.Itoa(n))
	var listed []struct{ ID string }
	if err := json.Unmarshal([]byte(r.stdout), &listed); err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, p := range listed {
		ids = append(ids, p.ID)
	}
	return ids
}

func TestQueueCommands(t *testing.T) {
	env, _ := importedLibrary(t)
	ids := firstIDs(t, env, 3)
	r := papers(t, env, "queue", "add", "https://arxiv.org/abs/"+ids[0]+"v2", "https://huggingface.co/papers/"+ids[1], ids[2])
	if r.code != 0 {
		t.Fatalf("add: %d %s", r.code, r.stderr)
	}
	if r := papers(t, env, "queue", "move", ids[2], "1"); r.code != 0 {
		t.Fatalf("move: %s", r.stderr)
	}
	if r := papers(t, env, "queue", "done", ids[0]); r.code != 0 {
		t.Fatalf("done: %s", r.stderr)
	}
	r = papers(t, env, "queue", "--json")
	var q []struct {
		ID            string
		QueuePosition int `json:"queue_position"`
		Queued        bool
	}
	mustUnmarshal(t, []byte(r.stdout), &q)
	if len(q) != 2 || q[0].ID != ids[2] || q[1].ID != ids[1] || q[0].QueuePosition != 1 || !q[0].Queued {
		t.Errorf("queue = %+v", q)
	}
	r = papers(t, env, "queue", "add", "2101.00001")
	if r.code != 1 || !strings.Contains(r.stderr, "2101.00001") {
		t.Errorf("unknown id: exit %d, %q", r.code, r.stderr)
	}
	r = papers(t, env, "queue", "add", "not-an-id")
	if r.code != 2 || !strings.Contains(r.stderr, "not-an-id") {
		t.Errorf("malformed id: exit %d, %q", r.code, r.stderr)
	}
	r = papers(t, env, "list", "--json", "--limit", "3")
	if !strings.Contains(r.stdout, `"read": true`) {
		t.Errorf("done did not mark read")
	}
}

func TestShowAndListNeverEmitEscapes(t *testing.T) {
	env, _ := importedLibrary(t)
	checkNoEscapes(t, env)
}

// TestHostileFeedNeverReachesTheTerminal syncs a hostile day from a
// stand-in API and runs every output command over it.
func TestHostileFeedNeverReachesTheTerminal(t *testing.T) {
	srv := feedtest.New(t)
	if err := srv.SetDay("2025-10-20", []byte(hostileDay)); err != nil {
		t.Fatal(err)
	}
	env := append(dbEnv(t), "PAPERS_API_URL="+srv.URL)
	if r := papers(t, env, "sync", "--date", "2025-10-20", "--refresh"); r.code != 0 {
		t.Fatalf("sync: %d %s", r.code, r.stderr)
	}
	mustRun(t, env, "queue", "add", "2510.99999")
	checkNoEscapes(t, env)
	r := papers(t, env, "list", "--json")
	if !strings.Contains(r.stdout, `\u001b]52`) {
		t.Errorf("the stored text was not kept as received: %s", r.stdout)
	}
}

func checkNoEscapes(t *testing.T, env []string) {
	t.Helper()
	for _, args := range [][]string{
		{"queue"}, {"queue", "--json"}, {"stats"}, {"doctor"},
		{"show", "2510.99999"}, {"show", "--style", "dark", "2510.99999"}, {"list"}, {"list", "--json"},
		{"search", "evil"}, {"search", "--json", "evil"}, {"export", "--format", "markdown"},
		{"export", "--format", "csv"}, {"export", "--format", "bibtex"}, {"export", "--format", "json"},
		{"show", "--all-authors", "https://arxiv.org/abs/2510.99999v1"},
	} {
		r := papers(t, env, args...)
		if r.code != 0 {
			t.Errorf("%v: exit %d %s", args, r.code, r.stderr)
		}
		out := r.stdout
		if args[0] == "--style" {
			out = ansiSGR.ReplaceAllString(out, "") // glamour's own colours are fine
		}
		for _, bad := range []string{"\x1b", "\u009b", "\u009d", "\u009c", "\u202e", "\u2066", "\u200b", "\a"} {
			if strings.Contains(out, bad) || strings.Contains(r.stderr, bad) {
				t.Errorf("%v: output carries %q", args, bad)
			}
		}
		if strings.Contains(out, "javascript:alert") && !strings.Contains(out, `"github_repo": "javascript:alert(1)"`) {
			t.Errorf("%v: offers a javascript: link", args)
		}
	}
	r := papers(t, env, "show", "2510.99999")
	if !strings.Contains(r.stdout, "Evil") || !strings.Contains(r.stdout, "Title") {
		t.Errorf("show lost the title: %s", r.stdout)
	}
}

// ansiSGR matches colour sequences (ESC [ … m) and nothing else.
var ansiSGR = regexp.MustCompile("\x1b\\[[0-9;]*m")

func TestSearchAndExport(t *testing.T) {
	env, _ := importedLibrary(t)
	r := papers(t, env, "search", "--json", "model", "--limit", "5")
	var hits []map[string]any
	if err := json.Unmarshal([]byte(r.stdout), &hits); err != nil || len(hits) == 0 {
		t.Fatalf("search: %v %s %s", err, r.stdout, r.stderr)
	}
	if r := papers(t, env, "search", "upvotes:>lots"); r.code != 2 || !strings.Contains(r.stderr, "lots") {
		t.Errorf("bad filter: exit %d %q", r.code, r.stderr)
	}
	ids := firstIDs(t, env, 2)
	mustRun(t, env, "queue", "add", ids[0], ids[1])
	out := filepath.Join(t.TempDir(), "queue.bib")
	if r := papers(t, env, "export", "--queue", "--format", "bibtex", "-o", out); r.code != 0 {
		t.Fatalf("export: %s", r.stderr)
	}
	bib := mustReadFile(t, out)
	if strings.Count(string(bib), "@misc{") != 2 || !strings.Contains(string(bib), "eprint = {"+ids[0]+"}") {
		t.Errorf("bibtex:\n%s", bib)
	}
	if r := papers(t, env, "export", "--format", "yaml"); r.code != 2 {
		t.Errorf("bad format: exit %d", r.code)
	}
}

func TestAddByIDAndURLWithA404(t *testing.T) {
	srv := feedtest.New(t)
	a := feed.Paper{ID: "2605.13301", Title: "Added By Id", Abstract: "An abstract.", Upvotes: 3,
		Authors: []feed.Author{{Name: "Ada Lovelace"}}}
	b := feed.Paper{ID: "2605.15320", Title: "Added By URL", Upvotes: 5}
	srv.SetPaper(a.ID, a.FlatJSON())
	srv.SetPaper(b.ID, b.FlatJSON())
	srv.SetText(a.ID, feedtest.PaperText(a.ID, 2))
	env := append(dbEnv(t), "PAPERS_API_URL="+srv.URL)
	r := papers(t, env, "add", "--queue", "--json", a.ID+"v2", "https://huggingface.co/papers/"+b.ID, "2605.99999")
	if r.code != 1 || !strings.Contains(r.stderr, "2605.99999") || !strings.Contains(r.stderr, "404") {
		t.Fatalf("exit %d, stderr %q", r.code, r.stderr)
	}
	var added []map[string]any
	if err := json.Unmarshal([]byte(r.stdout), &added); err != nil || len(added) != 2 {
		t.Fatalf("added: %v %s", err, r.stdout)
	}
	r = papers(t, env, "queue", "--json")
	var q []map[string]any
	mustUnmarshal(t, []byte(r.stdout), &q)
	if len(q) != 2 || q[0]["id"] != a.ID || q[0]["day"] != nil || q[0]["abstract"] != "An abstract." {
		t.Errorf("queue = %v", q)
	}
	// --queue fetches the text, as queue add does.
	if r := papers(t, env, "read", a.ID, "--raw"); r.code != 0 {
		t.Errorf("the text of a paper added with --queue: exit %d, %q %q", r.code, r.stdout, r.stderr)
	}
}

func TestAddRecordedPapers(t *testing.T) {
	files, err := filepath.Glob(filepath.Join(feedtest.Shared(t, "fixtures/hf"), "hf-paper-*.json"))
	if err != nil {
		t.Fatal(err)
	}
	if len(files) == 0 {
		t.Fatal("no hf-paper recordings in the shared fixtures")
	}
	srv := feedtest.New(t)
	var ids []string
	for _, f := range files {
		body := mustReadFile(t, f)
		id := strings.TrimSuffix(strings.TrimPrefix(filepath.Base(f), "hf-paper-"), ".json")
		srv.SetPaper(id, body)
		ids = append(ids, "https://arxiv.org/abs/"+id)
	}
	env := append(dbEnv(t), "PAPERS_API_URL="+srv.URL)
	if r := papers(t, env, append([]string{"add"}, ids...)...); r.code != 0 {
		t.Fatalf("add: %d %s", r.code, r.stderr)
	}
	r := papers(t, env, "list", "--json")
	var listed []map[string]any
	mustUnmarshal(t, []byte(r.stdout), &listed)
	if len(listed) != len(files) || listed[0]["title"] == "" || listed[0]["abstract"] == "" {
		t.Errorf("listed = %v", listed)
	}
}

func TestRemoteSearch(t *testing.T) {
	srv := feedtest.New(t)
	days := synth.Days(20, 8, time.Date(2025, 10, 1, 0, 0, 0, 0, time.UTC))
	for _, d := range days {
		mustSetDay(t, srv, d.Date, d.Body)
	}
	env := append(dbEnv(t), "PAPERS_API_URL="+srv.URL)
	mustRun(t, env, "sync", "--date", days[0].Date)
	r := papers(t, env, "search", "--remote", "--json", "model")
	if r.code != 0 {
		t.Fatalf("exit %d %s", r.code, r.stderr)
	}
	var hits []struct {
		ID        string
		InLibrary bool `json:"in_library"`
		Day       *string
	}
	if err := json.Unmarshal([]byte(r.stdout), &hits); err != nil || len(hits) == 0 {
		t.Fatalf("%v %s", err, r.stdout)
	}
	in := 0
	for _, h := range hits {
		if h.InLibrary {
			in++
		}
	}
	if in == 0 || in == len(hits) {
		t.Errorf("%d of %d marked in the library", in, len(hits))
	}

	flat := httptestServer(t, `[{"id":"2605.13301","title":"Flat Paper","upvotes":1}]`)
	r = papers(t, append(dbEnv(t), "PAPERS_API_URL="+flat), "search", "--remote", "anything")
	if r.code != 0 || !strings.Contains(r.stdout, "Flat Paper") {
		t.Errorf("flat answer: %d %q %q", r.code, r.stdout, r.stderr)
	}
	bad := httptestServer(t, `{"results":"nope"}`)
	r = papers(t, append(dbEnv(t), "PAPERS_API_URL="+bad), "search", "--remote", "anything")
	if r.code != 1 || !strings.Contains(r.stderr, "search Hugging Face") {
		t.Errorf("malformed answer: %d %q", r.code, r.stderr)
	}
}

// httptestServer answers every request with body.
func httptestServer(t *testing.T, body string) string {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		io.WriteString(w, body)
	}))
	t.Cleanup(srv.Close)
	return srv.URL
}

// Export streams the library instead of reading it whole; what it writes
// is still, byte for byte, the array `list --json` prints.
func TestExportJSONStreamsListJSON(t *testing.T) {
	env, _ := importedLibrary(t)
	list := papers(t, env, "list", "--json")
	exported := papers(t, env, "export", "--format", "json")
	if list.code != 0 || exported.code != 0 {
		t.Fatalf("list exit %d, export exit %d: %s %s", list.code, exported.code, list.stderr, exported.stderr)
	}
	if exported.stdout != list.stdout {
		t.Errorf("export --format json differs from list --json (%d and %d bytes)", len(exported.stdout), len(list.stdout))
	}
	empty := papers(t, env, "export", "--format", "json", "--query", "zzzqqqx")
	if empty.stdout != "[]\n" {
		t.Errorf("an empty export wrote %q, want %q", empty.stdout, "[]\n")
	}
}

// Setup helpers: a step that cannot be done stops the test, naming it,
// rather than letting it fail later for a reason it does not say.

func mustWriteFile(tb testing.TB, path string, data []byte, perm os.FileMode) {
	tb.Helper()
	if err := os.WriteFile(path, data, perm); err != nil {
		tb.Fatal(err)
	}
}

func mustReadFile(tb testing.TB, path string) []byte {
	tb.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		tb.Fatal(err)
	}
	return b
}

func mustSymlink(tb testing.TB, target, link string) {
	tb.Helper()
	if err := os.Symlink(target, link); err != nil {
		tb.Fatal(err)
	}
}

// mustUnmarshal decodes what a command printed; output that is not the
// JSON asked for fails the test with the output.
func mustUnmarshal(tb testing.TB, data []byte, v any) {
	tb.Helper()
	if err := json.Unmarshal(data, v); err != nil {
		tb.Fatalf("not the JSON wanted (%v):\n%s", err, data)
	}
}

func mustMarshal(tb testing.TB, v any) []byte {
	tb.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		tb.Fatal(err)
	}
	return b
}

func mustSetDay(tb testing.TB, srv *feedtest.Server, day string, body []byte) {
	tb.Helper()
	if err := srv.SetDay(day, body); err != nil {
		tb.Fatal(err)
	}
}

// mustRun runs a setup step of a test: it must succeed.
func mustRun(t *testing.T, env []string, args ...string) result {
	t.Helper()
	r := papers(t, env, args...)
	if r.code != 0 {
		t.Fatalf("papers %s: exit %d\n%s", strings.Join(args, " "), r.code, r.stderr)
	}
	return r
}
