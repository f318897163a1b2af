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

// importBatch is how many papers go into the first transaction; each
// next one takes twice as many, up to maxImportBatch. Each commit flushes
// and merges the full-text index, so large transactions import many times
// faster than one per file; a small first one starts the writer early,
// while the reader decodes what follows.
const (
	importBatch    = 1000
	maxImportBatch = 1000
)

// Import loads saved API responses: files are read and decoded ahead of
// the writer, written in batches, and reported to each in order. A bad
// file or item never stops the others.
func (s *Store) Import(ctx context.Context, files []ImportFile, each func(FileResult)) error {
	conn, err := s.bulkConn(ctx)
	if err != nil {
		return err
	}
	defer s.releaseBulkConn(conn)
	decoded := make(chan FileResult, 256)
	papers := make(chan prepared, 256)
	go decodeAhead(ctx, files, decoded, papers)
	var pending []FileResult
	var groups []prepared
	count := 0
	// The words of the whole import are saved once, with the last batch:
	// per batch, most of them would be written again.
	vocab := termCounts{}
	batch := importBatch
	flush := func(last bool) error {
		if err := s.saveGroups(ctx, conn, pending, groups, vocab, last); err != nil {
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
		count += len(ps.items)
		vocab.merge(ps.vocab)
		if count >= batch {
			batch = min(batch*2, maxImportBatch)
			if err := flush(false); err != nil {
				return err
			}
		}
	}
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("import: %w", err)
	}
	return flush(true)
}

// prepared is a file's papers made ready to write: decoded, raw items
// compressed and words counted, on the reading goroutine, so that this work
// overlaps the writing of the batch before (the writer's core is busy
// with SQLite).
type prepared struct {
	items []item
	vocab termCounts
}

func decodeAhead(ctx context.Context, files []ImportFile, out chan<- FileResult, papers chan<- prepared) {
	defer close(out)
	for _, f := range files {
		r := FileResult{Name: f.Name}
		var ps prepared
		var found []feed.Paper
		body, err := f.Read()
		if err == nil {
			found, r.Rejected, err = feed.DecodeDocument(body, f.Day)
		}
		if err == nil {
			ps.items = prepareItems(found)
			ps.vocab = termCounts{}
			for _, p := range found {
				ps.vocab.add(p)
			}
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
func (s *Store) saveGroups(ctx context.Context, conn *sql.Conn, results []FileResult, groups []prepared, vocab termCounts, last bool) error {
	if len(results) == 0 && !last {
		return nil
	}
	err := runTx(ctx, conn, func(tx *sql.Tx) error {
		for i, ps := range groups {
			if results[i].Err != nil || len(ps.items) == 0 {
				continue
			}
			saved, err := upsertPapers(ctx, tx, ps.items, nil)
			if err != nil {
				return err
			}
			results[i].Saved, results[i].Imported = saved, len(ps.items)
		}
		if last {
			return vocab.save(ctx, tx)
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

// bulkConn is a connection with a 64 MiB page cache for the length of an
// import (a 100k import runs a tenth faster); the reader's connections
// keep SQLite's 2 MiB, so scrolling a big library stays small.
func (s *Store) bulkConn(ctx context.Context) (*sql.Conn, error) {
	conn, err := s.db.Conn(ctx)
	if err != nil {
		return nil, explain(s.path, err)
	}
	if _, err := conn.ExecContext(ctx, "PRAGMA cache_size = -65536"); err != nil {
		conn.Close()
		return nil, explain(s.path, err)
	}
	return conn, nil
}

func (s *Store) releaseBulkConn(conn *sql.Conn) {
	conn.ExecContext(context.Background(), "PRAGMA cache_size = -2000")
	conn.Close()
}
