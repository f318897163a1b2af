// Package store owns the local library: one SQLite file holding the synced
// papers, their full-text index, which feed days were fetched, and the
// reader's own state (queue, read marks, tags, notes, followed searches,
// what it last saw and the undo history), which no sync ever touches.
// It knows nothing of HTTP or the screen.
package store

import (
	"context"
	"database/sql"
	"embed"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"

	"github.com/dustin/go-humanize"
	"modernc.org/sqlite" // also registers the "sqlite" driver
)

//go:embed migrations/*.sql
var migrationFiles embed.FS

// ErrNewerLibrary means the file was written by a newer papers.
var ErrNewerLibrary = errors.New("library was written by a newer papers")

// Store is an open library.
type Store struct {
	db   *sql.DB
	path string

	watchMu sync.Mutex
	watch   *sql.Conn // the connection DataVersion asks

	sets setIndex // the words of searches within tags and notes (setindex.go)
}

// Path is the library file.
func (s *Store) Path() string { return s.path }

// Close closes the library.
func (s *Store) Close() error {
	s.sets.close()
	s.watchMu.Lock()
	if s.watch != nil {
		s.watch.Close()
	}
	s.watchMu.Unlock()
	return s.db.Close()
}

// UpgradeNotice, when set, is told before an existing library is
// migrated to a newer schema: on a large library that takes seconds (the
// symbols column is filled from every paper), and a command should say so
// rather than sit silent.
var UpgradeNotice func(path string, from, to int)

// Open opens the library at path, creating it (and its folder) when missing
// and migrating it to the current schema. A file that is not a library, or
// one written by a newer papers, is refused before anything is written.
func Open(path string) (*Store, error) {
	if err := preflight(path); err != nil {
		return nil, err
	}
	if _, err := os.Stat(path); err == nil && !writable(path) {
		return openReadOnly(path)
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return nil, fmt.Errorf("open library %s: %w", path, err)
	}
	db, err := sql.Open("sqlite", dsn(path, false))
	if err != nil {
		return nil, fmt.Errorf("open library %s: %w", path, err)
	}
	// A few connections let the reader query while a sync writes (WAL);
	// _txlock=immediate makes every writer queue on busy_timeout instead of
	// failing with "database is locked" when it upgrades a read lock.
	sizePool(db) // pool.go
	s := &Store{db: db, path: path}
	if err := s.migrate(context.Background()); err != nil {
		db.Close()
		return nil, explain(path, err)
	}
	s.ensureIndexes(context.Background()) // deferindex.go
	return s, nil
}

// openReadOnly opens a library that cannot be written (a read-only file,
// folder or filesystem) for reading: every change then fails with a
// message that says the library is read-only.
func openReadOnly(path string) (*Store, error) {
	db, err := sql.Open("sqlite", readDSN(path))
	if err != nil {
		return nil, fmt.Errorf("open library %s: %w", path, err)
	}
	db.SetMaxIdleConns(poolSize) // pool.go
	var version int
	if err := db.QueryRow("PRAGMA user_version").Scan(&version); err != nil {
		db.Close()
		return nil, explain(path, err)
	}
	if version != len(migrations()) {
		db.Close()
		return nil, fmt.Errorf("open library %s: read-only, and its schema (%d) needs upgrading to %d: "+
			"make it writable once", path, version, len(migrations()))
	}
	return &Store{db: db, path: path}, nil
}

// readDSN opens path for reading; where nothing can be written beside
// the file (a read-only folder or filesystem), not even the write-ahead
// log's shared memory, it is opened as immutable.
func readDSN(path string) string {
	if !writable(path) {
		return dsn(path, true) + "&immutable=1"
	}
	return dsn(path, true)
}

// autoCheckpointPages is how much log a connection's commits gather
// before one copies it into the file: 8,000 pages (128 MiB) let a bulk
// write rewrite hot pages in the log instead of copying them to the file
// again and again.
const autoCheckpointPages = 8000

// busyTimeout is how many milliseconds a connection waits for another
// process's lock before it fails as busy.
const busyTimeout = 10000

