package feed

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

// recorder captures the waits the client asks for, so no test sleeps.
type recorder struct {
	mu    sync.Mutex
	waits []time.Duration
}

func (r *recorder) wait(ctx context.Context, d time.Duration) error {
	r.mu.Lock()
	r.waits = append(r.waits, d)
	r.mu.Unlock()
	return ctx.Err()
}

func (r *recorder) all() []time.Duration {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([]time.Duration(nil), r.waits...)
}

func newTestClient(t *testing.T, h http.HandlerFunc) (*Client, *recorder) {
	t.Helper()
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)
	c := NewClient(srv.URL)
	c.HTTP = srv.Client()
	rec := &recorder{}
	c.Wait = rec.wait
	c.Timeout = 2 * time.Second
	return c, rec
}

// itemsJSON is a daily_papers page of n items with ids from first on.
func itemsJSON(first, n int) string {
	parts := make([]string, n)
	for i := range n {
		id := fmt.Sprintf("2410.%05d", first+i)
		parts[i] = fmt.Sprintf(`{"paper":{"id":%q,"title":"Paper %d","upvotes":%d,"submittedOnDailyAt":"2024-10-%02dT08:00:00Z"},"title":"Paper %d","publishedAt":"2024-10-25T01:00:00Z"}`,
			id, first+i, i, 1+(first+i)%28, first+i)
	}
	return "[" + strings.Join(parts, ",") + "]"
}

func writeJSON(w http.ResponseWriter, body string) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	fmt.Fprint(w, body)
}

// pagedServer serves total items, limit per page, as the real API does.
func pagedServer(t *testing.T, total int, queries *[]string) http.HandlerFunc {
	var mu sync.Mutex
	return func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		*queries = append(*queries, r.URL.RawQuery)
		mu.Unlock()
		if r.URL.Path != "/api/daily_papers" {
			http.NotFound(w, r)
			return
		}
		limit, _ := strconv.Atoi(r.URL.Query().Get("limit"))
		p, _ := strconv.Atoi(r.URL.Query().Get("p"))
		from := min(p*limit, total)
		writeJSON(w, itemsJSON(10000+from, min(limit, total-from)))
	}
}

func TestDayPages(t *testing.T) {
	var queries []string
	c, _ := newTestClient(t, pagedServer(t, 230, &queries))
	w, err := c.Day(context.Background(), "2024-10-25")
	if err != nil {
		t.Fatal(err)
	}
	if len(w.Papers) != 230 || w.Requests != 3 || c.Requests() != 3 {
		t.Fatalf("%d papers in %d requests (client %d), want 230 in 3", len(w.Papers), w.Requests, c.Requests())
	}
	want := []string{"date=2024-10-25&limit=100&p=0", "date=2024-10-25&limit=100&p=1", "date=2024-10-25&limit=100&p=2"}
	if strings.Join(queries, " ") != strings.Join(want, " ") {
		t.Errorf("queries %v, want %v", queries, want)
	}
	for _, p := range w.Papers {
		if p.Day != "2024-10-25" {
			t.Fatalf("%s: day %s, want the day asked for", p.ID, p.Day)
		}
	}
	// An exact multiple of the limit needs one more, empty, page.
	queries = nil
	c2, _ := newTestClient(t, pagedServer(t, 200, &queries))
	if w, err := c2.Day(context.Background(), "2024-10-25"); err != nil || len(w.Papers) != 200 || w.Requests != 3 {
		t.Errorf("200 items: %d papers, %d requests, %v", len(w.Papers), w.Requests, err)
	}
}

func TestMonthTakesDayFromItems(t *testing.T) {
	var queries []string
	c, _ := newTestClient(t, pagedServer(t, 30, &queries))
	w, err := c.Month(context.Background(), "2024-10")
	if err != nil {
		t.Fatal(err)
	}
	if queries[0] != "limit=100&month=2024-10&p=0" {
		t.Errorf("query %s", queries[0])
	}
	if w.Papers[0].Day != "2024-10-05" || w.Papers[1].Day != "2024-10-06" {
		t.Errorf("days %s, %s: want each item's submittedOnDailyAt", w.Papers[0].Day, w.Papers[1].Day)
	}
	if _, err := c.Month(context.Background(), "2024-13"); err == nil {
		t.Error("bad month accepted")
	}
	if _, err := c.Day(context.Background(), "yesterday"); err == nil {
		t.Error("bad day accepted")
	}
}

