//go:build !unix

package store

// writable is assumed elsewhere; SQLite's own errors say what went wrong.
func writable(string) bool { return true }

func canWrite(string) bool { return true }
