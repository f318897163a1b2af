package tui

import (
	"errors"
	"fmt"
	"io"
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
func openURL(url string) error {
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
	switch {
	case errors.Is(msg.err, errNoBrowser):
		m.fail("no browser: set $BROWSER, or y copies the link")
	case msg.err != nil:
		m.fail(clean.Line(fmt.Sprintf("could not open the link (y copies it): %v", msg.err)))
	default:
		m.say("opened " + msg.url)
	}
	return m, nil
}

func openCmd(url string) tea.Cmd {
	return func() tea.Msg {
		return opened{url: url, err: openURL(url)}
	}
}

// openPDFCmd opens a paper's saved PDF when dir holds one (papers fetch
// --pdf saves them), else its arXiv URL.
func openPDFCmd(dir, id string) tea.Cmd {
	return func() tea.Msg {
		if dir != "" {
			path := filepath.Join(dir, id+".pdf")
			if info, err := os.Stat(path); err == nil && info.Mode().IsRegular() {
				return opened{url: path, err: openURL(path)}
			}
		}
		url := feed.Paper{ID: id}.PDFURL()
		return opened{url: url, err: openURL(url)}
	}
}