func TestDayDeduplicatesAndReports(t *testing.T) {
	c, _ := newTestClient(t, func(w http.ResponseWriter, r *http.Request) {
		// A duplicate inside the page, a corrupt element, and p=1 repeating an id.
		switch r.URL.Query().Get("p") {
		case "0":
			page := itemsJSON(10000, 3)
			page = strings.TrimSuffix(page, "]") + `,"junk",` + strings.TrimPrefix(itemsJSON(10001, 1), "[")
			writeJSON(w, page)
		default:
			writeJSON(w, itemsJSON(10002, 2))
		}
	})
	c.PageSize = 5
	w, err := c.Day(context.Background(), "2024-10-25")
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, p := range w.Papers {
		ids = append(ids, p.ID)
	}
	if strings.Join(ids, " ") != "2410.10000 2410.10001 2410.10002 2410.10003" {
		t.Errorf("ids %v", ids)
	}
	if len(w.Rejected) != 1 || w.Rejected[0].Index != 3 {
		t.Errorf("rejected %v", w.Rejected)
	}
}

func TestDayStopsWhenServerDoesNotPage(t *testing.T) {
	c, _ := newTestClient(t, func(w http.ResponseWriter, r *http.Request) {
		writeJSON(w, itemsJSON(10000, 100)) // the same full page for every p
	})
	w, err := c.Day(context.Background(), "2024-10-25")
	if err == nil || !strings.Contains(err.Error(), "repeats earlier pages") || w.Requests != 2 {
		t.Errorf("err %v after %d requests", err, w.Requests)
	}
}

func TestDayMaxPages(t *testing.T) {
	c, _ := newTestClient(t, func(w http.ResponseWriter, r *http.Request) {
		p, _ := strconv.Atoi(r.URL.Query().Get("p"))
		writeJSON(w, itemsJSON(10000+p*10, 10)) // always full, always new
	})
	c.PageSize, c.MaxPages = 10, 4
	w, err := c.Day(context.Background(), "2024-10-25")
	if err == nil || !strings.Contains(err.Error(), "more than 4 pages") || w.Requests != 4 {
		t.Errorf("err %v after %d requests", err, w.Requests)
	}
}

func TestRateLimitWaitsAsTold(t *testing.T) {
	calls := 0
	c, rec := newTestClient(t, func(w http.ResponseWriter, r *http.Request) {
		calls++
		if calls == 1 {
			w.Header().Set("RateLimit", `"api";r=0;t=2`)
			w.Header().Set("Retry-After", "99")
			http.Error(w, "slow down", http.StatusTooManyRequests)
			return
		}
		writeJSON(w, itemsJSON(10000, 3))
	})
	var reasons []string
	c.OnRetry = func(reason string, wait time.Duration) { reasons = append(reasons, reason) }
	w, err := c.Day(context.Background(), "2024-10-25")
	if err != nil || len(w.Papers) != 3 || w.Requests != 2 {
		t.Fatalf("%d papers, %d requests, %v", len(w.Papers), w.Requests, err)
	}
	if waits := rec.all(); len(waits) != 1 || waits[0] != 2*time.Second {
		t.Errorf("waits %v, want [2s] from the RateLimit header", waits)
	}
	if len(reasons) != 1 || !strings.Contains(reasons[0], "429") {
		t.Errorf("OnRetry reasons %v", reasons)
	}
}

