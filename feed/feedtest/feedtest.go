// Package feedtest is a stand-in for the Hugging Face papers API, served
// from recorded or generated days by an httptest.Server, for tests of
// everything that syncs. It pages, answers month windows and papers by id
// like the real API, and can be told to misbehave.
package feedtest

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"sort"
	"strconv"
	"strings"
	"sync"
	"testing"
)

// Server serves days of items.
type Server struct {
	*httptest.Server

	// ListEachDay makes a month's answer list a paper once for each day
	// it was featured, not once (whether HF does is not known).
	ListEachDay bool

	mu       sync.Mutex
	days     map[string][]json.RawMessage // feed day → items, in order, as served
	ids      map[string][]string          // feed day → its items' paper ids, in order
	papers   map[string]json.RawMessage   // id → flat paper object
	fault    map[string][]Fault           // feed day (or month) → faults to answer with, in turn
	requests []string                     // every request URI
	texts    map[string]string            // id → /papers/{id}.md answer
	versions map[string]int               // id → latest arXiv version, for /api/query
}

// Fault is one misbehaviour, used once.
type Fault func(w http.ResponseWriter, r *http.Request)

// New starts a server; it is closed when the test ends.
func New(t testing.TB) *Server {
	s := &Server{days: map[string][]json.RawMessage{}, ids: map[string][]string{}, papers: map[string]json.RawMessage{}, fault: map[string][]Fault{}}
	mux := http.NewServeMux()
	mux.HandleFunc("/api/daily_papers", s.daily)
	mux.HandleFunc("/api/papers/search", s.search)
	mux.HandleFunc("/api/papers/{id}", s.paper)
	mux.HandleFunc("/papers/{file}", s.text)
	mux.HandleFunc("/api/query", s.arxiv) // arXiv's export API: see arxiv.go
	s.Server = httptest.NewServer(s.record(mux))
	t.Cleanup(s.Close)
	return s
}

func (s *Server) record(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.mu.Lock()
		s.requests = append(s.requests, r.URL.RequestURI())
		s.mu.Unlock()
		next.ServeHTTP(w, r)
	})
}

// SetDay replaces what the server answers for a feed day with body, a JSON
// array of items (the API's own answer for ?date=day).
func (s *Server) SetDay(day string, body []byte) error {
	var items []json.RawMessage
	if err := json.Unmarshal(body, &items); err != nil {
		return fmt.Errorf("feedtest: day %s: %w", day, err)
	}
	// Each item is made what encoding/json would write (compact, HTML
	// escaped) and its id read once, here: a month's answer is asked for
	// a page at a time, and doing both at every request made the server,
	// not the client, most of a sync benchmark's time.
	ids := make([]string, len(items))
	for i, it := range items {
		var id struct {
			Paper struct{ ID string } `json:"paper"`
		}
		json.Unmarshal(it, &id)
		ids[i] = id.Paper.ID
		var compact bytes.Buffer
		if err := json.Compact(&compact, it); err != nil {
			return fmt.Errorf("feedtest: day %s item %d: %w", day, i, err)
		}
		var served bytes.Buffer
		json.HTMLEscape(&served, compact.Bytes())
		items[i] = served.Bytes()
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.days[day] = items
	s.ids[day] = ids
	return nil
}

// SetPaper sets the answer of /api/papers/{id}.
func (s *Server) SetPaper(id string, body []byte) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.papers[id] = body
}

// FailNext makes the next requests for a day ("2025-10-02") or month
// ("2025-10") answer with the faults, one per request, before the day is
// served normally again.
func (s *Server) FailNext(window string, faults ...Fault) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.fault[window] = append(s.fault[window], faults...)
}

// ClearFaults forgets the faults not yet used for a window.
func (s *Server) ClearFaults(window string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	delete(s.fault, window)
}

// Requests lists the request URIs served so far.
func (s *Server) Requests() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]string(nil), s.requests...)
}