func dsn(path string, readOnly bool) string {
	q := url.Values{}
	for _, p := range []string{fmt.Sprintf("busy_timeout(%d)", busyTimeout), "foreign_keys(1)", fmt.Sprintf("wal_autocheckpoint(%d)", autoCheckpointPages)} {
		q.Add("_pragma", p)
	}
	if readOnly {
		q.Set("mode", "ro")
	} else {
		// Rows of about 4 KiB waste a tenth of every 4 KiB page; 16 KiB
		// pages pack them, and a bulk write makes a quarter of the
		// system calls. Only a new file takes it, so it must come before
		// WAL is switched on: the driver runs the _pragma list sorted by
		// name, and the journal mode and sync keys after it.
		q.Add("_pragma", "page_size(16384)")
		q.Set("_journal_mode", "WAL")
		q.Set("_synchronous", "NORMAL")
		q.Set("_txlock", "immediate")
	}
	return "file:" + (&url.URL{Path: path}).EscapedPath() + "?" + q.Encode()
}

// preflight looks at an existing file read-only, so that a file that is
// not a library, or is from a newer papers, is never modified.
func preflight(path string) error {
	info, err := os.Stat(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("open library %s: %w", path, err)
	}
	if err := checkKind(path, info); err != nil {
		return err
	}
	if info.Size() == 0 {
		return checkEmptyWithLog(path)
	}
	if err := checkHeader(path); err != nil {
		return err
	}
	db, err := sql.Open("sqlite", readDSN(path))
	if err != nil {
		return fmt.Errorf("open library %s: %w", path, err)
	}
	defer db.Close()
	var version int
	if err := db.QueryRow("PRAGMA user_version").Scan(&version); err != nil {
		return explain(path, err)
	}
	if err := checkVersion(path, version); err != nil {
		return err
	}
	return checkForeign(path, db)
}

// checkHeader refuses files that are plainly not SQLite before the driver
// sees them.
func checkHeader(path string) error {
	f, err := os.Open(path)
	if err != nil {
		return fmt.Errorf("open library %s: %w", path, err)
	}
	defer f.Close()
	header := make([]byte, 100)
	n, _ := io.ReadFull(f, header)
	if n < 16 || string(header[:16]) != "SQLite format 3\x00" {
		return fmt.Errorf("open library %s: not a papers library (not an SQLite file); "+
			"move it aside or choose another with --db", path)
	}
	// A checkpoint cut short by a crash can leave the file behind its
	// header until the log is copied in again: only a file with no log
	// is cut short for good.
	if info, err := f.Stat(); err == nil && n == 100 && logBytes(path) == 0 {
		if want := headerSize(header); info.Size() < want {
			return fmt.Errorf("open library %s: the file is cut short: it holds %s of the %s it was written with "+
				"(a copy or download that stopped?); put back a whole copy, or move it aside and sync again "+
				"(your queue, tags and notes live in it)", path, humanize.IBytes(uint64(info.Size())), humanize.IBytes(uint64(want)))
		}
	}
	return nil
}

// headerSize is the size an SQLite file's header says the file has: its
// page count times its page size, when the header's count is valid (its
// change counter matches the one the count was written with); 0 when not.
func headerSize(h []byte) int64 {
	pageSize := int64(binary.BigEndian.Uint16(h[16:18]))
	if pageSize == 1 {
		pageSize = 65536
	}
	pages := int64(binary.BigEndian.Uint32(h[28:32]))
	if binary.BigEndian.Uint32(h[24:28]) != binary.BigEndian.Uint32(h[92:96]) {
		return 0
	}
	return pages * pageSize
}

func checkVersion(path string, version int) error {
	known := len(migrations())
	if version > known {
		return fmt.Errorf("open library %s: %w (schema %d; this papers knows up to %d): "+
			"upgrade papers, or use another library with --db", path, ErrNewerLibrary, version, known)
	}
	return nil
}

// Explain is explain for an error that reached the command line without
// it: one still holding a bare SQLite error, not naming the library, is
// given the library's name and what to do.
func Explain(path string, err error) error {
	var sqlErr *sqlite.Error
	if errors.As(err, &sqlErr) && !strings.Contains(err.Error(), path) {
		return explain(path, err)
	}
	return err
}

