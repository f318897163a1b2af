package main

// The JSON papers prints. A paper is always the one paperJSON object,
// whichever command prints it (list, search, queue, add, export, digest,
// search --remote): its field names are a contract with scripts, so a
// field is added here, never renamed or dropped. Every JSON goes out
// through writeJSON (or writeJSONStream for an export), which escapes what
// could act on a terminal.

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"time"
	"unicode"

	"github.com/papertui/papers/store"
	"github.com/papertui/papers/tui/export"
)

// paperJSON is the JSON object of one paper: a contract scripts rely on.
// A field the feed did not send is null, not an empty string.
type paperJSON struct {
	ID            string   `json:"id"`
	Title         string   `json:"title"`
	Authors       []string `json:"authors"`
	HiddenAuthors []int    `json:"hidden_authors"`
	Published     *string  `json:"published"`
	Day           *string  `json:"day"`
	Upvotes       int      `json:"upvotes"`
	Comments      int      `json:"comments"`
	GitHubRepo    *string  `json:"github_repo"`
	GitHubStars   *int     `json:"github_stars"` // null without a repo
	ProjectPage   *string  `json:"project_page"`
	AISummary     *string  `json:"ai_summary"`
	AIKeywords    []string `json:"ai_keywords"`
	Organization  *string  `json:"organization"`
	URL           string   `json:"url"`
	PDFURL        string   `json:"pdf_url"`
	ArxivURL      string   `json:"arxiv_url"`
	Abstract      string   `json:"abstract"`
	Thumbnail     *string  `json:"thumbnail"`
	Submitter     *string  `json:"submitter"`
	WithdrawnAt   *string  `json:"withdrawn_at"`
	Queued        bool     `json:"queued"`
	QueuePosition *int     `json:"queue_position"` // null when not queued
	Read          bool     `json:"read"`
	Tags          []string `json:"tags"`
	Note          *string  `json:"note"`
}

// hfTime is the API's own time format, so dates compare equal to what the
// feed sent.
const hfTime = "2006-01-02T15:04:05.000Z"

func toJSON(r store.Record) paperJSON {
	p := r.Paper
	hidden := []int{}
	for i, a := range p.Authors {
		if a.Hidden {
			hidden = append(hidden, i)
		}
	}
	return paperJSON{
		ID: p.ID, Title: p.Title, Authors: p.AuthorNames(), HiddenAuthors: hidden,
		Published: optTime(p.Published), Day: optString(p.Day),
		Upvotes: p.Upvotes, Comments: p.Comments, GitHubRepo: optString(p.GitHubRepo), GitHubStars: starsOf(p.GitHubRepo, p.GitHubStars),
		ProjectPage: optString(p.ProjectPage), AISummary: optString(p.AISummary), AIKeywords: nonNil(p.AIKeywords),
		Organization: optString(p.Organization), URL: p.HFURL(), PDFURL: p.PDFURL(), ArxivURL: p.AbsURL(),
		Abstract: p.Abstract, Thumbnail: optString(p.Thumbnail), Submitter: optString(p.Submitter),
		WithdrawnAt: optTime(p.WithdrawnAt), Queued: r.Queued, QueuePosition: queuePosition(r), Read: r.Read,
		Tags: nonNil(r.Tags), Note: optString(r.Note),
	}
}

// queuePosition is the paper's place in the queue, from 1; null when it
// is not queued, like every field without a value.
func queuePosition(r store.Record) *int {
	if !r.Queued || r.QueuePos == 0 {
		return nil
	}
	return &r.QueuePos
}

func optTime(t time.Time) *string {
	if t.IsZero() {
		return nil
	}
	s := t.UTC().Format(hfTime)
	return &s
}

// starsOf is a repo's stars; null when there is no repo to have them.
func starsOf(repo string, stars int) *int {
	if repo == "" && stars == 0 {
		return nil
	}
	return &stars
}

func optString(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

// remoteJSON is a paper object plus whether the library already holds it.
type remoteJSON struct {
	paperJSON
	InLibrary bool `json:"in_library"`
}

// digestOut is `digest --json`: the digest's heading and its papers.
type digestOut struct {
	Title  string      `json:"title"`
	About  string      `json:"about"`
	Since  *string     `json:"since"` // RFC 3339; null with --since DATE
	Papers []paperJSON `json:"papers"`
}

func digestJSON(d export.Digest, since time.Time) digestOut {
	out := digestOut{Title: d.Title, About: d.About, Papers: make([]paperJSON, len(d.Papers))}
	if !since.IsZero() {
		s := since.UTC().Format(time.RFC3339)
		out.Since = &s
	}
	for i, r := range d.Papers {
		out.Papers[i] = toJSON(r)
	}
	return out
}

// writeJSON prints v as JSON. Feed text is data, kept exact, but runes a
// terminal could act on or hide text with (C1 controls, bidi overrides,
// zero-width characters) are written as \u escapes: the JSON means the
// same and cannot move the cursor of whoever cats it.
func writeJSON(w io.Writer, v any) error {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		return fmt.Errorf("encode json: %w", err)
	}
	_, err := io.WriteString(w, escapeInvisible(buf.String()))
	return err
}

func escapeInvisible(s string) string {
	if !strings.ContainsFunc(s, needsEscape) {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		if needsEscape(r) {
			fmt.Fprintf(&b, `\u%04x`, r)
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// needsEscape: C0 and C1 controls, and invisible format characters (bidi
// controls, zero-width spaces and joiners): \u escapes mean the same in
// JSON and show nothing to a terminal.
func needsEscape(r rune) bool {
	return (r >= 0x80 && r <= 0x9f) || r == 0x7f || (r < 0x20 && r != '\n') ||
		(r > 0x7f && (unicode.Is(unicode.Bidi_Control, r) || unicode.Is(unicode.Cf, r)))
}

// writeJSONStream writes the papers as `list --json` writes its array,
// byte for byte, one paper at a time.
func writeJSONStream(w io.Writer, papers export.Stream) error {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("  ", "  ")
	n := 0
	err := papers(func(int) error { return nil }, func(r store.Record) error {
		buf.Reset()
		if err := enc.Encode(toJSON(r)); err != nil {
			return fmt.Errorf("encode json: %w", err)
		}
		sep := ",\n  "
		if n == 0 {
			sep = "[\n  "
		}
		n++
		_, err := io.WriteString(w, sep+escapeInvisible(strings.TrimSuffix(buf.String(), "\n")))
		return err
	})
	if err != nil {
		return err
	}
	end := "\n]\n"
	if n == 0 {
		end = "[]\n"
	}
	_, err = io.WriteString(w, end)
	return err
}
