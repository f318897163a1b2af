package store

import (
	"context"
	"database/sql"
	"fmt"
	"hash/fnv"
	"hash/maphash"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/klauspost/compress/zstd"
	"github.com/papertui/papers/feed"
	"github.com/papertui/papers/store/query"
)

// Saved counts what a write did.
type Saved struct {
	New     int `json:"new"`
	Updated int `json:"updated"`
}

// SaveDay writes one fetched feed day in one transaction: its papers are
// upserted and the day is recorded as complete. Either all of it lands or
// none of it does.
func (s *Store) SaveDay(ctx context.Context, day string, papers []feed.Paper) (Saved, error) {
	saved, err := s.saveDays(ctx, []dayPapers{{day: day, papers: papers}}, nil)
	if err != nil {
		return Saved{}, err
	}
	return saved[0], nil
}

// dayPapers is one fetched feed day.
type dayPapers struct {
	day    string
	papers []feed.Paper
}

// saveDays writes fetched days in one transaction, each as SaveDay does,
// and says what each did. A long sync saves a month at a time: every
// transaction flushes the full-text index into a new segment to merge
// and saves the words it counted, so a transaction per day made a
// backfill several times slower than importing the same papers.
// Raw items in ahead are taken compressed from it.
func (s *Store) saveDays(ctx context.Context, days []dayPapers, ahead rawsAhead) ([]Saved, error) {
	var all []feed.Paper
	for _, d := range days {
		all = append(all, d.papers...)
	}
	items := prepareItems(all, ahead)
	ahead.drop(all)
	groups := make([][]item, len(days))
	for i, d := range days {
		groups[i], items = items[:len(d.papers)], items[len(d.papers):]
	}
	var saved []Saved
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		var err error
		vocab := termCounts{}
		if saved, err = upsertGroups(ctx, tx, groups, vocab, countsAsFetched); err != nil {
			return err
		}
		if err := vocab.save(ctx, tx); err != nil {
			return err
		}
		for _, d := range days {
			if err := recordDay(ctx, tx, d.day, len(d.papers), ""); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		what := "day " + days[0].day
		if len(days) > 1 {
			what = fmt.Sprintf("days %s to %s", days[0].day, days[len(days)-1].day)
		}
		return nil, explain(s.path, fmt.Errorf("save %s: %w", what, err))
	}
	return saved, nil
}

// RecordFailedDay notes that fetching a day failed, without touching any
// paper and without undoing an earlier complete fetch of that day.
func (s *Store) RecordFailedDay(ctx context.Context, day string, cause error) error {
	_, err := s.db.ExecContext(ctx, `
		INSERT INTO days(day, fetched_at, complete, error) VALUES(?, ?, 0, ?)
		ON CONFLICT(day) DO UPDATE SET error = excluded.error`,
		day, time.Now().Unix(), cause.Error())
	if err != nil {
		return explain(s.path, fmt.Errorf("record failed day %s: %w", day, err))
	}
	return nil
}

// SavePapers upserts papers in one transaction without recording any day:
// the path of adding a paper by id and of a remote search's result. Those
// come from the paper endpoint, which lacks what only a feed item carries
// (its comments count and thumbnail, often the organization): a paper the
// library holds keeps what the answer lacks, and its counts never go down.
// The stored paper is read in the same transaction, so a sync committing
// meanwhile is not written over.
func (s *Store) SavePapers(ctx context.Context, papers []feed.Paper) (Saved, error) {
	var saved Saved
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		merged, err := keepStored(ctx, tx, papers)
		if err != nil {
			return err
		}
		vocab := termCounts{}
		if saved, err = upsertPapers(ctx, tx, prepareItems(merged, nil), vocab, countsAsFetched); err != nil {
			return err
		}
		return vocab.save(ctx, tx)
	})
	if err != nil {
		return Saved{}, explain(s.path, fmt.Errorf("save papers: %w", err))
	}
	return saved, nil
}

// keepStored fills in, for each paper the library holds, what the new
// answer lacks from what is stored, and keeps the larger counts.
func keepStored(ctx context.Context, tx *sql.Tx, papers []feed.Paper) ([]feed.Paper, error) {
	out := make([]feed.Paper, len(papers))
	for i, p := range papers {
		out[i] = p
		stored, err := readRecords(ctx, tx, recordByID, p.ID) // read.go
		if err != nil {
			return nil, err
		}
		if len(stored) > 0 {
			out[i] = mergePaper(p, stored[0].Paper)
		}
	}
	return out, nil
}

