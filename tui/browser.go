package tui

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/cli/browser"

	"github.com/papertui/papers/feed"
	"github.com/papertui/papers/tui/clean"
)

// Opening links in a browser.

// errNoBrowser: nothing on this machine can open a URL.
var errNoBrowser = errors.New("nothing can open links here")

// browserStarted is how long a browser command may take to fail before
// it counts as started: a browser that opens a window keeps running.
const browserStarted = 2 * time.Second

// opened: a link was handed to the browser (or could not be).
type opened struct {
	url string
	err error
}

// openURL opens url with $BROWSER when it is set, else with the desktop's
// opener (github.com/cli/browser tries xdg-open, x-www-browser,
// www-browser and wslview, and does not read $BROWSER itself).
func openURL(url string) error { return openURLWith("", url) }

// openURLWith opens url (or a file's path) with the user's opener
// (Options.Opener, the same convention as $BROWSER) when there is one,
// else as openURL does.
func openURLWith(opener, url string) error {
	if strings.TrimSpace(opener) != "" {
		err := openWith(opener, url)
		if errors.Is(err, exec.ErrNotFound) || errors.Is(err, errNoBrowser) || errors.Is(err, fs.ErrNotExist) {
			return fmt.Errorf("%w: the opener (%s) not found", errNoBrowser, strings.TrimSpace(opener))
		}
		return err
	}
	if b := os.Getenv("BROWSER"); strings.TrimSpace(b) != "" {
		return openWith(b, url)
	}
	// xdg-open and friends print; they must not scribble on the screen.
	browser.Stdout, browser.Stderr = io.Discard, io.Discard
	err := browser.OpenURL(url)
	if errors.Is(err, exec.ErrNotFound) {
		return errNoBrowser
	}
	return err
}

// openWith runs $BROWSER as the convention has it: commands separated by
// colons, tried in turn until one works; in each, %s is the URL and %% a
// percent sign, and a command without %s gets the URL as its last
// argument.
func openWith(commands, url string) error {
	err := errNoBrowser
	for _, c := range strings.Split(commands, ":") {
		args := strings.Fields(c)
		if len(args) == 0 {
			continue
		}
		hasURL := false
		for i, a := range args {
			if strings.Contains(a, "%s") {
				hasURL = true
			}
			a = strings.ReplaceAll(a, "%%", "\x00")
			a = strings.ReplaceAll(a, "%s", url)
			args[i] = strings.ReplaceAll(a, "\x00", "%")
		}
		if !hasURL {
			args = append(args, url)
		}
		if err = runBrowser(args); err == nil {
			return nil
		}
	}
	if errors.Is(err, exec.ErrNotFound) {
		return fmt.Errorf("%w: $BROWSER (%s) not found", errNoBrowser, strings.TrimSpace(commands))
	}
	return err
}

// runBrowser starts a browser command and waits a moment for it to fail;
// one still running by then has opened the page.
func runBrowser(args []string) error {
	cmd := exec.Command(args[0], args[1:]...)
	cmd.Stdin, cmd.Stdout, cmd.Stderr = nil, io.Discard, io.Discard
	if err := cmd.Start(); err != nil {
		return err
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case err := <-done:
		if err != nil {
			return fmt.Errorf("%s: %w", args[0], err)
		}
		return nil
	case <-time.After(browserStarted):
		return nil // still running: reaped by the goroutine when it exits
	}
}

// onOpened says whether a link reached the browser.
func (m Model) onOpened(msg opened) (tea.Model, tea.Cmd) {
	copyKey := keyHint(m.keys.Paper.Copy)
	switch {
	case errors.Is(msg.err, errNoBrowser) && m.opts.Opener != "":
		m.fail(clean.Line(fmt.Sprintf("%v: fix open in the config, or %s copies the link", msg.err, copyKey)))
	case errors.Is(msg.err, errNoBrowser):
		m.fail("no browser: set $BROWSER, or " + copyKey + " copies the link")
	case msg.err != nil:
		m.fail(clean.Line(fmt.Sprintf("could not open the link (%s copies it): %v", copyKey, msg.err)))
	default:
		m.say("opened " + msg.url)
	}
	return m, nil
}

// openCmd opens url with the default opener; Model.open with the user's.
func openCmd(url string) tea.Cmd { return openWithCmd("", url) }

// open opens a URL or a file with the user's opener, falling back to
// $BROWSER and the desktop's. Every key that opens something uses it.
func (m Model) open(url string) tea.Cmd {
	if m.opts.Opener == "" {
		return openCmd(url)
	}
	return openWithCmd(m.opts.Opener, url)
}

func openWithCmd(opener, url string) tea.Cmd {
	return func() tea.Msg {
		return opened{url: url, err: openURLWith(opener, url)}
	}
}

// openPDF opens a paper's saved PDF when the PDF folder holds one (papers
// fetch --pdf saves them), else its arXiv URL, with the user's opener.
func (m Model) openPDF(id string) tea.Cmd {
	dir, opener := m.opts.PDFDir, m.opts.Opener
	return func() tea.Msg {
		target := feed.Paper{ID: id}.PDFURL()
		if dir != "" {
			path := filepath.Join(dir, id+".pdf")
			if info, err := os.Stat(path); err == nil && info.Mode().IsRegular() {
				target = path
			}
		}
		return opened{url: target, err: openURLWith(opener, target)}
	}
}
