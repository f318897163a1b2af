package fulltext

import (
	"fmt"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"

	"github.com/papertui/papers/feed"
	"github.com/papertui/papers/tui/article"
)

func TestDiscussionBlocks(t *testing.T) {
	d := feed.Discussion{
		Comments: []feed.Comment{
			{ID: "a", Author: "alice", AuthorName: "Alice A", Created: time.Date(2025, 3, 14, 0, 0, 0, 0, time.UTC),
				Text: "Great [link](javascript:alert(1)) \x1b[31m**paper**", Reactions: []feed.Reaction{{Name: "👍", Count: 2}},
				Replies: []feed.Comment{{ID: "b", Parent: "a", Author: "bob", Text: "Thanks\nmultiline"}}},
			{ID: "c", Author: "spam", Hidden: true, Text: ""},
		},
		Models: []feed.Repo{{ID: "org/m", Downloads: 1200, Likes: 3}, {ID: "org/n", Downloads: 1, Likes: 1}}, NumModels: 9,
		Spaces: []feed.Repo{{ID: "org/s", Emoji: "🚀", About: "Try the \x1b[5mdemo"}}, NumSpaces: 1,
	}
	blocks := Discussion(d)
	var b strings.Builder
	for _, bl := range blocks {
		fmt.Fprintf(&b, "%d %s\n", bl.Quotes, bl.Markdown)
	}
	md := b.String()
	for _, want := range []string{"0 ## Discussion (3 comments)\n", "0 **alice (Alice A)** · 2025-03-14 · 👍 2\n", "1 Great link **paper**\n",
		"1 **bob**\n2 Thanks\nmultiline\n", "1 *hidden*", "0 **Models** (9) · org/m (1,200 downloads, 3 likes) · org/n (1 download, 1 like)\n",
		"0 **Spaces** (1) · 🚀 org/s: Try the demo\n"} {
		if !strings.Contains(md, want) {
			t.Errorf("missing %q in\n%s", want, md)
		}
	}
	out, err := article.RenderBlocks(blocks, 80, "dark")
	if err != nil {
		t.Fatal(err)
	}
	checkSafe(t, "discussion", out)
	if strings.Contains(md, "](javascript") {
		t.Error("comment link kept as a link")
	}
}

// Every line of a quoted comment carries its bars, the lines it wraps
// onto and a table's rule included (glamour's own nested quotes lost
// them), and no line is wider than the width.
func TestDiscussionQuotesKeepTheirBars(t *testing.T) {
	long := "This is a fairly long comment that wraps over several lines because it goes on about the method and the baselines."
	table := "| model | score |\n|---|---|\n| ours | 91.2 |\n| baseline with a long name | 88.0 |"
	d := feed.Discussion{Comments: []feed.Comment{{ID: "a", Author: "alice", Text: long,
		Replies: []feed.Comment{{ID: "b", Author: "bob", Text: long, Replies: []feed.Comment{{ID: "c", Author: "carol", Text: table}}}}}}}
	for _, style := range []string{"dark", "ascii"} {
		for _, width := range []int{30, 45, 60, 80, 120} {
			out, err := article.RenderBlocks(Discussion(d), width, style)
			if err != nil {
				t.Fatal(err)
			}
			bar := map[string]string{"dark": "│", "ascii": "|"}[style]
			lines := strings.Split(plainRender(out), "\n")
			depth := 0
			for _, l := range lines {
				if w := ansi.StringWidth(l); w > width {
					t.Errorf("%s %d: a line %d wide: %q", style, width, w, l)
				}
				switch {
				case strings.Contains(l, "alice"):
					depth = 1
				case strings.Contains(l, "bob"):
					depth = 2
				case strings.Contains(l, "carol"):
					depth = 3
				case strings.Trim(l, " "+bar) == "" || strings.Contains(l, "Discussion"): // a blank line, with the bars it shares
				default:
					if got := strings.Count(strings.TrimSpace(l)[:min(len(strings.TrimSpace(l)), 3*depth*len(bar))], bar); got < depth {
						t.Errorf("%s %d: %q has %d bars, not %d:\n%s", style, width, l, got, depth, strings.Join(lines, "\n"))
					}
				}
			}
		}
	}
}

