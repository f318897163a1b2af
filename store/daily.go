package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/papertui/papers/store/query"
)

// The daily loop's state: tags, notes, followed searches and what the
// reader has seen. Like the queue and read marks it is keyed by paper id
// and no sync, import or clean writes it; each change is one transaction.

// ErrUnknownFollow means no followed search has that name.
var ErrUnknownFollow = errors.New("no followed search by that name")

// ErrFollowRefused marks a search AddFollow refused for what it was
// given (a bad name or query, a name in use), which the caller can
// correct; a library that could not be written is not one.
var ErrFollowRefused = errors.New("followed search refused")

// followRefused is an error of AddFollow's input; errors.Is finds
// ErrFollowRefused in it, and its message is err's.
type followRefused struct{ err error }

func (e followRefused) Error() string        { return e.err.Error() }
func (e followRefused) Unwrap() error        { return e.err }
func (e followRefused) Is(target error) bool { return target == ErrFollowRefused }

// dailyWhere adds the conditions of tag:, note:, has:note and is:new.
// Each is a small set of ids. A query over the whole view (a count, a
// sorted page) is driven by the set, the full-text hits filtering it (see
// matchColumn); a walk of the hits newest first (Match moved into the
// walk) is driven by the hits, the set filtering them. "+p.id" keeps
// SQLite from using both as keys at once: it looked up every pairing of
// a set member with a hit through the (id, rowid) index, 2,000 tags
// times 45,000 hits of "model", which took seconds.
func (f Filter) dailyWhere(add func(cond string, args ...any)) {
	id := "p.id"
	if f.textual && f.fullMatch() == "" {
		id = "+p.id"
	}
	for _, t := range f.Daily.Tags {
		add(id+" IN (SELECT id FROM tags WHERE tag = ?)", t)
	}
	if f.Daily.HasNote {
		add(id + " IN (SELECT id FROM notes)")
	}
	for _, w := range f.Daily.Notes {
		add(id+" IN (SELECT id FROM notes WHERE instr(lower(body), ?) > 0)", strings.ToLower(w))
	}
	if f.Daily.New {
		add(id+" IN (SELECT id FROM arrivals WHERE at > ?)", f.NewSince)
	}
}

// matchColumn is how the full-text condition names the rowid: with a
// daily set to drive the query, the hits are only a filter on it.
func (f Filter) matchColumn() string {
	if !f.Daily.IsZero() {
		return "+p.pid"
	}
	return "p.pid"
}

func mergeDaily(a, b query.Daily) query.Daily {
	a.Tags = append(append([]string(nil), a.Tags...), b.Tags...)
	a.Notes = append(append([]string(nil), a.Notes...), b.Notes...)
	a.HasNote = a.HasNote || b.HasNote
	a.New = a.New || b.New
	return a
}

// prepareDaily settles when is:new starts: the reader passes the start
// of its own visit; anyone else gets the last time the reader looked.
func (s *Store) prepareDaily(ctx context.Context, f Filter) (Filter, error) {
	f.textual = f.fullMatch() != "" || f.TitleKey != ""
	if !f.Daily.New || f.NewSince != 0 {
		return f, nil
	}
	t, err := s.LastSeen(ctx)
	if err != nil {
		return f, err
	}
	if !t.IsZero() {
		f.NewSince = t.UnixMilli()
	}
	return f, nil
}

// --- last seen ---

const lastSeenKey = "last_seen"

// LastSeen is when the reader last looked (see SetLastSeen); zero when it
// never has, and then every paper that arrived is new.
func (s *Store) LastSeen(ctx context.Context) (time.Time, error) {
	return s.metaTime(ctx, lastSeenKey)
}

// SetLastSeen records when the reader last looked: papers arriving after
// t are new (is:new). The reader keeps the value it read at start for its
// whole visit and records the new one as it goes.
func (s *Store) SetLastSeen(ctx context.Context, t time.Time) error {
	return s.setMetaTime(ctx, lastSeenKey, t)
}

