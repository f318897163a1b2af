package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync"
	"time"
	"unsafe"

	"github.com/klauspost/compress/zstd"

	"github.com/papertui/papers/feed"
	"github.com/papertui/papers/store/query"
)

// Text is a stored full text.
type Text struct {
	ID        string
	Title     string
	Source    feed.TextSource
	URLSource string
	Version   int // arXiv version converted; 0 unknown
	Published time.Time
	FetchedAt time.Time
	Size      int    // bytes of the Markdown
	Stored    int    // bytes of the compressed body
	Markdown  string // "" from TextInfo
}

// ErrNoText means a paper has no stored full text.
var ErrNoText = errors.New("no full text stored")

// textCodec compresses texts at a stronger level than raw items: a text is
// written once and read whole, and the better level brings prose
// Markdown to about a quarter of its size.
var textCodec = sync.OnceValues(func() (*zstd.Encoder, *zstd.Decoder) {
	enc, err := zstd.NewWriter(nil, zstd.WithEncoderLevel(zstd.SpeedBetterCompression), zstd.WithEncoderConcurrency(1))
	if err != nil {
		panic("text encoder: " + err.Error())
	}
	dec, err := zstd.NewReader(nil, zstd.WithDecoderConcurrency(0), zstd.WithDecoderMaxMemory(64<<20))
	if err != nil {
		panic("text decoder: " + err.Error())
	}
	return enc, dec
})

func compressText(b []byte) []byte {
	enc, _ := textCodec()
	return enc.EncodeAll(b, nil)
}

func decompressText(b []byte) ([]byte, error) {
	_, dec := textCodec()
	return dec.DecodeAll(b, nil)
}

// decompressTextInto is decompressText appending to dst, to reuse a buffer.
func decompressTextInto(dst, b []byte) ([]byte, error) {
	_, dec := textCodec()
	return dec.DecodeAll(b, dst)
}

// ErrWorseText means PutText kept the stored text, because the one offered
// in its place is worse: Hugging Face's fallback extraction where arXiv's
// HTML was stored, an older arXiv version, or less than half the stored
// text without being a newer version (an answer cut short).
var ErrWorseText = errors.New("kept the stored text: the new answer is worse")

// worseText says why a text of newSize bytes from source at version is
// worse than the stored one, "" when it may replace it.
func worseText(old Text, source feed.TextSource, version, newSize int) string {
	switch {
	case source == feed.SourceArXivHTML && old.Source != feed.SourceArXivHTML:
		// arXiv's HTML over HF's fallback is the better text whatever the
		// sizes (a fallback of the PDF carries its noise) and versions (a
		// fallback's version is only what its links say).
		return ""
	case old.Source == feed.SourceArXivHTML && source != feed.SourceArXivHTML:
		return "Hugging Face's extraction, where arXiv's HTML is stored"
	case version > 0 && version < old.Version:
		return fmt.Sprintf("arXiv v%d, older than the stored v%d", version, old.Version)
	case version <= old.Version && newSize < old.Size/2:
		return fmt.Sprintf("%d bytes, where %d are stored", newSize, old.Size)
	}
	return ""
}

