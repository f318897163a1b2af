package store

import (
	"context"
	"database/sql"
	"fmt"
	"slices"
	"strings"
)

// The rising order (risingOrder) in three runs: the papers that gained
// upvotes since the reader last showed them, biggest gain first; then
// every paper whose upvotes did not change (never shown, or unchanged),
// newest first; then those that lost upvotes. The two small runs are
// counted and paged off the rising table's index (migration 0009); the
// large middle one is newest order less those papers, so a page of it is
// read off papers_by_day like newest's pages (one deep in the whole
// library starting at its feed day), and a position in it counted by
// feed days. Ties in a gain fall back to newest order too. A filter or
// search narrows each run through the papers' rows: the moved runs cost
// what the moved papers number, the middle one what newest costs.

// risingPaper is a paper of the view: its gain (0: unchanged) and its
// key in newest order.
type risingPaper struct {
	id      string
	pid     int64
	gain    int
	day     sql.NullString
	upvotes int
}

// newestBefore says whether a comes before b in newest order (day
// descending, papers without a day last; then upvotes descending; then
// rowid), the order of papers_by_day and of orderTerms' newest.
func newestBefore(aDay sql.NullString, aUp int, aPid int64, bDay sql.NullString, bUp int, bPid int64) bool {
	if aDay.Valid != bDay.Valid {
		return aDay.Valid
	}
	if aDay.String != bDay.String {
		return aDay.String > bDay.String
	}
	if aUp != bUp {
		return aUp > bUp
	}
	return aPid < bPid
}

// risingRuns is how many of the view's papers gained (up) and lost
// (down) upvotes.
type risingRuns struct {
	nUp, nDown int
}

// risingFrom is the FROM and WHERE over the moved papers of the view f:
// the rising table alone for the whole library, else joined with the
// papers' rows to test them.
func risingFrom(f Filter) (from, where string, args []any) {
	where, args = f.where()
	if where == "" {
		return ` FROM rising g`, "", nil
	}
	return ` FROM rising g CROSS JOIN papers p ON p.pid = g.pid` + stateJoins, where, args
}

// risingCounts is how many papers of the view rose and fell, counted off
// the rising_by_gain index for the whole library.
func (s *Store) risingCounts(ctx context.Context, f Filter) (risingRuns, error) {
	from, where, args := risingFrom(f)
	var r risingRuns
	err := s.db.QueryRowContext(ctx, `SELECT count(*) FILTER (WHERE g.gain > 0), count(*) FILTER (WHERE g.gain < 0)`+from+where, args...).
		Scan(&r.nUp, &r.nDown)
	if err != nil {
		return r, explain(s.path, fmt.Errorf("count the papers that moved: %w", err))
	}
	return r, nil
}

// risingRun is [offset, offset+limit) of the papers of the view that rose
// (sign ">") or fell ("<"), in the rising order.
func (s *Store) risingRun(ctx context.Context, f Filter, sign string, offset, limit int) ([]int64, error) {
	if limit <= 0 {
		return nil, nil
	}
	from, where, args := risingFrom(f)
	return s.pidsOf(ctx, `SELECT g.pid`+from+and(where, `g.gain `+sign+` 0`)+
		` ORDER BY g.gain DESC, g.day DESC, g.upvotes DESC, g.pid LIMIT ? OFFSET ?`, append(args, limit, offset)...)
}

// moved is how many papers of the view changed.
func (r risingRuns) moved() int { return r.nUp + r.nDown }

// excluded is the condition leaving the changed papers out of the
// middle run: a look-up by rowid, which papers_by_day carries, for each
// paper the page steps over.
func (r risingRuns) excluded() string {
	if r.moved() == 0 {
		return ""
	}
	return "NOT EXISTS (SELECT 1 FROM rising g WHERE g.pid = p.pid)"
}

// and adds cond to a WHERE clause (empty or " WHERE …").
func and(where, cond string) string {
	switch {
	case cond == "":
		return where
	case where == "":
		return " WHERE " + cond
	}
	return where + " AND " + cond
}

