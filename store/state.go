package store

import (
	"context"
	"database/sql"
	"fmt"
	"time"
)

// The reader's own state: the queue and read marks. Each change is one
// committed transaction, so a change the screen shows has reached the disk,
// and records how to undo it (see undo.go).

// Queue lists the reading queue in the reader's order.
func (s *Store) Queue(ctx context.Context) ([]Record, error) {
	return s.queryRecords(ctx, `SELECT `+recordColumns+` FROM queue q JOIN papers p ON p.id = q.id
		LEFT JOIN read_marks r ON r.id = p.id ORDER BY q.position`)
}

// Enqueue puts papers at the end of the queue; ones already queued stay put.
func (s *Store) Enqueue(ctx context.Context, ids ...string) error {
	return s.undoableTx(ctx, aboutPapers("queue", ids), func(tx *sql.Tx, u *undoLog) error {
		if err := u.snapshotQueue(ctx, tx); err != nil {
			return err
		}
		for _, id := range ids {
			if err := mustExist(ctx, tx, id); err != nil {
				return err
			}
			if _, err := tx.ExecContext(ctx, `INSERT INTO queue(id, position, added_at)
				VALUES(?, (SELECT coalesce(max(position), 0) + 1 FROM queue), ?)
				ON CONFLICT(id) DO NOTHING`, id, time.Now().Unix()); err != nil {
				return err
			}
		}
		return nil
	})
}

// Dequeue takes papers out of the queue.
func (s *Store) Dequeue(ctx context.Context, ids ...string) error {
	return s.undoableTx(ctx, aboutPapers("unqueue", ids), func(tx *sql.Tx, u *undoLog) error {
		if err := u.snapshotQueue(ctx, tx); err != nil {
			return err
		}
		for _, id := range ids {
			if err := mustExist(ctx, tx, id); err != nil {
				return err
			}
			if _, err := tx.ExecContext(ctx, `DELETE FROM queue WHERE id = ?`, id); err != nil {
				return err
			}
		}
		return renumber(ctx, tx)
	})
}

// Done takes papers out of the queue and marks them read, together.
func (s *Store) Done(ctx context.Context, ids ...string) error {
	return s.undoableTx(ctx, aboutPapers("done", ids), func(tx *sql.Tx, u *undoLog) error {
		if err := u.snapshotQueue(ctx, tx); err != nil {
			return err
		}
		for _, id := range ids {
			if err := mustExist(ctx, tx, id); err != nil {
				return err
			}
			if _, err := tx.ExecContext(ctx, `DELETE FROM queue WHERE id = ?`, id); err != nil {
				return err
			}
			if err := u.markRead(ctx, tx, id, true); err != nil {
				return err
			}
		}
		return renumber(ctx, tx)
	})
}

// Move puts a queued paper at a 1-based position (clamped to the queue).
func (s *Store) Move(ctx context.Context, id string, position int) error {
	return s.undoableTx(ctx, aboutPapers("move", []string{id}), func(tx *sql.Tx, u *undoLog) error {
		if err := u.snapshotQueue(ctx, tx); err != nil {
			return err
		}
		ids, err := queueIDs(ctx, tx)
		if err != nil {
			return err
		}
		from := indexOf(ids, id)
		if from < 0 {
			if err := mustExist(ctx, tx, id); err != nil {
				return err
			}
			return fmt.Errorf("%s is not in the queue", id)
		}
		to := min(max(position, 1), len(ids)) - 1
		ids = append(ids[:from], ids[from+1:]...)
		ids = append(ids[:to], append([]string{id}, ids[to:]...)...)
		return writeOrder(ctx, tx, ids)
	})
}

// SetRead marks papers read or unread.
func (s *Store) SetRead(ctx context.Context, read bool, ids ...string) error {
	what := "mark read"
	if !read {
		what = "mark unread"
	}
	return s.undoableTx(ctx, aboutPapers(what, ids), func(tx *sql.Tx, u *undoLog) error {
		for _, id := range ids {
			if err := mustExist(ctx, tx, id); err != nil {
				return err
			}
			if err := u.markRead(ctx, tx, id, read); err != nil {
				return err
			}
		}
		return nil
	})
}

func (s *Store) stateTx(ctx context.Context, what string, fn func(tx *sql.Tx) error) error {
	if err := s.inTx(ctx, fn); err != nil {
		return explain(s.path, fmt.Errorf("%s: %w", what, err))
	}
	return nil
}

func mustExist(ctx context.Context, tx *sql.Tx, id string) error {
	var one int
	err := tx.QueryRowContext(ctx, `SELECT 1 FROM papers WHERE id = ?`, id).Scan(&one)
	if err == sql.ErrNoRows {
		return fmt.Errorf("%s: %w", id, ErrUnknownPaper)
	}
	return err
}

func queueIDs(ctx context.Context, tx *sql.Tx) ([]string, error) {
	return collect[string](tx.QueryContext(ctx, `SELECT id FROM queue ORDER BY position`))
}

// renumber keeps positions 1..N so a position is also the rank shown.
func renumber(ctx context.Context, tx *sql.Tx) error {
	ids, err := queueIDs(ctx, tx)
	if err != nil {
		return err
	}
	return writeOrder(ctx, tx, ids)
}

func writeOrder(ctx context.Context, tx *sql.Tx, ids []string) error {
	// Negative first so the new positions never collide mid-way.
	if _, err := tx.ExecContext(ctx, `UPDATE queue SET position = -position`); err != nil {
		return err
	}
	for i, id := range ids {
		if _, err := tx.ExecContext(ctx, `UPDATE queue SET position = ? WHERE id = ?`, i+1, id); err != nil {
			return err
		}
	}
	return nil
}

func indexOf(ids []string, id string) int {
	for i, x := range ids {
		if x == id {
			return i
		}
	}
	return -1
}
