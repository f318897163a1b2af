package feedtest

import (
	"fmt"
	"html"
	"net/http"
	"strings"
)

// The server also stands in for arXiv's export API at /api/query (point a
// version check at URL + "/api/query"): it answers id_list queries in
// Atom shaped like arXiv's, one entry per id it has a version for.

// ArxivFault is the FailNext key of the arXiv stand-in's next answers.
const ArxivFault = "arxiv"

// SetVersion sets the latest arXiv version of a paper; 0 forgets it, so
// the stand-in, like arXiv for an id it does not know, lists no entry.
func (s *Server) SetVersion(id string, version int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.versions == nil {
		s.versions = map[string]int{}
	}
	if version <= 0 {
		delete(s.versions, id)
		return
	}
	s.versions[id] = version
}

func (s *Server) arxiv(w http.ResponseWriter, r *http.Request) {
	if f := s.takeFault(ArxivFault); f != nil {
		f(w, r)
		return
	}
	list := r.URL.Query().Get("id_list")
	var b strings.Builder
	b.WriteString(`<?xml version="1.0" encoding="UTF-8"?>` + "\n" + `<feed xmlns="http://www.w3.org/2005/Atom">` + "\n")
	fmt.Fprintf(&b, "  <title type=\"html\">ArXiv Query: search_query=&amp;id_list=%s</title>\n", html.EscapeString(list))
	b.WriteString("  <id>http://arxiv.org/api/feedtest</id>\n  <updated>2026-11-30T00:00:00-05:00</updated>\n")
	s.mu.Lock()
	for _, id := range strings.Split(list, ",") {
		v, ok := s.versions[id]
		if !ok {
			continue
		}
		fmt.Fprintf(&b, "  <entry>\n    <id>http://arxiv.org/abs/%sv%d</id>\n    <updated>2026-11-02T10:00:00Z</updated>\n", html.EscapeString(id), v)
		fmt.Fprintf(&b, "    <published>2026-10-01T10:00:00Z</published>\n    <title>A Study of %s Reasoning</title>\n", html.EscapeString(id))
		b.WriteString("    <summary>We study reasoning.</summary>\n    <author><name>Ada Lovelace</name></author>\n")
		fmt.Fprintf(&b, "    <link href=\"http://arxiv.org/abs/%sv%d\" rel=\"alternate\" type=\"text/html\"/>\n  </entry>\n", html.EscapeString(id), v)
	}
	s.mu.Unlock()
	b.WriteString("</feed>\n")
	w.Header().Set("Content-Type", "application/atom+xml; charset=utf-8")
	fmt.Fprint(w, b.String())
}
