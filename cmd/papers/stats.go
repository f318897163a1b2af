package main

import (
	"context"
	"fmt"
	"strings"

	"github.com/papertui/papers/internal/english"
	"github.com/papertui/papers/store"
)

// StatsCmd is `papers stats`.
type StatsCmd struct {
	JSON bool `name:"json" help:"Print one JSON object."`
}

// Run prints what the library holds.
func (c *StatsCmd) Run(g *Globals) error {
	return g.withLibrary(func(ctx context.Context, lib *store.Store) error {
		st, err := lib.Stats(ctx)
		if err != nil {
			return err
		}
		ts, err := collectTextStats(ctx, lib)
		if err != nil {
			return err
		}
		if c.JSON {
			return writeJSON(stdout, struct {
				store.Stats
				textStats
			}{st, ts})
		}
		var b strings.Builder
		fmt.Fprintf(&b, "papers     %s\n", english.Number(st.Papers))
		fmt.Fprintf(&b, "days       %s (%s … %s)\n", english.Number(st.Days), orDash(st.FirstDay), orDash(st.LastDay))
		fmt.Fprintf(&b, "queued     %s\n", english.Number(st.Queued))
		fmt.Fprintf(&b, "read       %s\n", english.Number(st.Read))
		fmt.Fprintf(&b, "last sync  %s\n", orDash(st.LastSync))
		fmt.Fprintf(&b, "%s\n", ts.lines())
		fmt.Fprintf(&b, "library    %s\n", st.Path)
		fmt.Fprintf(&b, "size       %s", humanBytes(st.SizeBytes))
		if st.Papers > 0 {
			fmt.Fprintf(&b, " (%s a paper)", humanBytes(st.SizeBytes/int64(st.Papers)))
		}
		if st.FreeBytes > 0 {
			fmt.Fprintf(&b, "\nfree       %s inside the file, reused before it grows (papers clean --texts gives it back)", humanBytes(st.FreeBytes))
		}
		fmt.Fprintln(stdout, b.String())
		return nil
	})
}

// textStats is what `papers stats` says of full texts and PDFs.
type textStats struct {
	Texts         int   `json:"full_texts"`
	TextBytes     int64 `json:"full_text_bytes"`        // Markdown held
	TextDiskBytes int64 `json:"full_text_stored_bytes"` // compressed, as stored
	TextFileBytes int64 `json:"full_text_file_bytes"`   // of the library file, with their search index
	PDFs          int   `json:"pdfs"`
	PDFBytes      int64 `json:"pdf_bytes"`
}

func collectTextStats(ctx context.Context, lib *store.Store) (textStats, error) {
	st, err := lib.TextStats(ctx)
	if err != nil {
		return textStats{}, err
	}
	ts := textStats{Texts: st.Count, TextBytes: st.Markdown, TextDiskBytes: st.Stored, TextFileBytes: st.Disk}
	for _, p := range listPDFs() {
		ts.PDFs++
		ts.PDFBytes += p.size
	}
	return ts, nil
}

func (ts textStats) lines() string {
	file := ""
	if ts.TextFileBytes > 0 && ts.Texts > 0 {
		file = humanBytes(ts.TextFileBytes) + " of the library with their index, "
	}
	return fmt.Sprintf("full texts %s (%s%s compressed, %s of Markdown)\npdfs       %s (%s)",
		english.Number(ts.Texts), file, humanBytes(ts.TextDiskBytes), humanBytes(ts.TextBytes), english.Number(ts.PDFs), humanBytes(ts.PDFBytes))
}
