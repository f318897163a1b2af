package main

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"
)

// An output target is where `export -o` writes. What the user already has
// there matters more than the export: the library (and its -wal, -shm and
// -journal files) and any other SQLite file are never written over; a
// symlink is followed and its target replaced, the link kept; devices and
// FIFOs (/dev/null, /dev/stdout, a named pipe) are written straight, since
// replacing them with a regular file would destroy them; a regular file is
// replaced whole, through a temporary file renamed over it.

// targetKind says how a target is written.
type targetKind int

const (
	targetStdout   targetKind = iota // -o - or no -o
	targetReplace                    // a regular file, or none yet: written atomically
	targetStraight                   // a device, FIFO or /proc file: written in place
)

// target is a checked output path.
type target struct {
	kind targetKind
	cmd  string // the command writing, for messages ("export", "digest")
	path string // as the user wrote it, for messages
	real string // where the bytes go: symlinks followed
	mode fs.FileMode
}

// maxLinks bounds the symlinks followed, as the kernel does (ELOOP).
const maxLinks = 40

// checkTarget decides how cmd writes path, refusing what must not be
// written over. library is the library file in use. The returned error is
// a usage error: a different -o fixes it.
func checkTarget(cmd, path, library string) (target, error) {
	t, err := targetFor(path, library)
	if err != nil {
		return t, usagef("%s: %w", cmd, err)
	}
	t.cmd = cmd
	return t, nil
}

func targetFor(path, library string) (target, error) {
	if path == "" || path == "-" {
		return target{kind: targetStdout}, nil
	}
	if strings.ContainsRune(path, 0) {
		return target{}, usagef("-o %q: a file name cannot hold a NUL byte", path)
	}
	real, viaSystem, err := followLinks(path)
	if err != nil {
		return target{}, usagef("-o %s: %v", quoteName(path), err)
	}
	t := target{kind: targetReplace, path: path, real: real, mode: 0o644}
	if err := refuseLibrary(path, real, library); err != nil {
		return target{}, err
	}
	info, err := os.Stat(real)
	if err == nil && sameAsStdout(info) {
		// -o /dev/stdout, or a name for the file stdout already writes:
		// write through the open descriptor, as the shell set it up.
		return target{kind: targetStdout}, nil
	}
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return t, checkFolder(path, real)
	case err != nil:
		return target{}, usagef("-o %s: %v", quoteName(path), unwrapPath(err))
	}
	switch mode := info.Mode(); {
	case mode.IsDir():
		return target{}, usagef("-o %s: is a directory; name a file in it", quoteName(path))
	case mode&fs.ModeDevice != 0 && mode&fs.ModeCharDevice == 0:
		return target{}, usagef("-o %s: is a block device (a disk); writing would destroy what it holds", quoteName(path))
	case mode&fs.ModeSocket != 0:
		return target{}, usagef("-o %s: is a socket, not a file", quoteName(path))
	case !mode.IsRegular() || viaSystem || underSystemTree(real):
		t.kind = targetStraight
		return t, nil
	}
	t.mode = info.Mode().Perm()
	if t.mode&0o222 == 0 {
		// Replacing by rename needs only the folder's permission, and
		// root passes every check: the file's own bits say it is kept.
		return target{}, usagef("-o %s: is read-only; make it writable (chmod u+w) or choose another file", quoteName(path))
	}
	if err := refuseDatabase(path, real); err != nil {
		return target{}, err
	}
	return t, checkFolder(path, real)
}