func (s *Store) metaTime(ctx context.Context, key string) (time.Time, error) {
	var v string
	err := s.db.QueryRowContext(ctx, `SELECT value FROM meta WHERE key = ?`, key).Scan(&v)
	if err == sql.ErrNoRows {
		return time.Time{}, nil
	}
	if err != nil {
		return time.Time{}, explain(s.path, fmt.Errorf("read %s: %w", key, err))
	}
	ms, err := strconv.ParseInt(v, 10, 64)
	if err != nil {
		return time.Time{}, fmt.Errorf("read %s: bad value %q in the library", key, v)
	}
	return time.UnixMilli(ms), nil
}

func (s *Store) setMetaTime(ctx context.Context, key string, t time.Time) error {
	return s.stateTx(ctx, "record "+key, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `INSERT INTO meta(key, value) VALUES(?, ?)
			ON CONFLICT(key) DO UPDATE SET value = excluded.value`, key, strconv.FormatInt(t.UnixMilli(), 10))
		return err
	})
}

// --- seen: how a paper changed since the reader last showed it ---

// Seen is what a paper looked like when the reader last showed it.
type Seen struct {
	At       time.Time // zero: never seen
	Upvotes  int       // then
	Comments int       // then
}

// MarkSeen records the papers' upvotes and comments as the reader shows
// them, for the change since then and the rising order.
func (s *Store) MarkSeen(ctx context.Context, ids ...string) error {
	now := time.Now().Unix()
	return s.stateTx(ctx, "mark seen", func(tx *sql.Tx) error {
		for _, id := range ids {
			if _, err := tx.ExecContext(ctx, `INSERT INTO seen(id, upvotes, comments, seen_at)
				SELECT id, upvotes, comments, ? FROM papers WHERE id = ?
				ON CONFLICT(id) DO UPDATE SET upvotes = excluded.upvotes,
					comments = excluded.comments, seen_at = excluded.seen_at`, now, id); err != nil {
				return err
			}
		}
		return nil
	})
}

// LastSeenOf is what the paper looked like when last shown.
func (s *Store) LastSeenOf(ctx context.Context, id string) (Seen, error) {
	var v Seen
	var at int64
	err := s.db.QueryRowContext(ctx, `SELECT upvotes, comments, seen_at FROM seen WHERE id = ?`, id).
		Scan(&v.Upvotes, &v.Comments, &at)
	if err == sql.ErrNoRows {
		return Seen{}, nil
	}
	if err != nil {
		return Seen{}, explain(s.path, fmt.Errorf("seen %s: %w", id, err))
	}
	v.At = time.Unix(at, 0)
	return v, nil
}

// --- tags ---

// TagCount is a tag and how many papers carry it.
type TagCount struct {
	Tag    string `json:"tag"`
	Papers int    `json:"papers"`
}

// Tag adds and removes tags on papers, all in one undoable transaction.
// Names are checked and normalised as query.NormalizeTag says.
func (s *Store) Tag(ctx context.Context, ids, add, remove []string) error {
	add, err := normalizeTags(add)
	if err != nil {
		return err
	}
	if remove, err = normalizeTags(remove); err != nil {
		return err
	}
	now := time.Now().Unix()
	return s.undoableTx(ctx, aboutPapers("tag", ids), func(tx *sql.Tx, u *undoLog) error {
		for _, id := range ids {
			if err := mustExist(ctx, tx, id); err != nil {
				return err
			}
			for _, t := range add {
				if err := u.setTag(ctx, tx, id, t, true, now); err != nil {
					return err
				}
			}
			for _, t := range remove {
				if err := u.setTag(ctx, tx, id, t, false, now); err != nil {
					return err
				}
			}
		}
		return nil
	})
}

func normalizeTags(names []string) ([]string, error) {
	out := make([]string, 0, len(names))
	for _, n := range names {
		t, err := query.NormalizeTag(n)
		if err != nil {
			return nil, err
		}
		out = append(out, t)
	}
	return out, nil
}