func TestRateLimitWait(t *testing.T) {
	now := time.Date(2025, 1, 1, 12, 0, 0, 0, time.UTC)
	tests := []struct {
		h    http.Header
		want time.Duration
	}{
		{http.Header{"Ratelimit": {`"api";r=0;t=42`}}, 42 * time.Second},
		{http.Header{"Ratelimit": {`"api";r=0;t=7`}, "Retry-After": {"99"}}, 7 * time.Second},
		{http.Header{"Retry-After": {"5"}}, 5 * time.Second},
		{http.Header{"Retry-After": {"Wed, 01 Jan 2025 12:00:30 GMT"}}, 30 * time.Second},
		{http.Header{"Ratelimit": {`"api";r=0`}}, 0},
		{http.Header{"Retry-After": {"soon"}}, 0},
		{http.Header{}, 0},
	}
	for _, tt := range tests {
		if got := rateLimitWait(tt.h, now); got != tt.want {
			t.Errorf("rateLimitWait(%v) = %s, want %s", tt.h, got, tt.want)
		}
	}
}

func TestRateLimitTooLong(t *testing.T) {
	c, _ := newTestClient(t, func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("RateLimit", `"api";r=0;t=86400`)
		w.WriteHeader(http.StatusTooManyRequests)
	})
	if _, err := c.Day(context.Background(), "2024-10-25"); err == nil || !strings.Contains(err.Error(), "rate limited for 24h") {
		t.Errorf("err %v", err)
	}
}

func TestServerErrorIsRetriedWithBackoff(t *testing.T) {
	calls := 0
	c, rec := newTestClient(t, func(w http.ResponseWriter, r *http.Request) {
		calls++
		if calls == 1 {
			http.Error(w, "<html>oops</html>", http.StatusInternalServerError)
			return
		}
		writeJSON(w, itemsJSON(10000, 1))
	})
	w, err := c.Day(context.Background(), "2024-10-25")
	if err != nil || len(w.Papers) != 1 || w.Requests != 2 {
		t.Fatalf("%d papers, %d requests, %v", len(w.Papers), w.Requests, err)
	}
	if waits := rec.all(); len(waits) != 1 || waits[0] < 500*time.Millisecond || waits[0] > 1500*time.Millisecond {
		t.Errorf("waits %v, want one jittered ~1s backoff", waits)
	}
}

func TestServerErrorGivesUp(t *testing.T) {
	c, rec := newTestClient(t, func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(http.StatusBadGateway)
	})
	c.MaxRetries = 3
	_, err := c.Day(context.Background(), "2024-10-25")
	if err == nil || !strings.Contains(err.Error(), "HTTP 502") || c.Requests() != 4 {
		t.Errorf("err %v after %d requests", err, c.Requests())
	}
	if waits := rec.all(); len(waits) != 3 || waits[2] <= waits[0] {
		t.Errorf("waits %v should grow", waits)
	}
	c.MaxRetries = -1
	before := c.Requests()
	if _, err := c.Day(context.Background(), "2024-10-25"); err == nil || c.Requests() != before+1 {
		t.Error("negative MaxRetries should not retry")
	}
}

func TestClientErrorsAreNotRetried(t *testing.T) {
	c, _ := newTestClient(t, func(w http.ResponseWriter, r *http.Request) {
		http.Error(w, `{"error":"Invalid date"}`, http.StatusBadRequest)
	})
	_, err := c.Day(context.Background(), "2024-10-25")
	if err == nil || !strings.Contains(err.Error(), "bad request") || c.Requests() != 1 {
		t.Errorf("err %v after %d requests", err, c.Requests())
	}
}

