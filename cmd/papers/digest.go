package main

import (
	"context"
	"fmt"
	"io"
	"slices"
	"strings"
	"time"

	"github.com/papertui/papers/internal/english"
	"github.com/papertui/papers/store"
	"github.com/papertui/papers/store/query"
	"github.com/papertui/papers/tui/export"
)

// DigestCmd is `papers digest`: what arrived, ready for cron and mail.
type DigestCmd struct {
	Since  string   `placeholder:"DATE" help:"Papers of feed days from DATE on (2026-08-21, 2026-08 or 2026, as since: takes), instead of what arrived since the last --mark."`
	Follow []string `placeholder:"NAME" help:"Only papers of this followed search (repeatable)."`
	Top    int      `placeholder:"N" help:"Only the N most upvoted (0: all)."`
	Format string   `default:"markdown" enum:"markdown,text,html" help:"markdown, text or html."`
	JSON   bool     `name:"json" help:"Print one JSON object {title, about, since, papers} instead."`
	Mark   bool     `help:"Remember this digest as sent: the next one with the same --follow and --top starts after it."`
	Output string   `short:"o" placeholder:"FILE" help:"Write to FILE instead of stdout (replaced whole, never half-written)."`
}

// digestWindow is how far back the first digest looks when none was
// marked and no --since is given.
const digestWindow = 24 * time.Hour

// digestLateDays is how much older than the digest's start a feed day may
// be for its papers arriving since to count as news: HF adds papers to a
// day for some days after it (a sync asks the last days again).
const digestLateDays = 7

// Run prints the digest and, with --mark, remembers it was sent.
func (c *DigestCmd) Run(g *Globals) error {
	if err := normalizeDates("digest", dateFlag{"--since", &c.Since, false}); err != nil {
		return err
	}
	if c.Top < 0 {
		return usagef("digest: --top must be 0 (all) or more, got %d", c.Top)
	}
	out, err := checkTarget("digest", c.Output, g.libraryPath()) // target.go: never over the library
	if err != nil {
		return err
	}
	return g.withLibrary(func(ctx context.Context, lib *store.Store) error {
		started := time.Now()
		d, since, err := c.collect(ctx, lib, started)
		if err != nil {
			return err
		}
		err = out.write(func(w io.Writer) error {
			if c.JSON {
				return writeJSON(w, digestJSON(d, since))
			}
			return export.WriteDigest(w, d, c.Format)
		})
		if err != nil || !c.Mark {
			return err
		}
		// Marked only once it is written, as of when it was read: papers
		// arriving meanwhile go into the next one.
		return lib.SetDigestSent(ctx, c.selection(), started)
	})
}

// selection names what this digest sends, for its --mark: "" for the
// library, else its followed searches and its --top, so that each kind
// of digest a user mails remembers its own (see store.DigestSent).
func (c *DigestCmd) selection() string {
	var parts []string
	if len(c.Follow) > 0 {
		names := slices.Clone(c.Follow)
		slices.Sort(names)
		parts = append(parts, "follow="+strings.Join(slices.Compact(names), ","))
	}
	if c.Top > 0 {
		parts = append(parts, fmt.Sprintf("top=%d", c.Top))
	}
	return strings.Join(parts, ";")
}

// collect gathers the digest's papers: of every followed search asked
// for (or the library), what arrived since the last marked digest (or of
// the days from --since), the most upvoted first when --top is given.
func (c *DigestCmd) collect(ctx context.Context, lib *store.Store, now time.Time) (export.Digest, time.Time, error) {
	base := store.Filter{Sort: store.SortNewest}
	var since time.Time
	if c.Since != "" {
		base.Since = c.Since
	} else {
		last, err := lib.DigestSent(ctx, c.selection())
		if err != nil {
			return export.Digest{}, since, err
		}
		since = last
		if since.IsZero() {
			since = now.Add(-digestWindow)
		}
		base.Daily = query.Daily{New: true}
		base.NewSince = since.UnixMilli()
		// News is a recent feed day's: an import or a backfill (sync
		// --since last year) brings papers of old days in now, and they
		// are history, not what a digest is for.
		base.Since = since.AddDate(0, 0, -digestLateDays).UTC().Format(time.DateOnly)
	}
	if c.Top > 0 {
		base.Sort = store.SortUpvotes
	}
	views := []store.Filter{base}
	if len(c.Follow) > 0 {
		views = views[:0]
		for _, name := range c.Follow {
			f, err := followView(ctx, lib, name, base)
			if err != nil {
				return export.Digest{}, since, err
			}
			views = append(views, f)
		}
	}
	recs, err := digestRecords(ctx, lib, views, c.Top)
	if err != nil {
		return export.Digest{}, since, err
	}
	return export.Digest{Title: c.title(now), About: c.about(len(recs), since), Papers: recs}, since, nil
}

// digestRecords is the union of the views, each paper once, newest day
// first (or most upvoted first when top > 0, cut to top).
func digestRecords(ctx context.Context, lib *store.Store, views []store.Filter, top int) ([]store.Record, error) {
	seen := map[string]bool{}
	var out []store.Record
	for _, f := range views {
		recs, err := lib.Records(ctx, f, 0, top)
		if err != nil {
			return nil, err
		}
		for _, r := range recs {
			if !seen[r.ID] {
				seen[r.ID] = true
				out = append(out, r)
			}
		}
	}
	slices.SortStableFunc(out, func(a, b store.Record) int {
		if top > 0 && a.Upvotes != b.Upvotes {
			return b.Upvotes - a.Upvotes
		}
		return strings.Compare(b.Day, a.Day)
	})
	if top > 0 && len(out) > top {
		out = out[:top]
	}
	return out, nil
}

func (c *DigestCmd) title(now time.Time) string {
	t := "Daily Papers digest, " + now.Format("2006-01-02")
	if len(c.Follow) > 0 {
		t += " (" + strings.Join(c.Follow, ", ") + ")"
	}
	return t
}

func (c *DigestCmd) about(n int, since time.Time) string {
	what := english.Count(n, "paper")
	if c.Top > 0 {
		// --top 1000 of a digest of 12 is its 12 most upvoted: the text
		// says how many it holds, not how many were allowed.
		what += fmt.Sprintf(" (the %s most upvoted)", english.Number(min(c.Top, n)))
	}
	if c.Since != "" {
		return what + " of feed days from " + c.Since + " on."
	}
	return what + " that arrived since " + since.Local().Format("2006-01-02 15:04") +
		", of feed days from " + since.AddDate(0, 0, -digestLateDays).UTC().Format(time.DateOnly) + " on."
}
