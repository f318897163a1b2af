package query

import (
	"reflect"
	"strings"
	"testing"
	"unicode"
)

func TestParseText(t *testing.T) {
	tests := []struct {
		in     string
		match  string
		terms  []Term
		prefix bool
	}{
		{"", "", nil, false},
		{"   ", "", nil, false},
		{"mod", `"mod"*`, []Term{{"mod", false}}, true},
		{"mod ", `"mod"`, []Term{{"mod", false}}, false},
		{"gpt-4", `"gpt 4"*`, []Term{{"gpt-4", false}}, true},
		{"gpt-", `"gpt"`, []Term{{"gpt-", false}}, false},
		{"c++", `"c"`, []Term{{"c++", false}}, false},
		{"llama 3.1", `"llama" "3 1"*`, []Term{{"llama", false}, {"3.1", false}}, true},
		{`"quoted phrase"`, `"quoted phrase"`, []Term{{"quoted phrase", true}}, false},
		{`"quoted  phr`, `"quoted phr"*`, []Term{{"quoted phr", true}}, true},
		{`"quoted phr `, `"quoted phr"`, []Term{{"quoted phr", true}}, false},
		{`a"b c"d`, `"a" "b c" "d"*`, []Term{{"a", false}, {"b c", true}, {"d", false}}, true},
		{"AND OR NOT", `"AND" "OR" "NOT"*`, []Term{{"AND", false}, {"OR", false}, {"NOT", false}}, true},
		{"NEAR(a b", `"NEAR a" "b"*`, []Term{{"NEAR(a", false}, {"b", false}}, true},
		{"(", "", nil, false},
		{`"`, "", nil, false},
		{`""`, "", nil, false},
		{"* ^ - ( ) :", "", nil, false},
		{"^foo", `"foo"*`, []Term{{"^foo", false}}, true},
		{"-x", "", nil, false},
		{"- x", `"x"*`, []Term{{"x", false}}, true},
		{"x*", `"x"`, []Term{{"x*", false}}, false},
		{"🙂 emoji", `"emoji"*`, []Term{{"emoji", false}}, true},
		{"emoji 🙂", `"emoji"`, []Term{{"emoji", false}}, false},
		{"日本語", `"日本語"*`, []Term{{"日本語", false}}, true},
		{"model:", `"model"`, []Term{{"model:", false}}, false},
		{"LLaMA: open", `"LLaMA" "open"*`, []Term{{"LLaMA:", false}, {"open", false}}, true},
		{"12:30", `"12 30"*`, []Term{{"12:30", false}}, true},
		{"c++:", `"c"`, []Term{{"c++:", false}}, false},
		{"http://x.org", `"http x org"*`, []Term{{"http://x.org", false}}, true},
		{"mod author:yann", `"mod"`, []Term{{"mod", false}}, false},
		{"author:yann mod", `"mod"*`, []Term{{"mod", false}}, true},
		{"cafe\u0301", "\"cafe\u0301\"*", []Term{{"cafe\u0301", false}}, true},
	}
	for _, tt := range tests {
		q, err := Parse(tt.in)
		if err != nil {
			t.Errorf("Parse(%q): %v", tt.in, err)
			continue
		}
		if q.Match != tt.match || q.Prefix != tt.prefix || !reflect.DeepEqual(q.Terms, tt.terms) {
			t.Errorf("Parse(%q) = match %s prefix %v terms %v; want %s %v %v",
				tt.in, q.Match, q.Prefix, q.Terms, tt.match, tt.prefix, tt.terms)
		}
	}
}

