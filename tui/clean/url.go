package clean

import (
	"net/url"
	"strings"
	"unicode/utf8"
)

// URL returns s if it is an absolute http or https URL with a host, with
// surrounding whitespace removed, and reports whether it is. Any other
// scheme (javascript:, file:, data:), a relative reference, credentials in
// the authority, a backslash, inner whitespace, invalid UTF-8 or any control,
// bidirectional or invisible format character makes it ("", false): such a
// link is not shown or opened at all rather than repaired.
func URL(s string) (string, bool) {
	s = strings.Trim(s, " \t\r\n")
	if s == "" {
		return "", false
	}
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c <= ' ' || c == 0x7F || c == '\\' {
				return "", false
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 || classify(r) != keep {
			return "", false
		}
		i += size
	}
	u, err := url.Parse(s)
	if err != nil || u.Opaque != "" || u.User != nil || u.Hostname() == "" {
		return "", false
	}
	switch strings.ToLower(u.Scheme) {
	case "http", "https":
		return s, true
	}
	return "", false
}
