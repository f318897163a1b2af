package feed

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"
)

// tokenSink records whether any request it served carried a token.
type tokenSink struct {
	mu   sync.Mutex
	seen []string
}

func (s *tokenSink) handler(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	s.seen = append(s.seen, r.Header.Get("Authorization"))
	s.mu.Unlock()
	writeJSON(w, "[]")
}

func (s *tokenSink) tokens() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]string(nil), s.seen...)
}

func redirector(to string) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, to+r.URL.RequestURI(), http.StatusFound)
	}
}

// TestTokenOnlyToItsOrigin: a redirect to another port of the same host,
// another host, or from HTTPS to plain HTTP never carries HF_TOKEN, and
// the client says the redirect left the origin.
func TestTokenOnlyToItsOrigin(t *testing.T) {
	sink := &tokenSink{}
	other := httptest.NewServer(http.HandlerFunc(sink.handler)) // same host, another port
	defer other.Close()
	otherHost := strings.Replace(other.URL, "127.0.0.1", "localhost", 1)

	for name, api := range map[string]*httptest.Server{
		"http to another port":  httptest.NewServer(redirector(other.URL)),
		"http to another host":  httptest.NewServer(redirector(otherHost)),
		"https to plain http":   httptest.NewTLSServer(redirector(other.URL)),
		"https to another port": httptest.NewTLSServer(redirector(strings.Replace(other.URL, "http:", "https:", 1))),
	} {
		t.Run(name, func(t *testing.T) {
			defer api.Close()
			before := len(sink.tokens())
			c := NewClient(api.URL)
			c.HTTP = api.Client()
			c.Token = "hf_secret"
			c.MaxRetries = -1
			var notices []string
			c.OnNotice = func(m string) { notices = append(notices, m) }
			c.Day(context.Background(), "2025-01-02")
			c.Day(context.Background(), "2025-01-03") // redirected again: said once
			if len(notices) > 1 {
				t.Errorf("the redirect was told %d times: %q", len(notices), notices)
			}
			for _, tok := range sink.tokens()[before:] {
				if tok != "" {
					t.Errorf("the other origin got %q", tok)
				}
			}
			if len(sink.tokens()) > before && (len(notices) == 0 || !strings.Contains(notices[0], "HF_TOKEN not sent")) {
				t.Errorf("notices %q: want one saying the token was withheld", notices)
			}
			for _, n := range notices {
				if strings.Contains(n, "hf_secret") {
					t.Error("a notice shows the token")
				}
			}
		})
	}
}

func TestTokenKeptOnItsOwnOrigin(t *testing.T) {
	sink := &tokenSink{}
	mux := http.NewServeMux()
	mux.HandleFunc("/api/daily_papers", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/moved?"+r.URL.RawQuery, http.StatusMovedPermanently)
	})
	mux.HandleFunc("/moved", sink.handler)
	srv := httptest.NewServer(mux)
	defer srv.Close()
	c := NewClient(srv.URL)
	c.Token = "hf_secret"
	if _, err := c.Day(context.Background(), "2025-01-02"); err != nil {
		t.Fatal(err)
	}
	if got := sink.tokens(); len(got) != 1 || got[0] != "Bearer hf_secret" {
		t.Errorf("same-origin redirect got %q", got)
	}
}

