//go:build unix

package tui

import (
	"bytes"
	"context"
	"os"
	"os/signal"
	"syscall"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
)

// TestHangUpRecordsTheVisit: closing the terminal (SIGHUP) ends the
// reader as a quit does, and the visit is written, so the same papers do
// not show as new again at the next start.
func TestHangUpRecordsTheVisit(t *testing.T) {
	lib := newTestLibrary(t)
	ctx := context.Background()
	must(t, lib.SetLastSeen(ctx, time.Now().Add(-48*time.Hour)))
	before, err := lib.LastSeen(ctx)
	must(t, err)
	done := make(chan error, 1)
	go func() {
		_, err := runProgram(Options{Library: lib, Style: "dark", LastSeen: &before},
			tea.WithInput(nil), tea.WithOutput(new(bytes.Buffer)), tea.WithWindowSize(120, 40))
		done <- err
	}()
	// Caught here too, so that a hang-up sent before the reader's handler
	// is set cannot end the test binary: sent again until the reader ends.
	caught := make(chan os.Signal, 8)
	signal.Notify(caught, syscall.SIGHUP)
	defer signal.Stop(caught)
	deadline := time.After(10 * time.Second)
	for ended := false; !ended; {
		must(t, syscall.Kill(syscall.Getpid(), syscall.SIGHUP))
		select {
		case <-done:
			ended = true
		case <-time.After(200 * time.Millisecond):
		case <-deadline:
			t.Fatal("the reader did not end on SIGHUP")
		}
	}
	after, err := lib.LastSeen(ctx)
	must(t, err)
	if !after.After(before) {
		t.Errorf("last visit %v after the hang-up, was %v: not recorded", after, before)
	}
}
