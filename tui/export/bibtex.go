package export

import (
	"bufio"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/papertui/papers/feed"
	"github.com/papertui/papers/store"
	"github.com/papertui/papers/tui/clean"
)

// BibTeX writes recs as @misc entries in arXiv's own export shape (title,
// author, year, month, eprint, archivePrefix = {arXiv}, url), which Zotero,
// JabRef, biber/biblatex and bibtex all import as they are. Text is cleaned
// with clean.Line, escaped for BibTeX and LaTeX and kept as UTF-8 otherwise.
// Entries keep the order of recs and get unique keys (see keys.go).
func BibTeX(w io.Writer, recs []store.Record) error {
	return WriteBibTeX(w, Slice(recs))
}

// WriteBibTeX writes the papers of a stream as BibTeX, as BibTeX does.
func WriteBibTeX(w io.Writer, papers Stream) error {
	bw := newWriter(w)
	keys := keySet{}
	i := 0
	err := papers(noStart, checked(func(r store.Record) error {
		if i > 0 {
			bw.WriteByte('\n')
		}
		i++
		writeEntry(bw, keys.unique(baseKey(r.Paper)), r.Paper, r.Tags, r.Note)
		return nil
	}))
	if err != nil {
		return fmt.Errorf("export bibtex: %w", err)
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("write bibtex: %w", err)
	}
	return nil
}

func writeEntry(w *bufio.Writer, key string, p feed.Paper, tags []string, note string) {
	field := func(name, value string) {
		fmt.Fprintf(w, "  %s = {%s},\n", name, value)
	}
	fmt.Fprintf(w, "@misc{%s,\n", key)
	field("title", bibTitle(p.Title))
	if a := bibAuthors(p.Authors); a != "" {
		field("author", a)
	}
	year, month := date(p)
	field("year", strconv.Itoa(year))
	// A month is written as BibTeX's predefined macro (jan … dec), which
	// every style and biblatex turns into the localised name.
	fmt.Fprintf(w, "  month = %s,\n", strings.ToLower(month.String()[:3]))
	field("eprint", p.ID)
	field("archivePrefix", "arXiv")
	// The reader's tags and note: keywords is the field Zotero, JabRef
	// and biblatex read as tags; the note's lines are joined into one.
	if len(tags) > 0 {
		field("keywords", escapeTeX(clean.Line(strings.Join(tags, ", "))))
	}
	if n := escapeTeX(clean.Line(note)); n != "" {
		field("note", n)
	}
	fmt.Fprintf(w, "  url = {%s}\n}\n", p.AbsURL())
}

// date is when p appeared: its arXiv publication time, else the year and
// month its id encodes (YYMM, always 20YY for new-style ids).
func date(p feed.Paper) (int, time.Month) {
	if !p.Published.IsZero() {
		t := p.Published.UTC()
		return t.Year(), t.Month()
	}
	yy, _ := strconv.Atoi(p.ID[:2])
	mm, _ := strconv.Atoi(p.ID[2:4])
	return 2000 + yy, time.Month(mm)
}

// bibTitle cleans and escapes a title and protects its capitals.
//
// Styles that sentence-case titles (plain, IEEEtran, most biblatex styles)
// lowercase every letter outside braces but the first. Each word with an
// uppercase letter after its first letter or digit ({LLMs}, {GPT-4},
// {3D}, {iPhone}) is wrapped in braces, so acronyms and brand names survive
// and ordinary words still follow the style. This is what Better BibTeX
// writes; Zotero and JabRef read such braces as "keep this case" (Zotero as
// a nocase span) and drop them from the shown title. Wrapping the whole
// title in double braces would instead freeze it in title case in every
// style and import into Zotero as one case-protected span.
func bibTitle(title string) string {
	words := strings.Split(clean.Line(title), " ")
	for i, w := range words {
		if !innerUpper(w) && !capitalName(w) {
			words[i] = escapeTeX(w)
			continue
		}
		// Brace from the first to the last letter or digit, leaving edge
		// punctuation outside: "{LLMs}:" keeps the colon where styles look
		// for it to capitalise the next word.
		start := strings.IndexFunc(w, isAlnum)
		end := strings.LastIndexFunc(w, isAlnum)
		_, size := utf8.DecodeRuneInString(w[end:])
		end += size
		words[i] = escapeTeX(w[:start]) + "{" + escapeTeX(w[start:end]) + "}" + escapeTeX(w[end:])
	}
	return strings.Join(words, " ")
}

