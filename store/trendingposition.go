package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"math"
	"slices"
	"strings"
	"time"
)

// countBeforeTrending is countBefore in the trending order without
// computing every paper's score (0.4 s at 100,000 papers, whatever the
// paper's place). A paper outscores one scoring k > 0 only if, on its
// feed day d, its upvotes reach k·(age(d)+2)^1.5: so the rows before it
// are, day by day, a range of the (day, upvotes) index, and only those
// rows have their score computed, compared exactly as ORDER BY compares
// them (ties on the score by id). Days too old for even the most upvoted
// paper to reach k are not visited. A paper scoring nothing comes after
// every paper with an upvote, and among those with none by id.
func (s *Store) countBeforeTrending(ctx context.Context, f Filter, id string) (int, error) {
	score := f.orderTerms()[0].expr
	var k float64
	var maxUp int64
	err := s.db.QueryRowContext(ctx, `SELECT `+score+`, (SELECT coalesce(max(upvotes), 0) FROM papers)
		FROM papers p WHERE p.id = ?`, id).Scan(&k, &maxUp)
	if errors.Is(err, sql.ErrNoRows) {
		return -1, fmt.Errorf("%s: %w", id, ErrUnknownPaper)
	}
	if err != nil {
		return -1, explain(s.path, fmt.Errorf("find paper %s in the view: %w", id, err))
	}
	where, whereArgs := f.where()
	from := f.from()
	var q string
	var args []any
	if k <= 0 {
		q = `WITH me AS (SELECT p.id AS id FROM papers p WHERE p.id = ?)
			SELECT (SELECT count(*)` + from + and(where, "p.upvotes > 0") + `)
			+ (SELECT count(*)` + from + and(where, "p.upvotes <= 0 AND p.id < me.id") + `) FROM me`
		args = append(append(append(args, id), whereArgs...), whereArgs...)
	} else {
		// Rows scoring at least as much as the paper, each compared as
		// ORDER BY does; the ranges below only keep the rows to compare
		// few, loosened for rounding.
		before := "(" + score + " > me.k OR " + score + " = me.k AND p.id < me.id)"
		reach := "p.upvotes >= CAST(me.k * pow(max(julianday('now') - julianday(%s), 0) + 2, 1.5) * 0.999 AS INTEGER) - 1"
		days := ` FROM day_counts dc CROSS JOIN` + strings.TrimPrefix(from, " FROM")
		dayConds := "dc.day >= ? AND dc.day <> '' AND p.day = dc.day AND " + fmt.Sprintf(reach, "dc.day") + " AND " + before
		noDayConds := "p.day IS NULL AND " + fmt.Sprintf(reach, "'2000-01-01'") + " AND " + before
		q = `WITH me AS (SELECT ` + score + ` AS k, p.id AS id FROM papers p WHERE p.id = ?)
			SELECT (SELECT count(*)` + days + and(where, dayConds) + `)
			+ (SELECT count(*)` + from + and(where, noDayConds) + `) FROM me`
		args = append(append(append(append(args, id), whereArgs...), oldestReaching(k, maxUp, time.Now().UTC())), whereArgs...)
	}
	var n int
	if err := s.db.QueryRowContext(ctx, q, args...).Scan(&n); err != nil {
		return -1, explain(s.path, fmt.Errorf("find paper %s in the view: %w", id, err))
	}
	return n, nil
}

// oldestReaching is the oldest feed day on which a paper of maxUp
// upvotes still scores k: (maxUp/k)^(2/3) − 2 days before now, with two
// days to spare for the clock; "" when that reaches back past every day.
func oldestReaching(k float64, maxUp int64, now time.Time) string {
	age := math.Pow(float64(maxUp)/k, 2.0/3) - 2
	if age >= 20*365 {
		return ""
	}
	return now.Add(-time.Duration((max(age, 0)+2)*24) * time.Hour).Format(time.DateOnly)
}

