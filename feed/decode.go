package feed

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"
)

// Decoding policy. Every field but paper.id is optional, and null counts as
// absent. A field present with the wrong type is handled by what it would do
// to the reader if we guessed:
//   - The fields a reader ranks, reads or dates papers by (id, title,
//     summary, authors, upvotes, numComments, paper.publishedAt,
//     submittedOnDailyAt, withdrawnAt) reject the whole item with an
//     ItemError, so a bad record never overwrites a good one in the store.
//   - Decorations (thumbnail, media, links, stars, AI fields, organization,
//     submitter, the top-level publishedAt and summary) are dropped quietly:
//     a paper without its thumbnail is still worth keeping.
//
// Within one body a repeated paper.id keeps the first item and is not
// reported: nothing is lost, and the API's week/month windows overlap by
// design.

// ItemError is one element of a response that could not be decoded. The
// other elements are still returned.
type ItemError struct {
	Index int    // position in the array (in the whole window for Client)
	ID    string // paper.id when it could be read
	Err   error
}

func (e ItemError) Error() string {
	if e.ID != "" {
		return fmt.Sprintf("item %d (%s): %v", e.Index, e.ID, e.Err)
	}
	return fmt.Sprintf("item %d: %v", e.Index, e.Err)
}

func (e ItemError) Unwrap() error { return e.Err }

// DayOf is the feed day (YYYY-MM-DD, UTC) of t.
func DayOf(t time.Time) string { return t.UTC().Format(time.DateOnly) }

// DecodeItem decodes one item: a daily_papers item {"paper":{…},…} or a
// flat paper object as /api/papers/{id} answers. day, when not empty, is
// the feed day the item was asked for and wins over the dates it carries.
func DecodeItem(raw []byte, day string) (Paper, error) {
	if err := checkDay(day); err != nil {
		return Paper{}, err
	}
	return decodeItem(raw, day, true)
}

// DecodeDay decodes a daily_papers response body, which must be a JSON
// array. Elements that cannot be decoded come back as ItemErrors; the error
// is for a body that is not an array at all.
func DecodeDay(body []byte, day string) ([]Paper, []ItemError, error) {
	if err := checkDay(day); err != nil {
		return nil, nil, err
	}
	papers, rejected, _, err := decodeArray(body, day, true)
	return papers, rejected, err
}

// DecodeDocument decodes a file given to `papers import`: a daily_papers
// array, or one paper object (flat or wrapped). A bad single paper is
// reported as ItemError 0, as it would be inside an array.
func DecodeDocument(body []byte, day string) ([]Paper, []ItemError, error) {
	if err := checkDay(day); err != nil {
		return nil, nil, err
	}
	raw, err := parseJSON(body)
	if err != nil {
		return nil, nil, err
	}
	switch {
	case raw[0] == '[':
		papers, rejected, _, err := decodeArray(raw, day, true)
		return papers, rejected, err
	case raw[0] != '{':
		return nil, nil, fmt.Errorf("%s: not a paper or an array of papers", kindOf(raw))
	}
	keys, _ := objectKeys(raw)
	if !isPaperObject(keys) {
		return nil, nil, fmt.Errorf("%s: not a paper or an array of papers", describeObject(keys))
	}
	p, err := decodeItem(raw, day, true)
	if err != nil {
		return nil, []ItemError{asItemError(0, err)}, nil
	}
	return []Paper{p}, nil, nil
}

// DecodeSearch decodes an /api/papers/search answer: an array of daily items
// or flat papers, mixed. Search hits have a feed day only when they carry
// submittedOnDailyAt. Bad elements are skipped, because search results are
// transient; if every element is bad the first failure is returned.
func DecodeSearch(body []byte) ([]Paper, error) {
	papers, rejected, n, err := decodeArray(body, "", false)
	if err != nil {
		return nil, fmt.Errorf("search results: %w", err)
	}
	if len(papers) == 0 && len(rejected) > 0 && len(rejected) == n {
		return nil, fmt.Errorf("search results: %w", rejected[0])
	}
	return papers, nil
}

