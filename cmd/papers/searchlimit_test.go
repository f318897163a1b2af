package main

import (
	"encoding/json"
	"strconv"
	"strings"
	"testing"
)

// When --limit (20 by default) cuts a search's results, stderr says how
// many there were and how to see them all; stdout, JSON above all, holds
// only the results. A search the limit did not cut says nothing.
func TestSearchSaysWhenTheLimitCutIt(t *testing.T) {
	env, _ := importedLibrary(t)
	all := papers(t, env, "search", "--json", "--limit", "0", "model")
	var hits []map[string]any
	if err := json.Unmarshal([]byte(all.stdout), &hits); err != nil {
		t.Fatalf("search --limit 0: %v\n%s", err, all.stdout)
	}
	if len(hits) < 5 {
		t.Fatalf("the library has %d papers on models; the test needs more", len(hits))
	}
	if strings.Contains(all.stderr, "showing") {
		t.Errorf("search --limit 0 says %q", all.stderr)
	}
	want := "showing 3 of " + strconv.Itoa(len(hits))
	for _, args := range [][]string{{"search", "--limit", "3", "model"}, {"search", "--json", "--limit", "3", "model"}} {
		r := papers(t, env, args...)
		if r.code != 0 || !strings.Contains(r.stderr, want) || !strings.Contains(r.stderr, "--limit 0") {
			t.Errorf("papers %v: exit %d, stderr %q; want %q and --limit 0", args, r.code, r.stderr, want)
		}
		if strings.Contains(r.stdout, "showing") {
			t.Errorf("papers %v: the notice is on stdout:\n%s", args, r.stdout)
		}
	}
	r := papers(t, env, "search", "--json", "--limit", "3", "model")
	var three []map[string]any
	if err := json.Unmarshal([]byte(r.stdout), &three); err != nil || len(three) != 3 {
		t.Errorf("search --json --limit 3: %v, %d results\n%s", err, len(three), r.stdout)
	}
	exact := papers(t, env, "search", "--limit", strconv.Itoa(len(hits)), "model")
	if exact.code != 0 || strings.Contains(exact.stderr, "showing") {
		t.Errorf("a limit that cut nothing: exit %d, stderr %q", exact.code, exact.stderr)
	}
}
