package feed

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
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
// A paper.id repeated in one body is one paper (Merge: the fresher look,
// the earlier day), not reported: a month's answer lists a paper once for
// each day it was featured, and the API's week/month windows overlap by
// design. decodeArray keeps every copy; its callers merge them.

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

// DecodeDocument decodes a file given to `papers import`: a daily_papers
// array, or one paper object (flat or wrapped). A bad single paper is
// reported as ItemError 0, as it would be inside an array.
func DecodeDocument(body []byte, day string) ([]Paper, []ItemError, error) {
	if err := checkDay(day); err != nil {
		return nil, nil, err
	}
	raw := trimBody(body)
	if len(raw) > 0 && raw[0] == '[' {
		papers, rejected, _, err := decodeArray(raw, day, true)
		return dedupe(papers), rejected, err
	}
	raw, err := parseJSON(body)
	if err != nil {
		return nil, nil, err
	}
	if raw[0] != '{' {
		return nil, nil, fmt.Errorf("%s: not a paper or an array of papers", kindOf(raw))
	}
	var top, wrapped object
	top.scan(raw, 0, 0, &wrapped)
	if !top.present(kPaper) && !top.present(kID) {
		keys, _ := objectKeys(raw)
		return nil, nil, fmt.Errorf("%s: not a paper or an array of papers", describeObject(keys))
	}
	d := decoder{day: day, dayFallback: true}
	p, err := d.item(raw, &top, &wrapped)
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
	return dedupe(papers), nil
}

// dedupe merges the copies of a paper listed more than once, in the
// order each was first listed.
func dedupe(papers []Paper) []Paper {
	at := make(map[string]int, len(papers))
	out := papers[:0]
	for _, p := range papers {
		if i, ok := at[p.ID]; ok {
			out[i] = Merge(out[i], p)
			continue
		}
		at[p.ID] = len(out)
		out = append(out, p)
	}
	return out
}

