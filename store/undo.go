package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"time"

	"github.com/papertui/papers/internal/english"
)

// The undo history: every change to the queue, read marks or tags
// records, in the same transaction, what puts the state back as it was.
// Undo applies the newest entry's inverse and drops it, again in one
// transaction, so a kill at any moment leaves either the change with its
// entry or neither.

// UndoDepth is how many changes can be undone.
const UndoDepth = 50

// ErrNothingToUndo means the history is empty.
var ErrNothingToUndo = errors.New("nothing to undo")

// undoOps is an entry's inverse, stored as JSON.
type undoOps struct {
	// Queue is the whole queue before the change when QueueSet: a queue
	// is a few hundred rows at most, and a snapshot undoes any reorder.
	QueueSet bool       `json:"queue_set,omitempty"`
	Queue    []queueRow `json:"queue,omitempty"`
	Unread   []string   `json:"unread,omitempty"` // marked read by the change
	Reread   []readRow  `json:"reread,omitempty"` // marked unread by the change
	Untag    []tagRow   `json:"untag,omitempty"`  // tags the change added
	Retag    []tagRow   `json:"retag,omitempty"`  // tags the change removed
}

type queueRow struct {
	ID       string `json:"id"`
	Position int    `json:"pos"`
	AddedAt  int64  `json:"at"`
}

type readRow struct {
	ID     string `json:"id"`
	ReadAt int64  `json:"at"`
}

type tagRow struct {
	ID      string `json:"id"`
	Tag     string `json:"tag"`
	AddedAt int64  `json:"at,omitempty"`
}

func (o *undoOps) empty() bool {
	return !o.QueueSet && len(o.Unread) == 0 && len(o.Reread) == 0 && len(o.Untag) == 0 && len(o.Retag) == 0
}

// undoLog gathers one change's inverse as the change is made.
type undoLog struct {
	ops undoOps
}

// UndoEntry is one change that can be undone, newest first in History.
type UndoEntry struct {
	What string    `json:"what"`
	At   time.Time `json:"at"`
}

// aboutPapers is a change's label in the undo history: what, and the
// paper it was done to, or how many ("undone: mark read 2611.90020" says
// which paper U just changed, maybe one off screen).
func aboutPapers(what string, ids []string) string {
	if len(ids) == 1 {
		return what + " " + ids[0]
	}
	if len(ids) > 1 {
		return what + " " + english.Count(len(ids), "paper")
	}
	return what
}

// undoableTx runs fn as one state change and records its inverse.
func (s *Store) undoableTx(ctx context.Context, what string, fn func(tx *sql.Tx, u *undoLog) error) error {
	return s.stateTx(ctx, what, func(tx *sql.Tx) error {
		var u undoLog
		if err := fn(tx, &u); err != nil {
			return err
		}
		return u.save(ctx, tx, what)
	})
}

// snapshotQueue records the queue as it is, once per change.
func (u *undoLog) snapshotQueue(ctx context.Context, tx *sql.Tx) error {
	if u.ops.QueueSet {
		return nil
	}
	rows, err := tx.QueryContext(ctx, `SELECT id, position, added_at FROM queue ORDER BY position`)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var r queueRow
		if err := rows.Scan(&r.ID, &r.Position, &r.AddedAt); err != nil {
			return err
		}
		u.ops.Queue = append(u.ops.Queue, r)
	}
	u.ops.QueueSet = true
	return rows.Err()
}

// markRead marks one paper read or unread, remembering what it was.
func (u *undoLog) markRead(ctx context.Context, tx *sql.Tx, id string, read bool) error {
	if read {
		marked, err := markIDs(ctx, tx, []string{id}, time.Now().Unix())
		u.ops.Unread = append(u.ops.Unread, marked...)
		return err
	}
	was, err := unmarkIDs(ctx, tx, []string{id})
	u.ops.Reread = append(u.ops.Reread, was...)
	return err
}

// setTag adds or removes one tag, remembering what changed.
//
// A tag added and removed again in one change (or removed and added
// again) leaves the paper as it was, and so leaves nothing to undo: an
// undo that removed and then restored it would give the paper a tag it
// never had.
func (u *undoLog) setTag(ctx context.Context, tx *sql.Tx, id, tag string, on bool, now int64) error {
	same := func(r tagRow) bool { return r.ID == id && r.Tag == tag }
	if on {
		removed := slices.IndexFunc(u.ops.Retag, same)
		if removed >= 0 {
			now = u.ops.Retag[removed].AddedAt // back as it was
		}
		res, err := tx.ExecContext(ctx, `INSERT INTO tags(id, tag, added_at) VALUES(?, ?, ?) ON CONFLICT DO NOTHING`, id, tag, now)
		if err != nil {
			return err
		}
		switch n, _ := res.RowsAffected(); {
		case n > 0 && removed >= 0:
			u.ops.Retag = slices.Delete(u.ops.Retag, removed, removed+1)
		case n > 0:
			u.ops.Untag = append(u.ops.Untag, tagRow{ID: id, Tag: tag})
		}
		return nil
	}
	var at int64
	err := tx.QueryRowContext(ctx, `DELETE FROM tags WHERE id = ? AND tag = ? RETURNING added_at`, id, tag).Scan(&at)
	if err == sql.ErrNoRows {
		return nil
	}
	if err != nil {
		return err
	}
	if added := slices.IndexFunc(u.ops.Untag, same); added >= 0 {
		u.ops.Untag = slices.Delete(u.ops.Untag, added, added+1)
		return nil
	}
	u.ops.Retag = append(u.ops.Retag, tagRow{ID: id, Tag: tag, AddedAt: at})
	return nil
}

