package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"charm.land/bubbles/v2/progress"
	"charm.land/lipgloss/v2"
	"github.com/papertui/papers/feed"
	"github.com/papertui/papers/internal/english"
	"github.com/papertui/papers/store"
	"github.com/papertui/papers/tui/clean"
)

// SyncCmd is `papers sync`.
type SyncCmd struct {
	Date    string `placeholder:"YYYY-MM-DD" help:"Sync one feed day."`
	Since   string `placeholder:"DATE" help:"Sync from this day, or a month's or year's first (ranges over two weeks are fetched by month; a start before 2023, when the feed began, is moved to 2023)."`
	Until   string `placeholder:"DATE" help:"Sync through this day, or a month's or year's last (default today)."`
	Days    *int   `placeholder:"N" help:"Sync the last N days (1 or more; a start before 2023, when the feed began, is moved to 2023)."`
	Refresh bool   `help:"Fetch complete days older than 3 days again."`
	JSON    bool   `name:"json" help:"Print the report as one JSON object."`
}

// Run syncs and reports; exit 1 when any day failed.
func (c *SyncCmd) Run(g *Globals) error {
	if err := normalizeDates("sync", dateFlag{"--since", &c.Since, false}, dateFlag{"--until", &c.Until, true}); err != nil {
		return err
	}
	if err := c.validate(time.Now()); err != nil {
		return err
	}
	plan := store.SyncPlan{Date: c.Date, Since: c.Since, Until: c.Until, Refresh: c.Refresh}
	if c.Days != nil {
		plan.Days = *c.Days
	}
	return g.withLibrary(func(ctx context.Context, lib *store.Store) error {
		client := g.client()
		bar := newProgressPrinter(os.Stderr)
		client.OnRetry = bar.retry
		client.OnNotice = bar.note
		report, err := lib.Sync(ctx, client, plan, bar.update)
		bar.finish()
		if err != nil {
			if c.JSON && ctx.Err() != nil {
				// Stopped: a script still learns what was kept before.
				_ = writeJSON(stdout, struct {
					store.SyncReport
					Interrupted bool `json:"interrupted"`
				}{report, true})
			}
			return fmt.Errorf("sync: %w", err)
		}
		if report.Days > 0 && len(report.Failed) == 0 {
			// Talk on a paper happens in its first days: what the library
			// keeps of recent papers' discussions is fetched again.
			before := client.Requests()
			ids, err := lib.RefreshDiscussions(ctx, client, time.Now())
			report.Discussions = len(ids)
			report.Requests += client.Requests() - before
			if err != nil && !feed.Unreachable(err) {
				report.Notes = append(report.Notes, err.Error())
			}
		}
		if !c.JSON {
			for _, n := range report.Notes {
				fmt.Fprintln(os.Stderr, "papers: note:", clean.Line(n))
			}
		}
		if c.JSON {
			err = writeJSON(stdout, report)
			// The JSON is on stdout; a cron job that throws stdout away
			// still learns from stderr what failed, as in human mode.
			fail := failureCopy(true)
			for _, line := range syncFailureLines(report) {
				io.WriteString(fail, "papers: sync: "+line)
			}
		} else {
			printSyncSummary(stdout, failureCopy(true), report)
		}
		if err != nil {
			return err
		}
		if len(report.Failed) > 0 {
			return errFailed
		}
		return nil
	})
}

func (c *SyncCmd) validate(now time.Time) error {
	set := 0
	for _, on := range []bool{c.Date != "", c.Since != "", c.Days != nil} {
		if on {
			set++
		}
	}
	if set > 1 {
		return usagef("sync: choose one of --date, --since, --days")
	}
	if c.Until != "" && c.Since == "" {
		return usagef("sync: --until needs --since")
	}
	for _, f := range []struct{ flag, value string }{{"--date", c.Date}, {"--since", c.Since}, {"--until", c.Until}} {
		if err := checkDay("sync", f.flag, f.value, ""); err != nil {
			return err
		}
	}
	// A range that ends before it starts is a mistyped command, not a
	// failed sync: refused before the library is opened, as list does.
	if c.Since != "" && c.Until != "" && c.Since > c.Until {
		return usagef("sync: --since %s is after --until %s; swap them", c.Since, c.Until)
	}
	if c.Days != nil && *c.Days < 1 {
		return usagef("sync: --days must be 1 or more, got %d", *c.Days)
	}
	// Days wholly before the feed began have nothing to fetch: a range of
	// them would be "synced 0 days", which reads as success.
	for flag, v := range map[string]string{"--date": c.Date, "--until": c.Until} {
		if v != "" && v < store.FeedStart {
			return usagef("sync: %s %s is before Daily Papers began (%s): nothing to sync", flag, v, store.FeedStart)
		}
	}
	return c.checkFuture(now)
}