// PutText stores a full text, replacing an earlier one of the same paper,
// with its index entry, in one transaction: a text is stored whole or not
// at all. A text worse than the stored one (worseText) is not stored: the
// error wraps ErrWorseText.
func (s *Store) PutText(ctx context.Context, t feed.FullText, fetched time.Time) error {
	if t.ID == "" || t.Markdown == "" {
		return fmt.Errorf("store full text %q: empty", t.ID)
	}
	body := compressText([]byte(t.Markdown))
	index := indexText(t.Markdown)
	published := ""
	if !t.Published.IsZero() {
		published = t.Published.UTC().Format(time.RFC3339)
	}
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		// checked: when the text was last known current (textversions.go):
		// fetched, or found so by asking arXiv, whichever is later.
		var old, checked int64
		var had Text
		var source string
		switch err := tx.QueryRowContext(ctx, `SELECT tid, checked_at, source, version, size FROM texts WHERE id = ?`, t.ID).Scan(&old, &checked, &source, &had.Version, &had.Size); {
		case err == nil:
			had.Source = feed.TextSource(source)
			if why := worseText(had, t.Source, t.Version, len(t.Markdown)); why != "" {
				return fmt.Errorf("%w (%s)", ErrWorseText, why)
			}
			if _, err := tx.ExecContext(ctx, `DELETE FROM texts_fts WHERE rowid = ?`, old); err != nil {
				return err
			}
			if _, err := tx.ExecContext(ctx, `DELETE FROM texts WHERE tid = ?`, old); err != nil {
				return err
			}
		case !errors.Is(err, sql.ErrNoRows):
			return err
		}
		res, err := tx.ExecContext(ctx, `INSERT INTO texts(id, title, source, url_source, version, published, fetched_at, size, body, checked_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, t.ID, t.Title, string(t.Source), t.URLSource, t.Version,
			published, fetched.Unix(), len(t.Markdown), body, max(checked, fetched.Unix()))
		if err != nil {
			return err
		}
		tid, err := res.LastInsertId()
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO texts_fts(rowid, body) VALUES (?, ?)`, tid, index); err != nil {
			return err
		}
		_, err = tx.ExecContext(ctx, `DELETE FROM text_absent WHERE id = ?`, t.ID)
		return err
	})
	if errors.Is(err, ErrWorseText) {
		return fmt.Errorf("full text %s: %w", t.ID, err)
	}
	if err != nil {
		return fmt.Errorf("store full text %s: %w", t.ID, explain(s.path, err))
	}
	return nil
}

// indexText is what the index holds of a text: its words without link
// targets ("](https://arxiv.org/html/…#bib.bib15)") and bare URLs, which
// would make every text match "arxiv" and "html".
func indexText(md string) string {
	var b strings.Builder
	b.Grow(len(md))
	for i := 0; i < len(md); {
		switch {
		case md[i] == ']' && i+1 < len(md) && md[i+1] == '(':
			if j := strings.IndexByte(md[i+2:], ')'); j >= 0 {
				b.WriteString("] ")
				i += j + 3
				continue
			}
		case md[i] == 'h' && (strings.HasPrefix(md[i:], "https://") || strings.HasPrefix(md[i:], "http://")):
			j := strings.IndexAny(md[i:], " \t\n")
			if j < 0 {
				j = len(md) - i
			}
			b.WriteByte(' ')
			i += j
			continue
		}
		b.WriteByte(md[i])
		i++
	}
	return b.String()
}

const textColumns = `id, title, source, url_source, version, published, fetched_at, size, length(body)`

func scanText(sc interface{ Scan(...any) error }, t *Text, extra ...any) error {
	var source, published string
	var fetched int64
	dest := append([]any{&t.ID, &t.Title, &source, &t.URLSource, &t.Version, &published, &fetched, &t.Size, &t.Stored}, extra...)
	if err := sc.Scan(dest...); err != nil {
		return err
	}
	t.Source = feed.TextSource(source)
	t.FetchedAt = time.Unix(fetched, 0).UTC()
	if published != "" {
		t.Published, _ = time.Parse(time.RFC3339, published)
	}
	return nil
}

// Text is a paper's stored full text, decompressed. A paper without one
// gives an error wrapping ErrNoText.
func (s *Store) Text(ctx context.Context, id string) (Text, error) {
	var t Text
	var body []byte
	row := s.db.QueryRowContext(ctx, `SELECT `+textColumns+`, body FROM texts WHERE id = ?`, id)
	if err := scanText(row, &t, &body); errors.Is(err, sql.ErrNoRows) {
		return Text{}, fmt.Errorf("%s: %w", id, ErrNoText)
	} else if err != nil {
		return Text{}, fmt.Errorf("read full text %s: %w", id, err)
	}
	md, err := decompressText(body)
	if err != nil {
		return Text{}, fmt.Errorf("read full text %s: damaged (%v); fetch it again with `papers fetch --refresh %s`", id, err, id)
	}
	t.Markdown = string(md)
	return t, nil
}