// mergePaper is p with its empty fields taken from old and the larger of
// each count. The raw item stays the answer as sent, unless the answer has
// no abstract: the abstract lives only in the raw item, so the item is
// then made from the result (FlatJSON) to keep the stored one.
func mergePaper(p, old feed.Paper) feed.Paper {
	p.Upvotes, p.Comments, p.GitHubStars = max(p.Upvotes, old.Upvotes), max(p.Comments, old.Comments), max(p.GitHubStars, old.GitHubStars)
	if p.Abstract == "" && old.Abstract != "" {
		p.Raw = nil
	}
	for _, f := range []struct {
		dst *string
		old string
	}{
		{&p.Title, old.Title}, {&p.Abstract, old.Abstract}, {&p.Day, old.Day}, {&p.GitHubRepo, old.GitHubRepo},
		{&p.ProjectPage, old.ProjectPage}, {&p.AISummary, old.AISummary}, {&p.Organization, old.Organization},
		{&p.Thumbnail, old.Thumbnail}, {&p.Submitter, old.Submitter},
	} {
		if *f.dst == "" {
			*f.dst = f.old
		}
	}
	if len(p.Authors) == 0 {
		p.Authors = old.Authors
	}
	if len(p.AIKeywords) == 0 {
		p.AIKeywords = old.AIKeywords
	}
	if p.Published.IsZero() {
		p.Published = old.Published
	}
	if p.WithdrawnAt.IsZero() {
		p.WithdrawnAt = old.WithdrawnAt
	}
	return p
}

func recordDay(ctx context.Context, tx *sql.Tx, day string, n int, errText string) error {
	_, err := tx.ExecContext(ctx, `
		INSERT INTO days(day, fetched_at, complete, papers, error) VALUES(?, ?, 1, ?, ?)
		ON CONFLICT(day) DO UPDATE SET fetched_at = excluded.fetched_at,
			complete = 1, papers = excluded.papers, error = excluded.error`,
		day, time.Now().Unix(), n, errText)
	return err
}

// row is a paper as its columns hold it.
type row struct {
	title, titleKey, abstract, authors, hidden, published, aiSummary, keywords, organization string
	symbols                                                                                  string // see query.SymbolKey
}

func columnsOf(p feed.Paper) row {
	var hidden []string
	for i, a := range p.Authors {
		if a.Hidden {
			hidden = append(hidden, strconv.Itoa(i))
		}
	}
	return row{
		title:     p.Title,
		titleKey:  TitleKey(p.Title),
		abstract:  p.Abstract,
		authors:   strings.Join(p.AuthorNames(), "\n"),
		hidden:    strings.Join(hidden, ","),
		published: timeText(p.Published),
		aiSummary: p.AISummary,
		keywords:  strings.Join(p.AIKeywords, "\n"),
		symbols:   query.SymbolKey(p.Title, p.Abstract, p.AISummary, strings.Join(p.AIKeywords, "\n")),

		organization: p.Organization,
	}
}

// TitleKey is a title as its index terms, lowercased, space separated:
// what a typed title is looked up by.
func TitleKey(title string) string {
	return strings.Join(query.IndexTerms(title), " ")
}

// hash fingerprints the indexed text, so an update that changes only
// counts (upvotes, comments) leaves the full-text index alone.
func (c row) hash() int64 {
	h := fnv.New64a()
	for _, s := range []string{c.title, c.abstract, c.authors, c.aiSummary, c.keywords, c.organization} {
		h.Write([]byte(s))
		h.Write([]byte{0})
	}
	return int64(h.Sum64())
}

func timeText(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format(time.RFC3339)
}

// A paper's rowid (pid) puts its feed day in the high bits: the rowid
// order is then newest-day-first order, and a full-text search can walk
// its hits newest first and stop after a page (FTS5 iterates rowids in
// order) instead of collecting and sorting every hit of a common word.
// Papers without a feed day get day 0 and sort last.
const pidDayShift = 20 // up to a million papers a day

// pidDaySQL is a paper's day number (pid >> pidDayShift) in SQL.
var pidDaySQL = "p.pid >> " + strconv.Itoa(pidDayShift)

