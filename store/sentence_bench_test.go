package store

import (
	"strings"
	"testing"

	"github.com/papertui/papers/feed/feedtest"
)

// BenchmarkSentence finds a matching sentence in a long paper: a text:
// search does it for every paper it prints.
func BenchmarkSentence(b *testing.B) {
	md := feedtest.PaperText("2503.10291", 24)
	for _, terms := range [][]string{{"shown by helff"}, {"baseline"}, {"zzz"}} {
		b.Run(strings.Join(terms, " "), func(b *testing.B) {
			b.SetBytes(int64(len(md)))
			for b.Loop() {
				Sentence(md, terms)
			}
		})
	}
}
