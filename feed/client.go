package feed

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"mime"
	"net"
	"net/http"
	"net/http/httptrace"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"time"

	"github.com/dustin/go-humanize"

	"github.com/cenkalti/backoff/v5"
	"golang.org/x/time/rate"
)

// Version is the program version reported in the User-Agent; set at build
// time with -ldflags "-X github.com/papertui/papers/feed.Version=…".
var Version = "dev"

// ErrNotFound is wrapped by errors for a paper Hugging Face has not indexed.
var ErrNotFound = errors.New("not found on Hugging Face")

// Defaults for the zero values of Client's fields.
const (
	DefaultBaseURL    = "https://huggingface.co"
	DefaultPageSize   = 100 // the API's maximum limit
	DefaultMaxPages   = 50
	DefaultTimeout    = 30 * time.Second
	DefaultMaxBody    = 32 << 20
	DefaultMaxRetries = 4
)

// unreachableWait is the pause before the one retry of a request that could
// not reach the host: long enough to ride out a blip, short enough that an
// offline reader says so at once.
const unreachableWait = 500 * time.Millisecond

// maxRateWait bounds how long a 429 may make us wait: HF's windows are five
// minutes, so a longer wait means something is wrong and the user should know.
const maxRateWait = 6 * time.Minute

// Client fetches the Daily Papers API. The zero value is usable: every zero
// field means its default. A Client is safe for concurrent use once its
// fields are set.
type Client struct {
	BaseURL   string       // default DefaultBaseURL; tests point it at an httptest.Server
	HTTP      *http.Client // default a client without its own timeout (Timeout applies)
	Token     string       // HF_TOKEN, sent as a bearer token; never logged or put in errors
	UserAgent string       // default "papers/<Version> (+https://github.com/papertui/papers)"
	PageSize  int          // items asked per page, default 100
	MaxPages  int          // pages allowed per window before giving up, default 50
	// Timeout bounds one request including reading its body, so a body that
	// trickles forever ends in an error. Default 30s.
	Timeout time.Duration
	MaxBody int64 // largest body accepted, default 32 MiB
	// MaxRetries is how many times a request is retried after a 429, a 5xx,
	// a timeout or a dropped connection. 0 means the default (4); negative
	// means never retry. A host that cannot be reached at all (see
	// Unreachable) is retried once, after a short wait, and not at all
	// while the previous request found it unreachable too.
	MaxRetries int
	// Wait sleeps before a retry; tests replace it so they never sleep. The
	// default sleeps for d or until ctx is done.
	Wait func(ctx context.Context, d time.Duration) error
	// OnRetry, when set, is told why a request is retried and after how long.
	OnRetry func(reason string, wait time.Duration)
	// OnNotice, when set, is told of things the user should know that are
	// not failures, such as a redirect away from the API's origin that the
	// token was not sent to. The text holds server-sent URLs: sanitise it.
	OnNotice func(msg string)

	// Pace spaces requests out: HF allows an anonymous client 500 API
	// calls per five minutes, so a long backfill must not burst past it.
	// NewClient sets DefaultPace; nil does not pace.
	Pace *rate.Limiter

	requests    atomic.Int64
	unreachable atomic.Bool // the last request could not reach the host
	noticed     sync.Map    // notices already given (each is given once)
}

// notice tells OnNotice of msg, once for the client's life: a sync's
// every request redirected the same way is one thing to know.
func (c *Client) notice(msg string) {
	if c.OnNotice == nil {
		return
	}
	if _, seen := c.noticed.LoadOrStore(msg, true); !seen {
		c.OnNotice(msg)
	}
}

// DefaultPace keeps a client within HF's anonymous limit of 500 calls per
// five minutes over any stretch, while a short sync (a week: a dozen
// calls) runs unpaced within the burst. A stretch can hold the whole burst
// and what the rate adds over five minutes: 60 + 440 = 500.
func DefaultPace() *rate.Limiter {
	return rate.NewLimiter(rate.Every(5*time.Minute/440), 60)
}

// NewClient returns a Client for baseURL ("" for Hugging Face) with the
// defaults spelled out.
func NewClient(baseURL string) *Client {
	if baseURL == "" {
		baseURL = DefaultBaseURL
	}
	return &Client{
		BaseURL:    strings.TrimRight(baseURL, "/"),
		HTTP:       &http.Client{},
		UserAgent:  defaultUserAgent(),
		PageSize:   DefaultPageSize,
		MaxPages:   DefaultMaxPages,
		Timeout:    DefaultTimeout,
		MaxBody:    DefaultMaxBody,
		MaxRetries: DefaultMaxRetries,
		Wait:       sleep,
		Pace:       DefaultPace(),
	}
}

