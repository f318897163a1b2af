package tui

// While the rest of a paper renders in the background, the reading
// pane's title shows how far down the view is at once, estimated from
// what is rendered, instead of a "rendering…" that lasts up to a second
// under load: the Markdown's bytes of the sections above the view's
// bottom line, and of its own section in proportion of its lines shown.
// "~" marks it an estimate until the whole text is rendered.

// estimatedPercent is that estimate, 0–100; its cost is one pass over
// the sections (tens), never over the lines.
func (r readerPane) estimatedPercent() int {
	l := r.lines
	if r.doc == nil || len(l.text) == 0 || len(l.starts) != len(r.doc.chunks) {
		return 0
	}
	bottom := min(r.offset+r.height, len(l.text)) - 1 // the view's last line
	c := -1
	for i, s := range l.starts {
		if s >= 0 && s <= bottom {
			c = i
		}
	}
	if c < 0 {
		return 0
	}
	total, above := 0, 0
	for i, chunk := range r.doc.chunks {
		total += len(chunk)
		if i < c {
			above += len(chunk)
		}
	}
	if total == 0 {
		return 100
	}
	shown := len(r.doc.chunks[c]) * (bottom + 1 - l.starts[c]) / max(1, l.chunkLen(c))
	return min(100, (above+shown)*100/total)
}
