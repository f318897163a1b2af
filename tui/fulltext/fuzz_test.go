package fulltext

import (
	"strings"
	"testing"
)

func FuzzClean(f *testing.F) {
	f.Add(hostile[:2000])
	f.Add("a (X, [2024](u#bib.b1)) ![i](javascript:x(1)) [t](f \"q\") 10k 10 italic_k")
	f.Add("*   •x\n\nModel A\nB 1\n\nTable 1: c.\n\nReferences\n---\n\n## A")
	f.Fuzz(func(t *testing.T, s string) {
		d := Clean(s)
		checkSafe(t, "markdown", d.Markdown)
		for _, fig := range d.Figures {
			if fig.URL != "" && fig.URL[:4] != "http" {
				t.Errorf("figure URL %q", fig.URL)
			}
		}
		if joined := strings.Join(d.Chunks(), "\n\n"); joined != d.Markdown {
			t.Errorf("chunks join to %q, not %q", joined, d.Markdown)
		}
	})
}
