package query

import (
	"fmt"
	"strings"
	"time"
)

// filter is one name: the syntax knows.
type filter struct {
	example string // a valid use, quoted in errors
	apply   func(q *Query, v string) error
}

// filterOrder lists the filters in the order errors and String use.
var filterOrder = []string{"author", "org", "kw", "upvotes", "day", "since", "until", "is", "has", "text"}

var filters = map[string]filter{
	"author":  {`author:"yann lecun"`, func(q *Query, v string) error { q.Authors = append(q.Authors, v); return nil }},
	"org":     {`org:"google deepmind"`, func(q *Query, v string) error { q.Orgs = append(q.Orgs, v); return nil }},
	"kw":      {`kw:diffusion`, func(q *Query, v string) error { q.Keywords = append(q.Keywords, v); return nil }},
	"upvotes": {`upvotes:>50`, applyUpvotes},
	"day":     {`day:2025-10-02`, applyDay},
	"since":   {`since:2025-10-02`, func(q *Query, v string) error { return setDate(&q.Since, "since", v, false) }},
	"until":   {`until:2025-10-02`, func(q *Query, v string) error { return setDate(&q.Until, "until", v, true) }},
	"is":      {`is:unread`, applyIs},
	"has":     {`has:code`, applyHas},
	"text":    {`text:"reward model"`, func(q *Query, v string) error { q.Texts = append(q.Texts, v); return nil }},
}

func (q *Query) applyFilter(it item) error {
	name := strings.ToLower(it.name)
	f, ok := filters[name]
	if !ok {
		return fmt.Errorf("unknown filter %q (known: %s)", name+":", knownFilters())
	}
	v := strings.Join(strings.Fields(it.text), " ")
	if v == "" {
		return fmt.Errorf("%s: needs a value, e.g. %s", name, f.example)
	}
	if !it.quoted && strings.Contains(v, `"`) {
		return fmt.Errorf("stray quote in %s:%s; quote the whole value, e.g. %s", name, v, f.example)
	}
	return f.apply(q, v)
}

func knownFilters() string {
	names := make([]string, len(filterOrder))
	for i, n := range filterOrder {
		names[i] = n + ":"
	}
	return strings.Join(names, ", ")
}

func applyIs(q *Query, v string) error {
	switch strings.ToLower(v) {
	case "queued":
		q.Queued = true
	case "unread":
		q.Unread = true
	case "read":
		q.Read = true
	default:
		return fmt.Errorf("bad is: value %q (known: queued, unread, read)", v)
	}
	return nil
}

func applyHas(q *Query, v string) error {
	if !strings.EqualFold(v, "code") {
		return fmt.Errorf("bad has: value %q (known: code)", v)
	}
	q.HasCode = true
	return nil
}

func applyUpvotes(q *Query, v string) error {
	b, ok := parseBound(v)
	if !ok {
		return fmt.Errorf("bad upvotes: value %q; want a count such as upvotes:>50 (or >=, <, <=, =)", v)
	}
	q.Upvotes = append(q.Upvotes, b)
	return nil
}

func applyDay(q *Query, v string) error {
	if len(v) != len(dateLayout) || !dateShaped(v) {
		return fmt.Errorf("bad day: value %q; want a date such as day:2025-10-02 (since:/until: take a month)", v)
	}
	return setDate(&q.Day, "day", v, false)
}

// setDate stores a normalised date in *dst, refusing a second, different
// one: "day:A day:B" can only find nothing, which is better said than shown.
func setDate(dst *string, name, v string, end bool) error {
	d, ok := parseDate(v, end)
	if !ok && name == "day" {
		return fmt.Errorf("bad day: value %q; want a date such as day:2025-10-02", v)
	}
	if !ok {
		return fmt.Errorf("bad %s: value %q; want a date such as %s:2025-10-02 or a month such as %s:2025-10", name, v, name, name)
	}
	if *dst != "" && *dst != d {
		return fmt.Errorf("%s: given twice (%s and %s); keep one, or use since: and until: for a range", name, *dst, d)
	}
	*dst = d
	return nil
}

const dateLayout = "2006-01-02"

// parseDate accepts YYYY-MM-DD, YYYY-MM or YYYY and returns the first day of
// that span, or its last when end is set, so since:/until: stay inclusive.
func parseDate(v string, end bool) (string, bool) {
	if !dateShaped(v) {
		return "", false
	}
	layout := dateLayout[:len(v)]
	t, err := time.Parse(layout, v)
	if err != nil {
		return "", false
	}
	if end {
		switch len(v) {
		case 4:
			t = t.AddDate(1, 0, -1)
		case 7:
			t = t.AddDate(0, 1, -1)
		}
	}
	return t.Format(dateLayout), true
}

// dateShaped checks the digits-and-dashes shape up front: time.Parse alone
// is lenient about signs and lengths.
func dateShaped(v string) bool {
	if len(v) != 4 && len(v) != 7 && len(v) != 10 {
		return false
	}
	for i := 0; i < len(v); i++ {
		dash := i == 4 || i == 7
		if dash != (v[i] == '-') || !dash && (v[i] < '0' || v[i] > '9') {
			return false
		}
	}
	return true
}

// ParseDate reads a date as since: and until: take it (YYYY-MM-DD, YYYY-MM
// or YYYY) and returns the first day of that span, or its last when end is
// set. The command line's --since and --until use it, so every place that
// takes a date takes the same forms.
func ParseDate(v string, end bool) (string, bool) { return parseDate(v, end) }
