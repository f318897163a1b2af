package fulltext

import (
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/papertui/papers/feed"
	"github.com/papertui/papers/tui/article"
)

func TestDiscussionMarkdown(t *testing.T) {
	d := feed.Discussion{
		Comments: []feed.Comment{
			{ID: "a", Author: "alice", AuthorName: "Alice A", Created: time.Date(2025, 3, 14, 0, 0, 0, 0, time.UTC),
				Text: "Great [link](javascript:alert(1)) \x1b[31m**paper**", Reactions: []feed.Reaction{{Name: "👍", Count: 2}},
				Replies: []feed.Comment{{ID: "b", Parent: "a", Author: "bob", Text: "Thanks\nmultiline"}}},
			{ID: "c", Author: "spam", Hidden: true, Text: ""},
		},
		Models: []feed.Repo{{ID: "org/m", Downloads: 1200, Likes: 3}}, NumModels: 9,
		Spaces: []feed.Repo{{ID: "org/s", Emoji: "🚀", About: "Try the \x1b[5mdemo"}}, NumSpaces: 1,
	}
	md := DiscussionMarkdown(d)
	for _, want := range []string{"## Discussion (3 comments)", "**alice (Alice A)** · 2025-03-14 · 👍 2\n", "> Great link **paper**",
		"> **bob**\n> > Thanks\n> > multiline", "*hidden*", "**Models** (9) · org/m (1200 downloads, 3 likes)",
		"**Spaces** (1) · 🚀 org/s: Try the demo"} {
		if !strings.Contains(md, want) {
			t.Errorf("missing %q in\n%s", want, md)
		}
	}
	out, err := article.Render(md, 80, "dark")
	if err != nil {
		t.Fatal(err)
	}
	checkSafe(t, "discussion", out)
	if strings.Contains(md, "](javascript") {
		t.Error("comment link kept as a link")
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
	out, err := article.Render(DiscussionMarkdown(d), 80, "dark")
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
