package main

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/papertui/papers/store"
)

// TestFailuresReachStderr: what an import or a sync failed to do is on
// stderr as well as in the summary on stdout, so a cron job that throws
// stdout away still reports it; when both go to one file, it is there
// once.
func TestFailuresReachStderr(t *testing.T) {
	env := dbEnv(t)
	missing := filepath.Join(t.TempDir(), "2025-10-02.json")
	r := papers(t, env, "import", missing)
	if r.code != 1 || !strings.Contains(r.stdout, "rejected") || !strings.Contains(r.stderr, "papers: import: "+missing+": rejected: ") {
		t.Errorf("import: exit %d\nstdout %q\nstderr %q", r.code, r.stdout, r.stderr)
	}
	r = papers(t, env, "sync", "--date", "2025-10-02")
	if r.code != 1 || !strings.Contains(r.stdout, "failed 2025-10-02") || !strings.Contains(r.stderr, "papers: sync: failed 2025-10-02") {
		t.Errorf("sync: exit %d\nstdout %q\nstderr %q", r.code, r.stdout, r.stderr)
	}

	// With --json stdout is one JSON object, and stderr says the same.
	r = papers(t, env, "import", "--json", missing)
	if r.code != 1 || !json.Valid([]byte(r.stdout)) || !strings.Contains(r.stderr, "papers: import: "+missing+": rejected: ") {
		t.Errorf("import --json: exit %d\nstdout %q\nstderr %q", r.code, r.stdout, r.stderr)
	}
	r = papers(t, env, "sync", "--json", "--date", "2025-10-02")
	if r.code != 1 || !json.Valid([]byte(r.stdout)) || !strings.Contains(r.stderr, "papers: sync: failed 2025-10-02") {
		t.Errorf("sync --json: exit %d\nstdout %q\nstderr %q", r.code, r.stdout, r.stderr)
	}

	both, err := os.Create(filepath.Join(t.TempDir(), "log"))
	if err != nil {
		t.Fatal(err)
	}
	defer both.Close()
	cmd := exec.Command(papersBin, "import", missing)
	cmd.Env = append(os.Environ(), env...)
	cmd.Stdout, cmd.Stderr = both, both
	if err := cmd.Run(); err == nil {
		t.Fatal("import of a missing file exited 0")
	}
	log, _ := os.ReadFile(both.Name())
	if n := strings.Count(string(log), "rejected: open"); n != 1 {
		t.Errorf("one file for both: the failure %d times:\n%s", n, log)
	}
}

// TestSyncFailureSaysWhyFirst: a day that failed offline says so in plain
// words before Go's dial error, as the reader's status line does; a
// reason the error already holds is not said twice.
func TestSyncFailureSaysWhyFirst(t *testing.T) {
	r := store.SyncReport{Failed: []store.DayFailure{
		{Day: "2026-11-26", Error: "fetch daily papers 2026-11-26: GET https://huggingface.co/api/daily_papers?date=2026-11-26: host unreachable: dial tcp: lookup huggingface.co: no such host",
			Reason: "offline? cannot look up huggingface.co"},
		{Day: "2026-11-27", Error: "not fetched: the feed could not be reached (see 2026-11-26)"},
		{Day: "2026-11-28", Error: "not fetched: the feed could not be reached (see 2026-11-26)"},
		{Day: "2026-11-29", Error: "fetch daily papers 2026-11-29: HTTP 503 Service Unavailable", Reason: "HTTP 503 Service Unavailable"},
	}}
	got := strings.Join(syncFailureLines(r), "")
	want := "failed 2026-11-26: offline? cannot look up huggingface.co · fetch daily papers 2026-11-26: GET https://huggingface.co/api/daily_papers?date=2026-11-26: host unreachable: dial tcp: lookup huggingface.co: no such host\n" +
		"failed 2026-11-27 … 2026-11-28 (2 days): not fetched: the feed could not be reached (see 2026-11-26)\n" +
		"failed 2026-11-29: fetch daily papers 2026-11-29: HTTP 503 Service Unavailable\n"
	if got != want {
		t.Errorf("summary:\n%s\nwant:\n%s", got, want)
	}
}

// TestImportSaysARunOfRejectionsOnce: a file of strings (as the real
// archive holds) is one line per reason, not one per item, on stdout and
// on stderr; --json still lists every item.
func TestImportSaysARunOfRejectionsOnce(t *testing.T) {
	dir := t.TempDir()
	f := filepath.Join(dir, "2024-12-11.json")
	mustWriteFile(t, f, []byte(`["a", "b", "c", {"paper": 1}, "d", "e"]`), 0o644)
	env := dbEnv(t)
	r := papers(t, env, "import", f)
	if r.code != 1 {
		t.Fatalf("exit %d, want 1:\n%s%s", r.code, r.stdout, r.stderr)
	}
	if !strings.Contains(r.stdout, "  items 0–2: a string, not an object\n") ||
		!strings.Contains(r.stdout, "  items 4–5: a string, not an object\n") ||
		strings.Count(r.stdout, "\n  ") != 3 {
		t.Errorf("stdout:\n%s", r.stdout)
	}
	if n := strings.Count(r.stderr, "rejected items"); n != 2 {
		t.Errorf("stderr says %d runs, want 2:\n%s", n, r.stderr)
	}
	r = papers(t, env, "import", "--json", f)
	var rep struct {
		Files []struct {
			Rejected []struct{ Item int } `json:"rejected"`
		} `json:"files"`
	}
	if err := json.Unmarshal([]byte(r.stdout), &rep); err != nil || len(rep.Files) != 1 || len(rep.Files[0].Rejected) != 6 {
		t.Errorf("--json: %v %+v\n%s", err, rep, r.stdout)
	}
}
