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
		first, last := p.bounds()
		return "week " + dayRange(first, last)
	}
	return t.Format("January 2006")
}

// dayRange names two days as briefly as is clear: "17–23 Aug 2026",
// "28 Jul – 3 Aug 2026", "29 Dec 2025 – 4 Jan 2026".
func dayRange(first, last string) string {
	a, errA := time.Parse(time.DateOnly, first)
	b, errB := time.Parse(time.DateOnly, last)
	switch {
	case errA != nil || errB != nil:
		return first + " – " + last
	case a.Year() != b.Year():
		return a.Format("2 Jan 2006") + " – " + b.Format("2 Jan 2006")
	case a.Month() != b.Month():
		return a.Format("2 Jan") + " – " + b.Format("2 Jan 2006")
	}
	return fmt.Sprintf("%d–%s", a.Day(), b.Format("2 Jan 2006"))
}

func (k periodKind) name() string {
	return [...]string{"all", "day", "week", "month"}[k]
}
