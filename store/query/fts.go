package query

import (
	"strings"
	"unicode"
)

// isTokenStart reports whether r can begin an FTS5 unicode61 token: the
// tokenizer's default categories are L*, N* and Co.
func isTokenStart(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsNumber(r) || unicode.Is(unicode.Co, r)
}

// isTokenRune reports whether r can continue a token. unicode61 with
// remove_diacritics keeps combining marks inside a token (it strips them
// rather than splitting on them), so "cafe\u0301" stays one word.
func isTokenRune(r rune) bool {
	return isTokenStart(r) || unicode.Is(unicode.Mn, r)
}

// tokens splits s the way unicode61 does: runs of token runes, anything else
// separates. open reports whether s ends inside a token, that is, whether the
// user may still be typing the last word.
func tokens(s string) (toks []string, open bool) {
	start := -1
	for i, r := range s {
		switch {
		case start >= 0 && isTokenRune(r):
		case start < 0 && isTokenStart(r):
			start = i
		case start >= 0:
			toks = append(toks, s[start:i])
			start = -1
		}
	}
	if start >= 0 {
		toks = append(toks, s[start:])
	}
	return toks, start >= 0
}

// phrase renders toks as one FTS5 string. Tokens hold only letters, digits
// and marks, so they never contain the '"' that would need escaping; the
// tokens of one user word stay together as a phrase so "gpt-4" matches the
// adjacent tokens gpt and 4 rather than any document holding a 4.
func phrase(toks []string, prefix bool) string {
	s := `"` + strings.Join(toks, " ") + `"`
	if prefix {
		s += "*"
	}
	return s
}
