package tui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// fakeBrowser is a script that writes its arguments to a file.
func fakeBrowser(t *testing.T) (script, out string) {
	dir := t.TempDir()
	out = filepath.Join(dir, "args")
	script = filepath.Join(dir, "browse")
	body := "#!/bin/sh\necho \"$@\" > " + out + "\n"
	if err := os.WriteFile(script, []byte(body), 0o755); err != nil {
		t.Fatal(err)
	}
	return script, out
}

func TestOpenHonoursBROWSER(t *testing.T) {
	script, out := fakeBrowser(t)
	for _, c := range []struct{ browser, want string }{
		{script + " --new-tab", "--new-tab https://example.org/x"},
		{"/no/such/browser:" + script + " --url=%s --pct=%%", "--url=https://example.org/x --pct=%"},
	} {
		t.Setenv("BROWSER", c.browser)
		os.Remove(out)
		if err := openURL("https://example.org/x"); err != nil {
			t.Fatalf("BROWSER=%q: %v", c.browser, err)
		}
		got, _ := os.ReadFile(out)
		if strings.TrimSpace(string(got)) != c.want {
			t.Errorf("BROWSER=%q ran with %q, want %q", c.browser, got, c.want)
		}
	}
}

// TestNoBrowserSaysSoInOneLine: with nothing to open a link, o says so in
// one line and offers y.
func TestNoBrowserSaysSoInOneLine(t *testing.T) {
	t.Setenv("BROWSER", "")
	t.Setenv("PATH", t.TempDir())
	hs := newHarness(t, newTestLibrary(t), 80, 24)
	hs.keys("o")
	if !strings.Contains(hs.m.errMsg, "y copies") || strings.Contains(hs.m.errMsg, "\n") {
		t.Errorf("o without a browser says %q", hs.m.errMsg)
	}
	lines := strings.Split(hs.screen(), "\n")
	if status := lines[len(lines)-1]; !strings.Contains(status, "no browser: set $BROWSER, or y copies the link") {
		t.Errorf("status bar: %q", status)
	}
}
