package feed_test

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/papertui/papers/feed"
	"github.com/papertui/papers/feed/feedtest"
)

func FuzzParseFullText(f *testing.F) {
	f.Add([]byte(feedtest.PaperText("2503.10291", 2)))
	f.Add([]byte("Title: T\nURL Source: https://huggingface.co/papers/x\nMarkdown Content: same line\n"))
	f.Add([]byte("<html>"))
	f.Fuzz(func(t *testing.T, body []byte) {
		ft, err := feed.ParseFullText("2503.10291", body, 1<<20)
		if err != nil {
			return
		}
		if !utf8.ValidString(ft.Markdown) || strings.ContainsRune(ft.Markdown, 0) || strings.TrimSpace(ft.Markdown) == "" {
			t.Errorf("accepted a body it should have cleaned or refused: %q", ft.Markdown)
		}
	})
}

func FuzzDecodeDiscussion(f *testing.F) {
	f.Add([]byte(`{"comments":[{"id":"a","data":{"parentCommentId":"b"},"replies":[{"id":"b"}]}]}`))
	f.Fuzz(func(t *testing.T, body []byte) {
		d, err := feed.DecodeDiscussion("x", body)
		if err == nil && d.Count() > 2000 {
			t.Errorf("%d comments kept", d.Count())
		}
	})
}
