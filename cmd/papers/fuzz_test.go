package main

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/papertui/papers/feed"
	"github.com/papertui/papers/store"
	"github.com/papertui/papers/tui/export"
)

// FuzzExportWriters writes one paper of hostile text in every export
// format. No writer may panic or fail; the text formats never carry a
// rune a terminal acts on; CSV reads back as a header and one row; JSON
// parses.
func FuzzExportWriters(f *testing.F) {
	f.Add("Attention Is All You Need", "Ashish Vaswani", "We propose the Transformer.\n\nIt works.", "cs.CL", 5)
	f.Add("Evil \x1b]52;c;ZXZpbA==\a\x1b[2J \u202e", "Mal\x1b[5mlory", "\u009b31m C1 \u200b", "kw\x1b[1m", -1)
	f.Add("a,\"b\"\r\nc", "{\\}%$&#_^~", "@misc{x,", "}", 0)
	f.Add("\xff\xfe invalid utf-8", "\u0000nul", "tab\tline\u2028sep", "", 1<<30)
	f.Fuzz(func(t *testing.T, title, author, abstract, keyword string, upvotes int) {
		rec := store.Record{Paper: feed.Paper{
			ID: "2410.17243", Title: title, Abstract: abstract, Upvotes: upvotes,
			Authors: []feed.Author{{Name: author}, {Name: author, Hidden: true}}, AIKeywords: []string{keyword},
			AISummary: abstract, Organization: author, GitHubRepo: "https://github.com/" + keyword, Day: "2024-10-23",
		}}
		for _, format := range []string{"bibtex", "markdown", "csv", "json"} {
			var buf bytes.Buffer
			c := ExportCmd{Format: format}
			if err := c.write(&buf, export.Slice([]store.Record{rec}), "Papers matching: "+title); err != nil {
				t.Fatalf("%s: %v", format, err)
			}
			out := buf.String()
			if format != "json" {
				for _, r := range out {
					if r == 0x1b || (r >= 0x80 && r <= 0x9f) || r == 0x202e || r == 0x07 || r == 0 {
						t.Fatalf("%s carries %U:\n%q", format, r, out)
					}
				}
			}
			switch format {
			case "csv":
				rows, err := csv.NewReader(strings.NewReader(out)).ReadAll()
				if err != nil || len(rows) != 2 {
					t.Fatalf("csv reads back as %d rows, %v:\n%q", len(rows), err, out)
				}
			case "json":
				var v []map[string]any
				if err := json.Unmarshal(buf.Bytes(), &v); err != nil || len(v) != 1 {
					t.Fatalf("json: %v:\n%q", err, out)
				}
				if utf8.ValidString(title) && v[0]["title"] != title {
					t.Fatalf("json title %q, want %q kept exactly", v[0]["title"], title)
				}
			}
		}
	})
}

// FuzzArguments runs the command line's id and path handling on any
// text: ids are refused or normalised to a bare arXiv-style id, never a
// panic; an export path is refused or resolved, and never resolves to
// the library or one of its files.
func FuzzArguments(f *testing.F) {
	for _, s := range []string{"2410.17243", "2410.17243v2", "https://arxiv.org/abs/2410.17243v1",
		"https://huggingface.co/papers/2410.17243", "../papers.db", "./papers.db-wal", "papers.db/", "a\x00b",
		"/dev/null", "-", "", "~", "papers.db\n", "//papers.db", strings.Repeat("a/", 300)} {
		f.Add(s)
	}
	dir := f.TempDir()
	library := filepath.Join(dir, "papers.db")
	mustWriteFile(f, library, []byte("SQLite format 3\x00"), 0o644)
	mustSymlink(f, "papers.db", filepath.Join(dir, "link"))
	f.Fuzz(func(t *testing.T, arg string) {
		if ids, err := normalizeIDs([]string{arg}); err == nil {
			if len(ids) != 1 || ids[0] == "" || strings.ContainsAny(ids[0], "/ \n\x1b") {
				t.Fatalf("%q normalised to %q", arg, ids)
			}
		}
		p := arg
		if !filepath.IsAbs(p) {
			p = filepath.Join(dir, p)
		}
		tg, err := checkTarget("export", p, library)
		if err != nil || tg.kind == targetStdout {
			return
		}
		for _, f := range libraryFiles(library) {
			if tg.real == f {
				t.Fatalf("%q resolves to the library file %s", arg, f)
			}
		}
		if info, err := os.Stat(tg.real); err == nil && tg.kind == targetReplace && !info.Mode().IsRegular() {
			t.Fatalf("%q: would replace a %v", arg, info.Mode())
		}
	})
}
