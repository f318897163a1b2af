package main

import (
	"time"

	"github.com/papertui/papers/tui"
)

// ReadCmd opens the reader.
type ReadCmd struct {
	Style  string `default:"auto" enum:"auto,dark,light" help:"Colours: auto (ask the terminal), dark or light."`
	Mouse  bool   `help:"Wheel scrolling and click to select."`
	NoSync bool   `name:"no-sync" help:"Do not sync in the background on start."`
}

// staleAfter is how old the last sync may be before the reader syncs on start.
const staleAfter = time.Hour

// Run opens the reader on the local library; a stale library is synced in
// the background, never before the first frame.
func (c *ReadCmd) Run(g *Globals) error {
	lib, err := g.open()
	if err != nil {
		return err
	}
	defer lib.Close()
	opts := tui.Options{Library: lib, Fetcher: g.client(), Style: c.Style, Mouse: c.Mouse, SyncAfter: staleAfter}
	if c.NoSync {
		opts.SyncAfter = 0
	}
	return tui.Run(opts)
}
