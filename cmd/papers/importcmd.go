package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"

	"github.com/papertui/papers/feed"
	"github.com/papertui/papers/store"
)

// ImportCmd is `papers import`.
type ImportCmd struct {
	Files []string `arg:"" name:"file" help:"Saved API responses: a daily_papers array or one paper object; - reads stdin."`
	Day   string   `placeholder:"YYYY-MM-DD" help:"Feed day of the items (default: a date in the file name, else each item's own)."`
	JSON  bool     `name:"json" help:"Print the report as one JSON object."`
}

// maxImportFile bounds what one file may make us hold in memory.
const maxImportFile = 256 << 20

// fileReport is what importing one file did.
type fileReport struct {
	File     string         `json:"file"`
	Imported int            `json:"imported"`
	New      int            `json:"new"`
	Updated  int            `json:"updated"`
	Rejected []itemRejected `json:"rejected"`
	Error    string         `json:"error,omitempty"` // the whole file was rejected
}

type itemRejected struct {
	Item  int    `json:"item"`
	ID    string `json:"id,omitempty"`
	Error string `json:"error"`
}

type importReport struct {
	Files    []fileReport `json:"files"`
	Imported int          `json:"imported"`
	Rejected int          `json:"rejected"`
	Failed   int          `json:"failed_files"`
}

// Run imports every file, keeping the good items of each; exit 1 when
// anything was rejected.
func (c *ImportCmd) Run(g *Globals) error {
	if c.Day != "" && !dayPattern.MatchString(c.Day) {
		return usagef("import: --day %q: not a date (want YYYY-MM-DD)", c.Day)
	}
	lib, err := g.open()
	if err != nil {
		return err
	}
	defer lib.Close()
	ctx, stop := interruptible()
	defer stop()
	var report importReport
	for decoded := range decodeFiles(ctx, c.Files, c.Day) {
		fr := saveDecoded(ctx, lib, decoded)
		report.add(fr)
		if !c.JSON {
			printFileReport(os.Stdout, fr)
		}
		if ctx.Err() != nil {
			return fmt.Errorf("import: %w", ctx.Err())
		}
	}
	if c.JSON {
		if err := writeJSON(os.Stdout, report); err != nil {
			return err
		}
	} else {
		fmt.Printf("imported %d papers from %d files; %d items rejected, %d files rejected\n",
			report.Imported, len(report.Files), report.Rejected, report.Failed)
	}
	if report.Rejected > 0 || report.Failed > 0 {
		return errFailed
	}
	return nil
}

func (r *importReport) add(fr fileReport) {
	r.Files = append(r.Files, fr)
	r.Imported += fr.Imported
	r.Rejected += len(fr.Rejected)
	if fr.Error != "" {
		r.Failed++
	}
}

// decodedFile is one file read and decoded, not yet saved.
type decodedFile struct {
	name     string
	papers   []feed.Paper
	rejected []feed.ItemError
	err      error
}

// decodeFiles reads and decodes files ahead of the writer, in order: JSON
// decoding and writing SQLite then overlap on two cores.
func decodeFiles(ctx context.Context, names []string, day string) <-chan decodedFile {
	out := make(chan decodedFile, 4)
	go func() {
		defer close(out)
		for _, name := range names {
			d := decodeFile(name, day)
			select {
			case out <- d:
			case <-ctx.Done():
				return
			}
		}
	}()
	return out
}

var dayPattern = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}$`)
var dayInName = regexp.MustCompile(`\d{4}-\d{2}-\d{2}`)

func decodeFile(name, day string) decodedFile {
	d := decodedFile{name: name}
	body, err := readInput(name)
	if err != nil {
		d.err = err
		return d
	}
	if day == "" && name != "-" {
		day = dayInName.FindString(filepath.Base(name))
	}
	d.papers, d.rejected, d.err = feed.DecodeDocument(body, day)
	return d
}

func readInput(name string) ([]byte, error) {
	var r io.Reader = os.Stdin
	if name != "-" {
		f, err := os.Open(name)
		if err != nil {
			return nil, err
		}
		defer f.Close()
		r = f
	}
	body, err := io.ReadAll(io.LimitReader(r, maxImportFile+1))
	if err != nil {
		return nil, err
	}
	if len(body) > maxImportFile {
		return nil, fmt.Errorf("larger than %d MiB", maxImportFile>>20)
	}
	return body, nil
}

func saveDecoded(ctx context.Context, lib *store.Store, d decodedFile) fileReport {
	fr := fileReport{File: d.name, Rejected: []itemRejected{}}
	if d.err != nil {
		fr.Error = d.err.Error()
		return fr
	}
	for _, r := range d.rejected {
		fr.Rejected = append(fr.Rejected, itemRejected{Item: r.Index, ID: r.ID, Error: r.Error()})
	}
	saved, err := lib.SavePapers(ctx, d.papers)
	if err != nil {
		fr.Error = err.Error()
		return fr
	}
	fr.Imported, fr.New, fr.Updated = len(d.papers), saved.New, saved.Updated
	return fr
}

func printFileReport(w io.Writer, fr fileReport) {
	name := oneLine(fr.File)
	if fr.Error != "" {
		fmt.Fprintf(w, "%s: rejected: %s\n", name, oneLine(fr.Error))
		return
	}
	fmt.Fprintf(w, "%s: imported %d (%d new, %d updated)", name, fr.Imported, fr.New, fr.Updated)
	if len(fr.Rejected) > 0 {
		fmt.Fprintf(w, ", rejected %d", len(fr.Rejected))
	}
	fmt.Fprintln(w)
	for _, r := range fr.Rejected {
		fmt.Fprintf(w, "  %s\n", oneLine(r.Error))
	}
}