// explain turns SQLite's terse errors into ones that name the library
// and say what to do; no bare SQLite code reaches the user.
func explain(path string, err error) error {
	msg := err.Error()
	code := sqliteCode(err)
	switch {
	case code == 13, strings.Contains(msg, "disk is full"), strings.Contains(msg, "SQLITE_FULL"),
		code == 10 && diskFull(filepath.Dir(path)):
		return fmt.Errorf("library %s: the disk is full (%v); free some space and try again", path, err)
	case code == 11, code == 26, strings.Contains(msg, "file is not a database"), strings.Contains(msg, "malformed"):
		return fmt.Errorf("library %s: the file is damaged or not a papers library (%v); "+
			doctorAdvice+"`papers export --rescue -o FILE` saves the papers that still read; "+
			"then move it aside and sync again (your queue lives in it)", path, err)
	case code == 8, strings.Contains(msg, "readonly"), strings.Contains(msg, "read-only"):
		return fmt.Errorf("library %s: %s (%v)", path, readOnlyReason(path, canWrite), err)
	case code == 5, code == 6:
		return fmt.Errorf("library %s is busy: another papers is writing it (%v); try again when it is done", path, err)
	case code == 10:
		return fmt.Errorf("library %s: the disk could not be read or written (%v); check the disk, then run `papers doctor`", path, err)
	case code == 14:
		return fmt.Errorf("library %s: cannot be opened (%v); check that it and its folder exist and can be read and written", path, err)
	}
	var sqlErr *sqlite.Error
	if errors.As(err, &sqlErr) {
		return fmt.Errorf("library %s: %w; run `papers doctor` to check it", path, err)
	}
	return err
}

// doctorAdvice is the damaged library's pointer to doctor, which doctor
// itself leaves out.
const doctorAdvice = "`papers doctor` checks it; "

// readOnlyReason says which part of a read-only library is read-only:
// SQLite needs to write the file and, for its log, its folder.
func readOnlyReason(path string, writable func(string) bool) string {
	dir := filepath.Dir(path)
	switch {
	case !writable(path) && !writable(dir):
		return "read-only: neither the file nor its folder " + dir + " can be written; make them writable or choose another with --db"
	case !writable(path):
		return "read-only: the file cannot be written; make it writable or choose another with --db"
	case !writable(dir):
		return "read-only here: its folder " + dir + " cannot be written, and SQLite keeps its log beside the library: make the folder writable, or move the library to one that is"
	}
	return "read-only; make it writable or choose another with --db"
}

type migration struct {
	version int
	name    string
}

func migrations() []migration {
	entries, _ := fs.ReadDir(migrationFiles, "migrations")
	var ms []migration
	for i, e := range entries {
		ms = append(ms, migration{version: i + 1, name: e.Name()})
	}
	sort.Slice(ms, func(i, j int) bool { return ms[i].name < ms[j].name })
	return ms
}

// migrate applies each pending migration in a transaction together with
// its user_version, so a crash leaves the schema at a whole version.
func (s *Store) migrate(ctx context.Context) error {
	var version int
	if err := s.db.QueryRowContext(ctx, "PRAGMA user_version").Scan(&version); err != nil {
		return err
	}
	if err := checkVersion(s.path, version); err != nil {
		return err
	}
	if version > 0 && version < len(migrations()) && UpgradeNotice != nil {
		UpgradeNotice(s.path, version, len(migrations()))
	}
	for _, m := range migrations()[version:] {
		body, err := migrationFiles.ReadFile("migrations/" + m.name)
		if err != nil {
			return err
		}
		if err := s.inTx(ctx, func(tx *sql.Tx) error {
			// Another process may have applied it while this one waited
			// for the write lock (a reader and a sync opening together).
			var now int
			if err := tx.QueryRowContext(ctx, "PRAGMA user_version").Scan(&now); err != nil || now >= m.version {
				return err
			}
			if _, err := tx.ExecContext(ctx, string(body)); err != nil {
				return fmt.Errorf("migration %s: %w", m.name, err)
			}
			if fill := migrationFill[m.name]; fill != nil {
				if err := fill(ctx, tx); err != nil {
					return fmt.Errorf("migration %s: %w", m.name, err)
				}
			}
			_, err := tx.ExecContext(ctx, fmt.Sprintf("PRAGMA user_version = %d", m.version))
			return err
		}); err != nil {
			return err
		}
	}
	return nil
}

// inTx runs fn in one transaction: all of it lands or none of it does.
func (s *Store) inTx(ctx context.Context, fn func(tx *sql.Tx) error) error {
	return runTx(ctx, s.db, fn)
}

// beginner is a *sql.DB or a *sql.Conn.
type beginner interface {
	BeginTx(ctx context.Context, opts *sql.TxOptions) (*sql.Tx, error)
}

func runTx(ctx context.Context, db beginner, fn func(tx *sql.Tx) error) error {
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	if err := fn(tx); err != nil {
		tx.Rollback()
		return err
	}
	return tx.Commit()
}
