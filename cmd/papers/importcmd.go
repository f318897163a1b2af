package main

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"time"

	"github.com/papertui/papers/internal/english"
	"github.com/papertui/papers/store"
	"github.com/papertui/papers/tui/clean"
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
	why   string // the reason alone, without the item: runs of it are said once
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
	if err := checkDay("import", "--day", c.Day, ""); err != nil {
		return err
	}
	if err := checkFuture("import", "--day", c.Day, time.Now()); err != nil {
		return err
	}
	return g.withLibrary(func(ctx context.Context, lib *store.Store) error {
		report := importReport{Files: []fileReport{}}
		lines := newPacedWriter(stdout)
		defer lines.Flush()
		failures := failureCopy(false)
		err := lib.Import(ctx, importFiles(c.Files, c.Day), func(r store.FileResult) {
			fr := fileReportOf(r)
			report.add(fr)
			if c.JSON {
				// stdout holds one JSON object; stderr still says what
				// failed, for a cron job that throws stdout away.
				printFileFailures(failures, fr)
				return
			}
			printFileReport(lines, failures, fr)
			lines.pace()
		})
		if err != nil {
			if c.JSON && ctx.Err() != nil {
				// Stopped: a script still learns which files were kept,
				// as sync --json tells it.
				_ = writeJSON(stdout, struct {
					importReport
					Interrupted bool `json:"interrupted"`
				}{report, true})
			}
			return err
		}
		if c.JSON {
			if err := writeJSON(stdout, report); err != nil {
				return err
			}
		} else {
			fmt.Fprintf(lines, "imported %s from %s; %s rejected, %s rejected\n",
				english.Count(report.Imported, "paper"), english.Count(len(report.Files), "file"),
				english.Count(report.Rejected, "item"), english.Count(report.Failed, "file"))
		}
		if report.Rejected > 0 || report.Failed > 0 {
			return errFailed
		}
		return nil
	})
}

func (r *importReport) add(fr fileReport) {
	r.Files = append(r.Files, fr)
	r.Imported += fr.Imported
	r.Rejected += len(fr.Rejected)
	if fr.Error != "" {
		r.Failed++
	}
}

var dayInName = regexp.MustCompile(`\d{4}-\d{2}-\d{2}`)

// importFiles names what to import; a date in a file's name is the feed
// day its items were asked for, unless --day says otherwise.
func importFiles(names []string, day string) []store.ImportFile {
	files := make([]store.ImportFile, len(names))
	for i, name := range names {
		fileDay := day
		if fileDay == "" && name != "-" {
			fileDay = dayInName.FindString(filepath.Base(name))
		}
		files[i] = store.ImportFile{Name: name, Day: fileDay, Read: func() ([]byte, error) { return readInput(name) }}
	}
	return files
}

func readInput(name string) ([]byte, error) {
	var r io.Reader = os.Stdin
	var body bytes.Buffer
	if name != "-" {
		f, err := os.Open(name)
		if err != nil {
			return nil, err
		}
		defer f.Close()
		size, err := checkInput(f)
		if err != nil {
			return nil, err
		}
		// Room for the whole file at once: growing from nothing copied
		// each file several times, a twentieth of an import's CPU.
		body.Grow(int(min(size, maxImportFile)) + bytes.MinRead)
		r = f
	}
	if _, err := body.ReadFrom(io.LimitReader(r, maxImportFile+1)); err != nil {
		return nil, err
	}
	if body.Len() > maxImportFile {
		return nil, fmt.Errorf("larger than %d MiB", maxImportFile>>20)
	}
	return body.Bytes(), nil
}

func fileReportOf(r store.FileResult) fileReport {
	fr := fileReport{File: r.Name, Imported: r.Imported, New: r.New, Updated: r.Updated, Rejected: []itemRejected{}}
	if r.Err != nil {
		fr.Error = r.Err.Error()
	}
	for _, rej := range r.Rejected {
		fr.Rejected = append(fr.Rejected, itemRejected{Item: rej.Index, ID: rej.ID, Error: rej.Error(), why: rej.Err.Error()})
	}
	return fr
}

