package feed

import (
	"context"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"
)

// TestReasonSaysWhyFirst: each way a request fails has a few words that
// say why, which the reader's status line shows before the URL and the
// chain of causes; what has none gives "", for the caller to show the
// error itself.
func TestReasonSaysWhyFirst(t *testing.T) {
	closed := httptest.NewServer(http.NotFoundHandler())
	closed.Close()
	refusing := NewClient(closed.URL)
	refusing.Wait = (&recorder{}).wait
	dns, _ := offlineClient(&net.OpError{Op: "dial", Net: "tcp",
		Err: &net.DNSError{Err: "no such host", Name: "huggingface.test", IsNotFound: true}})
	slow, _ := offlineClient(nil)
	slow.Timeout = 50 * time.Millisecond
	status := func(code int, body string) *Client {
		c, _ := newTestClient(t, func(w http.ResponseWriter, r *http.Request) {
			w.WriteHeader(code)
			w.Write([]byte(body))
		})
		c.MaxRetries = -1
		return c
	}
	rateLimited, _ := newTestClient(t, func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("RateLimit", `"api";r=0;t=86400`) // past the longest wait: not retried
		w.WriteHeader(http.StatusTooManyRequests)
	})
	for _, c := range []struct {
		name, want string
		status     int // StatusOf
		c          *Client
	}{
		{"refused", "connection refused by " + strings.TrimPrefix(closed.URL, "http://"), 0, refusing},
		{"no DNS", "offline? cannot look up huggingface.test", 0, dns},
		{"dial timeout", "offline? the feed's host did not answer", 0, slow},
		{"503", "HTTP 503 Service Unavailable", 503, status(503, "<html>down</html>")},
		{"403", "HTTP 403 Forbidden", 403, status(403, "")},
		{"404", "no feed at this address (HTTP 404)", 404, status(404, "")},
		{"400", "HTTP 400 Bad Request", 400, status(400, `{"error":"Invalid date"}`)},
		{"429 for a day", "HTTP 429 Too Many Requests", 429, rateLimited},
		{"malformed", "", 0, status(200, `[{"paper":`)},
		{"markup", "answered text/html; charset=utf-8, not JSON", 0, status(200, "<html>login</html>")},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, err := c.c.Day(context.Background(), "2024-10-25")
			if err == nil {
				t.Fatal("the request did not fail")
			}
			if got := Reason(err); got != c.want {
				t.Errorf("Reason(%v) = %q, want %q", err, got, c.want)
			}
			if got := StatusOf(err); got != c.status {
				t.Errorf("StatusOf(%v) = %d, want %d", err, got, c.status)
			}
		})
	}
	if Reason(nil) != "" {
		t.Error("Reason(nil) is not empty")
	}
}

// TestReasonOfABodyThatIsNoPaperText: a 200 answer to /papers/{id}.md
// without the wrapper (an error object, a throttling message) has a short
// reason, as every other failure does, for fetch --json and the reader.
func TestReasonOfABodyThatIsNoPaperText(t *testing.T) {
	c, _ := newTestClient(t, func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		w.Write([]byte(`{"error":"Invalid"}`))
	})
	_, err := c.FullText(context.Background(), "2503.10291")
	if err == nil {
		t.Fatal("no error for a body without the wrapper")
	}
	if got := Reason(err); got != "not a paper text" {
		t.Errorf("Reason(%v) = %q", err, got)
	}
}
