//go:build unix

package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"net/http"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestInterruptExits130: Ctrl-C during a sync or a fetch that waits on
// the network says "interrupted" and exits 130, as a shell reports
// SIGINT (SIGTERM: 143), not "context canceled" and 1, and a fetch does
// not count the paper in flight as failed.
func TestInterruptExits130(t *testing.T) {
	asked := make(chan struct{}, 1)
	srv := newServer(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		select {
		case asked <- struct{}{}:
		default:
		}
		<-r.Context().Done() // hang until the client goes
	}))
	env, _ := importedLibrary(t)
	id := firstIDs(t, env, 1)[0]
	for _, c := range []struct {
		args []string
		sig  syscall.Signal
		code int
	}{
		{[]string{"sync", "--days", "1"}, syscall.SIGINT, 130},
		{[]string{"sync", "--json", "--days", "1"}, syscall.SIGINT, 130},
		{[]string{"fetch", id}, syscall.SIGINT, 130},
		{[]string{"fetch", "--json", id}, syscall.SIGTERM, 143},
	} {
		cmd := papersCmd(append(env, "PAPERS_API_URL="+srv), c.args...)
		var stdout, stderr bytes.Buffer
		cmd.Stdout, cmd.Stderr = &stdout, &stderr
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		select {
		case <-asked:
		case <-time.After(30 * time.Second):
			cmd.Process.Kill()
			t.Fatalf("%v never asked the server", c.args)
		}
		cmd.Process.Signal(c.sig)
		err := cmd.Wait()
		var exit *exec.ExitError
		if !errors.As(err, &exit) || exit.ExitCode() != c.code || !strings.Contains(stderr.String(), "papers: interrupted") ||
			strings.Contains(stderr.String(), "1 failed") || strings.Contains(stdout.String(), `"failed": 1`) {
			t.Errorf("%v stopped by %v: %v, stdout %q, stderr %q", c.args, c.sig, err, stdout.String(), stderr.String())
		}
		if c.args[0] == "sync" && c.args[1] == "--json" && !strings.Contains(stdout.String(), `"interrupted": true`) {
			t.Errorf("%v stopped: no report of what was kept: %q", c.args, stdout.String())
		}
	}
}

// TestInterruptEndsBlockedWork: work blocked where no context reaches
// (opening a named pipe nobody writes to) still ends on Ctrl-C: at once on
// a second one, after forceAfter on the first (it ran until kill -9).
func TestInterruptEndsBlockedWork(t *testing.T) {
	fifo := filepath.Join(t.TempDir(), "fifo")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skip(err)
	}
	for _, signals := range []int{2, 1} {
		cmd := papersCmd(dbEnv(t), "import", fifo)
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		time.Sleep(500 * time.Millisecond) // blocked in the open
		start := time.Now()
		for range signals {
			cmd.Process.Signal(syscall.SIGINT)
			time.Sleep(100 * time.Millisecond)
		}
		done := make(chan error, 1)
		go func() { done <- cmd.Wait() }()
		select {
		case err := <-done:
			var exit *exec.ExitError
			if !errors.As(err, &exit) || exit.ExitCode() != 130 {
				t.Errorf("%d signals: %v, stderr %q", signals, err, stderr.String())
			}
			if signals == 2 && time.Since(start) > 2*time.Second {
				t.Errorf("a second Ctrl-C took %s", time.Since(start))
			}
		case <-time.After(forceAfter + 5*time.Second):
			cmd.Process.Kill()
			t.Fatalf("%d signals: still running after %s", signals, forceAfter+5*time.Second)
		}
	}
}

// TestInterruptedImportReportsWhatWasKept: Ctrl-C during `import --json`
// prints the report of the files imported before it, marked interrupted,
// as sync --json does (it printed nothing), and the library holds exactly
// the papers that report counts.
func TestInterruptedImportReportsWhatWasKept(t *testing.T) {
	if testing.Short() {
		t.Skip("imports a few thousand papers")
	}
	files := synthDayFiles(t, 4000, 11, time.Date(2025, 10, 1, 0, 0, 0, 0, time.UTC))
	env := dbEnv(t)
	cmd := papersCmd(env, append([]string{"import", "--json"}, files...)...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	// Once a batch is committed, stop it.
	for deadline := time.Now().Add(30 * time.Second); papersIn(t, env) == 0; time.Sleep(10 * time.Millisecond) {
		if time.Now().After(deadline) {
			cmd.Process.Kill()
			t.Fatal("the import never wrote the library")
		}
	}
	cmd.Process.Signal(syscall.SIGINT)
	err := <-done
	var exit *exec.ExitError
	if !errors.As(err, &exit) || exit.ExitCode() != 130 {
		t.Skipf("the import ended before the signal (%v)", err)
	}
	var report struct {
		Files []struct {
			New int `json:"new"`
		} `json:"files"`
		Interrupted bool `json:"interrupted"`
	}
	if err := json.Unmarshal(stdout.Bytes(), &report); err != nil || !report.Interrupted || report.Files == nil {
		t.Fatalf("stdout is no interrupted report (%v): %q, stderr %q", err, stdout.String(), stderr.String())
	}
	reported := 0
	for _, f := range report.Files {
		reported += f.New
	}
	if n := papersIn(t, env); n != reported {
		t.Errorf("the library holds %d papers, the report counts %d new in %d files", n, reported, len(report.Files))
	}
}

// papersIn is how many papers `papers stats` counts, 0 before there is a
// library.
func papersIn(t *testing.T, env []string) int {
	t.Helper()
	var stats struct {
		Papers int `json:"papers"`
	}
	r := papers(t, env, "stats", "--json")
	if r.code != 0 || json.Unmarshal([]byte(r.stdout), &stats) != nil {
		return 0
	}
	return stats.Papers
}
