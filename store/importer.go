package store

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/papertui/papers/feed"
)

// ImportFile is one saved API response to import.
type ImportFile struct {
	Name string
	Day  string // the feed day its items belong to; "" lets each item say
	Read func() ([]byte, error)
}

// FileResult is what importing one file did.
type FileResult struct {
	Name     string
	Imported int
	Saved
	Rejected []feed.ItemError
	Err      error // the whole file was rejected (unreadable, not JSON, not papers)
}

// importBatch is how many papers go into one transaction. Each commit
// flushes and merges the full-text index, so a few large transactions
// import many times faster than one per file.
const importBatch = 5000

// Import loads saved API responses: files are read and decoded ahead of
// the writer, written in batches, and reported to each in order. A bad
// file or item never stops the others.
func (s *Store) Import(ctx context.Context, files []ImportFile, each func(FileResult)) error {
	decoded := make(chan FileResult, 8)
	papers := make(chan []feed.Paper, 8)
	go decodeAhead(ctx, files, decoded, papers)
	var pending []FileResult
	var groups [][]feed.Paper
	count := 0
	flush := func() error {
		if err := s.saveGroups(ctx, pending, groups); err != nil {
			return err
		}
		for _, r := range pending {
			each(r)
		}
		pending, groups, count = nil, nil, 0
		return nil
	}
	for r := range decoded {
		ps := <-papers
		pending = append(pending, r)
		groups = append(groups, ps)
		count += len(ps)
		if count >= importBatch {
			if err := flush(); err != nil {
				return err
			}
		}
	}
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("import: %w", err)
	}
	return flush()
}

func decodeAhead(ctx context.Context, files []ImportFile, out chan<- FileResult, papers chan<- []feed.Paper) {
	defer close(out)
	for _, f := range files {
		r := FileResult{Name: f.Name}
		var ps []feed.Paper
		body, err := f.Read()
		if err == nil {
			ps, r.Rejected, err = feed.DecodeDocument(body, f.Day)
		}
		r.Err = err
		select {
		case out <- r:
			papers <- ps
		case <-ctx.Done():
			return
		}
	}
}

// saveGroups writes the papers of several files in one transaction and
// fills in each file's counts. A write failure fails the whole batch,
// and each of its files says so.
func (s *Store) saveGroups(ctx context.Context, results []FileResult, groups [][]feed.Paper) error {
	if len(results) == 0 {
		return nil
	}
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		for i, ps := range groups {
			if results[i].Err != nil || len(ps) == 0 {
				continue
			}
			saved, err := upsertPapers(ctx, tx, ps)
			if err != nil {
				return err
			}
			results[i].Saved, results[i].Imported = saved, len(ps)
		}
		return nil
	})
	if err != nil {
		err = explain(s.path, fmt.Errorf("save papers: %w", err))
		if ctx.Err() != nil {
			return err
		}
		for i := range results {
			if results[i].Err == nil {
				results[i].Err, results[i].Imported, results[i].Saved = err, 0, Saved{}
			}
		}
	}
	return nil
}