func TestParseFilters(t *testing.T) {
	tests := []struct {
		in   string
		want Query
	}{
		{`author:"Yann LeCun"`, Query{Authors: []string{"Yann LeCun"}}},
		{`AUTHOR:lecun Author:"  yann   "`, Query{Authors: []string{"lecun", "yann"}}},
		{`author:"Yann LeCun`, Query{Authors: []string{"Yann LeCun"}}},
		{`org:"Google DeepMind" org:meta`, Query{Orgs: []string{"Google DeepMind", "meta"}}},
		{`kw:diffusion kw:"large language models"`, Query{Keywords: []string{"diffusion", "large language models"}}},
		{`upvotes:>50`, Query{Upvotes: []Bound{{">", 50}}}},
		{`upvotes:>=50 upvotes:<100`, Query{Upvotes: []Bound{{">=", 50}, {"<", 100}}}},
		{`upvotes:<=7 upvotes:=3 upvotes:12`, Query{Upvotes: []Bound{{"<=", 7}, {"=", 3}, {">=", 12}}}},
		{`day:2025-10-02`, Query{Day: "2025-10-02"}},
		{`day:2025-10-02 day:2025-10-02`, Query{Day: "2025-10-02"}},
		{`since:2025-10-02 until:2025-10-09`, Query{Since: "2025-10-02", Until: "2025-10-09"}},
		{`since:2025-02 until:2025-02`, Query{Since: "2025-02-01", Until: "2025-02-28"}},
		{`since:2024-02 until:2024-02`, Query{Since: "2024-02-01", Until: "2024-02-29"}},
		{`since:2024 until:2025`, Query{Since: "2024-01-01", Until: "2025-12-31"}},
		{`is:queued is:UNREAD`, Query{Queued: true, Unread: true}},
		{`is:read has:Code`, Query{Read: true, HasCode: true}},
		{`diffusion has:code upvotes:>10 `, Query{
			Terms: []Term{{"diffusion", false}}, Match: `"diffusion"`,
			HasCode: true, Upvotes: []Bound{{">", 10}},
		}},
	}
	for _, tt := range tests {
		q, err := Parse(tt.in)
		if err != nil {
			t.Errorf("Parse(%q): %v", tt.in, err)
			continue
		}
		if !reflect.DeepEqual(q, tt.want) {
			t.Errorf("Parse(%q) =\n %#v\nwant\n %#v", tt.in, q, tt.want)
		}
	}
}

func TestParseErrors(t *testing.T) {
	tests := []struct{ in, want string }{
		{"foo:bar", `unknown filter "foo:" (known: author:, org:, kw:, upvotes:, day:, since:, until:, is:, has:, text:, tag:, note:)`},
		{"Model:x", `unknown filter "model:"`},
		{`title:"x y"`, `unknown filter "title:"`},
		{"upvote:>5", `unknown filter "upvote:"`},
		{"upvotes:>abc", `bad upvotes: value ">abc"; want a count such as upvotes:>50`},
		{"upvotes:>", `bad upvotes: value ">"`},
		{"upvotes:-5", `bad upvotes: value "-5"`},
		{"upvotes:=>5", `bad upvotes: value "=>5"`},
		{"upvotes:99999999999999999999", `bad upvotes: value "99999999999999999999"`},
		{"day:2025-13-45", `bad day: value "2025-13-45"; want a date such as day:2025-10-02`},
		{"day:2025-02-30", `bad day: value "2025-02-30"`},
		{"day:2025-10", `bad day: value "2025-10"`},
		{"day:yesterday", `bad day: value "yesterday"`},
		{"since:2025-1-2", `bad since: value "2025-1-2"`},
		{"until:+2025", `bad until: value "+2025"`},
		{"day:2025-10-01 day:2025-10-02", "day: given twice (2025-10-01 and 2025-10-02)"},
		{"since:2025-11-01 until:2025-10", "since:2025-11-01 is after until:2025-10-31; swap them"},
		{"is:starred", `bad is: value "starred" (known: queued, unread, read, new)`},
		{"has:foo", `bad has: value "foo" (known: code, note)`},
		{"is:read is:unread", "is:read and is:unread exclude each other"},
		{"author:", `author: needs a value, e.g. author:"yann lecun"`},
		{`author:""`, "author: needs a value"},
		{"llama org: x", "org: needs a value"},
		{`author:ya"nn`, `stray quote in author:ya"nn; quote the whole value`},
	}
	for _, tt := range tests {
		q, err := Parse(tt.in)
		if err == nil {
			t.Errorf("Parse(%q) = %+v, want error %q", tt.in, q, tt.want)
			continue
		}
		msg := err.Error()
		if !strings.HasPrefix(msg, tt.want) {
			t.Errorf("Parse(%q) error\n %s\nwant prefix\n %s", tt.in, msg, tt.want)
		}
		if strings.ContainsAny(msg, "\r\n") {
			t.Errorf("Parse(%q) error spans lines: %q", tt.in, msg)
		}
	}
}

