package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/papertui/papers/feed"
	"github.com/papertui/papers/internal/english"
)

// Fetcher is what a sync needs of the feed: whole days and whole months.
// feed.Client is the real one; the store never speaks HTTP itself.
type Fetcher interface {
	Day(ctx context.Context, day string) (feed.Window, error)
	Month(ctx context.Context, month string) (feed.Window, error)
	Requests() int
}

// SyncPlan says which days a sync covers. The zero plan is the default:
// the last 7 days on an empty library, else from the last complete day
// minus 3 days through today.
type SyncPlan struct {
	Date    string    // one day
	Since   string    // first day of a range
	Until   string    // last day of a range; today when empty
	Days    int       // the last N days through today
	Refresh bool      // fetch complete days older than RecentDays again
	Today   time.Time // "now" in UTC; time.Now when zero
	// Deadline bounds the whole sync; the days left when it passes are
	// reported as not fetched. 0 means a default that grows with the plan.
	Deadline time.Duration
}

// RecentDays are re-fetched even when complete: upvotes, comments and AI
// fields keep changing for days after a paper appears.
const RecentDays = 3

// monthlyAfter is how long a range must be before fetching whole months
// (a few requests each) beats fetching day by day (one request or more each).
const monthlyAfter = 14

// DayFailure is one day that could not be synced.
type DayFailure struct {
	Day   string `json:"day"`
	Error string `json:"error"`
	// Reason says why in a few words (feed.Reason), "" when only the
	// error says it.
	Reason string `json:"reason,omitempty"`
	// Status is the HTTP status the feed answered the day with, when an
	// error status is why it failed (feed.StatusOf); 0 otherwise.
	Status int `json:"-"`
	// Unreachable: the feed could not be reached at all (feed.Unreachable),
	// as against answering wrongly.
	Unreachable bool `json:"-"`
}

// Rejection is one item of a day that was skipped because of its shape.
type Rejection struct {
	Day   string `json:"day"`
	Error string `json:"error"`
}

// SyncReport is what a sync did.
type SyncReport struct {
	Days     int          `json:"days"`
	Papers   int          `json:"papers"`
	New      int          `json:"new"`
	Updated  int          `json:"updated"`
	Failed   []DayFailure `json:"failed"`
	Skipped  int          `json:"skipped"`
	Requests int          `json:"requests"`
	Rejected []Rejection  `json:"rejected"`
	// Notes say how the plan was adjusted (a start before the feed began).
	Notes []string `json:"notes"`
	// Discussions is how many recent papers' stored discussions the sync
	// fetched again (RefreshDiscussions; papers sync does it after the days).
	Discussions int `json:"discussions,omitempty"`
}

// SyncProgress is sent as each day starts and ends.
type SyncProgress struct {
	Day   string
	Index int // 1-based
	Total int
	Done  bool
	Err   error
}

// Sync fetches the days of the plan and saves each in one transaction. A
// failed day does not stop the others; cancelling ctx does.
func (s *Store) Sync(ctx context.Context, f Fetcher, plan SyncPlan, progress func(SyncProgress)) (SyncReport, error) {
	report := SyncReport{Failed: []DayFailure{}, Rejected: []Rejection{}, Notes: []string{}}
	if progress == nil {
		progress = func(SyncProgress) {}
	}
	days, skipped, note, err := s.planDays(ctx, plan)
	if err != nil {
		return report, err
	}
	if note != "" {
		report.Notes = append(report.Notes, note)
	}
	report.Skipped = skipped
	startRequests := f.Requests()
	if len(days) > monthlyAfter {
		st := newStopper(len(days)/28+1, time.Now(), plan.Deadline)
		err = s.syncMonths(ctx, f, days, &report, progress, st)
	} else {
		st := newStopper(len(days), time.Now(), plan.Deadline)
		err = s.syncDays(ctx, f, days, &report, progress, st)
	}
	report.Requests = f.Requests() - startRequests
	if err == nil && plan.Date == "" && plan.Since == "" && plan.Days == 0 && len(days) > 0 {
		if gap := s.gapBefore(ctx, days[0]); gap != "" {
			report.Notes = append(report.Notes, gap)
		}
	}
	if err == nil && report.New+report.Updated > 0 {
		// Count the followed searches now, from the papers just written,
		// so the reader shows them at once.
		err = s.RefreshFollows(ctx)
	}
	return report, err
}