// TextInfo lists the stored texts without their bodies, by id.
func (s *Store) TextInfo(ctx context.Context) (map[string]Text, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT `+textColumns+` FROM texts`)
	if err != nil {
		return nil, fmt.Errorf("list full texts: %w", err)
	}
	defer rows.Close()
	out := map[string]Text{}
	for rows.Next() {
		var t Text
		if err := scanText(rows, &t); err != nil {
			return nil, fmt.Errorf("list full texts: %w", err)
		}
		out[t.ID] = t
	}
	return out, rows.Err()
}

// NeedsText says whether a paper's text should be fetched: none is stored,
// or the one stored was converted from an older arXiv version than latest
// (0 when the latest version is unknown).
//
// A stale text that Hugging Face was asked for again less than
// askAgainAfter ago, when arXiv already listed latest, is not needed: HF
// served an older version then (MarkVersionAsked) and is asked again only
// once arXiv lists a later version still or the day is over.
func (s *Store) NeedsText(ctx context.Context, id string, latest int) (bool, error) {
	var version, asked int
	var checked int64
	err := s.db.QueryRowContext(ctx, `SELECT version, asked_version, checked_at FROM texts WHERE id = ?`, id).Scan(&version, &asked, &checked)
	if errors.Is(err, sql.ErrNoRows) {
		return true, nil
	}
	if err != nil {
		return false, fmt.Errorf("look up full text %s: %w", id, err)
	}
	if latest <= 0 || version <= 0 || latest <= version {
		return false, nil
	}
	askedLately := asked >= latest && time.Since(time.Unix(checked, 0)) < askAgainAfter
	return !askedLately, nil
}

// askAgainAfter is how long a stale text HF could not serve newer is left
// alone: HF converts new versions within hours to days.
const askAgainAfter = 24 * time.Hour

// TextStats is how many texts are stored and their sizes.
type TextStats struct {
	Count    int
	Markdown int64 // bytes of Markdown they hold
	Stored   int64 // bytes of their compressed bodies
	Disk     int64 // bytes of the file's pages they and their index take
}

// textTables are the tables and indexes that hold full texts.
const textTables = `'texts', 'sqlite_autoindex_texts_1', 'texts_fts_data', 'texts_fts_idx', 'texts_fts_docsize', 'texts_fts_config'`

// TextStats counts the stored texts.
func (s *Store) TextStats(ctx context.Context) (TextStats, error) {
	var st TextStats
	err := s.db.QueryRowContext(ctx, `SELECT count(*), coalesce(sum(size), 0), coalesce(sum(length(body)), 0) FROM texts`).
		Scan(&st.Count, &st.Markdown, &st.Stored)
	if err != nil {
		return st, fmt.Errorf("count full texts: %w", err)
	}
	// dbstat walks only the pages of the tables named; where it is not
	// compiled in, Disk stays 0 and the stats say less.
	var disk sql.NullInt64
	if err := s.db.QueryRowContext(ctx, `SELECT sum(pgsize) FROM dbstat('main', 1) WHERE name IN (`+textTables+`)`).Scan(&disk); err == nil {
		st.Disk = disk.Int64
	}
	return st, nil
}

// DeleteTexts removes stored texts and their index entries: all of them,
// or with onlyRead those of papers marked read. It returns how many went.
func (s *Store) DeleteTexts(ctx context.Context, onlyRead bool) (int, error) {
	where := ""
	if onlyRead {
		where = ` WHERE id IN (SELECT id FROM read_marks)`
	}
	var n int
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, `DELETE FROM texts_fts WHERE rowid IN (SELECT tid FROM texts`+where+`)`); err != nil {
			return err
		}
		res, err := tx.ExecContext(ctx, `DELETE FROM texts`+where)
		if err != nil {
			return err
		}
		k, err := res.RowsAffected()
		n = int(k)
		return err
	})
	if err != nil {
		return 0, fmt.Errorf("delete full texts: %w", explain(s.path, err))
	}
	return n, nil
}

// rankedTextHits is how many hits a text search may have for bm25 to rank
// them.
const rankedTextHits = 100

// TextHit is one paper whose full text matches, with the first sentence
// that holds a searched word.
type TextHit struct {
	ID       string
	Title    string
	Sentence string // untrusted Markdown, as stored
}

// TextHits searches the stored texts for every one of terms (words or
// phrases, as typed) and returns up to limit papers, best match first,
// each with its matching sentence.
func (s *Store) TextHits(ctx context.Context, terms []string, limit int) ([]TextHit, error) {
	match := TextMatch(terms)
	if match == "" {
		return nil, nil
	}
	if limit <= 0 {
		limit = 50
	}
	// bm25 reads every hit's whole position lists: cheap for a rare word,
	// a tenth of a second for one in every text. Rank only few hits; list
	// many newest-fetched first, which the index walks in order. One walk
	// past the ranked few tells which, and lists the newest.
	tids, err := s.textTids(ctx, `SELECT rowid FROM texts_fts WHERE texts_fts MATCH ? ORDER BY rowid DESC LIMIT ?`,
		match, rankedTextHits+1)
	if err == nil && len(tids) <= rankedTextHits {
		tids, err = s.textTids(ctx, `SELECT rowid FROM texts_fts WHERE texts_fts MATCH ? ORDER BY rank LIMIT ?`, match, limit)
	}
	if err != nil {
		return nil, fmt.Errorf("search full texts: %w", err)
	}
	hits, err := s.textHitsOf(ctx, tids[:min(limit, len(tids))], terms)
	if err != nil {
		return nil, fmt.Errorf("search full texts: %w", err)
	}
	return hits, nil
}

// textTids is the text rowids a query of texts_fts lists, in its order.
func (s *Store) textTids(ctx context.Context, q string, args ...any) ([]int64, error) {
	return collect[int64](s.db.QueryContext(ctx, q, args...))
}

// textHitsOf reads the texts of tids, in that order, with their matching
// sentences.
func (s *Store) textHitsOf(ctx context.Context, tids []int64, terms []string) ([]TextHit, error) {
	if len(tids) == 0 {
		return nil, nil
	}
	args := make([]any, len(tids))
	for i, tid := range tids {
		args[i] = tid
	}
	rows, err := s.db.QueryContext(ctx, `SELECT tid, id, title, body FROM texts WHERE tid IN (?`+
		strings.Repeat(", ?", len(tids)-1)+`)`, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	type text struct {
		hit  TextHit
		body []byte
	}
	byTid := make(map[int64]text, len(tids))
	for rows.Next() {
		var tid int64
		var t text
		if err := rows.Scan(&tid, &t.hit.ID, &t.hit.Title, &t.body); err != nil {
			return nil, err
		}
		byTid[tid] = t
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	hits := make([]TextHit, 0, len(tids))
	bodies := make([][]byte, 0, len(tids))
	for _, tid := range tids {
		if t, ok := byTid[tid]; ok {
			hits, bodies = append(hits, t.hit), append(bodies, t.body)
		}
	}
	sentences(hits, bodies, terms)
	return hits, nil
}

// sentences fills in each hit's matching sentence from its compressed
// body. Decompressing is most of a search's cost: every text is decoded
// into one buffer.
func sentences(hits []TextHit, bodies [][]byte, terms []string) {
	var md []byte
	for i, body := range bodies {
		var err error
		if md, err = decompressTextInto(md[:0], body); err != nil || len(md) == 0 {
			continue // damaged: doctor says so; the search still lists the paper
		}
		// The sentence is built anew (indexText), never a slice of the
		// buffer the next text overwrites; Clone says so.
		hits[i].Sentence = strings.Clone(Sentence(unsafe.String(&md[0], len(md)), terms))
	}
}

// TextMatch is the FTS5 expression finding texts holding every term: each
// term a phrase of its index terms. "" when no term holds a word.
func TextMatch(terms []string) string {
	var parts []string
	for _, t := range terms {
		if words := query.IndexTerms(t); len(words) > 0 {
			parts = append(parts, `"`+strings.Join(words, " ")+`"`)
		}
	}
	return strings.Join(parts, " AND ")
}

// ReadIDs is the set of papers marked read.
func (s *Store) ReadIDs(ctx context.Context) (map[string]bool, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT id FROM read_marks`)
	if err != nil {
		return nil, fmt.Errorf("list read papers: %w", err)
	}
	defer rows.Close()
	out := map[string]bool{}
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			return nil, fmt.Errorf("list read papers: %w", err)
		}
		out[id] = true
	}
	return out, rows.Err()
}

