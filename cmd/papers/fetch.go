package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/papertui/papers/feed"
	"github.com/papertui/papers/internal/english"
	"github.com/papertui/papers/store"
	"github.com/papertui/papers/store/query"
	"github.com/papertui/papers/tui/clean"
)

// FetchCmd is `papers fetch`: whole papers for reading offline.
type FetchCmd struct {
	IDs        []string `arg:"" optional:"" name:"id" help:"Paper ids or URLs."`
	Queue      bool     `help:"Fetch every queued paper."`
	Query      string   `placeholder:"Q" help:"Fetch the papers a search finds (the reader's / syntax)."`
	Limit      int      `default:"100" placeholder:"N" help:"At most N papers from --query (0: all)."`
	PDF        bool     `name:"pdf" help:"Also save each paper's arXiv PDF under $$XDG_CACHE_HOME/papers/pdf."`
	PDFURL     string   `name:"pdf-url" env:"PAPERS_PDF_URL" default:"https://arxiv.org/pdf" placeholder:"URL" help:"PDF base URL."`
	Refresh    bool     `help:"Fetch again texts already stored."`
	Discussion bool     `help:"Also fetch each paper's comments and linked models, datasets and Spaces."`
	JSON       bool     `name:"json" help:"Print one JSON object: what was fetched and each failure with its reason."`
}

// Run fetches what is missing, one paper at a time, each stored whole in
// its own transaction: an interrupted fetch keeps what it finished, and
// running it again goes on from there.
func (c *FetchCmd) Run(g *Globals) error {
	// A malformed id is named and makes the exit 1; the good ones are
	// fetched all the same, as every command taking ids does (ids.go).
	ids, malformed, err := parseIDs("fetch", c.IDs)
	if err != nil && !c.Queue && c.Query == "" {
		return err
	}
	if len(c.IDs) == 0 && !c.Queue && c.Query == "" {
		return usagef("fetch what? name ids, or use --queue or --query")
	}
	if c.Limit < 0 {
		return usagef("fetch: --limit must be 0 (all) or more, got %d", c.Limit)
	}
	q, err := queryFlag("--query", c.Query)
	if err != nil {
		return err
	}
	return g.withLibrary(func(ctx context.Context, lib *store.Store) error {
		// A text is fetched for a paper of the library, the one read and
		// show find, never for an id that is nowhere else (ids.go).
		recs, unknown, err := heldPapers(ctx, lib, "fetch", ids)
		if err != nil {
			return err
		}
		ids = recordIDs(recs)
		more, err := c.selected(ctx, lib, q)
		if err != nil {
			return err
		}
		ids = dedupe(append(ids, more...))
		f := fetcher{lib: lib, client: g.client(), refresh: c.Refresh, discussion: c.Discussion}
		if c.PDF {
			f.pdf = pdfClient(c.PDFURL)
		}
		if !c.Refresh { // --refresh fetches every text again anyway
			f.arxiv = arxivClient(g.ArxivURL)
		}
		sum := f.run(ctx, ids, newProgress(os.Stderr, len(ids)))
		sum.failFirst(append(malformed, unknown...))
		if c.JSON {
			if err := writeJSON(stdout, sum); err != nil {
				return err
			}
		} else {
			fmt.Fprintln(os.Stderr, sum.String())
		}
		if ctx.Err() != nil {
			return ctx.Err() // main: "interrupted", 130
		}
		if sum.Failed > 0 || sum.PDFsFailed > 0 {
			return errFailed
		}
		return nil
	})
}

// selected is the queue and the search's papers, as asked.
func (c *FetchCmd) selected(ctx context.Context, lib *store.Store, q query.Query) ([]string, error) {
	var ids []string
	if c.Queue {
		recs, err := lib.Queue(ctx)
		if err != nil {
			return nil, err
		}
		for _, r := range recs {
			ids = append(ids, r.Paper.ID)
		}
	}
	if c.Query != "" {
		recs, err := lib.Records(ctx, store.Filter{Sort: store.SortNewest}.Search(q), 0, c.Limit)
		if err != nil {
			return nil, err
		}
		for _, r := range recs {
			ids = append(ids, r.Paper.ID)
		}
	}
	return ids, nil
}