// Window is what one day or month of the feed yielded.
type Window struct {
	Papers   []Paper     // de-duplicated on ID (Merge), in the order served
	Rejected []ItemError // Index counts items from the first page's start
	Requests int         // HTTP requests made, retries included
	// Listed is, for a paper listed on more than one feed day (in a
	// month's answer), each of those days, oldest first.
	Listed map[string][]string
}

// Requests is the number of HTTP requests this Client has made.
func (c *Client) Requests() int { return int(c.requests.Load()) }

// Day fetches every page of one feed day (YYYY-MM-DD).
func (c *Client) Day(ctx context.Context, day string) (Window, error) {
	if _, err := time.Parse(time.DateOnly, day); err != nil {
		return Window{}, fmt.Errorf("fetch daily papers: bad day %q: want YYYY-MM-DD", clip(day, 40))
	}
	w, err := c.window(ctx, url.Values{"date": {day}}, day)
	if err != nil {
		return w, fmt.Errorf("fetch daily papers %s: %w", day, err)
	}
	return w, nil
}

// Month fetches every page of one month (YYYY-MM). Each paper's Day comes
// from the item itself, since a month spans many feed days.
func (c *Client) Month(ctx context.Context, month string) (Window, error) {
	if _, err := time.Parse("2006-01", month); err != nil {
		return Window{}, fmt.Errorf("fetch daily papers: bad month %q: want YYYY-MM", clip(month, 40))
	}
	w, err := c.window(ctx, url.Values{"month": {month}}, "")
	if err != nil {
		return w, fmt.Errorf("fetch daily papers %s: %w", month, err)
	}
	return w, nil
}

// window pages through /api/daily_papers until a page is shorter than the
// limit. The API has no total or next link, so a server that keeps serving
// full pages is caught two ways: a page adding nothing new, and MaxPages.
// Any page that fails fails the window, so a day is never half-stored.
func (c *Client) window(ctx context.Context, q url.Values, day string) (Window, error) {
	var w Window
	limit := positive(c.PageSize, DefaultPageSize)
	seen := make(map[string]int) // id → index in w.Papers
	for page := 0; ; page++ {
		if page >= positive(c.MaxPages, DefaultMaxPages) {
			return w, fmt.Errorf("more than %d pages of %d items: giving up", page, limit)
		}
		q.Set("limit", strconv.Itoa(limit))
		q.Set("p", strconv.Itoa(page))
		u := c.base() + "/api/daily_papers?" + q.Encode()
		body, n, err := c.get(ctx, u)
		w.Requests += n
		if errors.Is(err, ErrNotFound) {
			// The feed answers [] for a day without papers: a 404 is the
			// address, not the day.
			return w, noFeed{url: u}
		}
		if err != nil {
			return w, err
		}
		papers, rejected, count, err := decodeArray(body, day, true)
		if err != nil {
			return w, fmt.Errorf("%s: %w", u, err)
		}
		fresh := len(rejected)
		for _, r := range rejected {
			r.Index += page * limit
			w.Rejected = append(w.Rejected, r)
		}
		for _, p := range papers {
			i, dup := seen[p.ID]
			switch {
			case !dup:
				seen[p.ID] = len(w.Papers)
				w.Papers = append(w.Papers, p)
				fresh++
			default:
				// A window spanning days can list a paper twice, seen at
				// different times: keep the later look, whatever the order,
				// and the first day it was featured, as a day-by-day sync does.
				w.listed(w.Papers[i].Day, p)
				w.Papers[i] = Merge(w.Papers[i], p)
			}
		}
		if count < limit {
			return w, nil
		}
		if fresh == 0 {
			return w, fmt.Errorf("%s: page %d repeats earlier pages: the server is not paging", u, page)
		}
	}
}

// listed records that p, already in the window on day, is listed again.
func (w *Window) listed(day string, p Paper) {
	if w.Listed == nil {
		w.Listed = map[string][]string{}
	}
	days := w.Listed[p.ID]
	if len(days) == 0 && day != "" {
		days = []string{day}
	}
	if p.Day != "" && !slices.Contains(days, p.Day) {
		days = append(days, p.Day)
		slices.Sort(days)
	}
	w.Listed[p.ID] = days
}