// examineTexts checks every stored text reads back whole (decompresses to
// its recorded size) and that the text index holds exactly the texts.
func (c *Checkup) examineTexts(ctx context.Context, db *sql.DB) {
	var indexed int
	err := db.QueryRowContext(ctx, `SELECT (SELECT count(*) FROM texts), (SELECT count(*) FROM texts_fts_docsize)`).
		Scan(&c.FullTexts, &indexed)
	if err != nil {
		c.problem("cannot count the full texts: %v", err)
		return
	}
	if indexed != c.FullTexts {
		c.problem("full-text search of texts out of step: %d texts, %d indexed", c.FullTexts, indexed)
	}
	rows, err := db.QueryContext(ctx, `SELECT id, size, body FROM texts`)
	if err != nil {
		c.problem("cannot read the full texts: %v", err)
		return
	}
	defer rows.Close()
	var bad []string
	for rows.Next() {
		var id string
		var size int
		var body []byte
		if err := rows.Scan(&id, &size, &body); err != nil {
			c.problem("cannot read the full texts: %v", err)
			return
		}
		if md, err := decompressText(body); err != nil || len(md) != size {
			bad = append(bad, id)
		}
	}
	if len(bad) > 0 {
		c.problem("%d full texts are damaged (%s): `papers fetch --refresh ID` fetches them again",
			len(bad), strings.Join(bad[:min(len(bad), 5)], ", "))
	}
}