// pidBase is the first rowid of a feed day's range.
func pidBase(day string) int64 {
	t, err := time.Parse(time.DateOnly, day)
	if err != nil || day == "" {
		return 0
	}
	return (t.Unix()/86400 + 1) << pidDayShift
}

// dayOfPid recovers the start of the range a rowid lies in.
func dayRangeOf(pid int64) (lo, hi int64) {
	lo = pid >> pidDayShift << pidDayShift
	return lo, lo + 1<<pidDayShift - 1
}

// countsRule is how an update of a stored paper sets its counts
// (upvotes, comments, GitHub stars).
type countsRule int

const (
	// countsAsFetched sets them as the feed gives them now: a sync, a
	// paper added by id.
	countsAsFetched countsRule = iota
	// countsNeverLower keeps the larger of the stored and the written
	// counts: an import, whose saved file may be older than what the
	// library holds (counts in the feed only meaningfully grow).
	countsNeverLower
)

// upserter holds the statements of one write transaction.
type upserter struct {
	tx                              *sql.Tx
	nextPid, update, ftsAdd, ftsDel *sql.Stmt
	// next is the next free rowid per day range in this transaction,
	// which holds the write lock, so no one else can take them.
	next map[int64]int64
	// New rows are inserted insertChunk at a time (flushInserts): SQLite
	// opens a statement savepoint for each INSERT (papers has triggers)
	// and copies every page the statement changes to its journal first,
	// so one row a statement copied some 100 KiB per paper.
	rows    []any    // insertColumns values per row
	rowIDs  []string // their paper ids, for errors
	inserts map[int]*sql.Stmt
	// The full-text index is written after all the rows (indexChanges):
	// an INSERT or UPDATE of papers fires triggers, so SQLite opens a
	// statement savepoint for it, and at every savepoint FTS5 flushes
	// what it holds in memory to a new segment. Interleaved with the
	// rows, each paper became a segment of its own, and merging those
	// was most of a bulk import's time.
	ftsDels []int64
	ftsAdds []ftsAdd
	// adding finds a rowid's pending entry in ftsAdds: a paper written
	// twice in one transaction replaces it rather than deleting an entry
	// the index does not hold yet.
	adding map[int64]int
}

// ftsAdd is a paper to index at a rowid once the rows are written.
type ftsAdd struct {
	pid int64
	it  *item
}

// changedRow is the update's condition that it changes the row: the
// same item synced again writes nothing (no page, no trigger) and is not
// counted as updated. The raw item alone does not count: all that is read
// of it is the abstract, which text_hash covers, and an import of an
// older file, whose counts are kept at the stored ones, would otherwise
// rewrite the row and call it updated, again at each import. Its parameters are the update's own, by number;
// upvotes, comments and stars are their SET expressions.
func changedRow(upvotes, comments, stars string) string {
	n := func(expr, num string) string { return strings.Replace(expr, "?", "?"+num, 1) }
	return `(pid IS NOT ?1 OR title IS NOT ?2 OR title_key IS NOT ?3 OR authors IS NOT ?4 OR hidden IS NOT ?5
		OR published IS NOT ?6 OR day IS NOT ?7 OR upvotes IS NOT ` + n(upvotes, "8") + ` OR comments IS NOT ` + n(comments, "9") + `
		OR github_repo IS NOT ?10 OR github_stars IS NOT ` + n(stars, "11") + ` OR project_page IS NOT ?12 OR ai_summary IS NOT ?13
		OR ai_keywords IS NOT ?14 OR organization IS NOT ?15 OR thumbnail IS NOT ?16 OR submitter IS NOT ?17
		OR withdrawn_at IS NOT ?18 OR text_hash IS NOT ?20 OR symbols IS NOT ?22)`
}

