package tui

import (
	"context"
	"fmt"
	"maps"
	"slices"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/papertui/papers/internal/english"
	"github.com/papertui/papers/store"
	"github.com/papertui/papers/tui/clean"
)

// The daily loop, new since the last visit and unread counts: when the
// reader last looked (read at start, recorded at quit), which rows are
// new, the view's unread and new counts and each day's unread count,
// how a paper's upvotes moved since it was last shown, the jump to the
// next unread paper (.) and the view of new papers only (w).

// newMark marks a paper that arrived since the last visit, in the read
// column while it is unread: a glyph, so it reads without colour.
const newMark = "✦"

// DailyLibrary is what the daily loop needs of the store beyond Library.
// A Library without it leaves the daily loop off.
type DailyLibrary interface {
	LastSeen(ctx context.Context) (time.Time, error)
	SetLastSeen(ctx context.Context, t time.Time) error
	MarkSeen(ctx context.Context, ids ...string) error
	LastSeenOf(ctx context.Context, id string) (store.Seen, error)
	NewAmong(ctx context.Context, since int64, ids []string) (map[string]bool, error)
	Unread(ctx context.Context, f store.Filter, days []string) (store.UnreadCounts, error)
	UnreadDays(ctx context.Context, f store.Filter, days []string) (map[string]int, error)
	MarkViewRead(ctx context.Context, f store.Filter) (int, error)
	Undo(ctx context.Context) (string, error)
	Tag(ctx context.Context, ids, add, remove []string) error
	Tags(ctx context.Context) ([]store.TagCount, error)
	Note(ctx context.Context, id string) (string, error)
	ReplaceNote(ctx context.Context, id, was, body string) error
	AddFollow(ctx context.Context, name, q string) error
	FollowCounts(ctx context.Context, newSince int64) ([]store.FollowCount, error)
}

var _ DailyLibrary = (*store.Store)(nil)

// lastSeenLoaded: when the reader last looked, read once at start.
type lastSeenLoaded struct {
	at  time.Time
	err error
}

// countsLoaded: the view's unread and new papers, and the unread papers
// of each day held.
type countsLoaded struct {
	tok    token
	days   []string // the days asked for
	unread store.UnreadCounts
	new    int
	err    error
}

// seenLoaded: what a paper looked like when the reader last showed it
// (before this visit showed it, which is now recorded).
type seenLoaded struct {
	id   string
	seen store.Seen
	err  error
}

// jumpFound: where the next unread paper below the cursor is (-1: none).
type jumpFound struct {
	tok   token
	index int
	err   error
}

// dailyState is the daily loop's part of the model.
type dailyState struct {
	since   int64     // unix ms: papers arriving after it are new; 0 until known
	started time.Time // the start of this visit
	newOnly bool      // w: the view shows new papers only

	// beforeNew is the selection (and its screen row) when w narrowed
	// the view: leaving a new-only view with nothing in it goes back
	// there, not to the top of the whole library.
	beforeNew *savedView

	counted     bool // the counts below answer the view shown
	unreadTotal int
	newTotal    int
	unreadDays  map[string]int // day → unread papers of the view; days held only

	// prev is each paper's look when last shown before this visit showed
	// it: the detail says how it moved since.
	prev map[string]store.Seen

	modal modalState // the tag, name or confirm input, or the follows picker

	asked countsAsked // what the last counts asked cover (unreadcounts.go)
}

// dailyLib is the library's daily loop, if it has one.
func (m Model) dailyLib() (DailyLibrary, bool) {
	d, ok := m.opts.Library.(DailyLibrary)
	return d, ok
}

// dailyInit reads when the reader last looked.
func (m Model) dailyInit() tea.Cmd {
	lib, ok := m.dailyLib()
	if !ok {
		return nil
	}
	return libCmd(func(ctx context.Context) tea.Msg {
		t, err := lib.LastSeen(ctx)
		return lastSeenLoaded{at: t, err: err}
	})
}

// onLastSeenLoaded keeps the start of "new" for the whole visit (a paper
// arriving by a sync now is new too) and shows the marks. On the first
// visit nothing is new yet (everything is unread): what arrives from now
// on is.
func (m Model) onLastSeenLoaded(msg lastSeenLoaded) (tea.Model, tea.Cmd) {
	if msg.err != nil {
		m.fail(clean.Line("last visit: " + msg.err.Error()))
		return m, m.viewAfterLastSeen(false) // firstframe.go
	}
	m.setLastSeen(msg.at)
	m.listFilter.NewSince = m.daily.since
	return m, m.viewAfterLastSeen(true)
}

// setLastSeen keeps at, the last visit, as the start of "new"; a zero
// one (no visit yet) starts it now.
func (m *Model) setLastSeen(at time.Time) {
	m.daily.since = max(1, at.UnixMilli())
	if at.IsZero() {
		m.daily.since = m.daily.started.UnixMilli()
	}
}

