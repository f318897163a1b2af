// Package article turns a stored paper into the detail document the reader
// and `papers show` display: Markdown built from feed text made safe, and
// rendered by glamour at a given width and style.
package article

import (
	"fmt"
	"strings"
	"sync"

	"charm.land/glamour/v2"
	"github.com/papertui/papers/internal/english"
	"github.com/papertui/papers/store"
	"github.com/papertui/papers/tui/clean"
)

// ShownAuthors is how many authors the detail lists before "+N more".
const ShownAuthors = 10

// Options shape a detail document.
type Options struct {
	AllAuthors bool
	// MoreHint tells how to see every author when the list is cut ("a
	// shows all" in the reader).
	MoreHint string
	// Highlights are search words to mark in the title and abstract.
	Highlights []string
	// Match is the sentence of the paper's full text that a text: search
	// matched (untrusted), shown above the abstract with MatchWords (the
	// search's text: terms) marked; "" shows nothing.
	Match      string
	MatchWords []string
}

// Markdown is the detail document of a paper. Every piece of feed text is
// cleaned of control sequences and escaped, so the feed cannot inject
// Markdown, HTML or terminal escapes; inline LaTeX becomes Unicode.
func Markdown(r store.Record, o Options) string {
	p := r.Paper
	var b strings.Builder
	fmt.Fprintf(&b, "# %s\n\n", mark(text(p.Title), o.Highlights))
	if !p.WithdrawnAt.IsZero() {
		fmt.Fprintf(&b, "**Withdrawn** on %s\n\n", p.WithdrawnAt.Format("2006-01-02"))
	}
	if line := authorsLine(r, o.AllAuthors, o.MoreHint); line != "" {
		b.WriteString(line + "\n\n")
	}
	b.WriteString(factsLine(r) + "\n\n")
	if p.Organization != "" {
		fmt.Fprintf(&b, "**Organization** %s\n\n", text(p.Organization))
	}
	b.WriteString(linksLine(r) + "\n\n")
	if p.AISummary != "" {
		fmt.Fprintf(&b, "**AI summary** *%s*\n\n", text(p.AISummary))
	}
	if len(p.AIKeywords) > 0 {
		kws := make([]string, len(p.AIKeywords))
		for i, k := range p.AIKeywords {
			kws[i] = "`" + strings.ReplaceAll(clean.Line(k), "`", "'") + "`"
		}
		fmt.Fprintf(&b, "**Keywords** %s\n\n", strings.Join(kws, " "))
	}
	if o.Match != "" {
		fmt.Fprintf(&b, "**In the full text** “%s”\n\n", markMatch(text(o.Match), o.MatchWords))
	}
	if p.Abstract != "" {
		b.WriteString("## Abstract\n\n")
		for _, para := range strings.Split(clean.Text(p.Abstract), "\n") {
			if strings.TrimSpace(para) != "" {
				b.WriteString(mark(text(para), o.Highlights) + "\n\n")
			}
		}
	}
	return b.String()
}

// mark emboldens the search words in escaped Markdown text. Words are
// letters and digits only, so they never meet an escape.
func mark(s string, words []string) string { return MarkHits(s, words, "**", "**") }

// markMatch marks a text: search's terms in its matching sentence: each
// term whole, or its words where escaping broke the term apart.
func markMatch(s string, terms []string) string {
	var words []string
	for _, t := range terms {
		words = append(words, t)
		if !strings.Contains(strings.ToLower(s), strings.ToLower(t)) {
			words = append(words, strings.Fields(t)...)
		}
	}
	return MarkHits(s, words, "**", "**")
}

// MarkHits wraps each case-insensitive occurrence of the words in s with
// on and off, the longest word first where two start alike; s is plain
// text (no escape sequences). The one marker of search hits: the
// detail's Markdown and the list's titles both use it.
func MarkHits(s string, words []string, on, off string) string {
	if len(words) == 0 {
		return s
	}
	lower := strings.ToLower(s)
	if len(lower) != len(s) {
		return s // lowercasing moved bytes: leave it unmarked rather than mis-marked
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		n := 0
		for _, w := range words {
			if len(w) > n && strings.HasPrefix(lower[i:], strings.ToLower(w)) {
				n = len(w)
			}
		}
		if n == 0 {
			b.WriteByte(s[i])
			i++
			continue
		}
		b.WriteString(on + s[i:i+n] + off)
		i += n
	}
	return b.String()
}

// text is feed text ready to stand in Markdown.
func text(s string) string { return clean.Markdown(clean.TeX(clean.Line(s))) }

