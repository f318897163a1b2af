package export

import (
	"fmt"
	"strings"
	"unicode"
)

// A small BibTeX reader, written from the BibTeX grammar rather than from
// the writer, so that the tests read the output the way a reference
// manager would.

type bibEntry struct {
	typ, key string
	fields   map[string]string // raw values, delimiters removed
	bare     map[string]bool   // fields written as a macro or number
}

func parseBib(s string) ([]bibEntry, error) {
	p := &bibParser{s: s}
	var out []bibEntry
	for {
		i := strings.IndexByte(p.s[p.i:], '@')
		if i < 0 {
			if strings.TrimSpace(p.s[p.i:]) != "" {
				return nil, fmt.Errorf("junk after last entry: %q", p.s[p.i:])
			}
			return out, nil
		}
		if junk := strings.TrimSpace(p.s[p.i : p.i+i]); junk != "" {
			return nil, fmt.Errorf("junk between entries: %q", junk)
		}
		p.i += i + 1
		e, err := p.entry()
		if err != nil {
			return nil, fmt.Errorf("entry %d: %w", len(out)+1, err)
		}
		out = append(out, e)
	}
}

type bibParser struct {
	s string
	i int
}

func (p *bibParser) ws() {
	for p.i < len(p.s) && strings.IndexByte(" \t\r\n", p.s[p.i]) >= 0 {
		p.i++
	}
}

func (p *bibParser) expect(c byte) error {
	p.ws()
	if p.i >= len(p.s) || p.s[p.i] != c {
		return fmt.Errorf("want %q at %d, have %q", c, p.i, p.s[p.i:min(p.i+20, len(p.s))])
	}
	p.i++
	return nil
}

func (p *bibParser) ident() string {
	p.ws()
	j := p.i
	for p.i < len(p.s) && (isASCIIAlnum(p.s[p.i]) || strings.IndexByte("_-:.", p.s[p.i]) >= 0) {
		p.i++
	}
	return p.s[j:p.i]
}

func isASCIIAlnum(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}

func (p *bibParser) entry() (bibEntry, error) {
	e := bibEntry{fields: map[string]string{}, bare: map[string]bool{}}
	e.typ = strings.ToLower(p.ident())
	if err := p.expect('{'); err != nil {
		return e, err
	}
	e.key = p.ident()
	if e.key == "" {
		return e, fmt.Errorf("no key")
	}
	if err := p.expect(','); err != nil {
		return e, err
	}
	for {
		p.ws()
		if p.i < len(p.s) && p.s[p.i] == '}' {
			p.i++
			return e, nil
		}
		name := strings.ToLower(p.ident())
		if name == "" {
			return e, fmt.Errorf("no field name at %d", p.i)
		}
		if _, dup := e.fields[name]; dup {
			return e, fmt.Errorf("field %s twice", name)
		}
		if err := p.expect('='); err != nil {
			return e, err
		}
		v, bare, err := p.value()
		if err != nil {
			return e, fmt.Errorf("field %s: %w", name, err)
		}
		e.fields[name], e.bare[name] = v, bare
		p.ws()
		if p.i < len(p.s) && p.s[p.i] == ',' {
			p.i++
			continue
		}
		if err := p.expect('}'); err != nil {
			return e, err
		}
		return e, nil
	}
}

// value reads a braced, quoted or bare value; braces nest in all of them.
func (p *bibParser) value() (string, bool, error) {
	p.ws()
	if p.i >= len(p.s) {
		return "", false, fmt.Errorf("no value")
	}
	switch p.s[p.i] {
	case '{', '"':
		closer := byte('}')
		if p.s[p.i] == '"' {
			closer = '"'
		}
		p.i++
		depth, j := 0, p.i
		for ; p.i < len(p.s); p.i++ {
			switch c := p.s[p.i]; {
			case c == closer && depth == 0:
				p.i++
				return p.s[j : p.i-1], false, nil
			case c == '{':
				depth++
			case c == '}':
				if depth == 0 {
					return "", false, fmt.Errorf("unbalanced }")
				}
				depth--
			}
		}
		return "", false, fmt.Errorf("unterminated value")
	}
	v := p.ident()
	if v == "" {
		return "", false, fmt.Errorf("bad value at %d", p.i)
	}
	return v, true, nil
}