// pacedWriter holds the import's lines and writes them when a file is
// reported and reportPace has passed since the last write, and at the
// end: a line a file was two system calls on the writer's goroutine, the
// import's critical path. Files are reported a batch at a time, after
// its commit, so the lines still come as the import goes.
type pacedWriter struct {
	*bufio.Writer
	last time.Time
}

// reportPace is the least time between two writes of held lines.
const reportPace = 100 * time.Millisecond

func newPacedWriter(w io.Writer) *pacedWriter {
	return &pacedWriter{Writer: bufio.NewWriterSize(w, 64<<10), last: time.Now()}
}

// pace writes what is held once reportPace has passed since the last write.
func (p *pacedWriter) pace() {
	if time.Since(p.last) >= reportPace {
		p.Flush()
		p.last = time.Now()
	}
}

// printFileReport writes a file's line to w, and what was rejected to
// fail as well (failureCopy).
func printFileReport(w, fail io.Writer, fr fileReport) {
	defer printFileFailures(fail, fr)
	name := clean.Line(fr.File)
	if fr.Error != "" {
		fmt.Fprintf(w, "%s: rejected: %s\n", name, clean.Line(fr.Error))
		return
	}
	fmt.Fprintf(w, "%s: imported %d (%d new, %d updated)", name, fr.Imported, fr.New, fr.Updated)
	if len(fr.Rejected) > 0 {
		fmt.Fprintf(w, ", rejected %s", english.Count(len(fr.Rejected), "item"))
	}
	fmt.Fprintln(w)
	for _, line := range rejectionLines(fr.Rejected) {
		fmt.Fprintf(w, "  %s\n", line)
	}
}

// rejectionLines says what of a file was rejected, an item a line, but a
// run of items without ids rejected for the same reason in one ("items
// 0–25: a string, not an object"): a file of 26 strings was 26 lines.
func rejectionLines(rejected []itemRejected) []string {
	var lines []string
	for i := 0; i < len(rejected); {
		r, j := rejected[i], i+1
		for r.ID == "" && r.why != "" && j < len(rejected) && rejected[j].ID == "" && rejected[j].why == r.why &&
			rejected[j].Item == rejected[j-1].Item+1 {
			j++
		}
		if j-i > 1 {
			lines = append(lines, fmt.Sprintf("items %d–%d: %s", r.Item, rejected[j-1].Item, clean.Line(r.why)))
		} else {
			lines = append(lines, clean.Line(r.Error))
		}
		i = j
	}
	return lines
}

// printFileFailures writes to fail what of a file was rejected: the
// whole file, or each item.
func printFileFailures(fail io.Writer, fr fileReport) {
	name := clean.Line(fr.File)
	if fr.Error != "" {
		fmt.Fprintf(fail, "papers: import: %s: rejected: %s\n", name, clean.Line(fr.Error))
		return
	}
	for _, line := range rejectionLines(fr.Rejected) {
		fmt.Fprintf(fail, "papers: import: %s: rejected %s\n", name, line)
	}
}

// checkInput refuses what cannot be a saved response: a folder, or a
// device (/dev/zero would be read to the size cap). Regular files, FIFOs
// and the terminal or pipe stdin is on are read. It says how large the
// file is, 0 where that is not known ahead.
func checkInput(f *os.File) (int64, error) {
	info, err := f.Stat()
	if err != nil {
		return 0, err
	}
	mode := info.Mode()
	switch {
	case mode.IsDir():
		return 0, fmt.Errorf("is a directory; name the files in it (DIR/*.json)")
	case mode&os.ModeDevice != 0:
		if in, err := os.Stdin.Stat(); err == nil && os.SameFile(in, info) {
			return 0, nil
		}
		return 0, fmt.Errorf("is a device, not a file")
	}
	return max(0, info.Size()), nil
}
