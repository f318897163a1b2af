package main

import (
	"github.com/papertui/papers/feed"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/papertui/papers/store"
)

// paperFields are the keys of a paper in every --json: a contract with
// scripts. A field may be added (here too), never renamed or dropped.
var paperFields = strings.Fields(`id title authors hidden_authors published day upvotes comments
	github_repo github_stars project_page ai_summary ai_keywords organization url pdf_url arxiv_url
	abstract thumbnail submitter withdrawn_at queued queue_position read tags note`)

func keysOf(t *testing.T, obj map[string]any) []string {
	t.Helper()
	var keys []string
	for k := range obj {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

func TestPaperJSONFieldsAreTheContract(t *testing.T) {
	// A paper not queued carries queue_position too, as null.
	for _, r := range []store.Record{{}, {Queued: true, QueuePos: 1}} {
		var obj map[string]any
		mustUnmarshal(t, mustMarshal(t, toJSON(r)), &obj)
		want := slices.Sorted(slices.Values(paperFields))
		if got := keysOf(t, obj); !slices.Equal(got, want) {
			t.Errorf("paper JSON keys of %+v\n got %v\nwant %v", r, got, want)
		}
		if pos := obj["queue_position"]; (pos == nil) == r.Queued {
			t.Errorf("queued %v: queue_position %v", r.Queued, pos)
		}
	}
}

// TestEveryCommandPrintsOnePaperShape: list, search, queue, export and
// digest print each paper with the same keys.
func TestEveryCommandPrintsOnePaperShape(t *testing.T) {
	env, _ := importedLibrary(t)
	var listed []map[string]any
	mustUnmarshal(t, []byte(mustRun(t, env, "list", "--json", "--limit", "1").stdout), &listed)
	if len(listed) != 1 {
		t.Fatalf("list --json --limit 1: %d papers", len(listed))
	}
	id := listed[0]["id"].(string)
	mustRun(t, env, "queue", "add", "--no-fetch", id)
	want := keysOf(t, listed[0])

	var digest struct{ Papers []map[string]any }
	mustUnmarshal(t, []byte(mustRun(t, env, "digest", "--json", "--since", "2025-10-01").stdout), &digest)
	arrays := map[string][]map[string]any{"digest --json": digest.Papers}
	for name, args := range map[string][]string{
		"list --json":   {"list", "--json"},
		"search --json": {"search", "--json", "--limit", "0", "is:queued"},
		"queue --json":  {"queue", "--json"},
		"export json":   {"export", "--format", "json", "--queue"},
	} {
		var got []map[string]any
		mustUnmarshal(t, []byte(mustRun(t, env, args...).stdout), &got)
		arrays[name] = got
	}
	for name, papers := range arrays {
		i := slices.IndexFunc(papers, func(p map[string]any) bool { return p["id"] == id })
		if i < 0 {
			t.Errorf("%s: %s missing", name, id)
			continue
		}
		if got := keysOf(t, papers[i]); !slices.Equal(got, want) {
			t.Errorf("%s: keys\n got %v\nwant %v", name, got, want)
		}
	}
}

// TestLinkedReposJSON: a Space has no counts in the API, so they are null,
// not an invented 0, and its emoji and description are kept.
func TestLinkedReposJSON(t *testing.T) {
	repos := []feed.Repo{{ID: "o/s", Emoji: "🚀", About: "A demo space"}}
	var spaces, models []map[string]any
	mustUnmarshal(t, mustMarshal(t, reposJSON(repos, false)), &spaces)
	if s := spaces[0]; s["downloads"] != nil || s["likes"] != nil || s["emoji"] != "🚀" || s["short_description"] != "A demo space" {
		t.Errorf("space: %v", s)
	}
	mustUnmarshal(t, mustMarshal(t, reposJSON([]feed.Repo{{ID: "o/m", Downloads: 5, Pipeline: "text-generation"}}, true)), &models)
	if m := models[0]; m["downloads"] != 5.0 || m["likes"] != 0.0 || m["pipeline_tag"] != "text-generation" || m["emoji"] != nil {
		t.Errorf("model: %v", m)
	}
}

// TestRecordLineNamesWhoOnlyWhenKnown: a paper with neither organization
// nor author ends at its title, not in "()".
func TestRecordLineNamesWhoOnlyWhenKnown(t *testing.T) {
	bare := store.Record{Paper: feed.Paper{ID: "2501.00002", Title: "x", Day: "2025-01-02"}}
	if got := recordLine(bare); strings.HasSuffix(got, "()") || !strings.HasSuffix(got, "2501.00002 x") {
		t.Errorf("bare paper: %q", got)
	}
	bare.Authors = []feed.Author{{Name: "Ada"}}
	if got := recordLine(bare); !strings.HasSuffix(got, "x  (Ada)") {
		t.Errorf("with an author: %q", got)
	}
}

// TestPlainShowHasPlainSpaces: show's plain text (a pipe) has ordinary
// spaces, so a script's grep "Feed day" finds the facts line, whose
// facts are kept whole on screen by non-breaking spaces.
func TestPlainShowHasPlainSpaces(t *testing.T) {
	env, _ := importedLibrary(t)
	id := firstIDs(t, env, 1)[0]
	out := mustRun(t, env, "show", id).stdout
	if strings.Contains(out, "\u00a0") || !strings.Contains(out, "Feed day ") {
		t.Errorf("show, piped:\n%s", out)
	}
}

// TestAllIsStreamedAlike: `list` and `search --limit 0` print every paper
// as they read them (printView), and print what a limit past the end
// prints from the papers held at once, byte for byte, in every order.
func TestAllIsStreamedAlike(t *testing.T) {
	env := dbEnv(t)
	mustRun(t, env, append([]string{"import"}, synthDayFiles(t, 300, 5, time.Date(2025, 10, 1, 0, 0, 0, 0, time.UTC))...)...)
	for _, args := range [][]string{
		{"list"}, {"list", "--sort", "upvotes"}, {"list", "--sort", "trending"},
		{"search", "model"}, {"search", "model", "--sort", "newest"}, {"search", "model", "--sort", "upvotes"},
		{"search", "upvotes:>3"}, {"search", "nosuchwordanywhere"},
	} {
		for _, form := range [][]string{nil, {"--json"}} {
			all := append(append(slices.Clone(args), "--limit", "0"), form...)
			held := append(append(slices.Clone(args), "--limit", "100000"), form...)
			a, b := papers(t, env, all...), papers(t, env, held...)
			if a.code != 0 || a.stdout != b.stdout || a.stderr != b.stderr {
				t.Errorf("%v: exit %d, %d bytes, stderr %q; %v: exit %d, %d bytes, stderr %q",
					all, a.code, len(a.stdout), a.stderr, held, b.code, len(b.stdout), b.stderr)
			}
		}
	}
}
