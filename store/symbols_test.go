package store

import (
	"context"
	"database/sql"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/papertui/papers/feed"
	"github.com/papertui/papers/store/query"
)

// symbolLibrary holds papers that mention c, C++ and .NET in different
// places.
func symbolLibrary(t *testing.T, s *Store) {
	t.Helper()
	cpp := paper("2503.00001", "Characterizing Generated C++ in Production", 1, "2025-03-10")
	inAbstract := paper("2503.00002", "Compilers at scale", 2, "2025-03-11")
	inAbstract.Abstract = "We port the kernels from C to C++, then to C#."
	plainC := paper("2503.00003", "The C programming language", 90, "2025-03-12")
	plainC.Abstract = "Pointers in C, as c is."
	dotnet := paper("2503.00004", "Services on .NET", 3, "2025-03-12")
	mustSave(t, s, "2025-03-10", cpp)
	mustSave(t, s, "2025-03-11", inAbstract)
	mustSave(t, s, "2025-03-12", plainC, dotnet)
}

func search(t *testing.T, s *Store, text string, sort Sort) string {
	t.Helper()
	q, err := query.Parse(text)
	if err != nil {
		t.Fatal(err)
	}
	es, err := s.Entries(context.Background(), Filter{Sort: sort}.Search(q), 0, 0)
	if err != nil {
		t.Fatalf("%q: %v", text, err)
	}
	return ids(es)
}

// TestSearchSymbolWords: "c++" finds the papers holding C++, the one with
// it in its title first, and not those with a mere "c"; the same in every
// order, and for c# and .net.
func TestSearchSymbolWords(t *testing.T) {
	s := openTemp(t)
	symbolLibrary(t, s)
	for _, tt := range []struct {
		text string
		sort Sort
		want string
	}{
		{"c++", SortRelevance, "2503.00001 2503.00002"},
		{"C++", SortNewest, "2503.00002 2503.00001"},
		{"c++", SortUpvotes, "2503.00002 2503.00001"},
		{"c#", SortRelevance, "2503.00002"},
		{".net", SortRelevance, "2503.00004"},
		{`"c++ in production"`, SortRelevance, "2503.00001"},
		{"c", SortNewest, "2503.00003 2503.00002 2503.00001"},
	} {
		if got := search(t, s, tt.text, tt.sort); got != tt.want {
			t.Errorf("%q by %s = %s, want %s", tt.text, tt.sort, got, tt.want)
		}
	}
}

// TestSearchExcludes: -word, NOT word and -"phrase" leave out the papers
// holding them, with or without other words; -c++ leaves out C++, not c.
func TestSearchExcludes(t *testing.T) {
	s := openTemp(t)
	symbolLibrary(t, s)
	for _, tt := range []struct{ text, want string }{
		{"c -c++", "2503.00003"},
		{"c NOT c++", "2503.00003"},
		{"-c++", "2503.00003 2503.00004"},
		{"-compilers -services", "2503.00003 2503.00001"},
		{`-"programming language" -production`, "2503.00004 2503.00002"},
		{"c -pointers upvotes:<3", "2503.00002 2503.00001"},
	} {
		if got := search(t, s, tt.text, SortNewest); got != tt.want {
			t.Errorf("%q = %s, want %s", tt.text, got, tt.want)
		}
		for _, sort := range []Sort{SortRelevance, SortUpvotes} {
			if got := sorted(search(t, s, tt.text, sort)); got != sorted(tt.want) {
				t.Errorf("%q by %s = %s, want %s", tt.text, sort, got, tt.want)
			}
		}
		q, _ := query.Parse(tt.text)
		n, err := s.Count(context.Background(), Filter{}.Search(q))
		if err != nil || n != countIDs(tt.want) {
			t.Errorf("Count(%q) = %d, %v; want %d", tt.text, n, err, countIDs(tt.want))
		}
	}
}

