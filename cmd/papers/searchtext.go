package main

import (
	"context"
	"fmt"
	"io"

	"github.com/papertui/papers/store"
	"github.com/papertui/papers/tui/clean"
)

// printTextMatches lists the results of a text: search, each followed by
// the sentence of its full text that matched, indented and cleaned.
func printTextMatches(ctx context.Context, lib *store.Store, w io.Writer, recs []store.Record, terms []string) error {
	for _, r := range recs {
		fmt.Fprintln(w, recordLine(r))
		s, err := lib.TextSentence(ctx, r.Paper.ID, terms)
		if err != nil {
			return err
		}
		if s = clean.Line(s); s != "" {
			fmt.Fprintf(w, "      “%s”\n", s)
		}
	}
	return nil
}
