package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"time"

	"github.com/papertui/papers/store"
	"github.com/papertui/papers/tui/article"
	"github.com/papertui/papers/tui/clean"
	"github.com/papertui/papers/tui/fulltext"
)

// ShowCmd is `papers show`.
type ShowCmd struct {
	ID         string `arg:"" help:"Paper id, versioned id, or HF/arXiv URL."`
	AllAuthors bool   `name:"all-authors" help:"List every author."`
	Plain      bool   `help:"Plain text even on a terminal (it is plain when piped)."`
	Style      string `default:"auto" enum:"auto,dark,light" help:"Colours on a terminal, one of ${enum}."`
	JSON       bool   `name:"json" help:"Print one JSON object: the paper as list and search print it, its full text's state and its stored discussion."`
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
		if c.JSON {
			detail, err := detailJSON(ctx, lib, rec)
			if err != nil {
				return err
			}
			return writeJSON(stdout, detail)
		}
		md := article.Markdown(rec, article.Options{AllAuthors: c.AllAuthors, MoreHint: "--all-authors shows all"})
		md += textLine(ctx, lib, ids[0])
		out, err := renderMarkdown(md, printStyle(c.Style), c.Plain || !isTerminal(os.Stdout), terminalWidth(),
			storedDiscussion(ctx, lib, ids[0])...)
		if err != nil {
			return err
		}
		_, err = fmt.Fprintln(stdout, out)
		return err
	})
}

// textLine is the paragraph `papers show` adds on the paper's full text:
// stored (its size, how much was read) and how to read it, or how to
// fetch it.
func textLine(ctx context.Context, lib *store.Store, id string) string {
	t, err := lib.Text(ctx, id)
	if errors.Is(err, store.ErrNoText) {
		if asked, absent, err := lib.TextAbsent(ctx, id); err == nil && absent {
			return fmt.Sprintf("\n\n**Full text:** not stored; Hugging Face had none when asked on %s · papers fetch %s asks again",
				asked.UTC().Format(time.DateOnly), id)
		}
		return fmt.Sprintf("\n\n**Full text:** not stored · papers fetch %s", id)
	}
	if err != nil {
		fmt.Fprintf(os.Stderr, "warning: %s\n", clean.Line(err.Error()))
		return ""
	}
	line := fmt.Sprintf("\n\n**Full text:** stored, %s", humanBytes(int64(t.Size)))
	if r, ok, err := lib.Reading(ctx, id); err == nil && ok {
		line += fmt.Sprintf(", read %d%%", r.Percent)
	}
	return line + fmt.Sprintf(" · papers read %s", id)
}

// storedDiscussion is what `papers show` appends for a paper's stored
// discussion (fetched with `papers fetch --discussion` or when the paper
// is queued), nothing when none is stored. It reads the library only:
// show works offline.
func storedDiscussion(ctx context.Context, lib *store.Store, id string) []article.Block {
	d, _, ok, err := lib.Discussion(ctx, id)
	if err != nil {
		fmt.Fprintf(os.Stderr, "warning: %s\n", clean.Line(err.Error()))
		return nil
	}
	if !ok {
		return nil
	}
	return fulltext.Discussion(d)
}
