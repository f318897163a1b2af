package tui

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/cli/browser"
	"github.com/mattn/go-shellwords"

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
	// fellBack: the user's opener is not on this machine, so $BROWSER
	// or the desktop's opened it; the user should hear of it.
	fellBack string
}

// openURLWith opens url (or a file's path) with the user's opener
// (Options.Opener, the same convention as $BROWSER) when there is one;
// when there is none, or none of its commands is on this machine, with
// $BROWSER when it is set, else with the desktop's opener
// (github.com/cli/browser tries xdg-open, x-www-browser, www-browser and
// wslview, and does not read $BROWSER itself), and says so when the
// user's opener was not found (fellBack). An opener that runs and fails
// is the error: it was found.
func openURLWith(opener, url string) (fellBack bool, err error) {
	if strings.TrimSpace(opener) != "" {
		err := openWith(opener, url)
		if !errors.Is(err, errNoBrowser) {
			return false, err
		}
		if fallback := openDefault(url); fallback == nil {
			return true, nil
		}
		return false, fmt.Errorf("%w: the opener (%s) not found", errNoBrowser, strings.TrimSpace(opener))
	}
	return false, openDefault(url)
}

// openDefault opens url with $BROWSER, else the desktop's opener.
func openDefault(url string) error {
	if b := os.Getenv("BROWSER"); strings.TrimSpace(b) != "" {
		err := openWith(b, url)
		if errors.Is(err, errNoBrowser) {
			return fmt.Errorf("%w: $BROWSER (%s) not found", errNoBrowser, strings.TrimSpace(b))
		}
		return err
	}
	// xdg-open and friends print; they must not scribble on the screen.
	browser.Stdout, browser.Stderr = io.Discard, io.Discard
	err := browser.OpenURL(url)
	if errors.Is(err, exec.ErrNotFound) {
		return errNoBrowser
	}
	return err
}

// openWith runs an opener as $BROWSER's convention has it: commands
// separated by colons, tried in turn until one is found and works; in
// each, %s is the URL and %% a percent sign, and a command without %s
// gets the URL as its last argument. A command is split as a shell
// splits words, so quotes keep a path with spaces (or a colon) whole. It
// returns errNoBrowser when no command is on this machine.
func openWith(commands, url string) error {
	last := CheckOpener(commands) // reported when nothing else ran
	for _, args := range openerCommands(commands, url) {
		if args == nil {
			continue
		}
		err := runBrowser(args)
		switch {
		case err == nil:
			return nil
		case errors.Is(err, exec.ErrNotFound), errors.Is(err, fs.ErrNotExist):
			continue
		}
		last = err
	}
	if last != nil {
		return last
	}
	return errNoBrowser
}

// CheckOpener says what is wrong with an opener: a command that cannot
// be split into words as a shell splits them (an unclosed quote).
func CheckOpener(opener string) error {
	for _, c := range splitCommands(opener) {
		if _, err := commandWords(c, runtime.GOOS == "windows"); err != nil {
			return err
		}
	}
	return nil
}