// fetcher fetches and stores full texts (and PDFs and discussions).
type fetcher struct {
	lib        *store.Store
	client     *feed.Client
	pdf        *feed.Client // nil: no PDFs
	arxiv      *feed.Client // nil: stored texts are not checked for newer versions (arxiv.go)
	refresh    bool
	discussion bool
	warn       io.Writer // failures, one line each; default stderr
}

// fetchSummary is what a fetch did; `papers fetch --json` prints it, so
// its field names are a contract.
type fetchSummary struct {
	Fetched int `json:"fetched"`
	Had     int `json:"already_stored"`
	Failed  int `json:"failed"`
	Newer   int `json:"newer"` // of Fetched: stored texts fetched again for a newer arXiv version
	PDFs    int `json:"pdfs"`
	// Discussions stored (--discussion), a paper without a text included.
	Discussions int `json:"discussions"`
	// PDFsFailed and PDFFailures: PDFs asked for (--pdf) and not saved.
	PDFsFailed  int            `json:"pdfs_failed"`
	PDFFailures []fetchFailure `json:"pdf_failures"`
	Requests    int            `json:"requests"`
	Offline     bool           `json:"offline"`  // the network went away: the rest were not asked for
	Failures    []fetchFailure `json:"failures"` // one for each failed, in order
}

// fetchFailure is a paper whose text was not fetched, and why.
type fetchFailure struct {
	ID     string `json:"id"`
	Error  string `json:"error"`
	Reason string `json:"reason"` // the cause in a few words
}

// failureReason is feed.Reason, or for what never reached the network,
// what was wrong with the id.
func failureReason(err error) string {
	if r := feed.Reason(err); r != "" {
		return r
	}
	if errors.Is(err, store.ErrUnknownPaper) {
		return "not in the library"
	}
	if errors.Is(err, feed.ErrBadID) {
		return "not a paper id"
	}
	return "failed"
}

// failFirst counts the named papers the library does not hold as failed,
// before the others: they were named first and never asked for.
func (s *fetchSummary) failFirst(unknown []unknownID) {
	if len(unknown) == 0 {
		return
	}
	asked := s.Failures
	s.Failures = []fetchFailure{}
	for _, u := range unknown {
		s.fail(u.id, u.err)
	}
	s.Failures = append(s.Failures, asked...)
}

// fail counts id as failed with err.
func (s *fetchSummary) fail(id string, err error) {
	s.Failed++
	s.Failures = append(s.Failures, fetchFailure{ID: clean.Line(id), Error: clean.Line(err.Error()), Reason: failureReason(err)})
}

func (s fetchSummary) String() string {
	msg := fmt.Sprintf("fetched %s, %d already stored, %d failed", english.Count(s.Fetched, "full text"), s.Had, s.Failed)
	if s.Newer > 0 {
		msg += ", " + english.Count(s.Newer, "newer arXiv version")
	}
	if s.PDFs > 0 {
		msg += ", " + english.Count(s.PDFs, "PDF") + " saved"
	}
	if s.Discussions > 0 {
		msg += ", " + english.Count(s.Discussions, "discussion")
	}
	if s.PDFsFailed > 0 {
		msg += ", " + english.Count(s.PDFsFailed, "PDF") + " not saved"
	}
	return msg + " (" + english.Count(s.Requests, "request") + ")"
}

