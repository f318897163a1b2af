package fulltext

import (
	"strconv"
	"strings"
	"testing"
	"time"

	"charm.land/glamour/v2"
)

// TestDeepCommentsRenderQuickly: a comment nested a hundred quotes or
// lists deep (glamour's time grows exponentially with the depth: 70
// levels took 5 s, 100 never ended) is cut to a few levels, its text kept.
func TestDeepCommentsRenderQuickly(t *testing.T) {
	for name, text := range map[string]string{
		"quotes":        strings.Repeat(">", 100) + " hi",
		"lists":         strings.Repeat("- ", 1000) + "x",
		"ordered":       strings.Repeat("1. ", 1000) + "x",
		"quoted lists":  strings.Repeat("> - ", 60) + "x",
		"indented list": deepIndentedList(1000),
	} {
		md := commentMarkdown(text)
		for _, l := range strings.Split(md, "\n") {
			if n := len(l) - len(strings.TrimLeft(l, " ")); n > maxCommentIndent {
				t.Errorf("%s: a line indented %d spaces", name, n)
				break
			}
		}
		done := make(chan struct{})
		go func() {
			defer close(done)
			if _, err := glamour.Render(md, "dark"); err != nil {
				t.Errorf("%s: %v", name, err)
			}
		}()
		select {
		case <-done:
		case <-time.After(10 * time.Second):
			t.Fatalf("%s: rendering took over 10 s", name)
		}
		if !strings.Contains(md, "x") && !strings.Contains(md, "hi") && !strings.Contains(md, "item") {
			t.Errorf("%s: the text is gone: %.200q", name, md)
		}
	}
	if got := shallow("> > quoted twice"); got != "> > quoted twice" {
		t.Errorf("a shallow quote changed: %q", got)
	}
	if got := shallow("  - a nested item"); got != "  - a nested item" {
		t.Errorf("a shallow list changed: %q", got)
	}
	code := "                    return 1" // a line of an indented code block
	if got := shallow(code); got != code {
		t.Errorf("an indented code line changed: %q", got)
	}
}

func deepIndentedList(n int) string {
	var b strings.Builder
	for i := range n {
		b.WriteString(strings.Repeat(" ", 2*i) + "- item\n")
	}
	return b.String()
}

// TestManyLinkTags: a line of many <a> with no </a> (each one
// searched the rest of the line for its end: 40,000 took 4 s, a comment
// of a few MB held its render for hours) is read once, its tags dropped.
// This test says what such a comment renders as; how its time grows is
// BenchmarkManyLinkTags's (a test would need a timing to see it: a
// quadratic slip back took 47 s here, well inside go test's timeout).
func TestManyLinkTags(t *testing.T) {
	if got := commentMarkdown(strings.Repeat("<a>", 200_000) + "x"); got != "x" {
		t.Errorf("200,000 <a>: %.60q", got)
	}
	if got := commentMarkdown(`<a href="https://x.org">a</A> <a href="https://y.org">b <i>c</i></a>`); got != "[a](https://x.org) b *c*" {
		t.Errorf("links: %q", got)
	}
}

// BenchmarkManyLinkTags renders comments of n unclosed <a> tags: the time
// per tag stays flat as n grows (go test -run '^$' -bench ManyLinkTags
// ./tui/fulltext); a search of the rest of the line per tag made it grow
// with n.
func BenchmarkManyLinkTags(b *testing.B) {
	for _, n := range []int{10_000, 40_000, 160_000} {
		text := strings.Repeat("<a>", n) + "x"
		b.Run(strconv.Itoa(n), func(b *testing.B) {
			for b.Loop() {
				commentMarkdown(text)
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*n), "ns/tag")
		})
	}
}
