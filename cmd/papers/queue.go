package main

import (
	"context"
	"fmt"
	"os"
	"strconv"

	"github.com/papertui/papers/internal/english"
	"github.com/papertui/papers/store"
)

// QueueCmd is `papers queue`: the reading queue, and changes to it.
type QueueCmd struct {
	List QueueListCmd `cmd:"" default:"withargs" help:"List the queue in order, with positions (the default)."`
	Add  QueueAddCmd  `cmd:"" help:"Add papers to the end of the queue."`
	Rm   QueueRmCmd   `cmd:"" help:"Take papers out of the queue."`
	Done QueueDoneCmd `cmd:"" help:"Take papers out of the queue and mark them read."`
	Move QueueMoveCmd `cmd:"" help:"Move a queued paper to a position (1 is the top)."`
}

// QueueListCmd lists the queue.
type QueueListCmd struct {
	JSON bool `name:"json" help:"Print one JSON array, in queue order."`
}

// Run lists the queue, each paper with its position.
func (c *QueueListCmd) Run(g *Globals) error {
	return g.withLibrary(func(ctx context.Context, lib *store.Store) error {
		recs, err := lib.Queue(ctx)
		if err != nil {
			return err
		}
		if len(recs) == 0 {
			fmt.Fprintln(os.Stderr, "the queue is empty (papers queue add ID, or b in the reader)")
			if !c.JSON {
				return nil
			}
		}
		if c.JSON {
			return printRecords(stdout, recs, true)
		}
		for _, r := range recs {
			fmt.Fprintf(stdout, "%3d. %s\n", r.QueuePos, recordLine(r))
		}
		return nil
	})
}

// QueueAddCmd adds papers.
type QueueAddCmd struct {
	IDs     []string `arg:"" name:"id" help:"Paper ids or URLs."`
	NoFetch bool     `name:"no-fetch" help:"Do not fetch the papers' full texts for reading offline."`
}

// Run adds papers to the queue: the known ones are queued, the others
// named (exit 1); then it fetches their full texts for reading offline.
func (c *QueueAddCmd) Run(g *Globals) error {
	return eachPaper(g, "queue add", c.IDs, func(ctx context.Context, lib *store.Store, recs []store.Record) (int, error) {
		var add []string
		for _, r := range recs {
			if r.Queued {
				fmt.Fprintf(os.Stderr, "%s already queued, at position %d\n", r.ID, r.QueuePos)
				continue
			}
			add = append(add, r.ID)
		}
		if len(add) == 0 {
			return 0, nil
		}
		if err := lib.Enqueue(ctx, add...); err != nil {
			return 0, err
		}
		for _, id := range add {
			rec, err := lib.Record(ctx, id)
			if err != nil {
				return 0, err
			}
			fmt.Fprintf(os.Stderr, "%s queued, at position %d\n", id, rec.QueuePos)
		}
		if !c.NoFetch {
			return 0, fetchAfterQueue(ctx, g, lib, add) // fetch.go: a failure is a warning
		}
		return 0, nil
	})
}

// QueueRmCmd removes papers.
type QueueRmCmd struct {
	IDs []string `arg:"" name:"id" help:"Paper ids or URLs."`
}

// Run takes papers out of the queue; one that is not in it is named
// (exit 1), the others are still taken out.
func (c *QueueRmCmd) Run(g *Globals) error {
	return eachPaper(g, "queue rm", c.IDs, func(ctx context.Context, lib *store.Store, recs []store.Record) (int, error) {
		var rm []string
		bad := 0
		for _, r := range recs {
			if !r.Queued {
				fmt.Fprintf(os.Stderr, "papers: queue rm %s: not in the queue\n", r.ID)
				bad++
				continue
			}
			rm = append(rm, r.ID)
		}
		if len(rm) == 0 {
			return bad, nil
		}
		if err := lib.Dequeue(ctx, rm...); err != nil {
			return bad, err
		}
		for _, id := range rm {
			fmt.Fprintf(os.Stderr, "%s removed from the queue\n", id)
		}
		return bad, nil
	})
}

// QueueDoneCmd finishes papers.
type QueueDoneCmd struct {
	IDs []string `arg:"" name:"id" help:"Paper ids or URLs."`
}

// Run marks papers done: out of the queue and read. A paper that was not
// queued is still marked read, and the message says so.
func (c *QueueDoneCmd) Run(g *Globals) error {
	return eachPaper(g, "queue done", c.IDs, func(ctx context.Context, lib *store.Store, recs []store.Record) (int, error) {
		ids := make([]string, len(recs))
		for i, r := range recs {
			ids[i] = r.ID
		}
		if err := lib.Done(ctx, ids...); err != nil {
			return 0, err
		}
		for _, r := range recs {
			if r.Queued {
				fmt.Fprintf(os.Stderr, "%s done: out of the queue, marked read\n", r.ID)
			} else {
				fmt.Fprintf(os.Stderr, "%s marked read (it was not in the queue)\n", r.ID)
			}
		}
		return 0, nil
	})
}

// QueueMoveCmd reorders the queue.
type QueueMoveCmd struct {
	ID       string `arg:"" help:"Paper id or URL."`
	Position string `arg:"" help:"New position, 1 being the top; past the end means the end."`
}

// Run moves a paper within the queue and says where it landed.
func (c *QueueMoveCmd) Run(g *Globals) error {
	pos, err := strconv.Atoi(c.Position)
	if err != nil || pos < 1 {
		return usagef("queue move: position %q: want a whole number from 1", c.Position)
	}
	return eachPaper(g, "queue move", []string{c.ID}, func(ctx context.Context, lib *store.Store, recs []store.Record) (int, error) {
		r := recs[0]
		if !r.Queued {
			return 0, fmt.Errorf("queue move %s: not in the queue (papers queue add %s first)", r.ID, r.ID)
		}
		if err := lib.Move(ctx, r.ID, pos); err != nil {
			return 0, err
		}
		moved, err := lib.Record(ctx, r.ID)
		if err != nil {
			return 0, err
		}
		note := ""
		if moved.QueuePos != pos {
			note = fmt.Sprintf(" (the last; the queue holds %s)", english.Count(moved.QueuePos, "paper"))
		}
		fmt.Fprintf(os.Stderr, "%s moved to position %d%s\n", r.ID, moved.QueuePos, note)
		return 0, nil
	})
}
