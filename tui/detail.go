package tui

import (
	"charm.land/bubbles/v2/viewport"
	"github.com/papertui/papers/store"
)

// detailKey names one rendering of a paper's detail.
type detailKey struct {
	id         string
	width      int
	style      string
	allAuthors bool
}

// maxCachedDetails bounds the rendered-detail cache.
const maxCachedDetails = 256

// detailPane shows one paper's rendered detail in a scrolling viewport.
type detailPane struct {
	vp         viewport.Model
	shown      detailKey // what the viewport holds
	want       detailKey // what was last asked for
	record     store.Record
	hasRecord  bool
	allAuthors bool
	cache      map[detailKey]string
	err        error
}

func newDetailPane() detailPane {
	return detailPane{vp: viewport.New(), cache: map[detailKey]string{}}
}

// show puts rendered content in the viewport, keeping the scroll position
// when only the width or style changed.
func (d *detailPane) show(key detailKey, content string) {
	samePaper := key.id == d.shown.id
	offset := d.vp.YOffset()
	d.vp.SetContent(content)
	if samePaper {
		d.vp.SetYOffset(offset)
	} else {
		d.vp.GotoTop()
	}
	d.shown = key
	d.err = nil
}

func (d *detailPane) remember(key detailKey, content string) {
	if len(d.cache) >= maxCachedDetails {
		clear(d.cache)
	}
	d.cache[key] = content
}

// forget drops every cached rendering of a paper whose state changed.
func (d *detailPane) forget(id string) {
	for k := range d.cache {
		if k.id == id {
			delete(d.cache, k)
		}
	}
}
