//go:build !unix

package store

// diskFull is not known here; SQLite's own errors say what went wrong.
func diskFull(string) bool { return false }
