package clean

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Limits that keep TeX linear-ish and its recursion shallow on hostile input.
const (
	texMaxSpan  = 1000 // bytes searched for a closing delimiter or brace
	texMaxDepth = 32   // nested groups and commands
)

// TeX returns s cleaned by Text with its inline LaTeX shown as Unicode where
// a mapping exists: $\alpha$ → α, $O(n^2)$ → O(n²), \mathcal{O}(n) → 𝒪(n),
// \frac{a}{b} → a/b, \textbf{x} → x, \% → %.
//
// Math ($…$, $$…$$, \(…\), \[…\]) is converted as a whole or not at all: its
// delimiters are dropped only when every command in it is known, and
// otherwise the span is left as written. A $ that reads as currency
// ("$5 million", "$5-$10") is left alone. Outside math, a known command is
// converted on its own and an unknown one left as written. The result is as
// safe as Text's; use Line(TeX(s)) for a one-line title.
func TeX(s string) string {
	s = Text(s)
	if !strings.ContainsAny(s, `$\{`) {
		return s
	}
	out, _ := texText(s, false, 0)
	if out == s {
		return s
	}
	// Dropped commands can leave doubled or edge spaces behind.
	return Text(out)
}

// texText converts running text. In strict mode (a group or \text argument
// that must convert as a whole) anything unknown fails it; otherwise the
// unknown is copied as written and conversion goes on.
func texText(s string, strict bool, depth int) (string, bool) {
	if depth > texMaxDepth {
		return "", false
	}
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); {
		switch c := s[i]; {
		case c == '$':
			if n, open, body := mathSpan(s[i:]); n > 0 {
				if conv, ok := texMath(body, depth+1); ok {
					b.WriteString(conv)
				} else if strict {
					return "", false
				} else {
					b.WriteString(s[i : i+n])
				}
				i += n
				continue
			} else if open > 0 {
				// $$ with no closing $$: copy both so neither opens a span.
				b.WriteString(s[i : i+open])
				i += open
				continue
			}
			if strict && !isCurrency(s[i:]) {
				return "", false
			}
			b.WriteByte('$')
			i++
		case c == '\\':
			if i+1 < len(s) && (s[i+1] == '(' || s[i+1] == '[') {
				closer := `\)`
				if s[i+1] == '[' {
					closer = `\]`
				}
				if end := indexWithin(s[i+2:], closer); end >= 0 {
					body := s[i+2 : i+2+end]
					n := 2 + end + 2
					if conv, ok := texMath(body, depth+1); ok {
						b.WriteString(strings.TrimSpace(conv))
					} else if strict {
						return "", false
					} else {
						b.WriteString(s[i : i+n])
					}
					i += n
					continue
				}
			}
			conv, n, ok := texTextCommand(s[i:], depth)
			if !ok {
				if strict {
					return "", false
				}
				// Copy the backslash and the command name as written.
				n = 1 + commandNameLen(s[i+1:])
				b.WriteString(s[i : i+n])
				i += n
				continue
			}
			b.WriteString(conv)
			i += n
		case c == '{' && i+1 < len(s) && s[i+1] == '\\':
			// A group opening with a command, as in {\sim} or {\em word}.
			inner, n := braceGroup(s[i:])
			if n == 0 {
				if strict {
					return "", false
				}
				b.WriteByte('{')
				i++
				continue
			}
			conv, ok := texText(inner, true, depth+1)
			if !ok {
				if strict {
					return "", false
				}
				// Left as written, whole: converting parts of a group
				// that failed would cost time on hostile nesting.
				conv = s[i : i+n]
			}
			b.WriteString(conv)
			i += n
		default:
			b.WriteByte(c)
			i++
		}
	}
	return b.String(), true
}

