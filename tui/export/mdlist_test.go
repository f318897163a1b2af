package export

import (
	"bytes"
	"strings"
	"testing"

	"github.com/papertui/papers/feed"
	"github.com/papertui/papers/store"
)

// A number then "." or ")" opens an ordered list in CommonMark: at a
// quote's start (the AI summary) whatever the number, and on an item's
// continuation line (the authors) when it is 1, which interrupts the
// paragraph and pulls the paper's day and links into a list of their own.
func TestMarkdownEscapesOrderedListMarkers(t *testing.T) {
	for in, want := range map[string]string{
		"1. first":      `1\. first`,
		"1) first":      `1\) first`,
		"3) third":      `3\) third`,
		"2024.":         `2024\.`,
		"7)":            `7\)`,
		"1)\tx":         "1\\)\tx",
		"1.5 bits":      "1.5 bits",
		"3)x":           "3)x",
		"GPT-4) tuned":  "GPT-4) tuned",
		"10) of them":   `10\) of them`,
		"plain text 1)": "plain text 1)",
	} {
		if got := mdEscape(in); got != want {
			t.Errorf("mdEscape(%q) = %q, want %q", in, got, want)
		}
	}

	r := store.Record{Paper: feed.Paper{
		ID:        "2510.00001",
		Title:     "A Title",
		Authors:   []feed.Author{{Name: "1) Alice Smith"}, {Name: "Bob Jones"}},
		AISummary: "3) starts like a list",
		Day:       "2025-10-01",
	}}
	var buf bytes.Buffer
	if err := Markdown(&buf, []store.Record{r}, "t"); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	for _, want := range []string{"\n  1\\) Alice Smith, Bob Jones  \n", "\n  > 3\\) starts like a list\n"} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
}

// A note's own Markdown may leave a block open: a code fence never closed
// runs to the end of the container it is in. The note ends its item, so
// the fence stops there, and the AI summary before it stays a quote.
func TestMarkdownNoteFenceKeepsSummary(t *testing.T) {
	recs := []store.Record{{
		Paper: feed.Paper{ID: "2510.00001", Title: "One", Day: "2025-10-01", AISummary: "The summary."},
		Note:  "see:\n```python\nx = 1",
	}, {
		Paper: feed.Paper{ID: "2510.00002", Title: "Two", Day: "2025-10-01"},
	}}
	var buf bytes.Buffer
	if err := Markdown(&buf, recs, "t"); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	summary := strings.Index(out, "\n  > The summary.\n")
	fence := strings.Index(out, "\n  ```python\n")
	if summary < 0 || fence < 0 || summary > fence {
		t.Errorf("the summary must come before the note's unclosed fence:\n%s", out)
	}
	if !strings.HasSuffix(out, "  x = 1\n\n- [ ] [Two](https://huggingface.co/papers/2510.00002)  \n  2025-10-01 · 0 upvotes · 0 comments  \n  [arXiv](https://arxiv.org/abs/2510.00002) · [PDF](https://arxiv.org/pdf/2510.00002)\n") {
		t.Errorf("the note must end its item:\n%s", out)
	}
}
