package main

import (
	"errors"
	"fmt"
	"strings"
	"syscall"

	"github.com/papertui/papers/feed"
	"github.com/papertui/papers/tui/clean"
)

// describeWriteError puts the common reasons a write fails in plain words,
// keeping the system's own error for the details.
func describeWriteError(err error) error {
	switch {
	case errors.Is(err, syscall.ENOSPC), errors.Is(err, syscall.EDQUOT):
		return fmt.Errorf("the disk is full (%w); free some space and try again", err)
	case errors.Is(err, syscall.EROFS):
		return fmt.Errorf("the file system is read-only (%w)", err)
	case errors.Is(err, syscall.EACCES), errors.Is(err, syscall.EPERM):
		return fmt.Errorf("permission denied (%w)", err)
	}
	return err
}

// describeFetch says what went wrong with a fetch in the user's terms.
func describeFetch(err error) string {
	switch {
	case errors.Is(err, feed.ErrNotFound):
		return "Hugging Face has not indexed this paper (404)"
	case feed.Unreachable(err):
		return "cannot reach the feed (offline?): " + err.Error()
	}
	return err.Error()
}

// messageText is an error message of several lines made safe to print
// with each line's indentation kept (a config error lists its problems
// indented under its first line): clean.Verbatim, not clean.Text, which
// trims every line.
func messageText(s string) string {
	return strings.TrimSpace(clean.Verbatim(s))
}
