package feed

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/papertui/papers/feed/synth"
)

// BenchmarkDecodeCorpus decodes the 580 recorded days (59 MB of indented
// JSON) as `papers import` does; one op is the whole corpus.
func BenchmarkDecodeCorpus(b *testing.B) {
	type doc struct {
		day  string
		body []byte
	}
	var docs []doc
	var size int64
	for _, f := range corpusFiles(b) {
		body, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		docs = append(docs, doc{strings.TrimSuffix(filepath.Base(f), ".json"), body})
		size += int64(len(body))
	}
	b.SetBytes(size)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		n := 0
		for _, d := range docs {
			papers, _, _ := DecodeDocument(d.body, d.day)
			n += len(papers)
		}
		if n != 9581 {
			b.Fatalf("%d papers, want 9581", n)
		}
	}
}

// BenchmarkDecodeSynth decodes 20,000 synthetic modern items (~5 KB each,
// compact) day by day; one op is all of them.
func BenchmarkDecodeSynth(b *testing.B) {
	days := synth.Days(20000, 1, synth.DefaultStart)
	var size int64
	for _, d := range days {
		size += int64(len(d.Body))
	}
	b.SetBytes(size)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		n := 0
		for _, d := range days {
			papers, rejected, err := decodeDay(d.Body, d.Date)
			if err != nil || len(rejected) > 0 {
				b.Fatal(err, rejected)
			}
			n += len(papers)
		}
		if n != 20000 {
			b.Fatalf("%d papers, want 20000", n)
		}
	}
}