// followLinks resolves every symlink in path, also when the last one
// dangles (the export then creates the file it points to). The folders
// are resolved too, so two spellings of one file compare equal. viaSystem
// says a link on the way was one of the kernel's (/dev/fd, /proc/self/fd):
// what it names is an open descriptor, to be written in place.
func followLinks(path string) (real string, viaSystem bool, err error) {
	p, err := filepath.Abs(path)
	if err != nil {
		return "", false, err
	}
	for range maxLinks {
		dir, err := resolveDir(filepath.Dir(p))
		if err != nil {
			return "", false, err
		}
		p = filepath.Join(dir, filepath.Base(p))
		info, err := os.Lstat(p)
		if err != nil || info.Mode()&fs.ModeSymlink == 0 {
			return p, viaSystem, nil // absent or not a link: this is the file
		}
		link, err := os.Readlink(p)
		if err != nil {
			return "", false, err
		}
		if underSystemTree(p) {
			viaSystem = true
			if !filepath.IsAbs(link) && strings.Contains(link, ":") {
				return p, true, nil // pipe:[…], socket:[…]: nameless, written through the link
			}
		}
		if !filepath.IsAbs(link) {
			link = filepath.Join(dir, link)
		}
		p = link
	}
	return "", false, errors.New("too many levels of symbolic links")
}

// sameAsStdout says whether info is the file stdout is open on.
func sameAsStdout(info fs.FileInfo) bool {
	out, err := os.Stdout.Stat()
	return err == nil && os.SameFile(info, out)
}

// resolveDir resolves the symlinks of a folder that exists; of one that
// does not, its nearest existing parent, so the error comes later, from
// the folder check, in plain words.
func resolveDir(dir string) (string, error) {
	real, err := filepath.EvalSymlinks(dir)
	if err == nil {
		return real, nil
	}
	if !errors.Is(err, fs.ErrNotExist) {
		return "", unwrapPath(err)
	}
	parent := filepath.Dir(dir)
	if parent == dir {
		return dir, nil
	}
	p, err := resolveDir(parent)
	if err != nil {
		return "", err
	}
	return filepath.Join(p, filepath.Base(dir)), nil
}

// libraryFiles are the files SQLite keeps for the library at path.
func libraryFiles(path string) []string {
	return []string{path, path + "-wal", path + "-shm", path + "-journal"}
}

// refuseLibrary refuses the library in use and its companion files, by
// identity (hard links, bind mounts) and by resolved name (files not yet
// created, such as the -wal of a closed library).
func refuseLibrary(path, real, library string) error {
	if library == "" {
		return nil
	}
	realLib, _, err := followLinks(library)
	if err != nil {
		realLib = library
	}
	target, statErr := os.Stat(real)
	for i, f := range libraryFiles(realLib) {
		same := f == real
		if !same && statErr == nil {
			if info, err := os.Stat(f); err == nil {
				same = os.SameFile(info, target)
			}
		}
		if same {
			what := "the library"
			if i > 0 {
				what = "a file of the library " + quoteName(library)
			}
			return usagef("-o %s is %s; writing there would destroy it: choose another file", quoteName(path), what)
		}
	}
	return nil
}

// refuseDatabase refuses to replace an SQLite database or write-ahead log:
// another library, or anyone's data, is worth more than an export.
func refuseDatabase(path, real string) error {
	f, err := os.Open(real)
	if err != nil {
		return nil // the write will say why it cannot
	}
	defer f.Close()
	head := make([]byte, 16)
	n, _ := io.ReadFull(f, head)
	head = head[:n]
	isDB := bytes.HasPrefix(head, []byte("SQLite format 3\x00"))
	isWAL := len(head) >= 4 && (bytes.Equal(head[:4], []byte{0x37, 0x7f, 0x06, 0x82}) || bytes.Equal(head[:4], []byte{0x37, 0x7f, 0x06, 0x83}))
	if isDB || isWAL {
		return usagef("-o %s is an SQLite database (a papers library?); "+
			"refusing to write over it: choose another file, or remove it first if it is really not needed", quoteName(path))
	}
	return nil
}

// checkFolder says at once when the file cannot be created, naming the
// folder rather than the temporary file the write would have used.
func checkFolder(path, real string) error {
	dir := filepath.Dir(real)
	info, err := os.Stat(dir)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return usagef("-o %s: folder %s does not exist", quoteName(path), quoteName(dir))
	case err != nil:
		return usagef("-o %s: %v", quoteName(path), unwrapPath(err))
	case !info.IsDir():
		return usagef("-o %s: %s is not a folder", quoteName(path), quoteName(dir))
	}
	return nil
}

