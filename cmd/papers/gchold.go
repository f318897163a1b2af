package main

import (
	"os"
	"runtime/debug"
	"time"
)

// collectorHold is how long the reader's start runs without the garbage
// collector: its first frame, with time to spare on a busy machine.
const collectorHold = time.Second

// holdCollector turns the garbage collector off for d, then back to its
// default pace. The reader's start allocates a few megabytes of a heap
// that stays small: at the default pace that is a cycle every two or
// three, each with two pauses that a busy machine stretches (one of 69 ms
// was seen at load 7), and none frees much. The memory limit
// (memlimit.go) still bounds the heap meanwhile. GOGC, when set, wins.
func holdCollector(d time.Duration) {
	if _, set := os.LookupEnv("GOGC"); set {
		return
	}
	debug.SetGCPercent(-1)
	time.AfterFunc(d, func() { debug.SetGCPercent(100) })
}