// texTextCommand converts the command at the start of s (s[0] == '\\') in
// running text and returns the text and the bytes consumed.
func texTextCommand(s string, depth int) (string, int, bool) {
	n := 1 + commandNameLen(s[1:])
	name := s[1:n]
	switch {
	case name == "", name == "\\":
		// A bare or doubled backslash in running text is more likely a path
		// or an escaping slip than a TeX line break.
		return "", 0, false
	case texDeclarations[name]:
		// {\bf word}: the declaration and the space ending it print nothing.
		if n < len(s) && s[n] == ' ' {
			n++
		}
		return "", n, true
	case texTextArg[name]:
		inner, m := braceGroup(s[n:])
		if m == 0 {
			return "", 0, false
		}
		conv, ok := texText(inner, true, depth+1)
		return conv, n + m, ok
	}
	// Anything else is read as one math atom: \alpha, \mathcal{O}, \frac{a}{b}.
	if len(s) > texMaxSpan {
		s = s[:texMaxSpan]
	}
	p := mathParser{s: s, depth: depth + 1}
	conv, ok := p.atom()
	if !ok {
		return "", 0, false
	}
	return conv, p.i, true
}

// commandNameLen returns the length of the control sequence name at the
// start of s: a run of ASCII letters, or one ASCII non-letter.
func commandNameLen(s string) int {
	n := 0
	for n < len(s) && isASCIILetter(s[n]) {
		n++
	}
	if n == 0 && len(s) > 0 && s[0] < utf8.RuneSelf && s[0] > ' ' {
		return 1
	}
	if n == 0 && len(s) > 0 && s[0] == ' ' {
		return 1
	}
	return n
}

func isASCIILetter(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
}

// mathSpan finds a $…$ or $$…$$ span at the start of s (s[0] == '$'). It
// returns the span's length and its body, or n == 0 if the $ does not open
// math; open is then the length of an opener to copy as text (2 for an
// unclosed $$), or 0. Like Pandoc, an opening $ must be followed and a
// closing $ preceded by a non-space, and the span stays on one line. A span
// that starts with a digit and has no letter, command or script in it
// ("$5-$10", "$5$") is currency, as is one whose closing $ is followed by a
// digit when it starts with one.
func mathSpan(s string) (n, open int, body string) {
	if strings.HasPrefix(s, "$$") {
		end := indexWithin(s[2:], "$$")
		if end <= 0 || strings.Contains(s[2:2+end], "\n") {
			return 0, 2, ""
		}
		return end + 4, 0, s[2 : 2+end]
	}
	if len(s) < 3 || isSpaceByte(s[1]) {
		return 0, 0, ""
	}
	end := -1
	for j := 1; j < len(s) && j <= texMaxSpan; j++ {
		if s[j] == '\n' {
			return 0, 0, ""
		}
		if s[j] == '\\' {
			j++ // \$ does not close
			continue
		}
		if s[j] == '$' {
			end = j
			break
		}
	}
	if end < 2 || isSpaceByte(s[end-1]) {
		return 0, 0, ""
	}
	body = s[1:end]
	if body[0] >= '0' && body[0] <= '9' {
		if end+1 < len(s) && s[end+1] >= '0' && s[end+1] <= '9' {
			return 0, 0, ""
		}
		if !strings.ContainsAny(body, `\^_{}`) && !containsLetter(body) {
			return 0, 0, ""
		}
	}
	return end + 1, 0, body
}

// isCurrency reports whether the $ at s[0] reads as a currency sign.
func isCurrency(s string) bool {
	return len(s) > 1 && s[1] >= '0' && s[1] <= '9'
}

func containsLetter(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) {
			return true
		}
	}
	return false
}

func isSpaceByte(c byte) bool {
	return c == ' ' || c == '\n'
}

// indexWithin is strings.Index limited to the first texMaxSpan bytes and to
// one line.
func indexWithin(s, sep string) int {
	if len(s) > texMaxSpan {
		s = s[:texMaxSpan]
	}
	if nl := strings.IndexByte(s, '\n'); nl >= 0 {
		s = s[:nl]
	}
	return strings.Index(s, sep)
}

// braceGroup returns the inside of the {…} group at the start of s and the
// group's length, or n == 0 if s does not start with a closed group.
func braceGroup(s string) (inner string, n int) {
	if s == "" || s[0] != '{' {
		return "", 0
	}
	depth := 0
	for i := 0; i < len(s) && i <= texMaxSpan; i++ {
		switch s[i] {
		case '\\':
			i++
		case '{':
			depth++
		case '}':
			depth--
			if depth == 0 {
				return s[1:i], i + 1
			}
		}
	}
	return "", 0
}

