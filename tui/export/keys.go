package export

import (
	"strconv"
	"strings"
	"unicode"

	"github.com/papertui/papers/feed"
	"github.com/papertui/papers/tui/clean"
)

// Citation keys. A key is the first author's last name, the year and the
// first significant word of the title, each folded to lowercase ASCII
// letters: "Ada Lovelace" (2025) "On Sparse Attention" → lovelace2025sparse.
// Folding maps Latin letters with diacritics to their base letters (é→e,
// ø→o, ł→l, đ→d) and ligatures to their letters (ß→ss, æ→ae, œ→oe, þ→th);
// any other character ends a word and is dropped.
//
// A first author whose last name has no Latin letter at all (Chinese,
// Japanese, Korean, Cyrillic or Greek script) would give a key that is only
// a year and a word, so the paper is keyed by its arXiv id instead:
// 2510.00002 → arxiv251000002, which is stable and readable back. A paper
// without named authors uses "anon" for the name. A title without a Latin
// word contributes nothing.
//
// Keys are made unique within one export in input order: the first paper
// keeps the bare key and later ones get b, c, … z, ba, bb, … appended
// (lovelace2025sparse, lovelace2025sparseb), skipping any key already given
// out, so the same list always gets the same keys.

// baseKey is p's key before collisions are resolved.
func baseKey(p feed.Paper) string {
	name := "anon"
	for _, a := range p.Authors {
		n := clean.Line(a.Name)
		if n == "" {
			continue
		}
		name = foldLetters(keyName(n))
		if name == "" {
			return "arxiv" + strings.ReplaceAll(p.ID, ".", "")
		}
		break
	}
	year, _ := date(p)
	return name + strconv.Itoa(year) + titleWord(p.Title)
}

// keyName is the part of a cleaned name that names its bearer in a key:
// a group author whole, otherwise the last word before any Jr. suffix.
func keyName(name string) string {
	words := strings.Split(name, " ")
	if corporate(words) {
		return name
	}
	if len(words) > 2 && nameSuffixes[strings.ToLower(words[len(words)-1])] {
		words = words[:len(words)-1]
	}
	return words[len(words)-1]
}

// stopWords are skipped when choosing a title's key word.
var stopWords = map[string]bool{
	"a": true, "an": true, "the": true, "on": true, "of": true, "in": true,
	"to": true, "for": true, "and": true, "or": true, "with": true, "by": true,
	"from": true, "at": true, "as": true, "into": true, "onto": true, "via": true,
	"towards": true, "toward": true, "is": true, "are": true, "do": true,
	"does": true, "can": true, "how": true, "what": true, "when": true,
	"why": true, "which": true, "your": true, "we": true, "our": true,
	"beyond": true, "through": true, "under": true, "over": true, "not": true,
	"all": true, "you": true, "it": true, "its": true, "be": true,
}

// titleWord is the first folded word of title that is not a stop word,
// else its first word, else "".
func titleWord(title string) string {
	words := strings.FieldsFunc(foldText(clean.Line(title)), func(r rune) bool { return r < 'a' || r > 'z' })
	for _, w := range words {
		if !stopWords[w] {
			return w
		}
	}
	if len(words) > 0 {
		return words[0]
	}
	return ""
}

// foldLetters folds s and keeps only its letters.
func foldLetters(s string) string {
	return strings.Map(func(r rune) rune {
		if r < 'a' || r > 'z' {
			return -1
		}
		return r
	}, foldText(s))
}

// foldText lowercases s and folds its Latin letters to ASCII; every other
// character becomes a space.
func foldText(s string) string {
	var b strings.Builder
	for _, r := range s {
		r = unicode.ToLower(r)
		switch {
		case r >= 'a' && r <= 'z':
			b.WriteRune(r)
		case unicode.Is(unicode.Mn, r): // a combining accent on a base letter
		case foldTable[r] != "":
			b.WriteString(foldTable[r])
		default:
			b.WriteByte(' ')
		}
	}
	return b.String()
}

// foldTable maps lowercase Latin letters outside ASCII to ASCII.
var foldTable = func() map[rune]string {
	m := map[rune]string{
		'ß': "ss", 'æ': "ae", 'œ': "oe", 'þ': "th", 'ĳ': "ij", 'ð': "d", 'ŋ': "n",
		'ſ': "s", 'ǽ': "ae", 'ǣ': "ae",
	}
	for base, letters := range map[string]string{
		"a": "àáâãäåāăąǎǟǡǻȁȃȧạảấầẩẫậắằẳẵặ",
		"b": "ḃḅḇ",
		"c": "çćĉċčḉ",
		"d": "ďđɗḋḍḏḑḓ",
		"e": "èéêëēĕėęěȅȇȩḕḗḙḛḝẹẻẽếềểễệ",
		"f": "ḟ",
		"g": "ĝğġģǧǵḡ",
		"h": "ĥħȟḣḥḧḩḫẖ",
		"i": "ìíîïĩīĭįıǐȉȋḭḯỉị",
		"j": "ĵǰ",
		"k": "ķǩḱḳḵ",
		"l": "ĺļľŀłḷḹḻḽ",
		"m": "ḿṁṃ",
		"n": "ñńņňŉǹṅṇṉṋ",
		"o": "òóôõöøōŏőơǒǫǭǿȍȏȫȭȯȱṍṏṑṓọỏốồổỗộớờởỡợ",
		"p": "ṕṗ",
		"r": "ŕŗřȑȓṙṛṝṟ",
		"s": "śŝşšșṡṣṥṧṩ",
		"t": "ţťŧțṫṭṯṱẗ",
		"u": "ùúûüũūŭůűųưǔǖǘǚǜȕȗṳṵṷṹṻụủứừửữự",
		"v": "ṽṿ",
		"w": "ŵẁẃẅẇẉẘ",
		"x": "ẋẍ",
		"y": "ýÿŷȳẏẙỳỵỷỹ",
		"z": "źżžẑẓẕ",
	} {
		for _, r := range letters {
			m[r] = base
		}
	}
	return m
}()

// keySet hands out keys unique within one export.
type keySet map[string]bool

// unique returns base, or base with the first free suffix b, c, … z, ba, …
func (s keySet) unique(base string) string {
	k := base
	for n := 1; s[k]; n++ {
		k = base + letterSuffix(n)
	}
	s[k] = true
	return k
}

// letterSuffix writes n ≥ 1 in base 26 with digits a–z: 1 → b, 25 → z,
// 26 → ba. It never starts with a, so distinct n give distinct suffixes.
func letterSuffix(n int) string {
	var b []byte
	for ; n > 0; n /= 26 {
		b = append([]byte{byte('a' + n%26)}, b...)
	}
	return string(b)
}
