//go:build unix

package store

import "syscall"

// diskFull says whether the file system holding dir has no room left for
// SQLite to write (its log, its shared memory index).
func diskFull(dir string) bool {
	var st syscall.Statfs_t
	if err := syscall.Statfs(dir, &st); err != nil {
		return false
	}
	return uint64(st.Bavail)*uint64(st.Bsize) < 64<<10
}