// gapBefore names the days without papers before first, the first day
// a default sync asked for, and the command that fills them.
func (s *Store) gapBefore(ctx context.Context, first string) string {
	from, to, err := s.GapBefore(ctx, first)
	if err != nil || from == "" {
		return ""
	}
	return fmt.Sprintf("no papers from %s to %s: papers sync --since %s fills the gap", from, to, from)
}

// GapBefore is the stretch of days without papers just before day, when
// it is longer than a week and not every day of it was fetched (a day
// fetched and found empty is no gap): a library filled by import and then
// synced has its last seven days, and nothing between the archive and
// them. "" when there is none.
func (s *Store) GapBefore(ctx context.Context, day string) (from, to string, err error) {
	before, err := s.NeighbourDay(ctx, day, -1)
	if err != nil {
		return "", "", err
	}
	a, errA := time.Parse(time.DateOnly, before)
	b, errB := time.Parse(time.DateOnly, day)
	if errA != nil || errB != nil || b.Sub(a) <= 7*24*time.Hour {
		return "", "", nil
	}
	from, to = a.AddDate(0, 0, 1).Format(time.DateOnly), b.AddDate(0, 0, -1).Format(time.DateOnly)
	var fetched int
	if err := s.db.QueryRowContext(ctx, `SELECT count(*) FROM days WHERE complete = 1 AND day BETWEEN ? AND ?`, from, to).Scan(&fetched); err != nil {
		return "", "", explain(s.path, err)
	}
	if fetched >= int(b.Sub(a).Hours()/24)-1 {
		return "", "", nil
	}
	return from, to, nil
}

// syncDays fetches day by day. It stops early, reporting the days left
// as not fetched, when the feed cannot be reached, when a few days in a
// row fail the same way, or when the sync's deadline passes.
func (s *Store) syncDays(ctx context.Context, f Fetcher, days []string, report *SyncReport, progress func(SyncProgress), st *stopper) error {
	for i, day := range days {
		if why := st.expired(time.Now()); why != nil {
			return s.failRest(ctx, days[i:], why, report)
		}
		progress(SyncProgress{Day: day, Index: i + 1, Total: len(days)})
		w, err := fetchBy(ctx, st, func(fctx context.Context) (feed.Window, error) { return f.Day(fctx, day) })
		if err == nil {
			err = allRejected(w)
		}
		if err == nil {
			err = s.saveWindowDay(ctx, day, w.Papers, w.Rejected, report)
		}
		if err := s.settle(ctx, day, err, report); err != nil {
			return err
		}
		progress(SyncProgress{Day: day, Index: i + 1, Total: len(days), Done: true, Err: err})
		if why := st.after(day, err); why != nil {
			return s.failRest(ctx, days[i+1:], why, report)
		}
	}
	return nil
}

// allRejected fails a day whose every item was rejected: recorded
// complete with no papers, it would never be fetched again, though the
// feed may well answer it properly next time.
func allRejected(w feed.Window) error {
	if len(w.Papers) > 0 || len(w.Rejected) == 0 {
		return nil
	}
	return rejectedDay{n: len(w.Rejected), first: w.Rejected[0]}
}

// rejectedDay is the failure of a day whose every item was rejected: a
// kind of its own for the stopper (failureKind), not an unclassified one.
type rejectedDay struct {
	n     int
	first error
}

func (e rejectedDay) Error() string {
	return fmt.Sprintf("every item of the answer was rejected (%s), the first: %v", english.Count(e.n, "item"), e.first)
}

func (e rejectedDay) Unwrap() error { return e.first }

