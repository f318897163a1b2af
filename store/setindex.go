package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"
)

// The words of a search within tag:, note:, has:note or text: are
// matched in a small full-text index, in memory, of just the papers of
// those sets, not in the library's. A common word within a tag walked
// most of its hits in the library's index to find the few tagged ones
// ("model": 100,000 hits, 90 ms of CPU for the walk alone at 100k), and
// asking the library's index paper by paper costs 0.5 ms a lookup (a
// cursor per word and per index segment, 16 segments at 100k), 100 ms
// for a page of 200. The set's own index answers in about a millisecond.
//
// Each paper is indexed once a session, from the same columns and raw
// item the library's index was written from (the text hashed, and
// checked against the paper's text_hash, so an index that would differ
// is never used), and again when a write changes its text (text_hash).
// It serves only the walks that need no bm25 rank: bm25 counts over the
// whole library.

// setIndexMax bounds the papers the set index holds: past it, it starts
// again from the set at hand.
var setIndexMax = 8000 // a var so the tests can make it small

// setIndexRare is how many hits words may have for a walk of them in the
// library's index to beat indexing a set's missing papers first (about
// 0.2 ms of CPU a paper, against 1 µs a hit walked).
var setIndexRare = 2000 // a var so the tests can use the index for any words

// setIndexBuildMin is how many papers may be indexed without first
// asking whether the words are rare, or whether the set is searched
// again (setIndexPatience).
const setIndexBuildMin = 32

// setIndexPatience is how many searches with words a set gets, its
// words walked in the library's index, before its papers are indexed: a
// command searching once (`papers list "tag:x model"`) walks 100 ms
// rather than index for 200 to 700 ms; the reader, searching the set
// again at once (the count, the next keystroke), indexes it then.
var setIndexPatience = 1 // a var so the tests can index at once

// setIndex is the in-memory index of the papers of the sets searched,
// and what is known of the library as of its data version (dv): the
// papers of each set read (see prepareDailyPids) and which indexed
// papers were checked against their text_hash. Any commit to the
// library (a sync, a tag, a note) moves the data version and drops
// both, so they are read again.
type setIndex struct {
	mu     sync.Mutex
	db     *sql.DB
	conn   *sql.Conn       // the one connection: the index lives in its memory
	hashes map[int64]int64 // pid → text_hash of the text indexed
	bad    map[int64]int64 // pid → text_hash of a text that could not be rebuilt exactly
	gen    int             // which index this is: a new one starts at every open

	dv       int64
	sets     map[string][]int64 // the papers of a set, by setKey
	verified map[int64]bool     // indexed papers whose text_hash was checked

	asked map[string]int // searches with words each set had (setIndexPatience)

	// matches are the index's papers holding an expression, until the
	// index changes: a page asks it two or three times, and the count.
	matches map[string][]int64
}

// close releases the index's memory.
func (x *setIndex) close() {
	x.mu.Lock()
	defer x.mu.Unlock()
	x.reset()
}

// reset drops the index; the next use starts a new one.
func (x *setIndex) reset() {
	if x.conn != nil {
		x.conn.Close()
	}
	if x.db != nil {
		x.db.Close()
	}
	x.db, x.conn, x.hashes, x.bad, x.verified, x.matches = nil, nil, nil, nil, nil, nil
}

// open starts the index, tokenised exactly as papers_fts.
func (x *setIndex) open(ctx context.Context) error {
	if x.conn != nil {
		return nil
	}
	db, err := sql.Open("sqlite", "file::memory:")
	if err != nil {
		return err
	}
	conn, err := db.Conn(ctx)
	if err == nil {
		_, err = conn.ExecContext(ctx, `CREATE VIRTUAL TABLE set_fts USING fts5(
			title, abstract, authors, ai_summary, ai_keywords, organization,
			content = '', contentless_delete = 1, tokenize = 'unicode61 remove_diacritics 2')`)
	}
	if err != nil {
		if conn != nil {
			conn.Close()
		}
		db.Close()
		return err
	}
	x.db, x.conn = db, conn
	x.hashes, x.bad, x.verified = map[int64]int64{}, map[int64]int64{}, map[int64]bool{}
	x.matches = map[string][]int64{}
	x.gen++
	return nil
}

// fresh drops what is known of the library when it changed since: dv is
// its data version now. Called with x.mu held.
func (x *setIndex) fresh(dv int64) {
	if dv == x.dv && x.sets != nil {
		return
	}
	x.dv, x.sets = dv, map[string][]int64{}
	clear(x.verified)
}

