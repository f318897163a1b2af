package query

import (
	"strings"
	"testing"
)

func TestIndexTerms(t *testing.T) {
	for in, want := range map[string]string{
		"Large Language Models":  "large language models",
		"Café Ñandú naïve":       "cafe nandu naive",
		"GPT-4o, Llama-3.1!":     "gpt 4o llama 3 1",
		"大規模 モデル":                "大規模 モデル",
		"e\u0301te\u0301":        "ete",
		"":                       "",
		"  --  ":                 "",
		"Übermensch ÆSIR straße": "ubermensch æsir straße",
	} {
		if got := strings.Join(IndexTerms(in), " "); got != want {
			t.Errorf("IndexTerms(%q) = %q, want %q", in, got, want)
		}
	}
}
