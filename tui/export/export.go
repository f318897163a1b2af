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

// Stream hands a writer the papers to write: start is told how many
// there are, then each gets them one at a time, in order. A stream read
// from the library (store.Store.EachRecord) holds one paper at a time, so
// exporting a whole library takes little memory.
type Stream func(start func(total int) error, each func(store.Record) error) error

// Slice is the Stream of recs, checked whole before anything is written.
func Slice(recs []store.Record) Stream {
	return func(start func(int) error, each func(store.Record) error) error {
		if err := validate(recs); err != nil {
			return err
		}
		if err := start(len(recs)); err != nil {
			return err
		}
		for _, r := range recs {
			if err := each(r); err != nil {
				return err
			}
		}
		return nil
	}
}

// checked is each with every record's id checked first: a stream cannot
// be checked before it is written, so a bad id stops it where it is.
func checked(each func(store.Record) error) func(store.Record) error {
	n := 0
	return func(r store.Record) error {
		n++
		if !feed.ValidID(r.ID) {
			return fmt.Errorf("paper %d: not an arXiv id: %q", n, r.ID)
		}
		return each(r)
	}
}

func noStart(int) error { return nil }

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
