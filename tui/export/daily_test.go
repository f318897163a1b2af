package export

import (
	"bytes"
	"encoding/csv"
	"strings"
	"testing"

	"github.com/papertui/papers/store"
	"github.com/papertui/papers/tui/clean"
)

// checkBibDaily checks the keywords and note fields of an entry against
// the record's tags and note, reading them as LaTeX text, and says how
// many of the two it holds.
func checkBibDaily(t *testing.T, r store.Record, e bibEntry) int {
	t.Helper()
	n := 0
	for _, c := range []struct{ field, want string }{
		{"keywords", clean.Line(strings.Join(r.Tags, ", "))},
		{"note", clean.Line(r.Note)},
	} {
		raw, has := e.fields[c.field]
		if has != (c.want != "") {
			t.Errorf("%s: %s present = %v, want %v", r.ID, c.field, has, c.want != "")
			continue
		}
		if !has {
			continue
		}
		n++
		got, err := untex(raw)
		if err != nil {
			t.Errorf("%s: %s: %v in %q", r.ID, c.field, err, raw)
		} else if got != c.want {
			t.Errorf("%s: %s reads back as %q, want %q", r.ID, c.field, got, c.want)
		}
	}
	return n
}

// annotated are records with awkward tags and notes: TeX specials,
// braces, a backslash, Markdown over several lines.
func annotated() []store.Record {
	recs := awkward()[:4]
	recs[0].Tags = []string{"reading", "thesis/ch_2", "a.b-c"}
	recs[0].Note = "# Why\n\nBeats {baseline} by 5% at $0 cost & uses \\cite{x}; see ~/notes_v2.\n- one\n- two"
	recs[1].Note = `Unbalanced } and { braces, "quotes", <tags>, | bars ^ carets`
	recs[2].Tags = []string{"x"}
	return recs
}

func TestBibTeXTagsAndNotes(t *testing.T) {
	recs := annotated()
	var buf bytes.Buffer
	if err := BibTeX(&buf, recs); err != nil {
		t.Fatal(err)
	}
	entries := checkBib(t, recs, buf.Bytes())
	if got := entries[0].fields["keywords"]; got != `reading, thesis/ch\_2, a.b-c` {
		t.Errorf("keywords = %q", got)
	}
}

func TestCSVAndMarkdownTagsAndNotes(t *testing.T) {
	recs := annotated()
	var buf bytes.Buffer
	if err := CSV(&buf, recs); err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(&buf).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	col := map[string]int{}
	for i, h := range rows[0] {
		col[h] = i
	}
	if rows[1][col["tags"]] != "reading; thesis/ch_2; a.b-c" || !strings.HasPrefix(rows[1][col["note"]], "# Why Beats {baseline}") {
		t.Errorf("csv row = %q", rows[1])
	}
	if rows[3][col["tags"]] != "x" || rows[3][col["note"]] != "" {
		t.Errorf("csv row 3 = %q", rows[3])
	}
	buf.Reset()
	if err := Markdown(&buf, recs, "Tagged"); err != nil {
		t.Fatal(err)
	}
	md := buf.String()
	if !strings.Contains(md, "Tags: reading, thesis/ch\\_2, a.b-c") {
		t.Errorf("markdown lacks the tags:\n%s", md)
	}
	// The note is the user's Markdown, kept so inside the item, which it
	// ends, after the AI summary; "<" cannot open HTML.
	if !strings.Contains(md, "a.b-c\n\n  > A \\*\\*bold\\*\\* claim.") ||
		!strings.Contains(md, "(http://x).\n\n  Note:\n\n  # Why\n\n  Beats {baseline}") {
		t.Errorf("markdown lacks the note as Markdown at the item's end:\n%s", md)
	}
	if !strings.Contains(md, "[PDF](https://arxiv.org/pdf/2510.00002)  \n  Note: Unbalanced } and { braces, \"quotes\", &lt;tags>") {
		t.Errorf("markdown lacks the one-line note after a hard break:\n%s", md)
	}
}
