package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"slices"
	"strings"

	"github.com/charmbracelet/x/ansi"
	"github.com/papertui/papers/feed"
	"github.com/papertui/papers/store"
	"github.com/papertui/papers/store/query"
	"github.com/papertui/papers/tui/article"
	"github.com/papertui/papers/tui/clean"
)

// normalizeIDs turns ids and URLs as users paste them into bare ids.
func normalizeIDs(args []string) ([]string, error) {
	ids := make([]string, len(args))
	for i, a := range args {
		id, err := feed.NormalizeID(a)
		if err != nil {
			return nil, usageError{err}
		}
		ids[i] = id
	}
	return ids, nil
}

// parseIDs reads the ids of a command that takes several: each malformed
// one is named on stderr and counted in bad, a repeated one is kept once.
// Only when none is well formed is it a usage error (exit 2).
func parseIDs(cmd string, args []string) (ids []string, bad int, err error) {
	var last error
	for _, a := range args {
		id, err := feed.NormalizeID(a)
		if err != nil {
			last = err
			bad++
			fmt.Fprintf(os.Stderr, "papers: %s: %s\n", cmd, clean.Line(err.Error()))
			continue
		}
		if !slices.Contains(ids, id) {
			ids = append(ids, id)
		}
	}
	if len(ids) == 0 && last != nil {
		return nil, bad, usagef("%s: no valid paper id given (ids look like 2410.17243, or an HF or arXiv URL)", cmd)
	}
	return ids, bad, nil
}

// unknownPaper says an id is not in the library, naming it.
func unknownPaper(err error) error {
	if errors.Is(err, store.ErrUnknownPaper) {
		return fmt.Errorf("%w (sync the day it appeared, or add it by id)", err)
	}
	return err
}

// SearchCmd is `papers search`.
type SearchCmd struct {
	Query  []string `arg:"" name:"query" help:"Words (c++ and gpt-4o as written; -word or NOT word leaves it out) and filters: author:NAME org:NAME kw:WORD upvotes:>N day:DATE since:DATE until:DATE (a date, month or year) is:queued|unread|read has:code."`
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
		return usagef("search: --limit must be positive, got %d", c.Limit)
	}
	return g.withLibrary(func(ctx context.Context, lib *store.Store) error {
		f := store.Filter{Sort: store.Sort(c.Sort)}.Search(q)
		recs, err := lib.Records(ctx, f, 0, c.Limit)
		if err != nil {
			return err
		}
		if len(q.Texts) > 0 && len(recs) > 0 && !c.JSON {
			return printTextMatches(ctx, lib, os.Stdout, recs, q.Texts) // searchtext.go
		}
		return printResults(recs, c.JSON)
	})
}

// ShowCmd is `papers show`.
type ShowCmd struct {
	ID         string `arg:"" help:"Paper id, versioned id, or HF/arXiv URL."`
	AllAuthors bool   `name:"all-authors" help:"List every author."`
	Plain      bool   `help:"Plain text even on a terminal (it is plain when piped)."`
	Style      string `default:"auto" enum:"auto,dark,light" help:"Colours on a terminal, one of ${enum}."`
}

// Run prints a paper's detail.
func (c *ShowCmd) Run(g *Globals) error {
	ids, err := normalizeIDs([]string{c.ID})
	if err != nil {
		return err
	}
	return g.withLibrary(func(ctx context.Context, lib *store.Store) error {
		rec, err := lib.Record(ctx, ids[0])
		if err != nil {
			return unknownPaper(err)
		}
		// --style picks the colours on a terminal; a pipe gets text.
		style := c.Style
		if style == "auto" {
			style = "dark"
		}
		if c.Plain || !isTerminal(os.Stdout) {
			style = "plain"
		}
		glamourStyle := style
		if style == "plain" {
			glamourStyle = "dark" // then stripped of colour: its layout reads best as plain text
		}
		md := article.Markdown(rec, article.Options{AllAuthors: c.AllAuthors, MoreHint: "--all-authors shows all"})
		md += storedDiscussion(ctx, lib, ids[0]) // discussion.go
		out, err := article.Render(md, terminalWidth(), glamourStyle)
		if err != nil {
			return err
		}
		if style == "plain" {
			out = trimLines(ansi.Strip(out))
		}
		_, err = fmt.Fprintln(os.Stdout, out)
		return err
	})
}

// trimLines drops the padding glamour puts at the end of every line,
// which only gets in the way of plain text.
func trimLines(s string) string {
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		lines[i] = strings.TrimRight(l, " ")
	}
	return strings.Join(lines, "\n")
}