// checkFuture refuses a --date or --since after tomorrow in UTC.
func (c *SyncCmd) checkFuture(now time.Time) error {
	for _, f := range []struct{ flag, value string }{{"--date", c.Date}, {"--since", c.Since}} {
		if err := checkFuture("sync", f.flag, f.value, now); err != nil {
			return err
		}
	}
	return nil
}

// printSyncSummary writes the summary to w, and its lines of what failed
// to fail as well (failureCopy).
func printSyncSummary(w, fail io.Writer, r store.SyncReport) {
	fmt.Fprintf(w, "synced %s: %s (%s new, %s updated) in %s",
		english.Count(r.Days, "day"), english.Count(r.Papers, "paper"), english.Number(r.New), english.Number(r.Updated),
		english.Count(r.Requests, "request"))
	if r.Skipped > 0 {
		fmt.Fprintf(w, "; %s skipped (--refresh fetches them again)", english.Count(r.Skipped, "complete day"))
	}
	if r.Discussions > 0 {
		fmt.Fprintf(w, "; %s refreshed", english.Count(r.Discussions, "discussion"))
	}
	fmt.Fprintln(w)
	for _, line := range syncFailureLines(r) {
		io.WriteString(w, line)
		io.WriteString(fail, "papers: sync: "+line)
	}
}

// syncFailureLines are the summary's lines that say what failed, each
// ending in a newline: items skipped, then the days that failed.
func syncFailureLines(r store.SyncReport) []string {
	var lines []string
	for _, rej := range r.Rejected {
		lines = append(lines, fmt.Sprintf("skipped item on %s: %s\n", rej.Day, clean.Line(rej.Error)))
	}
	// Days that failed for one reason (not fetched once the feed could
	// not be reached) make one line, not one per day.
	for i := 0; i < len(r.Failed); {
		f := r.Failed[i]
		j := i + 1
		for j < len(r.Failed) && r.Failed[j].Error == f.Error {
			j++
		}
		why := failureText(f.Reason, f.Error)
		line := fmt.Sprintf("failed %s: %s\n", f.Day, why)
		if j-i > 1 {
			line = fmt.Sprintf("failed %s … %s (%s): %s\n", f.Day, r.Failed[j-1].Day, english.Count(j-i, "day"), why)
		}
		lines = append(lines, line)
		i = j
	}
	return lines
}

// failureText is why a day failed: the cause in a few words first, as the
// reader's status line puts it ("offline? cannot look up huggingface.co"),
// then the error, whose Go wording ("dial tcp: lookup …: no such host")
// alone does not tell a newcomer the machine is offline. A reason the
// error already holds ("HTTP 503 Service Unavailable") is not repeated.
func failureText(reason, err string) string {
	msg := clean.Line(err)
	if reason := clean.Line(reason); reason != "" && !strings.Contains(msg, reason) {
		return reason + " · " + msg
	}
	return msg
}

// progressPrinter shows sync progress on stderr: a bar on a terminal;
// in a pipe or log nothing per day (the summary on stdout says what
// happened, failed days included), only retries and notices.
type progressPrinter struct {
	w        io.Writer
	terminal bool
	bar      progress.Model
	drawn    bool
}

func newProgressPrinter(f *os.File) *progressPrinter {
	bar := progress.New(progress.WithWidth(30))
	if os.Getenv("NO_COLOR") != "" {
		progress.WithColors(lipgloss.NoColor{})(&bar) // a solid fill without colour
		bar.EmptyColor = lipgloss.NoColor{}
	}
	return &progressPrinter{w: f, terminal: isTerminal(f), bar: bar}
}

func (p *progressPrinter) update(s store.SyncProgress) {
	if !p.terminal {
		return
	}
	done := s.Index - 1
	if s.Done {
		done = s.Index
	}
	fmt.Fprintf(p.w, "\r\x1b[K%s syncing %s (%d/%d)", p.bar.ViewAs(float64(done)/float64(max(s.Total, 1))), s.Day, s.Index, s.Total)
	p.drawn = true
	if s.Done && s.Err != nil {
		fmt.Fprintf(p.w, "\r\x1b[Kfailed %s: %s\n", s.Day, failureText(feed.Reason(s.Err), s.Err.Error()))
	}
}

func (p *progressPrinter) retry(reason string, wait time.Duration) {
	p.note(feed.RetryText(reason, wait))
}

func (p *progressPrinter) note(msg string) {
	if p.terminal {
		fmt.Fprintf(p.w, "\r\x1b[K%s\n", clean.Line(msg))
		return
	}
	fmt.Fprintln(p.w, clean.Line(msg))
}

func (p *progressPrinter) finish() {
	if p.terminal && p.drawn {
		fmt.Fprint(p.w, "\r\x1b[K")
	}
}
