package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/papertui/papers/feed"
	"github.com/papertui/papers/store/query"
)

// ErrUnknownPaper means the library holds no paper with that id.
var ErrUnknownPaper = errors.New("no such paper in the library")

// Record is a stored paper with the reader's state of it.
type Record struct {
	feed.Paper
	Queued   bool
	QueuePos int // 1-based position in the queue; 0 when not queued
	Read     bool
	Tags     []string // sorted; empty, never nil
	Note     string   // Markdown; "" when none
}

// Entry is the little a list row shows, so a long list stays light.
type Entry struct {
	ID           string
	Title        string
	Day          string
	Upvotes      int
	Comments     int
	Organization string
	FirstAuthor  string
	Queued       bool
	Read         bool
	Tags         []string // sorted; nil when none
	HasNote      bool
}

const entryColumns = `p.id, p.title, coalesce(p.day, ''), p.upvotes, p.comments, p.organization,
	substr(p.authors, 1, instr(p.authors || char(10), char(10)) - 1),
	q.id IS NOT NULL, r.id IS NOT NULL, ` + dailyColumns + `, p.id IN (SELECT id FROM notes)`

// recordColumns are a Record's: the paper's own (paperColumns), then the
// reader's state of it (stateJoins' queue place and read mark, its tags
// and note).
const recordColumns = paperColumns + `, coalesce(q.position, 0), r.id IS NOT NULL,
	` + dailyColumns + `, coalesce((SELECT body FROM notes WHERE id = p.id), '')`

// paperColumns are the paper's own columns of a Record, read from the
// papers table alone.
const paperColumns = `p.id, p.title, p.raw, p.authors, p.hidden, p.published, coalesce(p.day, ''),
	p.upvotes, p.comments, p.github_repo, p.github_stars, p.project_page, p.ai_summary, p.ai_keywords,
	p.organization, p.thumbnail, p.submitter, p.withdrawn_at`

// bareRecordColumns are recordColumns without the reader's state (no
// queue place, read mark, tags or note): from the papers table alone.
const bareRecordColumns = paperColumns + `, 0, 0, '', ''`

// recordByID selects one Record by paper id.
const recordByID = `SELECT ` + recordColumns + ` FROM papers p` + stateJoins + ` WHERE p.id = ?`

// dailyColumns are a paper's tags, sorted, one per line.
const dailyColumns = `coalesce((SELECT group_concat(tag, char(10)) FROM (SELECT tag FROM tags WHERE id = p.id ORDER BY tag)), '')`

const stateJoins = ` LEFT JOIN queue q ON q.id = p.id LEFT JOIN read_marks r ON r.id = p.id`

// Entries lists one window of the view f describes.
func (s *Store) Entries(ctx context.Context, f Filter, offset, limit int) ([]Entry, error) {
	sqlText, args, err := s.pageSQL(ctx, f, entryColumns, offset, limit)
	if err != nil {
		return nil, err
	}
	return s.queryEntries(ctx, sqlText, args...)
}

func (s *Store) queryEntries(ctx context.Context, q string, args ...any) ([]Entry, error) {
	rows, err := s.db.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, explain(s.path, fmt.Errorf("list papers: %w", err))
	}
	defer rows.Close()
	var out []Entry
	for rows.Next() {
		var e Entry
		var tags string
		if err := rows.Scan(&e.ID, &e.Title, &e.Day, &e.Upvotes, &e.Comments, &e.Organization,
			&e.FirstAuthor, &e.Queued, &e.Read, &tags, &e.HasNote); err != nil {
			return nil, fmt.Errorf("list papers: %w", err)
		}
		if tags != "" {
			e.Tags = strings.Split(tags, "\n")
		}
		out = append(out, e)
	}
	return out, rows.Err()
}

