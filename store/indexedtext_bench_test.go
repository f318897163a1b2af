package store

import (
	"path/filepath"
	"testing"

	"github.com/papertui/papers/feed"
	"github.com/papertui/papers/feed/synth"
	"github.com/papertui/papers/store/query"
)

// ftsColumns name the columns of papers_fts, in their order.
var ftsColumns = []string{"title", "abstract", "authors", "ai_summary", "ai_keywords", "organization"}

// BenchmarkIndexedText reports what an import hands the full-text index
// per paper: bytes and words of each papers_fts column (the strings
// indexChanges inserts, split as FTS5 splits them), and the index's size
// on disk after the import. An import's writer is mostly FTS5 working
// through these words, so this is what any cut to the index must shrink.
func BenchmarkIndexedText(b *testing.B) {
	b.Run("corpus", func(b *testing.B) { benchIndexedText(b, corpusDays(b)) })
	b.Run("synth20k", func(b *testing.B) { benchIndexedText(b, synth.Days(20_000, 1, synthStart)) })
}

func benchIndexedText(b *testing.B, days []synth.Day) {
	var bytes, words [6]int
	papers := 0
	for _, d := range days {
		found, _, err := feed.DecodeDocument(d.Body, d.Date)
		if err != nil {
			continue // not a day of papers: import rejects it too
		}
		for _, p := range found {
			c := columnsOf(p)
			for i, s := range []string{c.title, c.abstract, c.authors, c.aiSummary, c.keywords, c.organization} {
				bytes[i] += len(s)
				words[i] += len(query.IndexTerms(s))
			}
			papers++
		}
	}
	if papers == 0 {
		b.Skip("no papers")
	}
	for b.Loop() {
		b.StopTimer()
		s, err := Open(filepath.Join(b.TempDir(), "papers.db"))
		if err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		n := importDays(b, s, days)
		b.StopTimer()
		var index int64
		if err := s.db.QueryRow(`SELECT sum(length(block)) FROM papers_fts_data`).Scan(&index); err != nil {
			b.Fatal(err)
		}
		b.ReportMetric(float64(index)/float64(n), "index-B/paper")
		s.Close()
		b.StartTimer()
	}
	var allBytes, allWords int
	for i, col := range ftsColumns {
		b.ReportMetric(float64(bytes[i])/float64(papers), col+"-B/paper")
		b.ReportMetric(float64(words[i])/float64(papers), col+"-words/paper")
		allBytes += bytes[i]
		allWords += words[i]
	}
	b.ReportMetric(float64(allBytes)/float64(papers), "text-B/paper")
	b.ReportMetric(float64(allWords)/float64(papers), "words/paper")
}