// commandWords splits one command into its words as a shell does: quotes
// keep spaces, a backslash escapes (not on Windows, where it separates a
// path's folders). What a shell would run beside it (; | & < >) is
// refused, not dropped.
func commandWords(c string, windows bool) ([]string, error) {
	if windows {
		c = strings.ReplaceAll(c, `\`, `\\`)
	}
	p := shellwords.NewParser()
	p.ParseEnv, p.ParseBacktick = false, false
	args, err := p.Parse(c)
	switch {
	case err != nil:
		return nil, fmt.Errorf("%q cannot be split into words (%v): close its quotes", strings.TrimSpace(c), err)
	case p.Position >= 0:
		return nil, fmt.Errorf("%q holds a %q: an opener is one command (quote the character if it is part of it)", strings.TrimSpace(c), c[p.Position])
	}
	return args, nil
}

// openerCommands are the commands of an opener, each as its arguments
// with the URL in place; nil for one that does not parse (an unclosed
// quote).
func openerCommands(commands, url string) [][]string {
	var out [][]string
	for _, c := range splitCommands(commands) {
		args, err := commandWords(c, runtime.GOOS == "windows")
		if err != nil || len(args) == 0 {
			out = append(out, nil)
			continue
		}
		hasURL := false
		for i, a := range args {
			if strings.Contains(strings.ReplaceAll(a, "%%", ""), "%s") {
				hasURL = true
			}
			a = strings.ReplaceAll(a, "%%", "\x00")
			a = strings.ReplaceAll(a, "%s", url)
			args[i] = strings.ReplaceAll(a, "\x00", "%")
		}
		if !hasURL {
			args = append(args, url)
		}
		out = append(out, args)
	}
	return out
}

// splitCommands splits an opener at its colons, but not at one inside
// quotes or a Windows drive's ("C:\\…").
func splitCommands(s string) []string {
	var out []string
	var quote byte
	start := 0
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case quote != 0:
			if c == quote {
				quote = 0
			}
		case c == '\'' || c == '"':
			quote = c
		case c == ':':
			word := strings.TrimLeft(s[start:i], " \t\"'")
			if len(word) == 1 && i+1 < len(s) && (s[i+1] == '\\' || s[i+1] == '/') {
				continue // a drive letter
			}
			out = append(out, s[start:i])
			start = i + 1
		}
	}
	return append(out, s[start:])
}

// terminalBrowsers run in the terminal: the reader gives them the screen
// until they quit, as it does the editor.
var terminalBrowsers = []string{"lynx", "w3m", "links", "links2", "elinks", "browsh", "carbonyl", "cha"}

// terminalBrowser is the command that would open url when it is a
// terminal browser (the first of the opener's, else $BROWSER's, commands
// that is on this machine).
func terminalBrowser(opener, url string) ([]string, bool) {
	chain := opener
	if strings.TrimSpace(chain) == "" {
		chain = os.Getenv("BROWSER")
	}
	for _, args := range openerCommands(chain, url) {
		if args == nil {
			continue
		}
		if _, err := exec.LookPath(args[0]); err != nil {
			continue
		}
		return args, slices.Contains(terminalBrowsers, filepath.Base(args[0]))
	}
	return nil, false
}

// inTerminal: the link is for a terminal browser, to run in the reader's
// place.
type inTerminal struct {
	url  string
	args []string
}

// onInTerminal gives the terminal to the browser until it quits.
func (m Model) onInTerminal(msg inTerminal) (tea.Model, tea.Cmd) {
	cmd := exec.Command(msg.args[0], msg.args[1:]...)
	return m, tea.ExecProcess(cmd, func(err error) tea.Msg {
		if err != nil {
			err = fmt.Errorf("%s: %w", msg.args[0], err)
		}
		return opened{url: msg.url, err: err}
	})
}

// runBrowser starts a browser command and waits a moment for it to fail;
// one still running by then has opened the page. A failure says the last
// line the command wrote to stderr ("cannot open display").
func runBrowser(args []string) error {
	cmd := exec.Command(args[0], args[1:]...)
	var stderr lastLine
	cmd.Stdin, cmd.Stdout, cmd.Stderr = nil, io.Discard, &stderr
	if err := cmd.Start(); err != nil {
		return err
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case err := <-done:
		if err != nil {
			if why := stderr.String(); why != "" {
				return fmt.Errorf("%s: %w (%s)", args[0], err, why)
			}
			return fmt.Errorf("%s: %w", args[0], err)
		}
		return nil
	case <-time.After(browserStarted):
		return nil // still running: reaped by the goroutine when it exits
	}
}

// lastLine keeps the last non-blank line written to it, cut short.
type lastLine struct {
	sync.Mutex
	line string
}

func (l *lastLine) Write(p []byte) (int, error) {
	l.Lock()
	defer l.Unlock()
	for _, s := range strings.Split(string(p), "\n") {
		if s = strings.TrimSpace(s); s != "" {
			l.line = s
		}
	}
	return len(p), nil
}

func (l *lastLine) String() string {
	l.Lock()
	defer l.Unlock()
	return clean.Line(ansi.Truncate(l.line, 120, "…"))
}

// onOpened says whether a link reached the browser.
func (m Model) onOpened(msg opened) (tea.Model, tea.Cmd) {
	orCopy, copies := "", "" // nothing to offer when the user unbound the copy key
	if keys := m.keys.Paper.Copy.Keys(); len(keys) > 0 {
		orCopy, copies = ", or "+keys[0]+" copies the link", " ("+keys[0]+" copies it)"
	}
	switch {
	case errors.Is(msg.err, errNoBrowser) && m.opts.Opener != "":
		m.fail(clean.Line(fmt.Sprintf("%v: fix open in the config (or PAPERS_OPEN)%s", msg.err, orCopy)))
	case errors.Is(msg.err, errNoBrowser) && msg.err != errNoBrowser:
		m.fail(clean.Line(fmt.Sprintf("%v: fix $BROWSER%s", msg.err, orCopy))) // it names the one not found
	case errors.Is(msg.err, errNoBrowser):
		m.fail("no browser: set $BROWSER" + orCopy)
	case msg.err != nil:
		m.fail(clean.Line(fmt.Sprintf("could not open the link%s: %v", copies, msg.err)))
	case msg.fellBack != "":
		m.say(clean.Line(fmt.Sprintf("opened %s, but not with the opener (%s): not found; fix open in the config (or PAPERS_OPEN)", msg.url, msg.fellBack)))
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
	return func() tea.Msg { return openMsg(opener, url) }
}

// openMsg opens target, or asks the reader to give a terminal browser
// the screen for it.
func openMsg(opener, target string) tea.Msg {
	if args, ok := terminalBrowser(opener, target); ok {
		return inTerminal{url: target, args: args}
	}
	fellBack, err := openURLWith(opener, target)
	msg := opened{url: target, err: err}
	if fellBack {
		msg.fellBack = strings.TrimSpace(opener)
	}
	return msg
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
		return openMsg(opener, target)
	}
}
