package main

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/papertui/papers/feed"
	"github.com/papertui/papers/store"
	"github.com/papertui/papers/tui/clean"
)

// A stored text is fetched again when arXiv has a newer version of the
// paper than the one it was converted from: fetch asks arXiv's export API
// (--arxiv-url) about the stored texts it was asked for, and the reader
// about the queued ones after a sync.

// arxivClient asks arXiv's export API: paced to arXiv's one request every
// three seconds, without the Hugging Face token, and retried once only, so
// a failing arXiv costs seconds, not minutes.
func arxivClient(base string) *feed.Client {
	c := sideClient(base)
	c.Pace = feed.ArxivPace()
	c.MaxRetries = 1
	c.MaxBody = 16 << 20 // 500 entries with their abstracts: a few MB
	return c
}

// fetchNewer checks the stored texts among ids against arXiv and fetches
// again those converted from an older version than arXiv's latest. A
// failed check is one warning and changes nothing: the stored texts stay.
func (f fetcher) fetchNewer(ctx context.Context, ids []string, sum *fetchSummary, p *fetchProgress) {
	if f.arxiv == nil {
		return
	}
	warn := f.warnings()
	stored, err := f.lib.TextVersions(ctx, ids)
	if err != nil {
		fmt.Fprintf(warn, "warning: %s\n", clean.Line(err.Error()))
		return
	}
	var ask []string
	for _, id := range ids {
		if _, ok := stored[id]; ok {
			ask = append(ask, id)
		}
	}
	if len(ask) == 0 {
		return
	}
	latest, err := f.arxiv.Versions(ctx, ask)
	if err != nil {
		p.clear()
		fmt.Fprintf(warn, "warning: %s: stored texts not checked for newer versions\n", clean.Line(err.Error()))
	}
	checked := ask
	if err != nil { // only what the batches before the failure answered
		checked = nil
		for _, id := range ask {
			if _, ok := latest[id]; ok {
				checked = append(checked, id)
			}
		}
	}
	var stale, current []string
	for _, id := range checked {
		if need, err := f.lib.NeedsText(ctx, id, latest[id]); err == nil && need {
			stale = append(stale, id)
		} else {
			current = append(current, id)
		}
	}
	// A stale text counts as checked once fetched again (PutText): one
	// that could not be is asked about again next time.
	f.markChecked(current)
	p.total = len(stale)
	for i, id := range stale {
		if ctx.Err() != nil {
			return
		}
		p.step(i, id)
		got, err := f.fetchAgain(ctx, id, stored[id], latest[id])
		if err != nil {
			p.clear()
			fmt.Fprintf(warn, "warning: %s: arXiv has v%d, the stored text (v%d) stays: %s\n", id, latest[id], stored[id], clean.Line(err.Error()))
			if feed.Unreachable(err) {
				return
			}
			continue
		}
		if got > stored[id] { // only an upgrade counts as fetched
			sum.Newer++
			sum.Fetched++
			sum.Had--
		}
	}
}

// fetchAgain fetches a paper's text anew and stores it unless it is
// older than the one stored (have), returning the version Hugging Face
// served.
// When that is older than arXiv's latest it says so and records that HF
// was asked (store.MarkVersionAsked), so the next fetch does not download
// it again until arXiv lists a later version or a day has passed.
func (f fetcher) fetchAgain(ctx context.Context, id string, have, latest int) (int, error) {
	t, err := f.client.FullText(ctx, id)
	if err != nil {
		return 0, err
	}
	if t.Version >= have || t.Version == 0 {
		err := f.lib.PutText(ctx, t, time.Now())
		switch {
		case errors.Is(err, store.ErrWorseText): // kept, and not asked again before a day or arXiv's next version
			fmt.Fprintf(f.warnings(), "warning: %s\n", clean.Line(err.Error()))
			return have, f.lib.MarkVersionAsked(ctx, id, latest, time.Now())
		case err != nil:
			return 0, err
		}
	}
	if t.Version < latest {
		fmt.Fprintf(f.warnings(), "warning: %s: arXiv has v%d, Hugging Face still serves v%d; asked again after a day or arXiv's next version\n", id, latest, t.Version)
		if err := f.lib.MarkVersionAsked(ctx, id, latest, time.Now()); err != nil {
			return t.Version, err
		}
	}
	return t.Version, nil
}

// markChecked records that arXiv was asked about ids, so the reader does
// not ask again for a while; failing to is a warning.
func (f fetcher) markChecked(ids []string) {
	if err := f.lib.MarkVersionsChecked(context.Background(), ids, time.Now()); err != nil {
		fmt.Fprintf(f.warnings(), "warning: %s\n", clean.Line(err.Error()))
	}
}
