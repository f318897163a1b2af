package feed

import (
	"context"
	"fmt"
	"net/http"
	"os"
	"strings"
	"sync"
	"testing"
)

func atomFixture(t *testing.T, name string) []byte {
	t.Helper()
	b, err := os.ReadFile("testdata/arxiv/" + name)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestParseVersions(t *testing.T) {
	got, err := ParseVersions(atomFixture(t, "versions.xml"))
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]int{"2410.17243": 2, "2503.10291": 1, "2501.00001": 12}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("versions = %v, want %v", got, want)
	}
	if got, err := ParseVersions(atomFixture(t, "empty.xml")); err != nil || len(got) != 0 {
		t.Errorf("no entries: %v %v", got, err)
	}
	_, err = ParseVersions(atomFixture(t, "error.xml"))
	if err == nil || !strings.Contains(err.Error(), "incorrect id format for 2410.1724") {
		t.Errorf("error entry: %v", err)
	}
	for _, bad := range []string{"", "garbage", `{"id":"2410.17243"}`, "<feed><entry><id>", "<rss></rss>"} {
		if _, err := ParseVersions([]byte(bad)); err == nil {
			t.Errorf("%q parsed", bad)
		}
	}
}

func TestVersionsAsksInBatches(t *testing.T) {
	var mu sync.Mutex
	var asked []string
	c, _ := newTestClient(t, func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		asked = append(asked, r.URL.RawQuery)
		mu.Unlock()
		ids := strings.Split(r.URL.Query().Get("id_list"), ",")
		w.Header().Set("Content-Type", "application/atom+xml; charset=utf-8")
		fmt.Fprint(w, `<?xml version="1.0" encoding="UTF-8"?><feed xmlns="http://www.w3.org/2005/Atom">`)
		for _, id := range ids {
			if id == "2501.00007" { // arXiv does not know it
				continue
			}
			fmt.Fprintf(w, "<entry><id>http://arxiv.org/abs/%sv3</id><title>T</title></entry>", id)
		}
		fmt.Fprint(w, `</feed>`)
	})
	c.Pace = nil
	var ids []string
	for i := range VersionBatch + 10 {
		ids = append(ids, fmt.Sprintf("2501.%05d", i))
	}
	ids = append(ids, "2501.00003v1", "https://arxiv.org/abs/2501.00004") // pasted forms and repeats
	got, err := c.Versions(context.Background(), ids)
	if err != nil {
		t.Fatal(err)
	}
	if len(asked) != 2 {
		t.Fatalf("%d ids took %d requests, want 2", len(ids), len(asked))
	}
	if !strings.Contains(asked[0], "max_results="+fmt.Sprint(VersionBatch)) || !strings.Contains(asked[1], "max_results=10") {
		t.Errorf("max_results not the batch size: %.80q … %q", asked[0], asked[1])
	}
	if len(got) != VersionBatch+9 || got["2501.00003"] != 3 {
		t.Errorf("got %d versions, 2501.00003 = %d", len(got), got["2501.00003"])
	}
	if _, ok := got["2501.00007"]; ok {
		t.Error("an id arXiv does not know has a version")
	}
}

func TestVersionsRefusesWhatIsNotAtom(t *testing.T) {
	cases := []struct {
		name, ctype, body, want string
	}{
		{"html page", "text/html; charset=utf-8", "<!doctype html><html><body>Maintenance</body></html>", "not Atom"},
		{"html as xml", "application/atom+xml", "<!DOCTYPE html>\n<html><body>Login</body></html>", "HTML page"},
		{"garbage", "application/atom+xml", "\x00\x01garbage", "not an arXiv Atom answer"},
		{"json", "application/json", `{"entries":[]}`, "not an arXiv Atom answer"},
		{"rss", "application/xml", `<rss><channel/></rss>`, "not an arXiv Atom answer"},
		{"error entry", "application/atom+xml", "", "incorrect id format"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			body := tc.body
			if body == "" {
				body = string(atomFixture(t, "error.xml"))
			}
			c, _ := newTestClient(t, func(w http.ResponseWriter, r *http.Request) {
				w.Header().Set("Content-Type", tc.ctype)
				fmt.Fprint(w, body)
			})
			c.BaseURL += "/api/query"
			_, err := c.Versions(context.Background(), []string{"2410.17243"})
			if err == nil || !strings.Contains(err.Error(), tc.want) || !strings.Contains(err.Error(), c.BaseURL) {
				t.Errorf("err = %v, want %q and the URL", err, tc.want)
			}
		})
	}
}

func TestVersionsOversizedAndFailing(t *testing.T) {
	c, _ := newTestClient(t, func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/atom+xml")
		fmt.Fprint(w, `<feed xmlns="http://www.w3.org/2005/Atom">`+strings.Repeat("<entry><id>x</id></entry>", 100)+`</feed>`)
	})
	c.MaxBody = 200
	if _, err := c.Versions(context.Background(), []string{"2410.17243"}); err == nil || !strings.Contains(err.Error(), "200 B cap") {
		t.Errorf("oversized: %v", err)
	}
	c, rec := newTestClient(t, func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(http.StatusInternalServerError)
	})
	c.MaxRetries = 1
	if _, err := c.Versions(context.Background(), []string{"2410.17243"}); err == nil || !strings.Contains(err.Error(), "HTTP 500") {
		t.Errorf("500: %v", err)
	}
	if n := len(rec.all()); n != 1 {
		t.Errorf("retried %d times, want 1", n)
	}
}