// risingPids is the page [offset, offset+limit) of the rising order of f
// (prepared), as rowids: from the papers that rose, the unchanged ones
// and those that fell, in turn.
func (s *Store) risingPids(ctx context.Context, f Filter, offset, limit int) ([]int64, error) {
	r, err := s.risingCounts(ctx, f)
	if err != nil {
		return nil, err
	}
	out, err := s.risingRun(ctx, f, ">", offset, min(offset+limit, r.nUp)-offset)
	if err != nil || len(out) == limit {
		return out, err
	}
	start := max(0, offset-r.nUp)
	middle, size, err := s.unchangedPids(ctx, f, r, start, limit-len(out))
	if err != nil {
		return nil, err
	}
	out = append(out, middle...)
	if len(out) == limit {
		return out, nil
	}
	if size < 0 {
		// The page starts past the middle run: how long it is takes a count.
		if size, err = s.unchangedCount(ctx, f, r); err != nil {
			return nil, err
		}
	}
	from := max(0, offset-r.nUp-size)
	down, err := s.risingRun(ctx, f, "<", from, min(limit-len(out), r.nDown-from))
	return append(out, down...), err
}

// unchangedCount is how many papers of the view did not change.
func (s *Store) unchangedCount(ctx context.Context, f Filter, r risingRuns) (int, error) {
	total := f.Total
	if total <= 0 {
		var err error
		if total, err = s.Count(ctx, f); err != nil {
			return 0, err
		}
	}
	return max(0, total-r.moved()), nil
}

// unchangedPids is [start, start+n) of the papers of the view that did
// not change, in newest order, and how many there are when the page
// reached their end (-1 when that is not known): a page past the middle
// is read backwards from the end, as newest's are (selectFromEndSQL).
func (s *Store) unchangedPids(ctx context.Context, f Filter, r risingRuns, start, n int) ([]int64, int, error) {
	where, args := f.where()
	fromEnd := f.Total > 0 && start > (f.Total-r.moved())/2 // counted: the end is a short walk away
	if where == "" && start >= deepOffset && !fromEnd {
		return s.unchangedByDay(ctx, r, start, n)
	}
	where = and(where, r.excluded())
	from := f.from()
	newest := Filter{}.orderTerms()
	if start >= deepOffset {
		size, err := s.unchangedCount(ctx, f, r)
		if err != nil {
			return nil, 0, err
		}
		if start > size/2 {
			end := min(start+n, size)
			pids, err := s.pidsOf(ctx, `SELECT p.pid`+from+where+orderClause(newest, true)+` LIMIT ? OFFSET ?`,
				append(args, max(0, end-start), size-end)...)
			slices.Reverse(pids)
			return pids, size, err
		}
	}
	pids, err := s.pidsOf(ctx, `SELECT p.pid`+from+where+orderClause(newest, false)+` LIMIT ? OFFSET ?`,
		append(args, n, start)...)
	size := -1
	if len(pids) < n && (len(pids) > 0 || start == 0) {
		size = start + len(pids)
	}
	return pids, size, err
}

// pidsOf is the pids a query selects, in its order.
func (s *Store) pidsOf(ctx context.Context, q string, args ...any) ([]int64, error) {
	pids, err := collect[int64](s.db.QueryContext(ctx, q, args...))
	if err != nil {
		return nil, explain(s.path, fmt.Errorf("list papers: %w", err))
	}
	return pids, nil
}

// risingPositions is the 0-based index of each of ids in the rising
// order of f (prepared), absent for those it does not hold: a
// paper that moved is found in its run; an unchanged one is counted in
// newest order by feed day (the days before its own, then its rank in
// its day), less the papers that moved ahead of it.
func (s *Store) risingPositions(ctx context.Context, f Filter, ids []string) (map[string]int, error) {
	out := map[string]int{}
	held, err := s.heldPapers(ctx, f, ids)
	if err != nil || len(held) == 0 {
		return out, err
	}
	r, err := s.risingCounts(ctx, f)
	if err != nil {
		return nil, err
	}
	byPid := map[int64]risingPaper{}
	var unchanged []risingPaper
	var rose, fell bool
	for _, p := range held {
		byPid[p.pid] = p
		switch {
		case p.gain > 0:
			rose = true
		case p.gain < 0:
			fell = true
		default:
			unchanged = append(unchanged, p)
		}
	}
	if rose {
		if err := s.placeRun(ctx, f, ">", r.nUp, 0, byPid, out); err != nil {
			return nil, err
		}
	}
	if fell {
		// Those that fell come after every unchanged paper.
		size, err := s.unchangedCount(ctx, f, r)
		if err != nil {
			return nil, err
		}
		if err := s.placeRun(ctx, f, "<", r.nDown, r.nUp+size, byPid, out); err != nil {
			return nil, err
		}
	}
	if len(unchanged) == 0 {
		return out, nil
	}
	return out, s.unchangedPositions(ctx, f, r, unchanged, out)
}

