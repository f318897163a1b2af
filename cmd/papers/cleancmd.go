package main

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/papertui/papers/internal/english"
	"github.com/papertui/papers/store"
)

// CleanCmd is `papers clean`: frees the space full texts and PDFs take.
type CleanCmd struct {
	Texts bool `help:"Delete stored full texts (and their search index)."`
	PDFs  bool `name:"pdfs" help:"Delete saved PDFs."`
	Read  bool `help:"Only those of papers marked read."`
}

// Run deletes what was asked; the papers themselves, the queue and read
// marks are never touched.
func (c *CleanCmd) Run(g *Globals) error {
	if !c.Texts && !c.PDFs {
		return usagef("clean what? use --texts, --pdfs or both")
	}
	return g.withLibrary(func(ctx context.Context, lib *store.Store) error {
		if c.Texts {
			n, err := lib.DeleteTexts(ctx, c.Read)
			if err != nil {
				return err
			}
			fmt.Fprintf(stdout, "deleted %s\n", english.Count(n, "full text"))
			if err := reclaim(ctx, lib); err != nil {
				return err
			}
		}
		if c.PDFs {
			n, size, err := c.deletePDFs(ctx, lib)
			if err != nil {
				return err
			}
			fmt.Fprintf(stdout, "deleted %s (%s)\n", english.Count(n, "PDF"), humanBytes(size))
		}
		return nil
	})
}

// reclaim gives the deleted texts' space back to the filesystem (a
// VACUUM, all or nothing) and says how much; the texts are gone already
// when it fails, so a failure says what was kept.
func reclaim(ctx context.Context, lib *store.Store) error {
	before := lib.SizeOnDisk()
	freed, err := lib.Reclaim(ctx)
	if err != nil {
		return fmt.Errorf("texts deleted, but their space stays free inside the library: %w", err)
	}
	if freed > 0 {
		fmt.Fprintf(stdout, "library %s → %s (%s freed)\n", humanBytes(before), humanBytes(before-freed), humanBytes(freed))
		return nil
	}
	if free, err := lib.FreeBytes(ctx); err == nil && free > 0 {
		fmt.Fprintf(stdout, "library %s: %s free inside it, kept for reuse (too little of it to be worth rewriting the file)\n",
			humanBytes(before), humanBytes(free))
	}
	return nil
}

func (c *CleanCmd) deletePDFs(ctx context.Context, lib *store.Store) (int, int64, error) {
	var read map[string]bool
	if c.Read {
		var err error
		if read, err = lib.ReadIDs(ctx); err != nil {
			return 0, 0, err
		}
	}
	var n int
	var size int64
	for _, p := range listPDFs() {
		id := strings.TrimSuffix(filepath.Base(p.path), ".pdf")
		if c.Read && !read[id] {
			continue
		}
		if err := os.Remove(p.path); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return n, size, fmt.Errorf("delete PDF %s: %w", p.path, err)
		}
		n++
		size += p.size
	}
	return n, size, nil
}