// Merge is one paper from two looks at it: the fresher one (upvotes and
// comments only grow) with the earlier feed day.
func Merge(a, b Paper) Paper {
	keep, other := a, b
	if b.Upvotes > a.Upvotes || (b.Upvotes == a.Upvotes && b.Comments > a.Comments) {
		keep, other = b, a
	}
	if other.Day != "" && (keep.Day == "" || other.Day < keep.Day) {
		keep.Day, keep.DayUnsure = other.Day, other.DayUnsure
	}
	return keep
}

// Paper fetches one paper by id (anything NormalizeID accepts).
func (c *Client) Paper(ctx context.Context, id string) (Paper, error) {
	id, err := NormalizeID(id)
	if err != nil {
		return Paper{}, fmt.Errorf("fetch paper: %w", err)
	}
	u := c.base() + "/api/papers/" + id
	body, _, err := c.get(ctx, u)
	if errors.Is(err, ErrNotFound) {
		return Paper{}, fmt.Errorf("fetch paper %s: %w", id, ErrNotFound)
	}
	if err != nil {
		return Paper{}, fmt.Errorf("fetch paper %s: %w", id, err)
	}
	p, err := DecodeItem(body, "")
	if err != nil {
		return Paper{}, fmt.Errorf("fetch paper %s: %s: %w", id, u, err)
	}
	if p.ID != id {
		// Stored, it would be another paper under the id asked for.
		return Paper{}, fmt.Errorf("fetch paper %s: %s answered another paper, %q", id, u, clip(p.ID, 40))
	}
	return p, nil
}

// Search asks HF's paper search. limit is clamped to the API's 1..120.
func (c *Client) Search(ctx context.Context, query string, limit int) ([]Paper, error) {
	query = strings.TrimSpace(query)
	if query == "" {
		return nil, errors.New("search papers: empty query")
	}
	if len(query) > 250 {
		return nil, fmt.Errorf("search papers: query is %d bytes, the API takes at most 250", len(query))
	}
	limit = min(max(limit, 1), 120)
	q := url.Values{"q": {query}, "limit": {strconv.Itoa(limit)}}
	u := c.base() + "/api/papers/search?" + q.Encode()
	body, _, err := c.get(ctx, u)
	if err != nil {
		return nil, fmt.Errorf("search papers %q: %w", query, err)
	}
	papers, err := DecodeSearch(body)
	if err != nil {
		return nil, fmt.Errorf("search papers %q: %s: %w", query, u, err)
	}
	return papers, nil
}

// Unreachable reports whether err (possibly wrapped) means the API host could
// not be reached at all: the name did not resolve, the connection was
// refused, there was no route, or connecting timed out. The reader says
// "offline" for these. An HTTP error status, a connection dropped after it
// was made, or a cancellation is not Unreachable.
func Unreachable(err error) bool {
	if err == nil {
		return false
	}
	var dns *net.DNSError
	if errors.As(err, &dns) {
		return true
	}
	var op *net.OpError
	if errors.As(err, &op) && op.Op == "dial" {
		return true
	}
	return errors.Is(err, syscall.ECONNREFUSED) || errors.Is(err, syscall.ENETUNREACH) ||
		errors.Is(err, syscall.EHOSTUNREACH)
}

// retryable marks a failure worth another attempt; after is the wait the
// server asked for, 0 to use backoff.
type retryable struct {
	reason      string
	after       time.Duration
	unreachable bool // the host could not be reached: retried once only
	err         error
}

func (r *retryable) Error() string { return r.err.Error() }
func (r *retryable) Unwrap() error { return r.err }

// bodyKind is what a request expects back: HF's JSON (or text), or
// arXiv's Atom, which is XML and so passes the markup checks that catch an
// HTML page served in place of JSON.
type bodyKind int

const (
	wantJSON bodyKind = iota
	wantAtom
	wantMarkdown // a paper text (/papers/{id}.md): markup is refused as for JSON, named as what it is not
	wantPDF      // arXiv's PDF: markup (a captcha or error page) is refused, named as what it is not
)

// String is what a body of the kind is called in an error: "answered
// text/html, not JSON".
func (k bodyKind) String() string {
	switch k {
	case wantAtom:
		return "Atom"
	case wantMarkdown:
		return "a paper text (Markdown)"
	case wantPDF:
		return "a PDF"
	}
	return "JSON"
}

