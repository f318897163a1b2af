package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"strings"

	"github.com/papertui/papers/store"
	"github.com/papertui/papers/store/query"
	"github.com/papertui/papers/tui/clean"
)

// FollowCmd is `papers follow`: followed searches.
type FollowCmd struct {
	List FollowListCmd `cmd:"" default:"withargs" help:"List followed searches with their unread and new counts (the default)."`
	Add  FollowAddCmd  `cmd:"" help:"Follow a search under a name."`
	Rm   FollowRmCmd   `cmd:"" help:"Stop following a search."`
}

// FollowListCmd lists followed searches.
type FollowListCmd struct {
	JSON bool `name:"json" help:"Print one JSON array of {name, query, added_at, total, unread, new}."`
}

// Run lists the followed searches with their counts.
func (c *FollowListCmd) Run(g *Globals) error {
	return g.withLibrary(func(ctx context.Context, lib *store.Store) error {
		counts, err := lib.FollowCounts(ctx, 0)
		if err != nil {
			return err
		}
		if c.JSON {
			return writeJSON(stdout, counts)
		}
		if len(counts) == 0 {
			fmt.Fprintln(os.Stderr, "no followed searches (papers follow add NAME QUERY)")
		}
		for _, f := range counts {
			fmt.Fprintf(stdout, "%-20s %5d unread %4d new  %s\n", clean.Line(f.Name), f.Unread, f.New, clean.Line(f.Query))
		}
		return nil
	})
}

// FollowAddCmd follows a search.
type FollowAddCmd struct {
	Name  string   `arg:"" help:"A name for the search."`
	Query []string `arg:"" name:"query" help:"The search, in the reader's / syntax."`
}

// Run follows the search once it parses.
func (c *FollowAddCmd) Run(g *Globals) error {
	q := strings.Join(c.Query, " ")
	if strings.TrimSpace(q) == "" {
		return usagef("follow add %s: give the search to follow (an empty one finds every paper)", c.Name)
	}
	if _, err := query.Parse(q); err != nil {
		return usageError{fmt.Errorf("follow add %s: %w", c.Name, err)}
	}
	return g.withLibrary(func(ctx context.Context, lib *store.Store) error {
		if err := lib.AddFollow(ctx, c.Name, q); err != nil {
			if errors.Is(err, store.ErrFollowRefused) {
				return usageError{err} // it names the search
			}
			return err // the library's failure (read-only, busy, full): exit 1
		}
		fmt.Fprintf(os.Stderr, "following %q: %s\n", c.Name, clean.Line(q))
		return nil
	})
}

// FollowRmCmd stops following a search.
type FollowRmCmd struct {
	Name string `arg:"" help:"The followed search's name."`
}

// Run removes the followed search.
func (c *FollowRmCmd) Run(g *Globals) error {
	return g.withLibrary(func(ctx context.Context, lib *store.Store) error {
		if err := lib.RemoveFollow(ctx, c.Name); err != nil {
			return followError(err)
		}
		fmt.Fprintf(os.Stderr, "no longer following %q\n", c.Name)
		return nil
	})
}

// followError makes an unknown name a usage error that lists the known.
func followError(err error) error {
	if errors.Is(err, store.ErrUnknownFollow) {
		return usageError{fmt.Errorf("%w (papers follow lists them)", err)}
	}
	return err
}

// followView narrows a list's view to a followed search, keeping the
// list's own days and order.
func followView(ctx context.Context, lib *store.Store, name string, f store.Filter) (store.Filter, error) {
	fl, err := lib.FollowByName(ctx, name)
	if err != nil {
		return f, followError(err)
	}
	q, err := query.Parse(fl.Query)
	if err != nil {
		return f, fmt.Errorf("followed search %q: %w", name, err)
	}
	return f.Search(q), nil
}
