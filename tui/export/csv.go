package export

import (
	"encoding/csv"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/papertui/papers/store"
	"github.com/papertui/papers/tui/clean"
)

// csvHeader names the columns CSV writes, in order.
var csvHeader = []string{
	"id", "title", "authors", "published", "day", "upvotes", "comments",
	"organization", "github_repo", "github_stars", "project_page", "url",
	"pdf_url", "queued", "read", "ai_summary", "arxiv_url", "tags", "note",
}

// CSV writes recs as RFC 4180 CSV with a header row (csvHeader). Authors,
// hidden ones included, are joined with "; "; published is YYYY-MM-DD (UTC)
// or empty; url is the paper's Hugging Face page, arxiv_url its arXiv
// abstract page and pdf_url its PDF, as in the JSON; github_stars is empty
// for a paper without a repo (null in the JSON); queued and read are true
// or false; tags are joined with "; " and the note's lines with spaces.
// Text goes through clean.Line, so a cell holds no
// line break or control character. GitHub and project links are kept only
// when clean.URL accepts them (http and https).
//
// Formula injection: a spreadsheet runs a cell that starts with = + - or @
// as a formula (=HYPERLINK(…), =WEBSERVICE(…)), so such a text cell is
// written with a leading apostrophe, which Excel, LibreOffice and Google
// Sheets show as text. The apostrophe is then part of the value for other
// readers of the file, e.g. a title "-based learning" comes back as
// "'-based learning".
func CSV(w io.Writer, recs []store.Record) error {
	return WriteCSV(w, Slice(recs))
}

// WriteCSV writes the papers of a stream as CSV, as CSV does.
func WriteCSV(w io.Writer, papers Stream) error {
	cw := csv.NewWriter(w)
	wrote := false
	err := papers(noStart, checked(func(r store.Record) error {
		if !wrote {
			cw.Write(csvHeader)
			wrote = true
		}
		cw.Write(csvRow(r))
		return nil
	}))
	if err != nil {
		return fmt.Errorf("export csv: %w", err)
	}
	if !wrote {
		cw.Write(csvHeader)
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return fmt.Errorf("write csv: %w", err)
	}
	return nil
}

// stars is a repo's stars, empty when there is no repo to have them, as
// the JSON's null.
func stars(repo string, n int) string {
	if repo == "" && n == 0 {
		return ""
	}
	return strconv.Itoa(n)
}

func csvRow(r store.Record) []string {
	authors := make([]string, 0, len(r.Authors))
	for _, a := range r.Authors {
		if n := clean.Line(a.Name); n != "" {
			authors = append(authors, n)
		}
	}
	github, _ := clean.URL(r.GitHubRepo)
	project, _ := clean.URL(r.ProjectPage)
	return []string{
		r.ID,
		cell(r.Title),
		cell(strings.Join(authors, "; ")),
		published(r.Paper),
		cell(r.Day),
		strconv.Itoa(r.Upvotes),
		strconv.Itoa(r.Comments),
		cell(r.Organization),
		cell(github),
		stars(github, r.GitHubStars),
		cell(project),
		r.HFURL(),
		r.PDFURL(),
		strconv.FormatBool(r.Queued),
		strconv.FormatBool(r.Read),
		cell(r.AISummary),
		r.AbsURL(),
		cell(strings.Join(r.Tags, "; ")),
		cell(r.Note),
	}
}

// cell is feed text made safe for a spreadsheet cell: one clean line, with
// an apostrophe before a leading formula character.
func cell(s string) string {
	s = clean.Line(s)
	if s != "" && strings.ContainsRune("=+-@", rune(s[0])) {
		return "'" + s
	}
	return s
}