func (f fetcher) run(ctx context.Context, ids []string, p *fetchProgress) fetchSummary {
	sum := fetchSummary{Failures: []fetchFailure{}, PDFFailures: []fetchFailure{}} // [] in JSON when none failed
	start := f.client.Requests()
	if f.pdf != nil {
		start += f.pdf.Requests()
	}
	if f.arxiv != nil {
		start += f.arxiv.Requests()
	}
	warn := f.warnings()
	offline := false
	var stored []string // texts there before this fetch: the ones that may be stale
	for i, id := range ids {
		if ctx.Err() != nil {
			break
		}
		p.step(i, id)
		had, err := f.one(ctx, id, &sum)
		if ctx.Err() != nil {
			break // interrupted: the paper in flight is not a failure
		}
		if err != nil && feed.Unreachable(err) { // offline: the rest would fail the same way
			missing := f.countOffline(ctx, ids[i:], had, err, &sum)
			sum.Offline = true
			p.clear()
			what := english.Count(missing, "full text") + " not fetched"
			if missing == 0 {
				what = "every text is stored; nothing more fetched"
			}
			fmt.Fprintf(warn, "warning: offline (%s): %s\n", clean.Line(err.Error()), what)
			offline = true
			break
		}
		switch {
		case err != nil:
			sum.fail(id, err)
			p.clear()
			fmt.Fprintf(warn, "warning: %s\n", clean.Line(err.Error()))
		case had:
			sum.Had++
			stored = append(stored, id)
		default:
			sum.Fetched++
		}
	}
	if !offline && ctx.Err() == nil {
		// After the missing texts, so a slow or failing arXiv never
		// delays them.
		f.fetchNewer(ctx, stored, &sum, p)
	}
	p.done()
	sum.Requests = f.client.Requests() - start
	if f.pdf != nil {
		sum.Requests += f.pdf.Requests()
	}
	if f.arxiv != nil {
		sum.Requests += f.arxiv.Requests()
	}
	return sum
}

// countOffline counts ids, the papers left when the network went away
// at the first of them, into sum without asking the network: a text
// stored (before, or by this run for the first) is not a failure, only a
// missing one is. It returns how many are missing.
func (f fetcher) countOffline(ctx context.Context, ids []string, firstHad bool, offline error, sum *fetchSummary) int {
	missing := 0
	for i, id := range ids {
		need, err := f.lib.NeedsText(ctx, id, 0)
		switch {
		case err != nil || need:
			missing++
			switch {
			case err != nil:
			case i == 0:
				err = offline
			default:
				err = notAsked{first: ids[0], err: offline}
			}
			sum.fail(id, err)
		case i == 0 && !firstHad: // its text came, what came with it did not
			sum.Fetched++
		default:
			sum.Had++
		}
	}
	return missing
}

// notAsked is a paper left unasked once the feed could not be reached
// for an earlier one: its reason is that one's.
type notAsked struct {
	first string
	err   error
}

func (e notAsked) Error() string {
	return "not fetched: the feed could not be reached (see " + e.first + ")"
}

func (e notAsked) Unwrap() error { return e.err }

// one fetches one paper's text unless it is stored, then what else was
// asked. had reports the text was already there.
func (f fetcher) one(ctx context.Context, id string, sum *fetchSummary) (had bool, err error) {
	need := true
	if !f.refresh {
		if need, err = f.lib.NeedsText(ctx, id, 0); err != nil {
			return false, err
		}
	}
	var textErr error
	if need {
		textErr = f.fetchText(ctx, id)
		if textErr != nil && feed.Unreachable(textErr) {
			return false, textErr
		}
		if errors.Is(textErr, store.ErrWorseText) { // --refresh: the stored text stays
			fmt.Fprintf(f.warnings(), "warning: %s\n", clean.Line(textErr.Error()))
			need, textErr = false, nil
		}
	}
	if f.discussion {
		// The discussion is extra: without it the paper still reads. A
		// paper HF has no text of (a 404) may well have one.
		err := f.fetchDiscussion(ctx, id)
		switch {
		case err == nil:
			sum.Discussions++
		case !feed.Unreachable(err):
			fmt.Fprintf(f.warnings(), "warning: %s\n", clean.Line(err.Error()))
		}
	}
	if f.pdf != nil {
		// A paper HF has no text of (404, a bad body) still gets its PDF:
		// that may be the only way to read it. A PDF that fails is its own
		// failure: the text stored beside it is not one.
		saved, err := savePDF(ctx, f.pdf, id, f.refresh)
		switch {
		case err != nil:
			sum.PDFsFailed++
			sum.PDFFailures = append(sum.PDFFailures, fetchFailure{ID: clean.Line(id), Error: clean.Line(err.Error()), Reason: failureReason(err)})
			fmt.Fprintf(f.warnings(), "warning: %s\n", clean.Line(err.Error()))
		case saved:
			sum.PDFs++
		}
	}
	return !need, textErr
}

