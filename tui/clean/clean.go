// Package clean owns making untrusted feed text safe and readable where it is
// shown: titles, abstracts, author and organization names, keywords and URLs
// arrive from the API as arbitrary strings and are stored as received.
//
// Line and Text remove everything a terminal would act on rather than print
// (C0 and C1 controls, whole escape sequences, DEL), bidirectional controls
// and the invisible format characters that can hide or reorder text, replace
// invalid UTF-8 with U+FFFD and tidy whitespace. Ordinary Unicode (CJK, emoji
// with their joiners, variation selectors and flag tags, combining marks,
// Greek, mathematical symbols) passes through byte for byte; a zero-width
// joiner only where it joins two such characters.
//
// URL accepts only absolute http and https URLs; Markdown escapes cleaned
// text for a Markdown document rendered by glamour; TeX shows the inline
// LaTeX of abstracts as Unicode where it can.
package clean

import (
	"strings"
	"unicode/utf8"
)

// Line returns s as one display line: controls and escape sequences removed,
// every run of whitespace (line breaks and tabs included) collapsed to a
// single space, and the ends trimmed. A lone non-ASCII space, such as a
// no-break space or an ideographic space, is kept as written.
func Line(s string) string {
	if isClean(s, false) {
		return s
	}
	return sanitize(s, false)
}

// Text is Line for multi-line text: line breaks (LF, CRLF, CR, U+2028) are
// kept as "\n", spaces are collapsed and trimmed within each line, and at
// most one blank line separates paragraphs. It never starts or ends with a
// line break.
func Text(s string) string {
	if isClean(s, true) {
		return s
	}
	return sanitize(s, true)
}

// class says what the sanitizer does with a rune.
type class uint8

const (
	keep      class = iota
	drop            // removed outright
	space           // whitespace, collapsed
	lineBreak       // a line break: "\n" in Text, a space in Line
	paraBreak       // U+2029: a blank line in Text, a space in Line
	c1Seq           // an 8-bit introducer whose sequence body is removed too
	tag             // a tag character, kept only inside an emoji flag
	joiner          // ZWJ, kept only between two non-ASCII characters
)

// classify sorts a non-ASCII rune. The common scripts leave after a few
// comparisons.
func classify(r rune) class {
	if r < 0x2000 {
		switch {
		case r < 0xA0: // C1 controls
			switch r {
			case 0x85: // NEL
				return lineBreak
			case 0x90, 0x98, 0x9B, 0x9D, 0x9E, 0x9F: // DCS SOS CSI OSC PM APC
				return c1Seq
			}
			return drop
		case r == 0xA0, r == 0x1680:
			return space
		case r == 0xAD: // soft hyphen: invisible in laid-out text, a stray glyph or nothing in a terminal
			return drop
		case r == 0x061C, r == 0x180E: // Arabic letter mark, Mongolian vowel separator
			return drop
		}
		return keep
	}
	if r > 0x3000 && r < 0xFEFF { // CJK, kana, Hangul and the rest of the BMP's middle
		return keep
	}
	switch {
	case r <= 0x200A:
		return space
	case r == 0x200B, r == 0x200E, r == 0x200F: // ZWSP, LRM, RLM; ZWNJ is kept
		return drop
	case r == 0x200D:
		return joiner
	case r == 0x2028:
		return lineBreak
	case r == 0x2029:
		return paraBreak
	case r >= 0x202A && r <= 0x202E: // LRE RLE PDF LRO RLO
		return drop
	case r == 0x202F, r == 0x205F, r == 0x3000:
		return space
	case r >= 0x2060 && r <= 0x206F: // word joiner, invisible operators, LRI RLI FSI PDI, deprecated format
		return drop
	case r == 0xFEFF: // BOM, zero-width no-break space
		return drop
	case r >= 0xFFF9 && r <= 0xFFFB: // interlinear annotation
		return drop
	case r >= 0xE0000 && r <= 0xE007F:
		return tag
	}
	return keep
}