// underSystemTree is a file of the kernel's own trees, which are written
// in place (their "regular" files are interfaces, not storage).
func underSystemTree(p string) bool {
	for _, root := range []string{"/proc/", "/sys/", "/dev/"} {
		if strings.HasPrefix(p, root) {
			return true
		}
	}
	return false
}

// write runs fn against the target: stdout, the file in place, or a
// temporary file renamed over it once complete, so a failed export never
// leaves a truncated file.
func (t target) write(fn func(io.Writer) error) error {
	switch t.kind {
	case targetStdout:
		bw := bufio.NewWriter(stdout)
		if err := fn(bw); err != nil {
			return err
		}
		return bw.Flush()
	case targetStraight:
		return t.writeStraight(fn)
	}
	return t.replace(fn)
}

func (t target) writeStraight(fn func(io.Writer) error) error {
	f, err := os.OpenFile(t.real, os.O_WRONLY, 0)
	if err != nil {
		return fmt.Errorf("%s to %s: %w", t.cmd, quoteName(t.path), unwrapPath(err))
	}
	bw := bufio.NewWriter(f)
	err = fn(bw)
	if err == nil {
		err = bw.Flush()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("%s to %s: %w", t.cmd, quoteName(t.path), unwrapPath(err))
	}
	return nil
}

func (t target) replace(fn func(io.Writer) error) error {
	dir := filepath.Dir(t.real)
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(t.real)+".*")
	if err != nil {
		return fmt.Errorf("%s to %s: cannot create a file in %s: %w", t.cmd, quoteName(t.path), quoteName(dir), unwrapPath(err))
	}
	defer os.Remove(tmp.Name())
	bw := bufio.NewWriter(tmp)
	err = fn(bw)
	if err == nil {
		err = bw.Flush()
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Chmod(tmp.Name(), t.mode) // CreateTemp makes it private
	}
	if err == nil {
		err = os.Rename(tmp.Name(), t.real)
	}
	if err != nil {
		return fmt.Errorf("%s to %s: %w", t.cmd, quoteName(t.path), describeWriteError(unwrapPath(err)))
	}
	removeStaleTemps(dir, filepath.Base(t.real), tmp.Name())
	return nil
}

// staleTempAge is how old a temporary file of an earlier write to the
// same file must be to be taken for one a kill -9 left behind, not one
// another export is writing now.
const staleTempAge = time.Hour

// removeStaleTemps removes the temporary files that writes of base killed
// before their rename left in dir (".refs.bib.123456"), keeping the one
// just used and any younger than staleTempAge.
func removeStaleTemps(dir, base, keep string) {
	matches, _ := filepath.Glob(filepath.Join(dir, "."+globEscape(base)+".*"))
	prefix := filepath.Join(dir, "."+base+".")
	for _, m := range matches {
		// Only CreateTemp's own names: its random part is digits, so an
		// editor's .refs.bib.swp or .refs.bib.un~ is never taken.
		suffix := strings.TrimPrefix(m, prefix)
		if suffix == "" || strings.Trim(suffix, "0123456789") != "" || m == keep {
			continue
		}
		if info, err := os.Lstat(m); err == nil && info.Mode().IsRegular() && time.Since(info.ModTime()) > staleTempAge {
			os.Remove(m)
		}
	}
}

// globEscape escapes what filepath.Match reads as a pattern in a name.
func globEscape(name string) string {
	return strings.NewReplacer(`\`, `\\`, "*", `\*`, "?", `\?`, "[", `\[`).Replace(name)
}

// unwrapPath drops the *PathError's own path, which may be a temporary
// file the user never named.
func unwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	var le *os.LinkError
	if errors.As(err, &le) {
		return le.Err
	}
	return err
}

// quoteName shows a file name safely: as is when it is plain, quoted with
// escapes when it holds controls or spaces at its ends.
func quoteName(p string) string {
	for _, r := range p {
		if r < 0x20 || r == 0x7f || (r >= 0x80 && r <= 0x9f) || needsEscape(r) {
			return fmt.Sprintf("%q", p)
		}
	}
	if strings.TrimSpace(p) != p {
		return fmt.Sprintf("%q", p)
	}
	return p
}
