package main

import (
	"context"
	"fmt"
	"os"
	"strconv"

	"github.com/papertui/papers/store"
)

// QueueCmd is `papers queue`: the reading queue, and changes to it.
type QueueCmd struct {
	List QueueListCmd `cmd:"" default:"withargs" help:"List the queue in order (the default)."`
	Add  QueueAddCmd  `cmd:"" help:"Add papers to the end of the queue."`
	Rm   QueueRmCmd   `cmd:"" help:"Take papers out of the queue."`
	Done QueueDoneCmd `cmd:"" help:"Take papers out of the queue and mark them read."`
	Move QueueMoveCmd `cmd:"" help:"Move a queued paper to a position (1 is the top)."`
}

// QueueListCmd lists the queue.
type QueueListCmd struct {
	JSON bool `name:"json" help:"Print one JSON array, in queue order."`
}

// Run lists the queue.
func (c *QueueListCmd) Run(g *Globals) error {
	return g.withLibrary(func(ctx context.Context, lib *store.Store) error {
		recs, err := lib.Queue(ctx)
		if err != nil {
			return err
		}
		if !c.JSON && len(recs) == 0 {
			fmt.Fprintln(os.Stderr, "the queue is empty (papers queue add ID, or b in the reader)")
			return nil
		}
		return printRecords(os.Stdout, recs, c.JSON)
	})
}

// QueueAddCmd adds papers.
type QueueAddCmd struct {
	IDs     []string `arg:"" name:"id" help:"Paper ids or URLs."`
	NoFetch bool     `name:"no-fetch" help:"Do not fetch the papers' full texts for reading offline."`
}

// Run adds papers to the queue, then fetches their full texts (fetch.go).
func (c *QueueAddCmd) Run(g *Globals) error {
	return changeQueue(g, c.IDs, "queued", func(ctx context.Context, lib queueEditor, ids []string) error {
		if err := lib.Enqueue(ctx, ids...); err != nil {
			return err
		}
		if s, ok := lib.(*store.Store); ok && !c.NoFetch {
			fetchAfterQueue(ctx, g, s, ids)
		}
		return nil
	})
}

// QueueRmCmd removes papers.
type QueueRmCmd struct {
	IDs []string `arg:"" name:"id" help:"Paper ids or URLs."`
}

// Run removes papers from the queue.
func (c *QueueRmCmd) Run(g *Globals) error {
	return changeQueue(g, c.IDs, "removed from the queue", func(ctx context.Context, lib queueEditor, ids []string) error {
		return lib.Dequeue(ctx, ids...)
	})
}

// QueueDoneCmd finishes papers.
type QueueDoneCmd struct {
	IDs []string `arg:"" name:"id" help:"Paper ids or URLs."`
}

// Run marks papers done.
func (c *QueueDoneCmd) Run(g *Globals) error {
	return changeQueue(g, c.IDs, "done", func(ctx context.Context, lib queueEditor, ids []string) error {
		return lib.Done(ctx, ids...)
	})
}

// QueueMoveCmd reorders the queue.
type QueueMoveCmd struct {
	ID       string `arg:"" help:"Paper id or URL."`
	Position string `arg:"" help:"New position, 1 being the top."`
}

// Run moves a paper within the queue.
func (c *QueueMoveCmd) Run(g *Globals) error {
	pos, err := strconv.Atoi(c.Position)
	if err != nil || pos < 1 {
		return usagef("queue move: position %q: want a whole number from 1", c.Position)
	}
	return changeQueue(g, []string{c.ID}, fmt.Sprintf("moved to position %d", pos), func(ctx context.Context, lib queueEditor, ids []string) error {
		return lib.Move(ctx, ids[0], pos)
	})
}

type queueEditor interface {
	Enqueue(ctx context.Context, ids ...string) error
	Dequeue(ctx context.Context, ids ...string) error
	Done(ctx context.Context, ids ...string) error
	Move(ctx context.Context, id string, position int) error
}

// changeQueue applies one change to all ids in one transaction: an unknown
// id fails the whole change, naming the id, and changes nothing.
func changeQueue(g *Globals, args []string, what string, change func(context.Context, queueEditor, []string) error) error {
	ids, err := normalizeIDs(args)
	if err != nil {
		return err
	}
	return g.withLibrary(func(ctx context.Context, lib *store.Store) error {
		if err := change(ctx, lib, ids); err != nil {
			return unknownPaper(err)
		}
		for _, id := range ids {
			fmt.Fprintf(os.Stderr, "%s %s\n", id, what)
		}
		return nil
	})
}