func (s *Server) takeFault(window string) Fault {
	s.mu.Lock()
	defer s.mu.Unlock()
	fs := s.fault[window]
	if len(fs) == 0 {
		return nil
	}
	s.fault[window] = fs[1:]
	return fs[0]
}

func (s *Server) daily(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	window := q.Get("date") + q.Get("month")
	if f := s.takeFault(window); f != nil {
		f(w, r)
		return
	}
	limit, err := strconv.Atoi(q.Get("limit"))
	if err != nil || limit < 1 || limit > 100 {
		limit = 50
	}
	page, _ := strconv.Atoi(q.Get("p"))
	var items []json.RawMessage
	switch {
	case q.Get("date") != "":
		items = s.day(q.Get("date"))
	case q.Get("month") != "":
		items = s.month(q.Get("month"))
	default:
		http.Error(w, `{"error":"a date is required here"}`, http.StatusBadRequest)
		return
	}
	start := min(page*limit, len(items))
	end := min(start+limit, len(items))
	// The items are stored as served (SetDay): joined, not encoded again.
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	var b bytes.Buffer
	b.WriteByte('[')
	for i, it := range items[start:end] {
		if i > 0 {
			b.WriteByte(',')
		}
		b.Write(it)
	}
	b.WriteString("]\n")
	w.Write(b.Bytes())
}

func (s *Server) day(day string) []json.RawMessage {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.days[day]
}

// month answers like the real API: the month's days and, as HF's windows
// do, the last day of the month before (a spilled edge), newest first.
func (s *Server) month(month string) []json.RawMessage {
	s.mu.Lock()
	defer s.mu.Unlock()
	var days []string
	for d := range s.days {
		if strings.HasPrefix(d, month) {
			days = append(days, d)
		}
	}
	sort.Sort(sort.Reverse(sort.StringSlice(days)))
	if prev := s.lastDayBefore(month); prev != "" {
		days = append(days, prev)
	}
	seen := map[string]bool{}
	var items []json.RawMessage
	for _, d := range days {
		for i, it := range s.days[d] {
			if id := s.ids[d][i]; !seen[id] || s.ListEachDay {
				seen[id] = true
				items = append(items, it)
			}
		}
	}
	return items
}

func (s *Server) lastDayBefore(month string) string {
	best := ""
	for d := range s.days {
		if d < month && d > best {
			best = d
		}
	}
	return best
}

func (s *Server) paper(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	body, ok := s.papers[r.PathValue("id")]
	s.mu.Unlock()
	if !ok {
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(http.StatusNotFound)
		fmt.Fprint(w, `{"error":"Paper not found"}`)
		return
	}
	w.Header().Set("Content-Type", "application/json")
	w.Write(body)
}

// search answers with every stored item whose text contains q, in the
// wrapped daily-papers shape.
func (s *Server) search(w http.ResponseWriter, r *http.Request) {
	q := strings.ToLower(r.URL.Query().Get("q"))
	s.mu.Lock()
	var hits []json.RawMessage
	for _, items := range s.days {
		for _, it := range items {
			if strings.Contains(strings.ToLower(string(it)), q) {
				hits = append(hits, it)
			}
		}
	}
	s.mu.Unlock()
	writeJSON(w, hits)
}

func writeJSON(w http.ResponseWriter, items []json.RawMessage) {
	if items == nil {
		items = []json.RawMessage{}
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	json.NewEncoder(w).Encode(items)
}

// Faults.

// Status answers with an HTTP status and a short body.
func Status(code int) Fault {
	return func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(code)
		fmt.Fprintf(w, `{"error":"status %d"}`, code)
	}
}

// RateLimited answers 429 asking to wait seconds, as HF does.
func RateLimited(seconds int) Fault {
	return func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("RateLimit", fmt.Sprintf(`"api";r=0;t=%d`, seconds))
		w.WriteHeader(http.StatusTooManyRequests)
	}
}

// Body answers 200 with a fixed body and content type.
func Body(contentType, body string) Fault {
	return func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", contentType)
		fmt.Fprint(w, body)
	}
}