func isAlnum(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// capitalName reports whether w, starting with a capital, is a name
// rather than a capitalised word: it holds a digit ({V2}, {Repo0},
// {Llama-3}) or is a language's name written with # or + ({C}\#, {C}++).
// A sentence-casing style would print "v2", "repo0" and "c#".
func capitalName(w string) bool {
	start := strings.IndexFunc(w, isAlnum)
	if start < 0 {
		return false
	}
	first, _ := utf8.DecodeRuneInString(w[start:])
	if !unicode.IsUpper(first) {
		return false
	}
	return strings.ContainsFunc(w, unicode.IsDigit) || strings.ContainsAny(w, "#+")
}

// innerUpper reports whether w has an uppercase letter after its first
// letter or digit.
func innerUpper(w string) bool {
	started := false
	for _, r := range w {
		if started && unicode.IsUpper(r) {
			return true
		}
		if isAlnum(r) {
			started = true
		}
	}
	return false
}

// texEscapes are the ASCII characters that are syntax in BibTeX or LaTeX
// text. Braces, backslash, tilde and caret become LaTeX text commands in a
// group of their own ({\textbraceleft}): an escaped brace (\{) would still
// count in BibTeX's brace matching, and a group starting with a backslash is
// one "special character" to BibTeX, so case changes and sorting leave the
// command's name alone. < > | would print as ¡ ¿ — in LaTeX's default OT1
// encoding, and " is an active character under some babel languages.
var texEscapes = [128]string{
	'&':  `\&`,
	'%':  `\%`,
	'$':  `\$`,
	'#':  `\#`,
	'_':  `\_`,
	'{':  `{\textbraceleft}`,
	'}':  `{\textbraceright}`,
	'~':  `{\textasciitilde}`,
	'^':  `{\textasciicircum}`,
	'\\': `{\textbackslash}`,
	'<':  `{\textless}`,
	'>':  `{\textgreater}`,
	'|':  `{\textbar}`,
	'"':  `{"}`,
}

// escapeTeX escapes s, already cleaned, for a BibTeX field. Non-ASCII text
// is kept as UTF-8, which biber, Zotero and JabRef read natively and
// LaTeX's utf8 input encoding (the default since 2018) typesets.
func escapeTeX(s string) string {
	i := 0
	for i < len(s) && (s[i] >= 128 || texEscapes[s[i]] == "") {
		i++
	}
	if i == len(s) {
		return s
	}
	var b strings.Builder
	b.WriteString(s[:i])
	for ; i < len(s); i++ {
		if c := s[i]; c < 128 && texEscapes[c] != "" {
			b.WriteString(texEscapes[c])
		} else {
			b.WriteByte(c)
		}
	}
	return b.String()
}

// bibAuthors joins the named authors, hidden ones included, with " and ".
func bibAuthors(authors []feed.Author) string {
	names := make([]string, 0, len(authors))
	for _, a := range authors {
		if n := clean.Line(a.Name); n != "" {
			names = append(names, bibName(n))
		}
	}
	return strings.Join(names, " and ")
}

// nameSuffixes are generational suffixes, written in BibTeX's Jr part.
var nameSuffixes = map[string]bool{"jr": true, "jr.": true, "sr": true, "sr.": true, "ii": true, "iii": true, "iv": true}

// bibName writes one cleaned name in BibTeX's explicit "von Last, First"
// form (or "von Last, Jr, First"), so no style has to guess: the last word
// is the last name, with the lowercase words just before it (van, de la)
// as its von part, a trailing Jr./III as the Jr part and the rest as the
// first names. A one-word name (a mononym, "NVIDIA", a CJK name written
// without spaces) is the last name alone, and a group author ("Qwen Team")
// is kept whole in braces, as BibTeX writes corporate authors.
func bibName(name string) string {
	if written, ok := commaName(name); ok {
		return written
	}
	words := strings.Split(name, " ")
	if len(words) > 1 && corporate(words) {
		return "{" + escapeTeX(name) + "}"
	}
	parts := make([]string, len(words))
	for i, w := range words {
		parts[i] = nameWord(w)
	}
	if len(parts) == 1 {
		return parts[0]
	}
	jr := ""
	if len(parts) > 2 && nameSuffixes[strings.ToLower(words[len(words)-1])] {
		jr = parts[len(parts)-1]
		parts, words = parts[:len(parts)-1], words[:len(words)-1]
	}
	von := len(words) - 1
	for von > 1 && parts[von-1] == words[von-1] && lowerWord(words[von-1]) {
		von--
	}
	last := strings.Join(parts[von:], " ")
	first := strings.Join(parts[:von], " ")
	if jr != "" {
		return last + ", " + jr + ", " + first
	}
	return last + ", " + first
}

// commaName keeps a name the feed already gives in BibTeX's own order,
// "van der Berg, Jan" or "King, Jr, Martin": its parts are escaped word
// by word, and the commas stay the separators they are.
func commaName(name string) (string, bool) {
	parts := strings.Split(name, ",")
	if len(parts) < 2 || len(parts) > 3 {
		return "", false
	}
	for i, p := range parts {
		words := strings.Fields(p)
		if len(words) == 0 {
			return "", false
		}
		for j, w := range words {
			words[j] = nameWord(w)
		}
		parts[i] = strings.Join(words, " ")
	}
	return strings.Join(parts, ", "), true
}

// nameWord escapes one word of a name. A word with a comma, or the word
// "and" or "others", would split the name or the list: it is braced.
func nameWord(w string) string {
	e := escapeTeX(w)
	if strings.ContainsRune(w, ',') || strings.EqualFold(w, "and") || strings.EqualFold(w, "others") {
		return "{" + e + "}"
	}
	return e
}

// lowerWord reports whether w's first letter is lowercase, as BibTeX
// decides whether a word belongs to the von part. Words that had to be
// braced or escaped are never taken as von, as styles differ on how they
// read the case of a brace group.
func lowerWord(w string) bool {
	for _, r := range w {
		if unicode.IsLetter(r) {
			return unicode.IsLower(r)
		}
	}
	return false
}

// groupWords mark a name as a group's rather than a person's.
var groupWords = map[string]bool{
	"team": true, "lab": true, "labs": true, "laboratory": true, "group": true,
	"consortium": true, "collaboration": true, "inc": true, "ltd": true,
	"corp": true, "corporation": true, "foundation": true, "institute": true,
	"university": true, "community": true, "project": true, "contributors": true,
}

func corporate(words []string) bool {
	for _, w := range words {
		for _, part := range strings.FieldsFunc(w, func(r rune) bool { return !unicode.IsLetter(r) }) {
			if groupWords[strings.ToLower(part)] {
				return true
			}
		}
	}
	return false
}