func TestString(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", ""},
		{"mod", "mod"},
		{"mod ", "mod "},
		{"c++", "c++"},
		{`has:code "diffusion  model" upvotes:50 author:"Yann  LeCun" mod`,
			`author:"Yann LeCun" upvotes:>=50 has:code "diffusion model" mod`},
		{`"open phr`, `"open phr`},
		{`"open phr `, `"open phr"`},
		{"llama AUTHOR:x", "author:x llama "},
		{"is:read since:2025-10 until:2025-10 day:2025-10-05 kw:rl org:meta",
			"org:meta kw:rl day:2025-10-05 since:2025-10-01 until:2025-10-31 is:read"},
	}
	for _, tt := range tests {
		q, err := Parse(tt.in)
		if err != nil {
			t.Fatalf("Parse(%q): %v", tt.in, err)
		}
		if got := q.String(); got != tt.want {
			t.Errorf("Parse(%q).String() = %q, want %q", tt.in, got, tt.want)
		}
		assertRoundTrip(t, tt.in, q)
	}
}

// assertRoundTrip checks that String is canonical: it parses back to q.
func assertRoundTrip(t *testing.T, in string, q Query) {
	t.Helper()
	back, err := Parse(q.String())
	if err != nil {
		t.Fatalf("Parse(%q).String() = %q does not parse: %v", in, q.String(), err)
	}
	if !reflect.DeepEqual(back, q) {
		t.Fatalf("Parse(%q).String() = %q parses to\n %#v\nwant\n %#v", in, q.String(), back, q)
	}
}

func TestHighlights(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"", nil},
		{"(gpt-4) c++ model: ^foo -x x", []string{"gpt-4", "model", "c++", "foo", "x"}},
		{`"large language" LLaMA llama 3.1.`, []string{"large language", "LLaMA", "3.1"}},
		{"* ( author:x", nil},
	}
	for _, tt := range tests {
		q, err := Parse(tt.in)
		if err != nil {
			t.Fatalf("Parse(%q): %v", tt.in, err)
		}
		if got := q.Highlights(); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("Parse(%q).Highlights() = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestEmpty(t *testing.T) {
	for in, want := range map[string]bool{
		"": true, "  ": true, "* ( ^": true, `""`: true,
		"a": false, "is:queued": false, "upvotes:1": false, "author:x": false, "since:2025": false,
	} {
		q, err := Parse(in)
		if err != nil {
			t.Fatalf("Parse(%q): %v", in, err)
		}
		if q.Empty() != want {
			t.Errorf("Parse(%q).Empty() = %v, want %v", in, q.Empty(), want)
		}
	}
}

// TestParseBoundsTheQuery: a pasted document is a clear error, not minutes
// of work and gigabytes of memory; a query at the bounds is accepted.
func TestParseBoundsTheQuery(t *testing.T) {
	words := func(n int, w string) string { return strings.TrimSpace(strings.Repeat(w+" ", n)) }
	for _, bad := range []string{
		strings.Repeat("a", MaxChars+1),
		strings.Repeat("é", MaxChars+1),
		strings.Repeat("model ", 10000),
		words(MaxWords+1, "x"),
		words(MaxWords+1, "author:x"),
		`"` + words(MaxTokens+1, "w") + `"`,
		words(MaxWords, "a-b-c"),
	} {
		if _, err := Parse(bad); err == nil || !strings.Contains(err.Error(), "at most") {
			t.Errorf("Parse(%.40q…): err %v, want a bound", bad, err)
		}
	}
	for _, ok := range []string{
		strings.Repeat("a", MaxChars),
		words(MaxWords, "model"),
		`"` + words(MaxTokens, "w") + `"`,
	} {
		if _, err := Parse(ok); err != nil {
			t.Errorf("Parse(%.40q…): %v", ok, err)
		}
	}
}

// TestParseRefusesControlCharacters: an escape sequence pasted into a
// search is refused, and the error names the character without holding it.
func TestParseRefusesControlCharacters(t *testing.T) {
	for _, in := range []string{"agent\x1b]52;c;aGk=\x07", "\x1b[31m", "a\x00b", "x\u009bm", "a\x7fb"} {
		_, err := Parse(in)
		if err == nil || !strings.Contains(err.Error(), "control character") {
			t.Errorf("Parse(%q) = %v, want a control character refused", in, err)
			continue
		}
		if strings.ContainsFunc(err.Error(), unicode.IsControl) {
			t.Errorf("Parse(%q): the error holds a control character: %q", in, err)
		}
	}
	if _, err := Parse("diffusion\tmodels\nscaling"); err != nil {
		t.Errorf("tabs and line breaks are spaces: %v", err)
	}
}
