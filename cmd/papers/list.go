package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/papertui/papers/tui/clean"

	"github.com/papertui/papers/store"
)

// ListCmd is `papers list`.
type ListCmd struct {
	Day   string `placeholder:"YYYY-MM-DD" help:"Papers of one feed day."`
	Since string `placeholder:"DATE" help:"Papers from this feed day on: a date, month or year (2026-08-21, 2026-08, 2026)."`
	Until string `placeholder:"DATE" help:"Papers up to this feed day: a date, month (its last day) or year."`
	Sort  string `default:"newest" enum:"newest,upvotes,trending" help:"Order, one of ${enum} (default ${default})."`
	Limit int    `default:"0" placeholder:"N" help:"At most N papers (0: all)."`
	JSON  bool   `name:"json" help:"Print one JSON array."`

	Follow string `placeholder:"NAME" help:"Papers of a followed search (see papers follow)."`
}

// Run lists the papers.
func (c *ListCmd) Run(g *Globals) error {
	if c.Day != "" && !validDay(c.Day) {
		return usagef("list: --day %q: not a date (want YYYY-MM-DD; --since and --until take a month or year)", c.Day)
	}
	if err := normalizeDates("list", dateFlag{"--since", &c.Since, false}, dateFlag{"--until", &c.Until, true}); err != nil {
		return err
	}
	if c.Since != "" && c.Until != "" && c.Since > c.Until {
		return usagef("list: --since %s is after --until %s; swap them", c.Since, c.Until)
	}
	if c.Limit < 0 {
		return usagef("list: --limit must be positive, got %d", c.Limit)
	}
	return g.withLibrary(func(ctx context.Context, lib *store.Store) error {
		f := store.Filter{Day: c.Day, Since: c.Since, Until: c.Until, Sort: store.Sort(c.Sort)}
		if c.Follow != "" {
			var err error
			if f, err = followView(ctx, lib, c.Follow, f); err != nil {
				return err
			}
		}
		recs, err := lib.Records(ctx, f, 0, c.Limit)
		if err != nil {
			return err
		}
		if len(recs) == 0 && c.Day == "" && c.Since == "" && c.Until == "" {
			fmt.Fprintln(os.Stderr, "the library is empty: papers sync fetches the last 7 days")
			return printRecords(os.Stdout, recs, c.JSON)
		}
		return printResults(recs, c.JSON)
	})
}

func validDay(s string) bool {
	_, err := time.Parse(time.DateOnly, s)
	return err == nil && dayPattern.MatchString(s)
}

// noMatch is what a command that finds nothing says on stderr, so that
// stdout stays empty (or an empty JSON array) for scripts.
const noMatch = "no papers match"

// printResults prints what a list or search found, or says on stderr that
// it found nothing; --json then prints [], which is still valid JSON.
func printResults(recs []store.Record, asJSON bool) error {
	if len(recs) == 0 {
		fmt.Fprintln(os.Stderr, noMatch)
	}
	return printRecords(os.Stdout, recs, asJSON)
}

func printRecords(w io.Writer, recs []store.Record, asJSON bool) error {
	if asJSON {
		out := make([]paperJSON, len(recs))
		for i, r := range recs {
			out[i] = toJSON(r)
		}
		return writeJSON(w, out)
	}
	for _, r := range recs {
		fmt.Fprintln(w, recordLine(r))
	}
	return nil
}

// recordLine is one paper as a plain, terminal-safe line.
func recordLine(r store.Record) string {
	mark := " "
	if r.Queued {
		mark = "+"
	}
	day := r.Day
	if day == "" {
		day = "(no day)  "
	}
	who := r.Organization
	if who == "" && len(r.Authors) > 0 {
		who = r.Authors[0].Name
	}
	return fmt.Sprintf("%s %s %4d▲ %-10s %s  (%s)", mark, day, r.Upvotes, r.ID, clean.Line(r.Title), clean.Line(who))
}

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
	QueuePosition int      `json:"queue_position,omitempty"`
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
		WithdrawnAt: optTime(p.WithdrawnAt), Queued: r.Queued, QueuePosition: r.QueuePos, Read: r.Read,
		Tags: nonNil(r.Tags), Note: optString(r.Note),
	}
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

// StatsCmd is `papers stats`.
type StatsCmd struct {
	JSON bool `name:"json" help:"Print one JSON object."`
}

// Run prints what the library holds.
func (c *StatsCmd) Run(g *Globals) error {
	return g.withLibrary(func(ctx context.Context, lib *store.Store) error {
		st, err := lib.Stats(ctx)
		if err != nil {
			return err
		}
		ts, err := collectTextStats(ctx, lib)
		if err != nil {
			return err
		}
		if c.JSON {
			return writeJSON(os.Stdout, struct {
				store.Stats
				textStats
			}{st, ts})
		}
		var b strings.Builder
		fmt.Fprintf(&b, "papers     %d\n", st.Papers)
		fmt.Fprintf(&b, "days       %d (%s … %s)\n", st.Days, orDash(st.FirstDay), orDash(st.LastDay))
		fmt.Fprintf(&b, "queued     %d\n", st.Queued)
		fmt.Fprintf(&b, "read       %d\n", st.Read)
		fmt.Fprintf(&b, "last sync  %s\n", orDash(st.LastSync))
		fmt.Fprintf(&b, "%s\n", ts.lines())
		fmt.Fprintf(&b, "library    %s\n", st.Path)
		fmt.Fprintf(&b, "size       %s", humanBytes(st.SizeBytes))
		if st.Papers > 0 {
			fmt.Fprintf(&b, " (%s a paper)", humanBytes(st.SizeBytes/int64(st.Papers)))
		}
		fmt.Fprintln(os.Stdout, b.String())
		return nil
	})
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

func humanBytes(n int64) string {
	switch {
	case n >= 1<<30:
		return fmt.Sprintf("%.1f GiB", float64(n)/(1<<30))
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MiB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.1f KiB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d B", n)
}
