package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"slices"
	"strings"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/alecthomas/kong"
	"github.com/charmbracelet/colorprofile"

	"github.com/papertui/papers/internal/startup"
	"github.com/papertui/papers/store"
	"github.com/papertui/papers/tui"
	"github.com/papertui/papers/tui/clean"
	"github.com/papertui/papers/tui/fulltext"
)

// ReadCmd opens the reader. It is the default command, so its flags work
// without naming it (`papers --mouse`). With an id it prints that paper's
// whole text instead (printText, below).
type ReadCmd struct {
	Style  string `default:"auto" enum:"auto,dark,light" help:"Colours, one of ${enum} (auto asks the terminal)."`
	Mouse  bool   `help:"Wheel scrolling and click to select."`
	NoSync bool   `name:"no-sync" help:"Do not sync in the background on start."`

	ID    string `arg:"" optional:"" help:"Print this paper's stored full text instead of opening the reader."`
	Raw   bool   `help:"With an id: print the Markdown as stored (made safe for the terminal)."`
	Plain bool   `help:"With an id: plain text even on a terminal (it is plain when piped)."`
}

// staleAfter is how old the last sync may be before the reader syncs on start.
const staleAfter = time.Hour

// Run opens the reader on the local library; a stale library is synced in
// the background, never before the first frame.
func (c *ReadCmd) Run(g *Globals, kctx *kong.Context) error {
	if c.ID != "" {
		startup.ReleaseCollector(0)
		return c.printText(g, kctx)
	}
	if !isTerminal(os.Stdout) {
		return fmt.Errorf("the reader needs a terminal; from scripts use papers list, search, show or queue")
	}
	if err := dumbTerminal(os.Getenv("TERM")); err != nil {
		return err
	}
	startup.ReleaseCollector(collectorHold) // held since package init
	// Bubble Tea finds the terminal's colours as it starts, in tmux by
	// running `tmux info` (10-40 ms) to learn whether it passes true
	// colour on. The first frame starts from what the environment and
	// terminfo say; tmux's answer follows while the reader runs.
	profile := colorprofile.Detect(os.Stdout, withoutTmux(os.Environ()))
	later := make(chan colorprofile.Profile, 1)
	if profile < colorprofile.TrueColor && os.Getenv("TMUX") != "" {
		go func() { later <- colorprofile.Detect(os.Stdout, os.Environ()) }()
	} else {
		close(later)
	}
	lib, err := g.open()
	if err != nil {
		return err
	}
	defer lib.Close()
	last := lastVisit(lib)
	// The first page, its count and the selection are asked together: the
	// connections they need are opened now, while the terminal sets up,
	// not each before its query. A failure shows in the queries.
	go func() { _ = lib.Warm(context.Background(), 3) }()
	client := g.client()
	client.OnNotice = nil // the reader owns the terminal
	retries := make(chan tui.Retry, 1)
	client.OnRetry = func(reason string, wait time.Duration) {
		// The reader shows the latest: one not read yet gives way, and
		// none is worth the client waiting for.
		select {
		case <-retries:
		default:
		}
		select {
		case retries <- tui.Retry{Reason: reason, Until: time.Now().Add(wait)}:
		default:
		}
	}
	opts := tui.Options{Library: lib, Fetcher: client, Remote: client, Style: c.Style, Mouse: c.Mouse,
		SyncAfter: staleAfter, NoColor: os.Getenv("NO_COLOR") != "", Texts: client, PDFDir: pdfDir(),
		Versions: arxivClient(g.ArxivURL), Profile: later, LastSeen: last, Retries: retries,
		FewColors: profile <= colorprofile.ANSI && profile > colorprofile.Ascii && os.Getenv("TMUX") == ""}
	if c.NoSync {
		opts.SyncAfter = 0
	}
	applyReaderConfig(&opts) // configapply.go: view, sort, sync age and days
	// session.go: the last session restored, this one kept.
	return runReader(opts, g.libraryPath(), tea.WithColorProfile(profile), tea.WithFPS(readerFPS()))
}