// TestPermanentFailuresAreNotRetried: what cannot succeed is tried once.
func TestPermanentFailuresAreNotRetried(t *testing.T) {
	var loops int
	loop := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		loops++
		http.Redirect(w, r, r.URL.RequestURI(), http.StatusFound)
	}))
	defer loop.Close()
	file := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "file:///etc/passwd", http.StatusFound)
	}))
	defer file.Close()
	plain := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { writeJSON(w, "[]") }))
	defer plain.Close()

	for _, tt := range []struct {
		name, base, token, want string
	}{
		{"redirect loop", loop.URL, "", "redirect loop"},
		{"redirect to file", file.URL, "", "file:"},
		{"file api", "file:///tmp/x", "", "only http and https"},
		{"ftp api", "ftp://example.com", "", "only http and https"},
		{"javascript api", "javascript:alert(1)", "", "only http and https"},
		{"host and port without a scheme", "127.0.0.1:8765", "", "no scheme; write it as https://127.0.0.1:8765"},
		{"host without a scheme", "huggingface.co", "", "no scheme; write it as https://huggingface.co"},
		{"token with CR LF", plain.URL, "hf_abc\r\nX-Evil: 1", "HF_TOKEN"},
		{"token with LF", plain.URL, "hf_abc\n", "HF_TOKEN"},
		{"https api on an http server", strings.Replace(plain.URL, "http:", "https:", 1), "", "HTTP"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			c := NewClient(tt.base)
			c.Token = tt.token
			rec := &recorder{}
			c.Wait = rec.wait
			_, err := c.Day(context.Background(), "2025-01-02")
			if err == nil || !strings.Contains(err.Error(), tt.want) || !errors.Is(err, ErrPermanent) {
				t.Errorf("err %v: want a permanent error saying %q", err, tt.want)
			}
			if len(rec.all()) > 0 {
				t.Errorf("retried after %v", rec.all())
			}
			if tt.token != "" && strings.Contains(err.Error(), "hf_abc") {
				t.Error("the error shows the token")
			}
		})
	}
	if loops > maxRedirects+1 {
		t.Errorf("the loop was followed %d times", loops)
	}
}

// TestDrippingServerTriedTwiceOnly: a body that drips past the timeout is
// tried twice, not MaxRetries times (a day once cost 166 s).
func TestDrippingServerTriedTwiceOnly(t *testing.T) {
	release := make(chan struct{})
	defer close(release)
	c, rec := newTestClient(t, func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		for {
			w.Write([]byte(" "))
			w.(http.Flusher).Flush()
			select {
			case <-release:
				return
			case <-r.Context().Done():
				return
			case <-time.After(5 * time.Millisecond):
			}
		}
	})
	c.Timeout = 50 * time.Millisecond
	c.MaxRetries = DefaultMaxRetries
	if _, err := c.Day(context.Background(), "2025-01-02"); !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("err %v", err)
	}
	if c.Requests() != 2 || len(rec.all()) != 1 {
		t.Errorf("%d requests, waits %v: want one retry", c.Requests(), rec.all())
	}
}

// TestBaseURLWithCredentialsIsRefusedWithoutEchoingThem: an --api with
// user:pass@ is refused, and the error never carries the password.
func TestBaseURLWithCredentialsIsRefusedWithoutEchoingThem(t *testing.T) {
	for _, base := range []string{"https://me:s3cret@example.org", "ftp://me:s3cret@example.org", "http://s3cret@example.org:8080/x"} {
		err := CheckBaseURL(base)
		if err == nil {
			t.Errorf("%s: accepted", base)
			continue
		}
		if strings.Contains(err.Error(), "s3cret") {
			t.Errorf("%s: error shows the secret: %v", base, err)
		}
	}
}

// TestBaseURLWithQueryOrFragmentIsRefused: request paths are joined onto
// the base, so a "?" or "#" in it would send every request to the base
// itself, and whatever it answers would be stored as the feed.
func TestBaseURLWithQueryOrFragmentIsRefused(t *testing.T) {
	for _, base := range []string{"http://127.0.0.1:8001/sub?x=1#f", "https://example.org/?", "https://example.org#top", "https://example.org/#"} {
		err := CheckBaseURL(base)
		if err == nil || !strings.Contains(err.Error(), "query or fragment") {
			t.Errorf("%s: %v, want a query or fragment refused", base, err)
		}
	}
	for _, base := range []string{"https://huggingface.co", "http://127.0.0.1:8001/", "https://example.org/mirror"} {
		if err := CheckBaseURL(base); err != nil {
			t.Errorf("%s: %v", base, err)
		}
	}
}
