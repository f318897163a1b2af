package query

import (
	"database/sql"
	"reflect"
	"slices"
	"strings"
	"sync"
	"testing"

	_ "modernc.org/sqlite"
)

// papers are the rows every FTS5 test searches.
var papers = []struct{ title, abstract string }{
	1: {"Llama 3.1 herd of models", "We present a new set of foundation models."},
	2: {"GPT-4 technical report", "GPT-4 is a large multimodal model."},
	3: {"Compiling C++ with neural networks", "A C++ compiler."},
	4: {"Not all tokens are what you need", "Selective language modeling and foo."},
	5: {"日本語の大規模言語モデル", "Japanese model."},
	6: {"Café culture 🙂 in vision", "Emoji 🙂 study"},
}

// ftsDB is one in-memory FTS5 table per test process, shaped like the
// store's: the fuzzer calls it thousands of times.
var ftsDB = sync.OnceValues(func() (*sql.DB, error) {
	db, err := sql.Open("sqlite", ":memory:")
	if err != nil {
		return nil, err
	}
	// Each pooled connection to ":memory:" is its own database: keep one.
	db.SetMaxOpenConns(1)
	if _, err := db.Exec(`CREATE VIRTUAL TABLE t USING fts5(title, abstract, authors, ai_summary, keywords,
		tokenize='unicode61 remove_diacritics 2')`); err != nil {
		return nil, err
	}
	for id, p := range papers {
		if id == 0 {
			continue
		}
		if _, err := db.Exec(`INSERT INTO t(rowid, title, abstract) VALUES (?, ?, ?)`, id, p.title, p.abstract); err != nil {
			return nil, err
		}
	}
	return db, nil
})

// search runs match through real FTS5 and returns the matching rowids.
func search(t testing.TB, match string) []int {
	t.Helper()
	db, err := ftsDB()
	if err != nil {
		t.Fatalf("open fts5 table: %v", err)
	}
	rows, err := db.Query(`SELECT rowid FROM t WHERE t MATCH ? ORDER BY rowid`, match)
	if err != nil {
		t.Fatalf("MATCH %q: %v", match, err)
	}
	defer rows.Close()
	var ids []int
	for rows.Next() {
		var id int
		if err := rows.Scan(&id); err != nil {
			t.Fatalf("MATCH %q: %v", match, err)
		}
		ids = append(ids, id)
	}
	if err := rows.Err(); err != nil {
		t.Fatalf("MATCH %q: %v", match, err)
	}
	return ids
}

// awkward inputs are what real users type into a search box; they seed the
// fuzzer too.
var awkward = []struct {
	in   string
	want []int // rowids found; nil also when Match is ""
}{
	{"gpt-4", []int{2}},
	{"GPT-4 technical", []int{2}},
	{"gpt 4", []int{2}},
	{"c++", []int{3}},
	{"C++ compiler", []int{3}},
	{"llama 3.1", []int{1}},
	{"llama 3.1 ", []int{1}},
	{`"llama 3.1`, []int{1}},
	{`"herd llama"`, nil},
	{"mod", []int{1, 2, 4, 5}},
	{"mod ", nil},
	{"models ", []int{1}},
	{"(", nil},
	{"((llama", []int{1}},
	{"llama)", []int{1}},
	{`"`, nil},
	{`llama "`, []int{1}},
	{"AND", []int{4}},
	{"OR", nil},
	{"NOT", []int{4}},
	{"not AND all", []int{4}},
	{"NEAR(", nil},
	{"NEAR(llama herd)", nil}, // "near" is just a word, and no row has it
	{"*", nil},
	{"llama*", []int{1}},
	{"^foo", []int{4}},
	{"-x", nil},
	{"llama- -", []int{1}},
	{"title:llama", nil}, // unknown filter: an error, checked below
	{"🙂", nil},
	{"café 🙂", []int{6}},
	{"cafe", []int{6}},
	{"CAFÉ culture", []int{6}},
	{"日本語", []int{5}},
	{"Llama: herd", []int{1}},
	{"12:30", nil},
	{"{}[]~`!@#$%&_=+|\\;'<>,.?/", nil},
}

func TestAwkwardInputsFTS5(t *testing.T) {
	for _, tt := range awkward {
		q, err := Parse(tt.in)
		if tt.in == "title:llama" {
			if err == nil {
				t.Errorf("Parse(%q): want an unknown filter error", tt.in)
			}
			continue
		}
		if err != nil {
			t.Errorf("Parse(%q): %v", tt.in, err)
			continue
		}
		var got []int
		if q.Match != "" {
			got = search(t, q.Match)
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("Parse(%q).Match = %s finds %v, want %v", tt.in, q.Match, got, tt.want)
		}
	}
}

func FuzzParse(f *testing.F) {
	for _, tt := range awkward {
		f.Add(tt.in)
	}
	for _, s := range []string{
		`author:"Yann LeCun" org:"Google DeepMind" kw:rl upvotes:>=50 day:2025-10-02`,
		`since:2025-10 until:2025-11 is:queued is:unread has:code "diffusion model" mod`,
		`author:"unclosed`, `upvotes:>abc`, `is:starred`, `foo:bar`, `http://x.org`,
		"a\u0301 \u0301a +\u0301", "\x00\xff\"", `"" "" a""b`,
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		q, err := Parse(in)
		if err != nil {
			if msg := err.Error(); msg == "" || strings.ContainsAny(msg, "\r\n") {
				t.Fatalf("Parse(%q) error is not one line: %q", in, msg)
			}
			return
		}
		if q.Match != "" {
			search(t, q.Match) // fails the test if FTS5 rejects it
		}
		for _, ex := range q.Not {
			if ex.Match != "" {
				search(t, ex.Match)
			}
		}
		if (q.Match == "") != (len(q.Terms) == 0) {
			t.Fatalf("Parse(%q): Match %q disagrees with Terms %v", in, q.Match, q.Terms)
		}
		back, err := Parse(q.String())
		if err != nil || !reflect.DeepEqual(back, q) {
			t.Fatalf("Parse(%q).String() = %q parses to %#v, %v; want %#v", in, q.String(), back, err, q)
		}
		_ = q.Highlights()
		_ = q.Empty()
	})
}
