package store

import (
	"database/sql"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"modernc.org/sqlite"
)

// ErrNoLibrary is wrapped by OpenExisting's error when there is no file.
var ErrNoLibrary = errors.New("no library")

// OpenExisting opens the library at path for a command that only reads
// it: where there is none, it says so (and how to make one) instead of
// creating an empty file.
func OpenExisting(path string) (*Store, error) {
	info, err := os.Lstat(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf("%w at %s: run `papers sync` (or `papers import FILE…`) to make one, or choose another with --db", ErrNoLibrary, path)
	}
	if err == nil && info.Mode().IsRegular() && info.Size() == 0 && checkKind(path, info) == nil && checkEmptyWithLog(path) == nil {
		// An empty file is no library either: opening it would make
		// one there, which only sync, import and add may do.
		return nil, fmt.Errorf("%w at %s, only an empty file: run `papers sync` (or `papers import FILE…`) to make one there, or choose another with --db", ErrNoLibrary, path)
	}
	return Open(path)
}

// checkKind refuses, at once and before anything opens it, a library path
// that is not a regular file: a FIFO would hang the open, a device or a
// /proc file would read as an empty library, a folder is a mistake.
func checkKind(path string, info fs.FileInfo) error {
	mode := info.Mode()
	var what string
	switch {
	case mode.IsRegular():
		if strings.HasPrefix(filepath.Clean(path), "/proc/") || strings.HasPrefix(filepath.Clean(path), "/sys/") {
			what = "a file of the kernel's /proc or /sys"
		} else {
			return nil
		}
	case mode.IsDir():
		what = "a directory"
	case mode&fs.ModeNamedPipe != 0:
		what = "a named pipe (FIFO)"
	case mode&fs.ModeCharDevice != 0:
		what = "a character device"
	case mode&fs.ModeDevice != 0:
		what = "a block device"
	case mode&fs.ModeSocket != 0:
		what = "a socket"
	default:
		what = "not a regular file"
	}
	return fmt.Errorf("open library %s: %s, not a library file: "+
		"the library must be a regular file or not exist yet; choose another with --db or PAPERS_DB", path, what)
}

// checkEmptyWithLog refuses an empty library beside a write-ahead log that
// holds something: the log may hold every change since the last checkpoint,
// and opening would start the library over and empty the log.
func checkEmptyWithLog(path string) error {
	size := logBytes(path)
	if size == 0 {
		return nil
	}
	return fmt.Errorf("open library %s: the file is empty but its write-ahead log %s-wal holds %d bytes, "+
		"which may be the whole library; nothing was changed. Copy both files aside before anything else; "+
		"if the library file was emptied by mistake, restore it from a backup next to that log, "+
		"or move both aside and run `papers sync` to start a new library", path, path, size)
}

// logBytes is the size of path's write-ahead log, 0 when it has none.
func logBytes(path string) int64 {
	wal, err := os.Stat(path + "-wal")
	if err != nil {
		return 0
	}
	return wal.Size()
}

// checkForeign refuses an SQLite file that is not a papers library: its
// tables are someone else's and must not get ours added.
func checkForeign(path string, db *sql.DB) error {
	var version int
	if err := db.QueryRow("PRAGMA user_version").Scan(&version); err != nil {
		return explain(path, err)
	}
	rows, err := db.Query(`SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name`)
	if err != nil {
		return explain(path, err)
	}
	defer rows.Close()
	var tables []string
	papers := false
	for rows.Next() {
		var name string
		if err := rows.Scan(&name); err != nil {
			return explain(path, err)
		}
		papers = papers || name == "papers"
		tables = append(tables, name)
	}
	if err := rows.Err(); err != nil {
		return explain(path, err)
	}
	if len(tables) == 0 || (papers && version > 0) {
		return nil // a new library, or ours
	}
	shown := tables
	if len(shown) > 5 {
		shown = append(shown[:5:5], "…")
	}
	return fmt.Errorf("open library %s: an SQLite database but not a papers library (its tables: %s); "+
		"nothing was changed: choose another file with --db or PAPERS_DB", path, strings.Join(shown, ", "))
}

// sqliteCode is the primary result code of an SQLite error, 0 for others.
func sqliteCode(err error) int {
	var e *sqlite.Error
	if errors.As(err, &e) {
		return e.Code() & 0xff
	}
	return 0
}
