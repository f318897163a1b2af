package main

import (
	"context"
	"fmt"
	"os"

	"github.com/papertui/papers/store"
	"github.com/papertui/papers/tui/clean"
	"github.com/papertui/papers/tui/fulltext"
)

// storedDiscussion is the Markdown `papers show` appends for a paper's
// stored discussion (fetched with `papers fetch --discussion` or when the
// paper is queued), "" when none is stored. It reads the library only:
// show works offline.
func storedDiscussion(ctx context.Context, lib *store.Store, id string) string {
	d, _, ok, err := lib.Discussion(ctx, id)
	if err != nil {
		fmt.Fprintf(os.Stderr, "warning: %s\n", clean.Line(err.Error()))
		return ""
	}
	if !ok {
		return ""
	}
	md := fulltext.DiscussionMarkdown(d)
	if md == "" {
		return ""
	}
	return "\n\n" + md
}
