package store

import (
	"context"
	"database/sql"
	"fmt"
	"math/bits"
	"slices"
	"strconv"
	"strings"

	"github.com/papertui/papers/store/query"
)

// The counts of followed searches, kept up to date instead of counted
// afresh (see migrations/0005_daily_counts.sql). A search that tests only
// the papers themselves (words, author:, org:, kw:, upvotes:, has:code,
// dates) has its papers listed in follow_hits with its total and unread
// counts beside it. Triggers note in follow_dirty every paper a write
// changes; read marks move the unread counts as they are written (see
// readmarks.go). A refresh, after a sync or before counts are read,
// matches only the noted papers against each search, in a full-text index
// of just those papers, and moves the counts by the difference. A search
// that tests the reader's state (is:unread, is:queued, tag:, note:,
// is:new, text:) is counted afresh each time, as are all of them in a
// library that cannot be written.

// dirtyRebuild is how many noted papers make a refresh find every
// search again rather than match the noted ones: an import.
var dirtyRebuild = 20000

// maxCached is how many searches are kept: a paper's searches are the
// bits of one integer. More are counted afresh.
const maxCached = 63

// cachedFollow is a followed search as the cache knows it.
type cachedFollow struct {
	Follow
	prepared Filter // for cacheable searches
	match    string // the prepared full-text expression, the cache's key
	cacheOK  bool   // the search is kept (see cacheable and maxCached)
}

// cacheable says whether a search's papers depend on the papers alone,
// not on the reader's state, so that its hits can be kept.
func cacheable(q query.Query) bool {
	return !q.Queued && !q.Unread && !q.Read && len(q.Texts) == 0 && q.Daily.IsZero()
}

// prepareFollows parses and prepares each followed search as a count
// would, so the cache is compared with what a count would find now.
func (s *Store) prepareFollows(ctx context.Context, follows []Follow) ([]cachedFollow, error) {
	out := make([]cachedFollow, 0, len(follows))
	kept := 0
	for _, fl := range follows {
		c := cachedFollow{Follow: fl}
		q, err := query.Parse(fl.Query)
		if err != nil {
			// Not kept; counting it afresh reports the error, and a sync
			// is not failed by it.
			out = append(out, c)
			continue
		}
		if c.cacheOK = cacheable(q) && kept < maxCached; c.cacheOK {
			kept++
			f, err := fl.Filter()
			if err != nil {
				return nil, err
			}
			if c.prepared, err = s.prepare(ctx, f); err != nil {
				return nil, err
			}
			c.match = c.prepared.fullMatch()
		}
		out = append(out, c)
	}
	return out, nil
}

// cacheRow is a row of follow_cache; fid is the search's bit in
// follow_hits.mask.
type cacheRow struct {
	fid                int64
	name, query, match string
	total, unread      int
}