// placeRun adds to out where the held papers of one run (sign as in
// risingRun, n papers long) are, the run starting at base.
func (s *Store) placeRun(ctx context.Context, f Filter, sign string, n, base int, held map[int64]risingPaper, out map[string]int) error {
	pids, err := s.risingRun(ctx, f, sign, 0, n)
	if err != nil {
		return err
	}
	for i, pid := range pids {
		if p, ok := held[pid]; ok {
			out[p.id] = base + i
		}
	}
	return nil
}

// heldPapers is those of ids the view f holds, with their newest-order
// keys and their gain (0: unchanged).
func (s *Store) heldPapers(ctx context.Context, f Filter, ids []string) ([]risingPaper, error) {
	where, args := f.whereAmong(ids)
	q := `SELECT p.id, p.pid, p.day, p.upvotes, coalesce((SELECT gain FROM rising g WHERE g.pid = p.pid), 0)` +
		f.from() + where
	rows, err := s.db.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, explain(s.path, fmt.Errorf("find papers in the view: %w", err))
	}
	defer rows.Close()
	var held []risingPaper
	for rows.Next() {
		var p risingPaper
		if err := rows.Scan(&p.id, &p.pid, &p.day, &p.upvotes, &p.gain); err != nil {
			return nil, fmt.Errorf("find papers in the view: %w", err)
		}
		held = append(held, p)
	}
	return held, rows.Err()
}

// unchangedPositions adds to out the position of each of held (unchanged
// papers of the view) in the rising order, after those that rose.
func (s *Store) unchangedPositions(ctx context.Context, f Filter, r risingRuns, held []risingPaper, out map[string]int) error {
	where, args := f.where()
	from := f.from()
	// Held papers share few days (a selection and its neighbours): the
	// days are counted in one pass and their papers ranked in one query.
	days := map[string]bool{}
	for _, p := range held {
		days[p.day.String] = true // '' for no day, as day_counts has it
	}
	ahead, err := s.papersBefore(ctx, from, where, args, days)
	if err != nil {
		return err
	}
	ranks, err := s.dayRanks(ctx, from, where, args, days)
	if err != nil {
		return err
	}
	before, err := s.movedBefore(ctx, f, held)
	if err != nil {
		return err
	}
	for _, p := range held {
		out[p.id] = r.nUp + ahead[p.day.String] + ranks[p.pid] - before[p.pid]
	}
	return nil
}

