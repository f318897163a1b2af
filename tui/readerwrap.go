package tui

import (
	"slices"
	"strings"
)

// A phrase searched in the reading pane may be split by the wrapping:
// "reward" ends one rendered line and "model" starts the next. The
// search tries each space of the phrase as the line break: the part
// before it ending one line, the part after it starting the next (the
// pane's margins aside). Only a phrase is tried, a string comparison
// per space and line, so a keystroke still costs a scan of the lines.

// span is a byte range of a line's plain text.
type span struct{ from, to int }

// findSplit reports whether the phrase q starts at the end of line i and
// ends at the start of line i+1, and records the two parts to mark; the
// second line is marked but is not a hit of its own.
func (s *readerSearch) findSplit(l readerLines, i int, q string) bool {
	if i+1 >= len(l.lower) {
		return false
	}
	a, b := l.lower[i], l.lower[i+1]
	end := len(strings.TrimRight(a, " "))
	start := len(b) - len(strings.TrimLeft(b, " "))
	a, b = a[:end], b[start:]
	if a == "" || b == "" {
		return false
	}
	for k := 0; k < len(q); k++ {
		if q[k] != ' ' {
			continue
		}
		head, tail := q[:k], q[k+1:]
		if head != "" && tail != "" && strings.HasSuffix(a, head) && strings.HasPrefix(b, tail) {
			if s.split == nil {
				s.split = map[int][]span{}
			}
			s.split[i] = append(s.split[i], span{end - len(head), end})
			s.split[i+1] = append(s.split[i+1], span{start, start + len(tail)})
			s.isHit[i+1] = true
			return true
		}
	}
	return false
}

// markSpans is line i with the query's hits in it and the parts of split
// hits marked.
func markSpans(l readerLines, i int, q string, parts []span, hl paint) string {
	plain, low := l.plain[i], l.lower[i]
	if len(low) != len(plain) {
		return plain // lowercasing moved bytes: unmarked rather than mis-marked
	}
	spans := slices.Clone(parts)
	// q is "" between / and the first key of a new search, while the
	// marks of the last are still drawn.
	for from := 0; q != ""; {
		j := strings.Index(low[from:], q)
		if j < 0 {
			break
		}
		spans = append(spans, span{from + j, from + j + len(q)})
		from += j + len(q)
	}
	slices.SortFunc(spans, func(x, y span) int { return x.from - y.from })
	var b strings.Builder
	at := 0
	for _, sp := range spans {
		if sp.to <= at {
			continue
		}
		sp.from = max(sp.from, at)
		b.WriteString(plain[at:sp.from])
		b.WriteString(hl.pre + plain[sp.from:sp.to] + hl.post)
		at = sp.to
	}
	b.WriteString(plain[at:])
	return b.String()
}
