package main

import (
	"context"
	"fmt"
	"os"
	"slices"
	"strings"

	"github.com/papertui/papers/internal/english"
	"github.com/papertui/papers/store"
	"github.com/papertui/papers/store/query"
)

// TagCmd is `papers tag ID… +name -name`.
type TagCmd struct {
	Args []string `arg:"" name:"id|+tag|-tag" passthrough:"" help:"Paper ids or URLs, then +NAME to add a tag and -NAME to remove one."`
}

// Run adds and removes tags, all in one change (undo takes it back whole).
func (c *TagCmd) Run(g *Globals) error {
	var ids, add, remove []string
	for _, a := range c.Args {
		switch {
		case a == "--":
		case strings.HasPrefix(a, "+"):
			add = append(add, a[1:])
		case strings.HasPrefix(a, "-"):
			remove = append(remove, a[1:])
		default:
			ids = append(ids, a)
		}
	}
	if len(ids) == 0 || len(add)+len(remove) == 0 {
		return usagef("tag: want paper ids and at least one +NAME or -NAME, e.g. papers tag 2503.01234 +reading -later")
	}
	adding := map[string]bool{}
	for i, t := range append(append([]string(nil), add...), remove...) {
		n, err := query.NormalizeTag(t)
		if err != nil {
			return usageError{fmt.Errorf("tag: %w", err)}
		}
		if i < len(add) {
			adding[n] = true
		} else if adding[n] {
			return usagef("tag: %s is both added (+%s) and removed (-%s); say which", n, n, n)
		}
	}
	// eachPaper (ids.go): the good ids are tagged, each bad one named.
	return eachPaper(g, "tag", ids, func(ctx context.Context, lib *store.Store, recs []store.Record) (int, error) {
		changed := 0
		for _, r := range recs {
			if tagsChange(r.Tags, add, remove) {
				changed++
			}
		}
		if err := lib.Tag(ctx, recordIDs(recs), add, remove); err != nil {
			return 0, unknownPaper(err)
		}
		switch same := len(recs) - changed; {
		case changed == 0:
			fmt.Fprintf(os.Stderr, "no change: %s already tagged so\n", english.Count(same, "paper"))
		case same > 0:
			fmt.Fprintf(os.Stderr, "tagged %s (%d already so)\n", english.Count(changed, "paper"), same)
		default:
			fmt.Fprintf(os.Stderr, "tagged %s\n", english.Count(changed, "paper"))
		}
		return 0, nil
	})
}

// tagsChange reports whether adding add and removing remove changes a
// paper tagged have: a tag added it lacks, or one removed it has.
func tagsChange(have, add, remove []string) bool {
	for _, t := range add {
		if n, _ := query.NormalizeTag(t); !slices.Contains(have, n) {
			return true
		}
	}
	for _, t := range remove {
		if n, _ := query.NormalizeTag(t); slices.Contains(have, n) {
			return true
		}
	}
	return false
}
