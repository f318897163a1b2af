package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"

	"github.com/papertui/papers/internal/english"
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
	Rescue bool   `help:"Export every paper a damaged library still reads, stepping over the damage (what papers doctor advises)."`
}

// Run exports the queue, a search, or (with neither) the whole library.
func (c *ExportCmd) Run(g *Globals) error {
	if c.Queue && c.Query != "" {
		return usagef("export: choose --queue or --query, not both")
	}
	if c.Rescue && (c.Queue || c.Query != "" || c.Tag != "") {
		return usagef("export: --rescue exports every paper that still reads; it takes no --queue, --query or --tag")
	}
	q, err := queryFlag("export: --query", c.Query)
	if err != nil {
		return err
	}
	out, err := checkTarget("export", c.Output, g.libraryPath())
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
		papers, title, err := c.stream(ctx, lib, q)
		if err != nil {
			return err
		}
		papers = c.sayWhenEmpty(papers, out, func() string { return c.whyEmpty(ctx, lib) })
		err = out.write(func(w io.Writer) error { return c.write(w, papers, title) })
		if errors.Is(err, errNothingToWrite) {
			return nil
		}
		return err
	})
}

// stream is what to export: the queue (short, read whole), or a search
// or the whole library read from the library as it is written, so that
// exporting a million papers holds one at a time.
func (c *ExportCmd) stream(ctx context.Context, lib *store.Store, q query.Query) (export.Stream, string, error) {
	each := func(f store.Filter) export.Stream {
		return func(start func(int) error, each func(store.Record) error) error {
			return lib.EachRecord(ctx, f, start, each)
		}
	}
	switch {
	case c.Rescue:
		return func(start func(int) error, each func(store.Record) error) error {
			bare, skipped, err := lib.EachReadableRecord(ctx, start, each)
			if bare > 0 {
				fmt.Fprintf(os.Stderr, "papers: export --rescue: %s without their tags, queue place or note (on damaged pages)\n",
					english.Count(bare, "paper"))
			}
			if skipped > 0 {
				fmt.Fprintf(os.Stderr, "papers: export --rescue: left out %s that could not be read\n", english.Count(skipped, "paper"))
			}
			return err
		}, "Papers", nil
	case c.Queue:
		recs, err := lib.Queue(ctx)
		return export.Slice(recs), "Reading queue", err
	case c.Query != "" || c.Tag != "":
		return each(store.Filter{Sort: store.SortNewest}.Search(q)), exportTitle(c.Query, c.Tag), nil
	}
	return each(store.Filter{}), "Papers", nil
}

// whyEmpty is why an export found nothing, when it is that the queue or
// the whole library is empty; "" otherwise.
func (c *ExportCmd) whyEmpty(ctx context.Context, lib *store.Store) string {
	switch {
	case c.Queue:
		return ": the queue is empty (papers queue add ID, or b in the reader)"
	}
	return emptyLibraryNote(ctx, lib) // output.go
}

// errNothingToWrite stops an export that found no papers before it
// writes anything: stdout stays empty, and a file stays as it was.
var errNothingToWrite = errors.New("no papers to export")

// sayWhenEmpty says on stderr when papers holds none (and why, when why
// knows) and stops before anything is written: on stdout or a pipe, but
// for JSON's [], and always to a file, which keeps what it held. A
// mistyped tag in `export --tag reading -o refs.bib` must not empty the
// bibliography.
func (c *ExportCmd) sayWhenEmpty(papers export.Stream, out target, why func() string) export.Stream {
	return func(start func(int) error, each func(store.Record) error) error {
		return papers(func(total int) error {
			if total > 0 {
				return start(total)
			}
			if out.kind == targetReplace {
				fmt.Fprintf(os.Stderr, "%s%s; %s not written\n", noMatch, why(), quoteName(out.path))
				return errNothingToWrite
			}
			fmt.Fprintln(os.Stderr, noMatch+why())
			if c.Format != "json" {
				return errNothingToWrite
			}
			return start(total)
		}, each)
	}
}

func (c *ExportCmd) write(w io.Writer, papers export.Stream, title string) error {
	switch c.Format {
	case "bibtex":
		return export.WriteBibTeX(w, papers)
	case "markdown":
		return export.WriteMarkdown(w, papers, title)
	case "csv":
		return export.WriteCSV(w, papers)
	}
	return writeJSONStream(w, papers)
}

// exportTitle heads an export of a search and/or a tag.
func exportTitle(q, tag string) string {
	switch {
	case tag == "":
		return "Papers matching: " + q
	case q == "":
		return "Papers tagged " + tag
	}
	return "Papers tagged " + tag + " matching: " + q
}