// failRest records days not attempted because the feed cannot be reached.
func (s *Store) failRest(ctx context.Context, days []string, cause error, report *SyncReport) error {
	for _, day := range days {
		if err := s.settle(ctx, day, cause, report); err != nil {
			return err
		}
	}
	return nil
}

// syncMonths fetches a long range a month at a time and files each paper
// under its own feed day, recording days exactly as syncDays would.
// Windows spill past their edges, so a day's papers can come in the next
// month's answer: a month's days are saved once the month after it is
// fetched, and then let go; the next month is asked for while they are
// saved, so memory holds three months, not the range.
func (s *Store) syncMonths(ctx context.Context, f Fetcher, days []string, report *SyncReport, progress func(SyncProgress), st *stopper) (err error) {
	var months []string
	for _, d := range days {
		if m := d[:7]; len(months) == 0 || months[len(months)-1] != m {
			months = append(months, m)
		}
	}
	if len(months) > 1 && s.deferIndexes(ctx) {
		defer func() {
			if berr := s.buildIndexes(); berr != nil && err == nil {
				err = explain(s.path, fmt.Errorf("sync: %w", berr))
			}
		}()
	}
	b := monthBackfill{s: s, days: days, report: report, progress: progress,
		papers: map[string]feed.Paper{}, ahead: rawsAhead{}, failed: map[string]error{}, failedDay: map[string]error{}, planned: map[string]bool{}}
	for _, d := range days {
		b.planned[d] = true
	}
	var stop error // why the months from here on were not fetched
	// The next month is asked for while the one before is saved, so the
	// writer's work and the request's wait overlap; one request at a time
	// still, as the byDays requests come before it is started.
	ahead, cancelAhead := context.WithCancel(ctx)
	defer cancelAhead()
	var next <-chan monthAnswer
	defer func() {
		// A sync that stops while it saves (cancelled, a save that failed)
		// returns with no request under way: its caller may ask the feed
		// again at once, and its report counts what was asked.
		if next != nil {
			cancelAhead()
			<-next
		}
	}()
	for i, m := range months {
		if stop == nil && next == nil {
			stop = st.expired(time.Now())
		}
		if stop != nil {
			b.failed[m] = stop
			continue
		}
		progress(SyncProgress{Day: m, Index: i + 1, Total: len(months)})
		if next == nil {
			next = fetchMonth(ahead, f, st, m)
		}
		a := <-next
		next = nil
		w, err := a.w, a.err
		if ctx.Err() != nil {
			return fmt.Errorf("sync %s: %w", m, ctx.Err())
		}
		if err != nil {
			b.failed[m] = err
		}
		stop = st.after(m, err)
		answer, days := w.Papers, []feed.Paper(nil)
		switch {
		case err == nil && unsureDays(answer):
			answer, days = spilled(m, answer), b.byDays(ctx, f, m, st, nil)
		default:
			for _, r := range w.Rejected { // (byDays reports the days' own)
				report.Rejected = append(report.Rejected, Rejection{Day: m, Error: r.Error()})
			}
			if err != nil {
				break
			}
			// A rejected item has no day to blame, and an answer with
			// nothing for the month says nothing of any of its days: the
			// days it left empty are asked on their own, so that one whose
			// every item is rejected fails and is fetched again, as a
			// day-by-day sync would have it, instead of kept empty for good.
			if empty, planned := b.emptyDays(m, answer, w.Listed); len(w.Rejected) > 0 || len(empty) == planned && planned > 0 {
				days = b.byDays(ctx, f, m, st, empty)
			}
		}
		if ctx.Err() != nil {
			return fmt.Errorf("sync %s: %w", m, ctx.Err())
		}
		b.ahead.add(a.ahead)
		for _, p := range answer {
			p.Day = b.plannedDay(p, w.Listed[p.ID])
			b.add(p)
		}
		for _, p := range days {
			b.add(p) // filed under the day the feed was asked for
		}
		if i+1 < len(months) && stop == nil {
			if stop = st.expired(time.Now()); stop == nil {
				next = fetchMonth(ahead, f, st, months[i+1])
			}
		}
		if i > 0 {
			if err := b.saveThrough(ctx, months[i-1]); err != nil {
				return err
			}
		}
	}
	if len(months) == 0 {
		return nil
	}
	return b.saveThrough(ctx, months[len(months)-1])
}