// trendingTailSQL is a deep page of the trending order (`G`) without
// scoring every paper: the order ends with the papers of no upvote, all
// scoring 0, by id, so a page among them is read off their own rows. ok
// is false for any other page or order.
func (s *Store) trendingTailSQL(ctx context.Context, f Filter, columns string, offset, limit, total int) (string, []any, bool, error) {
	if f.Sort != SortTrending {
		return "", nil, false, nil
	}
	where, args := f.where()
	none := and(where, "p.upvotes = 0")
	var zero int
	if err := s.db.QueryRowContext(ctx, `SELECT count(*)`+f.from()+none, args...).Scan(&zero); err != nil {
		return "", nil, false, explain(s.path, fmt.Errorf("count the papers without upvotes: %w", err))
	}
	if offset < total-zero {
		return "", nil, false, nil
	}
	end := min(offset+limit, total)
	if total-end < 2000 {
		// Near the end, walk the ids backwards and skip the upvoted: the
		// upvotes index would gather every paper without one to sort
		// them by id (0.2 s at 100,000).
		none = and(where, "+p.upvotes = 0")
	}
	inner := "SELECT p.pid FROM papers p" + stateJoins + none + " ORDER BY p.id DESC LIMIT ? OFFSET ?"
	args = append(slices.Clip(args), max(0, end-offset), total-end)
	return pageOf(columns, inner, orderClause(f.orderTerms(), false)), args, true, nil
}

// trendingBandFrom is the first page end (offset + limit) read as a band
// of scores: above it, the bounds of trending.go narrow the view.
var trendingBandFrom = trendingTopMax

// trendingBandSQL is a page of the trending order past the first
// trendingBandFrom papers without sorting the whole view by score and
// id: reading each row for its id, to break ties, took most of a deep
// page (1.4 s at 100,000 papers). The page's scores are found first,
// sorted alone off the covering (day, upvotes) index; its rows then lie
// in that band of scores, after the rows scoring more, and only the
// band's rows are read for their id and sorted. One statement, so every
// score is computed at the same 'now'. fromEnd counts the ranks from the
// end of the view (total papers), for the pages of its second half. ok
// is false for any other order or page.
func trendingBandSQL(f Filter, columns string, offset, limit, total int, fromEnd bool) (string, []any, bool) {
	if f.Sort != SortTrending || limit <= 0 || offset+limit <= trendingBandFrom {
		return "", nil, false
	}
	score := f.orderTerms()[0].expr
	where, whereArgs := f.where()
	from := f.from()
	// Read from the top, or backwards from the end for the second half:
	// skip is the page's rank in the direction read, near the band's
	// score nearest the rows read before it.
	dir, idDir, before, near, skip, n := "DESC", "ASC", ">", "hi", offset, limit
	if fromEnd {
		end := min(offset+limit, total)
		dir, idDir, before, near, skip, n = "ASC", "DESC", "<", "lo", total-end, max(0, end-offset)
	}
	inner := `WITH page AS (SELECT ` + score + ` AS score` + from + where + ` ORDER BY score ` + dir + ` LIMIT ? OFFSET ?),
		band AS MATERIALIZED (SELECT min(score) AS lo, max(score) AS hi FROM page),
		ahead AS (SELECT count(*) AS n` + from + and(where, score+` `+before+` (SELECT `+near+` FROM band)`) + `),
		inband AS MATERIALIZED (SELECT p.pid AS pid, ` + score + ` AS score` + from +
		and(where, score+` BETWEEN (SELECT lo FROM band) AND (SELECT hi FROM band)`) + `)
		SELECT b.pid FROM inband b JOIN papers i ON i.pid = b.pid
		ORDER BY b.score ` + dir + `, i.id ` + idDir + ` LIMIT ? OFFSET ? - (SELECT n FROM ahead)`
	var args []any
	args = append(args, whereArgs...)
	args = append(args, n, skip)
	args = append(args, whereArgs...)
	args = append(args, whereArgs...)
	args = append(args, n, skip)
	return pageOf(columns, inner, orderClause(f.orderTerms(), false)), args, true
}
