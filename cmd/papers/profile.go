package main

import (
	"fmt"
	"os"
	"runtime/pprof"
)

// startProfile writes a CPU profile of the whole process to the file
// PAPERS_CPUPROFILE names, for `go tool pprof`: what a command costs as
// users run it (reading files, printing), not only what a benchmark
// isolates. The returned func ends it.
func startProfile() func() {
	path := os.Getenv("PAPERS_CPUPROFILE")
	if path == "" {
		return func() {}
	}
	f, err := os.Create(path)
	if err == nil {
		err = pprof.StartCPUProfile(f)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "papers: PAPERS_CPUPROFILE:", err)
		return func() {}
	}
	return func() {
		pprof.StopCPUProfile()
		f.Close()
	}
}