func authorsLine(r store.Record, all bool, moreHint string) string {
	authors := r.Authors
	if len(authors) == 0 {
		return ""
	}
	shown := authors
	if !all && len(shown) > ShownAuthors {
		shown = shown[:ShownAuthors]
	}
	names := make([]string, len(shown))
	for i, a := range shown {
		names[i] = text(a.Name)
		if a.Hidden {
			names[i] += " (hidden)"
		}
	}
	line := "**Authors** " + strings.Join(names, ", ")
	if more := len(authors) - len(shown); more > 0 {
		line += fmt.Sprintf(" *+%d more*", more)
		if moreHint != "" {
			line += " (" + unbroken(clean.Markdown(moreHint)) + ")"
		}
	}
	return line
}

func factsLine(r store.Record) string {
	p := r.Paper
	day := "not in the feed"
	if p.Day != "" {
		day = p.Day
	}
	facts := []string{"**Feed day** " + day}
	if !p.Published.IsZero() {
		facts = append(facts, "**arXiv** "+p.Published.Format("2006-01-02"))
	}
	facts = append(facts, fmt.Sprintf("**▲ %d** %s", p.Upvotes, english.Noun(p.Upvotes, "upvote")),
		fmt.Sprintf("**%d** %s", p.Comments, english.Noun(p.Comments, "comment")))
	var state []string
	if r.Queued {
		state = append(state, fmt.Sprintf("queued #%d", r.QueuePos))
	}
	if r.Read {
		state = append(state, "read")
	}
	if len(state) > 0 {
		facts = append(facts, "*"+strings.Join(state, ", ")+"*")
	}
	// A fact is not split over two lines ("queued" / "#1"): its spaces
	// are non-breaking ones.
	for i, f := range facts {
		facts[i] = unbroken(strings.ReplaceAll(f, " ", nonBreakingSpace)) // and dates' hyphens
	}
	return strings.Join(facts, " · ")
}

// Links are the paper's links that may be opened: only http(s) URLs.
func Links(r store.Record) []Link {
	p := r.Paper
	links := []Link{{"HF page", p.HFURL()}, {"arXiv", p.AbsURL()}, {"PDF", p.PDFURL()}}
	if u, ok := clean.URL(p.GitHubRepo); ok {
		name := "GitHub"
		if p.GitHubStars > 0 {
			name = fmt.Sprintf("GitHub ★ %d", p.GitHubStars)
		}
		links = append(links, Link{name, u})
	}
	if u, ok := clean.URL(p.ProjectPage); ok {
		links = append(links, Link{"Project page", u})
	}
	return links
}

// Link is a named URL.
type Link struct{ Name, URL string }

func linksLine(r store.Record) string {
	var parts []string
	for _, l := range Links(r) {
		parts = append(parts, fmt.Sprintf("**%s** %s", clean.Markdown(l.Name), unbroken(clean.Markdown(l.URL))))
	}
	return strings.Join(parts, "  \n")
}

// renderers caches one glamour renderer per width and style: building one
// costs more than rendering an abstract.
var renderers = struct {
	sync.Mutex
	byKey map[string]*glamour.TermRenderer
}{byKey: map[string]*glamour.TermRenderer{}}

// Render renders a detail document at width with the "dark", "light" or
// "ascii" (plain text, for pipes) style.
func Render(md string, width int, style string) (string, error) {
	width = max(width, 20)
	key := fmt.Sprintf("%s/%d", style, width)
	renderers.Lock()
	defer renderers.Unlock()
	r, ok := renderers.byKey[key]
	if !ok {
		var err error
		r, err = glamour.NewTermRenderer(styleOption(style), glamour.WithWordWrap(width), // linkstyle.go
			glamour.WithPreservedNewLines())
		if err != nil {
			return "", fmt.Errorf("detail renderer: %w", err)
		}
		renderers.byKey[key] = r
	}
	out, err := r.Render(wrapCode(md, width, style)) // codewrap.go
	if err != nil {
		return "", fmt.Errorf("render detail: %w", err)
	}
	return strings.ReplaceAll(strings.Trim(out, "\n"), nonBreakingHyphen, "-"), nil
}

// nonBreakingSpace is a space glamour does not wrap at; it stays in the
// output, as the keywords' padding does (it reads as a space).
const nonBreakingSpace = "\u00a0"

// nonBreakingHyphen stands for a hyphen glamour must not wrap at: its
// wrapping breaks lines after every "-", which cut URLs and flags
// (--all-<newline>authors) so that a copy or a click gets half. Render
// writes "-" back.
const nonBreakingHyphen = "\u2011"

// unbroken is Markdown s with its hyphens kept from wrapping (see
// Render); s wider than the text is still cut at the edge.
func unbroken(s string) string {
	return strings.NewReplacer(`\-`, nonBreakingHyphen, "-", nonBreakingHyphen).Replace(s) // escaped or not
}
