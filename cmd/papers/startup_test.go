package main

import (
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestStartupRunsFirst: internal/startup is initialised before lipgloss,
// so lipgloss's colour detection never sees TMUX (no `tmux info` before
// the first frame); and main puts TMUX back for everything after (the
// browser, Bubble Tea's own detection).
func TestStartupRunsFirst(t *testing.T) {
	r := papers(t, []string{"GODEBUG=inittrace=1", "TMUX=/tmp/tmux-test/default,1,0"}, "--version")
	order := map[string]int{}
	for i, line := range strings.Split(r.stderr, "\n") {
		if f := strings.Fields(line); len(f) > 1 && f[0] == "init" {
			order[f[1]] = i
		}
	}
	start, ok := order["github.com/papertui/papers/internal/startup"]
	lip, ok2 := order["charm.land/lipgloss/v2"]
	if !ok || !ok2 || start > lip {
		t.Errorf("startup initialised at line %d (%v), lipgloss at %d (%v): want startup first", start, ok, lip, ok2)
	}
}

// TestCollectorReleased: the collector internal/startup holds from
// package init is back for every command but the reader: an import of
// 2,000 papers collects as it goes instead of growing its heap to the
// memory limit.
func TestCollectorReleased(t *testing.T) {
	files := synthDayFiles(t, 2000, 5, time.Date(2025, 3, 3, 0, 0, 0, 0, time.UTC))
	db := filepath.Join(t.TempDir(), "gc.db")
	r := papers(t, []string{"GODEBUG=gctrace=1,inittrace=1"}, append([]string{"--db", db, "import"}, files...)...)
	if r.code != 0 {
		t.Fatalf("import: %d %s", r.code, r.stderr)
	}
	lines := strings.Split(r.stderr, "\n")
	lastInit, collections := -1, 0
	for i, line := range lines {
		if strings.HasPrefix(line, "init ") {
			lastInit = i
		}
	}
	for _, line := range lines[lastInit+1:] {
		if strings.HasPrefix(line, "gc ") {
			collections++
		}
	}
	if collections < 2 {
		t.Errorf("%d collections after package init: want the collector back during the import", collections)
	}
}
