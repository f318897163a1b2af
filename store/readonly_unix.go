//go:build unix

package store

import (
	"path/filepath"
	"syscall"
)

// writable says whether the library file and its folder can be written:
// SQLite needs the folder too, for the write-ahead log.
func writable(path string) bool {
	const wOK = 2
	return syscall.Access(path, wOK) == nil && syscall.Access(filepath.Dir(path), wOK) == nil
}

// canWrite says whether one path (a file or a folder) can be written.
func canWrite(path string) bool {
	const wOK = 2
	return syscall.Access(path, wOK) == nil
}
