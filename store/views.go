package store

import (
	"cmp"
	"context"
	"database/sql"
	"fmt"
	"strings"
	"time"
	"unicode"

	"github.com/papertui/papers/store/query"
)

// Catching up: unread counts of views and days, marking a whole view read,
// and followed searches with their counts.

// UnreadCounts are the unread papers of a view: in all, and on each day
// asked for.
type UnreadCounts struct {
	Total int
	Days  map[string]int // day → unread papers of the view that day; days with none are absent
}

// Unread counts the unread papers of the view f, in all and on each of
// days (the day separators on screen).
func (s *Store) Unread(ctx context.Context, f Filter, days []string) (UnreadCounts, error) {
	if f.onlyDays() {
		return s.unreadOfDays(ctx, f, days)
	}
	g := f
	g.Unread, g.Read = true, false
	total, err := s.Count(ctx, g)
	if err != nil {
		return UnreadCounts{}, err
	}
	out := UnreadCounts{Total: total}
	out.Days, err = s.UnreadDays(ctx, f, days)
	return out, err
}

// UnreadDays counts the unread papers of the view f on each of days
// only, without the view's total (which costs a count of the whole view
// for a search): the day separators of rows just loaded. Days with none
// are absent.
func (s *Store) UnreadDays(ctx context.Context, f Filter, days []string) (map[string]int, error) {
	if len(days) == 0 {
		return map[string]int{}, nil
	}
	if f.onlyDays() {
		return s.unreadOfDayCounts(ctx, f, days)
	}
	f.Unread, f.Read = true, false
	f, err := s.prepare(ctx, f)
	if err != nil {
		return map[string]int{}, err
	}
	where, args := f.where()
	marks := strings.TrimSuffix(strings.Repeat("?,", len(days)), ",")
	for _, d := range days {
		args = append(args, d)
	}
	q := `SELECT p.day, count(*) FROM papers p` + stateJoins + where + ` AND p.day IN (` + marks + `) GROUP BY p.day`
	out, err := countsBy[string](ctx, s.db, q, args...)
	if err != nil {
		return map[string]int{}, explain(s.path, fmt.Errorf("count unread: %w", err))
	}
	return out, nil
}

// onlyDays says whether a view selects by feed day alone (the library, a
// day, a period), which the per-day counts answer.
// Whatever else narrows the view puts a condition in its WHERE clause, so
// a view whose clause is empty once its days are left out is those days
// whole (excluded words, symbol words and text: included).
func (f Filter) onlyDays() bool {
	g := f
	g.Day, g.Since, g.Until = "", "", ""
	where, _ := g.where()
	return where == "" && g.TitleKey == ""
}

// unreadOfDays counts a view of days from day_counts.
func (s *Store) unreadOfDays(ctx context.Context, f Filter, days []string) (UnreadCounts, error) {
	out := UnreadCounts{Days: map[string]int{}}
	var err error
	if out.Total, err = s.unreadOfPeriod(ctx, f); err != nil {
		return out, explain(s.path, fmt.Errorf("count unread: %w", err))
	}
	out.Days, err = s.unreadOfDayCounts(ctx, f, days)
	return out, err
}

// unreadOfDayCounts is each of days' unread papers in a view of days,
// from day_counts.
func (s *Store) unreadOfDayCounts(ctx context.Context, f Filter, days []string) (map[string]int, error) {
	var in []any
	for _, d := range days {
		if (f.Day != "" && d != f.Day) || (f.Since != "" && d < f.Since) || (f.Until != "" && d > f.Until) {
			continue
		}
		in = append(in, d)
	}
	if len(in) == 0 {
		return map[string]int{}, nil
	}
	marks := strings.TrimSuffix(strings.Repeat("?,", len(in)), ",")
	out, err := countsBy[string](ctx, s.db, `SELECT day, papers - read FROM day_counts WHERE day IN (`+marks+`) AND papers > read`, in...)
	if err != nil {
		return map[string]int{}, explain(s.path, fmt.Errorf("count unread: %w", err))
	}
	return out, nil
}

