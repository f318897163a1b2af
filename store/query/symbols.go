package query

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// The full-text index splits words at every symbol, so "c++", "c#" and
// ".net" are indexed as "c" and "net": a search for them would find every
// paper with a stray "c". The store therefore keeps, beside the index, the
// words whose symbols carry their meaning (SymbolWords of the paper's
// text), and a search that types one requires it. Hyphens and inner dots
// need no such help: "gpt-4o" and "llama-3.1" are exact phrases of their
// tokens already.

// symbolSeparators end a word around symbol words: brackets, quotes, the
// slash of "C/C++" and list punctuation.
const symbolSeparators = `()[]{}<>"'/,;|` + "`"

// SymbolWords lists, lowercased and without duplicates, the words of s
// that hold a '+' or '#' ("c++", "c#", "llm+rl") and the dotted endings of
// words (".net", from ".NET" or "ASP.NET"). A number with a sign or a
// hash ("+5.3%", "#1") is not one: abstracts are full of them and nobody
// searches for them.
func SymbolWords(s string) []string {
	var out []string
	// Only the words around a '+', '#' or '.' can be symbol words: look
	// at those, not at every word (this runs on every abstract stored).
	for i := 0; i < len(s); {
		j := strings.IndexAny(s[i:], "+#.")
		if j < 0 {
			break
		}
		at := i + j
		if s[at] == '.' && !letterAt(s, at+1) {
			i = at + 1 // a sentence's end, a decimal point
			continue
		}
		start := strings.LastIndexFunc(s[:at], isSymbolSeparator) + 1
		end := len(s)
		if k := strings.IndexFunc(s[at:], isSymbolSeparator); k >= 0 {
			end = at + k
		}
		if w := symbolWord(s[start:end]); w != "" && !slices.Contains(out, w) {
			out = append(out, w)
		}
		i = end
	}
	return out
}

func letterAt(s string, i int) bool {
	if i >= len(s) {
		return false
	}
	r, _ := utf8.DecodeRuneInString(s[i:])
	return unicode.IsLetter(r)
}

// symbolWord is the symbol word a word of text stands for, or "".
func symbolWord(f string) string {
	w := strings.ToLower(strings.TrimRight(strings.TrimLeft(f, "*^~"), ".:!?*"))
	if w == "" {
		return ""
	}
	if strings.ContainsAny(w, "+#") {
		if r, _ := utf8.DecodeRuneInString(w[1:]); (w[0] == '+' || w[0] == '#') && unicode.IsDigit(r) {
			return ""
		}
		if toks, _ := tokens(w); len(toks) > 0 {
			return w
		}
		return ""
	}
	return dotEnding(w)
}

func isSymbolSeparator(r rune) bool {
	return unicode.IsSpace(r) || strings.ContainsRune(symbolSeparators, r)
}

// dotEnding is the part of w from its last dot when letters follow it
// (".net" of "asp.net", ".js" of "node.js"), at least two of them so that
// "e.g" and "U.S" stay out, and not the endings of links and file names
// that every paper's links hold (".com", ".png").
func dotEnding(w string) string {
	i := strings.LastIndexByte(w, '.')
	if i < 0 {
		return ""
	}
	rest := w[i+1:]
	if utf8.RuneCountInString(rest) < 2 || strings.IndexFunc(rest, func(r rune) bool { return !unicode.IsLetter(r) }) >= 0 {
		return ""
	}
	if webEndings[w[i:]] {
		return ""
	}
	return w[i:]
}

// webEndings are the dotted endings of links and images: nobody searches
// for them, and leaving them out lets the store skip most raw items when
// it fills the column of an existing library (see store.backfillSymbols).
var webEndings = map[string]bool{
	".com": true, ".co": true, ".io": true, ".org": true, ".ai": true, ".html": true,
	".png": true, ".jpg": true, ".jpeg": true, ".svg": true, ".gif": true, ".webp": true,
	".pdf": true, ".mp4": true,
}

// SymbolKey is how the store keeps a paper's symbol words: space separated
// with a space on each side, so a word is found by looking for " " + word.
// It is "" when there are none.
func SymbolKey(texts ...string) string {
	var words []string
	for _, t := range texts {
		for _, w := range SymbolWords(t) {
			dup := false
			for _, o := range words {
				dup = dup || o == w
			}
			if !dup {
				words = append(words, w)
			}
		}
	}
	if len(words) == 0 {
		return ""
	}
	return " " + strings.Join(words, " ") + " "
}
