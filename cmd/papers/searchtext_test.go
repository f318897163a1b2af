package main

import (
	"encoding/json"
	"strings"
	"testing"
)

// The sentences a text: search prints read as the reading pane shows
// them, are found the way the index matched (words, whatever punctuation
// lies between), and are in the JSON too.
func TestSearchTextSentencesCleaned(t *testing.T) {
	_, env, ids := syncedWithTexts(t, 2)
	if r := papers(t, env, "fetch", ids[0]); r.code != 0 {
		t.Fatal(r.stderr)
	}
	r := papers(t, env, "search", `text:"shown by helff"`)
	if r.code != 0 || !strings.Contains(r.stdout, ids[0]) {
		t.Fatalf("search: %d %q %s", r.code, r.stdout, r.stderr)
	}
	for _, want := range []string{"“", "[Helff et al., 2024]", "Fig.1"} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("sentence lacks %q: %q", want, r.stdout)
		}
	}
	for _, noise := range []string{"[2024] )", "Fig.[1]", "](", "arxiv.org"} {
		if strings.Contains(r.stdout, noise) {
			t.Errorf("sentence holds %q: %q", noise, r.stdout)
		}
	}

	r = papers(t, env, "search", "--json", `text:"shown by helff"`)
	var found []map[string]any
	if err := json.Unmarshal([]byte(r.stdout), &found); err != nil || len(found) != 1 {
		t.Fatalf("json: %v %q", err, r.stdout)
	}
	s, _ := found[0]["sentences"].([]any)
	if found[0]["id"] != ids[0] || len(s) != 1 || !strings.Contains(s[0].(string), "[Helff et al., 2024]") {
		t.Errorf("json sentences: %v", found[0]["sentences"])
	}
	if _, ok := found[0]["title"]; !ok {
		t.Errorf("json lost the paper's fields: %v", found[0])
	}
}