// texCommands are the LaTeX text commands a value may use, and what they print.
var texCommands = map[string]string{
	"textbraceleft": "{", "textbraceright": "}", "textasciitilde": "~",
	"textasciicircum": "^", "textbackslash": `\`, "textless": "<",
	"textgreater": ">", "textbar": "|",
}

// untex reads a field value as LaTeX text: it checks that braces balance,
// that no special character is left unescaped and that every command is a
// known one, and returns the text it prints.
func untex(v string) (string, error) {
	var b strings.Builder
	depth := 0
	for i := 0; i < len(v); i++ {
		switch c := v[i]; c {
		case '\\':
			if i+1 == len(v) {
				return "", fmt.Errorf("trailing backslash")
			}
			if strings.IndexByte("&%$#_", v[i+1]) >= 0 {
				b.WriteByte(v[i+1])
				i++
				continue
			}
			j := i + 1
			for j < len(v) && (v[j] >= 'a' && v[j] <= 'z' || v[j] >= 'A' && v[j] <= 'Z') {
				j++
			}
			out, ok := texCommands[v[i+1:j]]
			if !ok {
				return "", fmt.Errorf("unknown command %q", v[i:j])
			}
			b.WriteString(out)
			i = j - 1
		case '{':
			depth++
		case '}':
			if depth--; depth < 0 {
				return "", fmt.Errorf("unbalanced }")
			}
		case '&', '%', '$', '#', '_', '~', '^':
			return "", fmt.Errorf("unescaped %q in %q", c, v)
		default:
			b.WriteByte(c)
		}
	}
	if depth != 0 {
		return "", fmt.Errorf("unbalanced {")
	}
	return b.String(), nil
}

// parsedName is one parsed author: the name as displayed, and its last name.
type parsedName struct{ full, last string }

// splitAuthors splits an author value at "and" at brace depth 0 and reads
// each name in BibTeX's three forms: "First von Last", "von Last, First"
// and "von Last, Jr, First".
func splitAuthors(v string) ([]parsedName, error) {
	var names []parsedName
	for _, raw := range splitDepth0(v, func(s string, i int) int {
		if i > 0 && isSpace(s[i-1]) && i+4 <= len(s) && strings.EqualFold(s[i:i+3], "and") && isSpace(s[i+3]) {
			return 3
		}
		return 0
	}) {
		parts := splitDepth0(raw, func(s string, i int) int {
			if s[i] == ',' {
				return 1
			}
			return 0
		})
		for i := range parts {
			t, err := untex(strings.TrimSpace(parts[i]))
			if err != nil {
				return nil, fmt.Errorf("name %q: %w", raw, err)
			}
			parts[i] = t
		}
		var n parsedName
		switch len(parts) {
		case 1:
			n.full = parts[0]
			f := strings.Fields(parts[0])
			n.last = f[len(f)-1]
		case 2:
			n.full, n.last = parts[1]+" "+parts[0], parts[0]
		case 3:
			n.full, n.last = parts[2]+" "+parts[0]+" "+parts[1], parts[0]
		default:
			return nil, fmt.Errorf("name %q has %d commas", raw, len(parts)-1)
		}
		if n.full == "" {
			return nil, fmt.Errorf("empty name in %q", v)
		}
		names = append(names, n)
	}
	return names, nil
}

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' }

// splitDepth0 splits s where sep, at brace depth 0, says a separator of
// that many bytes starts.
func splitDepth0(s string, sep func(string, int) int) []string {
	var out []string
	depth, start := 0, 0
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '{':
			depth++
		case '}':
			depth--
		default:
			if depth == 0 {
				if n := sep(s, i); n > 0 {
					out = append(out, strings.TrimSpace(s[start:i]))
					start = i + n
					i += n - 1
				}
			}
		}
	}
	return append(out, strings.TrimSpace(s[start:]))
}

// unprotected returns an uppercase letter that a sentence-casing style
// would lowercase although it follows another letter or digit of its word:
// one at brace depth 0.
func unprotected(v string) (string, bool) {
	depth, started := 0, false
	for _, r := range v {
		switch {
		case r == '{':
			depth++
		case r == '}':
			depth--
		case r == ' ':
			started = false
		case depth == 0 && started && unicode.IsUpper(r):
			return string(r), true
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			started = true
		}
	}
	return "", false
}
