package store

import (
	"context"
	"database/sql"
	"fmt"
	"runtime"
	"strconv"

	"github.com/papertui/papers/feed"
	"github.com/papertui/papers/store/query"
)

// ImportFile is one saved API response to import.
type ImportFile struct {
	Name string
	Day  string // the feed day its items belong to; "" lets each item say
	Read func() ([]byte, error)
}

// FileResult is what importing one file did.
type FileResult struct {
	Name     string
	Imported int
	Saved
	Rejected []feed.ItemError
	Err      error // the whole file was rejected (unreadable, not JSON, not papers)
}

// importBatch is how many papers go into the first transaction; each
// next one takes twice as many, up to maxImportBatch. Each commit flushes
// the full-text index and merges its segments, so larger transactions
// import faster; a small first one starts the writer early, while the
// other core decodes what follows.
var (
	importBatch    = 500
	maxImportBatch = 4000
)

// importBudget bounds the bytes of input an import holds at once: files
// read ahead, being decoded, and written in the open batch. Memory then
// depends on this, not on how many files or papers are imported.
var importBudget = 32 << 20

// maxImportTerms is how many distinct words the import keeps counting
// before it saves them with the next batch, so a huge import's
// vocabulary does not grow without bound.
const maxImportTerms = 200_000

// importHashSize is the full-text index's in-memory buffer during an
// import (SQLite's default is 1 MiB): each time it fills, FTS5 writes a
// segment and merges segments, so a larger one rewrites each entry fewer
// times. It is restored when the import ends.
const importHashSize = 8 << 20

// Import loads saved API responses. Files are read in order, decoded and
// made ready to write (compressed, their words counted) on every core,
// then written by one writer in batches, each one transaction, and
// reported to each in order. A bad file or item never stops the others.
func (s *Store) Import(ctx context.Context, files []ImportFile, each func(FileResult)) error {
	conn, err := s.bulkConn(ctx)
	if err != nil {
		return err
	}
	defer s.releaseBulkConn(conn)
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	budget := newByteBudget(importBudget)
	ready := prepareAhead(ctx, files, budget)

	w := importWriter{s: s, conn: conn, vocab: termCounts{}, batch: importBatch}
	defer w.restoreOnFailure()
	w.checkpoints = s.startCheckpointer(ctx, conn)
	defer w.checkpoints.stop(conn)
	for pf := range ready {
		w.pending = append(w.pending, pf)
		w.count += len(pf.items)
		w.held += pf.size
		w.vocab.merge(pf.vocab)
		if w.count >= w.batch || budget.full(w.held) || len(w.vocab) > maxImportTerms {
			w.batch = min(w.batch*2, maxImportBatch)
			if err := w.flush(ctx, false, each, budget); err != nil {
				return err
			}
		}
	}
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("import: %w", err)
	}
	return w.flush(ctx, true, each, budget)
}

// importWriter is the one goroutine that writes an import's batches.
type importWriter struct {
	s       *Store
	conn    *sql.Conn
	pending []*preparedFile
	count   int
	held    int // units of the budget the pending files hold
	batch   int
	// The words of the import are saved once, with the last batch (or
	// when there are too many to hold): per batch, most of them would be
	// written again.
	vocab termCounts
	// hashSize is the full-text buffer size the library had set before
	// the import raised it, if any.
	hashSize sql.NullString
	raised   bool
	restored bool
	// deferred: the import dropped the deferred indexes (deferindex.go)
	// and builds them with its last batch, or when it fails.
	deferred bool
	// checkpoints copies the log into the file beside the writer.
	checkpoints *checkpointer
}

func (w *importWriter) flush(ctx context.Context, last bool, each func(FileResult), budget *byteBudget) error {
	saveVocab := last || len(w.vocab) > maxImportTerms
	if err := w.save(ctx, last, saveVocab); err != nil {
		return err
	}
	if saveVocab {
		w.vocab = termCounts{}
	}
	for _, pf := range w.pending {
		each(pf.result)
		budget.release(pf.size)
	}
	w.pending, w.count, w.held = nil, 0, 0
	return nil
}

// preparedFile is a file's papers made ready to write: decoded, raw
// items compressed and words counted, off the writer's goroutine.
type preparedFile struct {
	result FileResult
	items  []item
	vocab  termCounts
	size   int // units of the budget it holds
}