// setKey names the sets of f that prepareDailyPids reads.
func setKey(f Filter) string {
	var b strings.Builder
	for _, group := range [][]string{f.Texts, f.Daily.Tags, f.Daily.Notes} {
		for _, v := range group {
			b.WriteString(strconv.Quote(v))
		}
		b.WriteByte('|')
	}
	if f.Daily.HasNote {
		b.WriteString("note")
	}
	return b.String()
}

// cachedPids are the papers of f's sets as read before, when the library
// has not changed since; dv is its data version, for keepPids.
func (s *Store) cachedPids(ctx context.Context, f Filter) (pids []int64, ok bool, dv int64, err error) {
	if dv, err = s.DataVersion(ctx); err != nil {
		return nil, false, 0, err
	}
	x := &s.sets
	x.mu.Lock()
	defer x.mu.Unlock()
	x.fresh(dv)
	pids, ok = x.sets[setKey(f)]
	return pids, ok, dv, nil
}

// keepPids keeps the papers of f's sets, read at data version dv.
func (s *Store) keepPids(f Filter, pids []int64, dv int64) {
	x := &s.sets
	x.mu.Lock()
	defer x.mu.Unlock()
	if x.sets != nil && x.dv == dv {
		x.sets[setKey(f)] = pids
	}
}

// prepareSetIndex makes the set index ready to match f's words within
// its set (f.pids), indexing the papers it lacks, and records that in f
// (setGen); it leaves f as it is when walking the library's index is
// better or the set index cannot answer exactly.
func (s *Store) prepareSetIndex(ctx context.Context, f Filter) (Filter, error) {
	m := f.fullMatch()
	if f.setGen != 0 || !f.pidsKnown || m == "" || len(f.pids) == 0 || len(f.pids) > setIndexMax {
		return f, nil
	}
	dv, err := s.DataVersion(ctx)
	if err != nil {
		return f, err
	}
	x := &s.sets
	x.mu.Lock()
	defer x.mu.Unlock()
	x.fresh(dv)
	if !x.patient(f) {
		return f, nil
	}
	var unsure []int64 // not known to be indexed as they are
	for _, pid := range f.pids {
		if !x.verified[pid] {
			unsure = append(unsure, pid)
		}
	}
	var missing []int64
	if len(unsure) > 0 {
		current, err := s.textHashes(ctx, unsure)
		if err != nil {
			return f, err
		}
		for _, pid := range unsure {
			h, ok := current[pid]
			switch {
			case !ok:
				return f, nil // gone since the set was read: let the walk decide
			case x.bad != nil && x.bad[pid] == h:
				return f, nil // cannot be indexed exactly
			case x.hashes == nil || x.hashes[pid] != h:
				missing = append(missing, pid)
			default:
				x.verified[pid] = true
			}
		}
	}
	if len(missing) > setIndexBuildMin {
		many, err := s.hasMoreHits(ctx, m, setIndexRare)
		if err != nil || !many {
			return f, err
		}
	}
	if err := x.open(ctx); err != nil {
		x.reset()
		return f, fmt.Errorf("search: set index: %w", err)
	}
	if len(x.hashes)+len(missing) > setIndexMax {
		x.reset()
		if err := x.open(ctx); err != nil {
			return f, fmt.Errorf("search: set index: %w", err)
		}
		missing = f.pids
	}
	// A build once started finishes: the reader cancels a search at the
	// next keystroke, and one cancelled half way would start again at
	// every keystroke, never done while the user types.
	build := context.WithoutCancel(ctx)
	if len(x.hashes) == 0 && len(missing) > 0 {
		if missing, err = s.withStatePids(build, missing); err != nil {
			return f, err
		}
	}
	if err := s.indexSet(build, x, missing); err != nil {
		x.reset() // the index may hold half a change
		return f, err
	}
	for _, pid := range f.pids {
		if !x.verified[pid] {
			return f, nil // left out: its text could not be rebuilt exactly
		}
	}
	f.setGen = x.gen
	return f, nil
}

// patient counts a search with words of f's set and says whether the set
// may be indexed for it: it has been searched setIndexPatience times, or
// has few papers not indexed yet. Called with x.mu held.
func (x *setIndex) patient(f Filter) bool {
	unindexed := 0
	for _, pid := range f.pids {
		if _, ok := x.hashes[pid]; !ok {
			unindexed++
		}
	}
	if unindexed <= setIndexBuildMin {
		return true
	}
	if x.asked == nil {
		x.asked = map[string]int{}
	}
	key := setKey(f)
	x.asked[key]++
	return x.asked[key] > setIndexPatience
}

