package feed

import (
	"bytes"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf16"
	"unicode/utf8"
)

// This file holds the JSON plumbing under the decoder. Decoding is the hot
// path of `papers import` (tens of MB at a time), so it does not go through
// encoding/json's reflection and its repeated validation passes: a small
// scanner validates a body once, with exactly encoding/json's grammar, and
// records where the fields the decoder wants sit; each field is decoded
// only when asked for, so a wrong type is reported by name instead of
// failing the whole item. encoding/json is still used on the error paths,
// so a bad body is described in its words.

// ---- scanning ---------------------------------------------------------

// maxDepth is encoding/json's nesting limit; deeper input is invalid there
// and must be here too.
const maxDepth = 10000

func isSpace(c byte) bool { return c == ' ' || c == '\n' || c == '\r' || c == '\t' }

func skipSpace(b []byte, i int) int {
	for i < len(b) && b[i] <= ' ' && isSpace(b[i]) {
		i++
	}
	return i
}

// skipValue validates the value starting at b[i], inside depth open
// containers, and returns the index just after it, or -1 when the input is
// not valid JSON there.
func skipValue(b []byte, i, depth int) int {
	if i >= len(b) {
		return -1
	}
	switch c := b[i]; {
	case c == '"':
		end, _ := scanString(b, i)
		return end
	case c == '{':
		return members(b, i, depth, skipMember)
	case c == '[':
		return elements(b, i, depth, skipValue)
	case c == 't':
		return skipLiteral(b, i, "true")
	case c == 'f':
		return skipLiteral(b, i, "false")
	case c == 'n':
		return skipLiteral(b, i, "null")
	case c == '-' || c >= '0' && c <= '9':
		return skipNumber(b, i)
	}
	return -1
}

func skipLiteral(b []byte, i int, lit string) int {
	if len(b)-i < len(lit) || string(b[i:i+len(lit)]) != lit {
		return -1
	}
	return i + len(lit)
}

// skipNumber follows JSON's number grammar: -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)?
func skipNumber(b []byte, i int) int {
	if b[i] == '-' {
		i++
	}
	switch {
	case i >= len(b):
		return -1
	case b[i] == '0':
		i++
	case b[i] >= '1' && b[i] <= '9':
		i = skipDigits(b, i+1)
	default:
		return -1
	}
	if i < len(b) && b[i] == '.' {
		j := skipDigits(b, i+1)
		if j == i+1 {
			return -1
		}
		i = j
	}
	if i < len(b) && (b[i] == 'e' || b[i] == 'E') {
		i++
		if i < len(b) && (b[i] == '+' || b[i] == '-') {
			i++
		}
		j := skipDigits(b, i)
		if j == i {
			return -1
		}
		i = j
	}
	return i
}

func skipDigits(b []byte, i int) int {
	for i < len(b) && b[i] >= '0' && b[i] <= '9' {
		i++
	}
	return i
}

const (
	ones  = 0x0101010101010101
	highs = 0x8080808080808080
)

// special reports whether any of the 8 bytes in x is a quote, a backslash
// or a control character (it may also say so, harmlessly, when a byte
// follows one of those).
func special(x uint64) bool {
	q := x ^ (ones * '"')
	s := x ^ (ones * '\\')
	return ((q-ones)&^q|(s-ones)&^s|(x-ones*0x20)&^x)&highs != 0
}

// scanString validates the string starting at b[i] (a quote) and returns
// the index after its closing quote (-1 when invalid) and whether it holds
// escapes. Bytes that are not UTF-8 are accepted, as encoding/json does.
func scanString(b []byte, i int) (int, bool) {
	i++
	escaped := false
	for {
		for i+8 <= len(b) && !special(binary.LittleEndian.Uint64(b[i:])) {
			i += 8
		}
		if i >= len(b) {
			return -1, escaped
		}
		switch c := b[i]; {
		case c == '"':
			return i + 1, escaped
		case c == '\\':
			escaped = true
			if i+1 >= len(b) {
				return -1, escaped
			}
			switch b[i+1] {
			case '"', '\\', '/', 'b', 'f', 'n', 'r', 't':
				i += 2
			case 'u':
				if len(b)-i < 6 || getu4(b[i:]) < 0 {
					return -1, escaped
				}
				i += 6
			default:
				return -1, escaped
			}
		case c < 0x20:
			return -1, escaped
		default:
			i++
		}
	}
}

