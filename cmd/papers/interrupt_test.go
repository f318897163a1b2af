//go:build unix

package main

import (
	"bytes"
	"errors"
	"net/http"
	"os/exec"
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
	}
}
