package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/papertui/papers/feed"
)

// Discussions: a paper's comments and linked models, datasets and Spaces,
// stored whole (JSON, compressed) with when they were fetched.

// PutDiscussion stores a paper's comments and linked repositories.
func (s *Store) PutDiscussion(ctx context.Context, d feed.Discussion, fetched time.Time) error {
	if d.NoComments {
		// An answer without comments says nothing of them: a stored
		// discussion keeps its comments, and its linked repos with them.
		// It was asked for, though: marked fetched, it is not asked for
		// again at every opening and every sync's refresh.
		res, err := s.db.ExecContext(ctx, `UPDATE discussions SET fetched_at = ? WHERE id = ?`, fetched.Unix(), d.ID)
		if err != nil {
			return fmt.Errorf("store discussion %s: %w", d.ID, explain(s.path, err))
		}
		if n, err := res.RowsAffected(); err == nil && n > 0 {
			return nil
		}
	}
	js, err := json.Marshal(d)
	if err != nil {
		return fmt.Errorf("store discussion %s: %w", d.ID, err)
	}
	_, err = s.db.ExecContext(ctx, `INSERT INTO discussions(id, fetched_at, comments, body) VALUES (?, ?, ?, ?)
		ON CONFLICT(id) DO UPDATE SET fetched_at = excluded.fetched_at, comments = excluded.comments, body = excluded.body`,
		d.ID, fetched.Unix(), d.Count(), compressText(js))
	if err != nil {
		return fmt.Errorf("store discussion %s: %w", d.ID, explain(s.path, err))
	}
	return nil
}

// Discussion is a paper's stored discussion and when it was fetched; ok is
// false when none is stored.
func (s *Store) Discussion(ctx context.Context, id string) (d feed.Discussion, fetched time.Time, ok bool, err error) {
	var body []byte
	var at int64
	err = s.db.QueryRowContext(ctx, `SELECT fetched_at, body FROM discussions WHERE id = ?`, id).Scan(&at, &body)
	if errors.Is(err, sql.ErrNoRows) {
		return d, fetched, false, nil
	}
	if err != nil {
		return d, fetched, false, fmt.Errorf("read discussion %s: %w", id, err)
	}
	js, err := decompressText(body)
	if err == nil {
		err = json.Unmarshal(js, &d)
	}
	if err != nil {
		return d, fetched, false, fmt.Errorf("read discussion %s: damaged: %w", id, err)
	}
	return d, time.Unix(at, 0).UTC(), true, nil
}

// StaleDiscussions are the papers of the feed days since sinceDay whose
// stored discussion was fetched before fetchedBefore, newest day first,
// at most limit: what a sync refreshes, as talk on a paper happens in its
// first days.
func (s *Store) StaleDiscussions(ctx context.Context, sinceDay string, fetchedBefore time.Time, limit int) ([]string, error) {
	ids, err := collect[string](s.db.QueryContext(ctx, `SELECT d.id FROM discussions d JOIN papers p ON p.id = d.id
		WHERE p.day >= ? AND d.fetched_at < ? ORDER BY p.day DESC, d.id LIMIT ?`, sinceDay, fetchedBefore.Unix(), limit))
	if err != nil {
		return nil, fmt.Errorf("stale discussions: %w", explain(s.path, err))
	}
	return ids, nil
}

// DiscussionFetcher fetches a paper's discussion (feed.Client).
type DiscussionFetcher interface {
	Discussion(ctx context.Context, id string) (feed.Discussion, error)
}

// How a sync refreshes discussions: those of the last week's papers
// (talk on a paper happens in its first days) fetched more than
// DiscussionFresh ago, at most DiscussionRefreshes, each one request.
const (
	DiscussionFresh     = 6 * time.Hour
	discussionDays      = 7
	DiscussionRefreshes = 30
)

// RefreshDiscussions fetches again, after a sync, the stale stored
// discussions of recent papers, one at a time through f's pacing, and
// says which it refreshed; it stops at the first failure (no network
// fails them all).
func (s *Store) RefreshDiscussions(ctx context.Context, f DiscussionFetcher, now time.Time) ([]string, error) {
	since := now.UTC().AddDate(0, 0, -discussionDays).Format(time.DateOnly)
	ids, err := s.StaleDiscussions(ctx, since, now.Add(-DiscussionFresh), DiscussionRefreshes)
	if err != nil {
		return nil, err
	}
	var done []string
	for _, id := range ids {
		d, err := f.Discussion(ctx, id)
		if err == nil {
			err = s.PutDiscussion(ctx, d, time.Now())
		}
		if err != nil {
			return done, fmt.Errorf("refresh discussion %s: %w", id, err)
		}
		done = append(done, id)
	}
	return done, nil
}
