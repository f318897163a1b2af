package store

import (
	"slices"
	"strings"

	"github.com/papertui/papers/feed"
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

// newestFirst says whether f is in the feed's order, newest day first,
// when it has no words to rank (best match without words is newest too):
// the orders that a walk of rowids, which carry the feed day, serves.
func (f Filter) newestFirst() bool {
	return f.Sort == SortNewest || f.Sort == SortRelevance || f.Sort == ""
}

// TrendingFormula documents the trending order for the help screen.
const TrendingFormula = "upvotes / (age in days + 2)^1.5, age counted from the feed day"

// Filter describes a view of the library. The zero Filter is every paper,
// newest first.
type Filter struct {
	Day, Since, Until string            // feed days, inclusive, YYYY-MM-DD
	Match             string            // an FTS5 expression over title, abstract, authors, AI summary, keywords
	TitleKey          string            // the typed words as a title key (see TitleKey): best match puts titles starting so first
	TitleWhole        bool              // TitleKey's last word is whole, not a prefix being typed
	Symbols           []string          // symbol words the paper must hold (query.SymbolWords)
	Not               []query.Exclusion // excluded words and phrases
	Authors           []string
	Orgs              []string
	Keywords          []string
	Upvotes           []query.Bound
	Queued            bool
	Unread            bool
	Read              bool
	HasCode           bool
	Texts             []string // words or phrases the stored full text must hold (text:)
	ID                string   // a paper id (or URL) typed as the whole search: that paper
	Sort              Sort

	// Total, when set, is how many papers the view holds as the caller
	// counted them (the reader's count): a page past the middle is then
	// read backwards from the end without counting again.
	Total int

	// Daily is tag:, note:, has:note and is:new. NewSince is when "new"
	// starts (unix milliseconds); zero means since the reader last looked.
	Daily    query.Daily
	NewSince int64
	textual  bool // the view has a full-text part, set by prepare (see dailyWhere)

	// pids, when pidsKnown, are the papers text:, tag:, note: and has:note
	// leave, sorted: read once by prepare, so that a walk of the hits
	// checks them by rowid (see pidsCond) and a view without words starts
	// from them.
	pids      []int64
	pidsKnown bool
	// setGen, when not zero, is the set index (setindex.go) that holds
	// every paper of pids as it is: walks without bm25 match the words
	// there.
	setGen int

	// columns is author:, org: and kw: as full-text column phrases, set
	// by Store.prepare; fullMatch joins them with Match.
	columns string
	// among, when set, are the ids of the few papers a query asks about
	// (whereAmong): the full-text condition then looks up just those.
	among []any
	// prepared: Store.prepare has made the filter ready; it moves
	// author:, org: and kw: into columns, so doing it again would drop
	// them.
	prepared bool
}

// fullMatch is the whole FTS5 expression of the view: the typed words and
// the column filters.
func (f Filter) fullMatch() string {
	m := f.wordsMatch()
	if folded, _ := f.foldedNot(); m != "" && folded != "" {
		// FTS5 leaves the excluded words out as it walks, instead of
		// SQL collecting every paper holding them first.
		m = "(" + m + ") NOT (" + folded + ")"
	}
	return m
}

// wordsMatch is the typed words and the column filters, ANDed.
func (f Filter) wordsMatch() string {
	switch {
	case f.columns == "":
		return f.Match
	case f.Match == "":
		return f.columns
	}
	return "(" + f.Match + ") AND " + f.columns
}

// foldedNot splits the exclusions into those fullMatch can leave out
// (plain words and phrases, ORed into one FTS5 expression) and the rest
// (symbol words, checked in SQL). With no words to match, FTS5 has nothing
// to subtract from, so none fold.
func (f Filter) foldedNot() (string, []query.Exclusion) {
	if f.wordsMatch() == "" {
		return "", f.Not
	}
	var folded []string
	var rest []query.Exclusion
	for _, ex := range f.Not {
		if ex.Match != "" && len(ex.Symbols) == 0 {
			folded = append(folded, ex.Match)
		} else {
			rest = append(rest, ex)
		}
	}
	return strings.Join(folded, " OR "), rest
}

// needsState says whether the WHERE clause reads the queue or read marks.
func (f Filter) needsState() bool { return f.Queued || f.Unread || f.Read }

// whereAmong is where() narrowed to the papers of ids, with its
// arguments: which of them the view holds.
func (f Filter) whereAmong(ids []string) (string, []any) {
	f.among = make([]any, len(ids))
	for i, id := range ids {
		f.among[i] = id
	}
	where, args := f.where()
	args = append(slices.Clip(args), f.among...)
	return and(where, "p.id IN (?"+strings.Repeat(",?", len(ids)-1)+")"), args
}

// from is the FROM clause of a query of the view: papers p, joined with
// the queue q and the read marks r when its conditions read them.
func (f Filter) from() string {
	if f.needsState() {
		return ` FROM papers p` + stateJoins
	}
	return ` FROM papers p`
}

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
	if f.ID != "" {
		add("p.id = ?", f.ID)
	}
	if m := f.fullMatch(); m != "" {
		if len(f.among) > 0 {
			// A few papers asked about (whereAmong): the index looks up
			// each of them, instead of listing every hit of the words
			// first (100k rowids for "model": 0.1-0.2 s).
			add(f.matchColumn()+" IN (SELECT rowid FROM papers_fts WHERE papers_fts MATCH ? AND rowid IN (SELECT pid FROM papers WHERE id IN (?"+
				strings.Repeat(",?", len(f.among)-1)+")))", append([]any{m}, f.among...)...)
		} else {
			add(f.matchColumn()+" IN (SELECT rowid FROM papers_fts WHERE papers_fts MATCH ?)", m)
		}
	}
	if c, a := symbolConds(f.Symbols); c != "" {
		add(c, a...)
	}
	_, rest := f.foldedNot()
	for _, ex := range rest {
		if c, a := exclusionCond(ex, false); c != "" {
			add(c, a...)
		}
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
	daily := f
	if f.pidsKnown && f.hasSets() {
		// The papers of text:, tag:, note: and has:note, read by prepare.
		add(f.pidsList("p.pid"))
		daily.Daily = query.Daily{New: f.Daily.New}
	} else if m := TextMatch(f.Texts); m != "" {
		// The + reads the ids off the small id index instead of looking
		// up each text's row, whose compressed body spans pages.
		add("p.id IN (SELECT t.id FROM texts t WHERE +t.tid IN (SELECT rowid FROM texts_fts WHERE texts_fts MATCH ?))", m)
	} else if len(f.Texts) > 0 {
		add("0") // text: with no word in it finds nothing, not everything
	}
	daily.dailyWhere(add)
	if len(conds) == 0 {
		return "", nil
	}
	return " WHERE " + strings.Join(conds, " AND "), args
}

// typedID is the paper id a search's only word names: 2507.22565,
// 2507.22565v2, or an HF or arXiv URL of the paper.
func typedID(q query.Query) (string, bool) {
	if len(q.Terms) != 1 || q.Terms[0].Quoted { // a bare word holds no space
		return "", false
	}
	id, err := feed.NormalizeID(q.Terms[0].Text)
	return id, err == nil
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
	f.TitleWhole = !q.Prefix
	f.Symbols, f.Not = q.Symbols, q.Not
	if id, ok := typedID(q); ok {
		// A pasted id or URL finds that paper, not the papers whose text
		// holds its digits.
		f.ID, f.Match, f.TitleKey, f.Symbols = id, "", "", nil
	}
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
	f.Texts = q.Texts
	f.Daily = mergeDaily(f.Daily, q.Daily)
	return f
}

func likeEscape(s string) string {
	return strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`).Replace(s)
}

// orderBy is the ORDER BY clause and the arguments it binds.
func (f Filter) orderBy() (string, []any) {
	switch f.Sort {
	case SortRising:
		return risingOrder, nil
	case SortRelevance:
		if m := f.fullMatch(); m != "" {
			return " ORDER BY (SELECT rank FROM papers_fts WHERE papers_fts MATCH ? AND rowid = p.pid), p.day DESC", []any{m}
		}
	}
	return orderClause(f.orderTerms(), false), nil
}

// orderTerm is one key of a total order: an expression and whether it
// sorts descending.
type orderTerm struct {
	expr string
	desc bool
}

// orderTerms is the order of every view but best match, each ending in
// a unique key so that the order is total and can be walked backwards.
func (f Filter) orderTerms() []orderTerm {
	switch f.Sort {
	case SortUpvotes:
		return []orderTerm{{"p.upvotes", true}, {"p.pid", false}}
	case SortTrending:
		return []orderTerm{{"p.upvotes / pow(max(julianday('now') - julianday(coalesce(p.day, '2000-01-01')), 0) + 2, 1.5)", true}, {"p.id", false}}
	}
	// Exactly the papers_by_day index (day, upvotes, then the rowid), so
	// the first page is read off the index with no sort; papers without a
	// feed day (NULL) come last.
	return []orderTerm{{"p.day", true}, {"p.upvotes", true}, {"p.pid", false}}
}

// orderClause writes terms as ORDER BY, or in the opposite order.
func orderClause(terms []orderTerm, reversed bool) string {
	parts := make([]string, len(terms))
	for i, t := range terms {
		dir := " ASC"
		if t.desc != reversed {
			dir = " DESC"
		}
		parts[i] = t.expr + dir
	}
	return " ORDER BY " + strings.Join(parts, ", ")
}

func (f Filter) selectSQL(columns string, offset, limit int) (string, []any) {
	order, orderArgs := f.orderBy()
	if limit <= 0 {
		limit = -1
	} else if f.pidsKnown && f.onlySets() && f.newestFirst() {
		// Newest first, and every paper read is in the view: rowids carry
		// the feed day, so the page lies in the newest days of those
		// papers, whole days taken; the rest need not be read at all.
		f.pids = pidsOfNewestDays(f.pids, offset+limit)
	}
	where, args := f.where()
	if f.pidsKnown && len(orderArgs) == 0 {
		// The papers of text:, tag:, note: or has:note sorted on their
		// keys alone, and only the page's rows read whole: a row's tags
		// and note cost more than its sort keys, and 1,000 texts' papers
		// read whole took 25 ms for a page of 50. The order is total, so
		// sorting the page again keeps it.
		inner := "SELECT p.pid FROM papers p" + stateJoins + where + order + " LIMIT ? OFFSET ?"
		return pageOf(columns, inner, order), append(args, limit, offset)
	}
	q := "SELECT " + columns + " FROM papers p" + stateJoins + where + order
	args = append(args, orderArgs...)
	q += " LIMIT ? OFFSET ?"
	args = append(args, limit, offset)
	return q, args
}

// selectFromEndSQL is the page [offset, offset+limit) of a view of total
// papers, found by walking the order backwards from the end: SQLite steps
// over every row an OFFSET skips, so the last page of 100,000 rows read
// forwards costs seconds, and backwards a page.
func (f Filter) selectFromEndSQL(columns string, offset, limit, total int) (string, []any) {
	where, args := f.where()
	terms := f.orderTerms()
	end := min(offset+limit, total)
	inner := "SELECT p.pid FROM papers p" + stateJoins + where + orderClause(terms, true) + " LIMIT ? OFFSET ?"
	args = append(args, max(0, end-offset), total-end)
	return pageOf(columns, inner, orderClause(terms, false)), args
}

// pageOf reads the columns of the rows whose pids the query inner picks
// (a page, found on the sort keys alone), in order: only the page's rows
// are read whole.
func pageOf(columns, inner, order string) string {
	return "SELECT " + columns + " FROM papers p" + stateJoins + " WHERE p.pid IN (" + inner + ")" + order
}

// typedTitleKey is every typed word, in order, as a title key.
func typedTitleKey(q query.Query) string {
	var words []string
	for _, t := range q.Terms {
		words = append(words, query.IndexTerms(t.Text)...)
	}
	return strings.Join(words, " ")
}
