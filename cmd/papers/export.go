package main

import (
	"context"
	"fmt"
	"io"
	"os"

	"github.com/papertui/papers/store"
	"github.com/papertui/papers/store/query"
	"github.com/papertui/papers/tui/export"
)

// ExportCmd is `papers export`.
type ExportCmd struct {
	Queue  bool   `help:"Export the reading queue, in order."`
	Query  string `placeholder:"Q" help:"Export the papers a search finds (the reader's syntax)."`
	Format string `default:"bibtex" enum:"bibtex,markdown,json,csv" help:"Format, one of ${enum} (default ${default})."`
	Output string `short:"o" placeholder:"FILE" help:"Write to FILE instead of stdout (replaced whole, never half-written)."`
	Tag    string `placeholder:"NAME" help:"Export the papers carrying a tag (with --query: those it finds that carry it)."`
}

// Run exports the queue, a search, or (with neither) the whole library.
func (c *ExportCmd) Run(g *Globals) error {
	if c.Queue && c.Query != "" {
		return usagef("export: choose --queue or --query, not both")
	}
	var q query.Query
	if c.Query != "" {
		var err error
		if q, err = query.Parse(c.Query); err != nil {
			return usageError{fmt.Errorf("export: --query: %w", err)}
		}
	}
	out, err := checkTarget(c.Output, g.libraryPath())
	if err != nil {
		return err
	}
	if c.Tag != "" {
		if c.Queue {
			return usagef("export: choose --queue or --tag, not both")
		}
		tag, err := query.NormalizeTag(c.Tag)
		if err != nil {
			return usageError{fmt.Errorf("export: --tag: %w", err)}
		}
		q.Tags = append(q.Tags, tag)
	}
	return g.withLibrary(func(ctx context.Context, lib *store.Store) error {
		recs, title, err := c.records(ctx, lib, q)
		if err != nil {
			return err
		}
		if len(recs) == 0 {
			// Nothing to export: stdout stays empty (JSON: []).
			fmt.Fprintln(os.Stderr, noMatch)
			if out.kind == targetStdout && c.Format != "json" {
				return nil
			}
		}
		return out.write(func(w io.Writer) error { return c.write(w, recs, title) })
	})
}

func (c *ExportCmd) records(ctx context.Context, lib *store.Store, q query.Query) ([]store.Record, string, error) {
	switch {
	case c.Queue:
		recs, err := lib.Queue(ctx)
		return recs, "Reading queue", err
	case c.Query != "" || c.Tag != "":
		recs, err := lib.Records(ctx, store.Filter{Sort: store.SortNewest}.Search(q), 0, 0)
		return recs, exportTitle(c.Query, c.Tag), err
	}
	recs, err := lib.Records(ctx, store.Filter{}, 0, 0)
	return recs, "Papers", err
}

func (c *ExportCmd) write(w io.Writer, recs []store.Record, title string) error {
	switch c.Format {
	case "bibtex":
		return export.BibTeX(w, recs)
	case "markdown":
		return export.Markdown(w, recs, title)
	case "csv":
		return export.CSV(w, recs)
	}
	return printRecords(w, recs, true)
}