// dumbTerminal refuses a terminal that cannot place the cursor (TERM=dumb,
// as in Emacs's shell): the reader's screen would arrive there as escape
// sequences, and with every attribute dropped the selection would not
// show even where the sequences happen to work.
func dumbTerminal(term string) error {
	if term != "dumb" {
		return nil
	}
	return fmt.Errorf("the reader needs a terminal that can move the cursor, and TERM=dumb cannot; " +
		"run it in a terminal emulator, or use papers list, search, show or queue")
}

// withoutTmux is env without TMUX, so that colour detection does not ask
// tmux (a process started and waited for).
func withoutTmux(env []string) []string {
	return slices.DeleteFunc(slices.Clone(env), func(kv string) bool { return strings.HasPrefix(kv, "TMUX=") })
}

// printText prints a paper's stored full text: rendered by glamour on a
// terminal, plain text when piped, the Markdown with --raw. It never uses
// the network: a paper without its text says how to fetch it.
func (c *ReadCmd) printText(g *Globals, kctx *kong.Context) error {
	ids, err := normalizeIDs([]string{c.ID})
	if err != nil && !namedRead(kctx) && !strings.ContainsAny(c.ID, "0123456789") {
		// `papers ID` reads a paper, so a mistyped command lands here:
		// no paper id is without digits.
		return usageError{errors.New(unknownCommandText(kctx.Model, c.ID))}
	}
	if err != nil {
		return err // in show's and note's words (normalizeIDs)
	}
	return g.withLibrary(func(ctx context.Context, lib *store.Store) error {
		t, err := lib.Text(ctx, ids[0])
		if errors.Is(err, store.ErrNoText) {
			if _, rerr := lib.Record(ctx, ids[0]); errors.Is(rerr, store.ErrUnknownPaper) {
				return fmt.Errorf("%s is not in the library: `papers add %s` adds it from Hugging Face "+
					"(or `papers sync` the day it appeared), then `papers fetch %s` fetches its text", ids[0], ids[0], ids[0])
			}
			return fmt.Errorf("%s: no full text stored; fetch it with `papers fetch %s`", ids[0], ids[0])
		}
		if err != nil {
			return err
		}
		if c.Raw {
			_, err := fmt.Fprintln(stdout, clean.Text(t.Markdown))
			return err
		}
		out, err := renderText(t, printStyle(c.Style), c.Plain || !isTerminal(os.Stdout), terminalWidth())
		if err != nil {
			return err
		}
		_, err = fmt.Fprintln(stdout, out)
		return err
	})
}

// namedRead says whether the command line names the read command (`papers
// read X`), not only the paper (`papers X`, read being the default): the
// first argument that is neither a flag nor a global flag's value.
func namedRead(kctx *kong.Context) bool {
	i := commandIndex(kctx.Args, flagKinds(kctx.Model.Flags)) // searchargs.go
	return i >= 0 && kctx.Args[i] == "read"
}

// renderText renders a stored text as `papers read` prints it: a title,
// where the text came from, the cleaned paper, and its figures' links.
func renderText(t store.Text, style string, plain bool, width int) (string, error) {
	doc := fulltext.Clean(t.Markdown)
	var b strings.Builder
	if t.Title != "" {
		fmt.Fprintf(&b, "# %s\n\n", clean.Markdown(clean.TeX(clean.Line(t.Title))))
	}
	fmt.Fprintf(&b, "*From %s*\n\n", tui.TextSource(t))
	b.WriteString(doc.Markdown)
	if links := figureLinks(doc.Figures); links != "" {
		b.WriteString("\n\n## Figures\n\n" + links)
	}
	return renderMarkdown(b.String(), style, plain, width)
}

// figureLinks lists the figures' images, one a line, as plain escaped
// text: shown, never offered as links by the Markdown.
func figureLinks(figs []fulltext.Figure) string {
	var lines []string
	for _, f := range figs {
		if f.URL == "" {
			continue
		}
		lines = append(lines, "- "+clean.Markdown(f.Label+": "+f.URL))
	}
	return strings.Join(lines, "\n")
}

// lastVisit is when the reader last looked, read before the program
// starts, on the connection that just opened the library (well under a
// millisecond): the first page's query then starts with the program
// rather than after a query of its own. nil on an error, which the
// reader then meets and shows.
func lastVisit(lib *store.Store) *time.Time {
	at, err := lib.LastSeen(context.Background())
	if err != nil {
		return nil
	}
	return &at
}