// decodeArray decodes a JSON array of items and also returns how many
// elements it had, which the pager needs to spot the last page.
func decodeArray(body []byte, day string, dayFallback bool) ([]Paper, []ItemError, int, error) {
	raw, err := parseJSON(body)
	if err != nil {
		return nil, nil, 0, err
	}
	if raw[0] != '[' {
		return nil, nil, 0, fmt.Errorf("%s, not an array", describe(raw))
	}
	var items []json.RawMessage
	if err := json.Unmarshal(raw, &items); err != nil {
		return nil, nil, 0, fmt.Errorf("decode array: %w", err)
	}
	var papers []Paper
	var rejected []ItemError
	seen := make(map[string]bool, len(items))
	for i, item := range items {
		p, err := decodeItem(item, day, dayFallback)
		if err != nil {
			rejected = append(rejected, asItemError(i, err))
			continue
		}
		if seen[p.ID] {
			continue // see the decoding policy above
		}
		seen[p.ID] = true
		papers = append(papers, p)
	}
	return papers, rejected, len(items), nil
}

// errWithID carries the id out of decodeItem so the ItemError can name it.
type errWithID struct {
	id  string
	err error
}

func (e *errWithID) Error() string { return e.err.Error() }
func (e *errWithID) Unwrap() error { return e.err }

func asItemError(i int, err error) ItemError {
	var withID *errWithID
	if errors.As(err, &withID) {
		return ItemError{Index: i, ID: withID.id, Err: withID.err}
	}
	return ItemError{Index: i, Err: err}
}

// decodeItem maps one item to a Paper. dayFallback allows the top-level
// publishedAt (when an item was posted to the feed, in 2024 data) to supply
// the feed day; search hits are not feed items, so they do not use it.
func decodeItem(raw []byte, day string, dayFallback bool) (Paper, error) {
	top, err := toObj(raw)
	if err != nil {
		return Paper{}, err
	}
	paper, flat, err := paperOf(top)
	if err != nil {
		return Paper{}, err
	}
	id, err := paperID(paper)
	if err != nil {
		return Paper{}, err
	}
	if flat {
		// /api/papers/{id} has no wrapper; its own fields stand in for the
		// wrapper's, but its publishedAt is arXiv's, never a feed day.
		top, dayFallback = paper, false
	}
	p, err := mapItem(top, paper, day, dayFallback)
	if err != nil {
		return Paper{}, &errWithID{id: id, err: err}
	}
	p.ID = id
	p.Raw = compact(raw)
	return p, nil
}

// paperOf finds the paper object: the "paper" field of a daily item, or the
// item itself when it is a flat paper.
func paperOf(top obj) (paper obj, flat bool, err error) {
	if top.has("paper") {
		paper, err := top.object("paper")
		return paper, false, err
	}
	if top.has("id") {
		return top, true, nil
	}
	return nil, false, errors.New("no paper.id: not a paper item")
}

func paperID(paper obj) (string, error) {
	if !paper.has("id") {
		return "", errors.New("no paper.id")
	}
	id, err := paper.str("id")
	if err != nil {
		return "", fmt.Errorf("paper.%w", err)
	}
	if !ValidID(id) {
		return "", fmt.Errorf("paper.id: not an arXiv id: %q", clip(id, 40))
	}
	return id, nil
}

// mapItem is the one place wire fields become Paper fields.
func mapItem(top, paper obj, day string, dayFallback bool) (Paper, error) {
	var st strict
	p := Paper{
		Title:       cleanTitle(st.str(firstString("title", top, paper))),
		Abstract:    rejoin(st.str(paper.str("summary"))),
		Authors:     st.authors(authors(paper)),
		Published:   st.time(paper.timestamp("publishedAt")),
		Upvotes:     st.num(paper.integer("upvotes")),
		Comments:    st.num(top.integer("numComments")),
		WithdrawnAt: st.time(paper.timestamp("withdrawnAt")),

		GitHubRepo:   quiet(paper.str("githubRepo")),
		GitHubStars:  quiet(paper.integer("githubStars")),
		ProjectPage:  quiet(paper.str("projectPage")),
		AISummary:    quiet(paper.str("ai_summary")),
		AIKeywords:   quiet(paper.strings("ai_keywords")),
		Organization: organization(top, paper),
		Thumbnail:    thumbnail(top, paper),
		Submitter:    submitter(top, paper),
	}
	if p.Abstract == "" {
		p.Abstract = rejoin(quiet(top.str("summary")))
	}
	submitted := st.time(paper.timestamp("submittedOnDailyAt"))
	p.Day = feedDay(day, submitted, top, dayFallback)
	return p, st.err
}

// firstString is the first non-empty string of key in the objects given,
// in order; a wrong type in any of them is an error.
func firstString(key string, objs ...obj) (string, error) {
	for _, o := range objs {
		s, err := o.str(key)
		if err != nil || strings.TrimSpace(s) != "" {
			return s, err
		}
	}
	return "", nil
}

