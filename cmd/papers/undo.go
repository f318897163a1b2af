package main

import (
	"context"
	"errors"
	"fmt"
	"os"

	"github.com/papertui/papers/store"
	"github.com/papertui/papers/tui/clean"
)

// UndoCmd is `papers undo`.
type UndoCmd struct {
	List bool `help:"List the changes that can be undone, newest first, instead."`
}

// Run undoes the newest change to the queue, read marks or tags.
func (c *UndoCmd) Run(g *Globals) error {
	return g.withLibrary(func(ctx context.Context, lib *store.Store) error {
		if c.List {
			hist, err := lib.History(ctx)
			if err != nil {
				return err
			}
			if len(hist) == 0 {
				// As undo says it: an empty stdout alone reads like a failure.
				fmt.Fprintln(os.Stderr, "nothing to undo")
				return nil
			}
			for _, h := range hist {
				fmt.Fprintf(stdout, "%s  %s\n", h.At.Local().Format("2006-01-02 15:04"), clean.Line(h.What))
			}
			return nil
		}
		what, err := lib.Undo(ctx)
		if errors.Is(err, store.ErrNothingToUndo) {
			fmt.Fprintln(os.Stderr, "nothing to undo")
			return nil
		}
		if err != nil {
			return err
		}
		fmt.Fprintf(os.Stderr, "undid: %s\n", what)
		return nil
	})
}
