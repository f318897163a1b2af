package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/papertui/papers/store"
	"github.com/papertui/papers/store/query"
	"github.com/papertui/papers/tui/export"
)

// ExportCmd is `papers export`.
type ExportCmd struct {
	Queue  bool   `help:"Export the reading queue, in order."`
	Query  string `placeholder:"Q" help:"Export the papers a search finds (the reader's syntax)."`
	Format string `required:"" enum:"bibtex,markdown,json,csv" help:"bibtex, markdown, json or csv."`
	Output string `short:"o" placeholder:"FILE" help:"Write to FILE instead of stdout (replaced whole, never half-written)."`
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
	return g.withLibrary(func(ctx context.Context, lib *store.Store) error {
		papers, title, err := c.stream(ctx, lib, q)
		if err != nil {
			return err
		}
		return writeOutput(c.Output, func(w io.Writer) error { return c.write(w, papers, title) })
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
	case c.Queue:
		recs, err := lib.Queue(ctx)
		return export.Slice(recs), "Reading queue", err
	case c.Query != "":
		return each(store.Filter{Sort: store.SortNewest}.Search(q)), "Papers matching: " + c.Query, nil
	}
	return each(store.Filter{}), "Papers", nil
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

// writeJSONStream writes the papers as `list --json` writes its array,
// byte for byte, one paper at a time.
func writeJSONStream(w io.Writer, papers export.Stream) error {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("  ", "  ")
	n := 0
	err := papers(func(int) error { return nil }, func(r store.Record) error {
		buf.Reset()
		if err := enc.Encode(toJSON(r)); err != nil {
			return fmt.Errorf("encode json: %w", err)
		}
		sep := ",\n  "
		if n == 0 {
			sep = "[\n  "
		}
		n++
		_, err := io.WriteString(w, sep+escapeInvisible(strings.TrimSuffix(buf.String(), "\n")))
		return err
	})
	if err != nil {
		return err
	}
	end := "\n]\n"
	if n == 0 {
		end = "[]\n"
	}
	_, err = io.WriteString(w, end)
	return err
}

// writeOutput writes to stdout, or to a temporary file renamed over path
// once complete, so a failed export never leaves a truncated file.
func writeOutput(path string, write func(io.Writer) error) error {
	if path == "" || path == "-" {
		bw := bufio.NewWriter(os.Stdout)
		if err := write(bw); err != nil {
			return err
		}
		return bw.Flush()
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*")
	if err != nil {
		return fmt.Errorf("export to %s: %w", path, err)
	}
	defer os.Remove(tmp.Name())
	bw := bufio.NewWriter(tmp)
	if err := write(bw); err != nil {
		tmp.Close()
		return fmt.Errorf("export to %s: %w", path, err)
	}
	if err := bw.Flush(); err != nil {
		tmp.Close()
		return fmt.Errorf("export to %s: %w", path, err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("export to %s: %w", path, err)
	}
	if err := os.Chmod(tmp.Name(), 0o644); err != nil { // CreateTemp makes it private
		return fmt.Errorf("export to %s: %w", path, err)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("export to %s: %w", path, err)
	}
	return nil
}