// Records lists one window of the view f describes, with every field.
func (s *Store) Records(ctx context.Context, f Filter, offset, limit int) ([]Record, error) {
	sqlText, args, err := s.pageSQL(ctx, f, recordColumns, offset, limit)
	if err != nil {
		return nil, err
	}
	return s.queryRecords(ctx, sqlText, args...)
}

// deepOffset is where a page starts to be worth a count first: past half
// the view it is read backwards from the end (selectFromEndSQL).
var deepOffset = 2000 // a var so the tests can read short views from the end

// pageSQL is the query for one page of a view: a text search's page is
// found by walking its hits first, any other view is one ordered query.
func (s *Store) pageSQL(ctx context.Context, f Filter, columns string, offset, limit int) (string, []any, error) {
	f, err := s.prepare(ctx, f)
	if err != nil {
		return "", nil, err
	}
	if f.Sort == SortRising && limit > 0 {
		pids, err := s.risingPids(ctx, f, offset, limit)
		if err != nil {
			return "", nil, err
		}
		q, args := s.byPids(ctx, columns, pids)
		return q, args, nil
	}
	if !f.usesHitWalk() {
		if offset >= deepOffset && limit > 0 {
			total := f.Total
			if total <= 0 {
				if total, err = s.Count(ctx, f); err != nil {
					return "", nil, err
				}
			}
			if offset > total/2 {
				if q, args, ok, err := s.trendingTailSQL(ctx, f, columns, offset, limit, total); err != nil || ok {
					return q, args, err // trendingposition.go
				}
				if q, args, ok := trendingBandSQL(f, columns, offset, limit, total, true); ok {
					return q, args, nil // trendingposition.go
				}
				q, args := f.selectFromEndSQL(columns, offset, limit, total)
				return q, args, nil
			}
		}
		if pids, ok, err := s.setPagePids(ctx, f, offset, limit); err != nil || ok {
			q, args := s.byPids(ctx, columns, pids)
			return q, args, err
		}
		if q, args, ok := trendingBandSQL(f, columns, offset, limit, f.Total, false); ok {
			return q, args, nil // trendingposition.go
		}
		if limit > 0 {
			if f, err = s.boundTrending(ctx, f, offset+limit); err != nil { // trending.go
				return "", nil, err
			}
		}
		q, args := f.selectSQL(columns, offset, limit)
		return q, args, nil
	}
	if f, err = s.prepareSetIndex(ctx, f); err != nil {
		return "", nil, err
	}
	if f.Total > 0 && offset >= deepOffset && offset > f.Total/2 && limit > 0 {
		pids, ok, err := s.searchPidsFromEnd(ctx, f, offset, limit)
		if err != nil {
			return "", nil, err
		}
		if ok {
			q, args := s.byPids(ctx, columns, pids)
			return q, args, nil
		}
	}
	pids, err := s.searchPids(ctx, f, offset, limit)
	if err != nil {
		return "", nil, err
	}
	q, args := s.byPids(ctx, columns, pids)
	return q, args, nil
}

// Count is how many papers the view f describes holds.
func (s *Store) Count(ctx context.Context, f Filter) (int, error) {
	if what, ok := f.daysCount(); ok {
		// The library, a day or a period, all or its unread or read
		// papers: read off the counts kept per day, not counted row by
		// row (a tenth of a second a million papers, before the
		// reader's first frame).
		n, err := s.countOfPeriod(ctx, f, what)
		if err != nil {
			return 0, explain(s.path, fmt.Errorf("count papers: %w", err))
		}
		return n, nil
	}
	f, err := s.prepare(ctx, f)
	if err != nil {
		return 0, err
	}
	if n, ok, err := s.countHits(ctx, f); ok || err != nil {
		return n, err
	}
	where, args := f.where()
	from := f.from()
	if f.pidsKnown && f.fullMatch() == "" && f.onlySets() {
		return len(f.pids), nil // the view is the papers of its sets
	}
	if f, err = s.prepareSetIndex(ctx, f); err != nil {
		return 0, err
	}
	if f.setGen != 0 {
		if n, ok, err := s.setCount(ctx, f); ok || err != nil {
			return n, err
		}
	}
	if f.fewPids() {
		hits, err := s.walkPids(ctx, f, "", nil, 1<<30, "DESC")
		return len(hits), err
	}
	if f.pidsKnown && f.fullMatch() != "" {
		// The hits walked and checked against the tagged or annotated
		// papers by rowid, not every hit collected first.
		from, args = f.hitsFrom("", nil)
		where = ""
	}
	var n int
	err = s.db.QueryRowContext(ctx, `SELECT count(*)`+from+where, args...).Scan(&n)
	if err != nil {
		return 0, explain(s.path, fmt.Errorf("count papers: %w", err))
	}
	return n, nil
}