// monthBackfill is the state of syncMonths: papers fetched and not yet
// saved, and the first day of the plan not yet saved.
type monthBackfill struct {
	s         *Store
	days      []string
	planned   map[string]bool // the days of the plan
	next      int
	papers    map[string]feed.Paper
	ahead     rawsAhead        // the fetched papers' raw items, compressed
	failed    map[string]error // month → why its fetch failed
	failedDay map[string]error // day → why its fetch failed (byDays)
	report    *SyncReport
	progress  func(SyncProgress)
}

// unsureDays says some paper's feed day is a guess that may be wrong.
func unsureDays(papers []feed.Paper) bool {
	return slices.ContainsFunc(papers, func(p feed.Paper) bool { return p.DayUnsure })
}

// byDays fetches the planned days of month one by one (only those in
// only, when it is not nil), as a day-by-day sync would, when the month's
// answer cannot say the days of its papers: it held papers whose feed
// day it could not place (items without submittedOnDailyAt posted near
// the feed's turn of day, or in March 2025 with an arXiv time instead of
// a posting time), or it rejected items, or gave the month nothing. Its
// papers each have the day they were asked for.
func (b *monthBackfill) byDays(ctx context.Context, f Fetcher, month string, st *stopper, only map[string]bool) (days []feed.Paper) {
	for _, day := range b.days {
		if !strings.HasPrefix(day, month) || only != nil && !only[day] {
			continue
		}
		st.extend(1) // each day is a request the sync's deadline did not count
		if why := st.expired(time.Now()); why != nil {
			b.failedDay[day] = why
			continue
		}
		w, err := fetchBy(ctx, st, func(fctx context.Context) (feed.Window, error) { return f.Day(fctx, day) })
		if err == nil {
			err = allRejected(w)
		}
		if err != nil {
			b.failedDay[day] = err
			continue
		}
		days = append(days, w.Papers...)
		for _, r := range w.Rejected {
			b.report.Rejected = append(b.report.Rejected, Rejection{Day: day, Error: r.Error()})
		}
	}
	return days
}

// spilled are the papers of a month's answer from other months whose
// day is sure: what stands of the answer when its own days are fetched
// one by one (byDays).
func spilled(month string, answer []feed.Paper) []feed.Paper {
	var out []feed.Paper
	for _, p := range answer {
		if !p.DayUnsure && !strings.HasPrefix(p.Day, month) {
			out = append(out, p)
		}
	}
	return out
}

// emptyDays are the planned days of month that neither answer (its
// papers filed as they will be) nor the papers kept from the months
// before give a paper, and how many days of month are planned.
func (b *monthBackfill) emptyDays(month string, answer []feed.Paper, listed map[string][]string) (empty map[string]bool, planned int) {
	empty = map[string]bool{}
	for _, d := range b.days {
		if strings.HasPrefix(d, month) {
			empty[d] = true
		}
	}
	planned = len(empty)
	for _, p := range answer {
		delete(empty, b.plannedDay(p, listed[p.ID]))
	}
	for _, p := range b.papers {
		delete(empty, p.Day)
	}
	return empty, planned
}

// monthAnswer is what fetchMonth's request brought.
type monthAnswer struct {
	w     feed.Window
	ahead rawsAhead // w's raw items, compressed for their save
	err   error
}

// fetchMonth asks for month m on a goroutine of its own; the answer
// arrives on the channel. The sync's deadline is read now, on the
// caller's goroutine, which is the one that extends it.
func fetchMonth(ctx context.Context, f Fetcher, st *stopper, m string) <-chan monthAnswer {
	out := make(chan monthAnswer, 1)
	fctx, cancel := context.WithDeadline(ctx, st.deadline)
	go func() {
		defer cancel()
		w, err := f.Month(fctx, m)
		var ahead rawsAhead
		if err == nil {
			ahead = compressAhead(w.Papers)
		}
		out <- monthAnswer{w, ahead, err}
	}()
	return out
}

