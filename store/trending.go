package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"math"
	"time"

	"github.com/papertui/papers/store/query"
)

// The trending order's first pages without sorting the whole view. A
// paper's score is upvotes / (age in days + 2)^1.5, computed per row, so
// no index holds the order and every page sorted every paper (seconds at
// 300,000). But the first k papers all score at least T, the k-th best
// score among the newest days' papers, and a paper scoring T or more has
// at least T·2^1.5 upvotes and is at most (maxUp/T)^(2/3) − 2 days old.
// Those two bounds, added to the view, leave a superset of its first k
// papers for the same ORDER BY to sort: the same rows, in the same order.

// trendingTopMax is the deepest page (offset + limit) bounded this way;
// further down the bounds let most of the library through anyway, and a
// band of scores (trendingBandSQL) is faster: at 100,000 papers, 0.2 s
// against 0.16 s at row 1,000, 0.5 s against 0.11 s at row 2,000.
const trendingTopMax = 500

// trendingProbeDays are the windows of newest days tried for k papers.
var trendingProbeDays = []int{14, 60, 365}

// boundTrending narrows f, sorted by trending, to a set that holds its
// first k papers; f is unchanged when no bound is found.
func (s *Store) boundTrending(ctx context.Context, f Filter, k int) (Filter, error) {
	if f.Sort != SortTrending || k <= 0 || k > trendingTopMax {
		return f, nil
	}
	var maxUp sql.NullInt64
	var newest sql.NullString
	if err := s.db.QueryRowContext(ctx, `SELECT (SELECT max(upvotes) FROM papers), (SELECT max(day) FROM papers)`).
		Scan(&maxUp, &newest); err != nil {
		return f, explain(s.path, fmt.Errorf("bound the trending view: %w", err))
	}
	if !maxUp.Valid || !newest.Valid {
		return f, nil
	}
	// Two probes, each k papers of the view: the newest days' and the
	// most upvoted (where every paper is about as old, as in a library of
	// one season, the order is nearly by upvotes). The higher k-th score
	// gives the tighter bounds.
	t, err := s.kthTrendingScore(ctx, f, k, `p.upvotes DESC`, 4*k)
	if err != nil {
		return f, err
	}
	for _, days := range trendingProbeDays {
		g := f
		if since := newestMinus(newest.String, days); g.Since < since {
			g.Since = since
		}
		byDay, err := s.kthTrendingScore(ctx, g, k, "", 0)
		if err != nil {
			return f, err
		}
		if byDay > 0 {
			t = max(t, byDay)
			break
		}
	}
	if t <= 0 {
		return f, nil // fewer than k papers probed, or a tie at zero upvotes running through every day
	}
	return withTrendingBounds(f, t, float64(maxUp.Int64), time.Now().UTC()), nil
}

// kthTrendingScore is the k-th best trending score among the view's
// papers, or among its first n by probe when probe is set; 0 when there
// are fewer than k.
func (s *Store) kthTrendingScore(ctx context.Context, f Filter, k int, probe string, n int) (float64, error) {
	where, args := f.where()
	from := f.from()
	q := `SELECT ` + f.orderTerms()[0].expr + ` AS score` + from + where
	if probe != "" {
		q = `SELECT score FROM (SELECT ` + f.orderTerms()[0].expr + ` AS score` + from + where +
			` ORDER BY ` + probe + ` LIMIT ?)`
		args = append(args, n)
	}
	var t float64
	err := s.db.QueryRowContext(ctx, q+` ORDER BY score DESC LIMIT 1 OFFSET ?`, append(args, k-1)...).Scan(&t)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, nil
	}
	if err != nil {
		return 0, explain(s.path, fmt.Errorf("bound the trending view: %w", err))
	}
	return t, nil
}

// withTrendingBounds adds to f what every paper scoring t or more holds:
// upvotes of at least t·2^1.5 and a feed day at most (maxUp/t)^(2/3) − 2
// days before now, each loosened by a margin for rounding and the clock.
func withTrendingBounds(f Filter, t, maxUp float64, now time.Time) Filter {
	minUp := int(math.Floor(t*math.Pow(2, 1.5)*0.999)) - 1
	if minUp > 0 {
		f.Upvotes = append(append([]query.Bound(nil), f.Upvotes...), query.Bound{Op: ">=", N: minUp})
	}
	age := math.Pow(maxUp/t, 2.0/3) - 2
	if age < 0 {
		age = 0
	}
	if age < 20*365 { // older bounds reach the papers without a feed day
		since := now.Add(-time.Duration((age+2)*24) * time.Hour).Format(time.DateOnly)
		if f.Since < since {
			f.Since = since
		}
	}
	return f
}

// newestMinus is the day days before the newest feed day.
func newestMinus(newest string, days int) string {
	d, err := time.Parse(time.DateOnly, newest)
	if err != nil {
		return ""
	}
	return d.AddDate(0, 0, -days).Format(time.DateOnly)
}
