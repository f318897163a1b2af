package main

import (
	"context"
	"fmt"
	"os"

	"github.com/papertui/papers/store"
	"github.com/papertui/papers/store/query"
)

// ListCmd is `papers list`.
type ListCmd struct {
	Day   string `placeholder:"YYYY-MM-DD" help:"Papers of one feed day."`
	Since string `placeholder:"DATE" help:"Papers from this feed day on: a date, month or year (2026-08-21, 2026-08, 2026)."`
	Until string `placeholder:"DATE" help:"Papers up to this feed day: a date, month (its last day) or year."`
	Sort  string `default:"newest" enum:"newest,upvotes,trending" help:"Order, one of ${enum} (default ${default})."`
	Limit int    `default:"0" placeholder:"N" help:"At most N papers (0: all)."`
	JSON  bool   `name:"json" help:"Print one JSON array."`

	Follow string `placeholder:"NAME" help:"Papers of a followed search (see papers follow)."`
	Tag    string `placeholder:"NAME" help:"Papers carrying a tag (see papers tags), as export --tag and the search's tag:NAME."`
}

// Run lists the papers.
func (c *ListCmd) Run(g *Globals) error {
	if err := checkDay("list", "--day", c.Day, "; --since and --until take a month or year"); err != nil {
		return err
	}
	if err := normalizeDates("list", dateFlag{"--since", &c.Since, false}, dateFlag{"--until", &c.Until, true}); err != nil {
		return err
	}
	if c.Since != "" && c.Until != "" && c.Since > c.Until {
		return usagef("list: --since %s is after --until %s; swap them", c.Since, c.Until)
	}
	if c.Limit < 0 {
		return usagef("list: --limit must be 0 (all) or more, got %d", c.Limit)
	}
	var tags []string
	if c.Tag != "" {
		tag, err := query.NormalizeTag(c.Tag)
		if err != nil {
			return usageError{fmt.Errorf("list: --tag: %w", err)}
		}
		tags = []string{tag}
	}
	return g.withLibrary(func(ctx context.Context, lib *store.Store) error {
		f := store.Filter{Day: c.Day, Since: c.Since, Until: c.Until, Sort: store.Sort(c.Sort), Daily: query.Daily{Tags: tags}}
		if c.Follow != "" {
			var err error
			if f, err = followView(ctx, lib, c.Follow, f); err != nil {
				return err
			}
		}
		if c.Limit == 0 { // all of them, printed as they are read
			return printView(ctx, lib, f, c.JSON, func() {
				if libraryEmpty(ctx, lib) {
					fmt.Fprintln(os.Stderr, emptyLibrary)
				} else {
					fmt.Fprintln(os.Stderr, noMatch)
				}
			})
		}
		recs, err := lib.Records(ctx, f, 0, c.Limit)
		if err != nil {
			return err
		}
		if len(recs) == 0 && libraryEmpty(ctx, lib) { // output.go
			fmt.Fprintln(os.Stderr, emptyLibrary)
			return printRecords(stdout, recs, c.JSON)
		}
		return printResults(recs, c.JSON)
	})
}

// emptyLibrary is what a list of an empty library says instead of
// noMatch.
const emptyLibrary = "the library is empty: papers sync fetches the last 7 days"