// prepareAhead reads files in order and prepares them on every core,
// handing them on in order. The budget bounds what is held at once;
// the writer returns each file's share once it is written.
func prepareAhead(ctx context.Context, files []ImportFile, budget *byteBudget) <-chan *preparedFile {
	type job struct {
		f    ImportFile
		body []byte
		err  error
		size int
		done chan *preparedFile
	}
	jobs := make(chan job)
	// As many files as the budget can hold wait in order: each takes a
	// unit at least. With 64, the preparers stopped a quarter of the way
	// into the next batch while the writer wrote one, and the writer then
	// waited for the rest: 2.5 s of a 100k import's 9 s.
	order := make(chan chan *preparedFile, cap(budget.tokens))
	go func() {
		defer close(order)
		defer close(jobs)
		for _, f := range files {
			body, err := f.Read()
			size := budget.share(len(body))
			if !budget.acquire(ctx, size) {
				return
			}
			done := make(chan *preparedFile, 1)
			select {
			case order <- done:
			case <-ctx.Done():
				return
			}
			jobs <- job{f: f, body: body, err: err, size: size, done: done}
		}
	}()
	for range runtime.GOMAXPROCS(0) {
		go func() {
			var tc termCounter
			for j := range jobs {
				pf := prepareFile(j.f, j.body, j.err, &tc)
				pf.size = j.size
				j.done <- pf
			}
		}()
	}
	out := make(chan *preparedFile)
	go func() {
		defer close(out)
		for done := range order {
			select {
			case pf := <-done:
				select {
				case out <- pf:
				case <-ctx.Done():
					return
				}
			case <-ctx.Done():
				return
			}
		}
	}()
	return out
}

func prepareFile(f ImportFile, body []byte, err error, tc *termCounter) *preparedFile {
	pf := &preparedFile{result: FileResult{Name: f.Name}}
	var found []feed.Paper
	if err == nil {
		found, pf.result.Rejected, err = feed.DecodeDocument(body, f.Day)
	}
	pf.result.Err = err
	if err != nil {
		return pf
	}
	pf.items = make([]item, len(found))
	for i, p := range found {
		pf.items[i] = prepareItem(p, nil)
		tc.add(p)
	}
	pf.vocab = tc.counts()
	return pf
}

// save writes the pending files in one transaction and fills in each
// file's counts. A write failure fails the whole batch, and each of its
// files says so.
func (w *importWriter) save(ctx context.Context, last, saveVocab bool) error {
	if len(w.pending) == 0 && !saveVocab {
		return nil
	}
	if last && w.deferred {
		// The last batch builds the deferred indexes. Their sort holds
		// as much as the page cache in memory and spills the rest to a
		// temporary file; held in memory as the import's statement
		// journals are (bulkConn), it took 220 MB at 1,000,000 papers,
		// and three times as long. SQLite's own cache size bounds it.
		if _, err := w.conn.ExecContext(ctx, "PRAGMA temp_store = DEFAULT; PRAGMA cache_size = -2000"); err != nil {
			return err
		}
	}
	groups := make([][]item, len(w.pending))
	for i, pf := range w.pending {
		if pf.result.Err == nil {
			groups[i] = pf.items
		}
	}
	err := runTx(ctx, w.conn, func(tx *sql.Tx) error {
		if err := w.setUp(ctx, tx); err != nil {
			return err
		}
		// A saved file may be older than what the library holds.
		saved, err := upsertGroups(ctx, tx, groups, nil, countsNeverLower)
		if err != nil {
			return err
		}
		for i, pf := range w.pending {
			if pf.result.Err == nil {
				pf.result.Saved, pf.result.Imported = saved[i], len(pf.items)
			}
		}
		if saveVocab {
			if err := w.vocab.save(ctx, tx); err != nil {
				return err
			}
		}
		if last {
			return w.putBack(ctx, tx)
		}
		return nil
	})
	if err == nil {
		w.checkpoints.committed()
		// Only once it landed: a commit that fails (a full disk, the
		// import's context ended just before it) leaves it to
		// restoreOnFailure.
		if last {
			w.restored = true
		}
	}
	if err != nil {
		err = explain(w.s.path, fmt.Errorf("save papers: %w", err))
		if ctx.Err() != nil {
			return err
		}
		for _, pf := range w.pending {
			if pf.result.Err == nil {
				pf.result.Err, pf.result.Imported, pf.result.Saved = err, 0, Saved{}
			}
		}
	}
	// The items are written (or failed): only the report is still needed.
	for _, pf := range w.pending {
		pf.items = nil
	}
	return nil
}

