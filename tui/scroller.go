package tui

import "strings"

// The detail's viewport over pre-rendered lines.

// scroller is a viewport over pre-rendered lines. View slices the lines
// in sight, nothing more: bubbles' viewport re-wraps every line on every
// frame, which costs more than the rest of the screen.
type scroller struct {
	lines  []string
	offset int
	height int
}

// setContent takes rendered content and fits each line to w cells once.
func (s *scroller) setContent(content string, w int) {
	s.lines = fitLines(strings.Split(content, "\n"), w)
	s.clamp()
}

// setLines takes lines already fitted to the width.
func (s *scroller) setLines(lines []string) {
	s.lines = lines
	s.clamp()
}

func (s *scroller) setHeight(h int) { s.height = max(1, h); s.clamp() }

func (s *scroller) clamp() {
	s.offset = max(0, min(s.offset, len(s.lines)-s.height))
}

func (s *scroller) scroll(n int) { s.offset += n; s.clamp() }

func (s *scroller) top() { s.offset = 0 }

func (s *scroller) bottom() { s.offset = len(s.lines); s.clamp() }

// percent is how far down the view is, 0 to 100.
func (s *scroller) percent() int {
	room := len(s.lines) - s.height
	if room <= 0 {
		return 100
	}
	return s.offset * 100 / room
}

func (s *scroller) scrolls() bool { return len(s.lines) > s.height }

func (s *scroller) view() []string {
	end := min(len(s.lines), s.offset+s.height)
	return s.lines[s.offset:end]
}

// hitContext is how many lines show above a search hit jumped to.
const hitContext = 2

// nextHit is the index in hits (line numbers, ascending) of the first hit
// below the view's top (dir > 0) or the last above it (dir < 0), with
// hitContext lines above it; -1 when there is none. n and N of the detail
// and of the reading pane.
func nextHit(hits []int, offset, dir int) int {
	for i := range hits {
		j := i
		if dir < 0 {
			j = len(hits) - 1 - i
		}
		if h := hits[j] - hitContext; (dir > 0 && h > offset) || (dir < 0 && h < offset) {
			return j
		}
	}
	return -1
}
