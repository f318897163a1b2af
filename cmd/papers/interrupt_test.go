//go:build unix

package main

import (
	"bytes"
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
