package feed

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"net/http"
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/dustin/go-humanize"
)

// TextSource says where Hugging Face took a paper's Markdown from.
type TextSource string

// The sources of a full text, as the wrapper's "URL Source:" line names them.
const (
	SourceArXivHTML  TextSource = "arxiv-html"  // converted from arXiv's HTML rendering
	SourceHFFallback TextSource = "hf-fallback" // HF's own extraction, where arXiv has no HTML
)

// DefaultMaxText is the largest full text accepted. Real conversions hold
// 41,000–92,000 characters; a body a hundred times that is not a paper.
const DefaultMaxText = 8 << 20

// ErrNoWrapper means a body did not start with the Title / URL Source /
// Markdown Content wrapper HF puts around every paper text: an error page,
// a throttling message, or something else entirely.
var ErrNoWrapper = errors.New("not a paper text (no Title:/URL Source:/Markdown Content: wrapper)")

// FullText is the whole paper as Hugging Face serves it at /papers/{id}.md.
// Title and Markdown are untrusted text as received (made valid UTF-8, NULs
// dropped): whoever shows them cleans them.
type FullText struct {
	ID        string
	Title     string
	URLSource string     // the wrapper's "URL Source:"
	Published time.Time  // the wrapper's "Published Time:", zero when absent
	Source    TextSource // arXiv HTML or HF's fallback
	// Version is the arXiv version the text was converted from, read from
	// the arXiv links inside it ("…/html/2503.10291v2/…"); 0 when unknown.
	Version  int
	Markdown string // the body after "Markdown Content:"
}

// FullText fetches the whole paper as Markdown through the client's pacing,
// retries and caps. The body is refused when it is markup, lacks the
// wrapper, is empty or is larger than DefaultMaxText (or MaxBody, if less).
func (c *Client) FullText(ctx context.Context, id string) (FullText, error) {
	id, err := NormalizeID(id)
	if err != nil {
		return FullText{}, fmt.Errorf("fetch full text: %w", err)
	}
	u := c.base() + "/papers/" + id + ".md"
	body, _, err := c.getAs(ctx, u, wantMarkdown)
	if err != nil { // a 404 too: "GET <url>: not found on Hugging Face", as every error names the URL
		return FullText{}, fmt.Errorf("fetch full text %s: %w", id, err)
	}
	limit := min(positive(c.MaxBody, DefaultMaxBody), DefaultMaxText)
	t, err := ParseFullText(id, body, int(limit))
	if err != nil {
		return FullText{}, fmt.Errorf("fetch full text %s: %s: %w", id, u, err)
	}
	return t, nil
}

// ParseFullText reads a /papers/{id}.md answer: its wrapper of header lines,
// then the body. limit caps the body's size in bytes (0: DefaultMaxText).
func ParseFullText(id string, body []byte, limit int) (FullText, error) {
	if limit <= 0 {
		limit = DefaultMaxText
	}
	if len(body) > limit {
		return FullText{}, fmt.Errorf("text is %s, larger than the %s cap", humanize.IBytes(uint64(len(body))), humanize.IBytes(uint64(limit)))
	}
	if t := bytes.TrimSpace(body); len(t) > 0 && t[0] == '<' {
		return FullText{}, fmt.Errorf("answered HTML, not a paper text: %w", ErrNoWrapper)
	}
	s := strings.ReplaceAll(string(body), "\x00", "")
	if !utf8.ValidString(s) {
		s = strings.ToValidUTF8(s, "\uFFFD")
	}
	s = strings.ReplaceAll(s, "\r\n", "\n")
	t := FullText{ID: id}
	rest, err := t.readWrapper(s)
	if err != nil {
		return FullText{}, err
	}
	t.Markdown = strings.Trim(rest, "\n")
	if strings.TrimSpace(t.Markdown) == "" {
		return FullText{}, errors.New("paper text is empty after the wrapper")
	}
	t.Source = sourceOf(t.URLSource)
	t.Version = arxivVersion(id, t.Markdown)
	return t, nil
}

// maxWrapperLines bounds the header: HF writes four lines and blank lines
// between them.
const maxWrapperLines = 16

// readWrapper reads the header lines up to "Markdown Content:" and returns
// what follows it. The first line must be the title.
func (t *FullText) readWrapper(s string) (string, error) {
	headers := 0
	for n := 1; n <= maxWrapperLines; n++ {
		line, rest, _ := strings.Cut(s, "\n")
		s = rest
		line = strings.TrimSpace(line)
		if line == "" {
			continue
		}
		key, value, ok := strings.Cut(line, ":")
		if !ok || !isHeaderKey(key) || headers == 0 && key != "Title" {
			return "", fmt.Errorf("line %d %q: %w", n, clip(line, 60), ErrNoWrapper)
		}
		headers++
		value = strings.TrimSpace(value)
		switch key {
		case "Title":
			t.Title = value
		case "URL Source":
			t.URLSource = value
		case "Published Time":
			if pt, err := http.ParseTime(value); err == nil {
				t.Published = pt.UTC()
			}
		case "Markdown Content":
			if t.URLSource == "" {
				return "", fmt.Errorf("no URL Source: line: %w", ErrNoWrapper)
			}
			if value != "" { // content starting on the same line
				return value + "\n" + s, nil
			}
			return s, nil
		}
		// Any other header is one HF may add one day: skipped.
	}
	return "", fmt.Errorf("no Markdown Content: line in the first %d lines: %w", maxWrapperLines, ErrNoWrapper)
}

// isHeaderKey accepts the words of a header name: letters and single spaces.
func isHeaderKey(k string) bool {
	if k == "" || len(k) > 30 || k[0] == ' ' || k[len(k)-1] == ' ' {
		return false
	}
	for _, c := range []byte(k) {
		if !(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c == ' ') {
			return false
		}
	}
	return true
}

// sourceOf tells arXiv's HTML from HF's fallback by the wrapper's URL.
func sourceOf(u string) TextSource {
	if strings.HasPrefix(u, "https://arxiv.org/html/") || strings.HasPrefix(u, "http://arxiv.org/html/") {
		return SourceArXivHTML
	}
	return SourceHFFallback
}

var versionRE = regexp.MustCompile(`arxiv\.org/(?:html|abs|pdf)/(\d{4}\.\d{4,5})v(\d{1,3})\b`)

// arxivVersion is the highest version of id the text links to: figures and
// citations point into arXiv's HTML of the version converted.
func arxivVersion(id, md string) int {
	best := 0
	for _, m := range versionRE.FindAllStringSubmatch(md, 200) {
		if m[1] != id {
			continue
		}
		if v, err := strconv.Atoi(m[2]); err == nil && v > best {
			best = v
		}
	}
	return best
}
