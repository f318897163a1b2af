package store

import (
	"context"
	"database/sql"
	"fmt"
	"time"
)

// A stored text records the arXiv version it was converted from; asking
// arXiv for the latest version (feed.Client.Versions) tells which texts
// are stale. These say which texts are worth asking about and remember
// when they were asked, so the reader asks at most once per paper per
// period however often it syncs.

// TextVersions is the arXiv version of the stored texts of ids, for those
// whose version is known: a text without one, or of unknown version,
// cannot be found stale and is not worth asking arXiv about.
func (s *Store) TextVersions(ctx context.Context, ids []string) (map[string]int, error) {
	want := make(map[string]bool, len(ids))
	for _, id := range ids {
		want[id] = true
	}
	rows, err := s.db.QueryContext(ctx, `SELECT id, version FROM texts WHERE version > 0`)
	if err != nil {
		return nil, fmt.Errorf("list full-text versions: %w", err)
	}
	defer rows.Close()
	out := map[string]int{}
	for rows.Next() {
		var id string
		var v int
		if err := rows.Scan(&id, &v); err != nil {
			return nil, fmt.Errorf("list full-text versions: %w", err)
		}
		if want[id] {
			out[id] = v
		}
	}
	return out, rows.Err()
}

// QueuedTextsToCheck lists the queued papers whose stored text is of a
// known version and was not checked against arXiv since before, in queue
// order: what the reader asks arXiv about after a sync.
func (s *Store) QueuedTextsToCheck(ctx context.Context, before time.Time) ([]string, error) {
	ids, err := collect[string](s.db.QueryContext(ctx, `SELECT q.id FROM queue q JOIN texts t ON t.id = q.id
		WHERE t.version > 0 AND t.checked_at < ? ORDER BY q.position`, before.Unix()))
	if err != nil {
		return nil, fmt.Errorf("list queued texts to check: %w", err)
	}
	return ids, nil
}

// MarkVersionsChecked records that arXiv was asked about the texts of ids
// at at. Ids without a stored text are ignored.
func (s *Store) MarkVersionsChecked(ctx context.Context, ids []string, at time.Time) error {
	if len(ids) == 0 {
		return nil
	}
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		// A text HF was asked for newer and served older keeps the time
		// of that ask (MarkVersionAsked): checks after it must not put off
		// asking HF again.
		stmt, err := tx.PrepareContext(ctx, `UPDATE texts SET checked_at = ? WHERE id = ? AND asked_version <= version`)
		if err != nil {
			return err
		}
		defer stmt.Close()
		for _, id := range ids {
			if _, err := stmt.ExecContext(ctx, at.Unix(), id); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("record arXiv version check: %w", explain(s.path, err))
	}
	return nil
}

// MarkVersionAsked records that Hugging Face was asked at at for the text
// of id when arXiv listed version latest, and served an older one:
// NeedsText leaves the text alone until arXiv lists a later version or a
// day has passed. Without a stored text it does nothing.
func (s *Store) MarkVersionAsked(ctx context.Context, id string, latest int, at time.Time) error {
	_, err := s.db.ExecContext(ctx, `UPDATE texts SET asked_version = ?, checked_at = ? WHERE id = ?`, latest, at.Unix(), id)
	if err != nil {
		return fmt.Errorf("record version asked of %s: %w", id, explain(s.path, err))
	}
	return nil
}
