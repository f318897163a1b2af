package main

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

// hostileHeaders are Content-Types with 8-bit controls and bidi overrides
// (which Go's client accepts) and with 7-bit escapes (which it refuses as
// malformed): what a hostile or broken server might send.
var hostileHeaders = []string{"text/html \u009b31m \u009d0;pwned\u009c \u202eevil", "text/html\x1b]0;pwned\x07"}

func hostileServer(t *testing.T, header string) string {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header()["Content-Type"] = []string{header}
		w.Header()["Location"] = []string{"http://x/\x1b[2J"}
		w.WriteHeader(http.StatusOK)
		w.Write([]byte("<html>\x1b[2J\u009b</html>"))
	}))
	t.Cleanup(srv.Close)
	return srv.URL
}

func checkClean(t *testing.T, what string, r result) {
	t.Helper()
	for _, bad := range []string{"\x1b", "\u009b", "\u009d", "\u202e", "\a"} {
		if strings.Contains(r.stdout, bad) || strings.Contains(r.stderr, bad) {
			t.Errorf("%s: output carries %q:\nstdout %q\nstderr %q", what, bad, r.stdout, r.stderr)
		}
	}
}

// TestNetworkTextNeverReachesTheTerminal: headers, URLs and bodies a
// server sends go through the feed text's sanitiser on every path.
func TestNetworkTextNeverReachesTheTerminal(t *testing.T) {
	for _, h := range hostileHeaders {
		checkNetworkText(t, hostileServer(t, h))
	}
}

func checkNetworkText(t *testing.T, api string) {
	env := append(dbEnv(t), "PAPERS_API_URL="+api)
	for _, args := range [][]string{
		{"sync", "--days", "2"},
		{"sync", "--days", "2", "--json"},
		{"sync", "--since", "2025-01-01", "--until", "2025-02-20"},
		{"search", "--remote", "diffusion"},
		{"search", "--remote", "--json", "diffusion"},
		{"add", "2410.17243"},
	} {
		r := papers(t, env, args...)
		if r.code == 0 {
			t.Errorf("%v: exit 0 from a server answering HTML", args)
		}
		checkClean(t, strings.Join(args, " "), r)
	}
}
