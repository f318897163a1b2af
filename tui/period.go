package tui

import (
	"fmt"
	"time"
)

// periodKind is how much of the library a view shows.
type periodKind int

const (
	periodAll periodKind = iota
	periodDay
	periodWeek
	periodMonth
	periodKinds
)

// period is a stretch of feed days: all of them, or one day, ISO week or
// month holding anchor.
type period struct {
	kind   periodKind
	anchor string // a feed day inside the period, YYYY-MM-DD
}

// bounds are the first and last day of the period ("" for all).
func (p period) bounds() (string, string) {
	t, err := time.Parse(time.DateOnly, p.anchor)
	if p.kind == periodAll || err != nil {
		return "", ""
	}
	var first, last time.Time
	switch p.kind {
	case periodDay:
		first, last = t, t
	case periodWeek:
		back := (int(t.Weekday()) + 6) % 7 // Monday starts an ISO week
		first = t.AddDate(0, 0, -back)
		last = first.AddDate(0, 0, 6)
	case periodMonth:
		first = time.Date(t.Year(), t.Month(), 1, 0, 0, 0, 0, time.UTC)
		last = first.AddDate(0, 1, -1)
	}
	return first.Format(time.DateOnly), last.Format(time.DateOnly)
}

// label names the period for the pane title.
func (p period) label() string {
	t, err := time.Parse(time.DateOnly, p.anchor)
	if p.kind == periodAll || err != nil {
		return "all days"
	}
	switch p.kind {
	case periodDay:
		return t.Format("Mon 2 Jan 2006")
	case periodWeek:
		y, w := t.ISOWeek()
		return fmt.Sprintf("week %d-W%02d", y, w)
	}
	return t.Format("January 2006")
}

func (k periodKind) name() string {
	return [...]string{"all", "day", "week", "month"}[k]
}
