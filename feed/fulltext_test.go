package feed_test

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/papertui/papers/feed"
	"github.com/papertui/papers/feed/feedtest"
)

func TestPaperTextIsFullLength(t *testing.T) {
	for _, n := range []int{10, 14, 20} {
		if got := len(feedtest.PaperText("2503.10291", n)); got < 40_000 || got > 100_000 {
			t.Errorf("PaperText(%d) is %d bytes, want 40–100 KB", n, got)
		}
	}
}

func TestParseFullTextWrapper(t *testing.T) {
	body := feedtest.PaperText("2503.10291", 12)
	ft, err := feed.ParseFullText("2503.10291", []byte(body), 0)
	if err != nil {
		t.Fatal(err)
	}
	if ft.Title != "A Study of 2503.10291 Reasoning" || ft.URLSource != "https://arxiv.org/html/2503.10291" {
		t.Errorf("wrapper = %q, %q", ft.Title, ft.URLSource)
	}
	if ft.Source != feed.SourceArXivHTML || ft.Version != 2 {
		t.Errorf("source %q version %d, want arxiv-html v2", ft.Source, ft.Version)
	}
	if ft.Published.IsZero() || ft.Published.Year() != 2025 {
		t.Errorf("published = %v", ft.Published)
	}
	if !strings.HasPrefix(ft.Markdown, `\useunder`) || strings.Contains(ft.Markdown, "Markdown Content:") {
		t.Errorf("body starts %q", ft.Markdown[:40])
	}
}

func TestParseFullTextFallbackWithoutPublished(t *testing.T) {
	body := "Title: T\n\nURL Source: https://huggingface.co/papers/2501.00001\n\nMarkdown Content:\nHello.\n"
	ft, err := feed.ParseFullText("2501.00001", []byte(body), 0)
	if err != nil {
		t.Fatal(err)
	}
	if ft.Source != feed.SourceHFFallback || !ft.Published.IsZero() || ft.Markdown != "Hello." || ft.Version != 0 {
		t.Errorf("got %+v", ft)
	}
}

func TestParseFullTextRefuses(t *testing.T) {
	cases := map[string]string{
		"html":          "<!doctype html><html><body>Not found</body></html>",
		"no wrapper":    "## 1 Introduction\n\nText.",
		"throttled":     "Rate limit exceeded, retry later",
		"no content":    "Title: T\nURL Source: https://arxiv.org/html/2501.00001\n",
		"empty body":    "Title: T\nURL Source: https://arxiv.org/html/2501.00001\nMarkdown Content:\n\n  \n",
		"no url source": "Title: T\nMarkdown Content:\nbody",
		"empty":         "",
	}
	for name, body := range cases {
		if _, err := feed.ParseFullText("2501.00001", []byte(body), 0); err == nil {
			t.Errorf("%s: accepted", name)
		}
	}
	big := "Title: T\nURL Source: https://arxiv.org/html/2501.00001\nMarkdown Content:\n" + strings.Repeat("x", 2000)
	if _, err := feed.ParseFullText("2501.00001", []byte(big), 1000); err == nil || !strings.Contains(err.Error(), "cap") {
		t.Errorf("over the cap: %v", err)
	}
}

func TestParseFullTextHostileBytes(t *testing.T) {
	body := "Title: T\x00\nURL Source: https://arxiv.org/html/2501.00001\nMarkdown Content:\nbad \xff\xfe utf8\x00 here\r\n"
	ft, err := feed.ParseFullText("2501.00001", []byte(body), 0)
	if err != nil {
		t.Fatal(err)
	}
	if strings.ContainsRune(ft.Markdown, 0) || strings.Contains(ft.Markdown, "\xff") || strings.Contains(ft.Markdown, "\r") {
		t.Errorf("body kept NUL, invalid UTF-8 or CR: %q", ft.Markdown)
	}
}

func TestParseRealFullTexts(t *testing.T) {
	for _, rt := range feedtest.RealTexts(t) {
		name, id := rt.Name, rt.ID
		ft, err := feed.ParseFullText(id, rt.Body, 0)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if ft.Title == "" || ft.Source != feed.SourceArXivHTML || !strings.Contains(ft.Markdown, "Abstract") {
			t.Errorf("%s: %q %q", name, ft.Title, ft.Source)
		}
	}
}

func TestClientFullText(t *testing.T) {
	srv := feedtest.New(t)
	srv.SetText("2503.10291", feedtest.PaperText("2503.10291", 10))
	c := testClient(srv.URL)
	ft, err := c.FullText(context.Background(), "https://arxiv.org/abs/2503.10291v1")
	if err != nil {
		t.Fatal(err)
	}
	if ft.ID != "2503.10291" || len(ft.Markdown) < 40_000 {
		t.Errorf("got %s, %d bytes", ft.ID, len(ft.Markdown))
	}
	// Every error names the URL, and none calls a paper text JSON.
	if _, err := c.FullText(context.Background(), "2501.99999"); !errors.Is(err, feed.ErrNotFound) ||
		!strings.Contains(err.Error(), srv.URL+"/papers/2501.99999.md") {
		t.Errorf("missing paper: %v, want ErrNotFound naming the URL", err)
	}
	srv.FailNext("text:2503.10291", feedtest.Body("text/html; charset=utf-8", "<html>login</html>"))
	if _, err := c.FullText(context.Background(), "2503.10291"); err == nil ||
		!strings.Contains(err.Error(), "answered text/html; charset=utf-8, not a paper text (Markdown)") {
		t.Errorf("HTML served as 200: %v", err)
	}
	srv.FailNext("text:2503.10291", feedtest.Body("text/markdown", "<!DOCTYPE html><p>hi"))
	if _, err := c.FullText(context.Background(), "2503.10291"); err == nil ||
		!strings.Contains(err.Error(), "answered markup (text/markdown), not a paper text (Markdown)") {
		t.Errorf("HTML labelled text/markdown: %v", err)
	}
	srv.FailNext("text:2503.10291", feedtest.Status(http.StatusServiceUnavailable))
	if _, err := c.FullText(context.Background(), "2503.10291"); err != nil {
		t.Errorf("a 503 then the text: %v", err)
	}
}

func TestClientFullTextOverCap(t *testing.T) {
	srv := feedtest.New(t)
	srv.SetText("2503.10291", feedtest.PaperText("2503.10291", 10))
	c := testClient(srv.URL)
	c.MaxBody = 10_000
	if _, err := c.FullText(context.Background(), "2503.10291"); err == nil || !strings.Contains(err.Error(), "cap") {
		t.Errorf("over the cap: %v", err)
	}
}

func testClient(base string) *feed.Client {
	c := feed.NewClient(base)
	c.Pace = nil
	c.Wait = func(context.Context, time.Duration) error { return nil }
	return c
}

// TestFullTextAsksForMarkdown: a paper text is asked for as Markdown, not
// as JSON (a server choosing by Accept would answer the wrong thing).
func TestFullTextAsksForMarkdown(t *testing.T) {
	var accept string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		accept = r.Header.Get("Accept")
		w.Header().Set("Content-Type", "text/markdown; charset=utf-8")
		_, _ = w.Write([]byte(feedtest.PaperText("2503.10291", 2)))
	}))
	defer srv.Close()
	if _, err := testClient(srv.URL).FullText(context.Background(), "2503.10291"); err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(accept, "text/markdown") {
		t.Errorf("a paper text is asked for with Accept %q", accept)
	}
}