// members validates the object starting at b[i] ('{'), inside depth open
// containers, and returns the index after its closing brace, or -1. member
// validates each member's value, at b[j], and returns its end (or -1); it
// gets the key as it is written (without quotes, still escaped when
// escaped says so) and the depth of the object's members.
func members(b []byte, i, depth int, member func(key []byte, escaped bool, b []byte, j, depth int) int) int {
	depth++
	if depth > maxDepth {
		return -1
	}
	i = skipSpace(b, i+1)
	if i < len(b) && b[i] == '}' {
		return i + 1
	}
	for {
		if i >= len(b) || b[i] != '"' {
			return -1
		}
		end, escaped := scanString(b, i)
		if end < 0 {
			return -1
		}
		key := b[i+1 : end-1]
		i = skipSpace(b, end)
		if i >= len(b) || b[i] != ':' {
			return -1
		}
		if i = member(key, escaped, b, skipSpace(b, i+1), depth); i < 0 {
			return -1
		}
		i = skipSpace(b, i)
		switch {
		case i >= len(b):
			return -1
		case b[i] == ',':
			i = skipSpace(b, i+1)
		case b[i] == '}':
			return i + 1
		default:
			return -1
		}
	}
}

func skipMember(_ []byte, _ bool, b []byte, j, depth int) int { return skipValue(b, j, depth) }

// elements validates the array starting at b[i] ('['), inside depth open
// containers, and returns the index after its closing bracket, or -1. elem
// validates the element at b[j] and returns its end (or -1); it gets the
// depth of the array's elements.
func elements(b []byte, i, depth int, elem func(b []byte, j, depth int) int) int {
	depth++
	if depth > maxDepth {
		return -1
	}
	i = skipSpace(b, i+1)
	if i < len(b) && b[i] == ']' {
		return i + 1
	}
	for {
		if i = elem(b, i, depth); i < 0 {
			return -1
		}
		i = skipSpace(b, i)
		switch {
		case i >= len(b):
			return -1
		case b[i] == ',':
			i = skipSpace(b, i+1)
		case b[i] == ']':
			return i + 1
		default:
			return -1
		}
	}
}

// validJSON reports whether raw (already trimmed) is one JSON value, by
// encoding/json's rules.
func validJSON(raw []byte) bool {
	end := skipValue(raw, skipSpace(raw, 0), 0)
	return end >= 0 && skipSpace(raw, end) == len(raw)
}

// ---- strings ------------------------------------------------------------

// unquote decodes the inside of a valid JSON string as encoding/json does:
// escapes resolved, bad surrogates and bytes that are not UTF-8 replaced by
// U+FFFD.
func unquote(s []byte) string {
	esc := bytes.IndexByte(s, '\\')
	if esc < 0 && utf8.Valid(s) {
		return string(s)
	}
	b := make([]byte, 0, len(s)+2*utf8.UTFMax)
	for r := 0; r < len(s); {
		// The run up to the next escape, then the escape.
		if esc = bytes.IndexByte(s[r:], '\\'); esc < 0 {
			esc = len(s)
		} else {
			esc += r
		}
		b = appendUTF8(b, s[r:esc])
		if r = esc; r == len(s) {
			break
		}
		switch e := s[r+1]; e {
		case 'b':
			b = append(b, '\b')
		case 'f':
			b = append(b, '\f')
		case 'n':
			b = append(b, '\n')
		case 'r':
			b = append(b, '\r')
		case 't':
			b = append(b, '\t')
		case 'u':
			rr := getu4(s[r:])
			r += 6
			if utf16.IsSurrogate(rr) {
				if dec := utf16.DecodeRune(rr, getu4(s[r:])); dec != unicode.ReplacementChar {
					b = utf8.AppendRune(b, dec)
					r += 6
					continue
				}
				rr = unicode.ReplacementChar
			}
			b = utf8.AppendRune(b, rr)
			continue
		default: // '"', '\\', '/'
			b = append(b, e)
		}
		r += 2
	}
	return string(b)
}