// fetchText fetches and stores one paper's text.
func (f fetcher) fetchText(ctx context.Context, id string) error {
	t, err := f.client.FullText(ctx, id)
	if errors.Is(err, feed.ErrNotFound) {
		// Kept for show and the reader after this run; at worst they say less.
		_ = f.lib.MarkTextAbsent(ctx, id, time.Now())
	}
	if err != nil {
		return err
	}
	return f.lib.PutText(ctx, t, time.Now())
}

func (f fetcher) fetchDiscussion(ctx context.Context, id string) error {
	d, err := f.client.Discussion(ctx, id)
	if err != nil {
		return err
	}
	return f.lib.PutDiscussion(ctx, d, time.Now())
}

func (f fetcher) warnings() io.Writer {
	if f.warn == nil {
		return os.Stderr
	}
	return f.warn
}

// fetchAfterQueue fetches the texts of papers just queued, so they read
// offline; a failure is a warning, since the queueing itself succeeded.
func fetchAfterQueue(ctx context.Context, g *Globals, lib *store.Store, ids []string) error {
	// An extra the queueing does not wait long for: the papers are
	// queued already, and a stuck feed would otherwise hold the command
	// for two 30-second timeouts a paper.
	client := g.client()
	client.Timeout = followUpTimeout
	fctx, cancel := context.WithTimeout(ctx, followUpTimeout+time.Duration(len(ids))*followUpPerPaper)
	defer cancel()
	f := fetcher{lib: lib, client: client, discussion: true}
	sum := f.run(fctx, ids, newProgress(os.Stderr, len(ids)))
	if ctx.Err() != nil {
		return ctx.Err() // interrupted: the papers are queued, the rest waits for fetch --queue
	}
	if missing := len(ids) - sum.Fetched - sum.Had; missing > 0 {
		fmt.Fprintf(os.Stderr, "warning: %s not fetched; `papers fetch --queue` tries again\n", english.Count(missing, "full text"))
	}
	return nil
}

// followUpTimeout bounds each request of the fetch after `queue add`, and
// followUpPerPaper adds to the whole fetch's time for each paper queued.
const (
	followUpTimeout  = 10 * time.Second
	followUpPerPaper = 5 * time.Second
)

// fetchProgress draws a bar on a terminal and nothing otherwise.
type fetchProgress struct {
	w     io.Writer
	total int
	on    bool
}

func newProgress(f *os.File, total int) *fetchProgress {
	return &fetchProgress{w: f, total: total, on: isTerminal(f) && total > 1}
}

func (p *fetchProgress) step(i int, id string) {
	if !p.on {
		return
	}
	const width = 30
	done := width * i / max(p.total, 1)
	fmt.Fprintf(p.w, "\r\x1b[K[%s%s] %d/%d %s", strings.Repeat("#", done), strings.Repeat(".", width-done), i, p.total, id)
}

func (p *fetchProgress) clear() {
	if p.on {
		fmt.Fprint(p.w, "\r\x1b[K")
	}
}

func (p *fetchProgress) done() { p.clear() }
