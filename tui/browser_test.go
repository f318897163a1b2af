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
		if _, err := openURLWith("", "https://example.org/x"); err != nil {
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
	if want := "nothing can open links here: the opener (/no/such/opener %s) not found: fix open in the config (or PAPERS_OPEN), or y copies the link"; hs.m.errMsg != want {
		t.Errorf("a missing opener says %q, want %q", hs.m.errMsg, want)
	}
}

// TestMissingOpenerFallingBackSaysSo: an opener not on this machine
// falls back to $BROWSER, and the reader says the opener was not found,
// so a misspelt one does not go unnoticed.
func TestMissingOpenerFallingBackSaysSo(t *testing.T) {
	script, out := fakeBrowser(t)
	t.Setenv("BROWSER", script)
	hs := &harness{t: t, m: testModel(Options{Library: newTestLibrary(t), Style: "dark", Opener: "firefx %s"})}
	hs.run(hs.m.Init())
	hs.send(sizeMsg(160, 48))
	hs.keys("o")
	if got, _ := os.ReadFile(out); !strings.Contains(string(got), "https://huggingface.co/papers/") {
		t.Errorf("$BROWSER did not open the page: %q", got)
	}
	if !strings.Contains(hs.m.notice, "not with the opener (firefx %s): not found") {
		t.Errorf("notice %q does not say the opener was not found", hs.m.notice)
	}
}

// TestOpenerQuotingAndFallback: an opener is split as a shell splits
// words (a path with a space, a colon kept in quotes); one not on this
// machine falls back to $BROWSER; one that fails says what it wrote to
// stderr.
func TestOpenerQuotingAndFallback(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "my browsers")
	if err := os.Mkdir(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "args")
	script := filepath.Join(dir, "open it")
	if err := os.WriteFile(script, []byte("#!/bin/sh\nfor a in \"$@\"; do echo \"[$a]\"; done > '"+out+"'\n"), 0o755); err != nil {
		t.Fatal(err)
	}
	failing := filepath.Join(dir, "fail")
	if err := os.WriteFile(failing, []byte("#!/bin/sh\necho 'Error: cannot open display' >&2\nexit 3\n"), 0o755); err != nil {
		t.Fatal(err)
	}
	const url = "https://example.org/x"
	for _, c := range []struct{ opener, browser, want string }{
		{`"` + script + `" --profile='/a:b' %s`, "", "[--profile=/a:b]\n[" + url + "]"},
		{"/no/such/opener %s", `'` + script + `' --from-browser`, "[--from-browser]\n[" + url + "]"},
		{"/no/such/opener:'" + script + "' second", "", "[second]\n[" + url + "]"},
	} {
		t.Setenv("BROWSER", c.browser)
		os.Remove(out)
		if _, err := openURLWith(c.opener, url); err != nil {
			t.Errorf("%q: %v", c.opener, err)
			continue
		}
		if got, _ := os.ReadFile(out); strings.TrimSpace(string(got)) != c.want {
			t.Errorf("%q ran with %q, want %q", c.opener, got, c.want)
		}
	}
	_, err := openURLWith(`"`+failing+`" %s`, url)
	if err == nil || !strings.Contains(err.Error(), "exit status 3 (Error: cannot open display)") {
		t.Errorf("a failing opener: %v", err)
	}
	if _, err := openURLWith(`firefox '%s`, url); err == nil || !strings.Contains(err.Error(), "cannot be split into words") {
		t.Errorf("an opener with an unclosed quote: %v", err)
	}
	if got, err := commandWords(`"C:\Program Files\Firefox\firefox.exe" --new-tab %s`, true); err != nil || len(got) != 3 || got[0] != `C:\Program Files\Firefox\firefox.exe` {
		t.Errorf("a Windows path: %q, %v", got, err)
	}
	if err := CheckOpener("firefox %s; rm -rf ~"); err == nil || !strings.Contains(err.Error(), `holds a ';'`) {
		t.Errorf("an opener with a ; : %v", err)
	}
	if got := openerCommands("echo --pct=%%s", url); len(got) != 1 || got[0][len(got[0])-1] != url || got[0][1] != "--pct=%s" {
		t.Errorf("%%%%s is a percent sign and an s, not the URL: %q", got)
	}
	if got := splitCommands(`C:\Program Files\Firefox\firefox.exe %s:lynx`); len(got) != 2 || got[1] != "lynx" {
		t.Errorf("a drive's colon split the opener: %q", got)
	}
}

// TestTerminalBrowserGetsTheScreen: lynx, w3m and the like run in the
// reader's place, as the editor does, not in the background where they
// would quit at once.
func TestTerminalBrowserGetsTheScreen(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{"w3m", "firefox"} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte("#!/bin/sh\n"), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	t.Setenv("PATH", dir)
	t.Setenv("BROWSER", "")
	if args, ok := terminalBrowser("/no/such:w3m -N %s", "https://x.org"); !ok || len(args) != 3 || args[2] != "https://x.org" {
		t.Errorf("w3m: %q %v", args, ok)
	}
	if _, ok := terminalBrowser("firefox:w3m", "https://x.org"); ok {
		t.Error("firefox, found first, taken for a terminal browser")
	}
	t.Setenv("BROWSER", "w3m")
	if msg, ok := openMsg("", "https://x.org").(inTerminal); !ok || msg.args[0] != "w3m" {
		t.Errorf("BROWSER=w3m: %#v", msg)
	}
}

// TestUncaptionedImageShowsAndOpens: an image without a caption has its
// place in the reading pane (it vanished), and f there opens it.
func TestUncaptionedImageShowsAndOpens(t *testing.T) {
	script, out := fakeBrowser(t)
	t.Setenv("BROWSER", script)
	lib := newTestLibrary(t)
	body := "Title: A Paper\n\nURL Source: https://arxiv.org/html/2510.00001\n\nMarkdown Content:\n## 1 Intro\n\nSome text.\n\n" +
		"![Image 7: [Uncaptioned image]](https://arxiv.org/html/2510.00001/x7.png)\n\nMore text.\n"
	storeText(t, lib, "2510.00001", body)
	hs := newHarness(t, lib, 120, 40)
	hs.keys("R")
	hs.requireScreen("Image 7:", "(no caption)")
	hs.keys("f")
	if got, _ := os.ReadFile(out); strings.TrimSpace(string(got)) != "https://arxiv.org/html/2510.00001/x7.png" {
		t.Errorf("f opened %q", got)
	}
}