// get fetches u and returns its body, retrying what is worth retrying. It
// also returns how many requests it made.
func (c *Client) get(ctx context.Context, u string) ([]byte, int, error) {
	return c.getAs(ctx, u, wantJSON)
}

// getAs is get expecting a body of the kind want.
func (c *Client) getAs(ctx context.Context, u string, want bodyKind) ([]byte, int, error) {
	retries := c.MaxRetries
	if retries == 0 {
		retries = DefaultMaxRetries
	}
	bo := &backoff.ExponentialBackOff{
		InitialInterval:     time.Second,
		RandomizationFactor: 0.5, // jitter, so clients that failed together retry apart
		Multiplier:          2,
		MaxInterval:         time.Minute,
	}
	wasUnreachable := c.unreachable.Load()
	for attempt := 0; ; attempt++ {
		if c.Pace != nil {
			if err := c.Pace.Wait(ctx); err != nil {
				return nil, attempt, fmt.Errorf("GET %s: %w", u, err)
			}
		}
		body, err := c.attempt(ctx, u, want)
		var again *retryable
		isRetryable := errors.As(err, &again)
		c.unreachable.Store(isRetryable && again.unreachable)
		if err == nil || !isRetryable || attempt >= retries {
			return body, attempt + 1, err
		}
		if again.reason == "timeout" && attempt > 0 {
			// A server that took the whole timeout twice is dripping or
			// stuck: more tries would cost minutes a day.
			return body, attempt + 1, err
		}
		wait := bo.NextBackOff()
		if again.after > 0 {
			wait = again.after
		}
		if again.unreachable {
			// Offline, most likely: one quick second try, none when the
			// previous request already failed the same way.
			if attempt > 0 || wasUnreachable {
				return nil, attempt + 1, err
			}
			wait = unreachableWait
		}
		if deadline, ok := ctx.Deadline(); ok && time.Until(deadline) < wait {
			// The wait would outlast what the caller allows: fail now with
			// why (a rate limit says so), not after it as "timed out".
			return nil, attempt + 1, err
		}
		if c.OnRetry != nil {
			c.OnRetry(again.reason, wait)
		}
		if err := c.wait(ctx, wait); err != nil {
			return nil, attempt + 1, fmt.Errorf("GET %s: %w", u, err)
		}
	}
}

// attempt makes one request. Its timeout covers reading the body.
func (c *Client) attempt(ctx context.Context, u string, want bodyKind) ([]byte, error) {
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("GET %s: %w", u, err)
	}
	if err := c.Check(); err != nil {
		return nil, err
	}
	timeout := positive(c.Timeout, DefaultTimeout)
	actx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	req, err := http.NewRequestWithContext(actx, http.MethodGet, u, nil)
	if err != nil {
		return nil, fmt.Errorf("GET %s: %w", u, err)
	}
	c.setHeaders(req, want)
	// Whether a connection was made tells a timeout while connecting (the
	// host is unreachable) from one while waiting for the answer.
	var connected atomic.Bool
	req = req.WithContext(httptrace.WithClientTrace(actx, &httptrace.ClientTrace{
		GotConn: func(httptrace.GotConnInfo) { connected.Store(true) },
	}))
	c.requests.Add(1)
	resp, err := c.httpClient().Do(req)
	if err != nil {
		return nil, c.transportError(ctx, u, timeout, !connected.Load(), err)
	}
	defer resp.Body.Close()
	if err := c.checkStatus(resp, u); err != nil {
		return nil, err
	}
	ctype := resp.Header.Get("Content-Type")
	if want.refuses(ctype) {
		return nil, wrongAnswer{url: u, what: quoteOdd(ctype), want: want}
	}
	limit := positive(c.MaxBody, DefaultMaxBody)
	body, err := io.ReadAll(io.LimitReader(resp.Body, limit+1))
	if err != nil {
		return nil, c.transportError(ctx, u, timeout, false, err)
	}
	return want.check(body, limit, u, ctype)
}

// accept is the Accept header of a request for the kind.
func (k bodyKind) accept() string {
	switch k {
	case wantAtom:
		return "application/atom+xml"
	case wantPDF:
		return "application/pdf"
	case wantMarkdown:
		return "text/markdown, text/plain;q=0.9, */*;q=0.1"
	}
	return "application/json"
}

