// Package startup runs before most of the packages that make starting
// slow: it imports only os and runtime/debug, and Go initialises packages
// in dependency order and, among those ready, by import path, so it runs
// before charm.land/lipgloss/v2 (whose dependency colorprofile waits for
// os/exec) and goldmark. chroma, which glamour brings in, is ready and
// sorts before it, whatever it imports: its lexers and styles come first.
// cmd/papers checks the order (TestStartupRunsFirst).
//
// It hides TMUX until Done, first thing in main, so lipgloss's
// package-level Writer (which papers never prints through) does not run
// `tmux info` to detect the colour profile: a fork and exec before the
// first frame. Bubble Tea, which draws the screen, detects the profile
// when the program starts, after Done, with TMUX back.
//
// It also holds the garbage collector until ReleaseCollector: package
// init allocates about 6 MB (chroma's lexers and styles are parsed from
// XML) of a heap that then stays small, and the collection the packages
// after this one would cost is 2.8 ms of a 19 ms `papers --version` on a
// 2-core machine. Every command releases the collector once its command
// line is parsed; the reader, once its first frame is up.
package startup

import (
	"os"
	"runtime/debug"
	"sync"
	"time"
)

var (
	hidden    bool
	tmuxValue string

	held    bool
	release sync.Once
)

func init() {
	tmuxValue, hidden = os.LookupEnv("TMUX")
	if hidden {
		os.Unsetenv("TMUX")
	}
	// GOGC, when set, is the user's to decide.
	if _, set := os.LookupEnv("GOGC"); !set {
		debug.SetGCPercent(-1)
		held = true
	}
}

// Done puts TMUX back as package init found it.
func Done() {
	if hidden {
		os.Setenv("TMUX", tmuxValue)
		hidden = false
	}
}

// ReleaseCollector puts the garbage collector back to its default pace
// after d (at once when d is 0); only the first call counts. The memory
// limit (cmd/papers's memlimit.go) bounds the heap meanwhile.
func ReleaseCollector(d time.Duration) {
	release.Do(func() {
		if !held {
			return
		}
		if d <= 0 {
			debug.SetGCPercent(100)
			return
		}
		time.AfterFunc(d, func() { debug.SetGCPercent(100) })
	})
}
