package store

import (
	"context"
	"database/sql"
	"slices"
)

// Matching the papers a write changed (follow_dirty) against the kept
// searches: the noted papers go into a temporary full-text index of just
// them, each search runs there, and its kept papers and counts move by
// what joined and left (followcache.go keeps the rest).

// matchDirty matches the noted papers against each kept search and moves
// its hits and counts by the difference. The noted papers are indexed
// alone in a temporary full-text table, tokenized as papers_fts is, and
// each search's words are matched there: a few hundred papers' index
// answers in microseconds, where the library's costs milliseconds a
// search even restricted to their rowids.
func matchDirty(ctx context.Context, tx *sql.Tx, kept []cacheRow, want map[string]cachedFollow) error {
	if len(kept) == 0 {
		return nil
	}
	before, err := dirtyHits(ctx, tx)
	if err != nil {
		return err
	}
	n, err := indexDirty(ctx, tx)
	if err != nil {
		return err
	}
	if n == 0 && len(before) == 0 {
		return nil
	}
	for _, r := range kept {
		now := map[string]bool{} // id → unread, of the noted papers the search finds
		// follow_fts holds only the noted papers: its words need no other
		// restriction (which would make SQLite probe every pairing of a
		// noted paper and a hit).
		f := want[r.name].prepared
		restrict := ""
		if f.fullMatch() == "" {
			restrict = `p.id IN (SELECT id FROM follow_dirty)`
		}
		q, args := hitsSQL(f, restrict, "follow_fts")
		if err := collectHits(ctx, tx, q, args, now); err != nil {
			return err
		}
		if err := applyDiff(ctx, tx, r.fid, before[r.fid], now); err != nil {
			return err
		}
	}
	return nil
}

// dirtyText is a noted paper's indexed text.
type dirtyText struct {
	pid                                        int64
	title, abstract, authors, summary, kw, org string
}

// indexDirty fills temp.follow_fts with the noted papers still in the
// library, exactly as upsertPapers indexes them (the abstract from the
// raw item), and says how many.
func indexDirty(ctx context.Context, tx *sql.Tx) (int, error) {
	for _, q := range []string{
		`CREATE VIRTUAL TABLE IF NOT EXISTS temp.follow_fts USING fts5(
			title, abstract, authors, ai_summary, ai_keywords, organization,
			content = '', contentless_delete = 1, tokenize = 'unicode61 remove_diacritics 2')`,
		`DELETE FROM temp.follow_fts`,
	} {
		if _, err := tx.ExecContext(ctx, q); err != nil {
			return 0, err
		}
	}
	rows, err := tx.QueryContext(ctx, `SELECT p.pid, p.title, p.raw, p.authors, p.ai_summary, p.ai_keywords, p.organization
		FROM follow_dirty d CROSS JOIN papers p ON p.id = d.id`)
	if err != nil {
		return 0, err
	}
	var texts []dirtyText
	for rows.Next() {
		var t dirtyText
		var raw []byte
		if err := rows.Scan(&t.pid, &t.title, &raw, &t.authors, &t.summary, &t.kw, &t.org); err != nil {
			rows.Close()
			return 0, err
		}
		t.abstract = abstractOf(raw)
		texts = append(texts, t)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return 0, err
	}
	stmt, err := tx.PrepareContext(ctx, `INSERT INTO temp.follow_fts(rowid, title, abstract, authors, ai_summary,
		ai_keywords, organization) VALUES(?, ?, ?, ?, ?, ?, ?)`)
	if err != nil {
		return 0, err
	}
	defer stmt.Close()
	for _, t := range texts {
		if _, err := stmt.ExecContext(ctx, t.pid, t.title, t.abstract, t.authors, t.summary, t.kw, t.org); err != nil {
			return 0, err
		}
	}
	return len(texts), nil
}

// dirtyHits are the searches each noted paper was in: fid → id → unread.
func dirtyHits(ctx context.Context, tx *sql.Tx) (map[int64]map[string]bool, error) {
	rows, err := tx.QueryContext(ctx, `SELECT h.mask, h.id, r.id IS NULL FROM follow_dirty d
		CROSS JOIN follow_hits h ON h.id = d.id LEFT JOIN read_marks r ON r.id = d.id`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[int64]map[string]bool{}
	for rows.Next() {
		var mask int64
		var id string
		var unread bool
		if err := rows.Scan(&mask, &id, &unread); err != nil {
			return nil, err
		}
		for _, fid := range maskBits(mask) {
			if out[fid] == nil {
				out[fid] = map[string]bool{}
			}
			out[fid][id] = unread
		}
	}
	return out, rows.Err()
}

func collectHits(ctx context.Context, tx *sql.Tx, q string, args []any, into map[string]bool) error {
	rows, err := tx.QueryContext(ctx, q, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var id string
		var unread bool
		if err := rows.Scan(&id, &unread); err != nil {
			return err
		}
		into[id] = unread
	}
	return rows.Err()
}

// applyDiff records the papers that joined and left a search and moves
// its counts by them.
func applyDiff(ctx context.Context, tx *sql.Tx, fid int64, before, now map[string]bool) error {
	var dTotal, dUnread int
	var joined, left []string
	for id, unread := range now {
		if _, ok := before[id]; !ok {
			joined = append(joined, id)
			dTotal++
			if unread {
				dUnread++
			}
		}
	}
	for id, unread := range before {
		if _, ok := now[id]; !ok {
			left = append(left, id)
			dTotal--
			if unread {
				dUnread--
			}
		}
	}
	if len(joined)+len(left) == 0 {
		return nil
	}
	slices.Sort(joined)
	if err := insertHits(ctx, tx, fid, joined); err != nil {
		return err
	}
	for _, id := range left {
		if _, err := tx.ExecContext(ctx, `UPDATE follow_hits SET mask = mask & ~? WHERE id = ?`, int64(1)<<fid, id); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM follow_hits WHERE id = ? AND mask = 0`, id); err != nil {
			return err
		}
	}
	_, err := tx.ExecContext(ctx, `UPDATE follow_cache SET total = total + ?, unread = unread + ? WHERE fid = ?`,
		dTotal, dUnread, fid)
	return err
}
