package export

import (
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/papertui/papers/feed"
	"github.com/papertui/papers/internal/english"
	"github.com/papertui/papers/store"
	"github.com/papertui/papers/tui/clean"
)

// shownAuthors is how many authors a reading-list entry names before
// "et al."; a list one longer than this is written in full.
const shownAuthors = 3

// Markdown writes recs as a reading list: a heading (title, or "Reading
// list" when it is blank), then one task-list item per paper, ticked when
// it is read, whose title links to its Hugging Face page, followed by the
// first authors, the feed day, upvotes and comments, the arXiv, PDF,
// GitHub and project links and the AI summary as a quote. Feed text is
// cleaned and escaped, so nothing in it is read as Markdown or HTML;
// links are written only for http(s) URLs that pass clean.URL.
func Markdown(w io.Writer, recs []store.Record, title string) error {
	return WriteMarkdown(w, Slice(recs), title)
}

// WriteMarkdown writes the papers of a stream as a reading list, as
// Markdown does.
func WriteMarkdown(w io.Writer, papers Stream, title string) error {
	bw := newWriter(w)
	start := func(total int) error {
		heading := mdLine(title)
		if heading == "" {
			heading = "Reading list"
		}
		fmt.Fprintf(bw, "# %s\n\n", heading)
		if total == 0 {
			bw.WriteString("No papers.\n")
		} else {
			fmt.Fprintf(bw, "%s.\n", english.Count(total, "paper"))
		}
		return nil
	}
	err := papers(start, checked(func(r store.Record) error {
		bw.WriteString("\n")
		bw.WriteString(mdEntry(r))
		return nil
	}))
	if err != nil {
		return fmt.Errorf("export markdown: %w", err)
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("write markdown: %w", err)
	}
	return nil
}

// mdEntry is one list item. Its lines after the first are indented two
// spaces to stay inside the item and end in two spaces for a hard break.
func mdEntry(r store.Record) string {
	var b strings.Builder
	box := " "
	if r.Read {
		box = "x"
	}
	t := mdLine(r.Title)
	if t == "" {
		t = r.ID
	}
	fmt.Fprintf(&b, "- [%s] [%s](%s)", box, t, r.HFURL())

	if a := mdAuthors(r.Paper); a != "" {
		b.WriteString("  \n  " + a)
	}

	var meta []string
	if _, err := time.Parse(time.DateOnly, r.Day); err == nil {
		meta = append(meta, r.Day) // a date needs no escaping, and reads better without
	} else if d := mdLine(r.Day); d != "" {
		meta = append(meta, d)
	}
	meta = append(meta, english.Count(r.Upvotes, "upvote"), english.Count(r.Comments, "comment"))
	if o := mdLine(r.Organization); o != "" {
		meta = append(meta, o)
	}
	b.WriteString("  \n  " + strings.Join(meta, " · "))

	links := []string{mdLink("arXiv", r.AbsURL()), mdLink("PDF", r.PDFURL())}
	if u, ok := clean.URL(r.GitHubRepo); ok {
		links = append(links, mdLink("GitHub", u))
	}
	if u, ok := clean.URL(r.ProjectPage); ok {
		links = append(links, mdLink("Project page", u))
	}
	b.WriteString("  \n  " + strings.Join(links, " · "))
	daily, note := mdDaily(r)
	b.WriteString(daily + "\n")

	if s := mdEscape(clean.Line(r.AISummary)); s != "" {
		b.WriteString("\n")
		for _, line := range strings.Split(s, "\n") {
			b.WriteString(strings.TrimRight("  > "+line, " ") + "\n")
		}
	}
	if note != "" {
		b.WriteString("\n" + note)
	}
	return b.String()
}

// mdAuthors names the first authors, hidden ones included.
func mdAuthors(p feed.Paper) string {
	var names []string
	for _, a := range p.Authors {
		if n := mdLine(a.Name); n != "" {
			names = append(names, n)
		}
	}
	if len(names) > shownAuthors+1 {
		return strings.Join(names[:shownAuthors], ", ") + " et al."
	}
	return strings.Join(names, ", ")
}

// mdLine is s on one line, escaped for Markdown.
func mdLine(s string) string { return mdEscape(clean.Line(s)) }

// mdEscape backslash-escapes the characters that could open Markdown or
// HTML in running text, and nothing else, so the file still reads as
// plain text (clean.Markdown's entity escapes suit a renderer, not a
// reader of the file).
func mdEscape(s string) string {
	var b strings.Builder
	for i, r := range s {
		switch {
		case strings.ContainsRune("\\`*_[]<>|~&!", r):
			b.WriteByte('\\')
		case i == 0 && strings.ContainsRune("#+-=>", r):
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	out := b.String()
	// "1. " or "1) " at the start (or "1." alone) would open an ordered
	// list: on an item's continuation line (the authors) it interrupts
	// the paragraph, and at a quote's start (the summary) any number does.
	if j := strings.IndexFunc(out, func(r rune) bool { return r < '0' || r > '9' }); j > 0 &&
		(out[j] == '.' || out[j] == ')') && (j+1 == len(out) || out[j+1] == ' ' || out[j+1] == '\t') {
		out = out[:j] + "\\" + out[j:]
	}
	return out
}

// mdLink is a link to u, which must already be a clean http(s) URL. The
// characters that could end or reopen a link destination are
// percent-encoded, which leaves the URL meaning the same.
func mdLink(text, u string) string {
	return "[" + text + "](" + linkEscaper.Replace(u) + ")"
}

var linkEscaper = strings.NewReplacer("(", "%28", ")", "%29", "<", "%3C", ">", "%3E")
