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

// TestInterruptExits130: Ctrl-C during a sync that waits on the network
// says "interrupted" and exits 130, as a shell reports SIGINT, not
// "context canceled" and 1.
func TestInterruptExits130(t *testing.T) {
	asked := make(chan struct{}, 1)
	srv := newServer(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		select {
		case asked <- struct{}{}:
		default:
		}
		<-r.Context().Done() // hang until the client goes
	}))
	cmd := papersCmd(append(dbEnv(t), "PAPERS_API_URL="+srv), "sync", "--days", "1")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	select {
	case <-asked:
	case <-time.After(30 * time.Second):
		cmd.Process.Kill()
		t.Fatal("sync never asked the server")
	}
	cmd.Process.Signal(syscall.SIGINT)
	err := cmd.Wait()
	var exit *exec.ExitError
	if !errors.As(err, &exit) || exit.ExitCode() != 130 || !strings.Contains(stderr.String(), "papers: interrupted") {
		t.Errorf("interrupted sync: %v, stderr %q", err, stderr.String())
	}
}
