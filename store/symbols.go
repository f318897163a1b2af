package store

import (
	"bytes"
	"context"
	"database/sql"
	"fmt"
	"runtime"
	"strings"
	"sync"

	"github.com/papertui/papers/feed"
	"github.com/papertui/papers/store/query"
)

// migrationFill is Go work a migration needs beyond its SQL, run in the
// same transaction, so a crash leaves the schema at a whole version.
var migrationFill = map[string]func(context.Context, *sql.Tx) error{
	"0002_symbols.sql": backfillSymbols,
}

// backfillSymbols fills the symbols column of papers stored before it
// existed. The abstract is read from the raw item, as the index was built
// from it; that decoding is most of the cost, so it runs on every core, a
// batch at a time. Only papers that hold a symbol word are written.
func backfillSymbols(ctx context.Context, tx *sql.Tx) error {
	rows, err := tx.QueryContext(ctx, `SELECT pid, title, raw, ai_summary, ai_keywords FROM papers`)
	if err != nil {
		return fmt.Errorf("read papers: %w", err)
	}
	keys := map[int64]string{}
	var batch []symbolSource
	for rows.Next() {
		var src symbolSource
		if err := rows.Scan(&src.pid, &src.title, &src.raw, &src.summary, &src.keywords); err != nil {
			rows.Close()
			return fmt.Errorf("read papers: %w", err)
		}
		if batch = append(batch, src); len(batch) == 1000 {
			symbolKeys(batch, keys)
			batch = batch[:0]
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return fmt.Errorf("read papers: %w", err)
	}
	symbolKeys(batch, keys)
	stmt, err := tx.PrepareContext(ctx, `UPDATE papers SET symbols = ? WHERE pid = ?`)
	if err != nil {
		return err
	}
	defer stmt.Close()
	for pid, key := range keys {
		if _, err := stmt.ExecContext(ctx, key, pid); err != nil {
			return fmt.Errorf("paper %d: %w", pid, err)
		}
	}
	return nil
}

// symbolSource is what a paper's symbol words are made from.
type symbolSource struct {
	pid                      int64
	title, summary, keywords string
	raw                      []byte
}

// symbolKeys adds to keys the symbol key of each paper in batch that has
// one, spread over the cores.
func symbolKeys(batch []symbolSource, keys map[int64]string) {
	out := make([]string, len(batch))
	var wg sync.WaitGroup
	workers := runtime.GOMAXPROCS(0)
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := w; i < len(batch); i += workers {
				b := batch[i]
				out[i] = query.SymbolKey(b.title, abstractOfRaw(b.raw), b.summary, b.keywords)
			}
		}()
	}
	wg.Wait()
	for i, key := range out {
		if key != "" {
			keys[batch[i].pid] = key
		}
	}
}

// abstractOfRaw is the abstract of a compressed raw item, "" when it has
// none or cannot be read, or when the item as a whole holds no symbol
// word (most do not): the abstract, inside it, cannot hold one either, and
// decoding the item is most of the cost.
func abstractOfRaw(raw []byte) string {
	item, err := decompressRaw(raw)
	if err != nil || len(item) == 0 {
		return ""
	}
	// A JSON escape ends a word as the character it stands for does
	// ("systems.While\nopen" is ".while"): read the backslashes as spaces.
	if !bytes.ContainsAny(item, "+#") && len(query.SymbolWords(strings.ReplaceAll(string(item), `\`, " "))) == 0 {
		return ""
	}
	p, err := feed.DecodeItem(item, "")
	if err != nil {
		return ""
	}
	return p.Abstract
}

// symbolConds are the conditions a view's symbol words add: each typed
// symbol word must be among the paper's, and no excluded term may match.
func symbolConds(words []string) (string, []any) {
	if len(words) == 0 {
		return "", nil
	}
	conds := make([]string, len(words))
	args := make([]any, len(words))
	for i, w := range words {
		conds[i] = "instr(p.symbols, ?) > 0"
		args[i] = " " + w
	}
	return strings.Join(conds, " AND "), args
}

// exclusionCond is the condition that leaves out the papers an excluded
// term matches: its phrase in the full-text index and its symbol words.
// perRow checks each candidate by rowid, for the few candidates of an
// index lookup, instead of collecting every paper holding the phrase.
func exclusionCond(ex query.Exclusion, perRow bool) (string, []any) {
	conds, args := symbolConds(ex.Symbols)
	if ex.Match != "" {
		m := "p.pid IN (SELECT rowid FROM papers_fts WHERE papers_fts MATCH ?)"
		if perRow {
			m = "EXISTS (SELECT 1 FROM papers_fts WHERE papers_fts MATCH ? AND rowid = p.pid)"
		}
		if conds != "" {
			m += " AND " + conds
		}
		conds, args = m, append([]any{ex.Match}, args...)
	}
	if conds == "" {
		return "", nil
	}
	return "NOT (" + conds + ")", args
}