// appendUTF8 appends s with each byte that is not part of valid UTF-8
// replaced by U+FFFD.
func appendUTF8(b, s []byte) []byte {
	if utf8.Valid(s) {
		return append(b, s...)
	}
	for len(s) > 0 {
		r, size := utf8.DecodeRune(s)
		b = utf8.AppendRune(b, r)
		s = s[size:]
	}
	return b
}

// getu4 decodes \uXXXX at the start of s, or returns -1.
func getu4(s []byte) rune {
	if len(s) < 6 || s[0] != '\\' || s[1] != 'u' {
		return -1
	}
	var r rune
	for _, c := range s[2:6] {
		switch {
		case '0' <= c && c <= '9':
			c = c - '0'
		case 'a' <= c && c <= 'f':
			c = c - 'a' + 10
		case 'A' <= c && c <= 'F':
			c = c - 'A' + 10
		default:
			return -1
		}
		r = r*16 + rune(c)
	}
	return r
}

// appendCompact appends valid JSON src to dst without the whitespace
// between tokens, as json.Compact does.
func appendCompact(dst, src []byte) []byte {
	from := 0
	for i := 0; i < len(src); {
		switch c := src[i]; {
		case c == '"':
			i = stringEnd(src, i)
		case isSpace(c):
			dst = append(dst, src[from:i]...)
			i = skipSpace(src, i)
			from = i
		default:
			i++
		}
	}
	return append(dst, src[from:]...)
}

// stringEnd is the index after the valid string starting at b[i].
func stringEnd(b []byte, i int) int {
	for j := i + 1; ; {
		q := j + bytes.IndexByte(b[j:], '"')
		k := q
		for b[k-1] == '\\' {
			k--
		}
		if (q-k)%2 == 0 {
			return q + 1
		}
		j = q + 1
	}
}

// ---- objects ------------------------------------------------------------

// The members the decoder reads, in any object of an item (the wrapper,
// the paper, an author, a user, an organization).
const (
	kPaper = iota
	kID
	kTitle
	kSummary
	kAuthors
	kPublishedAt
	kUpvotes
	kNumComments
	kWithdrawnAt
	kGitHubRepo
	kGitHubStars
	kProjectPage
	kAISummary
	kAIKeywords
	kOrganization
	kSubmitterOrganization
	kMediaURLs
	kMediaURL
	kThumbnail
	kSubmittedOnDailyAt
	kSubmittedOnDailyBy
	kSubmittedBy
	kName
	kHidden
	kUser
	kFullname
	numKeys
)

var keyNames = [numKeys]string{
	kPaper: "paper", kID: "id", kTitle: "title", kSummary: "summary", kAuthors: "authors",
	kPublishedAt: "publishedAt", kUpvotes: "upvotes", kNumComments: "numComments",
	kWithdrawnAt: "withdrawnAt", kGitHubRepo: "githubRepo", kGitHubStars: "githubStars",
	kProjectPage: "projectPage", kAISummary: "ai_summary", kAIKeywords: "ai_keywords",
	kOrganization: "organization", kSubmitterOrganization: "submitterOrganization",
	kMediaURLs: "mediaUrls", kMediaURL: "mediaUrl", kThumbnail: "thumbnail",
	kSubmittedOnDailyAt: "submittedOnDailyAt", kSubmittedOnDailyBy: "submittedOnDailyBy",
	kSubmittedBy: "submittedBy", kName: "name", kHidden: "hidden", kUser: "user", kFullname: "fullname",
}

func keyOf(name string) int {
	switch name {
	case "paper":
		return kPaper
	case "id":
		return kID
	case "title":
		return kTitle
	case "summary":
		return kSummary
	case "authors":
		return kAuthors
	case "publishedAt":
		return kPublishedAt
	case "upvotes":
		return kUpvotes
	case "numComments":
		return kNumComments
	case "withdrawnAt":
		return kWithdrawnAt
	case "githubRepo":
		return kGitHubRepo
	case "githubStars":
		return kGitHubStars
	case "projectPage":
		return kProjectPage
	case "ai_summary":
		return kAISummary
	case "ai_keywords":
		return kAIKeywords
	case "organization":
		return kOrganization
	case "submitterOrganization":
		return kSubmitterOrganization
	case "mediaUrls":
		return kMediaURLs
	case "mediaUrl":
		return kMediaURL
	case "thumbnail":
		return kThumbnail
	case "submittedOnDailyAt":
		return kSubmittedOnDailyAt
	case "submittedOnDailyBy":
		return kSubmittedOnDailyBy
	case "submittedBy":
		return kSubmittedBy
	case "name":
		return kName
	case "hidden":
		return kHidden
	case "user":
		return kUser
	case "fullname":
		return kFullname
	}
	return -1
}

