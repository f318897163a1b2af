package main

import (
	"context"
	"fmt"
	"os"
	"strconv"

	"github.com/papertui/papers/internal/english"
	"github.com/papertui/papers/store"
	"github.com/papertui/papers/tui/clean"
)

// MarkReadCmd is `papers mark-read`: catching up on a day, a search or a
// followed search in one change.
type MarkReadCmd struct {
	IDs    []string `arg:"" optional:"" name:"id" help:"Paper ids or URLs."`
	Day    string   `placeholder:"YYYY-MM-DD" help:"Every paper of one feed day."`
	Query  string   `placeholder:"Q" help:"Every paper a search finds (the reader's syntax)."`
	Follow string   `placeholder:"NAME" help:"Every paper of a followed search."`
}

// Run marks the papers read; papers undo takes it back whole.
func (c *MarkReadCmd) Run(g *Globals) error {
	chosen := 0
	for _, on := range []bool{len(c.IDs) > 0, c.Day != "", c.Query != "", c.Follow != ""} {
		if on {
			chosen++
		}
	}
	if chosen > 1 {
		return usagef("mark-read: choose one of ids, --day, --query, --follow; %d were given", chosen)
	}
	if chosen == 0 {
		return usagef("mark-read: give ids, or one of --day, --query, --follow")
	}
	if err := checkDay("mark-read", "--day", c.Day, ""); err != nil {
		return err
	}
	q, err := queryFlag("mark-read: --query", c.Query)
	if err != nil {
		return err
	}
	if len(c.IDs) > 0 { // eachPaper (ids.go): the good ids are marked, each bad one named
		return eachPaper(g, "mark-read", c.IDs, func(ctx context.Context, lib *store.Store, recs []store.Record) (int, error) {
			if err := lib.SetRead(ctx, true, recordIDs(recs)...); err != nil {
				return 0, unknownPaper(err)
			}
			fmt.Fprintf(os.Stderr, "marked %s read\n", english.Count(len(recs), "paper"))
			return 0, nil
		})
	}
	return g.withLibrary(func(ctx context.Context, lib *store.Store) error {
		f := store.Filter{Day: c.Day}
		switch {
		case c.Query != "":
			f = f.Search(q)
		case c.Follow != "":
			if f, err = followView(ctx, lib, c.Follow, f); err != nil {
				return err
			}
		}
		n, err := lib.MarkViewRead(ctx, f)
		if err != nil {
			return err
		}
		if n == 0 { // the store saved no undo step: offering one would undo an older change
			fmt.Fprintf(os.Stderr, "no unread papers %s; nothing changed\n", c.scope())
			return nil
		}
		fmt.Fprintf(os.Stderr, "marked %s read (papers undo takes it back)\n", english.Count(n, "paper"))
		return nil
	})
}

// scope says which papers a mark-read of a view looked at.
func (c *MarkReadCmd) scope() string {
	switch {
	case c.Day != "":
		return "on " + c.Day
	case c.Follow != "":
		return "in the followed search " + strconv.Quote(clean.Line(c.Follow))
	}
	return "match the search"
}
