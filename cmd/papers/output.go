package main

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/term"
	"github.com/mattn/go-isatty"
	"github.com/papertui/papers/store"
	"github.com/papertui/papers/tui/article"
	"github.com/papertui/papers/tui/clean"
	"github.com/papertui/papers/tui/export"
)

// Plain output shared by the commands: where stdout goes, one paper as a
// line, sizes, and Markdown rendered for the terminal or a pipe.

// isTerminal says whether f is a terminal (progress bars, colour) or a
// pipe (plain lines).
func isTerminal(f *os.File) bool {
	return isatty.IsTerminal(f.Fd()) || isatty.IsCygwinTerminal(f.Fd())
}

// failureCopy is where a command also writes the lines of its summary
// that say what failed: stderr, when it is not where stdout goes (a cron
// job sends stdout to /dev/null and mails stderr), else nowhere. Stdout
// keeps them, as scripts read them there. Where stderr is a terminal
// that a progress display already told of each failure, nowhere too.
func failureCopy(progressOnStderr bool) io.Writer {
	if progressOnStderr && isTerminal(os.Stderr) {
		return io.Discard
	}
	out, err1 := os.Stdout.Stat()
	errs, err2 := os.Stderr.Stat()
	if err1 == nil && err2 == nil && os.SameFile(out, errs) {
		return io.Discard
	}
	return os.Stderr
}

// terminalWidth is stdout's width for rendering, 80 when not a terminal.
func terminalWidth() int {
	if w, _, err := term.GetSize(os.Stdout.Fd()); err == nil && w > 20 {
		return min(w, 120)
	}
	return 80
}

// noMatch is what a command that finds nothing says on stderr, so that
// stdout stays empty (or an empty JSON array) for scripts.
const noMatch = "no papers match"

// emptyLibraryNote is what a command that found nothing adds when the
// library holds no paper at all (read off the counts it keeps: one row),
// "" otherwise or when that cannot be told.
func emptyLibraryNote(ctx context.Context, lib *store.Store) string {
	if libraryEmpty(ctx, lib) {
		return ": the library is empty (papers sync fetches the last 7 days)"
	}
	return ""
}

// libraryEmpty says the library holds no paper at all.
func libraryEmpty(ctx context.Context, lib *store.Store) bool {
	n, err := lib.Count(ctx, store.Filter{})
	return err == nil && n == 0
}

// printView prints every paper of view f as printRecords does, reading
// them from the library as it goes (store.EachRecord, as export does):
// `list` and `search --limit 0` of 100,000 papers held them all at once,
// 357 MB, and 1.25 GB as JSON. empty runs before anything is printed when
// the view holds no paper.
func printView(ctx context.Context, lib *store.Store, f store.Filter, asJSON bool, empty func()) error {
	out := bufio.NewWriterSize(stdout, 64<<10)
	read := lib.EachListing // a line a paper prints no abstract
	if asJSON {
		read = lib.EachRecord
	}
	papers := export.Stream(func(start func(int) error, each func(store.Record) error) error {
		return read(ctx, f, func(total int) error {
			if total == 0 {
				empty()
			}
			return start(total)
		}, each)
	})
	var err error
	if asJSON {
		err = writeJSONStream(out, papers)
	} else {
		err = papers(func(int) error { return nil }, func(r store.Record) error {
			_, err := fmt.Fprintln(out, recordLine(r))
			return err
		})
	}
	if ferr := out.Flush(); err == nil {
		err = ferr
	}
	return err
}

// printResults prints what a list or search found, or says on stderr that
// it found nothing; --json then prints [], which is still valid JSON.
func printResults(recs []store.Record, asJSON bool) error {
	if len(recs) == 0 {
		fmt.Fprintln(os.Stderr, noMatch)
	}
	return printRecords(stdout, recs, asJSON)
}

func printRecords(w io.Writer, recs []store.Record, asJSON bool) error {
	if asJSON {
		out := make([]paperJSON, len(recs))
		for i, r := range recs {
			out[i] = toJSON(r)
		}
		return writeJSON(w, out)
	}
	for _, r := range recs {
		fmt.Fprintln(w, recordLine(r))
	}
	return nil
}

// recordLine is one paper as a plain, terminal-safe line.
func recordLine(r store.Record) string {
	mark := " "
	if r.Queued {
		mark = "+"
	}
	day := r.Day
	if day == "" {
		day = "(no day)  "
	}
	who := r.Organization
	if who == "" && len(r.Authors) > 0 {
		who = r.Authors[0].Name
	}
	line := fmt.Sprintf("%s %s %4d▲ %-10s %s", mark, day, r.Upvotes, r.ID, clean.Line(r.Title))
	if who := clean.Line(who); who != "" {
		line += "  (" + who + ")" // nobody to name: no empty "()"
	}
	return line
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

func humanBytes(n int64) string {
	switch {
	case n >= 1<<30:
		return fmt.Sprintf("%.1f GiB", float64(n)/(1<<30))
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MiB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.1f KiB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d B", n)
}

// renderMarkdown renders Markdown, then any quoted blocks below it (a
// discussion), for stdout as show and read print them: in style's
// colours (auto is dark: a command cannot ask the terminal), or as plain
// text, which is the dark layout stripped of colour: it reads best as
// text.
func renderMarkdown(md, style string, plain bool, width int, blocks ...article.Block) (string, error) {
	if style == "auto" || plain {
		style = "dark"
	}
	out, err := article.Render(md, width, style)
	if err != nil {
		return "", err
	}
	if len(blocks) > 0 {
		more, err := article.RenderBlocks(blocks, width, style)
		if err != nil {
			return "", err
		}
		out += "\n\n" + more
	}
	if plain {
		// Plain text is for scripts too: grep "Feed day" finds it, the
		// non-breaking spaces that keep a fact on one line aside.
		out = trimLines(strings.ReplaceAll(ansi.Strip(out), "\u00a0", " "))
	}
	return out, nil
}

// trimLines drops the padding glamour puts at the end of every line,
// which only gets in the way of plain text.
func trimLines(s string) string {
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		lines[i] = strings.TrimRight(l, " ")
	}
	return strings.Join(lines, "\n")
}

// stdout is standard output for what commands print. Its first write
// error is kept, so that a command whose output was lost (a full disk,
// a closed stdout) exits 1 instead of 0 (main).
var stdout = &checkedWriter{w: os.Stdout}

// checkedWriter is w keeping its first write error.
type checkedWriter struct {
	w   io.Writer
	err error
}

func (c *checkedWriter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	if err != nil && c.err == nil {
		c.err = err
	}
	return n, err
}
