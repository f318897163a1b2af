package export

import (
	"bytes"
	"encoding/csv"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/papertui/papers/feed/feedtest"

	"github.com/papertui/papers/feed"
	"github.com/papertui/papers/store"
)

func writeFile(t *testing.T, path string, b []byte) {
	t.Helper()
	if err := os.WriteFile(path, b, 0o600); err != nil {
		t.Fatal(err)
	}
}

// corpus decodes the shared two-year archive into records, first day wins
// for a paper seen twice, or skips the test when the archive is absent.
func corpus(t *testing.T) []store.Record {
	t.Helper()
	files := feedtest.CorpusFiles(t)
	var recs []store.Record
	seen := map[string]bool{}
	for _, f := range files {
		body, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		papers, _, err := feed.DecodeDocument(body, strings.TrimSuffix(filepath.Base(f), ".json"))
		if err != nil {
			continue
		}
		for _, p := range papers {
			if !seen[p.ID] {
				seen[p.ID] = true
				recs = append(recs, store.Record{Paper: p, Read: len(recs)%3 == 0})
			}
		}
	}
	t.Logf("%d papers from %d files", len(recs), len(files))
	return recs
}

func TestCorpus(t *testing.T) {
	recs := corpus(t)
	if len(recs) < 9000 {
		t.Fatalf("only %d papers decoded", len(recs))
	}
	t.Run("bibtex", func(t *testing.T) {
		var buf bytes.Buffer
		if err := BibTeX(&buf, recs); err != nil {
			t.Fatal(err)
		}
		if r, bad := hostile(buf.String()); bad {
			t.Errorf("output holds %U", r)
		}
		entries := checkBib(t, recs, buf.Bytes())
		suffixed := 0
		for i, e := range entries {
			if e.key != baseKey(recs[i].Paper) {
				suffixed++
			}
		}
		t.Logf("%d entries, %d keys suffixed", len(entries), suffixed)
	})
	t.Run("markdown", func(t *testing.T) {
		var buf bytes.Buffer
		if err := Markdown(&buf, recs, "Two years"); err != nil {
			t.Fatal(err)
		}
		checkMarkdown(t, buf.String())
	})
	t.Run("csv", func(t *testing.T) {
		var buf bytes.Buffer
		if err := CSV(&buf, recs); err != nil {
			t.Fatal(err)
		}
		checkCSV(t, recs, buf.Bytes())
	})
}

// checkCSV reads out back and checks its shape and text cells.
func checkCSV(t *testing.T, recs []store.Record, out []byte) [][]string {
	t.Helper()
	if r, bad := hostile(string(out)); bad {
		t.Errorf("output holds %U", r)
	}
	rows, err := csv.NewReader(bytes.NewReader(out)).ReadAll()
	if err != nil {
		t.Fatalf("read back: %v", err)
	}
	if len(rows) != len(recs)+1 {
		t.Fatalf("%d rows for %d records", len(rows), len(recs))
	}
	if strings.Join(rows[0], ",") != strings.Join(csvHeader, ",") {
		t.Errorf("header %q", rows[0])
	}
	for i, row := range rows[1:] {
		if row[0] != recs[i].ID {
			t.Errorf("row %d id %q, want %q", i+1, row[0], recs[i].ID)
		}
		for j, c := range row {
			if strings.ContainsAny(c, "\n\r") {
				t.Errorf("row %d %s holds a line break", i+1, csvHeader[j])
			}
			if c != "" && strings.ContainsRune("=+-@", rune(c[0])) {
				t.Errorf("row %d %s starts a formula: %q", i+1, csvHeader[j], c)
			}
		}
	}
	return rows
}
