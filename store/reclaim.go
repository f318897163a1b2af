package store

import (
	"context"
	"fmt"
)

// Deleting rows (papers clean) leaves their pages free inside the file:
// SQLite reuses them but never gives them back. The library is not in
// auto_vacuum mode (switching needs a VACUUM anyway), so Reclaim runs a
// VACUUM, which SQLite does in one transaction: a kill part way leaves
// the library as it was, never half rewritten.

// reclaimMin is the free space below which Reclaim leaves the file alone,
// and reclaimShare the part of the file (one in reclaimShare) free space
// must reach too: rewriting a 375 MiB library takes about 12 s, not worth
// it to win 3% of it.
const (
	reclaimMin   = 256 << 10
	reclaimShare = 10
)

// FreeBytes is the space inside the library file that deleted rows left
// free: kept for reuse, not given back to the filesystem.
func (s *Store) FreeBytes(ctx context.Context) (int64, error) {
	var pages, size int64
	if err := s.db.QueryRowContext(ctx, `PRAGMA freelist_count`).Scan(&pages); err != nil {
		return 0, fmt.Errorf("count free pages: %w", explain(s.path, err))
	}
	if err := s.db.QueryRowContext(ctx, `PRAGMA page_size`).Scan(&size); err != nil {
		return 0, fmt.Errorf("read page size: %w", explain(s.path, err))
	}
	return pages * size, nil
}

// Reclaim gives the library's free pages back to the filesystem and
// reports by how many bytes the file (with its write-ahead log) shrank.
// Below reclaimMin of free space, or a tenth of the file, it does nothing:
// the pages stay free for the library to reuse. It rewrites the whole
// library, so it takes time in proportion to it and needs as much disk
// again while it runs.
func (s *Store) Reclaim(ctx context.Context) (int64, error) {
	free, err := s.FreeBytes(ctx)
	if err != nil || free < reclaimMin {
		return 0, err
	}
	before := s.SizeOnDisk()
	if free*reclaimShare < before {
		return 0, nil
	}
	if _, err := s.db.ExecContext(ctx, `VACUUM`); err != nil {
		return 0, fmt.Errorf("reclaim free space: %w", explain(s.path, err))
	}
	// In WAL mode the rewritten pages sit in the log until a checkpoint
	// copies them back and truncates the file.
	if _, err := s.db.ExecContext(ctx, `PRAGMA wal_checkpoint(TRUNCATE)`); err != nil {
		return 0, fmt.Errorf("reclaim free space: checkpoint: %w", explain(s.path, err))
	}
	return max(before-s.SizeOnDisk(), 0), nil
}
