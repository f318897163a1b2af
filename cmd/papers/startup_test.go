package main

import (
	"strings"
	"testing"
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