func sorted(ids string) string {
	f := strings.Fields(ids)
	slices.Sort(f)
	return strings.Join(f, " ")
}

func countIDs(s string) int { return len(strings.Fields(s)) }

// TestMigrationFillsSymbols: a library made before symbol words were kept
// gets them on open (abstracts included), and keeps its queue and read
// marks.
func TestMigrationFillsSymbols(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "papers.db")
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	p := paper("2503.00002", "Compilers at scale", 2, "2025-03-11")
	p.Abstract = "We port the kernels from C to C++."
	p.Raw = nil // stored as made, so the abstract lives in the raw item
	mustSave(t, s, "2025-03-11", p)
	if err := s.Enqueue(ctx, p.ID); err != nil {
		t.Fatal(err)
	}
	if err := s.SetRead(ctx, true, p.ID); err != nil {
		t.Fatal(err)
	}
	s.Close()
	// Back to schema 1, as an older papers left it.
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	backToSchema1(t, db)
	db.Close()
	s, err = Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if got := search(t, s, "c++", SortRelevance); got != p.ID {
		t.Errorf("c++ after migrating = %q, want %s", got, p.ID)
	}
	rec, err := s.Record(ctx, p.ID)
	if err != nil || !rec.Queued || !rec.Read {
		t.Errorf("queue and read marks after migrating: %+v, %v", rec, err)
	}
}

// symbolsOf is what the library holds of a paper's symbol words.
func symbolsOf(t *testing.T, s *Store, id string) string {
	var key string
	if err := s.db.QueryRow(`SELECT symbols FROM papers WHERE id = ?`, id).Scan(&key); err != nil {
		t.Fatal(err)
	}
	return key
}

// TestUpdateRewritesSymbols: a paper whose text changes gets the symbol
// words of its new text.
func TestUpdateRewritesSymbols(t *testing.T) {
	s := openTemp(t)
	p := paper("2503.00001", "Kernels in C++", 1, "2025-03-10")
	mustSave(t, s, "2025-03-10", p)
	p.Title, p.Abstract = "Kernels in C#", "Ported."
	if _, err := s.SavePapers(context.Background(), []feed.Paper{p}); err != nil {
		t.Fatal(err)
	}
	if got := symbolsOf(t, s, p.ID); got != " c# " {
		t.Errorf("symbols after update = %q", got)
	}
}

// TestTwoOpensMigrateOnce: two processes opening a library from before
// the symbols column both succeed; the second finds the work done.
func TestTwoOpensMigrateOnce(t *testing.T) {
	path := filepath.Join(t.TempDir(), "papers.db")
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	mustSave(t, s, "2025-03-11", paper("2503.00002", "Kernels in C++", 2, "2025-03-11"))
	s.Close()
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	backToSchema1(t, db)
	db.Close()
	errs := make(chan error, 2)
	for range 2 {
		go func() {
			s, err := Open(path)
			if err == nil {
				s.Close()
			}
			errs <- err
		}()
	}
	for range 2 {
		if err := <-errs; err != nil {
			t.Errorf("open while another migrates: %v", err)
		}
	}
}

// TestBackfillMatchesImport: filling the symbols column of an existing
// library (from the raw items, skipping those without a symbol word)
// gives every corpus paper the symbol words an import gives it.
func TestBackfillMatchesImport(t *testing.T) {
	if testing.Short() {
		t.Skip("imports the corpus")
	}
	days := corpusDays(t)
	s := openTemp(t)
	importDays(t, s, days)
	want := allSymbols(t, s)
	ctx := context.Background()
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, `UPDATE papers SET symbols = ''`); err != nil {
			return err
		}
		return backfillSymbols(ctx, tx)
	})
	if err != nil {
		t.Fatal(err)
	}
	got := allSymbols(t, s)
	held := 0
	for pid, w := range want {
		if w != "" {
			held++
		}
		if got[pid] != w {
			t.Errorf("paper %d: backfill %q, import %q", pid, got[pid], w)
		}
	}
	if held == 0 {
		t.Error("no corpus paper holds a symbol word")
	}
	t.Logf("%d of %d papers hold symbol words", held, len(want))
}