// mathParser converts a math body. Any unknown command or unbalanced brace
// fails the whole body.
type mathParser struct {
	s     string
	i     int
	depth int
	op    bool // the last atom was an operator name such as \log
}

// texMath converts the body of a math span.
func texMath(body string, depth int) (string, bool) {
	p := mathParser{s: body, depth: depth}
	out, ok := p.seq(false)
	if !ok {
		return "", false
	}
	return collapseSpaces(out), true
}

// seq converts atoms up to the end of the body, or up to a closing brace
// when inGroup.
func (p *mathParser) seq(inGroup bool) (string, bool) {
	p.depth++
	defer func() { p.depth-- }()
	if p.depth > texMaxDepth {
		return "", false
	}
	var b strings.Builder
	for p.i < len(p.s) {
		c := p.s[p.i]
		switch c {
		case '}':
			if !inGroup {
				return "", false
			}
			return b.String(), true
		case '^', '_':
			p.i++
			arg, ok := p.arg()
			if !ok {
				return "", false
			}
			// Spaces before a script belong to nothing.
			out := strings.TrimRight(b.String(), " ")
			b.Reset()
			b.WriteString(out)
			b.WriteString(script(arg, c == '^'))
		case ' ', '\n':
			p.i++
			b.WriteByte(' ')
		default:
			prev := b.String()
			atom, ok := p.atom()
			if !ok {
				return "", false
			}
			if p.op && prev != "" && atom != "" {
				if r, _ := utf8.DecodeLastRuneInString(prev); unicode.IsLetter(r) || unicode.IsNumber(r) {
					b.WriteByte(' ')
				}
			}
			b.WriteString(atom)
		}
	}
	if inGroup {
		return "", false // unclosed {
	}
	return b.String(), true
}

// atom converts one character, group or command.
func (p *mathParser) atom() (string, bool) {
	p.op = false
	if p.i >= len(p.s) {
		return "", false
	}
	switch c := p.s[p.i]; c {
	case '{':
		p.i++
		inner, ok := p.seq(true)
		if !ok {
			return "", false
		}
		p.i++ // the }
		return inner, true
	case '\\':
		return p.command()
	case '~':
		p.i++
		return " ", true
	case '$', '&', '#', '^', '_', '}':
		return "", false
	}
	_, size := utf8.DecodeRuneInString(p.s[p.i:])
	p.i += size
	return p.s[p.i-size : p.i], true
}

// arg reads a command or script argument: a group, a command or one
// character, after any spaces.
func (p *mathParser) arg() (string, bool) {
	for p.i < len(p.s) && p.s[p.i] == ' ' {
		p.i++
	}
	if p.i >= len(p.s) {
		return "", false
	}
	return p.atom()
}