// CountUpTo is Count for a view whose count is cheap whatever its size
// (the kept counts, the full-text index's lists, the few papers of tags,
// notes and texts): exact is then true. Any other view is counted up to
// limit: more than limit papers answer limit and false, so a search with
// filters shows "10,000+" as soon as that many are found, not after all
// of them are (seconds at a million papers).
func (s *Store) CountUpTo(ctx context.Context, f Filter, limit int) (n int, exact bool, err error) {
	if _, ok := f.daysCount(); ok {
		n, err := s.Count(ctx, f)
		return n, true, err
	}
	if f, err = s.prepare(ctx, f); err != nil {
		return 0, false, err
	}
	if n, ok, err := s.countHits(ctx, f); ok || err != nil {
		return n, true, err
	}
	if f.pidsKnown {
		n, err := s.Count(ctx, f)
		return n, true, err
	}
	where, args := f.where()
	from := f.from()
	err = s.db.QueryRowContext(ctx, `SELECT count(*) FROM (SELECT 1`+from+where+` LIMIT ?)`, append(args, limit+1)...).Scan(&n)
	if err != nil {
		return 0, false, explain(s.path, fmt.Errorf("count papers: %w", err))
	}
	if n > limit {
		return limit, false, nil
	}
	return n, true, nil
}

// daysCount is what of day_counts counts the view f (papers, papers -
// read or read) when f is days alone, all or their unread or read papers.
func (f Filter) daysCount() (string, bool) {
	g := f
	g.Unread, g.Read = false, false
	switch {
	case !g.onlyDays() || f.Unread && f.Read:
		return "", false
	case f.Unread:
		return "papers - read", true
	case f.Read:
		return "read", true
	}
	return "papers", true
}

// Position is the 0-based index of paper id in the view f describes, so a
// reader can keep its selection when the view changes under it.
func (s *Store) Position(ctx context.Context, f Filter, id string) (int, error) {
	_, n, ok, err := s.FirstPosition(ctx, f, []string{id})
	if err != nil {
		return -1, err
	}
	if !ok {
		return -1, fmt.Errorf("%s: %w", id, ErrUnknownPaper)
	}
	return n, nil
}

// prepare readies a view for querying: a typed prefix becomes its words,
// and author:, org: and kw: become phrases in their full-text columns, so
// the index finds those papers instead of a scan of every row.
func (s *Store) prepare(ctx context.Context, f Filter) (Filter, error) {
	if f.prepared {
		return f, nil
	}
	var err error
	if f.Match, err = s.expandPrefix(ctx, f.Match); err != nil {
		return f, err
	}
	var parts []string
	for _, c := range []struct {
		column string
		values []string
	}{{"authors", f.Authors}, {"organization", f.Orgs}, {"ai_keywords", f.Keywords}} {
		for _, v := range c.values {
			if terms := query.IndexTerms(v); len(terms) > 0 {
				parts = append(parts, c.column+` : "`+strings.Join(terms, " ")+`"`)
			}
		}
	}
	f.columns = strings.Join(parts, " AND ")
	f.Authors, f.Orgs, f.Keywords = nil, nil, nil
	if f, err = s.prepareDaily(ctx, f); err != nil {
		return f, err
	}
	if f, err = s.prepareDailyPids(ctx, f); err != nil {
		return f, err
	}
	f.prepared = true
	return f, nil
}

