package main

import (
	"fmt"
	"os"
	"time"

	"github.com/papertui/papers/tui"
)

// ReadCmd opens the reader; its flags (--style, --mouse, --no-sync) are
// global.
type ReadCmd struct{}

// staleAfter is how old the last sync may be before the reader syncs on start.
const staleAfter = time.Hour

// Run opens the reader on the local library; a stale library is synced in
// the background, never before the first frame.
func (c *ReadCmd) Run(g *Globals) error {
	if !isTerminal(os.Stdout) {
		return fmt.Errorf("the reader needs a terminal; from scripts use papers list, search, show or queue")
	}
	lib, err := g.open()
	if err != nil {
		return err
	}
	defer lib.Close()
	client := g.client()
	client.OnNotice = nil // the reader owns the terminal
	opts := tui.Options{Library: lib, Fetcher: client, Remote: client, Style: g.Style, Mouse: g.Mouse,
		SyncAfter: staleAfter, NoColor: os.Getenv("NO_COLOR") != ""}
	if g.NoSync {
		opts.SyncAfter = 0
	}
	return tui.Run(opts)
}
