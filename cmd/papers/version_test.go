package main

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/papertui/papers/feed"
)

func TestIsRelease(t *testing.T) {
	for v, want := range map[string]bool{
		"v1.2.3": true, "v1.2.3-rc.1": true, "v0.0.1-snapshot+abc1234": true,
		"(devel)": false, "": false,
		"v0.0.0-20261130215329-ad058c4efbef":        false,
		"v0.0.0-20261130215329-ad058c4efbef+dirty":  false,
		"v1.2.4-0.20261130215329-ad058c4efbef":      false,
		"v1.3.0-rc.1.0.20261130215329-ad058c4efbef": false,
	} {
		if got := isRelease(v); got != want {
			t.Errorf("isRelease(%q) = %v, want %v", v, got, want)
		}
	}
}

func TestVersionString(t *testing.T) {
	v := buildVersion{Version: "v1.2.3", Commit: "ad058c4efbef7d74175d63590b5b7f92b19f8569", Time: "2026-11-30T21:53:29Z", Modified: true, Go: "go1.26.7"}
	s := v.String()
	for _, want := range []string{"papers v1.2.3\n", "commit ad058c4efbef (2026-11-30 21:53 UTC), with uncommitted changes", "go1.26.7 "} {
		if !strings.Contains(s, want) {
			t.Errorf("%q lacks %q", s, want)
		}
	}
	if s := (buildVersion{Version: "dev", Go: "go1.26.7"}).String(); strings.Contains(s, "commit") {
		t.Errorf("no commit known: %q", s)
	}
}

// TestVersionFromReleaseStamps: what a release build stamps with -ldflags
// is what --version prints; goreleaser's "none" for an unknown commit is
// not printed as a commit.
func TestVersionFromReleaseStamps(t *testing.T) {
	oldVersion, oldCommit, oldDate := feed.Version, commit, commitDate
	defer func() { feed.Version, commit, commitDate = oldVersion, oldCommit, oldDate }()
	feed.Version, commit, commitDate = "v1.4.0", "0123456789abcdef0123", "2026-11-30T20:00:00Z"
	if v := readBuildVersion(); v.Version != "v1.4.0" || v.Commit != commit || v.Time != commitDate {
		t.Errorf("stamped build: %+v", v)
	}
	commit, commitDate = "none", "0001-01-01T00:00:00Z"
	if s := readBuildVersion().String(); strings.Contains(s, "none") || strings.Contains(s, "0001") {
		t.Errorf("unknown commit printed: %q", s)
	}
	if r := papers(t, nil, "--version"); r.code != 0 || !strings.HasPrefix(r.stdout, "papers ") {
		t.Errorf("--version: exit %d %q", r.code, r.stdout)
	}
}

// TestGoInstallable: `go install github.com/papertui/papers/cmd/papers@vX`
// (the README's Install) refuses a module whose go.mod replaces or
// excludes a module, and a module's zip leaves out any folder with a
// go.mod of its own. A patched dependency must live some other way.
func TestGoInstallable(t *testing.T) {
	body, err := os.ReadFile("../../go.mod")
	if err != nil {
		t.Fatal(err)
	}
	for i, line := range strings.Split(string(body), "\n") {
		if f := strings.Fields(line); len(f) > 0 && (f[0] == "replace" || f[0] == "exclude") {
			t.Errorf("go.mod:%d: %q: go install …@version refuses such a module", i+1, line)
		}
	}
	err = filepath.WalkDir("../..", func(path string, d fs.DirEntry, err error) error {
		switch {
		case err != nil:
			return err
		case d.IsDir() && path != "../.." && (strings.HasPrefix(d.Name(), ".") || d.Name() == "testdata"):
			return filepath.SkipDir // .git, a local cache; test fixtures may hold modules
		case !d.IsDir() && d.Name() == "go.mod" && path != filepath.Join("../..", "go.mod"):
			t.Errorf("%s: a nested module is left out of the module's zip", path)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}