// setUp makes the library ready for the import, with its first batch:
// the full-text index's larger buffer, and, into an empty library, the
// deferred indexes dropped (deferindex.go). putBack undoes both.
func (w *importWriter) setUp(ctx context.Context, tx *sql.Tx) error {
	if w.raised {
		return nil
	}
	var err error
	if w.deferred, err = dropDeferredIndexes(ctx, tx); err != nil {
		return err
	}
	return w.raiseHashSize(ctx, tx)
}

// putBack undoes setUp, with the last batch or after a failure.
func (w *importWriter) putBack(ctx context.Context, tx *sql.Tx) error {
	if w.deferred {
		if err := buildDeferredIndexes(ctx, tx); err != nil {
			return err
		}
	}
	return w.restoreHashSize(ctx, tx)
}

// raiseHashSize gives the full-text index a larger buffer for the import,
// remembering whether the library had a setting of its own.
func (w *importWriter) raiseHashSize(ctx context.Context, tx *sql.Tx) error {
	err := tx.QueryRowContext(ctx, `SELECT v FROM papers_fts_config WHERE k = 'hashsize'`).Scan(&w.hashSize)
	if err != nil && err != sql.ErrNoRows {
		return err
	}
	// The import's own size is another import's, running or killed:
	// papers sets no other, so the library's is FTS5's default.
	if w.hashSize.Valid && w.hashSize.String == strconv.Itoa(importHashSize) {
		w.hashSize = sql.NullString{}
	}
	w.raised = true
	_, err = tx.ExecContext(ctx, `INSERT INTO papers_fts(papers_fts, rank) VALUES('hashsize', ?)`, importHashSize)
	return err
}

