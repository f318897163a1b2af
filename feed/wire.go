package feed

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"
)

// This file holds the JSON plumbing under the decoder: reading a value
// field by field so a wrong type is reported by name, and naming what a
// value is when it is not what was expected.

// parseJSON checks that body is one JSON value and says plainly what is
// wrong when it is not: truncated, or not JSON at all.
func parseJSON(body []byte) ([]byte, error) {
	raw := bytes.TrimSpace(bytes.TrimPrefix(body, []byte("\xef\xbb\xbf")))
	if len(raw) == 0 {
		return nil, errors.New("empty body, not JSON")
	}
	var v json.RawMessage
	err := json.Unmarshal(raw, &v)
	var syntax *json.SyntaxError
	switch {
	case err == nil:
		return raw, nil
	case errors.As(err, &syntax) && syntax.Error() == "unexpected end of JSON input":
		return nil, fmt.Errorf("truncated JSON: input ends after %d bytes", len(raw))
	case errors.As(err, &syntax):
		return nil, fmt.Errorf("not JSON: %v at offset %d", syntax, syntax.Offset)
	default:
		return nil, fmt.Errorf("not JSON: %w", err)
	}
}

// obj is a JSON object whose values are decoded field by field, so that one
// wrong type can be reported by name instead of failing the whole item.
type obj map[string]json.RawMessage

// toObj decodes raw as an object, naming what it was instead when it is not.
func toObj(raw json.RawMessage) (obj, error) {
	raw = bytes.TrimSpace(raw)
	if len(raw) == 0 || raw[0] != '{' {
		return nil, fmt.Errorf("%s, not an object", describe(raw))
	}
	var o obj
	if err := json.Unmarshal(raw, &o); err != nil {
		return nil, fmt.Errorf("bad object: %w", err)
	}
	return o, nil
}

// has reports whether key is present and not null.
func (o obj) has(key string) bool {
	v, ok := o[key]
	return ok && !isNull(v)
}

func isNull(v json.RawMessage) bool { return string(bytes.TrimSpace(v)) == "null" }

func (o obj) str(key string) (string, error) {
	if !o.has(key) {
		return "", nil
	}
	var s string
	if err := json.Unmarshal(o[key], &s); err != nil {
		return "", fmt.Errorf("%s: not a string", key)
	}
	return s, nil
}

func (o obj) integer(key string) (int, error) {
	if !o.has(key) {
		return 0, nil
	}
	// json.Number would also take "64" in quotes; a quoted number is a
	// wrong type here, so check the token's first byte.
	var n json.Number
	raw := bytes.TrimSpace(o[key])
	if raw[0] != '-' && (raw[0] < '0' || raw[0] > '9') || json.Unmarshal(raw, &n) != nil {
		return 0, fmt.Errorf("%s: not a number", key)
	}
	// Accept 12.0 as 12: a JSON encoder may write integers that way.
	f, err := strconv.ParseFloat(n.String(), 64)
	if err != nil || f != math.Trunc(f) || math.Abs(f) > 1<<53 {
		return 0, fmt.Errorf("%s: not an integer: %s", key, n)
	}
	return int(f), nil
}

func (o obj) timestamp(key string) (time.Time, error) {
	s, err := o.str(key)
	if err != nil || s == "" {
		return time.Time{}, err
	}
	t, err := time.Parse(time.RFC3339Nano, s)
	if err != nil {
		return time.Time{}, fmt.Errorf("%s: not an RFC 3339 time: %q", key, clip(s, 40))
	}
	return t, nil
}

func (o obj) strings(key string) ([]string, error) {
	if !o.has(key) {
		return nil, nil
	}
	var ss []string
	if err := json.Unmarshal(o[key], &ss); err != nil {
		return nil, fmt.Errorf("%s: not an array of strings", key)
	}
	return ss, nil
}

func (o obj) object(key string) (obj, error) {
	if !o.has(key) {
		return nil, nil
	}
	sub, err := toObj(o[key])
	if err != nil {
		return nil, fmt.Errorf("%s: %w", key, err)
	}
	return sub, nil
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

func isPaperObject(keys []string) bool {
	for _, k := range keys {
		if k == "paper" || k == "id" {
			return true
		}
	}
	return false
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