// command converts the control sequence at p.s[p.i] == '\\' with its
// arguments.
func (p *mathParser) command() (string, bool) {
	p.depth++
	defer func() { p.depth-- }()
	if p.depth > texMaxDepth {
		return "", false
	}
	start := p.i + 1
	n := commandNameLen(p.s[start:])
	if n == 0 {
		return "", false
	}
	name := p.s[start : start+n]
	p.i = start + n
	// A control word ends at the first non-letter; a following {} is
	// sometimes added to say so.
	emptyGroup := func() {
		if isASCIILetter(name[0]) && strings.HasPrefix(p.s[p.i:], "{}") {
			p.i += 2
		}
	}

	if sym, ok := texSymbols[name]; ok {
		emptyGroup()
		return sym, true
	}
	if texOperators[name] {
		emptyGroup()
		p.op = true
		return name, true
	}
	if a, ok := texAlphabets[name]; ok {
		arg, ok := p.arg()
		if !ok {
			return "", false
		}
		return mapRunes(arg, a.letter), true
	}
	if texMathArg[name] {
		return p.arg()
	}
	if texTextArg[name] {
		inner, m := braceGroup(p.s[p.i:])
		if m == 0 {
			return p.arg()
		}
		p.i += m
		return texText(inner, true, p.depth+1)
	}
	if mark, ok := texAccents[name]; ok {
		arg, ok := p.arg()
		if !ok || arg == "" {
			return "", false
		}
		if utf8.RuneCountInString(arg) == 1 || mark == 0x305 {
			return mapRunes(arg, nil, mark), true
		}
		return "", false
	}
	switch name {
	case "frac", "dfrac", "tfrac", "cfrac":
		num, ok := p.arg()
		if !ok {
			return "", false
		}
		den, ok := p.arg()
		if !ok {
			return "", false
		}
		return operand(num) + "/" + operand(den), true
	case "sqrt":
		root := "√"
		if strings.HasPrefix(p.s[p.i:], "[") {
			end := strings.IndexByte(p.s[p.i:], ']')
			if end < 0 {
				return "", false
			}
			switch strings.TrimSpace(p.s[p.i+1 : p.i+end]) {
			case "3":
				root = "∛"
			case "4":
				root = "∜"
			default:
				return "", false
			}
			p.i += end + 1
		}
		arg, ok := p.arg()
		if !ok {
			return "", false
		}
		return root + operand(arg), true
	case "not":
		arg, ok := p.arg()
		if !ok {
			return "", false
		}
		neg, ok := texNegated[arg]
		return neg, ok
	case "left", "right", "middle":
		// The delimiter follows; "." means none.
		if strings.HasPrefix(p.s[p.i:], ".") {
			p.i++
		}
		return "", true
	}
	return "", false
}

// script writes arg as a superscript or subscript: in Unicode's small
// letters if it has every one, else as ^x, ^(xy), _x or _(xy).
func script(arg string, sup bool) string {
	table, mark := subscripts, "_"
	if sup {
		table, mark = superscripts, "^"
	}
	var b strings.Builder
	for _, r := range arg {
		if r == ' ' {
			continue
		}
		m, ok := table[r]
		if !ok {
			b.Reset()
			break
		}
		b.WriteRune(m)
	}
	if b.Len() > 0 {
		return b.String()
	}
	arg = strings.TrimSpace(arg)
	if utf8.RuneCountInString(arg) <= 1 {
		return mark + arg
	}
	return mark + "(" + arg + ")"
}

// operand parenthesizes a fraction or root operand unless it is one token.
func operand(s string) string {
	s = strings.TrimSpace(s)
	if s == "" {
		return "()"
	}
	simple := true
	for _, r := range s {
		if !unicode.IsLetter(r) && !unicode.IsNumber(r) && !unicode.IsMark(r) && r != '.' {
			simple = false
			break
		}
	}
	if simple || enclosed(s) {
		return s
	}
	return "(" + s + ")"
}

// enclosed reports whether s is one parenthesized or bracketed whole.
func enclosed(s string) bool {
	if len(s) < 2 || !(s[0] == '(' && s[len(s)-1] == ')' || s[0] == '[' && s[len(s)-1] == ']') {
		return false
	}
	depth := 0
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '(', '[':
			depth++
		case ')', ']':
			depth--
			if depth == 0 && i < len(s)-1 {
				return false
			}
		}
	}
	return depth == 0
}

// mapRunes maps each rune of s with f (if not nil) and follows each with
// the combining marks.
func mapRunes(s string, f func(rune) rune, marks ...rune) string {
	var b strings.Builder
	b.Grow(len(s) * 2)
	for _, r := range s {
		if f != nil {
			r = f(r)
		}
		b.WriteRune(r)
		for _, m := range marks {
			b.WriteRune(m)
		}
	}
	return b.String()
}

// collapseSpaces collapses runs of ASCII spaces and trims them.
func collapseSpaces(s string) string {
	if !strings.Contains(s, "  ") && !strings.HasPrefix(s, " ") && !strings.HasSuffix(s, " ") {
		return s
	}
	return strings.Join(strings.FieldsFunc(s, func(r rune) bool { return r == ' ' }), " ")
}
