// Package feed owns the Hugging Face Daily Papers API: the HTTP client that
// fetches it politely, the decoder that turns every item shape recorded from
// 2024 to 2026 into one normalised Paper, and the rules for paper ids.
// It knows nothing of SQLite or the screen.
package feed

import (
	"encoding/json"
	"time"
)

// Author is one author of a paper, in the order the paper lists them.
type Author struct {
	Name string `json:"name"`
	// Hidden authors are kept (so the order and count stay true) but marked.
	Hidden bool `json:"hidden,omitempty"`
	// User is the author's Hugging Face username when the author claimed the paper.
	User string `json:"user,omitempty"`
}

// Paper is one paper as the rest of papers sees it: normalised from whatever
// item shape the API answered with. Text fields hold the text as received
// (whitespace normalised only); making it safe for a terminal is the job of
// whoever shows it.
type Paper struct {
	ID       string   // arXiv id without version, e.g. "2410.17243"
	Title    string   // whitespace collapsed; the cleaned top-level title preferred
	Abstract string   // hard-wrapped lines rejoined; paragraphs separated by "\n\n"
	Authors  []Author // in order, hidden ones included and marked

	Published time.Time // arXiv publication time; zero when unknown
	Day       string    // feed day YYYY-MM-DD; "" when the paper was added outside the feed
	// DayUnsure: Day is a guess from when the item was posted that may be
	// wrong (see feedDay); a sync then asks the feed for the day itself.
	DayUnsure bool

	Upvotes  int
	Comments int

	GitHubRepo   string
	GitHubStars  int
	ProjectPage  string
	AISummary    string
	AIKeywords   []string
	Organization string // the organization's full name, else its handle
	Thumbnail    string
	Submitter    string    // username of who submitted it to Daily Papers
	WithdrawnAt  time.Time // zero unless withdrawn

	// Raw is the item exactly as the API sent it, so later schema drift can
	// be re-parsed without fetching again.
	Raw json.RawMessage
}

// HFURL is the paper's page on Hugging Face.
func (p Paper) HFURL() string { return "https://huggingface.co/papers/" + p.ID }

// AbsURL is the paper's arXiv abstract page.
func (p Paper) AbsURL() string { return "https://arxiv.org/abs/" + p.ID }

// PDFURL is the paper's arXiv PDF.
func (p Paper) PDFURL() string { return "https://arxiv.org/pdf/" + p.ID }

// AuthorNames lists the authors' names in order.
func (p Paper) AuthorNames() []string {
	names := make([]string, len(p.Authors))
	for i, a := range p.Authors {
		names[i] = a.Name
	}
	return names
}

// FlatJSON writes p as a flat paper object (the shape of /api/papers/{id})
// that DecodeItem reads back into p: the raw item for a paper that was made
// rather than received, so a store that keeps only raw items loses nothing.
func (p Paper) FlatJSON() []byte {
	type author struct {
		Name   string `json:"name"`
		Hidden bool   `json:"hidden"`
	}
	type org struct {
		Fullname string `json:"fullname"`
	}
	flat := struct {
		ID          string   `json:"id"`
		Title       string   `json:"title"`
		Summary     string   `json:"summary,omitempty"`
		Authors     []author `json:"authors"`
		PublishedAt string   `json:"publishedAt,omitempty"`
		DailyAt     string   `json:"submittedOnDailyAt,omitempty"`
		Upvotes     int      `json:"upvotes"`
		Comments    int      `json:"numComments"`
		GitHubRepo  string   `json:"githubRepo,omitempty"`
		GitHubStars int      `json:"githubStars,omitempty"`
		ProjectPage string   `json:"projectPage,omitempty"`
		AISummary   string   `json:"ai_summary,omitempty"`
		AIKeywords  []string `json:"ai_keywords,omitempty"`
		Org         *org     `json:"organization,omitempty"`
		Thumbnail   string   `json:"thumbnail,omitempty"`
		WithdrawnAt string   `json:"withdrawnAt,omitempty"`
	}{ID: p.ID, Title: p.Title, Summary: p.Abstract, Upvotes: p.Upvotes, Comments: p.Comments,
		GitHubRepo: p.GitHubRepo, GitHubStars: p.GitHubStars, ProjectPage: p.ProjectPage,
		AISummary: p.AISummary, AIKeywords: p.AIKeywords, Thumbnail: p.Thumbnail}
	for _, a := range p.Authors {
		flat.Authors = append(flat.Authors, author{a.Name, a.Hidden})
	}
	if !p.Published.IsZero() {
		flat.PublishedAt = p.Published.UTC().Format(time.RFC3339)
	}
	if p.Day != "" {
		flat.DailyAt = p.Day + "T00:00:00.000Z"
	}
	if p.Organization != "" {
		flat.Org = &org{p.Organization}
	}
	if !p.WithdrawnAt.IsZero() {
		flat.WithdrawnAt = p.WithdrawnAt.UTC().Format(time.RFC3339)
	}
	b, _ := json.Marshal(flat) // strings, ints and slices of them: cannot fail
	return b
}
