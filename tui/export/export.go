// Package export owns writing a list of stored papers out of papers for other
// tools: BibTeX for reference managers, a Markdown reading list and CSV for
// spreadsheets (JSON is done elsewhere). Every writer treats feed text as
// untrusted: it goes through tui/clean before it is written, and each format
// then escapes what would be syntax in it.
package export

import (
	"bufio"
	"fmt"
	"io"
	"time"

	"github.com/papertui/papers/feed"
	"github.com/papertui/papers/store"
)

// validate checks that every record carries a bare arXiv id: keys and URLs
// are built from it, so a bad one is refused before anything is written.
// The store only holds valid ids, so this guards against misuse.
func validate(recs []store.Record) error {
	for i, r := range recs {
		if !feed.ValidID(r.ID) {
			return fmt.Errorf("paper %d: not an arXiv id: %q", i+1, r.ID)
		}
	}
	return nil
}

// newWriter buffers w. A bufio.Writer keeps its first error and returns it
// from every later write and from Flush, so the writers print freely and
// check once, at the Flush.
func newWriter(w io.Writer) *bufio.Writer { return bufio.NewWriter(w) }

// published is p's publication date (UTC) as YYYY-MM-DD, "" when unknown.
func published(p feed.Paper) string {
	if p.Published.IsZero() {
		return ""
	}
	return p.Published.UTC().Format(time.DateOnly)
}
