package main

import (
	"context"
	"errors"
	"fmt"
	"os"

	"github.com/papertui/papers/feed"
	"github.com/papertui/papers/store"
	"github.com/papertui/papers/tui/clean"
)

// Paper ids as commands take them (bare, versioned, HF or arXiv URLs), and
// the one rule for a command given several.

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
// one is named on stderr and returned in bad, a repeated one is kept once.
// Only when none is well formed is it a usage error (exit 2).
func parseIDs(cmd string, args []string) (ids []string, bad []unknownID, err error) {
	for _, a := range args {
		id, err := feed.NormalizeID(a)
		if err != nil {
			bad = append(bad, unknownID{id: a, err: err})
			fmt.Fprintf(os.Stderr, "papers: %s: %s\n", cmd, clean.Line(err.Error()))
			continue
		}
		ids = append(ids, id)
	}
	if len(ids) == 0 && len(bad) > 0 {
		return nil, bad, usagef("%s: no valid paper id given (ids look like 2410.17243, or an HF or arXiv URL)", cmd)
	}
	return dedupe(ids), bad, nil
}

// unknownPaper says an id is not in the library, naming it.
func unknownPaper(err error) error {
	if errors.Is(err, store.ErrUnknownPaper) {
		return fmt.Errorf("%w (sync the day it appeared, or add it by id)", err)
	}
	return err
}

// eachPaper is the one rule of every command that takes several ids: the
// papers the library holds are acted on, every other id (malformed, or not
// in the library) is named on stderr and the command exits 1 after doing
// the rest. Only when no id is even well formed is it a usage error.
// act reports how many of the papers it could not act on, having named
// them.
func eachPaper(g *Globals, cmd string, args []string, act func(context.Context, *store.Store, []store.Record) (int, error)) error {
	ids, malformed, err := parseIDs(cmd, args)
	if err != nil {
		return err
	}
	bad := len(malformed)
	return g.withLibrary(func(ctx context.Context, lib *store.Store) error {
		recs, unknown, err := heldPapers(ctx, lib, cmd, ids)
		if err != nil {
			return err
		}
		bad += len(unknown)
		if len(recs) > 0 {
			n, err := act(ctx, lib, recs)
			if err != nil {
				return err
			}
			bad += n
		}
		if bad > 0 {
			return errFailed
		}
		return nil
	})
}

// unknownID is a named paper the library does not hold, and why.
type unknownID struct {
	id  string
	err error
}

// heldPapers reads the papers of ids the library holds, and names each
// other id on stderr ("papers CMD ID: no such paper…") as unknown. An
// error is the library's, not an id's.
func heldPapers(ctx context.Context, lib *store.Store, cmd string, ids []string) ([]store.Record, []unknownID, error) {
	var recs []store.Record
	var unknown []unknownID
	for _, id := range ids {
		rec, err := lib.Record(ctx, id)
		switch {
		case errors.Is(err, store.ErrUnknownPaper):
			err = unknownPaper(err)
			fmt.Fprintf(os.Stderr, "papers: %s %s\n", cmd, clean.Line(err.Error()))
			unknown = append(unknown, unknownID{id, err})
		case err != nil:
			return nil, nil, err
		default:
			recs = append(recs, rec)
		}
	}
	return recs, unknown, nil
}

func dedupe(ids []string) []string {
	seen := map[string]bool{}
	var out []string
	for _, id := range ids {
		if !seen[id] {
			seen[id] = true
			out = append(out, id)
		}
	}
	return out
}

// recordIDs are the ids of recs, in order.
func recordIDs(recs []store.Record) []string {
	ids := make([]string, len(recs))
	for i, r := range recs {
		ids[i] = r.ID
	}
	return ids
}
