package fulltext

import (
	"strings"
	"testing"

	"github.com/papertui/papers/feed/feedtest"
)

func TestFencedCodeKept(t *testing.T) {
	md := "## 3 Method\n\nThe loop (Li, [2023](" + src + "#bib.bib1)) is:\n\n" +
		"```python\ndef step(x):\n\n    if x_t > \\alpha:  # see [2](" + src + "#bib.bib2)\n\treturn **x**\n```\n\n" +
		"After the code, \\alpha."
	d := Clean(md)
	want := "```python\ndef step(x):\n\n    if x_t > \\alpha:  # see [2](" + src + "#bib.bib2)\n    return **x**\n```"
	if !strings.Contains(d.Markdown, want) {
		t.Errorf("code block not kept whole:\n%s\nwant it to hold\n%s", d.Markdown, want)
	}
	if !strings.Contains(d.Markdown, "After the code, α") || !strings.Contains(d.Markdown, `\[Li, 2023\]`) {
		t.Errorf("prose around the code not cleaned:\n%s", d.Markdown)
	}
}

func TestFencedCodeHostile(t *testing.T) {
	md := "Text.\n\n~~~\nok \x1b]8;;file:///etc/passwd\x07link\x1b]8;;\x07 \x1b[31mred\x1b[0m\x00\n\x1b[2J```\n~~~\n\nMore."
	d := Clean(md)
	if strings.ContainsAny(d.Markdown, "\x1b\x07\x00") {
		t.Fatalf("escape reached the Markdown: %q", d.Markdown)
	}
	// The cleaned "```" line must not close the block: the fence is longer.
	if !strings.Contains(d.Markdown, "````\nok link red\n```\n````") {
		t.Errorf("hostile code block: %q", d.Markdown)
	}
	// A fence never closed is prose, not the rest of the paper as code.
	d = Clean("Text.\n\n```\nstray\n\n## 2 Next\n\nBody.")
	if len(d.Outline) != 1 || d.Outline[0].Title != "2 Next" {
		t.Errorf("unclosed fence swallowed the heading: %q %v", d.Markdown, d.Outline)
	}
}

func TestFencedCodeInGeneratedPaper(t *testing.T) {
	md := feedtest.PaperText("2501.00001", 4)
	_, body, _ := strings.Cut(md, "Markdown Content:\n")
	listing := "```\nfor i in range(10):\n        print(i)   # aligned\n```"
	d := Clean(strings.Replace(body, "\n\n### 1.1", "\n\n"+listing+"\n\n### 1.1", 1))
	if !strings.Contains(d.Markdown, listing) {
		i := strings.Index(d.Markdown, "for i in")
		t.Errorf("listing in a generated paper not kept: %q", d.Markdown[max(i-100, 0):min(i+200, len(d.Markdown))])
	}
}