func TestBadBodiesFailTheWindow(t *testing.T) {
	tests := []struct {
		name  string
		h     http.HandlerFunc
		wants []string
	}{
		{"truncated JSON", func(w http.ResponseWriter, r *http.Request) {
			writeJSON(w, `[{"paper":{"id":"2410.17243","title":"cut`)
		}, []string{"truncated JSON", "/api/daily_papers?date=2024-10-25&limit=100&p=0"}},
		{"HTML by Content-Type", func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			fmt.Fprint(w, "<!doctype html><p>maintenance</p>")
		}, []string{"text/html", "not JSON", "/api/daily_papers?date=2024-10-25"}},
		{"HTML by body", func(w http.ResponseWriter, r *http.Request) {
			writeJSON(w, "  <html><p>login</p></html>")
		}, []string{"markup (application/json; charset=utf-8)", "/api/daily_papers?"}},
		{"HTML sniffed", func(w http.ResponseWriter, r *http.Request) {
			fmt.Fprint(w, "<html><p>login</p></html>")
		}, []string{"answered text/html", "/api/daily_papers?"}},
		{"object", func(w http.ResponseWriter, r *http.Request) {
			writeJSON(w, `{"error":"nope"}`)
		}, []string{"an object, not an array", "/api/daily_papers?"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, _ := newTestClient(t, tt.h)
			w, err := c.Day(context.Background(), "2024-10-25")
			if err == nil || len(w.Papers) != 0 || c.Requests() != 1 {
				t.Fatalf("want an error, no papers, no retry; got %d papers, %d requests, %v", len(w.Papers), c.Requests(), err)
			}
			for _, want := range tt.wants {
				if !strings.Contains(err.Error(), want) {
					t.Errorf("error %q lacks %q", err, want)
				}
			}
		})
	}
}

func TestJSONWithoutContentTypeIsAccepted(t *testing.T) {
	c, _ := newTestClient(t, func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, itemsJSON(10000, 2)) // Go sniffs this as text/plain
	})
	if w, err := c.Day(context.Background(), "2024-10-25"); err != nil || len(w.Papers) != 2 {
		t.Errorf("%v", err)
	}
}

func TestBodyCap(t *testing.T) {
	c, _ := newTestClient(t, func(w http.ResponseWriter, r *http.Request) {
		writeJSON(w, itemsJSON(10000, 50))
	})
	c.MaxBody = 1000
	_, err := c.Day(context.Background(), "2024-10-25")
	if err == nil || !strings.Contains(err.Error(), "1000 B cap") || !strings.Contains(err.Error(), "/api/daily_papers?") {
		t.Errorf("err %v", err)
	}
	if c.Requests() != 1 {
		t.Errorf("an oversized body was retried: %d requests", c.Requests())
	}
}

func TestTimeoutCoversSlowAnswers(t *testing.T) {
	release := make(chan struct{})
	t.Cleanup(func() { close(release) })
	handlers := map[string]http.HandlerFunc{
		"slow headers": func(w http.ResponseWriter, r *http.Request) {
			select {
			case <-release:
			case <-r.Context().Done():
			}
		},
		"trickling body": func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "application/json")
			fmt.Fprint(w, `[{"paper":`)
			w.(http.Flusher).Flush()
			for {
				select {
				case <-release:
					return
				case <-r.Context().Done():
					return
				case <-time.After(10 * time.Millisecond):
					fmt.Fprint(w, " ")
					w.(http.Flusher).Flush()
				}
			}
		},
	}
	for name, h := range handlers {
		t.Run(name, func(t *testing.T) {
			c, rec := newTestClient(t, h)
			c.Timeout = 100 * time.Millisecond
			c.MaxRetries = 1
			start := time.Now()
			_, err := c.Day(context.Background(), "2024-10-25")
			if err == nil || !strings.Contains(err.Error(), "timed out after 100ms") || !errors.Is(err, context.DeadlineExceeded) {
				t.Errorf("err %v", err)
			}
			if len(rec.all()) != 1 || c.Requests() != 2 {
				t.Errorf("a timeout should be retried once: waits %v, requests %d", rec.all(), c.Requests())
			}
			if d := time.Since(start); d > 2*time.Second {
				t.Errorf("took %s", d)
			}
		})
	}
}

