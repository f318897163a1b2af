package tui

import (
	"strings"

	"github.com/papertui/papers/store"
)

// detailKey names one rendering of a paper's detail.
type detailKey struct {
	id         string
	width      int
	style      string
	allAuthors bool
	marks      string // search words, one per line
}

// maxCachedDetails bounds the rendered-detail cache.
const maxCachedDetails = 256

// detailPane shows one paper's rendered detail in a scrolling viewport.
type detailPane struct {
	vp         scroller
	shown      detailKey // what the viewport holds
	want       detailKey // what was last asked for
	record     store.Record
	hasRecord  bool
	allAuthors bool
	cache      map[detailKey]rendered
	err        error
	hits       []int // lines of the shown content holding a search word
}

// rendered is a detail as the cache keeps it.
type rendered struct {
	content string
	hits    []int
}

func newDetailPane() detailPane {
	return detailPane{cache: map[detailKey]rendered{}}
}

// show puts rendered content in the viewport, keeping the scroll position
// when only the width or style changed.
func (d *detailPane) show(key detailKey, r rendered) {
	content := r.content
	d.hits = r.hits
	samePaper := key.id == d.shown.id
	d.vp.setContent(content, key.width)
	if !samePaper {
		d.vp.offset = 0
	}
	d.shown = key
	d.err = nil
}

func (d *detailPane) remember(key detailKey, r rendered) {
	if len(d.cache) >= maxCachedDetails {
		clear(d.cache)
	}
	d.cache[key] = r
}

// jumpHit scrolls to the next (dir > 0) or previous search hit.
func (d *detailPane) jumpHit(dir int) bool {
	const above = 2 // lines of context above the hit
	for i := range d.hits {
		h := d.hits[i]
		if dir < 0 {
			h = d.hits[len(d.hits)-1-i]
		}
		if (dir > 0 && h-above > d.vp.offset) || (dir < 0 && h-above < d.vp.offset) {
			d.vp.offset = h - above
			d.vp.clamp()
			return true
		}
	}
	return false
}

// forget drops every cached rendering of a paper whose state changed.
func (d *detailPane) forget(id string) {
	for k := range d.cache {
		if k.id == id {
			delete(d.cache, k)
		}
	}
}

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

func (s *scroller) setHeight(h int) { s.height = max(1, h); s.clamp() }

func (s *scroller) clamp() {
	s.offset = max(0, min(s.offset, len(s.lines)-s.height))
}

func (s *scroller) scroll(n int) { s.offset += n; s.clamp() }

func (s *scroller) top()    { s.offset = 0 }
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
