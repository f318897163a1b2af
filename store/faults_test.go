package store

import (
	"context"
	"errors"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/papertui/papers/feed"
	"github.com/papertui/papers/feed/synth"
)

// smallDisk mounts a tiny tmpfs for the test, or skips where mounting is
// not allowed (not root, no mount namespace rights).
func smallDisk(t *testing.T, size string) string {
	t.Helper()
	dir := t.TempDir()
	if out, err := exec.Command("mount", "-t", "tmpfs", "-o", "size="+size, "tmpfs", dir).CombinedOutput(); err != nil {
		t.Skipf("cannot mount a small tmpfs here (%v: %s): skipping", err, strings.TrimSpace(string(out)))
	}
	t.Cleanup(func() { exec.Command("umount", "-l", dir).Run() })
	return dir
}

// TestFullDiskKeepsWhatWasStored: filling the disk fails the write with a
// message that says so, and everything stored before stays whole.
func TestFullDiskKeepsWhatWasStored(t *testing.T) {
	dir := smallDisk(t, "2M")
	s, err := Open(filepath.Join(dir, "papers.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	days := synth.Days(3000, 2, time.Date(2025, 1, 6, 0, 0, 0, 0, time.UTC))
	importDays(t, s, days[:2])
	before, _ := s.Count(context.Background(), Filter{})
	var failed error
	for _, d := range days[2:] {
		if _, err := s.SavePapers(context.Background(), mustDecode(t, d)); err != nil {
			failed = err
			break
		}
	}
	if failed == nil || !strings.Contains(failed.Error(), "disk is full") || !strings.Contains(failed.Error(), "papers.db") {
		t.Fatalf("error = %v, want a full-disk error naming the library", failed)
	}
	after, _ := s.Count(context.Background(), Filter{})
	if after < before {
		t.Errorf("papers lost: %d → %d", before, after)
	}
	checkIntegrity(t, s)
}

// TestReadOnlyLibrary: a library on a read-only filesystem can be read,
// and a change fails with a message that says what to do.
func TestReadOnlyLibrary(t *testing.T) {
	dir := smallDisk(t, "8M")
	path := filepath.Join(dir, "papers.db")
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	importDays(t, s, synth.Days(50, 2, time.Date(2025, 1, 6, 0, 0, 0, 0, time.UTC)))
	id := firstID(t, s, "")
	// One followed search counted (its papers kept), one not yet.
	s.AddFollow(context.Background(), "kept", "model")
	if _, err := s.FollowCounts(context.Background(), 0); err != nil {
		t.Fatal(err)
	}
	s.AddFollow(context.Background(), "new", "data")
	s.Close()
	if out, err := exec.Command("mount", "-o", "remount,ro", dir).CombinedOutput(); err != nil {
		t.Skipf("cannot remount read-only: %v %s", err, out)
	}
	s, err = Open(path)
	if err != nil {
		if !strings.Contains(err.Error(), "read-only") {
			t.Fatalf("open: %v", err)
		}
		return // refusing to open, clearly, is fine too
	}
	defer s.Close()
	if n, err := s.Count(context.Background(), Filter{}); err != nil || n != 50 {
		t.Errorf("reading a read-only library: %d, %v", n, err)
	}
	err = s.Enqueue(context.Background(), id)
	if err == nil || !strings.Contains(err.Error(), "read-only") || errors.Is(err, ErrUnknownPaper) {
		t.Errorf("enqueue on a read-only library: %v", err)
	}
	// The followed searches are counted afresh where the kept counts
	// cannot be brought up to date.
	counts, err := s.FollowCounts(context.Background(), 0)
	if err != nil || len(counts) != 2 {
		t.Fatalf("follow counts on a read-only library: %v, %v", counts, err)
	}
	for _, c := range counts {
		f, _ := c.Filter()
		if n, _ := s.Count(context.Background(), f); n != c.Total || n == 0 {
			t.Errorf("%s: total %d, counted %d", c.Name, c.Total, n)
		}
	}
}

func mustDecode(t *testing.T, d synth.Day) []feed.Paper {
	t.Helper()
	ps, _, err := feed.DecodeDocument(d.Body, d.Date)
	if err != nil {
		t.Fatal(err)
	}
	return ps
}