// withStatePids adds to pids (sorted) the papers that carry a tag or a
// note, when they are few: the index starts with all of them, so that
// the first search within a tag pays for the others too (0.2 ms a
// paper), rather than the first search within each.
func (s *Store) withStatePids(ctx context.Context, pids []int64) ([]int64, error) {
	state, err := s.pidsOf(ctx, `SELECT p.pid FROM papers p
		WHERE p.id IN (SELECT id FROM tags UNION SELECT id FROM notes) LIMIT ?`, setIndexMax/2+1)
	if err != nil {
		return nil, err
	}
	if len(state) > setIndexMax/2 {
		return pids, nil
	}
	all := append(slices.Clone(pids), state...)
	slices.Sort(all)
	return slices.Compact(all), nil
}

// textHashes reads the text_hash of the papers pids.
func (s *Store) textHashes(ctx context.Context, pids []int64) (map[int64]int64, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT pid, text_hash FROM papers WHERE `+pidList("pid", pids))
	if err != nil {
		return nil, explain(s.path, fmt.Errorf("search: %w", err))
	}
	defer rows.Close()
	out := make(map[int64]int64, len(pids))
	for rows.Next() {
		var pid, h int64
		if err := rows.Scan(&pid, &h); err != nil {
			return nil, fmt.Errorf("search: %w", err)
		}
		out[pid] = h
	}
	return out, rows.Err()
}

// indexSet indexes the papers pids in x (replacing what it held of
// them), as upsertPapers indexed them, and marks them verified; a paper
// whose text as rebuilt does not hash to its text_hash is left out (bad).
func (s *Store) indexSet(ctx context.Context, x *setIndex, pids []int64) error {
	if len(pids) == 0 {
		return nil
	}
	rows, err := s.db.QueryContext(ctx, `SELECT pid, title, raw, authors, ai_summary, ai_keywords, organization, text_hash
		FROM papers WHERE `+pidList("pid", pids)+` ORDER BY pid`)
	if err != nil {
		return explain(s.path, fmt.Errorf("search: %w", err))
	}
	defer rows.Close()
	var batch [][]any
	hashes := map[int64]int64{}
	for rows.Next() {
		var pid, h int64
		var c row
		var raw []byte
		if err := rows.Scan(&pid, &c.title, &raw, &c.authors, &c.aiSummary, &c.keywords, &c.organization, &h); err != nil {
			return fmt.Errorf("search: %w", err)
		}
		c.abstract = abstractOf(raw)
		if c.hash() != h || !plainText(c) {
			x.bad[pid] = h
			continue
		}
		batch = append(batch, []any{pid, c.title, c.abstract, c.authors, c.aiSummary, c.keywords, c.organization})
		hashes[pid] = h
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("search: %w", err)
	}
	rows.Close()
	if err := x.write(ctx, pids, batch); err != nil {
		return fmt.Errorf("search: set index: %w", err)
	}
	for _, pid := range pids {
		delete(x.hashes, pid)
		delete(x.verified, pid)
	}
	for pid, h := range hashes {
		x.hashes[pid], x.verified[pid] = h, true
	}
	return nil
}

// plainText says whether the columns pass through JSON unchanged: it
// replaces invalid UTF-8, and SQLite may cut a text at a NUL.
func plainText(c row) bool {
	for _, t := range []string{c.title, c.abstract, c.authors, c.aiSummary, c.keywords, c.organization} {
		if !utf8.ValidString(t) || strings.IndexByte(t, 0) >= 0 {
			return false
		}
	}
	return true
}

// write replaces the papers pids in the index with batch (rows of rowid
// and the six columns, in rowid order), in one statement each: FTS5
// writes a new segment whenever a rowid is not above the last one
// written, so one insert in order makes one segment of the lot.
func (x *setIndex) write(ctx context.Context, pids []int64, batch [][]any) error {
	var old []int64
	for _, pid := range pids {
		if _, ok := x.hashes[pid]; ok {
			old = append(old, pid)
		}
	}
	clear(x.matches)
	tx, err := x.conn.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if len(old) > 0 {
		if _, err := tx.ExecContext(ctx, `DELETE FROM set_fts WHERE `+pidList("rowid", old)); err != nil {
			return err
		}
	}
	if len(batch) > 0 {
		js, err := json.Marshal(batch)
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO set_fts(rowid, title, abstract, authors, ai_summary, ai_keywords, organization)
			SELECT value->>0, value->>1, value->>2, value->>3, value->>4, value->>5, value->>6 FROM json_each(?)`, string(js)); err != nil {
			return err
		}
	}
	return tx.Commit()
}
