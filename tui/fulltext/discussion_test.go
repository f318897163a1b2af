package fulltext

import (
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
		Spaces: []feed.Repo{{ID: "org/s", Emoji: "🚀"}}, NumSpaces: 1,
	}
	md := DiscussionMarkdown(d)
	for _, want := range []string{"## Discussion (3 comments)", "- **alice (Alice A)** · 2025-03-14 · 👍 2: ",
		"  - **bob**: Thanks multiline", "*hidden*", "**Models** (9) · org/m (1200 downloads, 3 likes)", "**Spaces** (1) · 🚀 org/s"} {
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
