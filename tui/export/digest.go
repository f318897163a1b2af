package export

import (
	"bufio"
	"fmt"
	"html/template"
	"io"
	"strings"
	"unicode"

	"github.com/papertui/papers/feed"
	"github.com/papertui/papers/internal/english"
	"github.com/papertui/papers/store"
	"github.com/papertui/papers/tui/clean"
)

// Digest is what `papers digest` sends: a heading, a line saying what it
// covers, and the papers, each with its title, authors, upvotes, the AI
// summary (or the abstract's first sentences) and links.
type Digest struct {
	Title  string
	About  string // e.g. "12 papers that arrived since 2025-10-02 10:00"
	Papers []store.Record
}

// DigestFormats are the formats WriteDigest knows.
var DigestFormats = []string{"markdown", "text", "html"}

// WriteDigest writes d as markdown, text or html. Feed text is cleaned
// (clean.Line) everywhere and escaped for the format; links are written
// only for http(s) URLs that pass clean.URL.
func WriteDigest(w io.Writer, d Digest, format string) error {
	if err := validate(d.Papers); err != nil {
		return fmt.Errorf("digest: %w", err)
	}
	bw := bufio.NewWriter(w)
	var err error
	switch format {
	case "markdown":
		digestMarkdown(bw, d)
	case "text":
		digestText(bw, d)
	case "html":
		err = digestHTML.Execute(bw, htmlDigest(d))
	default:
		return fmt.Errorf("digest: unknown format %q (known: %s)", format, strings.Join(DigestFormats, ", "))
	}
	if err != nil {
		return fmt.Errorf("digest: %w", err)
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("write digest: %w", err)
	}
	return nil
}

// Summary is the AI summary, or else the abstract's first sentences, on
// one clean line.
func Summary(p feed.Paper) string {
	if s := clean.Line(p.AISummary); s != "" {
		return s
	}
	return firstSentences(clean.Line(p.Abstract), 2, 400)
}

// firstSentences keeps up to n sentences and about max bytes, cut at a
// word with an ellipsis when a sentence runs longer.
func firstSentences(s string, n, max int) string {
	end := 0
	for i := 0; i < len(s) && n > 0; i++ {
		if strings.IndexByte(".!?", s[i]) >= 0 && (i+1 == len(s) || s[i+1] == ' ') {
			// "e.g. " and "et al. " are not ends; a capital after is.
			if i+2 < len(s) && !unicode.IsUpper(rune(s[i+2])) {
				continue
			}
			end, n = i+1, n-1
		}
	}
	if end == 0 || end > max {
		if len(s) <= max {
			return s
		}
		cut := strings.LastIndexByte(s[:max], ' ')
		if cut <= 0 {
			cut = max
		}
		return strings.TrimRight(s[:cut], " ,;:") + "…"
	}
	return s[:end]
}

func digestAuthors(p feed.Paper) []string {
	var names []string
	for _, a := range p.Authors {
		if n := clean.Line(a.Name); n != "" {
			names = append(names, n)
		}
	}
	if len(names) > shownAuthors+1 {
		return append(names[:shownAuthors], "et al.")
	}
	return names
}

type digestLink struct{ Text, URL string }

func digestLinks(p feed.Paper) []digestLink {
	links := []digestLink{{"Hugging Face", p.HFURL()}, {"arXiv", p.AbsURL()}, {"PDF", p.PDFURL()}}
	if u, ok := clean.URL(p.GitHubRepo); ok {
		links = append(links, digestLink{"GitHub", u})
	}
	if u, ok := clean.URL(p.ProjectPage); ok {
		links = append(links, digestLink{"Project page", u})
	}
	return links
}

func digestMarkdown(w *bufio.Writer, d Digest) {
	fmt.Fprintf(w, "# %s\n\n%s\n", mdLine(d.Title), mdLine(d.About))
	for i, r := range d.Papers {
		t := mdLine(r.Title)
		if t == "" {
			t = r.ID
		}
		fmt.Fprintf(w, "\n## %d. [%s](%s)\n\n", i+1, t, linkEscaper.Replace(r.HFURL()))
		var authors []string
		for _, a := range digestAuthors(r.Paper) {
			authors = append(authors, mdEscape(a))
		}
		meta := append([]string{}, strings.Join(authors, ", "))
		meta = append(meta, english.Count(r.Upvotes, "upvote"))
		if len(r.Tags) > 0 {
			meta = append(meta, "tags: "+mdEscape(strings.Join(r.Tags, ", ")))
		}
		w.WriteString(strings.Join(meta, " · ") + "\n")
		if s := Summary(r.Paper); s != "" {
			w.WriteString("\n" + mdEscape(s) + "\n")
		}
		var links []string
		for _, l := range digestLinks(r.Paper) {
			links = append(links, mdLink(l.Text, l.URL))
		}
		w.WriteString("\n" + strings.Join(links, " · ") + "\n")
	}
}

