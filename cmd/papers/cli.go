package main

import (
	"context"
	"os"
	"os/signal"
	"path/filepath"
	"syscall"

	"github.com/adrg/xdg"
	"github.com/alecthomas/kong"
	"github.com/papertui/papers/feed"
	"github.com/papertui/papers/store"
)

// Globals are the flags every command accepts.
type Globals struct {
	DB      string           `name:"db" env:"PAPERS_DB" placeholder:"FILE" help:"Library file (default $$XDG_DATA_HOME/papers/papers.db)."`
	API     string           `name:"api" env:"PAPERS_API_URL" default:"https://huggingface.co" placeholder:"URL" help:"Feed base URL."`
	Version kong.VersionFlag `name:"version" help:"Print the version and exit."`

	// The reader's flags live here so that `papers --mouse` works without
	// naming the (default) read command.
	Style  string `default:"auto" enum:"auto,dark,light" help:"Reader colours: auto (ask the terminal), dark or light."`
	Mouse  bool   `help:"Reader: wheel scrolling and click to select."`
	NoSync bool   `name:"no-sync" help:"Reader: do not sync in the background on start."`
}

// CLI is the whole command line.
type CLI struct {
	Globals

	Read   ReadCmd   `cmd:"" default:"1" hidden:"" help:"Open the reader (the default)."`
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

// client builds the feed client; HF_TOKEN is read here and only handed to
// the client, never stored or printed.
func (g *Globals) client() *feed.Client {
	c := feed.NewClient(g.API)
	c.Token = os.Getenv("HF_TOKEN")
	return c
}

// interruptible is a context cancelled by Ctrl-C or SIGTERM, so long work
// stops cleanly between transactions.
func interruptible() (context.Context, context.CancelFunc) {
	return signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
}
