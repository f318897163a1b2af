package main

import (
	"os"
	"runtime/debug"
)

// goMemoryLimit is a soft ceiling on the Go heap: the garbage collector
// works harder as it nears it instead of letting a busy heap double (the
// default), so every command stays well under 200 MB with SQLite's own
// caches on top. GOMEMLIMIT, when set, wins.
const goMemoryLimit = 112 << 20

func init() {
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(goMemoryLimit)
	}
}