// recordVisit records, as the reader quits, now as the last visit and
// how the papers shown looked. Both wait for the quit: a write while the
// reader runs would look like another process's change to the library
// watch (watch.go), which reads the view again.
func (m Model) recordVisit() tea.Cmd {
	lib, ok := m.dailyLib()
	if !ok || m.daily.since == 0 {
		return nil
	}
	shown := slices.Collect(maps.Keys(m.daily.prev))
	return func() tea.Msg {
		ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
		defer cancel()
		// Quitting: nowhere left to say a failure, and nothing lost by
		// one but the marks of this visit.
		if len(shown) > 0 {
			_ = lib.MarkSeen(ctx, shown...)
		}
		_ = lib.SetLastSeen(ctx, time.Now())
		return nil
	}
}

// applyDaily adds the daily loop's part to the list's filter.
func (m Model) applyDaily(f *store.Filter) {
	f.NewSince = m.daily.since
	if m.daily.newOnly && m.daily.since != 0 {
		f.Daily.New = true
	}
}

// markNew flags the rows that arrived since the last visit.
func markNew(ctx context.Context, lib Library, since int64, rows []row) {
	d, ok := lib.(DailyLibrary)
	if !ok || since == 0 || len(rows) == 0 {
		return
	}
	ids := make([]string, len(rows))
	for i, r := range rows {
		ids[i] = r.ID
	}
	isNew, err := d.NewAmong(ctx, since, ids)
	if err != nil {
		return // the rows show without the marks
	}
	for i := range rows {
		rows[i].isNew = isNew[rows[i].ID]
	}
}

// toggleNewOnly shows only the papers new since the last visit, or all.
func (m Model) toggleNewOnly() (tea.Model, tea.Cmd) {
	if m.daily.since == 0 {
		m.say("new papers are not known yet")
		return m, nil
	}
	m.daily.newOnly = !m.daily.newOnly
	m.say(map[bool]string{true: "showing papers new since your last visit", false: "showing all papers"}[m.daily.newOnly])
	if m.daily.newOnly {
		m.daily.beforeNew = m.saveView()
		return m, m.reload(true)
	}
	before := m.daily.beforeNew
	m.daily.beforeNew = nil
	if follow := m.list.followIDs(); len(follow) > 0 || before == nil || len(before.follow) == 0 {
		return m, m.reload(true)
	}
	return m, m.reloadFollowing(before.follow, before.line)
}

// wantCounts asks for the view's counts and those of the days held.
// It runs when pages arrive and after changes, never per keypress.
func (m *Model) wantCounts() tea.Cmd {
	lib, ok := m.dailyLib()
	if !ok {
		return nil
	}
	var days []string
	if m.list.byDay {
		seen := map[string]bool{}
		for _, rows := range m.list.pages {
			for _, r := range rows {
				if !seen[r.Day] {
					seen[r.Day] = true
					days = append(days, r.Day)
				}
			}
		}
		slices.Sort(days)
	}
	m.noteCountsAsked(days)
	f, since, all := m.listFilter, m.daily.since, m.opts.Library
	f.Total = 0
	req := m.requests.begin(topicCounts)
	return reqCmd(req, func(ctx context.Context) tea.Msg {
		u, err := lib.Unread(ctx, f, days)
		n := 0
		if err == nil && since != 0 {
			g := f
			// New means arrived since the last visit and not yet read (the
			// rows ✦ marks), as the follows' counts (store.FollowCounts).
			g.Daily.New, g.NewSince, g.Unread = true, since, true
			n, err = all.Count(ctx, g)
		}
		return countsLoaded{tok: req.tok, days: days, unread: u, new: n, err: err}
	})
}

func (m Model) onCountsLoaded(msg countsLoaded) (tea.Model, tea.Cmd) {
	if !m.requests.current(msg.tok) {
		return m, nil
	}
	if msg.err != nil {
		m.fail(clean.Line("unread counts: " + msg.err.Error()))
		m.daily.asked = countsAsked{} // the next page asks again
		return m, nil
	}
	m.daily.counted, m.daily.asked.pending = true, false
	m.daily.unreadTotal, m.daily.newTotal = msg.unread.Total, msg.new
	m.daily.unreadDays = withDays(nil, msg.unread.Days, msg.days) // unreadcounts.go
	return m, m.wantHeldDays()
}

// countsTitle is the view's counts for its title: "· 12 unread · 3 new".
func (m Model) countsTitle() string {
	if !m.daily.counted {
		return ""
	}
	s := " · " + english.Number(m.daily.unreadTotal) + " unread"
	if m.daily.newTotal > 0 {
		s += " · " + english.Number(m.daily.newTotal) + " new " + newMark
	}
	if m.daily.newOnly {
		s += " (" + keyHint(m.keys.Daily.NewOnly) + ": new only)"
	}
	return s
}

// dayUnread is a day rule's count, "" while unknown.
func (f frame) dayUnread(day string) string {
	if f.unread == nil {
		return ""
	}
	n, ok := f.unread[day]
	switch {
	case !ok:
		return "" // not counted yet (unreadcounts.go)
	case n == 0:
		return " · all read"
	}
	return " · " + english.Number(n) + " unread"
}

// --- how a paper moved since it was last shown ---