type queryer interface {
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

func readCache(ctx context.Context, db queryer) (map[string]cacheRow, error) {
	rows, err := db.QueryContext(ctx, `SELECT fid, name, query, match, total, unread FROM follow_cache`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[string]cacheRow{}
	for rows.Next() {
		var r cacheRow
		if err := rows.Scan(&r.fid, &r.name, &r.query, &r.match, &r.total, &r.unread); err != nil {
			return nil, err
		}
		out[r.name] = r
	}
	return out, rows.Err()
}

// cacheCurrent says whether the cache holds every cacheable search as it
// is now, and no paper is waiting to be matched.
func cacheCurrent(ctx context.Context, db queryer, follows []cachedFollow, cache map[string]cacheRow) (bool, error) {
	var dirty bool
	if err := db.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM follow_dirty)`).Scan(&dirty); err != nil {
		return false, err
	}
	if dirty {
		return false, nil
	}
	n := 0
	for _, f := range follows {
		if !f.cacheOK {
			continue
		}
		n++
		r, ok := cache[f.Name]
		if !ok || r.query != f.Query || r.match != f.match {
			return false, nil
		}
	}
	return n == len(cache), nil
}

// RefreshFollows brings the followed searches' counts up to date with the
// papers written since they were last counted: a sync calls it when its
// days are saved, and FollowCounts before reading them. It writes only
// the cache, in one transaction; a kill leaves the papers still noted.
func (s *Store) RefreshFollows(ctx context.Context) error {
	follows, err := s.Follows(ctx)
	if err != nil {
		return err
	}
	prepared, err := s.prepareFollows(ctx, follows)
	if err != nil {
		return err
	}
	return s.stateTx(ctx, "count followed searches", func(tx *sql.Tx) error {
		_, err := refreshCache(ctx, tx, prepared)
		return err
	})
}

// refreshCache makes the cache hold exactly the cacheable searches of
// follows, with their hits up to date, and returns its rows by name.
func refreshCache(ctx context.Context, tx *sql.Tx, follows []cachedFollow) (map[string]cacheRow, error) {
	cache, err := readCache(ctx, tx)
	if err != nil {
		return nil, err
	}
	if ok, err := cacheCurrent(ctx, tx, follows, cache); err != nil || ok {
		return cache, err
	}
	var dirty int
	if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM follow_dirty`).Scan(&dirty); err != nil {
		return nil, err
	}
	if dirty > dirtyRebuild {
		// Finding every search again costs less than matching most of the
		// library paper by paper.
		if _, err := tx.ExecContext(ctx, `DELETE FROM follow_hits`); err != nil {
			return nil, err
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM follow_cache`); err != nil {
			return nil, err
		}
		cache = map[string]cacheRow{}
	}
	// Forget searches no longer followed, or followed as something else.
	want := map[string]cachedFollow{}
	for _, f := range follows {
		if f.cacheOK {
			want[f.Name] = f
		}
	}
	var stale []any
	for name, r := range cache {
		if f, ok := want[name]; !ok || r.query != f.Query || r.match != f.match {
			stale = append(stale, r.fid)
			delete(cache, name)
		}
	}
	if err := dropCached(ctx, tx, stale); err != nil {
		return nil, err
	}
	// Match the noted papers against the searches kept, then find the
	// new ones whole (they need no noted papers).
	var kept []cacheRow
	for _, r := range cache {
		kept = append(kept, r)
	}
	if err := matchDirty(ctx, tx, kept, want); err != nil {
		return nil, err
	}
	if _, err := tx.ExecContext(ctx, `DELETE FROM follow_dirty`); err != nil {
		return nil, err
	}
	for _, f := range follows {
		if _, ok := cache[f.Name]; ok || !f.cacheOK {
			continue
		}
		r, err := buildCached(ctx, tx, f)
		if err != nil {
			return nil, fmt.Errorf("followed search %q: %w", f.Name, err)
		}
		cache[f.Name] = r
	}
	return readCache(ctx, tx)
}

func dropCached(ctx context.Context, tx *sql.Tx, fids []any) error {
	if len(fids) == 0 {
		return nil
	}
	var bits int64
	for _, fid := range fids {
		bits |= 1 << fid.(int64)
	}
	if _, err := tx.ExecContext(ctx, `UPDATE follow_hits SET mask = mask & ~?1 WHERE mask & ?1 <> 0`, bits); err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, `DELETE FROM follow_hits WHERE mask = 0`); err != nil {
		return err
	}
	marks := strings.TrimSuffix(strings.Repeat("?,", len(fids)), ",")
	_, err := tx.ExecContext(ctx, `DELETE FROM follow_cache WHERE fid IN (`+marks+`)`, fids...)
	return err
}

// buildCached finds a search's papers whole and records them.
func buildCached(ctx context.Context, tx *sql.Tx, f cachedFollow) (cacheRow, error) {
	r := cacheRow{name: f.Name, query: f.Query, match: f.match}
	// The lowest free bit (prepareFollows keeps at most maxCached).
	used, err := collect[string](tx.QueryContext(ctx, `SELECT fid FROM follow_cache`))
	if err != nil {
		return r, err
	}
	for slices.Contains(used, strconv.FormatInt(r.fid, 10)) {
		r.fid++
	}
	if r.fid >= maxCached {
		return r, fmt.Errorf("more than %d followed searches kept", maxCached)
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO follow_cache(fid, name, query, match) VALUES(?, ?, ?, ?)`,
		r.fid, f.Name, f.Query, f.match); err != nil {
		return r, err
	}
	q, args := hitsSQL(f.prepared, "", "papers_fts")
	rows, err := tx.QueryContext(ctx, q, args...)
	if err != nil {
		return r, err
	}
	var ids []string
	for rows.Next() {
		var id string
		var unread bool
		if err := rows.Scan(&id, &unread); err != nil {
			rows.Close()
			return r, err
		}
		ids = append(ids, id)
		if unread {
			r.unread++
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return r, err
	}
	// In key order, so the inserts walk the b-tree instead of jumping.
	slices.Sort(ids)
	if err := insertHits(ctx, tx, r.fid, ids); err != nil {
		return r, err
	}
	r.total = len(ids)
	_, err = tx.ExecContext(ctx, `UPDATE follow_cache SET total = ?, unread = ? WHERE fid = ?`, r.total, r.unread, r.fid)
	return r, err
}

func insertHits(ctx context.Context, tx *sql.Tx, fid int64, ids []string) error {
	if len(ids) == 0 {
		return nil
	}
	stmt, err := tx.PrepareContext(ctx, `INSERT INTO follow_hits(id, mask) VALUES(?, ?)
		ON CONFLICT(id) DO UPDATE SET mask = mask | excluded.mask`)
	if err != nil {
		return err
	}
	defer stmt.Close()
	for _, id := range ids {
		if _, err := stmt.ExecContext(ctx, id, int64(1)<<fid); err != nil {
			return err
		}
	}
	return nil
}

// hitsSQL selects the id of each paper the prepared search f finds, and
// whether it is unread, among those restrict allows, its words matched in
// the full-text table fts: papers_fts, or follow_fts holding only the
// papers to match.
func hitsSQL(f Filter, restrict string, fts string) (string, []any) {
	match := f.fullMatch()
	_, rest := f.foldedNot()
	inner := f
	inner.Match, inner.columns, inner.Not, inner.textual = "", "", rest, false
	where, args := inner.where()
	var conds []string
	if restrict != "" {
		conds = append(conds, restrict)
	}
	if w := strings.TrimPrefix(where, " WHERE "); w != "" {
		conds = append(conds, w)
	}
	if match != "" {
		conds = append(conds, `p.pid IN (SELECT rowid FROM `+fts+` WHERE `+fts+` MATCH ?)`)
		args = append(args, match)
	}
	q := `SELECT p.id, r.id IS NULL FROM papers p LEFT JOIN read_marks r ON r.id = p.id`
	if len(conds) > 0 {
		q += ` WHERE ` + strings.Join(conds, " AND ")
	}
	return q, args
}

// cachedCounts fills in the counts of the cached searches: total and
// unread from the cache, new (arrived since newSince and not yet read)
// from the arrivals joined with the hits (a visit's arrivals are a day or
// a few, not the library).
func cachedCounts(ctx context.Context, db queryer, out []FollowCount, cache map[string]cacheRow, since int64) error {
	news := map[int64]int{}
	err := eachMask(db.QueryContext(ctx, `SELECT h.mask FROM (SELECT DISTINCT id FROM arrivals WHERE at > ?) a
		CROSS JOIN follow_hits h ON h.id = a.id
		WHERE a.id NOT IN (SELECT id FROM read_marks)`, since))(func(fid int64) { news[fid]++ })
	if err != nil {
		return err
	}
	for i := range out {
		if r, ok := cache[out[i].Name]; ok && out[i].cached {
			out[i].Total, out[i].Unread, out[i].New = r.total, r.unread, news[r.fid]
		}
	}
	return nil
}

// maskBits are the searches (fids) a follow_hits mask holds.
func maskBits(mask int64) []int64 {
	var out []int64
	for m := uint64(mask); m != 0; m &= m - 1 {
		out = append(out, int64(bits.TrailingZeros64(m)))
	}
	return out
}

// eachMask calls fn with each search of each mask the rows hold.
func eachMask(rows *sql.Rows, err error) func(fn func(fid int64)) error {
	return func(fn func(fid int64)) error {
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var mask int64
			if err := rows.Scan(&mask); err != nil {
				return err
			}
			for m := uint64(mask); m != 0; m &= m - 1 {
				fn(int64(bits.TrailingZeros64(m)))
			}
		}
		return rows.Err()
	}
}