// Record is one paper by id.
func (s *Store) Record(ctx context.Context, id string) (Record, error) {
	recs, err := s.queryRecords(ctx, recordByID, id)
	if err != nil {
		return Record{}, err
	}
	if len(recs) == 0 {
		return Record{}, fmt.Errorf("%s: %w", id, ErrUnknownPaper)
	}
	return recs[0], nil
}

// Raw is the item as the API sent it.
func (s *Store) Raw(ctx context.Context, id string) ([]byte, error) {
	var b []byte
	err := s.db.QueryRowContext(ctx, `SELECT raw FROM papers WHERE id = ?`, id).Scan(&b)
	if err == sql.ErrNoRows {
		return nil, fmt.Errorf("%s: %w", id, ErrUnknownPaper)
	}
	if err != nil {
		return nil, explain(s.path, err)
	}
	return decompressRaw(b)
}

func (s *Store) queryRecords(ctx context.Context, q string, args ...any) ([]Record, error) {
	recs, err := readRecords(ctx, s.db, q, args...)
	if err != nil {
		return nil, explain(s.path, err)
	}
	return recs, nil
}

// querier is a database or a transaction: what records are read from.
type querier interface {
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
}

// readRecords reads the Records a query of recordColumns selects.
func readRecords(ctx context.Context, db querier, q string, args ...any) ([]Record, error) {
	rows, err := db.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("read papers: %w", err)
	}
	defer rows.Close()
	var out []Record
	for rows.Next() {
		r, err := scanRecord(rows)
		if err != nil {
			return nil, fmt.Errorf("read papers: %w", err)
		}
		out = append(out, r)
	}
	return out, rows.Err()
}

func scanRecord(rows *sql.Rows) (Record, error) {
	var r Record
	var authors, hidden, published, keywords, withdrawn, tags string
	var raw []byte
	p := &r.Paper
	err := rows.Scan(&p.ID, &p.Title, &raw, &authors, &hidden, &published, &p.Day,
		&p.Upvotes, &p.Comments, &p.GitHubRepo, &p.GitHubStars, &p.ProjectPage, &p.AISummary, &keywords,
		&p.Organization, &p.Thumbnail, &p.Submitter, &withdrawn, &r.QueuePos, &r.Read, &tags, &r.Note)
	if err != nil {
		return r, err
	}
	p.Abstract = abstractOf(raw)
	p.Authors = authorsOf(authors, hidden)
	p.AIKeywords = linesOf(keywords)
	p.Published, _ = time.Parse(time.RFC3339, published)
	p.WithdrawnAt, _ = time.Parse(time.RFC3339, withdrawn)
	r.Queued = r.QueuePos > 0
	r.Tags = linesOf(tags)
	return r, nil
}

// abstractOf reads the abstract back from the raw item, where the only
// copy of it lives.
func abstractOf(raw []byte) string {
	if len(raw) == 0 {
		return "" // a listing (EachListing) reads none
	}
	item, err := decompressRaw(raw)
	if err != nil {
		return ""
	}
	p, err := feed.DecodeItem(item, "")
	if err != nil {
		return ""
	}
	return p.Abstract
}

func authorsOf(names, hidden string) []feed.Author {
	list := linesOf(names)
	authors := make([]feed.Author, len(list))
	for i, n := range list {
		authors[i].Name = n
	}
	for _, h := range strings.Split(hidden, ",") {
		if i, err := strconv.Atoi(h); err == nil && i < len(authors) {
			authors[i].Hidden = true
		}
	}
	return authors
}

func linesOf(s string) []string {
	if s == "" {
		return []string{}
	}
	return strings.Split(s, "\n")
}