// dropOnce answers the first request with a body cut short by closing the
// connection, then serves normally.
func TestConnectionDroppedMidBody(t *testing.T) {
	var mu sync.Mutex
	drops := 1
	c, _ := newTestClient(t, func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		drop := drops > 0
		drops--
		mu.Unlock()
		if !drop {
			writeJSON(w, itemsJSON(10000, 2))
			return
		}
		conn, buf, err := w.(http.Hijacker).Hijack()
		if err != nil {
			t.Error(err)
			return
		}
		fmt.Fprint(buf, "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 5000\r\n\r\n[{\"paper\":")
		buf.Flush()
		conn.Close()
	})
	w, err := c.Day(context.Background(), "2024-10-25")
	if err != nil || len(w.Papers) != 2 || w.Requests != 2 {
		t.Errorf("%d papers, %d requests, %v", len(w.Papers), w.Requests, err)
	}
	// Always dropped: the error says so, after the retries.
	mu.Lock()
	drops = 100
	mu.Unlock()
	c.MaxRetries = 2
	_, err = c.Day(context.Background(), "2024-10-25")
	if err == nil || !strings.Contains(err.Error(), "unexpected EOF") {
		t.Errorf("err %v", err)
	}
}

func TestContextCancel(t *testing.T) {
	t.Run("during a retry wait", func(t *testing.T) {
		c, _ := newTestClient(t, func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Retry-After", "60")
			w.WriteHeader(http.StatusTooManyRequests)
		})
		c.Wait = nil // the real sleep, which must give way to ctx
		// Cancelled, not a deadline: a wait past a deadline is not begun
		// (TestRateLimitPastTheDeadlineFailsAtOnce).
		ctx, cancel := context.WithCancel(context.Background())
		defer cancel()
		time.AfterFunc(50*time.Millisecond, cancel)
		start := time.Now()
		_, err := c.Day(ctx, "2024-10-25")
		if !errors.Is(err, context.Canceled) || time.Since(start) > 2*time.Second {
			t.Errorf("err %v after %s", err, time.Since(start))
		}
	})
	t.Run("during a request", func(t *testing.T) {
		c, rec := newTestClient(t, func(w http.ResponseWriter, r *http.Request) {
			<-r.Context().Done()
		})
		ctx, cancel := context.WithCancel(context.Background())
		time.AfterFunc(50*time.Millisecond, cancel)
		_, err := c.Day(ctx, "2024-10-25")
		if !errors.Is(err, context.Canceled) || len(rec.all()) != 0 {
			t.Errorf("err %v, waits %v: a cancel is not retried", err, rec.all())
		}
	})
	t.Run("before starting", func(t *testing.T) {
		c, _ := newTestClient(t, func(w http.ResponseWriter, r *http.Request) { t.Error("request made") })
		ctx, cancel := context.WithCancel(context.Background())
		cancel()
		if _, err := c.Paper(ctx, "2410.17243"); !errors.Is(err, context.Canceled) {
			t.Errorf("err %v", err)
		}
	})
}

func TestHeaders(t *testing.T) {
	var auth, ua, accept string
	c, _ := newTestClient(t, func(w http.ResponseWriter, r *http.Request) {
		auth, ua, accept = r.Header.Get("Authorization"), r.Header.Get("User-Agent"), r.Header.Get("Accept")
		http.Error(w, "nope", http.StatusForbidden)
	})
	_, _ = c.Day(context.Background(), "2024-10-25")
	if auth != "" {
		t.Errorf("Authorization sent without a token: %q", auth)
	}
	if ua != "papers/dev (+https://github.com/papertui/papers)" || accept != "application/json" {
		t.Errorf("User-Agent %q, Accept %q", ua, accept)
	}
	c.Token = "hf_secretTOKEN123"
	c.UserAgent = "papers/test"
	_, err := c.Day(context.Background(), "2024-10-25")
	if auth != "Bearer hf_secretTOKEN123" || ua != "papers/test" {
		t.Errorf("Authorization %q, User-Agent %q", auth, ua)
	}
	if err == nil || strings.Contains(err.Error(), "hf_secret") || !strings.Contains(err.Error(), "HTTP 403") {
		t.Errorf("error %v must name the status and never the token", err)
	}
}

func TestZeroClientUsesDefaults(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("User-Agent") != defaultUserAgent() || r.URL.Query().Get("limit") != "100" {
			t.Errorf("UA %q, query %s", r.Header.Get("User-Agent"), r.URL.RawQuery)
		}
		writeJSON(w, "[]")
	}))
	defer srv.Close()
	c := &Client{BaseURL: srv.URL + "/"}
	if w, err := c.Day(context.Background(), "2024-10-25"); err != nil || w.Requests != 1 {
		t.Errorf("%v", err)
	}
}