// object is a JSON object whose values are decoded field by field, so that
// one wrong type can be reported by name instead of failing the whole
// item. It holds the raw value of each member the decoder reads (nil when
// absent; a repeated key keeps its last value, as encoding/json does). A
// nil *object has no members.
type object struct{ v [numKeys][]byte }

// scan validates the object at b[i], inside depth open containers, reads
// its members and returns its end, or -1 when it is not valid JSON. When
// paper is not nil, a "paper" member that is an object is read into it in
// the same pass.
func (o *object) scan(b []byte, i, depth int, paper *object) int {
	*o = object{}
	return members(b, i, depth, func(key []byte, escaped bool, b []byte, j, depth int) int {
		var k int
		if escaped {
			k = keyOf(unquote(key))
		} else {
			k = keyOf(string(key))
		}
		var end int
		if k == kPaper && paper != nil && j < len(b) && b[j] == '{' {
			end = paper.scan(b, j, depth, nil)
		} else {
			end = skipValue(b, j, depth)
		}
		if k >= 0 && end >= 0 {
			o.v[k] = b[j:end]
		}
		return end
	})
}

// parse reads the members of raw, a valid JSON object.
func (o *object) parse(raw []byte) { o.scan(raw, 0, 0, nil) }

// present reports whether key is there, even as null.
func (o *object) present(k int) bool { return o != nil && o.v[k] != nil }

// has reports whether key is present and not null.
func (o *object) has(k int) bool {
	return o != nil && o.v[k] != nil && string(o.v[k]) != "null"
}

func (o *object) str(k int) (string, error) {
	if !o.has(k) {
		return "", nil
	}
	v := o.v[k]
	if v[0] != '"' {
		return "", fmt.Errorf("%s: not a string", keyNames[k])
	}
	return unquote(v[1 : len(v)-1]), nil
}

func (o *object) integer(k int) (int, error) {
	if !o.has(k) {
		return 0, nil
	}
	// A quoted number is a wrong type here.
	v := o.v[k]
	if v[0] != '-' && (v[0] < '0' || v[0] > '9') {
		return 0, fmt.Errorf("%s: not a number", keyNames[k])
	}
	// Accept 12.0 as 12: a JSON encoder may write integers that way.
	f, err := strconv.ParseFloat(string(v), 64)
	if err != nil || f != math.Trunc(f) || math.Abs(f) > 1<<53 {
		return 0, fmt.Errorf("%s: not an integer: %s", keyNames[k], v)
	}
	return int(f), nil
}

func (o *object) boolean(k int) (bool, error) {
	switch {
	case !o.has(k):
		return false, nil
	case string(o.v[k]) == "true":
		return true, nil
	case string(o.v[k]) == "false":
		return false, nil
	}
	return false, fmt.Errorf("%s: not a boolean", keyNames[k])
}

func (o *object) timestamp(k int) (time.Time, error) {
	s, err := o.str(k)
	if err != nil || s == "" {
		return time.Time{}, err
	}
	t, err := time.Parse(time.RFC3339Nano, s)
	if err != nil {
		return time.Time{}, fmt.Errorf("%s: not an RFC 3339 time: %q", keyNames[k], clip(s, 40))
	}
	return t, nil
}

// strings reads an array of strings; a null element is "", as
// encoding/json has it.
func (o *object) strings(k int) ([]string, error) {
	if !o.has(k) {
		return nil, nil
	}
	v := o.v[k]
	bad := fmt.Errorf("%s: not an array of strings", keyNames[k])
	if v[0] != '[' {
		return nil, bad
	}
	ss := []string{}
	ok := true
	elements(v, 0, 0, func(b []byte, j, depth int) int {
		end := skipValue(b, j, depth)
		if end < 0 {
			return end
		}
		switch b[j] {
		case '"':
			ss = append(ss, unquote(b[j+1:end-1]))
		case 'n':
			ss = append(ss, "")
		default:
			ok = false
		}
		return end
	})
	if !ok {
		return nil, bad
	}
	return ss, nil
}

