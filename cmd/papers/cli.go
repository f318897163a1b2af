package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/signal"
	"path/filepath"
	"sync"
	"sync/atomic"
	"syscall"
	"time"

	"github.com/adrg/xdg"
	"github.com/alecthomas/kong"
	"github.com/papertui/papers/feed"
	"github.com/papertui/papers/store"
	"github.com/papertui/papers/tui/clean"
)

// Globals are the flags every command accepts.
type Globals struct {
	DB      string           `name:"db" env:"PAPERS_DB" placeholder:"FILE" help:"Library file (default $$XDG_DATA_HOME/papers/papers.db)."`
	API     string           `name:"api" env:"PAPERS_API_URL" default:"https://huggingface.co" placeholder:"URL" help:"Feed base URL."`
	Version kong.VersionFlag `name:"version" help:"Print the version and exit."`

	// ArxivURL is arXiv's export API, asked by fetch and the reader for
	// the latest version of stored texts (arxiv.go).
	ArxivURL string `name:"arxiv-url" env:"PAPERS_ARXIV_URL" default:"https://export.arxiv.org/api/query" placeholder:"URL" help:"arXiv export API URL, asked for the latest version of stored texts."`

	// readOnly is set for commands that only read the library: they never
	// create one where there is none.
	readOnly bool
}

// CLI is the whole command line.
type CLI struct {
	Globals

	// The reader takes its flags (--style, --mouse, --no-sync) with or
	// without its name: `papers --mouse` opens it. No other command lists
	// them.
	Read   ReadCmd   `cmd:"" default:"withargs" help:"Open the reader (the default); with an id, print that paper's stored full text."`
	Sync   SyncCmd   `cmd:"" help:"Fetch the feed into the library."`
	Import ImportCmd `cmd:"" help:"Load saved API responses into the library (offline)."`
	List   ListCmd   `cmd:"" help:"List papers in the library."`
	Stats  StatsCmd  `cmd:"" help:"Summarise the library."`
	Search SearchCmd `cmd:"" help:"Search the library (the reader's / syntax)."`
	Show   ShowCmd   `cmd:"" help:"Show one paper's detail."`
	Queue  QueueCmd  `cmd:"" help:"The reading queue: list, add, rm, done, move."`
	Export ExportCmd `cmd:"" help:"Export the queue, a search or the library as BibTeX, Markdown, JSON or CSV."`
	Add    AddCmd    `cmd:"" help:"Add any paper Hugging Face has indexed, by id or URL."`
	Doctor DoctorCmd `cmd:"" help:"Check the library (integrity, schema, full-text index) without changing it."`
	Fetch  FetchCmd  `cmd:"" help:"Fetch whole papers (and --pdf PDFs) to read offline."`
	Clean  CleanCmd  `cmd:"" help:"Free space: delete stored full texts (--texts) or PDFs (--pdfs)."`

	// The daily loop: tags, notes, followed searches, catching up.
	Tag      TagCmd      `cmd:"" help:"Add (+NAME) and remove (-NAME) tags on papers."`
	Tags     TagsCmd     `cmd:"" help:"List tags with how many papers carry each."`
	Note     NoteCmd     `cmd:"" help:"Print, edit (--edit) or set (--set) a paper's note."`
	Follow   FollowCmd   `cmd:"" help:"Followed searches: list with counts, add, rm."`
	Digest   DigestCmd   `cmd:"" help:"What arrived since the last digest, as Markdown, text or HTML for mail."`
	MarkRead MarkReadCmd `cmd:"" name:"mark-read" help:"Mark papers, a day, a search or a followed search read."`
	Undo     UndoCmd     `cmd:"" help:"Undo the last change to the queue, read marks or tags."`
}

// libraryPath is where the library lives: --db, PAPERS_DB, else the XDG
// data folder.
func (g *Globals) libraryPath() string {
	if g.DB != "" {
		return g.DB
	}
	return filepath.Join(xdg.DataHome, "papers", "papers.db")
}

func (g *Globals) open() (*store.Store, error) {
	if g.readOnly {
		return store.OpenExisting(g.libraryPath())
	}
	return store.Open(g.libraryPath())
}

// withLibrary runs fn with the library open and a context that Ctrl-C or
// SIGTERM cancels, so long work stops cleanly between transactions.
func (g *Globals) withLibrary(fn func(ctx context.Context, lib *store.Store) error) error {
	lib, err := g.open()
	if err != nil {
		return err
	}
	defer lib.Close()
	ctx, stop := interruptible()
	defer stop()
	return fn(ctx, lib)
}

// withLibraryIfAny is withLibrary for a command that also works without
// a library (search --remote): lib is nil where there is none, and none
// is created.
func (g *Globals) withLibraryIfAny(fn func(ctx context.Context, lib *store.Store) error) error {
	g.readOnly = true
	err := g.withLibrary(fn)
	if errors.Is(err, store.ErrNoLibrary) {
		ctx, stop := interruptible()
		defer stop()
		return fn(ctx, nil)
	}
	return err
}

// client builds the feed client; HF_TOKEN is read here and only handed to
// the client, never stored or printed. Its notices (a redirect that left
// the API's origin) go to stderr, sanitised: they hold server-sent URLs.
func (g *Globals) client() *feed.Client {
	c := feed.NewClient(g.API)
	c.Token = os.Getenv("HF_TOKEN")
	c.OnNotice = func(msg string) { fmt.Fprintln(os.Stderr, "papers:", clean.Line(msg)) }
	return c
}

// interruptible is a context cancelled by Ctrl-C or SIGTERM, so long work
// stops cleanly between transactions; the signal is kept for the exit
// status (interruptedCode).
//
// Work blocked where no context reaches (opening a named pipe no one
// writes to, a library call that does not return) would leave the signal
// unheeded: a second signal, or forceAfter without the command returning,
// ends the process, as SQLite's log keeps the library whole whenever it
// stops.
func interruptible() (context.Context, context.CancelFunc) {
	ctx, cancel := context.WithCancel(context.Background())
	signals := make(chan os.Signal, 2)
	signal.Notify(signals, os.Interrupt, syscall.SIGTERM)
	returned := make(chan struct{})
	go func() {
		select {
		case sig := <-signals:
			received.Store(sig)
			cancel()
		case <-returned:
			return
		}
		select {
		case <-signals:
		case <-time.After(forceAfter):
		case <-returned:
			return
		}
		fmt.Fprintln(os.Stderr, "papers: interrupted")
		os.Exit(interruptedCode())
	}()
	var once sync.Once
	return ctx, func() {
		once.Do(func() {
			signal.Stop(signals)
			close(returned)
			cancel()
		})
	}
}

// forceAfter is how long a command may take to stop after a signal.
const forceAfter = 5 * time.Second

// received is the signal that stopped the command, if one did.
var received atomic.Value

// interruptedCode is the exit status of a command a signal stopped, as a
// shell reports a process the signal killed: 128 + its number (130 for
// Ctrl-C, 143 for SIGTERM).
func interruptedCode() int {
	if sig, ok := received.Load().(syscall.Signal); ok {
		return 128 + int(sig)
	}
	return 128 + int(syscall.SIGINT)
}