func TestPaper(t *testing.T) {
	flat := readTestdata(t, "paper-flat.json")
	c, _ := newTestClient(t, func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/api/papers/2605.13301" {
			w.Header().Set("Content-Type", "application/json")
			w.Write(flat)
			return
		}
		http.Error(w, `{"error":"Paper not found"}`, http.StatusNotFound)
	})
	p, err := c.Paper(context.Background(), "https://arxiv.org/abs/2605.13301v2")
	if err != nil || p.ID != "2605.13301" || p.Title != "A Flat Paper" || p.Day != "2026-05-14" {
		t.Fatalf("%+v, %v", p, err)
	}
	_, err = c.Paper(context.Background(), "2410.99999")
	if !errors.Is(err, ErrNotFound) || !strings.Contains(err.Error(), "2410.99999") || c.Requests() != 2 {
		t.Errorf("err %v after %d requests: want ErrNotFound naming the id, not retried", err, c.Requests())
	}
	if _, err := c.Paper(context.Background(), "not-an-id"); err == nil || c.Requests() != 2 {
		t.Errorf("a bad id should fail before any request: %v", err)
	}
}

// TestPaperOfAnotherID: an answer about another paper than the one asked
// for is refused, naming both (stored, it was another paper under the id).
func TestPaperOfAnotherID(t *testing.T) {
	flat := readTestdata(t, "paper-flat.json") // 2605.13301
	c, _ := newTestClient(t, func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		w.Write(flat)
	})
	_, err := c.Paper(context.Background(), "2608.55557")
	if err == nil || !strings.Contains(err.Error(), "2608.55557") || !strings.Contains(err.Error(), "2605.13301") {
		t.Errorf("answer of another paper: %v", err)
	}
}

func TestPaperSharedFixture(t *testing.T) {
	body, err := os.ReadFile(filepath.Join(sharedPath(t, "fixtures/hf"), "hf-paper-2605.15320.json"))
	if err != nil {
		t.Fatal(err)
	}
	c, _ := newTestClient(t, func(w http.ResponseWriter, r *http.Request) { w.Write(body) })
	if p, err := c.Paper(context.Background(), "2605.15320"); err != nil || p.ID != "2605.15320" || p.AISummary == "" {
		t.Errorf("%+v %v", p, err)
	}
}

func TestSearch(t *testing.T) {
	var query string
	c, _ := newTestClient(t, func(w http.ResponseWriter, r *http.Request) {
		query = r.URL.RawQuery
		if r.URL.Path != "/api/papers/search" {
			http.NotFound(w, r)
			return
		}
		writeJSON(w, `[{"paper":{"id":"2410.17243","title":"Wrapped"}},{"id":"2605.13301","title":"Flat"}]`)
	})
	papers, err := c.Search(context.Background(), " batch size & loss ", 500)
	if err != nil || len(papers) != 2 {
		t.Fatalf("%v %v", papers, err)
	}
	if query != "limit=120&q=batch+size+%26+loss" {
		t.Errorf("query %s", query)
	}
	if _, err := c.Search(context.Background(), "  ", 10); err == nil {
		t.Error("empty query accepted")
	}
	if _, err := c.Search(context.Background(), strings.Repeat("q", 251), 10); err == nil {
		t.Error("over-long query accepted")
	}
}

