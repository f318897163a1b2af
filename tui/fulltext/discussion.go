package fulltext

import (
	"fmt"
	"strings"

	"github.com/papertui/papers/feed"
	"github.com/papertui/papers/internal/english"
	"github.com/papertui/papers/tui/article"
	"github.com/papertui/papers/tui/clean"
)

// TopRepos is how many linked models, datasets and Spaces are listed each.
const TopRepos = 5

// maxAbout is the most characters of a Space's description shown.
const maxAbout = 80

// maxIndent is the deepest a reply is indented: deeper ones line up there.
const maxIndent = 6

// Discussion is a paper's discussion for the detail, as blocks for
// article.RenderBlocks: the comments threaded, each a header (author,
// date, reactions) with its text quoted below it and its replies quoted
// inside it, then the linked repositories (the top few of each kind, and
// how many there are). Comments are Markdown written by users, shown as
// Markdown (commentMarkdown keeps only http(s) links and no HTML or
// escape).
func Discussion(d feed.Discussion) []article.Block {
	var blocks []article.Block
	if n := d.Count(); n > 0 {
		blocks = append(blocks, article.Block{Markdown: fmt.Sprintf("## Discussion (%d %s)", n, english.Noun(n, "comment"))})
		for _, c := range d.Comments {
			blocks = commentBlocks(blocks, c, 0)
		}
	}
	repos := []struct {
		kind  string
		list  []feed.Repo
		total int
	}{{"Models", d.Models, d.NumModels}, {"Datasets", d.Datasets, d.NumDatasets}, {"Spaces", d.Spaces, d.NumSpaces}}
	for _, r := range repos {
		if r.total == 0 && len(r.list) == 0 {
			continue
		}
		var b strings.Builder
		fmt.Fprintf(&b, "**%s** (%d)", r.kind, max(r.total, len(r.list)))
		for i, repo := range r.list {
			if i == TopRepos {
				fmt.Fprintf(&b, " …")
				break
			}
			b.WriteString(" · " + repoLine(repo))
		}
		blocks = append(blocks, article.Block{Markdown: b.String()})
	}
	return blocks
}

// commentBlocks appends c at depth (how many quotes hold its header), its
// text one quote deeper, and its replies at that depth, up to maxIndent.
func commentBlocks(blocks []article.Block, c feed.Comment, depth int) []article.Block {
	text := commentMarkdown(c.Text)
	if c.Hidden {
		text = "*hidden*"
	}
	blocks = append(blocks, article.Block{Quotes: min(depth, maxIndent), Markdown: commentHead(c)},
		article.Block{Quotes: min(depth+1, maxIndent+1), Markdown: text})
	for _, r := range c.Replies {
		blocks = commentBlocks(blocks, r, depth+1)
	}
	return blocks
}

// commentHead is a comment's header line: author, date, reactions.
func commentHead(c feed.Comment) string {
	who := clean.Markdown(clean.Line(c.Author))
	if who == "" {
		who = "someone"
	}
	if name := clean.Line(c.AuthorName); name != "" && name != c.Author {
		who += " (" + clean.Markdown(name) + ")"
	}
	head := "**" + who + "**"
	if !c.Created.IsZero() {
		head += " · " + c.Created.Format("2006-01-02")
	}
	for _, r := range c.Reactions {
		head += fmt.Sprintf(" · %s %d", clean.Markdown(clean.Line(r.Name)), r.Count)
	}
	if c.Edited {
		head += " · edited"
	}
	return head
}

func repoLine(r feed.Repo) string {
	s := clean.Markdown(clean.Line(r.ID))
	if r.Emoji != "" {
		s = clean.Markdown(clean.Line(r.Emoji)) + " " + s
	}
	var facts []string
	if r.Downloads > 0 {
		facts = append(facts, english.Count(r.Downloads, "download"))
	}
	if r.Likes > 0 {
		facts = append(facts, english.Count(r.Likes, "like"))
	}
	if len(facts) > 0 {
		s += " (" + strings.Join(facts, ", ") + ")"
	}
	if about := clean.Line(r.About); about != "" {
		if len([]rune(about)) > maxAbout {
			about = string([]rune(about)[:maxAbout-1]) + "…"
		}
		s += ": " + clean.Markdown(about)
	}
	return s
}