// isClean reports whether s is already what sanitize would return, so the
// common case costs one read and no allocation. It may report false for
// some clean strings (any non-ASCII space, any flag tag); sanitize then
// rebuilds an equal string.
func isClean(s string, multiline bool) bool {
	for i := 0; i < len(s); {
		c := s[i]
		if c-0x21 < 0x7F-0x21 { // printable ASCII other than space
			i++
			continue
		}
		switch {
		case c == ' ':
			if i == 0 || s[i-1] == ' ' || s[i-1] == '\n' {
				return false
			}
			i++
			continue
		case c == '\n' && multiline:
			if i == 0 || s[i-1] == ' ' || i >= 2 && s[i-1] == '\n' && s[i-2] == '\n' {
				return false
			}
			i++
			continue
		case c < utf8.RuneSelf:
			return false
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 || classify(r) != keep {
			return false
		}
		i += size
	}
	return len(s) == 0 || s[len(s)-1] != ' ' && s[len(s)-1] != '\n'
}

// writer accumulates output, holding whitespace back until the next visible
// character so that runs collapse and the ends are trimmed.
type writer struct {
	b      strings.Builder
	spaces int  // pending whitespace runes
	space  rune // the first of them
	breaks int  // pending line breaks
}

func (w *writer) addSpace(r rune) {
	if w.spaces == 0 {
		w.space = r
	}
	w.spaces++
}

func (w *writer) addBreak(multiline bool, n int) {
	if !multiline {
		w.addSpace(' ')
		return
	}
	w.breaks += n
}

// flush writes the pending whitespace, if anything precedes it.
func (w *writer) flush() {
	if w.b.Len() > 0 {
		switch {
		case w.breaks >= 2:
			w.b.WriteString("\n\n")
		case w.breaks == 1:
			w.b.WriteByte('\n')
		case w.spaces == 1 && w.space != ' ':
			w.b.WriteRune(w.space)
		case w.spaces > 0:
			w.b.WriteByte(' ')
		}
	}
	w.spaces, w.breaks = 0, 0
}

// keptRun returns the end of the run of printable ASCII and kept runes
// other than 🏴 starting at s[i].
func keptRun(s string, i int) int {
	for i < len(s) {
		c := s[i]
		if c-0x21 < 0x7F-0x21 {
			i++
			continue
		}
		if c < utf8.RuneSelf {
			return i
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 || r == 0x1F3F4 || classify(r) != keep {
			return i
		}
		i += size
	}
	return i
}

func sanitize(s string, multiline bool) string {
	var w writer
	w.b.Grow(len(s))
	for i := 0; i < len(s); {
		// Copy a run of kept text in one write.
		j := keptRun(s, i)
		if j > i {
			w.flush()
			w.b.WriteString(s[i:j])
			i = j
			if i == len(s) {
				break
			}
		}
		c := s[i]
		if c < utf8.RuneSelf {
			i++
			switch {
			case c == ' ', c == '\t':
				w.addSpace(' ')
			case c == '\r':
				if i < len(s) && s[i] == '\n' {
					i++
				}
				w.addBreak(multiline, 1)
			case c == '\n', c == '\v', c == '\f':
				w.addBreak(multiline, 1)
			case c == 0x1B:
				i = skipEscape(s, i)
			}
			// Other C0 controls and DEL are dropped.
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			w.flush()
			w.b.WriteString("\uFFFD")
			i++
			continue
		}
		switch classify(r) {
		case keep:
			w.flush()
			w.b.WriteString(s[i : i+size])
			if r == 0x1F3F4 { // waving black flag: keep a following subdivision tag sequence
				if n := flagTags(s[i+size:]); n > 0 {
					w.b.WriteString(s[i+size : i+size+n])
					i += n
				}
			}
		case space:
			w.addSpace(r)
		case lineBreak:
			w.addBreak(multiline, 1)
		case paraBreak:
			w.addBreak(multiline, 2)
		case joiner:
			if w.joins(s[i+size:]) {
				w.b.WriteString(s[i : i+size])
			}
		case c1Seq:
			if r == 0x9B {
				i = skipCSI(s, i+size)
				continue
			}
			i = skipString(s, i+size, i+size)
			continue
		}
		i += size
	}
	return w.b.String()
}

// joins says whether a ZWJ belongs between what was written and rest:
// inside an emoji sequence or a script that shapes with it, both sides are
// non-ASCII. A joiner at the end of a line, beside a space or beside ASCII
// joins nothing, and a terminal may fold the next cell into it, shifting
// everything after it (a pane's border) by a column.
func (w *writer) joins(rest string) bool {
	if w.spaces > 0 || w.breaks > 0 || w.b.Len() == 0 {
		return false
	}
	before, _ := utf8.DecodeLastRuneInString(w.b.String())
	after, _ := utf8.DecodeRuneInString(rest)
	return before >= utf8.RuneSelf && after >= utf8.RuneSelf && after != utf8.RuneError &&
		classify(after) == keep && classify(before) == keep
}

// flagTags returns the length of the emoji tag sequence at the start of s
// (as in 🏴 + "gbsct" in tag letters + cancel tag), or 0 if there is none.
// Only lowercase letters and digits, at most seven, are accepted: anything
// longer is the invisible-text trick, not a flag.
func flagTags(s string) int {
	n := 0
	for i := 0; i+4 <= len(s); i += 4 {
		r, size := utf8.DecodeRuneInString(s[i:])
		if size != 4 {
			return 0
		}
		switch {
		case r >= 0xE0030 && r <= 0xE0039, r >= 0xE0061 && r <= 0xE007A:
			n++
			if n > 7 {
				return 0
			}
		case r == 0xE007F && n >= 2:
			return i + 4
		default:
			return 0
		}
	}
	return 0
}

// skipEscape returns the index just past the escape sequence whose ESC is at
// s[i-1]. What a terminal would consume is consumed, so no payload is left
// behind as text; a lone or malformed ESC is dropped on its own.
func skipEscape(s string, i int) int {
	if i >= len(s) {
		return i
	}
	switch c := s[i]; {
	case c == '[':
		return skipCSI(s, i+1)
	case c == ']', c == 'P', c == 'X', c == '^', c == '_': // OSC DCS SOS PM APC
		return skipString(s, i+1, i+1)
	case c >= 0x20 && c <= 0x2F: // intermediates, then a final byte
		j := i
		for j < len(s) && s[j] >= 0x20 && s[j] <= 0x2F {
			j++
		}
		if j < len(s) && s[j] >= 0x30 && s[j] <= 0x7E {
			return j + 1
		}
		return j
	case c >= 0x30 && c <= 0x7E: // a two-byte sequence such as ESC c or ESC 7
		return i + 1
	}
	return i
}

// skipCSI returns the index past a control sequence body starting at s[i]:
// parameter and intermediate bytes, then a final byte. A byte that cannot be
// part of the sequence ends it and is left for the caller.
func skipCSI(s string, i int) int {
	for ; i < len(s); i++ {
		c := s[i]
		if c >= 0x40 && c <= 0x7E {
			return i + 1
		}
		if c < 0x20 || c > 0x3F {
			return i
		}
	}
	return i
}

// skipString returns the index past a control string body (OSC, DCS, SOS,
// PM, APC) starting at s[i] and ended by BEL, ST (ESC \ or U+009C), CAN or
// SUB. Another ESC ends it without being consumed. If the string is never
// ended, only the introducer is removed: unterminated is returned and the
// body is read again as text.
func skipString(s string, i, unterminated int) int {
	for ; i < len(s); i++ {
		switch s[i] {
		case 0x07, 0x18, 0x1A:
			return i + 1
		case 0x1B:
			if i+1 < len(s) && s[i+1] == '\\' {
				return i + 2
			}
			return i
		case 0xC2:
			if i+1 < len(s) && s[i+1] == 0x9C {
				return i + 2
			}
		}
	}
	return unterminated
}

// Verbatim returns s with what could act on a terminal removed (escape
// sequences; C0 and C1 controls other than tab and line feed; bidi and
// other invisible format characters) and the rest as written: spaces,
// indentation and blank lines are kept. It is for the user's own text (a
// note, whose layout is its Markdown), which may hold what a paste or a
// pipe brought in. CR LF and a lone CR become LF.
func Verbatim(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			i++
			switch {
			case c == 0x1B:
				i = skipEscape(s, i)
			case c == '\r':
				if i < len(s) && s[i] == '\n' {
					i++
				}
				b.WriteByte('\n')
			case c == '\n', c == '\t', c >= 0x20 && c != 0x7F:
				b.WriteByte(c)
			}
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			b.WriteString("\uFFFD")
		case r == 0x9B: // 8-bit CSI
			i = skipCSI(s, i+size)
			continue
		default:
			switch classify(r) {
			case c1Seq:
				i = skipString(s, i+size, i+size)
				continue
			case drop, tag:
			case lineBreak, paraBreak:
				b.WriteByte('\n')
			default:
				b.WriteString(s[i : i+size])
			}
		}
		i += size
	}
	return b.String()
}