func TestUnreachableClassifies(t *testing.T) {
	refused := &net.OpError{Op: "dial", Net: "tcp", Err: os.NewSyscallError("connect", syscall.ECONNREFUSED)}
	tests := []struct {
		err  error
		want bool
	}{
		{nil, false},
		{refused, true},
		{fmt.Errorf("fetch: %w", &url.Error{Op: "Get", URL: "x", Err: refused}), true},
		{&net.DNSError{Err: "no such host", Name: "huggingface.co", IsNotFound: true}, true},
		{&net.OpError{Op: "dial", Net: "tcp", Err: &timeoutErr{}}, true},
		{fmt.Errorf("x: %w", syscall.ENETUNREACH), true},
		{os.NewSyscallError("connect", syscall.EHOSTUNREACH), true},
		{&net.OpError{Op: "read", Net: "tcp", Err: os.NewSyscallError("read", syscall.ECONNRESET)}, false},
		{io.ErrUnexpectedEOF, false},
		{context.DeadlineExceeded, false},
		{context.Canceled, false},
		{fmt.Errorf("GET x: %w", ErrNotFound), false},
	}
	for _, tt := range tests {
		if got := Unreachable(tt.err); got != tt.want {
			t.Errorf("Unreachable(%v) = %v, want %v", tt.err, got, tt.want)
		}
	}
}

type timeoutErr struct{}

func (*timeoutErr) Error() string { return "i/o timeout" }
func (*timeoutErr) Timeout() bool { return true }

// offlineClient is a Client whose every dial fails with dialErr (or, when
// dialErr is nil, hangs until the request gives up).
func offlineClient(dialErr error) (*Client, *recorder) {
	c := NewClient("http://huggingface.test")
	c.HTTP = &http.Client{Transport: &http.Transport{
		DialContext: func(ctx context.Context, network, addr string) (net.Conn, error) {
			if dialErr == nil {
				<-ctx.Done()
				return nil, ctx.Err() // no *net.OpError: only the timing says it was the dial

			}
			return nil, dialErr
		},
	}}
	rec := &recorder{}
	c.Wait = rec.wait
	return c, rec
}

func TestOfflineFailsFast(t *testing.T) {
	closed := httptest.NewServer(http.NotFoundHandler())
	closed.Close() // nothing listens on its address any more
	refusing := NewClient(closed.URL)
	refusingRec := &recorder{}
	refusing.Wait = refusingRec.wait
	dns, dnsRec := offlineClient(&net.OpError{Op: "dial", Net: "tcp",
		Err: &net.DNSError{Err: "no such host", Name: "huggingface.test", IsNotFound: true}})
	slow, slowRec := offlineClient(nil)
	slow.Timeout = 50 * time.Millisecond
	for name, tc := range map[string]struct {
		c   *Client
		rec *recorder
	}{"connection refused": {refusing, refusingRec}, "DNS failure": {dns, dnsRec}, "dial timeout": {slow, slowRec}} {
		t.Run(name, func(t *testing.T) {
			c, rec := tc.c, tc.rec
			start := time.Now()
			w, err := c.Day(context.Background(), "2024-10-25")
			want := "host unreachable"
			if name == "connection refused" {
				want = "connection refused:" // not "host unreachable": the host answered
			}
			if !Unreachable(err) || !strings.Contains(err.Error(), want) {
				t.Fatalf("err %v: want it Unreachable", err)
			}
			if waits := rec.all(); len(waits) != 1 || waits[0] > time.Second {
				t.Errorf("waits %v: want one short wait before the one retry", waits)
			}
			if w.Requests != 2 || c.Requests() != 2 {
				t.Errorf("%d requests (client %d), want 2", w.Requests, c.Requests())
			}
			// Still offline: the next days fail at the first attempt.
			for _, day := range []string{"2024-10-24", "2024-10-23", "2024-10-22"} {
				if _, err := c.Day(context.Background(), day); !Unreachable(err) {
					t.Errorf("%s: err %v", day, err)
				}
			}
			if len(rec.all()) != 1 || c.Requests() != 5 {
				t.Errorf("after 4 days offline: waits %v, %d requests; want 1 wait, 5 requests", rec.all(), c.Requests())
			}
			if d := time.Since(start); d > 2*time.Second {
				t.Errorf("took %s", d)
			}
		})
	}
}

