package tui

import (
	"strings"

	"github.com/charmbracelet/x/ansi"
)

// hitLines are the lines of rendered content holding a search word, for
// n and N.
func hitLines(content string, words []string) []int {
	if len(words) == 0 {
		return nil
	}
	var hits []int
	for i, line := range strings.Split(ansi.Strip(content), "\n") {
		lower := strings.ToLower(line)
		for _, w := range words {
			if strings.Contains(lower, strings.ToLower(w)) {
				hits = append(hits, i)
				break
			}
		}
	}
	return hits
}

// markHits wraps each case-insensitive occurrence of the words in s with
// on and off; s is plain text (no escape sequences).
func markHits(s string, words []string, on, off string) string {
	lower := strings.ToLower(s)
	if len(words) == 0 || len(lower) != len(s) {
		return s // lowercasing moved bytes: leave it unmarked rather than mis-marked
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		n := matchAt(lower[i:], words)
		if n == 0 {
			b.WriteByte(s[i])
			i++
			continue
		}
		b.WriteString(on + s[i:i+n] + off)
		i += n
	}
	return b.String()
}

// matchAt is the length of the longest word lower starts with.
func matchAt(lower string, words []string) int {
	best := 0
	for _, w := range words {
		if len(w) > best && strings.HasPrefix(lower, strings.ToLower(w)) {
			best = len(w)
		}
	}
	return best
}
