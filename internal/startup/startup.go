// Package startup runs before the packages that make starting slow: it
// imports nothing but os, and Go initialises packages in dependency
// order and, among those ready, by import path, so it runs before
// charm.land/lipgloss/v2 (whose dependency colorprofile waits for
// os/exec). cmd/papers checks that order (TestStartupRunsFirst).
//
// It hides TMUX until Done, first thing in main, so lipgloss's
// package-level Writer (which papers never prints through) does not run
// `tmux info` to detect the colour profile: a fork and exec before the
// first frame. Bubble Tea, which draws the screen, detects the profile
// when the program starts, after Done, with TMUX back.
package startup

import "os"

var (
	hidden    bool
	tmuxValue string
)

func init() {
	tmuxValue, hidden = os.LookupEnv("TMUX")
	if hidden {
		os.Unsetenv("TMUX")
	}
}

// Done puts TMUX back as package init found it.
func Done() {
	if hidden {
		os.Setenv("TMUX", tmuxValue)
		hidden = false
	}
}