// wantSeen asks, once per visit and paper, what the paper looked like
// when last shown; how it looks now is recorded as the reader quits.
func (m *Model) wantSeen(id string) tea.Cmd {
	lib, ok := m.dailyLib()
	if !ok || id == "" {
		return nil
	}
	if m.daily.prev == nil {
		m.daily.prev = map[string]store.Seen{}
	}
	if _, asked := m.daily.prev[id]; asked {
		return nil
	}
	m.daily.prev[id] = store.Seen{} // asked; filled in when it answers
	return libCmd(func(ctx context.Context) tea.Msg {
		s, err := lib.LastSeenOf(ctx, id)
		return seenLoaded{id: id, seen: s, err: err}
	})
}

func (m Model) onSeenLoaded(msg seenLoaded) (tea.Model, tea.Cmd) {
	if msg.err != nil {
		m.fail(clean.Line("seen " + msg.id + ": " + msg.err.Error()))
		return m, nil
	}
	m.daily.prev[msg.id] = msg.seen
	return m, nil
}

// movedSince says how the detail's paper moved since last shown, for
// the detail's title: "▲+12 💬+3 since 2 Dec"; "" when never shown before.
func (m Model) movedSince() string {
	if !m.detail.hasRecord || m.detail.record.ID != m.detail.shown.id {
		return ""
	}
	r := m.detail.record
	s, ok := m.daily.prev[r.ID]
	if !ok || s.At.IsZero() {
		return ""
	}
	up, talk := r.Upvotes-s.Upvotes, r.Comments-s.Comments
	when := seenWhen(s.At, time.Now())
	if up == 0 && talk == 0 {
		return " · unchanged since " + when
	}
	moved := ""
	if up != 0 {
		moved += fmt.Sprintf(" ▲%+d", up)
	}
	if talk != 0 { // 💬+0 beside a rise says nothing
		moved += fmt.Sprintf(" 💬%+d", talk)
	}
	return " ·" + moved + " since " + when
}

// seenWhen says when a paper was last shown as briefly as is clear: the
// time for today ("since 09:14": a visit this morning), the day for this
// year, the day and year before.
func seenWhen(at, now time.Time) string {
	at = at.In(now.Location())
	switch {
	case at.Year() == now.Year() && at.YearDay() == now.YearDay():
		return at.Format("15:04")
	case at.Year() == now.Year():
		return at.Format("2 Jan")
	}
	return at.Format("2 Jan 2006")
}

// --- the jump to the next unread paper ---

// jumpScan is how many rows below the loaded ones a jump looks through.
const jumpScan = 25 * pageSize

// jumpNext moves to the next unread paper below the cursor: among the
// rows held at once, else the library looks further down.
func (m Model) jumpNext() (tea.Model, tea.Cmd) {
	l := &m.list
	i := l.cursor + 1
	for ; i < l.total; i++ {
		r, ok := l.at(i)
		if !ok {
			break
		}
		if !r.Read {
			m.focus = paneList
			l.moveTo(i, m.listHeight())
			return m, tea.Batch(m.loadPages(), m.wantDetail())
		}
	}
	if i >= l.total {
		m.say(m.noneBelow())
		return m, nil
	}
	m.say("looking for the next unread paper…")
	return m, jumpCmd(m.opts.Library, m.listFilter, i, m.requests.running(topicView))
}

// noneBelow says there is no unread paper below the selection, and,
// when the view's count knows of some above, how many and how to get
// there: "no unread papers below" alone reads as "all read".
func (m Model) noneBelow() string {
	sel, ok := m.list.selected()
	above := m.daily.unreadTotal
	if ok && !sel.Read {
		above-- // the selected one is not above
	}
	if !m.daily.counted || above <= 0 {
		return "no unread papers below"
	}
	return fmt.Sprintf("no unread papers below; %s above (%s goes to the top)",
		english.Number(above), keyHint(m.keys.List.Top))
}

func (m Model) onJumpFound(msg jumpFound) (tea.Model, tea.Cmd) {
	if !m.requests.current(msg.tok) {
		return m, nil
	}
	switch {
	case msg.err != nil:
		m.fail(clean.Line("next unread: " + msg.err.Error()))
		return m, nil
	case msg.index < 0:
		m.say(fmt.Sprintf("no unread papers in the next %s", english.Number(jumpScan)))
		return m, nil
	}
	m.say("")
	m.focus = paneList
	m.list.moveTo(msg.index, m.listHeight())
	return m, tea.Batch(m.loadPages(), m.wantDetail())
}

// jumpCmd reads the view from index from on, a page at a time, until an
// unread paper or jumpScan rows.
func jumpCmd(lib Library, f store.Filter, from int, req request) tea.Cmd {
	return reqCmd(req, func(ctx context.Context) tea.Msg {
		for off := from; off < from+jumpScan; off += pageSize {
			entries, err := lib.Entries(ctx, f, off, pageSize)
			if err != nil {
				return jumpFound{tok: req.tok, err: err}
			}
			for i, e := range entries {
				if !e.Read {
					return jumpFound{tok: req.tok, index: off + i}
				}
			}
			if len(entries) < pageSize {
				break
			}
		}
		return jumpFound{tok: req.tok, index: -1}
	})
}