func prepareUpserter(ctx context.Context, tx *sql.Tx, counts countsRule) (*upserter, error) {
	u := &upserter{tx: tx, next: map[int64]int64{}, adding: map[int64]int{}, inserts: map[int]*sql.Stmt{}}
	// In an UPDATE, a column named on the right is its stored value.
	upvotes, comments, stars := "?", "?", "?"
	if counts == countsNeverLower {
		upvotes, comments, stars = "max(upvotes, ?)", "max(comments, ?)", "max(github_stars, ?)"
	}
	stmts := []struct {
		dst **sql.Stmt
		sql string
	}{
		{&u.nextPid, `SELECT coalesce(max(pid), ?1) + 1 FROM papers WHERE pid >= ?1 AND pid < ?1 + ?2`},
		{&u.update, `UPDATE papers SET pid=?, title=?, title_key=?, authors=?, hidden=?, published=?, day=?, upvotes=` + upvotes + `,
			comments=` + comments + `, github_repo=?, github_stars=` + stars + `, project_page=?, ai_summary=?, ai_keywords=?,
			organization=?, thumbnail=?, submitter=?, withdrawn_at=?, raw=?, text_hash=?, updated_at=?, symbols=?
			WHERE pid=? AND ` + changedRow(upvotes, comments, stars)},
		{&u.ftsAdd, `INSERT INTO papers_fts(rowid, title, abstract, authors, ai_summary, ai_keywords, organization)
			VALUES(?,?,?,?,?,?,?)`},
		{&u.ftsDel, `DELETE FROM papers_fts WHERE rowid = ?`},
	}
	for _, st := range stmts {
		stmt, err := tx.PrepareContext(ctx, st.sql)
		if err != nil {
			u.close()
			return nil, err
		}
		*st.dst = stmt
	}
	return u, nil
}

func (u *upserter) close() {
	for _, st := range []*sql.Stmt{u.nextPid, u.update, u.ftsAdd, u.ftsDel} {
		if st != nil {
			st.Close()
		}
	}
	for _, st := range u.inserts {
		st.Close()
	}
}

// insertColumns are the columns of a new row, in the order of its values.
const insertColumns = `pid, id, title, title_key, authors, hidden, published, day, upvotes, comments,
	github_repo, github_stars, project_page, ai_summary, ai_keywords, organization, thumbnail,
	submitter, withdrawn_at, raw, text_hash, updated_at, symbols`

// insertWidth is how many values a row of insertColumns takes.
const insertWidth = 23

// insertChunk is how many rows one INSERT writes at most.
const insertChunk = 64

// insertStmt is the statement that inserts n rows, prepared once per
// transaction: a flush takes full chunks and then the powers of two of
// what is left, so a transaction prepares a handful at most.
func (u *upserter) insertStmt(ctx context.Context, n int) (*sql.Stmt, error) {
	if st, ok := u.inserts[n]; ok {
		return st, nil
	}
	one := "(" + strings.Repeat("?,", insertWidth-1) + "?)"
	q := "INSERT INTO papers(" + insertColumns + ") VALUES " + strings.Repeat(one+",", n-1) + one
	st, err := u.tx.PrepareContext(ctx, q)
	if err != nil {
		return nil, err
	}
	u.inserts[n] = st
	return st, nil
}

// flushInserts writes the rows waiting to be inserted.
func (u *upserter) flushInserts(ctx context.Context) error {
	for len(u.rowIDs) > 0 {
		n := insertChunk
		for n > len(u.rowIDs) {
			n /= 2
		}
		st, err := u.insertStmt(ctx, n)
		if err == nil {
			_, err = st.ExecContext(ctx, u.rows[:n*insertWidth]...)
		}
		if err != nil {
			if n == 1 {
				return fmt.Errorf("paper %s: %w", u.rowIDs[0], err)
			}
			return fmt.Errorf("papers %s to %s: %w", u.rowIDs[0], u.rowIDs[n-1], err)
		}
		u.rows, u.rowIDs = u.rows[n*insertWidth:], u.rowIDs[n:]
	}
	u.rows, u.rowIDs = nil, nil
	return nil
}

// item is a paper made ready to write: its raw item compressed, its
// columns built and its indexed text hashed. Making items is most of the
// CPU of a write, and needs no database, so import does it on another
// goroutine while the writer writes.
type item struct {
	paper feed.Paper
	raw   []byte
	cols  row
	hash  int64
}

// prepareItems makes papers ready to write, on all cores, taking the
// raw items compressed ahead from ahead.
func prepareItems(papers []feed.Paper, ahead rawsAhead) []item {
	items := make([]item, len(papers))
	workers := min(runtime.GOMAXPROCS(0), len(papers))
	var wg sync.WaitGroup
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := w; i < len(papers); i += workers {
				items[i] = prepareItem(papers[i], ahead)
			}
		}()
	}
	wg.Wait()
	return items
}

