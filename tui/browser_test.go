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

// TestOpenerWinsOverBROWSER: the user's opener opens HF pages and PDFs,
// whatever $BROWSER says; one that is missing says so and how to fix it.
func TestOpenerWinsOverBROWSER(t *testing.T) {
	script, out := fakeBrowser(t)
	t.Setenv("BROWSER", "/no/such/browser")
	hs := &harness{t: t, m: testModel(Options{Library: newTestLibrary(t), Style: "dark", Opener: script + " --new-window %s"})}
	hs.run(hs.m.Init())
	hs.send(sizeMsg(160, 48))
	for key, want := range map[string]string{"o": "--new-window https://huggingface.co/papers/2510.00001",
		"p": "--new-window https://arxiv.org/pdf/2510.00001"} {
		os.Remove(out)
		hs.keys(key)
		if got, _ := os.ReadFile(out); strings.TrimSpace(string(got)) != want {
			t.Errorf("%s ran the opener with %q, want %q", key, got, want)
		}
	}
	hs.m.opts.Opener = "/no/such/opener %s"
	hs.keys("o")
	if want := "nothing can open links here: the opener (/no/such/opener %s) not found: fix open in the config, or y copies the link"; hs.m.errMsg != want {
		t.Errorf("a missing opener says %q, want %q", hs.m.errMsg, want)
	}
}
