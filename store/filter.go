package store

import (
	"fmt"
	"strings"

	"github.com/papertui/papers/store/query"
)

// Sort orders a view.
type Sort string

// The orders a view can take.
const (
	SortNewest    Sort = "newest"    // feed day, newest first; most upvoted first within a day
	SortUpvotes   Sort = "upvotes"   // most upvoted first
	SortTrending  Sort = "trending"  // upvotes decayed by age: see TrendingFormula
	SortRelevance Sort = "relevance" // best full-text match first (newest without a text query)
	SortRising    Sort = "rising"    // most upvotes gained since the reader last showed the paper
)

// TrendingFormula documents the trending order for the help screen.
const TrendingFormula = "upvotes / (age in days + 2)^1.5, age counted from the feed day"

// ParseSort reads a sort name as the command line and the config give it.
func ParseSort(s string) (Sort, error) {
	switch Sort(s) {
	case SortNewest, SortUpvotes, SortTrending, SortRelevance, SortRising:
		return Sort(s), nil
	}
	return "", fmt.Errorf("unknown sort %q (known: newest, upvotes, trending, relevance, rising)", s)
}

// Filter describes a view of the library. The zero Filter is every paper,
// newest first.
type Filter struct {
	Day, Since, Until string // feed days, inclusive, YYYY-MM-DD
	Match             string // an FTS5 expression over title, abstract, authors, AI summary, keywords
	TitleKey          string // the typed words as a title key (see TitleKey): best match puts titles starting so first
	Authors           []string
	Orgs              []string
	Keywords          []string
	Upvotes           []query.Bound
	Queued            bool
	Unread            bool
	Read              bool
	HasCode           bool
	Sort              Sort

	// Daily is tag:, note:, has:note and is:new. NewSince is when "new"
	// starts (unix milliseconds); zero means since the reader last looked.
	Daily    query.Daily
	NewSince int64
	textual  bool // the view has a full-text part, set by prepare (see dailyWhere)

	// columns is author:, org: and kw: as full-text column phrases, set
	// by Store.prepare; fullMatch joins them with Match.
	columns string
}

// fullMatch is the whole FTS5 expression of the view: the typed words and
// the column filters.
func (f Filter) fullMatch() string {
	switch {
	case f.columns == "":
		return f.Match
	case f.Match == "":
		return f.columns
	}
	return "(" + f.Match + ") AND " + f.columns
}

// needsState says whether the WHERE clause reads the queue or read marks.
func (f Filter) needsState() bool { return f.Queued || f.Unread || f.Read }

// where builds the WHERE clause over papers p joined with queue q and
// read_marks r.
func (f Filter) where() (string, []any) {
	var conds []string
	var args []any
	add := func(cond string, a ...any) { conds = append(conds, cond); args = append(args, a...) }
	if f.Day != "" {
		add("p.day = ?", f.Day)
	}
	if f.Since != "" {
		add("p.day >= ?", f.Since)
	}
	if f.Until != "" {
		add("p.day <= ?", f.Until)
	}
	if m := f.fullMatch(); m != "" {
		add(f.matchColumn()+" IN (SELECT rowid FROM papers_fts WHERE papers_fts MATCH ?)", m)
	}
	for _, a := range f.Authors {
		// The full-text index finds the candidates; LIKE keeps the
		// substring meaning for partial names.
		add("p.authors LIKE ? ESCAPE '\\'", "%"+likeEscape(a)+"%")
	}
	for _, o := range f.Orgs {
		add("p.organization LIKE ? ESCAPE '\\'", "%"+likeEscape(o)+"%")
	}
	for _, k := range f.Keywords {
		add("(char(10) || lower(p.ai_keywords) || char(10)) LIKE ? ESCAPE '\\'", "%"+likeEscape(strings.ToLower(k))+"%")
	}
	for _, b := range f.Upvotes {
		add("p.upvotes "+sqlOp(b.Op)+" ?", b.N)
	}
	if f.Queued {
		add("q.id IS NOT NULL")
	}
	if f.Unread {
		add("r.id IS NULL")
	}
	if f.Read {
		add("r.id IS NOT NULL")
	}
	if f.HasCode {
		add("p.github_repo <> ''")
	}
	f.dailyWhere(add)
	if len(conds) == 0 {
		return "", nil
	}
	return " WHERE " + strings.Join(conds, " AND "), args
}

// sqlOp keeps only the comparisons the parser produces out of the SQL text.
func sqlOp(op string) string {
	switch op {
	case ">", ">=", "<", "<=", "=":
		return op
	}
	return ">="
}

// Search is the view of a parsed search: its text and filters on top of f.
func (f Filter) Search(q query.Query) Filter {
	f.Match = q.Match
	f.TitleKey = typedTitleKey(q)
	f.Authors, f.Orgs, f.Keywords = q.Authors, q.Orgs, q.Keywords
	f.Upvotes = q.Upvotes
	if q.Day != "" {
		f.Day = q.Day
	}
	if q.Since != "" {
		f.Since = q.Since
	}
	if q.Until != "" {
		f.Until = q.Until
	}
	f.Queued = f.Queued || q.Queued
	f.Unread = f.Unread || q.Unread
	f.Read = f.Read || q.Read
	f.HasCode = f.HasCode || q.HasCode
	f.Daily = mergeDaily(f.Daily, q.Daily)
	return f
}

func likeEscape(s string) string {
	return strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`).Replace(s)
}

// orderBy is the ORDER BY clause and the arguments it binds.
func (f Filter) orderBy() (string, []any) {
	switch f.Sort {
	case SortUpvotes:
		return " ORDER BY p.upvotes DESC, p.pid", nil
	case SortRising:
		return risingOrder, nil
	case SortTrending:
		return " ORDER BY p.upvotes / pow(max(julianday('now') - julianday(coalesce(p.day, '2000-01-01')), 0) + 2, 1.5) DESC, p.id", nil
	case SortRelevance:
		if m := f.fullMatch(); m != "" {
			return " ORDER BY (SELECT rank FROM papers_fts WHERE papers_fts MATCH ? AND rowid = p.pid), p.day DESC", []any{m}
		}
	}
	// Exactly the papers_by_day index (day, upvotes, then the rowid), so
	// the first page is read off the index with no sort; papers without a
	// feed day (NULL) come last.
	return " ORDER BY p.day DESC, p.upvotes DESC, p.pid", nil
}

func (f Filter) selectSQL(columns string, offset, limit int) (string, []any) {
	where, args := f.where()
	order, orderArgs := f.orderBy()
	q := "SELECT " + columns + " FROM papers p" + stateJoins + where + order
	args = append(args, orderArgs...)
	if limit <= 0 {
		limit = -1
	}
	q += " LIMIT ? OFFSET ?"
	args = append(args, limit, offset)
	return q, args
}

// typedTitleKey is every typed word, in order, as a title key.
func typedTitleKey(q query.Query) string {
	var words []string
	for _, t := range q.Terms {
		words = append(words, query.IndexTerms(t.Text)...)
	}
	return strings.Join(words, " ")
}