// movedBefore is, for each of held, how many papers of the view that
// moved come before it in newest order: those of later days than the
// held papers' are counted, those of the held papers' days read.
func (s *Store) movedBefore(ctx context.Context, f Filter, held []risingPaper) (map[int64]int, error) {
	from, where, args := risingFrom(f)
	count := func(cond string, a ...any) (int, error) {
		var n int
		err := s.db.QueryRowContext(ctx, `SELECT count(*)`+from+and(where, cond), append(slices.Clone(args), a...)...).Scan(&n)
		if err != nil {
			return 0, explain(s.path, fmt.Errorf("count the papers that moved: %w", err))
		}
		return n, nil
	}
	newest, oldest, dayless := "", "", false
	for _, p := range held {
		switch {
		case !p.day.Valid:
			dayless = true
		case oldest == "":
			newest, oldest = p.day.String, p.day.String
		default:
			newest, oldest = max(newest, p.day.String), min(oldest, p.day.String)
		}
	}
	var near []risingPaper
	var later, dated int
	var err error
	if newest != "" {
		if later, err = count(`g.day > ?`, newest); err != nil {
			return nil, err
		}
		if near, err = s.movedKeys(ctx, from+and(where, `g.day BETWEEN ? AND ?`), append(slices.Clone(args), oldest, newest)); err != nil {
			return nil, err
		}
	}
	if dayless {
		// Every moved paper with a day comes before one without.
		if dated, err = count(`g.day IS NOT NULL`); err != nil {
			return nil, err
		}
		more, err := s.movedKeys(ctx, from+and(where, `g.day IS NULL`), args)
		if err != nil {
			return nil, err
		}
		near = append(near, more...)
	}
	before := map[int64]int{}
	for _, p := range held {
		n := later
		if !p.day.Valid {
			n = dated
		}
		for _, m := range near {
			if m.day.Valid == p.day.Valid && newestBefore(m.day, m.upvotes, m.pid, p.day, p.upvotes, p.pid) {
				n++
			}
		}
		before[p.pid] = n
	}
	return before, nil
}

