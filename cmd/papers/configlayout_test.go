package main

import (
	"strings"
	"testing"
)

// TestConfigLayoutProblems: each way a layout can be wrong, by exact
// message and line.
func TestConfigLayoutProblems(t *testing.T) {
	for _, tc := range []struct{ name, text, want string }{
		{"twice", "[layout]\ncolumns = [\"title\", \"upvotes\", \"upvotes\"]\n", `2: layout.columns: "upvotes" is listed twice`},
		{"unknown column", "[layout]\ncolumns = [\"title\", \"tag\"]\n",
			`2: layout.columns: "tag" is not a column (did you mean tags?): want some of "upvotes", "comments", "day", "title", "who", "tags"`},
		{"far from any column", "[layout]\ncolumns = [\"title\", \"abstract\"]\n",
			`2: layout.columns: "abstract" is not a column: want some of "upvotes", "comments", "day", "title", "who", "tags"`},
		{"not a list", "[layout]\ncolumns = \"title\"\n",
			`2: layout.columns: "title" is a string: want a list of column names in quotes, of "upvotes", "comments", "day", "title", "who", "tags"`},
		{"narrow", "[layout]\nside_by_side = 50\n", "2: layout.side_by_side: 50: want a width of 60 to 1000 columns (no quotes)"},
		{"share as text", "[layout]\nlist_share = \"60\"\n", `2: layout.list_share: "60" is a string: want a percent of 20 to 80 (no quotes)`},
		{"share too big", "[layout]\nlist_share = 90\n", "2: layout.list_share: 90: want a percent of 20 to 80 (no quotes)"},
	} {
		wantProblems(t, tc.name, tc.text, tc.want)
	}
}

// TestConfigLayoutReachesTheReader: the file's layout becomes the
// reader's; the default columns stay the default row.
func TestConfigLayoutReachesTheReader(t *testing.T) {
	path := writeConfig(t, "[layout]\ncolumns = [\"title\", \"tags\"]\nside_by_side = 100\nlist_share = 60\n")
	got, r := showJSON(t, []string{"PAPERS_CONFIG=" + path})
	if r.code != 0 {
		t.Fatalf("show: %d %s", r.code, r.stderr)
	}
	if got["layout.side_by_side"].Value != float64(100) || got["layout.three_columns"].Source != "default" {
		t.Errorf("show: %+v", got)
	}
	active = &configState{path: path, file: loadConfig(path)}
	for _, s := range settings {
		v, ok := active.file.values[s.key]
		src := "file"
		if !ok {
			v, src = s.def, "default"
		}
		active.values = append(active.values, resolved{s.key, v, src})
	}
	l := readerLayout()
	active = nil
	if strings.Join(l.Columns, " ") != "title tags" || l.SideBySide != 100 || l.ListShare != 60 || l.ThreeColumns != 180 {
		t.Errorf("layout %+v", l)
	}
}

// TestConfigOpener: open reaches the reader; PAPERS_OPEN wins over the
// file; a wrong type says what is accepted.
func TestConfigOpener(t *testing.T) {
	path := writeConfig(t, "open = \"firefox --new-tab %s\"\n")
	got, _ := showJSON(t, []string{"PAPERS_CONFIG=" + path})
	if got["open"].Value != "firefox --new-tab %s" || got["open"].Source != "file "+path+":1" {
		t.Errorf("open: %+v", got["open"])
	}
	got, _ = showJSON(t, []string{"PAPERS_CONFIG=" + path, "PAPERS_OPEN=lynx"})
	if got["open"].Value != "lynx" || got["open"].Source != "env PAPERS_OPEN" {
		t.Errorf("open from the environment: %+v", got["open"])
	}
	cf := loadConfig(writeConfig(t, "open = 5\n"))
	if len(cf.problem) != 1 || cf.problem[0].msg != `open: 5 is a number: want a command in quotes, like "firefox %s" ("": $BROWSER, else the desktop's)` {
		t.Errorf("problems: %+v", cf.problem)
	}
}

// TestConfigFPS: reader.fps reaches the reader's program; out of Bubble
// Tea's range, or in quotes, it is refused with what is accepted.
func TestConfigFPS(t *testing.T) {
	for _, tc := range []struct{ name, text, want string }{
		{"zero", "[reader]\nfps = 0\n", "2: reader.fps: 0: want 1 to 120 frames a second (no quotes)"},
		{"above Bubble Tea's", "[reader]\nfps = 144\n", "2: reader.fps: 144: want 1 to 120 frames a second (no quotes)"},
		{"quoted", "[reader]\nfps = \"60\"\n", `2: reader.fps: "60" is a string: want 1 to 120 frames a second (no quotes)`},
	} {
		wantProblems(t, tc.name, tc.text, tc.want)
	}
	if got := readerFPS(); got != 120 {
		t.Errorf("no file: %d frames a second, want 120", got)
	}
	path := writeConfig(t, "[reader]\nfps = 30\n")
	active = &configState{path: path, file: loadConfig(path)}
	for _, s := range settings {
		v, ok := active.file.values[s.key]
		if !ok {
			v = s.def
		}
		active.values = append(active.values, resolved{s.key, v, "file"})
	}
	got := readerFPS()
	active = nil
	if got != 30 {
		t.Errorf("fps = 30 in the file: %d frames a second", got)
	}
}
