// Package english owns the few rules of English that messages need, so
// every command and pane says "1 day" and "2 days" the same way.
package english

import (
	"strings"

	"github.com/dustin/go-humanize"
)

// Noun is noun as n of it are called: "day" for 1, "days" otherwise
// ("entry" becomes "entries").
func Noun(n int, noun string) string {
	if n == 1 || n == -1 {
		return noun
	}
	if strings.HasSuffix(noun, "y") && len(noun) > 1 && !strings.ContainsRune("aeiou", rune(noun[len(noun)-2])) {
		return noun[:len(noun)-1] + "ies"
	}
	return noun + "s"
}

// Count is n, its thousands grouped as the reader's counts are, and the
// noun that goes with it: "1 day", "3 days", "9,577 papers".
func Count(n int, noun string) string {
	return Number(n) + " " + Noun(n, noun)
}

// Number is n with its thousands grouped: "9,577".
func Number(n int) string { return humanize.Comma(int64(n)) }
