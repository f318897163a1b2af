package query

import (
	"reflect"
	"testing"
)

func TestSymbolWords(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"c++", []string{"c++"}},
		{"Written in C++, C# and F#.", []string{"c++", "c#", "f#"}},
		{"(C++)", []string{"c++"}},
		{"C/C++ code", []string{"c++"}},
		{".NET and ASP.NET Core", []string{".net"}},
		{"Embodied.cpp: a runtime", []string{".cpp"}},
		{"code at github.com/x and https://a.github.io/b.png", nil},
		{"LLM+RL works", []string{"llm+rl"}},
		{"gains of +5.3% and #1 on the board", nil},
		{"e.g. the U.S. model. Llama-3.1 and gpt-4o, 3.5 times", nil},
		{"a + b, ++, #", nil},
		{"", nil},
	}
	for _, tt := range tests {
		if got := SymbolWords(tt.in); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("SymbolWords(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestSymbolKey(t *testing.T) {
	if got := SymbolKey("C++ code", "in c++ and C#"); got != " c++ c# " {
		t.Errorf("SymbolKey = %q", got)
	}
	if got := SymbolKey("plain words"); got != "" {
		t.Errorf("SymbolKey without symbols = %q, want empty", got)
	}
}

// TestParseSymbolsAndExclusions: c++ is searched as "c" holding the symbol
// word c++; -word, -"phrase" and NOT word exclude, and "-c++" excludes by
// its symbol word alone (not every paper with a c).
func TestParseSymbolsAndExclusions(t *testing.T) {
	tests := []struct {
		in      string
		match   string
		symbols []string
		exclude []Term
		not     []Exclusion
	}{
		{"c++", `"c"`, []string{"c++"}, nil, nil},
		{"C# .NET", `"C" "NET"*`, []string{"c#", ".net"}, nil, nil},
		{`"c++ compiler"`, `"c compiler"`, []string{"c++"}, nil, nil},
		{"gpt-4o", `"gpt 4o"*`, nil, nil, nil},
		{"model -diffusion", `"model"`, nil, []Term{{"diffusion", false}}, []Exclusion{{`"diffusion"`, nil}}},
		{"model NOT diffusion", `"model"`, nil, []Term{{"diffusion", false}}, []Exclusion{{`"diffusion"`, nil}}},
		{`-"large model" x`, `"x"*`, nil, []Term{{"large model", true}}, []Exclusion{{`"large model"`, nil}}},
		{"code -c++", `"code"`, nil, []Term{{"c++", false}}, []Exclusion{{"", []string{"c++"}}}},
		{"-gpt-4o", "", nil, []Term{{"gpt-4o", false}}, []Exclusion{{`"gpt 4o"`, nil}}},
		{"not model", `"not" "model"*`, nil, nil, nil},
		{"model NOT", `"model" "NOT"*`, nil, nil, nil},
	}
	for _, tt := range tests {
		q, err := Parse(tt.in)
		if err != nil {
			t.Errorf("Parse(%q): %v", tt.in, err)
			continue
		}
		if q.Match != tt.match || !reflect.DeepEqual(q.Symbols, tt.symbols) ||
			!reflect.DeepEqual(q.Exclude, tt.exclude) || !reflect.DeepEqual(q.Not, tt.not) {
			t.Errorf("Parse(%q) = match %s symbols %q exclude %v not %q; want %s %q %v %q",
				tt.in, q.Match, q.Symbols, q.Exclude, q.Not, tt.match, tt.symbols, tt.exclude, tt.not)
		}
		assertRoundTrip(t, tt.in, q)
	}
	for _, in := range []string{"-author:yann", "NOT author:yann"} {
		if _, err := Parse(in); err == nil {
			t.Errorf("Parse(%q): want an error (filters cannot be excluded)", in)
		}
	}
}
