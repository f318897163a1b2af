package main

import (
	"fmt"
	"os"
	"time"

	"github.com/papertui/papers/tui"
)

// ReadCmd opens the reader. It is the default command, so its flags work
// without naming it (`papers --mouse`). With an id it prints that paper's
// whole text instead (readtext.go).
type ReadCmd struct {
	Style  string `default:"auto" enum:"auto,dark,light" help:"Colours, one of ${enum} (auto asks the terminal)."`
	Mouse  bool   `help:"Wheel scrolling and click to select."`
	NoSync bool   `name:"no-sync" help:"Do not sync in the background on start."`

	ID    string `arg:"" optional:"" help:"Print this paper's stored full text instead of opening the reader."`
	Raw   bool   `help:"With an id: print the Markdown as stored (made safe for the terminal)."`
	Plain bool   `help:"With an id: plain text even on a terminal (it is plain when piped)."`
}

// staleAfter is how old the last sync may be before the reader syncs on start.
const staleAfter = time.Hour

// Run opens the reader on the local library; a stale library is synced in
// the background, never before the first frame.
func (c *ReadCmd) Run(g *Globals) error {
	if c.ID != "" {
		return c.printText(g)
	}
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
	opts := tui.Options{Library: lib, Fetcher: client, Remote: client, Style: c.Style, Mouse: c.Mouse,
		SyncAfter: staleAfter, NoColor: os.Getenv("NO_COLOR") != ""}
	if c.NoSync {
		opts.SyncAfter = 0
	}
	applyReaderConfig(&opts) // configcmd.go: view, sort, sync age and days
	return tui.Run(opts)
}