func allSymbols(t *testing.T, s *Store) map[int64]string {
	rows, err := s.db.Query(`SELECT pid, symbols FROM papers`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	m := map[int64]string{}
	for rows.Next() {
		var pid int64
		var key string
		if err := rows.Scan(&pid, &key); err != nil {
			t.Fatal(err)
		}
		m[pid] = key
	}
	return m
}

// backToSchema1 undoes every migration after the first, as an older
// papers left the file: what later migrations added (triggers, views,
// indexes, tables, virtual tables first so their shadow tables go too,
// and columns of the first schema's tables) is dropped.
func backToSchema1(t *testing.T, db *sql.DB) {
	t.Helper()
	fresh, err := sql.Open("sqlite", ":memory:")
	if err != nil {
		t.Fatal(err)
	}
	defer fresh.Close()
	body, err := migrationFiles.ReadFile("migrations/" + migrations()[0].name)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := fresh.Exec(string(body)); err != nil {
		t.Fatal(err)
	}
	want := schemaNames(t, fresh)
	var stmts []string
	for _, kind := range []string{"trigger", "view", "index"} {
		for _, name := range schemaNamesOf(t, db, kind, "") {
			if !want[kind+" "+name] && !strings.HasPrefix(name, "sqlite_autoindex") {
				stmts = append(stmts, "DROP "+strings.ToUpper(kind)+` IF EXISTS "`+name+`"`)
			}
		}
	}
	for _, filter := range []string{"CREATE VIRTUAL%", "CREATE TABLE%"} {
		for _, name := range schemaNamesOf(t, db, "table", filter) {
			if !want["table "+name] {
				stmts = append(stmts, `DROP TABLE IF EXISTS "`+name+`"`)
			}
		}
	}
	for key := range want {
		table, ok := strings.CutPrefix(key, "table ")
		if !ok {
			continue
		}
		keep := tableColumns(t, fresh, table)
		for _, c := range tableColumns(t, db, table) {
			if !slices.Contains(keep, c) {
				stmts = append(stmts, `ALTER TABLE "`+table+`" DROP COLUMN "`+c+`"`)
			}
		}
	}
	stmts = append(stmts, `PRAGMA user_version = 1`)
	for _, stmt := range stmts {
		if _, err := db.Exec(stmt); err != nil {
			t.Fatalf("%s: %v", stmt, err)
		}
	}
}

// schemaNames is every "type name" in db's schema.
func schemaNames(t *testing.T, db *sql.DB) map[string]bool {
	t.Helper()
	names := map[string]bool{}
	for _, kind := range []string{"table", "index", "trigger", "view"} {
		for _, n := range schemaNamesOf(t, db, kind, "") {
			names[kind+" "+n] = true
		}
	}
	return names
}

// schemaNamesOf lists the schema's objects of one type, those whose SQL
// is LIKE like when it is set.
func schemaNamesOf(t *testing.T, db *sql.DB, kind, like string) []string {
	t.Helper()
	q, args := `SELECT name FROM sqlite_master WHERE type = ?`, []any{kind}
	if like != "" {
		q += ` AND sql LIKE ?`
		args = append(args, like)
	}
	return queryNames(t, db, q, args...)
}

func tableColumns(t *testing.T, db *sql.DB, table string) []string {
	t.Helper()
	return queryNames(t, db, `SELECT name FROM pragma_table_info(?)`, table)
}

// queryNames is the one text column q selects, every row of it.
func queryNames(t *testing.T, db *sql.DB, q string, args ...any) []string {
	t.Helper()
	rows, err := db.Query(q, args...)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var names []string
	for rows.Next() {
		var n string
		if err := rows.Scan(&n); err != nil {
			t.Fatal(err)
		}
		names = append(names, n)
	}
	return names
}