// A thread ends with one blank line, however deep it went; comment
// Markdown renders as Markdown.
func TestDiscussionThreadsRender(t *testing.T) {
	reply := func(id, text string, rs ...feed.Comment) feed.Comment {
		return feed.Comment{ID: id, Author: id, Text: text, Replies: rs}
	}
	d := feed.Discussion{
		Comments: []feed.Comment{
			reply("alice", "Great **method**", reply("bob", "Thanks", reply("carol", "deep"))),
			reply("dan", "A list:\n\n- one\n  - nested\n\n```\ncode  kept\n```", reply("eve", "r1", reply("fay", "r2"))),
		},
		Spaces: []feed.Repo{{ID: "org/s", About: "A demo"}}, NumSpaces: 1,
	}
	out, err := article.RenderBlocks(Discussion(d), 80, "dark")
	if err != nil {
		t.Fatal(err)
	}
	text := plainRender(out)
	if regexp.MustCompile(`\n\s*\n\s*\n`).MatchString(text) {
		t.Errorf("more than one blank line in a row:\n%s", text)
	}
	for _, want := range []string{"org/s: A demo", "code  kept", "fay"} {
		if !strings.Contains(text, want) {
			t.Errorf("missing %q in\n%s", want, text)
		}
	}
	for _, raw := range []string{"**method**", "```", "- one"} {
		if strings.Contains(text, raw) {
			t.Errorf("comment Markdown shown raw (%q):\n%s", raw, text)
		}
	}
}

func TestCommentMarkdownHostile(t *testing.T) {
	for in, want := range map[string]string{
		"see [site](https://x.org/a_(b)) now":              "see [site](https://x.org/a_(b)) now",
		"[bad](javascript:alert(1)) [f](file:///etc)":      "bad f",
		"![img](https://x.org/p.png)":                      "[img](https://x.org/p.png)",
		"[1]: javascript:alert(1)":                         `\[1]: javascript:alert(1)`,
		"<script>alert(1)</script> <https://x.org>":        "&lt;script>alert(1)&lt;/script> &lt;https://x.org>",
		"esc &#27;[31m and &#x1b; but `a<b &#1;` kept":     "esc &amp;#27;[31m and &amp;#x1b; but `a<b &#1;` kept",
		"\x1b[2Jred\x1b]8;;file:///x\x07t\x1b]8;;\x07\x00": "redt",
		"line\r\nnext\u2028third":                          "line\nnext\nthird",
		"a\n\n\n\n\nb":                                     "a\n\nb",
		// The tags comments paste for what Markdown has become it.
		`one<br>two<br/>three <b>bold</b> <EM>it</EM>`:                     "one two three **bold** *it*",
		`<img src="https://x.org/f.png" alt="Figure 1" width="500">`:       `\[image: Figure 1\]`,
		`<img src=https://x.org/f.png>`:                                    `\[image\]`,
		`<p align="center">see <a href="https://x.org/p">the page</a></p>`: "see [the page](https://x.org/p)",
		`<a href="javascript:alert(1)">click</a>`:                          "click",
		`<a href="https://x.org">open <b>x</b></a>`:                        "open **x**",
		"`<b>code</b>` <details><summary>More</summary>hidden</details>":   "`<b>code</b>` More: hidden",
		`<iframe src="https://x.org"></iframe> <b onclick="x">`:            "&lt;iframe src=\"https://x.org\">&lt;/iframe> **",
		// A link's text is no way around inertHTML: &#27; decodes to ESC.
		`<a href="https://x.org">&#27;&#91;2J</a>`: "[&amp;#27;&amp;#91;2J](https://x.org)",
	} {
		if got := commentMarkdown(in); got != want {
			t.Errorf("commentMarkdown(%q)\n = %q\nwant %q", in, got, want)
		}
	}
}

var sgrRE = regexp.MustCompile("\x1b\\[[0-9;]*m|\x1b\\]8;[^\x1b]*\x1b\\\\")

// plainRender is rendered output without colours, hyperlinks and
// trailing spaces.
func plainRender(s string) string {
	lines := strings.Split(sgrRE.ReplaceAllString(s, ""), "\n")
	for i, l := range lines {
		lines[i] = strings.TrimRight(l, " ")
	}
	return strings.Join(lines, "\n")
}