// prepareItem compresses a paper's raw item and builds its columns. The
// paper keeps no reference to its raw bytes, which may pin a whole
// response body.
func prepareItem(p feed.Paper, ahead rawsAhead) item {
	raw := p.Raw
	if len(raw) == 0 {
		raw = p.FlatJSON() // made, not received: the abstract must live somewhere
	}
	var compressed []byte
	if len(ahead) > 0 && len(p.Raw) > 0 {
		compressed = ahead[rawKeyOf(p.Raw)]
	}
	if compressed == nil {
		compressed = compressRaw(raw)
	}
	p.Raw = nil
	c := columnsOf(p)
	return item{paper: p, raw: compressed, cols: c, hash: c.hash()}
}

// rawsAhead are raw items compressed before their save, by their bytes:
// a long sync compresses a month's items on the goroutine that asked
// for them, while the writer saves the month before, as an import's
// preparers do. Compressing at the save instead left the writer waiting
// for it and the other core idle while it wrote.
type rawsAhead map[rawKey][]byte

// rawKey is a raw item's length and the hash of its bytes.
type rawKey struct {
	hash uint64
	n    int
}

var rawSeed = maphash.MakeSeed()

func rawKeyOf(raw []byte) rawKey { return rawKey{maphash.Bytes(rawSeed, raw), len(raw)} }

// compressAhead compresses papers' raw items for their save.
func compressAhead(papers []feed.Paper) rawsAhead {
	ahead := make(rawsAhead, len(papers))
	for _, p := range papers {
		if len(p.Raw) > 0 {
			ahead[rawKeyOf(p.Raw)] = compressRaw(p.Raw)
		}
	}
	return ahead
}

// add takes in more, compressed ahead of another answer.
func (a rawsAhead) add(more rawsAhead) {
	for k, v := range more {
		a[k] = v
	}
}

// drop forgets the raw items of papers, saved.
func (a rawsAhead) drop(papers []feed.Paper) {
	for _, p := range papers {
		if len(a) == 0 {
			return
		}
		if len(p.Raw) > 0 {
			delete(a, rawKeyOf(p.Raw))
		}
	}
}

// keep forgets every raw item but those of pending, the papers still to
// save: an item merged away by a later answer is never asked for.
func (a rawsAhead) keep(pending map[string]feed.Paper) {
	if len(a) == 0 {
		return
	}
	held := make(map[rawKey]bool, len(pending))
	for _, p := range pending {
		if len(p.Raw) > 0 {
			held[rawKeyOf(p.Raw)] = true
		}
	}
	for k := range a {
		if !held[k] {
			delete(a, k)
		}
	}
}

// stored is what the library holds of a paper before a write.
type stored struct {
	pid, hash int64
	day       string
}

// upsertPapers writes items and keeps the full-text index in step by
// hand: one FTS trigger per row costs ten times more on a bulk import. The
// words of new papers are counted into vocab (when not nil), for the
// caller to save. counts says how a stored paper's counts are updated.
func upsertPapers(ctx context.Context, tx *sql.Tx, items []item, vocab termCounts, counts countsRule) (Saved, error) {
	saved, err := upsertGroups(ctx, tx, [][]item{items}, vocab, counts)
	if err != nil {
		return Saved{}, err
	}
	return saved[0], nil
}

// upsertGroups writes several groups of items (an import's files) with
// one set of statements and one lookup of what is stored, and says what
// each group did.
func upsertGroups(ctx context.Context, tx *sql.Tx, groups [][]item, vocab termCounts, counts countsRule) ([]Saved, error) {
	u, err := prepareUpserter(ctx, tx, counts)
	if err != nil {
		return nil, err
	}
	defer u.close()
	known, err := storedPapers(ctx, tx, groups)
	if err != nil {
		return nil, err
	}
	saved := make([]Saved, len(groups))
	now := time.Now().Unix()
	var arrived []string
	var words termCounter
	for g, items := range groups {
		for i := range items {
			it := &items[i]
			isNew, changed, err := u.upsert(ctx, it, known, now)
			if err != nil {
				return nil, err
			}
			switch {
			case !isNew && changed:
				saved[g].Updated++
			case isNew:
				arrived = append(arrived, it.paper.ID)
				saved[g].New++
				if vocab != nil {
					words.add(it.paper) // counts are of first sightings: close enough to rank words
				}
			}
		}
	}
	if err := u.flushInserts(ctx); err != nil {
		return nil, err
	}
	if err := u.indexChanges(ctx); err != nil {
		return nil, err
	}
	if vocab != nil {
		vocab.merge(words.counts())
	}
	// The bookkeeping of arrivals writes no papers row, so the index
	// entries just added stay one segment.
	return saved, noteArrivals(ctx, tx, arrived, known)
}

