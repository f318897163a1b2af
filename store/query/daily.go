package query

import (
	"fmt"
	"strings"
	"unicode"
)

// Daily holds the filters over the reader's own state beyond the queue and
// read marks: tags, notes and what is new since the last visit.
type Daily struct {
	Tags    []string // tag:NAME, the paper carries every one
	Notes   []string // note:WORD, the paper's note holds each (case-insensitive)
	HasNote bool     // has:note
	New     bool     // is:new, arrived since the reader last looked
}

// IsZero says whether no daily filter is set.
func (d Daily) IsZero() bool { return d.empty() }

func (d Daily) empty() bool {
	return len(d.Tags) == 0 && len(d.Notes) == 0 && !d.HasNote && !d.New
}

func (d Daily) parts() []string {
	var parts []string
	for _, t := range d.Tags {
		parts = append(parts, "tag:"+quoteValue(t))
	}
	for _, n := range d.Notes {
		parts = append(parts, "note:"+quoteValue(n))
	}
	if d.HasNote {
		parts = append(parts, "has:note")
	}
	if d.New {
		parts = append(parts, "is:new")
	}
	return parts
}

// The daily filters join the table here rather than in filter.go, and
// extend is: and has: by wrapping them, so the syntax's core stays as is.
func init() {
	filters["tag"] = filter{`tag:reading`, applyTag}
	filters["note"] = filter{`note:baseline`, func(q *Query, v string) error { q.Notes = append(q.Notes, v); return nil }}
	filterOrder = append(filterOrder, "tag", "note")
	is, has := filters["is"], filters["has"]
	filters["is"] = filter{is.example, func(q *Query, v string) error {
		if strings.EqualFold(v, "new") {
			q.New = true
			return nil
		}
		if is.apply(q, v) != nil {
			return fmt.Errorf("bad is: value %q (known: queued, unread, read, new)", v)
		}
		return nil
	}}
	filters["has"] = filter{has.example, func(q *Query, v string) error {
		if strings.EqualFold(v, "note") {
			q.HasNote = true
			return nil
		}
		if has.apply(q, v) != nil {
			return fmt.Errorf("bad has: value %q (known: code, note)", v)
		}
		return nil
	}}
}

func applyTag(q *Query, v string) error {
	t, err := NormalizeTag(v)
	if err != nil {
		return fmt.Errorf("tag:%s: %w", v, err)
	}
	q.Tags = append(q.Tags, t)
	return nil
}

// MaxTagLen bounds a tag name, in runes.
const MaxTagLen = 64

// NormalizeTag checks a tag name and gives its stored form: lower case,
// letters, digits and - _ . / only, so a tag is always one word of the
// search syntax and reads the same in a BibTeX keywords list.
func NormalizeTag(name string) (string, error) {
	t := strings.ToLower(strings.TrimSpace(name))
	if t == "" {
		return "", fmt.Errorf("empty tag name")
	}
	if n := len([]rune(t)); n > MaxTagLen {
		return "", fmt.Errorf("tag %q is %d characters long; at most %d", name, n, MaxTagLen)
	}
	for _, r := range t {
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) && !strings.ContainsRune("-_./", r) {
			return "", fmt.Errorf("tag %q: %q not allowed (letters, digits and - _ . / only)", name, r)
		}
	}
	return t, nil
}
