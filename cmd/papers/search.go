package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/papertui/papers/feed"
	"github.com/papertui/papers/internal/english"
	"github.com/papertui/papers/store"
	"github.com/papertui/papers/store/query"
	"github.com/papertui/papers/tui/clean"
	"github.com/papertui/papers/tui/fulltext"
)

// SearchCmd is `papers search`.
type SearchCmd struct {
	Query  []string `arg:"" name:"query" help:"Words (c++ and gpt-4o as written; -word or NOT word leaves it out) and filters: author:NAME org:NAME kw:WORD upvotes:>N day:DATE since:DATE until:DATE (these two also a month or year) is:queued|unread|read|new has:code|note tag:NAME note:WORD text:WORD (in stored full texts). A paper id or URL alone finds that paper."`
	Limit  int      `default:"20" placeholder:"N" help:"At most N results (0: all)."`
	Sort   string   `default:"relevance" enum:"relevance,newest,upvotes,trending" help:"Order of the results, one of ${enum} (default ${default})."`
	JSON   bool     `name:"json" help:"Print one JSON array."`
	Remote bool     `help:"Ask Hugging Face's paper search instead, marking results already in the library."`
}

// Run searches the library with the reader's syntax.
func (c *SearchCmd) Run(g *Globals) error {
	if c.Remote {
		return c.remote(g)
	}
	q, err := query.Parse(strings.Join(c.Query, " "))
	if err != nil {
		return usageError{fmt.Errorf("search: %w", err)}
	}
	if c.Limit < 0 {
		return usagef("search: --limit must be 0 (all) or more, got %d", c.Limit)
	}
	return g.withLibrary(func(ctx context.Context, lib *store.Store) error {
		f := store.Filter{Sort: store.Sort(c.Sort)}.Search(q)
		if c.Limit == 0 && len(q.Texts) == 0 { // all of them, printed as they are read
			return printView(ctx, lib, f, c.JSON, func() { fmt.Fprintln(os.Stderr, noMatch+emptyLibraryNote(ctx, lib)) })
		}
		// One row past the limit says whether it cut the results, without
		// counting every search.
		ask := c.Limit
		if ask > 0 {
			ask++
		}
		recs, err := lib.Records(ctx, f, 0, ask)
		if err != nil {
			return err
		}
		if c.Limit > 0 && len(recs) > c.Limit {
			recs = recs[:c.Limit]
			fmt.Fprintln(os.Stderr, cutNotice(ctx, lib, f, c.Limit))
		}
		if len(q.Texts) > 0 && len(recs) > 0 {
			return printTextMatches(ctx, lib, stdout, recs, q.Texts, c.JSON)
		}
		if note := emptyLibraryNote(ctx, lib); len(recs) == 0 && note != "" {
			fmt.Fprintln(os.Stderr, noMatch+note)
			return printRecords(stdout, recs, c.JSON)
		}
		return printResults(recs, c.JSON)
	})
}

// cutCountCap and cutCountTime bound the count behind cutNotice, which
// runs only when --limit cut the results: the count is exact where the
// store keeps it cheap (words alone, days), else up to the cap, and it
// is given up after a moment, so a cut search costs at most a tenth of
// a second more at any size (measured at 300,000 papers: +0.02–0.11 s;
// a search the limit did not cut costs one row more).
const (
	cutCountCap  = 1_000
	cutCountTime = 100 * time.Millisecond
)

// cutNotice says, for stderr, that --limit cut a search's results, with
// how many there are as far as a bounded count tells.
func cutNotice(ctx context.Context, lib *store.Store, f store.Filter, shown int) string {
	const hint = "; --limit 0 for all"
	cctx, cancel := context.WithTimeout(ctx, cutCountTime)
	defer cancel()
	n, exact, err := lib.CountUpTo(cctx, f, cutCountCap)
	switch {
	case err != nil || n <= shown: // too slow to count (or changed meanwhile): say only that there are more
		return fmt.Sprintf("showing the first %s; more match%s", english.Number(shown), hint)
	case !exact:
		return fmt.Sprintf("showing %s of %s+%s", english.Number(shown), english.Number(n), hint)
	}
	return fmt.Sprintf("showing %s of %s%s", english.Number(shown), english.Number(n), hint)
}

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
		if errors.Is(err, feed.ErrNotFound) { // not a paper missing: the search itself
			return fmt.Errorf("search Hugging Face: %s has no paper search (404); is the API address right?", g.API)
		}
		if err != nil {
			return fmt.Errorf("search Hugging Face: %s", describeFetch(err))
		}
		hits := make([]remoteHit, 0, len(papers))
		for _, p := range papers {
			if lib == nil { // no library yet: nothing is in it
				hits = append(hits, remoteHit{Paper: p})
				continue
			}
			rec, err := lib.Record(ctx, p.ID)
			if err != nil && !errors.Is(err, store.ErrUnknownPaper) {
				return err
			}
			if err == nil && p.Day == "" {
				p.Day = rec.Day // the feed day the library knows, which HF's search leaves out
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
			return writeJSON(stdout, out)
		}
		printRemote(stdout, hits)
		return nil
	})
}

type remoteHit struct {
	feed.Paper
	InLibrary bool
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

// printTextMatches lists the results of a text: search, each followed by
// the sentences of its full text that matched, cleaned by the reading
// pane's rules (fulltext.Plain): one cleaner for the pane and the search.
// In JSON each paper gains "sentences".
func printTextMatches(ctx context.Context, lib *store.Store, w io.Writer, recs []store.Record, terms []string, asJSON bool) error {
	out := make([]textMatchJSON, 0, len(recs))
	for _, r := range recs {
		found, err := lib.TextSentences(ctx, r.Paper.ID, terms)
		if err != nil {
			return err
		}
		sentences := []string{}
		for _, s := range found {
			if s = fulltext.Plain(s); s != "" {
				sentences = append(sentences, s)
			}
		}
		if asJSON {
			out = append(out, textMatchJSON{paperJSON: toJSON(r), Sentences: sentences})
			continue
		}
		fmt.Fprintln(w, recordLine(r))
		for _, s := range sentences {
			fmt.Fprintf(w, "      “%s”\n", s)
		}
	}
	if asJSON {
		return writeJSON(w, out)
	}
	return nil
}

// textMatchJSON is a paper a text: search found: the paper's JSON (json.go)
// and the sentences of its text that matched, cleaned. Added fields only.
type textMatchJSON struct {
	paperJSON
	Sentences []string `json:"sentences"`
}