// unreadOfPeriod is the unread total of the library, a day or a period.
func (s *Store) unreadOfPeriod(ctx context.Context, f Filter) (int, error) {
	return s.countOfPeriod(ctx, f, "papers - read")
}

// countOfPeriod sums what (papers, or papers - read) of day_counts over
// the library, a day or a period. A period is summed over its days, or,
// when it holds most of the library's days, counted as the library less
// the days outside it: the sum costs a few microseconds a day, and the
// library holds thousands.
func (s *Store) countOfPeriod(ctx context.Context, f Filter, what string) (int, error) {
	var n int
	switch {
	case f.Day != "":
		if (f.Since != "" && f.Day < f.Since) || (f.Until != "" && f.Day > f.Until) {
			return 0, nil
		}
		err := s.db.QueryRowContext(ctx, `SELECT coalesce(sum(`+what+`), 0) FROM day_counts WHERE day = ?`, f.Day).Scan(&n)
		return n, err
	case f.Since == "" && f.Until == "":
		err := s.db.QueryRowContext(ctx, `SELECT `+what+` FROM library_counts`).Scan(&n)
		return n, err
	}
	// Feed days are dates, so "0" and "9" bound every one of them and
	// leave out '' (papers without a feed day are in no period).
	lo, hi := cmp.Or(f.Since, "0"), cmp.Or(f.Until, "9")
	var first, last sql.NullString
	if err := s.db.QueryRowContext(ctx, `SELECT (SELECT min(day) FROM day_counts WHERE day >= '0'),
		(SELECT max(day) FROM day_counts)`).Scan(&first, &last); err != nil {
		return 0, err
	}
	if !first.Valid || lo > hi {
		return 0, nil
	}
	if mostOf(first.String, last.String, max(lo, first.String), min(hi, last.String)) {
		err := s.db.QueryRowContext(ctx, `SELECT `+what+`
			- coalesce((SELECT sum(`+what+`) FROM day_counts WHERE day < ?), 0)
			- coalesce((SELECT sum(`+what+`) FROM day_counts WHERE day > ?), 0)
			FROM library_counts`, lo, hi).Scan(&n)
		return n, err
	}
	err := s.db.QueryRowContext(ctx, `SELECT coalesce(sum(`+what+`), 0) FROM day_counts
		WHERE day >= ? AND day <= ?`, lo, hi).Scan(&n)
	return n, err
}

// mostOf says whether the days from..to span more than half of first..last.
func mostOf(first, last, from, to string) bool {
	day := func(s string) float64 {
		t, err := time.Parse(time.DateOnly, s)
		if err != nil {
			return 0
		}
		return float64(t.Unix()) / 86400
	}
	return 2*(day(to)-day(from)) > day(last)-day(first)
}

// MarkViewRead marks every unread paper of the view f read, in one
// transaction that one Undo takes back, and says how many it marked.
func (s *Store) MarkViewRead(ctx context.Context, f Filter) (int, error) {
	f.Unread, f.Read = true, false
	f, err := s.prepare(ctx, f)
	if err != nil {
		return 0, err
	}
	where, args := f.where()
	// What undo names: the view as the mark took it.
	what := "mark all read"
	switch search := f.fullMatch() != ""; {
	case search && f.Day != "":
		what = "mark the search's papers of " + f.Day + " read"
	case search:
		what = "mark the search's papers read"
	case f.Day != "":
		what = "mark " + f.Day + " read"
	}
	var n int
	err = s.undoableTx(ctx, what, func(tx *sql.Tx, u *undoLog) error {
		// Each paper comes with what its mark changes: its feed day (in
		// its rowid) and the followed searches it is in.
		rows, err := tx.QueryContext(ctx, `SELECT p.id, p.pid, coalesce(h.mask, 0) FROM papers p`+stateJoins+
			` LEFT JOIN follow_hits h ON h.id = p.id`+where, args...)
		if err != nil {
			return err
		}
		var ps []markedPaper
		for rows.Next() {
			var m markedPaper
			if err := rows.Scan(&m.id, &m.pid, &m.mask); err != nil {
				rows.Close()
				return err
			}
			ps = append(ps, m)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return err
		}
		marked, err := markPapers(ctx, tx, ps, time.Now().Unix())
		u.ops.Unread = marked
		n = len(marked)
		return err
	})
	return n, err
}

