package query

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// IndexTerms lists the terms the full-text index (unicode61 with
// remove_diacritics 2) makes of s: tokens lowercased, with combining marks
// stripped. The store keeps a vocabulary of them to expand a typed prefix
// into whole words.
func IndexTerms(s string) []string {
	toks, _ := tokens(s)
	for i, t := range toks {
		toks[i] = foldTerm(t)
	}
	return toks
}

func foldTerm(t string) string {
	ascii := true
	for i := 0; i < len(t); i++ {
		if t[i] >= 0x80 {
			ascii = false
			break
		}
	}
	if ascii {
		return strings.ToLower(t)
	}
	// Like unicode61, strip marks from Latin letters only: a Japanese
	// dakuten or a Hindi vowel sign is part of the word.
	var b strings.Builder
	latin := false
	for _, r := range norm.NFD.String(t) {
		if unicode.Is(unicode.Mn, r) {
			if latin {
				continue
			}
		} else {
			latin = r <= 0x024F || (r >= 0x1E00 && r <= 0x1EFF)
		}
		b.WriteRune(unicode.ToLower(r))
	}
	return norm.NFC.String(b.String())
}
