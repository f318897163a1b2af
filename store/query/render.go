package query

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// String renders q canonically: filters in a fixed order, then the free
// text, where the cursor sits while typing. Parse(q.String()) gives q back,
// including Prefix: a finished last word keeps a trailing space.
func (q Query) String() string {
	parts := q.filterParts()
	for _, t := range q.Exclude {
		if t.Quoted {
			parts = append(parts, `-"`+t.Text+`"`)
		} else {
			parts = append(parts, "-"+t.Text)
		}
	}
	for i, t := range q.Terms {
		parts = append(parts, q.termString(t, i == len(q.Terms)-1))
	}
	return strings.Join(parts, " ")
}

func (q Query) filterParts() []string {
	var parts []string
	add := func(name string, vals ...string) {
		for _, v := range vals {
			parts = append(parts, name+":"+quoteValue(v))
		}
	}
	add("author", q.Authors...)
	add("org", q.Orgs...)
	add("kw", q.Keywords...)
	add("text", q.Texts...)
	for _, b := range q.Upvotes {
		add("upvotes", b.String())
	}
	for _, d := range []struct{ name, v string }{{"day", q.Day}, {"since", q.Since}, {"until", q.Until}} {
		if d.v != "" {
			add(d.name, d.v)
		}
	}
	for _, f := range []struct {
		on   bool
		text string
	}{{q.Queued, "is:queued"}, {q.Unread, "is:unread"}, {q.Read, "is:read"}, {q.HasCode, "has:code"}} {
		if f.on {
			parts = append(parts, f.text)
		}
	}
	return append(parts, q.Daily.parts()...)
}

func quoteValue(v string) string {
	if strings.ContainsFunc(v, unicode.IsSpace) {
		return `"` + v + `"`
	}
	return v
}

// termString renders one term. The last one carries the Prefix state: an
// open quote or a bare word at the very end keeps the prefix, a closing
// quote or trailing space drops it.
func (q Query) termString(t Term, last bool) string {
	s := t.Text
	if t.Quoted {
		s = `"` + s
		if !last || !q.Prefix {
			s += `"`
		}
		return s
	}
	if last && !q.Prefix && isTokenRune(lastRune(s)) {
		s += " "
	}
	return s
}

// highlightTrim is the punctuation that wraps a word without being part of
// what the user is looking for; "+" and "#" stay so c++ and c# highlight
// as themselves.
const highlightTrim = `()[]{}<>"'*^,;:.!?-`

// Highlights returns the strings to highlight in titles and abstracts,
// meant to be matched case-insensitively: each term as typed minus wrapping
// punctuation, without duplicates, longest first so a longer match wins
// where two overlap.
func (q Query) Highlights() []string {
	seen := map[string]bool{}
	var out []string
	for _, t := range q.Terms {
		h := strings.Trim(t.Text, highlightTrim)
		if h == "" || seen[strings.ToLower(h)] {
			continue
		}
		seen[strings.ToLower(h)] = true
		out = append(out, h)
	}
	slices.SortStableFunc(out, func(a, b string) int {
		return utf8.RuneCountInString(b) - utf8.RuneCountInString(a)
	})
	return out
}