// fetchBy runs one request under the sync's deadline as it stands now
// (a month fetched day by day moves it: byDays).
func fetchBy(ctx context.Context, st *stopper, fetch func(context.Context) (feed.Window, error)) (feed.Window, error) {
	fctx, cancel := context.WithDeadline(ctx, st.deadline)
	defer cancel()
	return fetch(fctx)
}

// add keeps p to save, merged with what else was fetched of it.
func (b *monthBackfill) add(p feed.Paper) {
	if seen, ok := b.papers[p.ID]; ok {
		p = b.merge(seen, p)
	}
	b.papers[p.ID] = p
}

// plannedDay is the day p is filed under: of the days it was listed on
// (listed, for a paper listed more than once), the first the plan holds,
// as a day-by-day sync of the plan would file it (the store keeps an
// earlier day it already has).
func (b *monthBackfill) plannedDay(p feed.Paper, listed []string) string {
	for _, d := range listed {
		if b.planned[d] {
			return d
		}
	}
	return p.Day
}

// merge is feed.Merge, but a day the plan holds wins over one it does not.
func (b *monthBackfill) merge(seen, p feed.Paper) feed.Paper {
	m := feed.Merge(seen, p)
	switch {
	case b.planned[seen.Day] && !b.planned[p.Day]:
		m.Day = seen.Day
	case b.planned[p.Day] && !b.planned[seen.Day]:
		m.Day = p.Day
	}
	return m
}

// saveThrough saves the planned days up to the end of month, then drops
// every paper of those months, planned or not: no later answer can add
// to them.
func (b *monthBackfill) saveThrough(ctx context.Context, month string) error {
	perDay := map[string][]feed.Paper{}
	for id, p := range b.papers {
		if p.Day[:min(7, len(p.Day))] <= month {
			perDay[p.Day] = append(perDay[p.Day], p)
			delete(b.papers, id)
		}
	}
	for _, ps := range perDay { // the feed's own order: most upvoted first
		sort.Slice(ps, func(i, j int) bool {
			if ps[i].Upvotes != ps[j].Upvotes {
				return ps[i].Upvotes > ps[j].Upvotes
			}
			return ps[i].ID < ps[j].ID
		})
	}
	// The days of months that were fetched are saved together, in one
	// transaction (see saveDays); a failure fails them all, and each is
	// recorded as failed, to be fetched again by the next sync.
	var batch []dayPapers
	first := b.next // the index of batch[0] in the plan
	for ; b.next < len(b.days) && b.days[b.next][:7] <= month; b.next++ {
		day := b.days[b.next]
		err := b.failed[day[:7]]
		if err == nil {
			err = b.failedDay[day]
		}
		if err == nil {
			batch = append(batch, dayPapers{day: day, papers: perDay[day]})
			continue
		}
		if err := b.settleBatch(ctx, batch, first); err != nil {
			return err
		}
		batch, first = nil, b.next+1
		if err := b.s.settle(ctx, day, err, b.report); err != nil {
			return err
		}
		b.progress(SyncProgress{Day: day, Index: b.next + 1, Total: len(b.days), Done: true, Err: err})
	}
	err := b.settleBatch(ctx, batch, first)
	b.ahead.keep(b.papers) // items saved, dropped unplanned or merged away
	return err
}

// settleBatch saves fetched days and reports each, in order.
func (b *monthBackfill) settleBatch(ctx context.Context, batch []dayPapers, first int) error {
	if len(batch) == 0 {
		return nil
	}
	err := b.s.saveWindowDays(ctx, batch, b.ahead, b.report)
	for i, d := range batch {
		if err := b.s.settle(ctx, d.day, err, b.report); err != nil {
			return err
		}
		b.progress(SyncProgress{Day: d.day, Index: first + i + 1, Total: len(b.days), Done: true, Err: err})
	}
	return nil
}