// restoreHashSize puts the library's setting back: FTS5's own command
// updates the connections' copies, and a library that had no setting is
// left without one.
func (w *importWriter) restoreHashSize(ctx context.Context, tx *sql.Tx) error {
	if !w.raised {
		return nil
	}
	setting := w.hashSize
	if !setting.Valid {
		setting = sql.NullString{String: ftsDefaultHashSize, Valid: true}
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO papers_fts(papers_fts, rank) VALUES('hashsize', ?)`, setting.String); err != nil {
		return err
	}
	if w.hashSize.Valid {
		return nil
	}
	_, err := tx.ExecContext(ctx, `DELETE FROM papers_fts_config WHERE k = 'hashsize'`)
	return err
}

// restoreOnFailure puts the library's full-text setting and deferred
// indexes back after an import that stopped before its last batch
// (cancelled, or a write failed), so an interrupted import leaves no
// trace of it either. Best effort: the import's own error is what the
// caller needs to see, and Open builds indexes still missing.
//
// It writes on a connection of its own, not the writer's: a batch
// stopped by the import's context is rolled back by database/sql on the
// writer's connection in a goroutine that watches the context, which may
// come only once this has begun there, and then rolls this back instead
// (or this fails to begin inside the batch's transaction). Another
// connection waits for that rollback to let go of the write lock.
func (w *importWriter) restoreOnFailure() {
	if !w.raised || w.restored {
		return
	}
	ctx := context.Background()
	runTx(ctx, w.s.db, func(tx *sql.Tx) error { return w.putBack(ctx, tx) })
}

// ftsDefaultHashSize is FTS5's own default for 'hashsize'.
const ftsDefaultHashSize = "1048576"

// bulkConn is a connection with a 24 MiB page cache for the length of an
// import (a 100k import runs a tenth faster); the reader's connections
// keep SQLite's 2 MiB, so scrolling a big library stays small.
func (s *Store) bulkConn(ctx context.Context) (*sql.Conn, error) {
	conn, err := s.db.Conn(ctx)
	if err != nil {
		return nil, explain(s.path, err)
	}
	// The statement journal (pages an INSERT changes, copied first in
	// case it fails midway) is kept in memory rather than in a temporary
	// file: its writes were a tenth of an import's writer.
	if _, err := conn.ExecContext(ctx, "PRAGMA cache_size = -24576; PRAGMA temp_store = MEMORY"); err != nil {
		conn.Close()
		return nil, explain(s.path, err)
	}
	return conn, nil
}

func (s *Store) releaseBulkConn(conn *sql.Conn) {
	conn.ExecContext(context.Background(), "PRAGMA cache_size = -2000; PRAGMA temp_store = DEFAULT")
	conn.Close()
}

// byteBudget is a counting semaphore of bytes, in units of budgetUnit,
// taken in input order.
type byteBudget struct {
	tokens chan struct{}
}

// budgetUnit is the grain of a byteBudget.
const budgetUnit = 64 << 10

func newByteBudget(bytes int) *byteBudget {
	b := &byteBudget{tokens: make(chan struct{}, max(1, bytes/budgetUnit))}
	for range cap(b.tokens) {
		b.tokens <- struct{}{}
	}
	return b
}

// share is how many units a file of n bytes takes: at least one, and at
// most half the budget, so that a file larger than that goes through
// alone instead of waiting forever.
func (b *byteBudget) share(n int) int {
	return max(1, min((n+budgetUnit-1)/budgetUnit, cap(b.tokens)/2))
}

// full says the writer holds enough of the budget that it must write
// what it holds before the files after can be read: the rest of the
// budget then always fits one more file.
func (b *byteBudget) full(held int) bool { return 2*held >= cap(b.tokens) }

// acquire takes n units, waiting for them; false when ctx ended first.
func (b *byteBudget) acquire(ctx context.Context, n int) bool {
	for range n {
		select {
		case <-b.tokens:
		case <-ctx.Done():
			return false
		}
	}
	return true
}

func (b *byteBudget) release(n int) {
	for range n {
		b.tokens <- struct{}{}
	}
}

// termCounter counts papers' words like termCounts.add, without a map
// or a string per word: it numbers a file's distinct words once
// (slots), and a word counts for a paper when its slot last counted an
// earlier one. Most text is ASCII, and is split and lowercased here
// byte by byte, exactly as query.IndexTerms would; other text goes
// through IndexTerms.
type termCounter struct {
	index map[string]int32
	slots []termSlot
	paper int32 // papers counted so far, plus one
	word  []byte
}

type termSlot struct {
	term  string
	paper int32 // the last paper it was counted for
	docs  int
}

// add counts p's words.
func (c *termCounter) add(p feed.Paper) {
	if c.index == nil {
		c.index = make(map[string]int32, 1024)
	}
	c.paper++
	c.text(p.Title)
	c.text(p.AISummary)
	for _, a := range p.Authors {
		c.text(a.Name)
	}
	for _, k := range p.AIKeywords {
		c.text(k)
	}
}

// counts hands over what was counted and starts again.
func (c *termCounter) counts() termCounts {
	tc := make(termCounts, len(c.slots))
	for _, sl := range c.slots {
		tc[sl.term] = sl.docs
	}
	clear(c.index)
	c.slots = c.slots[:0]
	return tc
}

func (c *termCounter) text(s string) {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			for _, t := range query.IndexTerms(s) {
				if worthExpanding(t) {
					c.count([]byte(t))
				}
			}
			return
		}
	}
	w := c.word[:0]
	for i := 0; i <= len(s); i++ {
		if i < len(s) {
			if b := s[i]; 'a' <= b && b <= 'z' || '0' <= b && b <= '9' {
				w = append(w, b)
				continue
			} else if 'A' <= b && b <= 'Z' {
				w = append(w, b+'a'-'A')
				continue
			}
		}
		if len(w) > 0 && worthExpandingBytes(w) {
			c.count(w)
		}
		w = w[:0]
	}
	c.word = w
}

func (c *termCounter) count(w []byte) {
	i, ok := c.index[string(w)]
	if !ok {
		i = int32(len(c.slots))
		t := string(w)
		c.index[t] = i
		c.slots = append(c.slots, termSlot{term: t})
	}
	if sl := &c.slots[i]; sl.paper != c.paper {
		sl.paper = c.paper
		sl.docs++
	}
}

// worthExpandingBytes is worthExpanding of an ASCII word.
func worthExpandingBytes(w []byte) bool {
	if len(w) < 2 || len(w) > 32 {
		return false
	}
	for _, b := range w {
		if b < '0' || b > '9' {
			return true
		}
	}
	return false
}
