package fulltext

import (
	"fmt"
	"testing"

	"github.com/papertui/papers/feed"
	"github.com/papertui/papers/feed/feedtest"
	"github.com/papertui/papers/tui/article"
)

// BenchmarkClean cleans a 90 KB paper: the work before glamour when a
// paper opens.
func BenchmarkClean(b *testing.B) {
	ft, err := feed.ParseFullText("2503.10291", []byte(feedtest.PaperText("2503.10291", 20)), 0)
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(ft.Markdown)))
	for b.Loop() {
		Clean(ft.Markdown)
	}
}

// BenchmarkRender renders a cleaned 90 KB paper with glamour at 160
// columns: the whole document, which the pane does in the background.
func BenchmarkRender(b *testing.B) {
	ft, err := feed.ParseFullText("2503.10291", []byte(feedtest.PaperText("2503.10291", 20)), 0)
	if err != nil {
		b.Fatal(err)
	}
	md := Clean(ft.Markdown).Markdown
	for b.Loop() {
		if _, err := article.Render(md, 160, "dark"); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkRenderFirstChunks renders what a reading pane shows first: the
// chunks up to the first section's end, at 160 columns.
func BenchmarkRenderFirstChunks(b *testing.B) {
	ft, err := feed.ParseFullText("2503.10291", []byte(feedtest.PaperText("2503.10291", 20)), 0)
	if err != nil {
		b.Fatal(err)
	}
	chunks := Clean(ft.Markdown).Chunks()
	first := chunks[0] + "\n\n" + chunks[1] + "\n\n" + chunks[2]
	for b.Loop() {
		if _, err := article.Render(first, 160, "dark"); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkDiscussion renders a busy discussion (100 comments, every
// other one a reply) at the detail's width.
func BenchmarkDiscussion(b *testing.B) {
	var d feed.Discussion
	for i := range 50 {
		text := fmt.Sprintf("Comment %d: a paragraph long enough to wrap over two lines or so, with **emphasis** and a [link](https://example.org/%d).", i, i)
		d.Comments = append(d.Comments, feed.Comment{ID: fmt.Sprint(i), Author: "user", Text: text,
			Replies: []feed.Comment{{ID: fmt.Sprint(i, "r"), Author: "other", Text: "Thanks!\n\n- a point\n- another"}}})
	}
	blocks := Discussion(d)
	for b.Loop() {
		if _, err := article.RenderBlocks(blocks, 100, "dark"); err != nil {
			b.Fatal(err)
		}
	}
}