func (s *Store) saveWindowDay(ctx context.Context, day string, papers []feed.Paper, rejected []feed.ItemError, report *SyncReport) error {
	if err := s.saveWindowDays(ctx, []dayPapers{{day: day, papers: papers}}, nil, report); err != nil {
		return err
	}
	for _, r := range rejected {
		report.Rejected = append(report.Rejected, Rejection{Day: day, Error: r.Error()})
	}
	return nil
}

// saveWindowDays saves days in one transaction and counts them in the
// report; raw items in ahead are taken compressed from it.
func (s *Store) saveWindowDays(ctx context.Context, days []dayPapers, ahead rawsAhead, report *SyncReport) error {
	saved, err := s.saveDays(ctx, days, ahead)
	if err != nil {
		return err
	}
	for i, d := range days {
		report.Days++
		report.Papers += len(d.papers)
		report.New += saved[i].New
		report.Updated += saved[i].Updated
	}
	return nil
}

// settle records a day's failure; it returns an error only when the whole
// sync must stop (cancelled, or the failure could not be recorded).
func (s *Store) settle(ctx context.Context, day string, err error, report *SyncReport) error {
	if err == nil {
		return nil
	}
	if ctx.Err() != nil {
		return fmt.Errorf("sync %s: %w", day, ctx.Err())
	}
	report.Failed = append(report.Failed, DayFailure{Day: day, Error: err.Error(), Reason: feed.Reason(err), Status: feed.StatusOf(err),
		Unreachable: feed.Unreachable(err)})
	if rerr := s.RecordFailedDay(ctx, day, err); rerr != nil && !errors.Is(rerr, context.Canceled) {
		// The day's own failure comes first: on a read-only library the
		// save failed, and that it could not be recorded either follows.
		return fmt.Errorf("%w; and recording it: %w", err, rerr) // both found by errors.Is
	}
	return nil
}

// planDays lists the days to fetch, oldest first, how many complete days
// it skipped, and a note when it moved the start to the feed's first year.
func (s *Store) planDays(ctx context.Context, plan SyncPlan) ([]string, int, string, error) {
	today := plan.Today
	if today.IsZero() {
		today = time.Now()
	}
	today = today.UTC().Truncate(24 * time.Hour)
	first, last, err := s.planRange(ctx, plan, today)
	if err != nil {
		return nil, 0, "", err
	}
	note := ""
	if start, _ := time.Parse(time.DateOnly, FeedStart); first.Before(start) {
		note = fmt.Sprintf("starting at %s, not %s: Daily Papers began in 2023", FeedStart, first.Format(time.DateOnly))
		first = start
		if last.Before(first) {
			return nil, 0, note, nil
		}
	}
	known, err := s.Days(ctx, first.Format(time.DateOnly), last.Format(time.DateOnly))
	if err != nil {
		return nil, 0, "", err
	}
	recent := today.AddDate(0, 0, -RecentDays).Format(time.DateOnly)
	var days []string
	skipped := 0
	for d := first; !d.After(last); d = d.AddDate(0, 0, 1) {
		day := d.Format(time.DateOnly)
		if st, ok := known[day]; ok && st.Complete && day < recent && !plan.Refresh {
			skipped++
			continue
		}
		days = append(days, day)
	}
	sort.Strings(days)
	return days, skipped, note, nil
}