// movedKeys reads the newest-order keys of the moved papers fromWhere
// (over rising g) selects.
func (s *Store) movedKeys(ctx context.Context, fromWhere string, args []any) ([]risingPaper, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT g.pid, g.day, g.upvotes`+fromWhere, args...)
	if err != nil {
		return nil, explain(s.path, fmt.Errorf("read the papers that moved: %w", err))
	}
	defer rows.Close()
	var out []risingPaper
	for rows.Next() {
		var m risingPaper
		if err := rows.Scan(&m.pid, &m.day, &m.upvotes); err != nil {
			return nil, fmt.Errorf("read the papers that moved: %w", err)
		}
		out = append(out, m)
	}
	return out, rows.Err()
}

// papersBefore is, for each of days (” for papers without one), how many
// papers of the view come before that day in newest order: later days
// first, papers without a day last. The whole library's days are counted
// already (day_counts); a narrower view's are counted in one pass.
func (s *Store) papersBefore(ctx context.Context, from, where string, args []any, days map[string]bool) (map[string]int, error) {
	q := `SELECT coalesce(p.day, '') AS d, count(*)` + from + where + ` GROUP BY 1 ORDER BY d = '', d DESC`
	n := 0
	if where == "" {
		// Summed in SQL up to the newest of the days, then read a day at
		// a time from there: a selection's days are a few neighbours.
		newest := ""
		for d := range days {
			newest = max(newest, d)
		}
		q, args = `SELECT day, papers FROM day_counts WHERE day <= ?1 OR ?1 = '' ORDER BY day DESC`, []any{newest}
		if err := s.db.QueryRowContext(ctx, `SELECT coalesce(sum(papers), 0) FROM day_counts WHERE day > ? AND ? <> ''`,
			newest, newest).Scan(&n); err != nil {
			return nil, explain(s.path, fmt.Errorf("count the papers of each day: %w", err))
		}
	}
	rows, err := s.db.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, explain(s.path, fmt.Errorf("count the papers of each day: %w", err))
	}
	defer rows.Close()
	before := map[string]int{}
	left := len(days)
	for rows.Next() {
		var day string
		var papers int
		if err := rows.Scan(&day, &papers); err != nil {
			return nil, fmt.Errorf("count the papers of each day: %w", err)
		}
		if days[day] {
			before[day] = n
			if left--; left == 0 {
				break // the oldest of the days reached
			}
		}
		n += papers
	}
	return before, rows.Err()
}

// dayRanks is each paper of the view on days at its rank within its day
// in newest order.
func (s *Store) dayRanks(ctx context.Context, from, where string, args []any, days map[string]bool) (map[int64]int, error) {
	var conds []string
	qargs := slices.Clone(args)
	var dated []string
	for d := range days {
		if d == "" {
			conds = append(conds, "p.day IS NULL")
		} else {
			dated = append(dated, "?")
			qargs = append(qargs, d)
		}
	}
	if len(dated) > 0 {
		conds = append(conds, "p.day IN ("+strings.Join(dated, ",")+")")
	}
	q := `SELECT p.pid, coalesce(p.day, '')` + from + and(where, "("+strings.Join(conds, " OR ")+")") +
		orderClause(Filter{}.orderTerms(), false)
	rows, err := s.db.QueryContext(ctx, q, qargs...)
	if err != nil {
		return nil, explain(s.path, fmt.Errorf("rank the papers of %d days: %w", len(days), err))
	}
	defer rows.Close()
	ranks := map[int64]int{}
	last, i := "", 0
	for rows.Next() {
		var pid int64
		var day string
		if err := rows.Scan(&pid, &day); err != nil {
			return nil, fmt.Errorf("rank the papers of %d days: %w", len(days), err)
		}
		if day != last {
			last, i = day, 0
		}
		ranks[pid] = i
		i++
	}
	return ranks, rows.Err()
}

// unchangedByDay is unchangedPids for the whole library: the feed days'
// counts (day_counts, less the papers that moved) say which day the page
// starts in, and the page is read from there off papers_by_day, so a page
// in the middle of 100,000 papers steps over a day's papers at most, not
// 50,000. Papers without a day come last.
func (s *Store) unchangedByDay(ctx context.Context, r risingRuns, start, n int) ([]int64, int, error) {
	size, skip, from, err := s.unchangedStart(ctx, start)
	if err != nil || skip < 0 {
		return nil, size, err // past the end
	}
	where := and(" WHERE p.day IS NULL", r.excluded())
	order := ` ORDER BY p.upvotes DESC, p.pid`
	var args []any
	if from != "" {
		where, args = and(" WHERE p.day <= ?", r.excluded()), []any{from}
		order = orderClause(Filter{}.orderTerms(), false)
	}
	pids, err := s.pidsOf(ctx, `SELECT p.pid FROM papers p`+where+order+` LIMIT ? OFFSET ?`, append(args, n, skip)...)
	if err != nil || len(pids) == n || from == "" {
		return pids, size, err
	}
	// The page runs on past the last feed day into the papers without one.
	more, err := s.pidsOf(ctx, `SELECT p.pid FROM papers p`+and(" WHERE p.day IS NULL", r.excluded())+` ORDER BY p.upvotes DESC, p.pid LIMIT ?`,
		n-len(pids))
	return append(pids, more...), size, err
}

// unchangedStart finds the feed day where the unchanged paper at start
// (in newest order) is, from each day's papers less those that moved, and
// how many unchanged papers of that day come before it; skip is -1 past
// the end. size is how many papers did not change. Summed in Go, as far
// as that day: SQLite's window sum over the days cost five times as much.
func (s *Store) unchangedStart(ctx context.Context, start int) (size, skip int, from string, err error) {
	// '' (no day) sorts below every date: last, as in newest order.
	err = s.db.QueryRowContext(ctx, `SELECT (SELECT papers FROM library_counts) - (SELECT count(*) FROM rising)`).Scan(&size)
	if err != nil {
		return 0, 0, "", explain(s.path, fmt.Errorf("count the papers that did not move: %w", err))
	}
	if start >= size {
		return size, -1, "", nil
	}
	movedOn, err := countsBy[string](ctx, s.db, `SELECT coalesce(day, ''), count(*) FROM rising GROUP BY 1`)
	if err != nil {
		return 0, 0, "", explain(s.path, fmt.Errorf("count the papers that moved: %w", err))
	}
	rows, err := s.db.QueryContext(ctx, `SELECT day, papers FROM day_counts ORDER BY day DESC`)
	if err != nil {
		return 0, 0, "", explain(s.path, fmt.Errorf("count the papers of each day: %w", err))
	}
	defer rows.Close()
	n := 0
	for rows.Next() {
		var day string
		var papers int
		if err := rows.Scan(&day, &papers); err != nil {
			return 0, 0, "", fmt.Errorf("count the papers of each day: %w", err)
		}
		kept := papers - movedOn[day]
		if start < n+kept {
			return size, start - n, day, nil
		}
		n += kept
	}
	return size, -1, "", rows.Err()
}
