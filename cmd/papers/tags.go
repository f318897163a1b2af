package main

import (
	"context"
	"fmt"
	"os"

	"github.com/papertui/papers/store"
)

// TagsCmd is `papers tags`.
type TagsCmd struct {
	JSON bool `name:"json" help:"Print one JSON array of {tag, papers}."`
}

// Run lists the tags with how many papers carry each.
func (c *TagsCmd) Run(g *Globals) error {
	return g.withLibrary(func(ctx context.Context, lib *store.Store) error {
		tags, err := lib.Tags(ctx)
		if err != nil {
			return err
		}
		if c.JSON {
			return writeJSON(stdout, tags)
		}
		if len(tags) == 0 {
			fmt.Fprintln(os.Stderr, "no tags yet (papers tag ID +NAME)")
		}
		for _, t := range tags {
			fmt.Fprintf(stdout, "%6d  %s\n", t.Papers, t.Tag)
		}
		return nil
	})
}
