package tui

import (
	"context"
	"fmt"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/papertui/papers/tui/clean"
)

// Period views: all, or one day, ISO week or month, stepped with [ ] t.

const (
	periodAll periodKind = iota
	periodDay
	periodWeek
	periodMonth
	periodKinds
)

// periodFound: the day to anchor the period at, after [, ] or t.
type periodFound struct {
	day string
	err error
}

// periodKind is how much of the library a view shows.
type periodKind int

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
		return dayName(p.anchor, "")
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

func (m Model) onPeriodFound(msg periodFound) (tea.Model, tea.Cmd) {
	switch {
	case msg.err != nil:
		m.fail(clean.Line(msg.err.Error()))
		return m, nil
	case msg.day == "" && m.period.anchor == "":
		m.period = period{} // opened on a period of an empty library
		m.say("no feed days to view by day, week or month yet")
		return m, m.reload(false)
	case msg.day == "":
		m.say("no papers beyond this " + m.period.kind.name())
		return m, nil
	}
	m.period.anchor = msg.day
	return m, m.reload(false)
}

func (m Model) periodKey(msg tea.KeyPressMsg) (tea.Model, tea.Cmd, bool) {
	k := m.keys.Views
	switch {
	case key.Matches(msg, k.View):
		next, cmd := m.cycleView()
		return next, cmd, true
	case key.Matches(msg, k.Sort):
		next, cmd := m.cycleSort()
		return next, cmd, true
	case m.period.kind == periodAll:
		return nil, nil, false // not m: a Model in an interface is a 20 KB copy, per key
	case key.Matches(msg, k.PrevPeriod):
		return m, m.stepPeriod(-1), true
	case key.Matches(msg, k.NextPeriod):
		return m, m.stepPeriod(1), true
	case key.Matches(msg, k.Latest):
		return m, m.stepPeriod(0), true
	}
	return nil, nil, false // not m: a Model in an interface is a 20 KB copy, per key
}

// cycleView steps all → day → week → month, anchored at the selected
// paper's day (else the latest day). The sort stays what it was: s
// changes it, and the pane title says it.
func (m Model) cycleView() (tea.Model, tea.Cmd) {
	next := (m.period.kind + 1) % periodKinds
	if next == periodAll {
		m.period = period{}
		return m, m.reload(true)
	}
	anchor := m.period.anchor
	if r, ok := m.list.selected(); ok && r.Day != "" && m.period.kind == periodAll {
		anchor = r.Day
	}
	m.period.kind = next
	if anchor == "" {
		return m, m.stepPeriod(0)
	}
	m.period.anchor = anchor
	return m, m.reload(true)
}

// stepPeriod finds the previous (dir < 0) or next (dir > 0) period that
// has papers, or the latest one (dir == 0).
func (m Model) stepPeriod(dir int) tea.Cmd {
	lib := m.opts.Library
	first, last := m.period.bounds()
	from := first
	if dir > 0 {
		from = last
	}
	if dir == 0 {
		from, dir = "", -1
	}
	return libCmd(func(ctx context.Context) tea.Msg {
		day, err := lib.NeighbourDay(ctx, from, dir)
		return periodFound{day: day, err: err}
	})
}

// dayName is a feed day (YYYY-MM-DD) as the list's day rules, the period
// title and messages name it ("Fri 5 Oct 2035"), else fallback.
func dayName(day, fallback string) string {
	if t, err := time.Parse(time.DateOnly, day); err == nil {
		return t.Format("Mon 2 Jan 2006")
	}
	return fallback
}
