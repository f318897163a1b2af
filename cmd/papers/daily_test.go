package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestTagAndTagsCommands(t *testing.T) {
	env, _ := importedLibrary(t)
	ids := firstIDs(t, env, 3)
	if r := papers(t, env, "tag", ids[0], ids[1], "+Reading", "+thesis"); r.code != 0 {
		t.Fatalf("tag: %d %s", r.code, r.stderr)
	}
	if r := papers(t, env, "tag", ids[1], "-thesis"); r.code != 0 {
		t.Fatalf("tag -: %d %s", r.code, r.stderr)
	}
	r := papers(t, env, "tags", "--json")
	var tags []struct {
		Tag    string
		Papers int
	}
	if err := json.Unmarshal([]byte(r.stdout), &tags); err != nil || len(tags) != 2 ||
		tags[0].Tag != "reading" || tags[0].Papers != 2 || tags[1].Papers != 1 {
		t.Errorf("tags = %+v (%v)\n%s", tags, err, r.stdout)
	}
	// list --tag lists what the tag holds, as search tag: does; a tag
	// nothing carries lists nothing, and does not call the library empty.
	r = papers(t, env, "list", "--tag", "thesis")
	if r.code != 0 || strings.Count(r.stdout, "\n") != 1 || !strings.Contains(r.stdout, ids[0]) {
		t.Errorf("list --tag thesis: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	if r := papers(t, env, "list", "--tag", "nosuch"); r.stdout != "" || strings.Contains(r.stderr, "empty") {
		t.Errorf("list --tag nosuch: %q %q", r.stdout, r.stderr)
	}
	if r := papers(t, env, "follow", "add", "none", "nothingmatchesthis"); r.code != 0 {
		t.Fatalf("follow add: %s", r.stderr)
	}
	if r := papers(t, env, "list", "--follow", "none"); r.stdout != "" || strings.Contains(r.stderr, "empty") {
		t.Errorf("list --follow of a search with no hits: %q %q", r.stdout, r.stderr)
	}
	if r := papers(t, env, "list", "--tag", "two words"); r.code != 2 {
		t.Errorf("list --tag with a space: exit %d %q", r.code, r.stderr)
	}
	r = papers(t, env, "search", "tag:reading", "--json")
	var found []struct {
		ID   string
		Tags []string
		Note *string
	}
	mustUnmarshal(t, []byte(r.stdout), &found)
	if len(found) != 2 || found[0].Note != nil || len(found[0].Tags) == 0 {
		t.Errorf("search tag:reading = %+v", found)
	}
	for _, args := range [][]string{
		{"tag", ids[0]},                              // no change asked
		{"tag", "+x"},                                // no id
		{"tag", ids[0], "+two words"},                // bad name
		{"tag", "not-an-id", "+x"},                   // bad id
		{"follow", "add", "f", "foo:bar"},            // bad query
		{"mark-read"},                                // nothing chosen
		{"mark-read", "--day", "yesterday"},          // bad day
		{"mark-read", "--day", "2025-10-01", ids[0]}, // two choices
		{"note", ids[0], "--edit", "--set", "x"},
		{"digest", "--format", "pdf"},
		{"export", "--format", "json", "--tag", "a b"},
	} {
		if r := papers(t, env, args...); r.code != 2 {
			t.Errorf("%v: exit %d, want 2\n%s", args, r.code, r.stderr)
		}
	}
	if r := papers(t, env, "tag", "2101.00001", "+x"); r.code != 1 || !strings.Contains(r.stderr, "2101.00001") {
		t.Errorf("unknown paper: exit %d %s", r.code, r.stderr)
	}
}

func TestNoteCommand(t *testing.T) {
	env, _ := importedLibrary(t)
	id := firstIDs(t, env, 1)[0]
	if r := papers(t, env, "note", id, "--set", "first **note**"); r.code != 0 {
		t.Fatalf("set: %d %s", r.code, r.stderr)
	}
	if r := papers(t, env, "note", id); r.stdout != "first **note**\n" {
		t.Errorf("note = %q", r.stdout)
	}
	// The editor edits a temporary copy; what it writes is saved.
	editor := filepath.Join(t.TempDir(), "ed.sh")
	mustWriteFile(t, editor, []byte("#!/bin/sh\nprintf 'edited\\n' >> \"$1\"\n"), 0o755)
	if r := papers(t, append(env, "VISUAL="+editor), "note", id, "--edit"); r.code != 0 {
		t.Fatalf("edit: %d %s", r.code, r.stderr)
	}
	if r := papers(t, env, "note", id); r.stdout != "first **note**edited\n" {
		t.Errorf("after edit, note = %q", r.stdout)
	}
	// A failing editor changes nothing.
	if r := papers(t, append(env, "VISUAL=false"), "note", id, "--edit"); r.code != 1 {
		t.Errorf("failing editor: exit %d", r.code)
	}
	if r := papers(t, env, "note", id); r.stdout != "first **note**edited\n" {
		t.Errorf("after a failed edit, note = %q", r.stdout)
	}
	r := papers(t, env, "search", "note:edited", "--json")
	if !strings.Contains(r.stdout, `"note": "first **note**edited\n"`) {
		t.Errorf("search note:edited --json:\n%s", r.stdout)
	}
	// What a paste brought in (a clear-screen, a clipboard write) never
	// reaches the terminal; the note's own layout does.
	if r := papers(t, env, "note", id, "--set=- pasted\x1b[2J\n    - indented\x1b]52;c;ZXZpbA==\x07"); r.code != 0 {
		t.Fatalf("set: %d %s", r.code, r.stderr)
	}
	if r := papers(t, env, "note", id); r.stdout != "- pasted\n    - indented\n" {
		t.Errorf("note with escape sequences printed as %q", r.stdout)
	}
	// An empty stdin (closed in a script) keeps the note; --set '' is
	// how one is removed, and it says so.
	if r := papers(t, env, "note", id, "--set", "-"); r.code != 1 || !strings.Contains(r.stderr, "stdin was empty: the note of "+id+" is kept") {
		t.Errorf("--set - on an empty stdin: exit %d, %q", r.code, r.stderr)
	}
	if r := papers(t, env, "note", id); r.stdout != "- pasted\n    - indented\n" {
		t.Errorf("after an empty stdin, note = %q", r.stdout)
	}
	// Blanks are not a note: refused, the note kept.
	if r := papers(t, env, "note", id, "--set", " \t\n"); r.code != 2 || !strings.Contains(r.stderr, "is kept") {
		t.Errorf("--set of blanks: exit %d, %q", r.code, r.stderr)
	}
	if r := papers(t, env, "note", id, "--set", ""); r.code != 0 || r.stderr != "removed the note of "+id+"\n" {
		t.Errorf("--set '': exit %d, %q", r.code, r.stderr)
	}
	if r := papers(t, env, "note", id); r.stdout != "" {
		t.Errorf("after --set '', note = %q", r.stdout)
	}
}

func TestFollowMarkReadUndoAndDigest(t *testing.T) {
	env, _ := importedLibrary(t)
	if r := papers(t, env, "follow", "add", "all", "has:code"); r.code != 0 {
		t.Fatalf("follow add: %d %s", r.code, r.stderr)
	}
	if r := papers(t, env, "follow", "add", "all", "x"); r.code != 2 {
		t.Errorf("a duplicate name: exit %d", r.code)
	}
	counts := func() (unread, fresh int) {
		r := papers(t, env, "follow", "--json")
		var fs []struct{ Unread, New int }
		if err := json.Unmarshal([]byte(r.stdout), &fs); err != nil || len(fs) != 1 {
			t.Fatalf("follow --json: %v\n%s", err, r.stdout)
		}
		return fs[0].Unread, fs[0].New
	}
	unread, _ := counts()
	if unread == 0 {
		t.Fatal("the followed search finds nothing unread")
	}
	r := papers(t, env, "list", "--follow", "all", "--json")
	var listed []struct{ ID string }
	mustUnmarshal(t, []byte(r.stdout), &listed)
	if len(listed) != unread {
		t.Errorf("list --follow: %d papers, follow counts %d unread", len(listed), unread)
	}
	if r := papers(t, env, "mark-read", "--follow", "all"); r.code != 0 {
		t.Fatalf("mark-read: %d %s", r.code, r.stderr)
	}
	if u, _ := counts(); u != 0 {
		t.Errorf("after mark-read, %d unread", u)
	}
	if r := papers(t, env, "undo"); r.code != 0 || !strings.Contains(r.stderr, "mark all read") {
		t.Errorf("undo: %d %s", r.code, r.stderr)
	}
	if u, _ := counts(); u != unread {
		t.Errorf("after undo, %d unread, want %d", u, unread)
	}

	// The first digest has what arrived within the last day, of recent
	// feed days: not the old days the import brought in (history, not
	// news); once marked, the next is empty.
	recent := synthDayFiles(t, 5, 6, time.Now().UTC().AddDate(0, 0, -6))
	mustRun(t, env, append([]string{"import"}, recent...)...)
	var all struct{ Papers []struct{ Day string } }
	mustUnmarshal(t, []byte(mustRun(t, env, "digest", "--json").stdout), &all)
	if len(all.Papers) == 0 {
		t.Fatal("the first digest lacks the papers of recent days")
	}
	for _, p := range all.Papers {
		if p.Day < time.Now().UTC().AddDate(0, 0, -8).Format(time.DateOnly) {
			t.Errorf("the first digest holds a paper of %s, brought in by the import of old days", p.Day)
		}
	}
	var followed struct{ Papers []struct{ ID string } }
	mustUnmarshal(t, []byte(mustRun(t, env, "digest", "--json", "--follow", "all").stdout), &followed)
	if len(followed.Papers) == 0 || len(followed.Papers) >= len(all.Papers) {
		t.Errorf("digest --follow all (has:code): %d papers of the %d", len(followed.Papers), len(all.Papers))
	}
	r = papers(t, env, "digest", "--json", "--top", "2", "--mark")
	var d struct {
		Papers []struct {
			ID      string
			Upvotes int
		}
	}
	if err := json.Unmarshal([]byte(r.stdout), &d); err != nil || len(d.Papers) != 2 || d.Papers[0].Upvotes < d.Papers[1].Upvotes {
		t.Errorf("digest --json: %v %+v\n%s", err, d, r.stdout)
	}
	r = papers(t, env, "digest", "--json", "--top", "2")
	mustUnmarshal(t, []byte(r.stdout), &d)
	if len(d.Papers) != 0 {
		t.Errorf("after --mark the digest --top 2 still holds %d papers", len(d.Papers))
	}
	// Each kind of digest remembers its own: the top two sent leave the
	// library's digest whole, and a followed search's.
	r = papers(t, env, "digest", "--json")
	mustUnmarshal(t, []byte(r.stdout), &d)
	if len(d.Papers) != len(all.Papers) {
		t.Errorf("after digest --top 2 --mark, the digest holds %d papers, want all %d", len(d.Papers), len(all.Papers))
	}
	mustRun(t, env, "digest", "--follow", "all", "--mark")
	for _, args := range [][]string{{"--follow", "all"}, {}} {
		r = papers(t, env, append([]string{"digest", "--json"}, args...)...)
		mustUnmarshal(t, []byte(r.stdout), &d)
		if want := map[bool]int{true: 0, false: len(all.Papers)}[len(args) > 0]; len(d.Papers) != want {
			t.Errorf("digest %v after digest --follow all --mark: %d papers, want %d", args, len(d.Papers), want)
		}
	}
	mustRun(t, env, "digest", "--mark")
	r = papers(t, env, "digest", "--json")
	mustUnmarshal(t, []byte(r.stdout), &d)
	if len(d.Papers) != 0 {
		t.Errorf("after --mark the digest still holds %d papers", len(d.Papers))
	}
	// --since takes what the other --since flags take: a month or a year
	// is its first day.
	month := papers(t, env, "digest", "--json", "--since", "2025-10")
	day := papers(t, env, "digest", "--json", "--since", "2025-10-01")
	if month.code != 0 || month.stdout != day.stdout {
		t.Errorf("digest --since 2025-10 (%d %s) differs from 2025-10-01:\n%s\n%s", month.code, month.stderr, month.stdout, day.stdout)
	}
	if r := papers(t, env, "digest", "--since", "2025-13"); r.code != 2 || !strings.Contains(r.stderr, `--since "2025-13"`) {
		t.Errorf("digest --since 2025-13: %d %s", r.code, r.stderr)
	}
	for _, format := range []string{"markdown", "text", "html"} {
		r := papers(t, env, "digest", "--since", "2025-01-01", "--format", format)
		if r.code != 0 || !strings.Contains(r.stdout, "arxiv.org/abs/") {
			t.Errorf("digest --format %s: %d %s", format, r.code, r.stderr)
		}
		if strings.ContainsAny(r.stdout, "\x1b\u202e\u009b") {
			t.Errorf("digest --format %s lets escapes through", format)
		}
		if format == "html" && (strings.Contains(r.stdout, "javascript:") || !strings.Contains(r.stdout, "<!DOCTYPE html>")) {
			t.Errorf("html digest:\n%s", r.stdout)
		}
	}
}

func TestExportTagCarriesTagsAndNotes(t *testing.T) {
	env, _ := importedLibrary(t)
	ids := firstIDs(t, env, 2)
	mustRun(t, env, "tag", ids[0], ids[1], "+ml_2")
	mustRun(t, env, "note", ids[0], "--set", "50% {better} & \\cheaper")
	r := papers(t, env, "export", "--tag", "ml_2", "--format", "bibtex")
	if r.code != 0 || strings.Count(r.stdout, "@misc{") != 2 {
		t.Fatalf("export --tag: %d %s\n%s", r.code, r.stderr, r.stdout)
	}
	if !strings.Contains(r.stdout, `keywords = {ml\_2}`) ||
		!strings.Contains(r.stdout, `note = {50\% {\textbraceleft}better{\textbraceright} \& {\textbackslash}cheaper}`) {
		t.Errorf("bibtex:\n%s", r.stdout)
	}
	r = papers(t, env, "export", "--tag", "ml_2", "--format", "json")
	if !strings.Contains(r.stdout, `"tags": [`) || !strings.Contains(r.stdout, `"note": "50% {better}`) {
		t.Errorf("json:\n%s", r.stdout)
	}
}

// mark-read that finds nothing unread changes nothing: it says so and
// offers no undo, and papers undo still takes back the last real change.
func TestMarkReadOfNothingOffersNoUndo(t *testing.T) {
	env, _ := importedLibrary(t)
	r := papers(t, env, "list", "--json", "--limit", "1")
	var listed []struct{ Day string }
	mustUnmarshal(t, []byte(r.stdout), &listed)
	if len(listed) != 1 || listed[0].Day == "" {
		t.Fatalf("list: %s", r.stdout)
	}
	day := listed[0].Day
	if r := papers(t, env, "mark-read", "--day", day); r.code != 0 || !strings.Contains(r.stderr, "undo") {
		t.Fatalf("mark-read --day %s: %d %q", day, r.code, r.stderr)
	}
	for _, args := range [][]string{
		{"mark-read", "--day", "2024-01-01"}, // no papers that day
		{"mark-read", "--day", day},          // all read already
		{"mark-read", "--query", "zzzznomatchzzzz"},
	} {
		r := papers(t, env, args...)
		if r.code != 0 || strings.Contains(r.stderr, "undo") || !strings.Contains(r.stderr, "nothing changed") {
			t.Errorf("papers %v: exit %d, stderr %q; want exit 0, nothing changed and no undo", args, r.code, r.stderr)
		}
	}
	if r := papers(t, env, "undo"); r.code != 0 || !strings.Contains(r.stderr, "mark "+day+" read") {
		t.Errorf("undo after the no-ops: %d %q", r.code, r.stderr)
	}
}

// TestNoteEditNeverOverwritesAChange: a note changed in another terminal
// while the editor was open is kept; the edit is not stored over it, and
// is saved where the error says.
func TestNoteEditNeverOverwritesAChange(t *testing.T) {
	env, _ := importedLibrary(t)
	id := firstIDs(t, env, 1)[0]
	mustRun(t, env, "note", id, "--set", "before")
	// The "editor" is another terminal setting the note, then the edit.
	editor := filepath.Join(t.TempDir(), "ed.sh")
	script := fmt.Sprintf("#!/bin/sh\n%q note %s --set 'CONCURRENT' || exit 3\nprintf 'mine\\n' >> \"$1\"\n", papersBin, id)
	mustWriteFile(t, editor, []byte(script), 0o755)
	tmp := t.TempDir()
	r := papers(t, append(env, "VISUAL="+editor, "TMPDIR="+tmp), "note", id, "--edit")
	if r.code != 1 || !strings.Contains(r.stderr, "changed elsewhere") {
		t.Fatalf("edit over a changed note: exit %d %s", r.code, r.stderr)
	}
	if got := mustRun(t, env, "note", id).stdout; got != "CONCURRENT\n" {
		t.Errorf("the note changed elsewhere became %q", got)
	}
	matches, _ := filepath.Glob(filepath.Join(tmp, "papers-note-"+id+"-*.md"))
	if len(matches) != 1 || !strings.Contains(r.stderr, matches[0]) {
		t.Fatalf("the kept edit: %v, stderr %q", matches, r.stderr)
	}
	if kept, err := os.ReadFile(matches[0]); err != nil || string(kept) != "beforemine\n" {
		t.Errorf("the edit kept: %q %v", kept, err)
	}
	if strings.Count(r.stderr, "note:") != 1 {
		t.Errorf("stderr says note: more than once: %q", r.stderr)
	}

	// An edit over the size a note holds is kept too, not thrown away.
	big := filepath.Join(t.TempDir(), "big.sh")
	mustWriteFile(t, big, []byte("#!/bin/sh\nhead -c 1100000 /dev/zero | tr '\\0' a >> \"$1\"\n"), 0o755)
	tmp = t.TempDir()
	r = papers(t, append(env, "VISUAL="+big, "TMPDIR="+tmp), "note", id, "--edit")
	matches, _ = filepath.Glob(filepath.Join(tmp, "papers-note-"+id+"-*.md"))
	if r.code != 1 || !strings.Contains(r.stderr, "at most") || len(matches) != 1 || !strings.Contains(r.stderr, matches[0]) {
		t.Fatalf("an edit over the cap: exit %d %q, kept %v", r.code, r.stderr, matches)
	}
	if info, err := os.Stat(matches[0]); err != nil || info.Size() < 1100000 {
		t.Errorf("the big edit kept: %v %v", info, err)
	}
	if got := mustRun(t, env, "note", id).stdout; got != "CONCURRENT\n" {
		t.Errorf("an edit over the cap changed the note to %q", got)
	}
}

// TestUndoListOfNothingSaysSo: with no history, undo --list says on
// stderr what undo says, and stdout stays empty.
func TestUndoListOfNothingSaysSo(t *testing.T) {
	env := emptyLibraryEnv(t)
	for _, args := range [][]string{{"undo"}, {"undo", "--list"}} {
		r := papers(t, env, args...)
		if r.code != 0 || r.stdout != "" || strings.TrimSpace(r.stderr) != "nothing to undo" {
			t.Errorf("papers %v: exit %d, stdout %q, stderr %q", args, r.code, r.stdout, r.stderr)
		}
	}
}

// TestDigestTopSaysHowManyItHolds: a --top larger than the digest says
// the number of papers it holds, not the --top given.
func TestDigestTopSaysHowManyItHolds(t *testing.T) {
	env, _ := importedLibrary(t)
	var d struct {
		About  string
		Papers []struct{ ID string }
	}
	mustUnmarshal(t, []byte(mustRun(t, env, "digest", "--json", "--since", "2025", "--top", "9223372036854775807").stdout), &d)
	want := fmt.Sprintf("(the %d most upvoted)", len(d.Papers))
	if len(d.Papers) == 0 || len(d.Papers) >= 1000 || !strings.Contains(d.About, want) {
		t.Errorf("about %q, want %q", d.About, want)
	}
	r := mustRun(t, env, "digest", "--format", "text", "--since", "2025", "--top", "9223372036854775807")
	if !strings.Contains(r.stdout, want) || strings.Contains(r.stdout, "9223372036854775807") {
		t.Errorf("text digest:\n%s", r.stdout)
	}
}
