package main

import "time"

// collectorHold is how long the reader's start runs without the garbage
// collector, which internal/startup holds from package init: its first
// frame, with time to spare on a busy machine. The reader's start
// allocates a few megabytes of a heap that stays small: at the default
// pace that is a cycle every two or three, each with two pauses that a
// busy machine stretches (one of 69 ms was seen at load 7), and none
// frees much. The memory limit (memlimit.go) still bounds the heap
// meanwhile. GOGC, when set, wins.
const collectorHold = time.Second