// refuses says a Content-Type cannot be the kind: HTML or XML for JSON
// and Markdown (a login or error page), HTML for Atom (itself XML).
func (k bodyKind) refuses(ctype string) bool {
	if k == wantAtom {
		return isHTML(ctype)
	}
	return isMarkup(ctype)
}

// check refuses a body over limit or not of the kind, else returns it.
func (k bodyKind) check(body []byte, limit int64, u, ctype string) ([]byte, error) {
	if k == wantAtom {
		return checkAtomBody(body, limit, u)
	}
	return checkBody(body, limit, u, ctype, k)
}

func (c *Client) setHeaders(req *http.Request, want bodyKind) {
	req.Header.Set("Accept", want.accept())
	ua := c.UserAgent
	if ua == "" {
		ua = defaultUserAgent()
	}
	req.Header.Set("User-Agent", ua)
	if c.Token != "" {
		req.Header.Set("Authorization", "Bearer "+c.Token)
	}
}

// transportError classifies a failure to send or read: the caller's own
// cancellation is final; failing to reach the host is retried once; our
// timeout, resets and truncated bodies are retried. dialing says no
// connection had been made yet.
func (c *Client) transportError(ctx context.Context, u string, timeout time.Duration, dialing bool, err error) error {
	if ctx.Err() != nil {
		return fmt.Errorf("GET %s: %w", u, ctx.Err())
	}
	var ue *url.Error
	if errors.As(err, &ue) {
		err = ue.Err // it repeats the URL, which we name ourselves
	}
	if perm := permanentCause(err); perm != nil {
		return fmt.Errorf("GET %s: %w", u, perm)
	}
	timedOut := errors.Is(err, context.DeadlineExceeded)
	switch {
	case Unreachable(err):
		why := "host unreachable"
		if errors.Is(err, syscall.ECONNREFUSED) {
			why = "connection refused" // the host answered: nothing listens on the port
		}
		err = fmt.Errorf("GET %s: %s: %w", u, why, err)
		return &retryable{reason: why, unreachable: true, err: err}
	case timedOut && dialing:
		// Our timeout ended the dial itself: say it as net does.
		err = &net.OpError{Op: "dial", Net: "tcp", Err: context.DeadlineExceeded}
		err = fmt.Errorf("GET %s: host unreachable: timed out after %s connecting: %w", u, timeout, err)
		return &retryable{reason: "host unreachable", unreachable: true, err: err}
	case timedOut:
		err = fmt.Errorf("GET %s: timed out after %s: %w", u, timeout, context.DeadlineExceeded)
		return &retryable{reason: "timeout", err: err}
	}
	err = fmt.Errorf("GET %s: %w", u, err)
	return &retryable{reason: "connection failed", err: err}
}

// checkStatus turns a non-200 answer into an error, retryable for 429 and
// 5xx. The body of an error answer is not read: it is usually an HTML page.
func (c *Client) checkStatus(resp *http.Response, u string) error {
	code := resp.StatusCode
	err := fmt.Errorf("GET %s: %w", u, StatusError(code))
	switch {
	case code == http.StatusOK:
		return nil
	case code == http.StatusTooManyRequests:
		wait := rateLimitWait(resp.Header, time.Now())
		if wait > maxRateWait {
			asked := wait.Round(time.Second).String()
			if wait > 24*time.Hour { // a Retry-After far in the future
				asked = "more than a day"
			}
			return fmt.Errorf("GET %s: rate limited for %s: %w", u, asked, StatusError(code))
		}
		return &retryable{reason: "rate limited (HTTP 429)", after: wait, err: err}
	case code >= 500:
		return &retryable{reason: fmt.Sprintf("HTTP %d", code), err: err}
	case code == http.StatusNotFound:
		return fmt.Errorf("GET %s: %w", u, ErrNotFound)
	case code == http.StatusBadRequest:
		return fmt.Errorf("GET %s: bad request: %w", u, StatusError(code))
	}
	return err
}

// StatusError is an HTTP status other than 200 that ended a request.
type StatusError int

func (e StatusError) Error() string {
	return fmt.Sprintf("HTTP %d %s", int(e), http.StatusText(int(e)))
}

// noFeed is the feed's own address answering 404: a wrong --api.
type noFeed struct{ url string }

func (e noFeed) Error() string {
	return "GET " + e.url + ": " + e.reason() + "; check --api (or PAPERS_API_URL)"
}

func (e noFeed) reason() string { return "no feed at this address (HTTP 404)" }
func (e noFeed) Unwrap() error  { return ErrNotFound }