func feedDay(day string, submitted time.Time, top obj, fallback bool) string {
	switch {
	case day != "":
		return day
	case !submitted.IsZero():
		return DayOf(submitted)
	case fallback:
		if t := quiet(top.timestamp("publishedAt")); !t.IsZero() {
			return DayOf(t)
		}
	}
	return ""
}

func authors(paper obj) ([]Author, error) {
	if !paper.has("authors") {
		return nil, nil
	}
	var raws []json.RawMessage
	if err := json.Unmarshal(paper["authors"], &raws); err != nil {
		return nil, errors.New("authors: not an array")
	}
	out := make([]Author, 0, len(raws))
	for i, raw := range raws {
		a, err := author(raw)
		if err != nil {
			return nil, fmt.Errorf("authors[%d]: %w", i, err)
		}
		out = append(out, a)
	}
	return out, nil
}

func author(raw json.RawMessage) (Author, error) {
	o, err := toObj(raw)
	if err != nil {
		return Author{}, err
	}
	name, err := o.str("name")
	if err != nil {
		return Author{}, err
	}
	var hidden bool
	if o.has("hidden") && json.Unmarshal(o["hidden"], &hidden) != nil {
		return Author{}, errors.New("hidden: not a boolean")
	}
	// The linked HF account names its username "user", not "name".
	user := quiet(quiet(o.object("user")).str("user"))
	return Author{Name: collapse(name), Hidden: hidden, User: user}, nil
}

func organization(top, paper obj) string {
	for _, o := range []obj{top, paper} {
		if name := orgName(quiet(o.object("organization"))); name != "" {
			return name
		}
	}
	return orgName(quiet(top.object("submitterOrganization")))
}

func orgName(org obj) string {
	if name := quiet(org.str("fullname")); name != "" {
		return collapse(name)
	}
	return collapse(quiet(org.str("name")))
}

func thumbnail(top, paper obj) string {
	if s := quiet(top.str("thumbnail")); s != "" {
		return s
	}
	if s := quiet(top.str("mediaUrl")); s != "" { // 2024-05..06 items
		return s
	}
	for _, o := range []obj{top, paper} {
		if urls := quiet(o.strings("mediaUrls")); len(urls) > 0 {
			return urls[0]
		}
	}
	return ""
}

// submitter is the HF username of who put the paper on Daily Papers. The
// wrapper's submittedBy keeps the username in "name"; the paper's
// submittedOnDailyBy keeps it in "user".
func submitter(top, paper obj) string {
	if by := quiet(top.object("submittedBy")); by != nil {
		if s := firstNonEmpty(quiet(by.str("name")), quiet(by.str("user"))); s != "" {
			return s
		}
	}
	by := quiet(paper.object("submittedOnDailyBy"))
	return firstNonEmpty(quiet(by.str("user")), quiet(by.str("name")))
}

func firstNonEmpty(ss ...string) string {
	for _, s := range ss {
		if s != "" {
			return s
		}
	}
	return ""
}

// collapse turns every run of whitespace into one space and trims.
func collapse(s string) string { return strings.Join(strings.Fields(s), " ") }

// cleanTitle removes arXiv's hard wraps ("…Scaling for\n  Contrastive Loss").
func cleanTitle(s string) string { return collapse(s) }

// rejoin undoes arXiv's hard wrapping of abstracts: lines are joined with a
// space, a blank line separates paragraphs, paragraphs are joined by "\n\n".
func rejoin(s string) string {
	lines := strings.Split(strings.ReplaceAll(s, "\r\n", "\n"), "\n")
	var paras, cur []string
	flush := func() {
		if len(cur) > 0 {
			paras = append(paras, collapse(strings.Join(cur, " ")))
			cur = nil
		}
	}
	for _, line := range lines {
		if strings.TrimSpace(line) == "" {
			flush()
			continue
		}
		cur = append(cur, line)
	}
	flush()
	return strings.Join(paras, "\n\n")
}

// compact stores the item without the indentation some recordings carry.
func compact(raw []byte) json.RawMessage {
	var buf bytes.Buffer
	if err := json.Compact(&buf, raw); err != nil {
		return append(json.RawMessage(nil), raw...)
	}
	return buf.Bytes()
}

func checkDay(day string) error {
	if day == "" {
		return nil
	}
	if _, err := time.Parse(time.DateOnly, day); err != nil {
		return fmt.Errorf("bad day %q: want YYYY-MM-DD", clip(day, 40))
	}
	return nil
}
