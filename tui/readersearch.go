package tui

import (
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/papertui/papers/internal/english"
	"github.com/papertui/papers/tui/article"
	"github.com/papertui/papers/tui/clean"
)

// Search inside the paper being read: / types a word or phrase, found as
// it is typed in the rendered lines (lowercased once, when rendered), its
// hits marked and n/N jumping between them. A phrase the wrapping split
// over two lines is found too, marked on both (readerwrap.go).

// readerSearch is the pane's search.
type readerSearch struct {
	typing bool
	query  string
	hits   []int        // lines holding the query, in order
	isHit  map[int]bool // the same, by line
	hit    int          // the hit last jumped to, from 1; 0 none
	// split are the parts of hits the wrapping split, by line: byte
	// ranges of its plain text (readerwrap.go).
	split map[int][]span
	// from is where the view stood when / was pressed: each keystroke
	// looks from there, and esc or a query found nowhere goes back, as
	// vim's incremental search does.
	from int
}

// find looks for the query in every line (lowercased once, when
// rendered): a string search per line, so a keystroke costs little
// however common the word.
func (s *readerSearch) find(l readerLines) {
	s.hits, s.isHit, s.hit, s.split = nil, nil, 0, nil
	q := s.needle()
	if q == "" {
		return
	}
	s.isHit = map[int]bool{}
	phrase := strings.Contains(q, " ")
	for i, low := range l.lower {
		inLine := strings.Contains(low, q)
		split := phrase && s.findSplit(l, i, q)
		if inLine || split {
			s.hits = append(s.hits, i)
			s.isHit[i] = true
		}
	}
}

// needle is the query as searched: lowercased, its spaces single, as the
// rendered text has them.
func (s readerSearch) needle() string {
	return strings.ToLower(strings.Join(strings.Fields(s.query), " "))
}

// marked is a hit line with the query marked: its plain text in the
// highlight's colours, so the hit shows whatever the line's own colours
// were. Only the lines in view are marked, as they are drawn: a few
// string replacements, no rendering.
func (s readerSearch) marked(l readerLines, i int, hl paint) string {
	if spans := s.split[i]; len(spans) > 0 {
		return markSpans(l, i, s.needle(), spans, hl)
	}
	return article.MarkHits(l.plain[i], []string{s.needle()}, hl.pre, hl.post)
}

// count is "3/17", "17 hits" or "no hits".
func (s readerSearch) count() string {
	switch {
	case strings.TrimSpace(s.query) == "":
		return ""
	case len(s.hits) == 0:
		return "no hits"
	case s.hit > 0:
		return countOf(s.hit, len(s.hits))
	}
	return english.Count(len(s.hits), "hit")
}

// jumpHit moves the view to the next (dir > 0) or previous hit, going
// round from the end to the start (or back) as less and vim do, and says
// so; it says why when there is none (search is the key that searches,
// as bound).
func (r *readerPane) jumpHit(dir int, search string) string {
	s := &r.search
	switch {
	case s.query == "":
		return search + " searches in the paper"
	case len(s.hits) == 0:
		return "no hits for " + s.query
	}
	j := nextHit(s.hits, r.offset, dir)
	if s.hit > 0 && s.hits[s.hit-1] >= r.offset && s.hits[s.hit-1] < r.offset+r.height {
		// From the hit in view: at the end of the paper the view cannot
		// scroll the last hits to its top, so its place would say "this
		// hit" (or one before it) again.
		j = s.hit - 1 + dir
		if j >= len(s.hits) {
			j = -1
		}
	}
	if j >= 0 {
		r.showHit(j)
		return ""
	}
	if dir > 0 {
		r.showHit(0)
		return "search went round to the top"
	}
	r.showHit(len(s.hits) - 1)
	return "search went round to the bottom"
}

// showHit puts the jth hit in view.
func (r *readerPane) showHit(j int) {
	r.offset, r.search.hit = r.search.hits[j]-hitContext, j+1
	r.clamp()
}

// firstHit shows the first hit from where the search began on, as typing
// goes, else the first in the paper; with none, the view goes back there.
func (r *readerPane) firstHit() {
	r.offset = r.search.from
	r.clamp()
	for j, h := range r.search.hits {
		if h >= r.search.from {
			r.showHit(j)
			return
		}
	}
	if len(r.search.hits) > 0 {
		r.showHit(0)
	}
}

// readerSearchKey edits the search: typing finds as it goes, enter keeps
// it (n and N jump), esc drops it.
func (m Model) readerSearchKey(msg tea.KeyPressMsg) (tea.Model, tea.Cmd) {
	r, k := &m.reader, m.keys.Search
	switch {
	case key.Matches(msg, k.Done):
		r.search.typing = false
		return m, m.readerMoved()
	case key.Matches(msg, k.Cancel):
		r.offset = r.search.from
		r.clamp()
		r.search = readerSearch{}
		return m, nil
	case msg.Code == tea.KeyBackspace:
		q := []rune(r.search.query)
		if len(q) == 0 {
			return m, nil
		}
		r.search.query = string(q[:len(q)-1])
	case msg.Text != "" && strings.TrimSpace(msg.Text) == "":
		// A space, which clean.Line would trim away: phrases need it.
		if q := r.search.query; q == "" || strings.HasSuffix(q, " ") || len(q) >= 200 {
			return m, nil
		}
		r.search.query += " "
	case msg.Text != "" && len(r.search.query) < 200:
		r.search.query += clean.Line(msg.Text)
	default:
		return m, nil
	}
	r.search.find(r.lines)
	r.firstHit()
	return m, nil
}