// wrongAnswer is an answer that is not of the kind asked for: a login
// page, a captive portal or a proxy's error page served with 200 OK.
type wrongAnswer struct {
	url, what string // what came: its Content-Type, or "markup (…)"
	want      bodyKind
}

func (e wrongAnswer) Error() string {
	return fmt.Sprintf("GET %s: answered %s, not %s", e.url, e.what, e.want)
}

// WrongKind reports an answer that is not of the kind asked for: an HTML
// page (a login wall, a proxy's error page) where JSON was asked. Callers
// tell it apart from a malformed answer of the right kind, which fails
// for other reasons.
func WrongKind(err error) bool {
	var wrong wrongAnswer
	return errors.As(err, &wrong)
}

// checkBody refuses a body over the cap (final: asking again would bring
// the same body) and markup served under a JSON label.
func checkBody(body []byte, limit int64, u, ctype string, want bodyKind) ([]byte, error) {
	if int64(len(body)) > limit {
		return nil, fmt.Errorf("GET %s: body larger than the %s cap", u, humanize.IBytes(uint64(limit)))
	}
	if t := bytes.TrimSpace(body); len(t) > 0 && t[0] == '<' {
		if ctype == "" {
			ctype = "no Content-Type"
		}
		return nil, wrongAnswer{url: u, what: "markup (" + quoteOdd(ctype) + ")", want: want}
	}
	return body, nil
}

// isMarkup reports an HTML or XML Content-Type: a login wall, an error page
// or a captive portal. Other types are let through, because test servers
// and proxies often label JSON text/plain; the decoder judges the bytes.
func isMarkup(ctype string) bool {
	mt, _, err := mime.ParseMediaType(ctype)
	if err != nil {
		return false
	}
	return strings.Contains(mt, "html") || strings.HasSuffix(mt, "xml")
}

// rateLimitWait reads how long a 429 asks us to wait: the RateLimit header's
// t= (HF's), else Retry-After in seconds or as an HTTP date; 0 if neither.
func rateLimitWait(h http.Header, now time.Time) time.Duration {
	for _, v := range h.Values("RateLimit") {
		for _, policy := range strings.Split(v, ",") {
			for _, param := range strings.Split(policy, ";") {
				k, val, ok := strings.Cut(strings.TrimSpace(param), "=")
				if n, err := strconv.Atoi(strings.TrimSpace(val)); ok && k == "t" && err == nil && n >= 0 {
					return time.Duration(n) * time.Second
				}
			}
		}
	}
	ra := strings.TrimSpace(h.Get("Retry-After"))
	if n, err := strconv.Atoi(ra); err == nil && n >= 0 {
		return time.Duration(n) * time.Second
	}
	if t, err := http.ParseTime(ra); err == nil && t.After(now) {
		return t.Sub(now)
	}
	return 0
}

func (c *Client) wait(ctx context.Context, d time.Duration) error {
	if c.Wait != nil {
		return c.Wait(ctx, d)
	}
	return sleep(ctx, d)
}

// sleep waits for d or until ctx is done, whichever comes first.
func sleep(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

func (c *Client) base() string {
	if c.BaseURL == "" {
		return DefaultBaseURL
	}
	return strings.TrimRight(c.BaseURL, "/")
}

// httpClient is c.HTTP (or the default) with our redirect policy: the
// token goes only to the API's own origin.
func (c *Client) httpClient() *http.Client {
	hc := http.DefaultClient
	if c.HTTP != nil {
		hc = c.HTTP
	}
	own := *hc
	own.CheckRedirect = c.checkRedirect
	return &own
}

func defaultUserAgent() string {
	return "papers/" + Version + " (+https://github.com/papertui/papers)"
}

// positive is v, or def when v is not positive.
func positive[T int | int64 | time.Duration](v, def T) T {
	if v <= 0 {
		return def
	}
	return v
}

// RetryText says why the client waits and for how long, the wait rounded
// as a person would say it ("retrying in 1.2s", not 1.210591547s).
func RetryText(reason string, wait time.Duration) string {
	switch {
	case wait < 10*time.Second:
		wait = wait.Round(100 * time.Millisecond)
	case wait < time.Hour:
		wait = wait.Round(time.Second)
	default:
		wait = wait.Round(time.Minute)
	}
	if wait <= 0 {
		return reason + "; retrying now"
	}
	return fmt.Sprintf("%s; retrying in %s", reason, wait)
}