// ftsCheckEvery is how many entries indexChanges writes between looks at
// its context: a few milliseconds' worth.
const ftsCheckEvery = 256

// indexChanges brings the full-text index in step with the rows just
// written: the entries the index held of changed papers are deleted,
// then the new ones added, so a rowid deleted and added again ends up
// indexed.
func (u *upserter) indexChanges(ctx context.Context) error {
	for _, pid := range u.ftsDels {
		if _, err := u.ftsDel.ExecContext(ctx, pid); err != nil {
			return fmt.Errorf("unindex paper at %d: %w", pid, err)
		}
	}
	// An entry takes microseconds, and the driver starts a goroutine for
	// each statement run under a context that can end, to interrupt it
	// (a twentieth of a 100k import's CPU): the entries run under one that
	// cannot, and the import's context is checked between them instead.
	quiet := context.WithoutCancel(ctx)
	for i, a := range u.ftsAdds {
		if i%ftsCheckEvery == 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		if a.it == nil {
			continue // replaced by a later write of the same paper
		}
		c := a.it.cols
		if _, err := u.ftsAdd.ExecContext(quiet, a.pid, c.title, c.abstract, c.authors, c.aiSummary, c.keywords, c.organization); err != nil {
			// The import's context ended between two looks: database/sql
			// rolled the transaction back as it did, and the entry then
			// fails for that (ErrTxDone, a closed statement). The
			// cancellation is what happened: a stopped import says so.
			if cerr := ctx.Err(); cerr != nil {
				err = cerr
			}
			return fmt.Errorf("index paper %s: %w", a.it.paper.ID, err)
		}
	}
	u.ftsDels, u.ftsAdds = u.ftsDels[:0], u.ftsAdds[:0]
	clear(u.adding)
	return nil
}

// storedPapers looks up, in a few queries, which of the items the library
// holds already: one lookup per paper costs more than the insert.
func storedPapers(ctx context.Context, tx *sql.Tx, groups [][]item) (map[string]stored, error) {
	var ids []any
	for _, items := range groups {
		for _, it := range items {
			ids = append(ids, it.paper.ID)
		}
	}
	known := make(map[string]stored, len(ids))
	const chunk = 500
	for start := 0; start < len(ids); start += chunk {
		args := ids[start:min(start+chunk, len(ids))]
		marks := strings.Repeat("?,", len(args))
		rows, err := tx.QueryContext(ctx, `SELECT id, pid, text_hash, coalesce(day, '') FROM papers
			WHERE id IN (`+marks[:len(marks)-1]+`)`, args...)
		if err != nil {
			return nil, err
		}
		for rows.Next() {
			var id string
			var st stored
			if err := rows.Scan(&id, &st.pid, &st.hash, &st.day); err != nil {
				rows.Close()
				return nil, err
			}
			known[id] = st
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, err
		}
	}
	return known, nil
}

func (u *upserter) upsert(ctx context.Context, it *item, known map[string]stored, now int64) (isNew, changed bool, err error) {
	p, c := it.paper, it.cols
	old, ok := known[p.ID]
	if !ok {
		pid, err := u.insertNew(ctx, it, now)
		if err == nil {
			known[p.ID] = stored{pid: pid, hash: it.hash, day: p.Day}
		}
		return true, true, err
	}
	if err := u.flushInserts(ctx); err != nil { // the row to update may be waiting
		return false, false, err
	}
	day := keepDay(old.day, p.Day)
	newPid := old.pid
	if day != old.day {
		// A new feed day moves the paper to that day's rowid range.
		var err error
		if newPid, err = u.allocate(ctx, day); err != nil {
			return false, false, fmt.Errorf("paper %s: %w", p.ID, err)
		}
	}
	res, err := u.update.ExecContext(ctx, newPid, c.title, c.titleKey, c.authors, c.hidden, c.published, nullable(day),
		p.Upvotes, p.Comments, p.GitHubRepo, p.GitHubStars, p.ProjectPage, c.aiSummary, c.keywords,
		p.Organization, p.Thumbnail, p.Submitter, timeText(p.WithdrawnAt), it.raw, it.hash, now, c.symbols, old.pid)
	if err != nil {
		return false, false, fmt.Errorf("paper %s: %w", p.ID, err)
	}
	if n, err := res.RowsAffected(); err == nil && n == 0 {
		return false, false, nil // the item as stored: nothing changed
	}
	known[p.ID] = stored{pid: newPid, hash: it.hash, day: day}
	if newPid == old.pid && old.hash == it.hash {
		return false, true, nil // same words at the same rowid: the index is already right
	}
	u.unindex(old.pid)
	u.index(newPid, it)
	return false, true, nil
}