func digestText(w *bufio.Writer, d Digest) {
	fmt.Fprintf(w, "%s\n%s\n", clean.Line(d.Title), clean.Line(d.About))
	for i, r := range d.Papers {
		t := clean.Line(r.Title)
		if t == "" {
			t = r.ID
		}
		fmt.Fprintf(w, "\n%d. %s\n", i+1, t)
		fmt.Fprintf(w, "   %s · %s\n", strings.Join(digestAuthors(r.Paper), ", "), english.Count(r.Upvotes, "upvote"))
		if s := Summary(r.Paper); s != "" {
			fmt.Fprintf(w, "   %s\n", s)
		}
		for _, l := range digestLinks(r.Paper) {
			fmt.Fprintf(w, "   %s: %s\n", l.Text, l.URL)
		}
	}
}

type htmlPaper struct {
	N       int
	Title   string
	URL     template.URL // checked by clean.URL or built by feed from an id
	Authors string
	Upvotes string
	Summary string
	Tags    string
	Links   []htmlLink
}

type htmlLink struct {
	Text string
	URL  template.URL
}

type htmlView struct {
	Title, About string
	Papers       []htmlPaper
}

func htmlDigest(d Digest) htmlView {
	v := htmlView{Title: clean.Line(d.Title), About: clean.Line(d.About)}
	for i, r := range d.Papers {
		p := htmlPaper{N: i + 1, Title: clean.Line(r.Title), URL: safeURL(r.HFURL()),
			Authors: strings.Join(digestAuthors(r.Paper), ", "), Upvotes: english.Count(r.Upvotes, "upvote"),
			Summary: Summary(r.Paper), Tags: strings.Join(r.Tags, ", ")}
		if p.Title == "" {
			p.Title = r.ID
		}
		for _, l := range digestLinks(r.Paper) {
			p.Links = append(p.Links, htmlLink{l.Text, safeURL(l.URL)})
		}
		v.Papers = append(v.Papers, p)
	}
	return v
}

// safeURL passes a URL the template would otherwise re-check: only clean
// http(s) URLs reach it, and anything else becomes "#".
func safeURL(u string) template.URL {
	if c, ok := clean.URL(u); ok {
		return template.URL(c)
	}
	return "#"
}

// digestHTML is a mail-friendly page: inline styles only, no scripts, no
// remote images. html/template escapes every value for its context.
var digestHTML = template.Must(template.New("digest").Parse(`<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><title>{{.Title}}</title></head>
<body style="font-family: sans-serif; max-width: 42em; margin: auto; line-height: 1.4">
<h1>{{.Title}}</h1>
<p>{{.About}}</p>
{{- range .Papers}}
<h2 style="font-size: 1.1em; margin-bottom: 0.2em">{{.N}}. <a href="{{.URL}}">{{.Title}}</a></h2>
<p style="margin: 0; color: #555">{{.Authors}} · {{.Upvotes}}{{if .Tags}} · tags: {{.Tags}}{{end}}</p>
{{- if .Summary}}
<p>{{.Summary}}</p>
{{- end}}
<p>{{range $i, $l := .Links}}{{if $i}} · {{end}}<a href="{{$l.URL}}">{{$l.Text}}</a>{{end}}</p>
{{- end}}
</body>
</html>
`))

// mdDaily is a reading-list entry's tags and note. The note is the
// user's own Markdown and stays so, cleaned of what could act on a
// terminal and with "<" escaped, so it cannot open HTML. inline goes in
// the item, each line after a hard break: the tags, and a note of one
// line. A note of several lines is block, its lines indented into the
// item, which the item ends with: a block the note leaves open (a code
// fence never closed) then runs only to the end of its own item, never
// over the AI summary.
func mdDaily(r store.Record) (inline, block string) {
	note := strings.TrimSpace(strings.ReplaceAll(clean.Verbatim(r.Note), "<", "&lt;"))
	multi := strings.Contains(note, "\n")
	var lines []string
	if len(r.Tags) > 0 {
		lines = append(lines, "Tags: "+mdEscape(strings.Join(r.Tags, ", ")))
	}
	if note != "" && !multi {
		lines = append(lines, "Note: "+note)
	}
	var b strings.Builder
	for _, l := range lines {
		b.WriteString("  \n  " + l)
	}
	if !multi {
		return b.String(), ""
	}
	var nb strings.Builder
	nb.WriteString("  Note:\n")
	for _, l := range strings.Split(note, "\n") {
		nb.WriteString("\n" + strings.TrimRight("  "+l, " "))
	}
	return b.String(), nb.String() + "\n"
}