// decodeArray decodes a JSON array of items and also returns how many
// elements it had, which the pager needs to spot the last page. The body is
// validated in one pass that also finds the elements; each element is then
// read once for its members.
func decodeArray(body []byte, day string, dayFallback bool) ([]Paper, []ItemError, int, error) {
	raw := trimBody(body)
	if len(raw) == 0 || raw[0] != '[' {
		raw, err := parseJSON(body)
		if err != nil {
			return nil, nil, 0, err
		}
		return nil, nil, 0, fmt.Errorf("%s, not an array", describe(raw))
	}
	// One pass validates the body and reads each item's members; the items
	// are mapped as they come, and dropped if the body turns out invalid.
	// Every Raw is cut from one buffer: compacting never grows the text.
	d := decoder{day: day, dayFallback: dayFallback, buf: make([]byte, 0, len(raw))}
	var papers []Paper
	var rejected []ItemError
	n := 0
	end := elements(raw, 0, 0, func(b []byte, j, depth int) int {
		p, end, err := d.scanItem(b, j, depth)
		if end < 0 {
			return end
		}
		if err != nil {
			rejected = append(rejected, asItemError(n, err))
		} else {
			papers = append(papers, p)
		}
		n++
		return end
	})
	if end < 0 || end != len(raw) {
		return nil, nil, 0, syntaxError(raw)
	}
	return papers, rejected, n, nil
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

// decodeItem maps one item, not yet validated, to a Paper.
func decodeItem(raw []byte, day string, dayFallback bool) (Paper, error) {
	trimmed := bytes.TrimSpace(raw)
	if len(trimmed) == 0 || trimmed[0] != '{' {
		return Paper{}, fmt.Errorf("%s, not an object", describe(trimmed))
	}
	d := decoder{day: day, dayFallback: dayFallback}
	p, end, err := d.scanItem(trimmed, 0, 0)
	if end != len(trimmed) {
		var o map[string]json.RawMessage
		err := json.Unmarshal(trimmed, &o)
		if err == nil { // cannot happen: the scanner follows encoding/json
			err = errors.New("invalid JSON")
		}
		return Paper{}, fmt.Errorf("bad object: %w", err)
	}
	if err == nil && len(bytes.Trim(raw, " \t\r\n")) != len(trimmed) {
		// Space JSON does not know (a form feed, a no-break space) around
		// the item: json.Compact refused it, and the item was kept as is.
		p.Raw = bytes.Clone(raw)
	}
	return p, err
}

// decoder maps items to Papers. dayFallback allows the top-level
// publishedAt (when an item was posted to the feed, in 2024 data) to supply
// the feed day; search hits are not feed items, so they do not use it.
type decoder struct {
	day         string
	dayFallback bool
	buf         []byte // where Raws are compacted to; may be nil
}

// scanItem validates the value at b[j], inside depth open containers, and
// maps it to a Paper. It returns the value's end, or -1 when it is not
// valid JSON; the Paper and error mean nothing then.
func (d *decoder) scanItem(b []byte, j, depth int) (Paper, int, error) {
	if j >= len(b) {
		return Paper{}, -1, nil
	}
	if b[j] != '{' {
		end := skipValue(b, j, depth)
		if end < 0 {
			return Paper{}, end, nil
		}
		return Paper{}, end, fmt.Errorf("%s, not an object", describe(b[j:end]))
	}
	var top, wrapped object
	end := top.scan(b, j, depth, &wrapped)
	if end < 0 {
		return Paper{}, end, nil
	}
	p, err := d.item(b[j:end], &top, &wrapped)
	return p, end, err
}

// item maps the valid object raw, whose members are in top (and those of
// its paper, when an object, in wrapped), to a Paper.
func (d *decoder) item(raw []byte, top, wrapped *object) (Paper, error) {
	paper, flat, err := paperOf(top, wrapped)
	if err != nil {
		return Paper{}, err
	}
	id, err := paperID(paper)
	if err != nil {
		return Paper{}, err
	}
	dayFallback := d.dayFallback
	if flat {
		// /api/papers/{id} has no wrapper; its own fields stand in for the
		// wrapper's, but its publishedAt is arXiv's, never a feed day.
		dayFallback = false
	}
	p, err := mapItem(top, paper, d.day, dayFallback)
	if err != nil {
		return Paper{}, &errWithID{id: id, err: err}
	}
	p.ID = id
	p.Raw = d.compact(raw)
	return p, nil
}

// compact stores the item without the indentation some recordings carry.
func (d *decoder) compact(raw []byte) json.RawMessage {
	if d.buf == nil {
		d.buf = make([]byte, 0, len(raw))
	}
	if cap(d.buf)-len(d.buf) < len(raw) {
		d.buf = make([]byte, 0, max(len(raw), cap(d.buf)))
	}
	from := len(d.buf)
	d.buf = appendCompact(d.buf, raw)
	return d.buf[from:len(d.buf):len(d.buf)]
}

// paperOf finds the paper object: the "paper" field of a daily item
// (already read into wrapped), or the item itself when it is a flat paper.
func paperOf(top, wrapped *object) (paper *object, flat bool, err error) {
	if top.has(kPaper) {
		if v := top.v[kPaper]; v[0] != '{' {
			return nil, false, fmt.Errorf("paper: %s, not an object", describe(v))
		}
		return wrapped, false, nil
	}
	if top.has(kID) {
		return top, true, nil
	}
	return nil, false, errors.New("no paper.id: not a paper item")
}

func paperID(paper *object) (string, error) {
	if !paper.has(kID) {
		return "", errors.New("no paper.id")
	}
	id, err := paper.str(kID)
	if err != nil {
		return "", fmt.Errorf("paper.%w", err)
	}
	if !ValidID(id) {
		return "", fmt.Errorf("paper.id: not an arXiv id: %q", clip(id, 40))
	}
	return id, nil
}

// mapItem is the one place wire fields become Paper fields. For a flat
// paper, top and paper are the same object.
func mapItem(top, paper *object, day string, dayFallback bool) (Paper, error) {
	var st strict
	p := Paper{
		Title:       cleanTitle(st.str(firstString(kTitle, top, paper))),
		Abstract:    rejoin(st.str(paper.str(kSummary))),
		Authors:     st.authors(authors(paper)),
		Published:   st.time(paper.timestamp(kPublishedAt)),
		Upvotes:     st.num(paper.integer(kUpvotes)),
		Comments:    st.num(top.integer(kNumComments)),
		WithdrawnAt: st.time(paper.timestamp(kWithdrawnAt)),
	}
	if st.err != nil {
		return Paper{}, st.err
	}
	submitted, err := paper.timestamp(kSubmittedOnDailyAt)
	if err != nil {
		return Paper{}, err
	}
	p.GitHubRepo = quiet(paper.str(kGitHubRepo))
	p.GitHubStars = quiet(paper.integer(kGitHubStars))
	p.ProjectPage = quiet(paper.str(kProjectPage))
	p.AISummary = quiet(paper.str(kAISummary))
	p.AIKeywords = quiet(paper.strings(kAIKeywords))
	p.Organization = organization(top, paper)
	p.Thumbnail = thumbnail(top, paper)
	p.Submitter = submitter(top, paper)
	if p.Abstract == "" {
		p.Abstract = rejoin(quiet(top.str(kSummary)))
	}
	p.Day, p.DayUnsure = feedDay(day, submitted, top, dayFallback)
	return p, nil
}

// firstString is the first non-empty string of key in the objects given,
// in order; a wrong type in any of them is an error.
func firstString(key int, objs ...*object) (string, error) {
	for _, o := range objs {
		s, err := o.str(key)
		if err != nil || strings.TrimSpace(s) != "" {
			return s, err
		}
	}
	return "", nil
}

// feedDay is an item's feed day: the day asked for, else when it was
// submitted to the feed, else (fallback) a guess from the top-level
// publishedAt, which unsure says may be wrong.
func feedDay(day string, submitted time.Time, top *object, fallback bool) (feed string, unsure bool) {
	switch {
	case day != "":
		return day, false
	case !submitted.IsZero():
		return DayOf(submitted), false
	case fallback:
		if t := quiet(top.timestamp(kPublishedAt)); !t.IsZero() {
			return DayOf(t.Add(postedDayShift)), postedTimeUnsure(t)
		}
	}
	return "", false
}

// postedDayShift turns the time a 2024 item was posted (its top-level
// publishedAt) into its feed day: the feed's day turns over at about
// 21:27 UTC. In the recorded corpus, of 2,800 items without
// submittedOnDailyAt, every one posted up to 21:24 UTC is listed that
// day, and every one posted from 21:30 on the next.
const postedDayShift = 24*time.Hour - (21*time.Hour + 27*time.Minute)

// postedTimeUnsure says the guess from a top-level publishedAt t may be
// wrong: posted within a few minutes of the turn of day, or not a posting
// time at all. For a few days in March 2025, before submittedOnDailyAt,
// the field held the arXiv time, always on a whole second, where posting
// times have their milliseconds; those items were listed up to 8 days
// later.
func postedTimeUnsure(t time.Time) bool {
	t = t.UTC()
	minute := t.Hour()*60 + t.Minute()
	return t.Nanosecond() == 0 || (minute >= 21*60+25 && minute < 21*60+30) // between the last seen that day and the first seen the next
}

func authors(paper *object) ([]Author, error) {
	if !paper.has(kAuthors) {
		return nil, nil
	}
	v := paper.v[kAuthors]
	if v[0] != '[' {
		return nil, errors.New("authors: not an array")
	}
	out := make([]Author, 0, 16)
	var err error
	elements(v, 0, 0, func(b []byte, j, depth int) int {
		end := skipValue(b, j, depth)
		if end >= 0 && err == nil {
			var a Author
			if a, err = author(b[j:end]); err != nil {
				err = fmt.Errorf("authors[%d]: %w", len(out), err)
			}
			out = append(out, a)
		}
		return end
	})
	if err != nil {
		return nil, err
	}
	return out[:len(out):len(out)], nil
}

func author(raw []byte) (Author, error) {
	if raw[0] != '{' {
		return Author{}, fmt.Errorf("%s, not an object", describe(raw))
	}
	var o object
	o.parse(raw)
	name, err := o.str(kName)
	if err != nil {
		return Author{}, err
	}
	hidden, err := o.boolean(kHidden)
	if err != nil {
		return Author{}, err
	}
	// The linked HF account names its username "user", not "name".
	var user object
	var username string
	if ok, _ := o.object(kUser, &user); ok {
		username = quiet(user.str(kUser))
	}
	return Author{Name: collapse(name), Hidden: hidden, User: username}, nil
}

func organization(top, paper *object) string {
	var org object
	for _, o := range []*object{top, paper} {
		if ok, _ := o.object(kOrganization, &org); ok {
			if name := orgName(&org); name != "" {
				return name
			}
		}
	}
	if ok, _ := top.object(kSubmitterOrganization, &org); ok {
		return orgName(&org)
	}
	return ""
}

func orgName(org *object) string {
	if name := quiet(org.str(kFullname)); name != "" {
		return collapse(name)
	}
	return collapse(quiet(org.str(kName)))
}

func thumbnail(top, paper *object) string {
	if s := quiet(top.str(kThumbnail)); s != "" {
		return s
	}
	if s := quiet(top.str(kMediaURL)); s != "" { // 2024-05..06 items
		return s
	}
	for _, o := range []*object{top, paper} {
		if urls := quiet(o.strings(kMediaURLs)); len(urls) > 0 {
			return urls[0]
		}
	}
	return ""
}

// submitter is the HF username of who put the paper on Daily Papers. The
// wrapper's submittedBy keeps the username in "name"; the paper's
// submittedOnDailyBy keeps it in "user".
func submitter(top, paper *object) string {
	var by object
	if ok, _ := top.object(kSubmittedBy, &by); ok {
		if s := firstNonEmpty(quiet(by.str(kName)), quiet(by.str(kUser))); s != "" {
			return s
		}
	}
	if ok, _ := paper.object(kSubmittedOnDailyBy, &by); ok {
		return firstNonEmpty(quiet(by.str(kUser)), quiet(by.str(kName)))
	}
	return ""
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
func collapse(s string) string {
	if collapsed(s) {
		return s
	}
	return strings.Join(strings.Fields(s), " ")
}

// collapsed reports, for the common case, that collapse has nothing to do:
// single ASCII spaces between words, and no byte that may start a Unicode
// space.
func collapsed(s string) bool {
	if s == "" || s[0] == ' ' || s[len(s)-1] == ' ' {
		return s == ""
	}
	for i := 0; i < len(s); i++ {
		if notCollapsed[s[i]] {
			return false
		}
	}
	return !strings.Contains(s, "  ")
}

// notCollapsed marks control bytes and the first bytes of the UTF-8 forms
// of Unicode spaces (U+0085, U+00A0, U+1680, U+2000..U+205F, U+3000).
var notCollapsed = func() (t [256]bool) {
	for c := range ' ' {
		t[c] = true
	}
	t[0x7f], t[0xc2], t[0xe1], t[0xe2], t[0xe3] = true, true, true, true, true
	return t
}()

var asciiSpace = [utf8.RuneSelf]bool{'\t': true, '\n': true, '\v': true, '\f': true, '\r': true, ' ': true}

// cleanTitle removes arXiv's hard wraps ("…Scaling for\n  Contrastive Loss").
func cleanTitle(s string) string { return collapse(s) }

// rejoin undoes arXiv's hard wrapping of abstracts: lines are joined with a
// space, a blank line separates paragraphs, paragraphs are joined by "\n\n".
// Put another way: words are separated by "\n\n" when the space between
// them holds two or more newlines, else by one space.
func rejoin(s string) string {
	if strings.IndexByte(s, '\n') < 0 {
		return collapse(s)
	}
	var b strings.Builder
	b.Grow(len(s))
	newlines, word := 0, -1 // word is where the current word starts
	for i := 0; i < len(s); {
		r, size, space := rune(s[i]), 1, false
		if r < utf8.RuneSelf {
			space = asciiSpace[r]
		} else {
			r, size = utf8.DecodeRuneInString(s[i:])
			space = unicode.IsSpace(r)
		}
		switch {
		case space:
			if word >= 0 {
				b.WriteString(s[word:i])
				word = -1
			}
			if r == '\n' {
				newlines++
			}
		case word < 0:
			if b.Len() > 0 {
				if newlines >= 2 {
					b.WriteString("\n\n")
				} else {
					b.WriteByte(' ')
				}
			}
			word, newlines = i, 0
		}
		i += size
	}
	if word >= 0 {
		b.WriteString(s[word:])
	}
	return b.String()
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