// index notes that the paper at pid is to be indexed.
func (u *upserter) index(pid int64, it *item) {
	u.adding[pid] = len(u.ftsAdds)
	u.ftsAdds = append(u.ftsAdds, ftsAdd{pid: pid, it: it})
}

// unindex notes that the entry at pid is to be deleted, or drops it if
// it was to be added in this transaction.
func (u *upserter) unindex(pid int64) {
	if i, ok := u.adding[pid]; ok {
		u.ftsAdds[i].it = nil
		delete(u.adding, pid)
		return
	}
	u.ftsDels = append(u.ftsDels, pid)
}

// allocate is the next free rowid in a feed day's range.
func (u *upserter) allocate(ctx context.Context, day string) (int64, error) {
	base := pidBase(day)
	if pid, ok := u.next[base]; ok {
		u.next[base] = pid + 1
		return pid, nil
	}
	var pid int64
	if err := u.nextPid.QueryRowContext(ctx, base, int64(1)<<pidDayShift).Scan(&pid); err != nil {
		return 0, err
	}
	u.next[base] = pid + 1
	return pid, nil
}

func (u *upserter) insertNew(ctx context.Context, it *item, now int64) (int64, error) {
	p, c := it.paper, it.cols
	pid, err := u.allocate(ctx, p.Day)
	if err != nil {
		return 0, fmt.Errorf("paper %s: %w", p.ID, err)
	}
	u.rows = append(u.rows, pid, p.ID, c.title, c.titleKey, c.authors, c.hidden, c.published,
		nullable(p.Day), p.Upvotes, p.Comments, p.GitHubRepo, p.GitHubStars, p.ProjectPage, c.aiSummary,
		c.keywords, p.Organization, p.Thumbnail, p.Submitter, timeText(p.WithdrawnAt), it.raw, it.hash, now, c.symbols)
	u.rowIDs = append(u.rowIDs, p.ID)
	u.index(pid, it)
	if len(u.rowIDs) == insertChunk {
		return pid, u.flushInserts(ctx)
	}
	return pid, nil
}

// keepDay keeps a paper's first feed day: a paper featured again later
// stays where it first appeared, whatever order days are synced in, and a
// fetch by id (no day) never takes its day away.
func keepDay(old, fetched string) string {
	switch {
	case old == "":
		return fetched
	case fetched == "" || old < fetched:
		return old
	}
	return fetched
}

func nullable(s string) any {
	if s == "" {
		return nil
	}
	return s
}

// rawCodec compresses raw items with zstd primed by rawDictionary: a third
// of the size of the JSON, at twice deflate's speed (deflate's cost per
// item is mostly re-reading its dictionary).
var rawCodec = sync.OnceValues(func() (*zstd.Encoder, *zstd.Decoder) {
	enc, err := zstd.NewWriter(nil, zstd.WithEncoderLevel(zstd.SpeedFastest),
		zstd.WithEncoderDictRaw(rawDictID, []byte(rawDictionary)),
		zstd.WithEncoderConcurrency(runtime.GOMAXPROCS(0)))
	if err != nil {
		panic("raw encoder: " + err.Error()) // only a bad dictionary can fail, and it is a constant
	}
	dec, err := zstd.NewReader(nil, zstd.WithDecoderDictRaw(rawDictID, []byte(rawDictionary)),
		zstd.WithDecoderConcurrency(0))
	if err != nil {
		panic("raw decoder: " + err.Error())
	}
	return enc, dec
})

// rawDictID names rawDictionary inside each compressed item.
const rawDictID = 1

func compressRaw(b []byte) []byte {
	enc, _ := rawCodec()
	return enc.EncodeAll(b, nil)
}

func decompressRaw(b []byte) ([]byte, error) {
	if len(b) == 0 {
		return nil, nil
	}
	_, dec := rawCodec()
	return dec.DecodeAll(b, nil)
}