// Follow is a followed search: a name for a query.
type Follow struct {
	Name    string    `json:"name"`
	Query   string    `json:"query"`
	AddedAt time.Time `json:"added_at"`
}

// Filter is the view the followed search names, newest first.
func (f Follow) Filter() (Filter, error) {
	q, err := query.Parse(f.Query)
	if err != nil {
		return Filter{}, fmt.Errorf("followed search %q: %w", f.Name, err)
	}
	return Filter{Sort: SortNewest}.Search(q), nil
}

// MaxFollowName bounds a followed search's name, in runes.
const MaxFollowName = 64

func checkFollowName(name string) error {
	if strings.TrimSpace(name) == "" {
		return fmt.Errorf("a followed search needs a name")
	}
	// A list of names is written with commas (digest --follow a,b) and
	// completed as words, so a name holds neither commas nor spaces.
	apart := func(r rune) bool { return r == ',' || unicode.IsSpace(r) }
	if strings.ContainsFunc(name, apart) {
		return fmt.Errorf("a followed search's name holds no comma or space: %q; join its words with - or _ (%s)", name, strings.Join(strings.FieldsFunc(name, apart), "-"))
	}
	if n := len([]rune(name)); n > MaxFollowName {
		return fmt.Errorf("name %q is %d characters long; at most %d", name, n, MaxFollowName)
	}
	if strings.ContainsFunc(name, func(r rune) bool { return unicode.IsControl(r) || unicode.Is(unicode.Cf, r) }) {
		return fmt.Errorf("name %q holds control characters", name)
	}
	return nil
}

// AddFollow follows a search under a name. The query must parse; a name
// already in use is refused rather than silently replaced.
func (s *Store) AddFollow(ctx context.Context, name, q string) error {
	if err := checkFollowName(name); err != nil {
		return followRefused{err}
	}
	if _, err := query.Parse(q); err != nil {
		return followRefused{fmt.Errorf("follow %q: %w", name, err)}
	}
	return s.stateTx(ctx, "follow "+name, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `INSERT INTO follows(name, query, added_at) VALUES(?, ?, ?)
			ON CONFLICT(name) DO NOTHING`, name, q, time.Now().Unix())
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return followRefused{fmt.Errorf("a search is already followed as %q; remove it first", name)}
		}
		return nil
	})
}

// RemoveFollow stops following a search.
func (s *Store) RemoveFollow(ctx context.Context, name string) error {
	return s.stateTx(ctx, "unfollow "+name, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `DELETE FROM follows WHERE name = ?`, name)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return ErrUnknownFollow // stateTx names it
		}
		// Its kept papers go with it (they are found again if it returns).
		var fid int64
		err = tx.QueryRowContext(ctx, `SELECT fid FROM follow_cache WHERE name = ?`, name).Scan(&fid)
		if err == sql.ErrNoRows {
			return nil
		}
		if err != nil {
			return err
		}
		return dropCached(ctx, tx, []any{fid})
	})
}

