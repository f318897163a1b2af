package main

import (
	"context"
	"fmt"
	"os"

	"github.com/papertui/papers/feed"
	"github.com/papertui/papers/store"
	"github.com/papertui/papers/tui/clean"
)

// AddCmd is `papers add`: any paper Hugging Face has indexed, by id.
type AddCmd struct {
	IDs     []string `arg:"" name:"id" help:"Paper ids, versioned ids, or HF/arXiv URLs."`
	Queue   bool     `help:"Also put the papers in the reading queue (and fetch their full texts, as queue add does)."`
	NoFetch bool     `name:"no-fetch" help:"With --queue: do not fetch the papers' full texts."`
	JSON    bool     `name:"json" help:"Print the added papers as one JSON array."`
}

// Run fetches each paper and stores it; a malformed id, or one HF has not
// indexed, is named, the others are still added, and it exits 1.
func (c *AddCmd) Run(g *Globals) error {
	ids, malformed, err := parseIDs("add", c.IDs)
	if err != nil {
		return err
	}
	failed := len(malformed)
	return g.withLibrary(func(ctx context.Context, lib *store.Store) error {
		client := g.client()
		var added []feed.Paper
		for _, id := range ids {
			p, err := client.Paper(ctx, id)
			if err != nil {
				failed++
				fmt.Fprintf(os.Stderr, "papers: add %s: %s\n", id, clean.Line(describeFetch(err)))
				if ctx.Err() != nil {
					break
				}
				continue
			}
			added = append(added, p)
		}
		if err := c.save(ctx, lib, added); err != nil {
			return err
		}
		if c.Queue && !c.NoFetch && len(added) > 0 {
			ids := make([]string, len(added))
			for i, p := range added {
				ids[i] = p.ID
			}
			if err := fetchAfterQueue(ctx, g, lib, ids); err != nil { // fetch.go: a failure is a warning
				return err
			}
		}
		if failed > 0 {
			return errFailed
		}
		return nil
	})
}

func (c *AddCmd) save(ctx context.Context, lib *store.Store, papers []feed.Paper) error {
	if len(papers) == 0 {
		if c.JSON {
			return printRecords(stdout, nil, true) // [], as every --json that finds nothing
		}
		return nil
	}
	if _, err := lib.SavePapers(ctx, papers); err != nil {
		return err
	}
	ids := make([]string, len(papers))
	for i, p := range papers {
		ids[i] = p.ID
	}
	if c.Queue {
		if err := lib.Enqueue(ctx, ids...); err != nil {
			return err
		}
	}
	var recs []store.Record
	for _, id := range ids {
		rec, err := lib.Record(ctx, id)
		if err != nil {
			return err
		}
		recs = append(recs, rec)
		if !c.JSON {
			fmt.Fprintln(os.Stderr, "added", id)
		}
	}
	if c.JSON {
		return printRecords(stdout, recs, true)
	}
	return printRecords(stdout, recs, false)
}
