package tui

import "strings"

// Measuring text in cells without the grapheme machinery where it need
// not run: most titles and names are printable ASCII, whose width is
// their length, and measuring them rune by rune was a third of a frame.

// printableASCII says whether s is only printable ASCII (no escape
// sequence, no control character): one cell per byte.
func printableASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < 0x20 || s[i] > 0x7e {
			return false
		}
	}
	return true
}

// blanks is padding to slice from instead of making it.
var blanks = strings.Repeat(" ", 512)

// pad is n spaces (none for n ≤ 0).
func pad(n int) string {
	switch {
	case n <= 0:
		return ""
	case n <= len(blanks):
		return blanks[:n]
	}
	return strings.Repeat(" ", n)
}

// fitASCII is fit for printable ASCII: what ansi.Truncate with a "…"
// tail and the padding make of it, byte for byte.
func fitASCII(s string, w int) string {
	switch {
	case len(s) <= w:
		return s + pad(w-len(s))
	case w <= 0:
		return ""
	}
	return s[:w-1] + "…"
}