// Follows lists the followed searches by name.
func (s *Store) Follows(ctx context.Context) ([]Follow, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT name, query, added_at FROM follows ORDER BY name`)
	if err != nil {
		return nil, explain(s.path, fmt.Errorf("list followed searches: %w", err))
	}
	defer rows.Close()
	out := []Follow{}
	for rows.Next() {
		var f Follow
		var at int64
		if err := rows.Scan(&f.Name, &f.Query, &at); err != nil {
			return nil, err
		}
		f.AddedAt = time.Unix(at, 0)
		// A search followed before control characters were refused
		// (query.Parse) is read without them, so it still counts.
		f.Query = strings.Map(func(r rune) rune {
			if unicode.IsControl(r) && r != '\t' && r != '\n' && r != '\r' {
				return -1
			}
			return r
		}, f.Query)
		out = append(out, f)
	}
	return out, rows.Err()
}

// FollowByName is one followed search.
func (s *Store) FollowByName(ctx context.Context, name string) (Follow, error) {
	all, err := s.Follows(ctx)
	if err != nil {
		return Follow{}, err
	}
	for _, f := range all {
		if f.Name == name {
			return f, nil
		}
	}
	return Follow{}, fmt.Errorf("%q: %w", name, ErrUnknownFollow)
}

// FollowCount is a followed search with its counts.
type FollowCount struct {
	Follow
	Total  int `json:"total"`
	Unread int `json:"unread"`
	New    int `json:"new"`

	cached bool // counted from the cache (see followcache.go)
}

// FollowCounts counts each followed search's papers, its unread papers
// and those new: arrived since newSince (unix milliseconds; zero: since
// the reader last looked) and not yet read. Searches of the papers alone are read from the cache,
// brought up to date first if a write or a change of the follows left it
// behind; the others are counted afresh.
func (s *Store) FollowCounts(ctx context.Context, newSince int64) ([]FollowCount, error) {
	follows, err := s.Follows(ctx)
	if err != nil {
		return nil, err
	}
	prepared, err := s.prepareFollows(ctx, follows)
	if err != nil {
		return nil, err
	}
	since, err := s.newSince(ctx, newSince)
	if err != nil {
		return nil, err
	}
	out := make([]FollowCount, len(prepared))
	for i, f := range prepared {
		out[i] = FollowCount{Follow: f.Follow, cached: f.cacheOK}
	}
	if err := s.readCachedCounts(ctx, prepared, out, since); err != nil {
		if sqliteCode(err) != 8 { // SQLITE_READONLY: count everything afresh
			return nil, explain(s.path, fmt.Errorf("count followed searches: %w", err))
		}
		for i := range out {
			out[i].cached = false
		}
	}
	var floor int64 = -1
	for i := range out {
		if out[i].cached {
			continue
		}
		if floor < 0 {
			if floor, err = s.newFloor(ctx, newSince); err != nil {
				return nil, err
			}
		}
		if err := s.countAfresh(ctx, &out[i], newSince, floor); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// readCachedCounts fills in the counts of the cacheable searches, first
// bringing the cache up to date (one transaction) when it is behind.
func (s *Store) readCachedCounts(ctx context.Context, prepared []cachedFollow, out []FollowCount, since int64) error {
	cache, err := readCache(ctx, s.db)
	if err != nil {
		return err
	}
	ok, err := cacheCurrent(ctx, s.db, prepared, cache)
	if err != nil {
		return err
	}
	if ok {
		return cachedCounts(ctx, s.db, out, cache, since)
	}
	return s.inTx(ctx, func(tx *sql.Tx) error {
		cache, err := refreshCache(ctx, tx, prepared)
		if err != nil {
			return err
		}
		return cachedCounts(ctx, tx, out, cache, since)
	})
}

// countAfresh counts one search over the whole library.
func (s *Store) countAfresh(ctx context.Context, c *FollowCount, newSince, floor int64) error {
	f, err := c.Filter()
	if err != nil {
		return err
	}
	f.NewSince = newSince
	if c.Total, err = s.Count(ctx, f); err != nil {
		return fmt.Errorf("count %q: %w", c.Name, err)
	}
	if c.Unread, err = s.countUnread(ctx, f); err != nil {
		return fmt.Errorf("count %q: %w", c.Name, err)
	}
	n := f
	n.Daily.New, n.Unread, n.Read = true, true, false // new: arrived and not yet read
	if c.New, err = s.countNew(ctx, n, floor); err != nil {
		return fmt.Errorf("count %q: %w", c.Name, err)
	}
	return nil
}

// newSince is when "new" starts as is:new takes it: newSince when set,
// else the last visit (zero: never, and every arrival is new).
func (s *Store) newSince(ctx context.Context, newSince int64) (int64, error) {
	f, err := s.prepareDaily(ctx, Filter{Daily: query.Daily{New: true}, NewSince: newSince})
	return f.NewSince, err
}

// newFloor is the lowest rowid among the papers new since newSince: new
// papers sit on the newest feed days, so a search's new papers are found
// by walking only its hits from there on (rowids follow feed days).
func (s *Store) newFloor(ctx context.Context, newSince int64) (int64, error) {
	since, err := s.newSince(ctx, newSince)
	if err != nil {
		return 0, err
	}
	var floor sql.NullInt64
	err = s.db.QueryRowContext(ctx, `SELECT min(p.pid) FROM arrivals a JOIN papers p ON p.id = a.id
		WHERE a.at > ?`, since).Scan(&floor)
	if err != nil {
		return 0, explain(s.path, fmt.Errorf("count new papers: %w", err))
	}
	return floor.Int64, nil
}

// countNew counts the new papers of a view whose new papers all have a
// rowid of at least floor.
func (s *Store) countNew(ctx context.Context, f Filter, floor int64) (int, error) {
	f, err := s.prepare(ctx, f)
	if err != nil {
		return 0, err
	}
	if f.fullMatch() == "" {
		return s.Count(ctx, f)
	}
	inner := f
	inner.Match, inner.columns = "", ""
	where, args := inner.where()
	q := `SELECT count(*) FROM papers_fts f JOIN papers p ON p.pid = f.rowid` + stateJoins +
		` WHERE papers_fts MATCH ? AND f.rowid >= ? AND ` + strings.TrimPrefix(where, " WHERE ")
	var n int
	err = s.db.QueryRowContext(ctx, q, append([]any{f.fullMatch(), floor}, args...)...).Scan(&n)
	if err != nil {
		return 0, explain(s.path, fmt.Errorf("count new papers: %w", err))
	}
	return n, nil
}

// countUnread counts a view's unread papers. A search of words alone (the
// usual followed search) is counted as its hits in the full-text index,
// which needs no join, less those of its hits that are read, found from
// the read marks: a tenth of the cost of joining every hit to its paper
// and read mark.
func (s *Store) countUnread(ctx context.Context, f Filter) (int, error) {
	f.Unread, f.Read = true, false
	p, err := s.prepare(ctx, f)
	if err != nil {
		return 0, err
	}
	words := p
	words.Match, words.columns, words.TitleKey, words.textual = "", "", "", false
	words.Unread = false
	if p.fullMatch() == "" || !words.onlyDays() || words.Day != "" || words.Since != "" || words.Until != "" {
		return s.Count(ctx, f)
	}
	var hits, read int
	m := p.fullMatch()
	if err := s.db.QueryRowContext(ctx, `SELECT count(*) FROM papers_fts WHERE papers_fts MATCH ?`, m).Scan(&hits); err != nil {
		return 0, explain(s.path, fmt.Errorf("count unread: %w", err))
	}
	if err := s.db.QueryRowContext(ctx, `SELECT count(*) FROM read_marks r JOIN papers p ON p.id = r.id
		WHERE +p.pid IN (SELECT rowid FROM papers_fts WHERE papers_fts MATCH ?)`, m).Scan(&read); err != nil {
		return 0, explain(s.path, fmt.Errorf("count unread: %w", err))
	}
	return hits - read, nil
}
