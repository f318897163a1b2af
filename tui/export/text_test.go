package export

import (
	"bytes"
	"regexp"
	"strings"
	"testing"

	"github.com/papertui/papers/tui/clean"
)

// linkRE finds link destinations: "](" not preceded by a backslash.
var linkRE = regexp.MustCompile(`(^|[^\\])\]\(([^)]*)\)`)

// checkMarkdown checks that out holds no terminal controls, no raw HTML
// and no link other than to http(s).
func checkMarkdown(t *testing.T, out string) {
	t.Helper()
	if r, bad := hostile(out); bad {
		t.Errorf("output holds %U", r)
	}
	for i := 0; i < len(out); i++ {
		if out[i] == '<' && (i == 0 || out[i-1] != '\\') {
			t.Errorf("raw < at %d: %q", i, out[max(0, i-30):min(len(out), i+30)])
			break
		}
	}
	for _, m := range linkRE.FindAllStringSubmatch(out, -1) {
		if !strings.HasPrefix(m[2], "https://") && !strings.HasPrefix(m[2], "http://") {
			t.Errorf("link to %q", m[2])
		}
	}
}

func TestMarkdown(t *testing.T) {
	recs := awkward()
	var buf bytes.Buffer
	if err := Markdown(&buf, recs, "My \x1b[31mlist\x1b[0m <b>"); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	checkMarkdown(t, out)
	if m := containsAll(out, benignBits); m != nil {
		t.Errorf("benign text lost: %q", m)
	}
	for _, want := range []string{
		"# My list \\<b\\>\n\n20 papers.\n",
		"- [x] [On Sparse Attention for LLMs](https://huggingface.co/papers/2510.00001)  \n  Ada Lovelace, Charles Babbage  \n  2025-10-01 · 0 upvotes · 0 comments  \n  [arXiv](https://arxiv.org/abs/2510.00001) · [PDF](https://arxiv.org/pdf/2510.00001) · [GitHub](https://github.com/ada/sparse) · [Project page](https://ada.example/sparse)\n\n  > A \\*\\*bold\\*\\* claim. Second paragraph: \\<b\\>html\\</b\\> \\[link\\](http://x).\n",
		"Author00 Surname00, Author01 Surname01, Author02 Surname02 et al.",
		"[Project page](https://example.com/a%28b%29%3Cc%3E?x=1&y=2)",
		"- [ ] [\\[x\\](javascript:alert(1)) \\<script\\>",
		"- [ ] [A Paper Without Authors](https://huggingface.co/papers/2510.00008)  \n  2025-10-01",
		"not a day",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q", want)
		}
	}
	// Escaped brackets cannot open a link, so the text may stay readable.
	if regexp.MustCompile(`[^\\]\]\(javascript`).MatchString(out) {
		t.Errorf("a javascript: link survived")
	}

	buf.Reset()
	if err := Markdown(&buf, nil, "  "); err != nil {
		t.Fatal(err)
	}
	if buf.String() != "# Reading list\n\nNo papers.\n" {
		t.Errorf("empty list: %q", buf.String())
	}
}

func TestCSV(t *testing.T) {
	recs := awkward()
	var buf bytes.Buffer
	if err := CSV(&buf, recs); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	if m := containsAll(out, benignBits); m != nil {
		t.Errorf("benign text lost: %q", m)
	}
	rows := checkCSV(t, recs, buf.Bytes())
	col := map[string]int{}
	for i, h := range csvHeader {
		col[h] = i
	}
	first := rows[1]
	for name, want := range map[string]string{
		"title": "On Sparse Attention for LLMs", "authors": "Ada Lovelace; Charles Babbage",
		"published": "2025-10-03", "day": "2025-10-01", "upvotes": "0", "github_repo": "https://github.com/ada/sparse",
		"url": "https://huggingface.co/papers/2510.00001", "arxiv_url": "https://arxiv.org/abs/2510.00001",
		"pdf_url": "https://arxiv.org/pdf/2510.00001",
		"queued":  "true", "read": "true", "ai_summary": "A **bold** claim. Second paragraph: <b>html</b> [link](http://x).",
	} {
		if got := first[col[name]]; got != want {
			t.Errorf("%s = %q, want %q", name, got, want)
		}
	}
	hostileRow := rows[9]
	for name, want := range map[string]string{
		"title": "Escape red link reversed bell del c1", "authors": "Eve Mallory",
		"organization": "Org Bold", "github_repo": "", "github_stars": "", "project_page": "https://example.com/a(b)<c>?x=1&y=2",
		"ai_summary": "Summary with colour and new lines and isolate.", "published": "",
	} {
		if name == "published" {
			want = "2025-10-03"
		}
		if got := hostileRow[col[name]]; got != want {
			t.Errorf("hostile %s = %q, want %q", name, got, want)
		}
	}
	formula := rows[13]
	for name, want := range map[string]string{
		"title": `'=HYPERLINK("http://evil","click")`, "authors": "'+Plus Minus; -Dash; @At",
	} {
		if got := formula[col[name]]; got != want {
			t.Errorf("formula %s = %q, want %q", name, got, want)
		}
	}
	if got := rows[12][col["organization"]]; got != "'@evil" {
		t.Errorf("organization = %q", got)
	}
	if got := rows[12][col["ai_summary"]]; got != "'-2+3" {
		t.Errorf("ai_summary = %q", got)
	}
	if got := rows[18][col["title"]]; got != clean.Line(recs[17].Title) {
		t.Errorf("whitespace title = %q", got)
	}
}