// QueuedWithoutText lists the queued papers with no stored full text, in
// queue order: what a sync fetches so the queue reads offline.
func (s *Store) QueuedWithoutText(ctx context.Context) ([]string, error) {
	ids, err := collect[string](s.db.QueryContext(ctx, `SELECT q.id FROM queue q
		WHERE NOT EXISTS (SELECT 1 FROM texts t WHERE t.id = q.id) ORDER BY q.position`))
	if err != nil {
		return nil, fmt.Errorf("list queued papers without text: %w", err)
	}
	return ids, nil
}

// TextSentence is the sentence of a paper's stored text holding the first
// of terms found, "" when it has no text or none is found.
func (s *Store) TextSentence(ctx context.Context, id string, terms []string) (string, error) {
	all, err := s.TextSentences(ctx, id, terms)
	if err != nil || len(all) == 0 {
		return "", err
	}
	return all[0], nil
}

// TextSentences is, for each of terms, the first sentence of a paper's
// stored text holding it, each sentence once, in the order of terms; nil
// when it has no text. They are the text's Markdown (untrusted).
func (s *Store) TextSentences(ctx context.Context, id string, terms []string) ([]string, error) {
	var body []byte
	err := s.db.QueryRowContext(ctx, `SELECT body FROM texts WHERE id = ?`, id).Scan(&body)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("read full text %s: %w", id, err)
	}
	md, err := decompressText(body)
	if err != nil {
		return nil, nil // damaged: doctor says so; the search still lists the paper
	}
	var out []string
	for _, t := range terms {
		if sn := Sentence(string(md), []string{t}); sn != "" && !slices.Contains(out, sn) {
			out = append(out, sn)
		}
	}
	return out, nil
}

// MarkTextAbsent records that Hugging Face answered, at asked, that it
// has no text of paper id (a 404); storing its text forgets it.
func (s *Store) MarkTextAbsent(ctx context.Context, id string, asked time.Time) error {
	_, err := s.db.ExecContext(ctx, `INSERT INTO text_absent(id, asked_at) VALUES (?, ?)
		ON CONFLICT(id) DO UPDATE SET asked_at = excluded.asked_at`, id, asked.Unix())
	if err != nil {
		return fmt.Errorf("note that %s has no text: %w", id, explain(s.path, err))
	}
	return nil
}

// TextAbsent says when Hugging Face last answered it has no text of
// paper id; ok is false when it never did (or the text came since).
func (s *Store) TextAbsent(ctx context.Context, id string) (asked time.Time, ok bool, err error) {
	var at int64
	switch err := s.db.QueryRowContext(ctx, `SELECT asked_at FROM text_absent WHERE id = ?`, id).Scan(&at); {
	case errors.Is(err, sql.ErrNoRows):
		return time.Time{}, false, nil
	case err != nil:
		return time.Time{}, false, fmt.Errorf("text of %s: %w", id, explain(s.path, err))
	}
	return time.Unix(at, 0), true, nil
}