func TestBackOnlineRetriesAgain(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		writeJSON(w, itemsJSON(10000, 2))
	}))
	t.Cleanup(srv.Close)
	var mu sync.Mutex
	fails := 3 // the first request and its retry, then the next request
	c := NewClient(srv.URL)
	c.HTTP = &http.Client{Transport: &http.Transport{
		DisableKeepAlives: true, // every request dials
		DialContext: func(ctx context.Context, network, addr string) (net.Conn, error) {
			mu.Lock()
			defer mu.Unlock()
			if fails > 0 {
				fails--
				return nil, &net.OpError{Op: "dial", Net: network, Err: os.NewSyscallError("connect", syscall.ENETUNREACH)}
			}
			return (&net.Dialer{}).DialContext(ctx, network, addr)
		},
	}}
	rec := &recorder{}
	c.Wait = rec.wait
	for i := range 2 {
		if _, err := c.Day(context.Background(), "2024-10-25"); !Unreachable(err) {
			t.Fatalf("request %d: err %v", i, err)
		}
	}
	w, err := c.Day(context.Background(), "2024-10-25")
	if err != nil || len(w.Papers) != 2 {
		t.Fatalf("back online: %v", err)
	}
	// Reachable again: a later unreachable request gets its retry again.
	mu.Lock()
	fails = 1
	mu.Unlock()
	if w, err := c.Day(context.Background(), "2024-10-25"); err != nil || w.Requests != 2 {
		t.Errorf("a blip after recovery: %d requests, %v", w.Requests, err)
	}
	if len(rec.all()) != 2 {
		t.Errorf("waits %v", rec.all())
	}
}

func TestHTTPErrorsAreNotUnreachable(t *testing.T) {
	c, _ := newTestClient(t, func(w http.ResponseWriter, r *http.Request) {
		if strings.HasPrefix(r.URL.Path, "/api/papers/") {
			http.NotFound(w, r)
			return
		}
		http.Error(w, "oops", http.StatusInternalServerError)
	})
	c.MaxRetries = 1
	if _, err := c.Day(context.Background(), "2024-10-25"); err == nil || Unreachable(err) {
		t.Errorf("HTTP 500: err %v should not be Unreachable", err)
	}
	if _, err := c.Paper(context.Background(), "2410.17243"); !errors.Is(err, ErrNotFound) || Unreachable(err) {
		t.Errorf("HTTP 404: err %v should be ErrNotFound, not Unreachable", err)
	}
	dropped, _ := newTestClient(t, func(w http.ResponseWriter, r *http.Request) {
		conn, buf, _ := w.(http.Hijacker).Hijack()
		fmt.Fprint(buf, "HTTP/1.1 200 OK\r\nContent-Length: 5000\r\n\r\n[{")
		buf.Flush()
		conn.Close()
	})
	dropped.MaxRetries = -1
	if _, err := dropped.Day(context.Background(), "2024-10-25"); err == nil || Unreachable(err) {
		t.Errorf("dropped mid-body: err %v should not be Unreachable", err)
	}
}

func TestRetryText(t *testing.T) {
	for wait, want := range map[time.Duration]string{
		1210591547 * time.Nanosecond: "HTTP 503; retrying in 1.2s",
		42 * time.Second:             "HTTP 503; retrying in 42s",
		0:                            "HTTP 503; retrying now",
		-time.Second:                 "HTTP 503; retrying now",
	} {
		if got := RetryText("HTTP 503", wait); got != want {
			t.Errorf("RetryText(%v) = %q, want %q", wait, got, want)
		}
	}
}

// TestRateLimitPastTheDeadlineFailsAtOnce: a wait the caller's deadline
// cannot hold fails at once, saying rate limited, not after the deadline
// as "timed out" (a 200 s Retry-After held a sync 5 min 20 s).
func TestRateLimitPastTheDeadlineFailsAtOnce(t *testing.T) {
	c, rec := newTestClient(t, func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Retry-After", "200")
		http.Error(w, "slow down", http.StatusTooManyRequests)
	})
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	_, err := c.Day(ctx, "2024-10-25")
	if err == nil || !strings.Contains(Reason(err), "429") {
		t.Errorf("err %v, reason %q: want the rate limit", err, Reason(err))
	}
	if waits := rec.all(); len(waits) != 0 {
		t.Errorf("waited %v past the deadline", waits)
	}
}