// save records the entry (a change that changed nothing records none)
// and forgets entries beyond UndoDepth.
func (u *undoLog) save(ctx context.Context, tx *sql.Tx, what string) error {
	if u.ops.QueueSet {
		// A change that left the queue as it was (queueing a queued
		// paper) has nothing there to undo.
		var now undoLog
		if err := now.snapshotQueue(ctx, tx); err != nil {
			return err
		}
		if slices.Equal(now.ops.Queue, u.ops.Queue) {
			u.ops.QueueSet, u.ops.Queue = false, nil
		}
	}
	if u.ops.empty() {
		return nil
	}
	body, err := json.Marshal(u.ops)
	if err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO undo(what, at, ops) VALUES(?, ?, ?)`,
		what, time.Now().Unix(), body); err != nil {
		return err
	}
	_, err = tx.ExecContext(ctx, `DELETE FROM undo WHERE seq <= (SELECT max(seq) FROM undo) - ?`, UndoDepth)
	return err
}

// History lists the changes Undo can take back, newest first.
func (s *Store) History(ctx context.Context) ([]UndoEntry, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT what, at FROM undo ORDER BY seq DESC`)
	if err != nil {
		return nil, explain(s.path, fmt.Errorf("undo history: %w", err))
	}
	defer rows.Close()
	out := []UndoEntry{}
	for rows.Next() {
		var e UndoEntry
		var at int64
		if err := rows.Scan(&e.What, &at); err != nil {
			return nil, err
		}
		e.At = time.Unix(at, 0)
		out = append(out, e)
	}
	return out, rows.Err()
}

// Undo takes back the newest change and says what it was.
func (s *Store) Undo(ctx context.Context) (string, error) {
	var what string
	err := s.stateTx(ctx, "undo", func(tx *sql.Tx) error {
		var seq int64
		var body []byte
		err := tx.QueryRowContext(ctx, `SELECT seq, what, ops FROM undo ORDER BY seq DESC LIMIT 1`).Scan(&seq, &what, &body)
		if err == sql.ErrNoRows {
			return ErrNothingToUndo
		}
		if err != nil {
			return err
		}
		var ops undoOps
		if err := json.Unmarshal(body, &ops); err != nil {
			return fmt.Errorf("entry %d (%s) is damaged: %w", seq, what, err)
		}
		if err := ops.apply(ctx, tx); err != nil {
			return fmt.Errorf("%s: %w", what, err)
		}
		_, err = tx.ExecContext(ctx, `DELETE FROM undo WHERE seq = ?`, seq)
		return err
	})
	if errors.Is(err, ErrNothingToUndo) {
		return "", ErrNothingToUndo
	}
	return what, err
}

// apply puts the state back. Papers gone from the library meanwhile keep
// their state rows: state is keyed by id and outlives a clean.
func (o *undoOps) apply(ctx context.Context, tx *sql.Tx) error {
	if o.QueueSet {
		if _, err := tx.ExecContext(ctx, `DELETE FROM queue`); err != nil {
			return err
		}
		for _, r := range o.Queue {
			if _, err := tx.ExecContext(ctx, `INSERT INTO queue(id, position, added_at) VALUES(?, ?, ?)`,
				r.ID, r.Position, r.AddedAt); err != nil {
				return err
			}
		}
	}
	// One statement however many a mark-all marked.
	if _, err := unmarkIDs(ctx, tx, o.Unread); err != nil {
		return err
	}
	if err := restoreMarks(ctx, tx, o.Reread); err != nil {
		return err
	}
	for _, t := range o.Untag {
		if _, err := tx.ExecContext(ctx, `DELETE FROM tags WHERE id = ? AND tag = ?`, t.ID, t.Tag); err != nil {
			return err
		}
	}
	for _, t := range o.Retag {
		if _, err := tx.ExecContext(ctx, `INSERT OR IGNORE INTO tags(id, tag, added_at) VALUES(?, ?, ?)`,
			t.ID, t.Tag, t.AddedAt); err != nil {
			return err
		}
	}
	return nil
}