// object reads the member k into sub, when it is an object: ok says so.
func (o *object) object(k int, sub *object) (ok bool, err error) {
	if !o.has(k) {
		return false, nil
	}
	v := o.v[k]
	if v[0] != '{' {
		return false, fmt.Errorf("%s: %s, not an object", keyNames[k], describe(v))
	}
	sub.parse(v)
	return true, nil
}

// ---- errors and descriptions ---------------------------------------------

// trimBody drops a byte-order mark and surrounding space.
func trimBody(body []byte) []byte {
	return bytes.TrimSpace(bytes.TrimPrefix(body, []byte("\xef\xbb\xbf")))
}

// parseJSON checks that body is one JSON value and says plainly what is
// wrong when it is not: truncated, or not JSON at all.
func parseJSON(body []byte) ([]byte, error) {
	raw := trimBody(body)
	if len(raw) == 0 {
		return nil, errors.New("empty body, not JSON")
	}
	if validJSON(raw) {
		return raw, nil
	}
	return nil, syntaxError(raw)
}

// syntaxError describes what is wrong with raw, in encoding/json's words.
func syntaxError(raw []byte) error {
	var v json.RawMessage
	err := json.Unmarshal(raw, &v)
	var syntax *json.SyntaxError
	switch {
	case err == nil: // cannot happen: the scanner follows encoding/json
		return errors.New("not JSON")
	case errors.As(err, &syntax) && syntax.Error() == "unexpected end of JSON input":
		return fmt.Errorf("truncated JSON: input ends after %d bytes", len(raw))
	case errors.As(err, &syntax):
		return fmt.Errorf("not JSON: %v at offset %d", syntax, syntax.Offset)
	default:
		return fmt.Errorf("not JSON: %w", err)
	}
}

// quiet drops the error of a decoration field (see the decoding policy).
func quiet[T any](v T, err error) T {
	if err != nil {
		var zero T
		return zero
	}
	return v
}

// strict reads the fields that reject the item when mistyped, keeping the
// first error so the item is reported once, by the first bad field.
type strict struct{ err error }

func (s *strict) keep(err error) {
	if s.err == nil {
		s.err = err
	}
}

func (s *strict) str(v string, err error) string        { s.keep(err); return v }
func (s *strict) num(v int, err error) int              { s.keep(err); return v }
func (s *strict) time(v time.Time, err error) time.Time { s.keep(err); return v }
func (s *strict) authors(v []Author, err error) []Author {
	s.keep(err)
	return v
}

// describe names the kind of a JSON value for error messages.
func describe(raw []byte) string {
	if len(raw) > 0 && raw[0] == '{' {
		return "an object"
	}
	return kindOf(raw)
}

func kindOf(raw []byte) string {
	raw = bytes.TrimSpace(raw)
	if len(raw) == 0 {
		return "nothing"
	}
	switch raw[0] {
	case '{':
		return "an object"
	case '[':
		return "an array"
	case '"':
		return "a string"
	case 't', 'f':
		return "a boolean"
	case 'n':
		return "null"
	default:
		return "a number"
	}
}

// objectKeys lists an object's keys in document order (a map would lose
// the order, and the order is what a person recognises).
func objectKeys(raw []byte) ([]string, error) {
	dec := json.NewDecoder(bytes.NewReader(raw))
	if _, err := dec.Token(); err != nil {
		return nil, err
	}
	var keys []string
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			return keys, err
		}
		key, _ := tok.(string)
		keys = append(keys, key)
		var skip json.RawMessage
		if err := dec.Decode(&skip); err != nil {
			return keys, err
		}
	}
	return keys, nil
}

func describeObject(keys []string) string {
	switch {
	case len(keys) == 0:
		return "an empty object"
	case len(keys) > 8:
		return fmt.Sprintf("an object with keys %s, …", strings.Join(keys[:8], ", "))
	}
	return "an object with keys " + strings.Join(keys, ", ")
}