func (s *Store) planRange(ctx context.Context, plan SyncPlan, today time.Time) (time.Time, time.Time, error) {
	switch {
	case plan.Date != "":
		d, err := parseDay("--date", plan.Date)
		if err == nil && d.After(today.AddDate(0, 0, 1)) {
			err = fmt.Errorf("--date %s is in the future (today is %s in UTC)", plan.Date, today.Format(time.DateOnly))
		}
		return d, d, err
	case plan.Since != "":
		return parseRange(plan.Since, plan.Until, today)
	case plan.Until != "":
		return time.Time{}, time.Time{}, fmt.Errorf("--until needs --since")
	case plan.Days > 0:
		// Past the feed's first year any count is the whole feed; capping
		// it here keeps AddDate from wrapping around on absurd counts.
		return today.AddDate(0, 0, 1-min(plan.Days, 10000)), today, nil
	case plan.Days < 0:
		return time.Time{}, time.Time{}, fmt.Errorf("--days must be positive, got %d", plan.Days)
	}
	last, err := s.lastCompleteDayBy(ctx, today)
	if err != nil {
		return time.Time{}, time.Time{}, err
	}
	if last == "" {
		return today.AddDate(0, 0, -6), today, nil
	}
	from, err := time.Parse(time.DateOnly, last)
	if err != nil {
		return time.Time{}, time.Time{}, fmt.Errorf("library records a bad day %q: %w", last, err)
	}
	from = from.AddDate(0, 0, -RecentDays)
	// A day that failed before the last complete one is fetched again:
	// the next sync completes what is missing.
	if missing, err := s.firstIncompleteDay(ctx); err == nil && missing != "" {
		if d, err := time.Parse(time.DateOnly, missing); err == nil && d.Before(from) {
			from = d
		}
	}
	return from, today, nil
}

// lastCompleteDayBy is the newest complete day no later than today: a day
// after today recorded complete (a bad clock, or an old `sync --date` in
// the future) must not make every later sync skip the days up to it.
func (s *Store) lastCompleteDayBy(ctx context.Context, today time.Time) (string, error) {
	var day sql.NullString
	err := s.db.QueryRowContext(ctx, `SELECT max(day) FROM days WHERE complete = 1 AND day <= ?`,
		today.Format(time.DateOnly)).Scan(&day)
	if err != nil {
		return "", explain(s.path, err)
	}
	return day.String, nil
}

// firstIncompleteDay is the oldest day whose fetch failed and was never
// completed since, "" when none.
func (s *Store) firstIncompleteDay(ctx context.Context) (string, error) {
	var day sql.NullString
	err := s.db.QueryRowContext(ctx, `SELECT min(day) FROM days WHERE complete = 0`).Scan(&day)
	return day.String, err
}

func parseRange(since, until string, today time.Time) (time.Time, time.Time, error) {
	first, err := parseDay("--since", since)
	if err != nil {
		return first, first, err
	}
	last := today
	if until != "" {
		if last, err = parseDay("--until", until); err != nil {
			return first, last, err
		}
	}
	if last.After(today) {
		last = today
	}
	// The day of grace (tomorrow in UTC, today in a time zone ahead of
	// it), asked for as --since with no --until before it, is that day
	// alone rather than a range that ends before it starts.
	if tomorrow := today.AddDate(0, 0, 1); first.Equal(tomorrow) && (until == "" || until >= since) {
		last = first
	}
	if first.After(last) {
		return first, last, fmt.Errorf("--since %s is after --until %s", since, last.Format(time.DateOnly))
	}
	return first, last, nil
}

func parseDay(flag, s string) (time.Time, error) {
	d, err := time.Parse(time.DateOnly, s)
	if err != nil {
		return d, fmt.Errorf("%s %q: not a date (want YYYY-MM-DD)", flag, s)
	}
	return d, nil
}

// deferIndexes drops the deferred indexes for a sync of months into an
// empty library, as an import does (deferindex.go), and says whether it
// did: kept up at every month's save, their random keys were a fifth of
// a 100,000-paper sync (12.2 s against 9.5 s without them). Best effort:
// the sync is the same with them.
func (s *Store) deferIndexes(ctx context.Context) bool {
	deferred := false
	err := runTx(ctx, s.db, func(tx *sql.Tx) (err error) {
		deferred, err = dropDeferredIndexes(ctx, tx)
		return err
	})
	return err == nil && deferred
}

// buildIndexes builds the deferred indexes once a sync that dropped them
// ends, however it ends: a cancelled sync too, so it needs a context of
// its own. A killed one leaves them to Open (ensureIndexes).
func (s *Store) buildIndexes() error {
	ctx := context.Background()
	return runTx(ctx, s.db, func(tx *sql.Tx) error { return buildDeferredIndexes(ctx, tx) })
}