// Tags lists every tag with its count of papers, most used first.
func (s *Store) Tags(ctx context.Context) ([]TagCount, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT t.tag, count(*) FROM tags t JOIN papers p ON p.id = t.id
		GROUP BY t.tag ORDER BY count(*) DESC, t.tag`)
	if err != nil {
		return nil, explain(s.path, fmt.Errorf("list tags: %w", err))
	}
	defer rows.Close()
	out := []TagCount{}
	for rows.Next() {
		var t TagCount
		if err := rows.Scan(&t.Tag, &t.Papers); err != nil {
			return nil, fmt.Errorf("list tags: %w", err)
		}
		out = append(out, t)
	}
	return out, rows.Err()
}

// --- notes ---

// MaxNoteBytes bounds a note: a note is a few paragraphs, not a book.
const MaxNoteBytes = 1 << 20

// Note is a paper's note ("" when it has none).
func (s *Store) Note(ctx context.Context, id string) (string, error) {
	var body string
	err := s.db.QueryRowContext(ctx, `SELECT coalesce((SELECT body FROM notes WHERE id = p.id), '')
		FROM papers p WHERE p.id = ?`, id).Scan(&body)
	if err == sql.ErrNoRows {
		return "", fmt.Errorf("%s: %w", id, ErrUnknownPaper)
	}
	if err != nil {
		return "", explain(s.path, fmt.Errorf("note of %s: %w", id, err))
	}
	return body, nil
}

// SetNote replaces a paper's note in one transaction; an empty (or all
// blank) body removes it.
func (s *Store) SetNote(ctx context.Context, id, body string) error {
	return s.writeNote(ctx, id, body, nil)
}

// ErrNoteChanged: the note was changed by someone else while it was
// edited, so the edit is not stored over it.
var ErrNoteChanged = errors.New("the note was changed elsewhere while it was edited")

// ReplaceNote replaces a paper's note with body, as SetNote does, only
// if it still is was (the note the edit began from); else it writes
// nothing and says ErrNoteChanged: an edit never overwrites a note
// another terminal changed meanwhile.
func (s *Store) ReplaceNote(ctx context.Context, id, was, body string) error {
	return s.writeNote(ctx, id, body, &was)
}

// writeNote is SetNote, checking first that the note is *was when set.
func (s *Store) writeNote(ctx context.Context, id, body string, was *string) error {
	if len(body) > MaxNoteBytes {
		return fmt.Errorf("note of %s: %d bytes; at most %d", id, len(body), MaxNoteBytes)
	}
	return s.stateTx(ctx, "note", func(tx *sql.Tx) error {
		if err := mustExist(ctx, tx, id); err != nil {
			return err
		}
		if was != nil {
			var now string
			err := tx.QueryRowContext(ctx, `SELECT body FROM notes WHERE id = ?`, id).Scan(&now)
			if err != nil && err != sql.ErrNoRows {
				return err
			}
			if strings.TrimSpace(now) != strings.TrimSpace(*was) {
				return fmt.Errorf("%s: %w", id, ErrNoteChanged)
			}
		}
		if strings.TrimSpace(body) == "" {
			_, err := tx.ExecContext(ctx, `DELETE FROM notes WHERE id = ?`, id)
			return err
		}
		_, err := tx.ExecContext(ctx, `INSERT INTO notes(id, body, updated_at) VALUES(?, ?, ?)
			ON CONFLICT(id) DO UPDATE SET body = excluded.body, updated_at = excluded.updated_at`,
			id, body, time.Now().Unix())
		return err
	})
}

// risingOrder puts first the papers that gained the most upvotes since
// the reader last showed them (never shown: no change), then newest.
const risingOrder = ` ORDER BY p.upvotes - coalesce((SELECT upvotes FROM seen WHERE id = p.id), p.upvotes) DESC,
	p.day DESC, p.upvotes DESC, p.pid`

const digestKey = "digest_sent"

// DigestSent is when the last digest of selection marked as sent was
// made (zero: never). Each selection ("" for the whole library; the
// caller names the others, such as a set of followed searches) keeps its
// own: a digest of one followed search, marked, must not keep the
// library's digest from sending what it left out. A selection never
// marked falls back to the library's mark, where every digest's was kept
// before.
func (s *Store) DigestSent(ctx context.Context, selection string) (time.Time, error) {
	if selection != "" {
		t, err := s.metaTime(ctx, digestKey+":"+selection)
		if err != nil || !t.IsZero() {
			return t, err
		}
	}
	return s.metaTime(ctx, digestKey)
}

// SetDigestSent records that a digest of selection made at t was sent.
func (s *Store) SetDigestSent(ctx context.Context, selection string, t time.Time) error {
	key := digestKey
	if selection != "" {
		key += ":" + selection
	}
	return s.setMetaTime(ctx, key, t)
}
