package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/papertui/papers/tui/clean"

	"github.com/papertui/papers/feed"
	"github.com/papertui/papers/store"
)

// remoteLimit is the most results HF's search returns.
const remoteLimit = 120

// remote asks HF's search and marks which results the library holds.
func (c *SearchCmd) remote(g *Globals) error {
	text := strings.TrimSpace(strings.Join(c.Query, " "))
	if text == "" {
		return usagef("search --remote: give some words to search for")
	}
	if len(text) > 250 {
		return usagef("search --remote: the query is %d characters; Hugging Face takes at most 250", len(text))
	}
	limit := c.Limit
	if limit <= 0 || limit > remoteLimit {
		limit = remoteLimit
	}
	return g.withLibraryIfAny(func(ctx context.Context, lib *store.Store) error {
		papers, err := g.client().Search(ctx, text, limit)
		if err != nil {
			return fmt.Errorf("search Hugging Face: %s", describeFetch(err))
		}
		hits := make([]remoteHit, 0, len(papers))
		for _, p := range papers {
			if lib == nil { // no library yet: nothing is in it
				hits = append(hits, remoteHit{Paper: p})
				continue
			}
			_, err := lib.Record(ctx, p.ID)
			if err != nil && !errors.Is(err, store.ErrUnknownPaper) {
				return err
			}
			hits = append(hits, remoteHit{Paper: p, InLibrary: err == nil})
		}
		if c.JSON {
			if len(hits) == 0 {
				fmt.Fprintln(os.Stderr, noMatch)
			}
			out := make([]remoteJSON, len(hits))
			for i, h := range hits {
				out[i] = remoteJSON{paperJSON: toJSON(store.Record{Paper: h.Paper}), InLibrary: h.InLibrary}
			}
			return writeJSON(os.Stdout, out)
		}
		printRemote(os.Stdout, hits)
		return nil
	})
}

type remoteHit struct {
	feed.Paper
	InLibrary bool
}

// remoteJSON is a paper object plus whether the library already holds it.
type remoteJSON struct {
	paperJSON
	InLibrary bool `json:"in_library"`
}

func printRemote(w io.Writer, hits []remoteHit) {
	for _, h := range hits {
		mark := "  "
		if h.InLibrary {
			mark = "✓ "
		}
		day := h.Day
		if day == "" && !h.Published.IsZero() {
			day = h.Published.Format("2006-01-02")
		}
		fmt.Fprintf(w, "%s%-10s %4d▲ %-10s %s\n", mark, day, h.Upvotes, h.ID, clean.Line(h.Title))
	}
	if len(hits) == 0 {
		fmt.Fprintln(os.Stderr, noMatch)
	} else {
		fmt.Fprintln(os.Stderr, "✓ already in the library; papers add ID [--queue] adds the others")
	}
}
