package tui

import (
	"context"
	"strings"
	"testing"

	"github.com/papertui/papers/store"
)

// TestReaderShowsThePercentageAtOnce: reopened in the middle of a long
// paper, the first screen's title shows how far down it is (an
// estimate) before the rest is rendered, near what the whole text then
// says.
func TestReaderShowsThePercentageAtOnce(t *testing.T) {
	hs, lib := readerHarness(t, 160, 48)
	must(t, lib.SetReading(context.Background(), "2510.00001", store.Reading{Section: 12}))
	m, render := firstScreen(t, hs)
	head, tail := m.readerTitle()
	title := head + tail
	if strings.Contains(title, "rendering") || !strings.Contains(title, "%") {
		t.Fatalf("the first screen's title: %q", title)
	}
	estimate := m.reader.estimatedPercent()
	// The first screen's Cmd renders the rest and marks the paper read.
	m = render(m)
	if exact := m.reader.viewPercent(); estimate < exact-10 || estimate > exact+10 || estimate <= 0 {
		t.Errorf("estimated %d%%, the whole text says %d%%", estimate, exact)
	}
}

// firstScreen opens the harness's paper at its top and stops at its first
// screen: the rest not rendered yet. render delivers the rest.
func firstScreen(t *testing.T, hs *harness) (m Model, render func(Model) Model) {
	t.Helper()
	next, open := hs.m.openReader("2510.00001")
	next, rest := next.(Model).Update(runWithTimeout(t, open))
	m = next.(Model)
	if m.reader.complete || m.reader.doc == nil {
		t.Fatalf("the first screen: complete %v, doc %v", m.reader.complete, m.reader.doc != nil)
	}
	return m, func(m Model) Model {
		for _, msg := range batchOf(runWithTimeout(t, rest)) {
			if rendered, ok := msg.(readerRendered); ok {
				next, _ := m.Update(rendered)
				m = next.(Model)
			}
		}
		if !m.reader.complete {
			t.Fatal("the rest did not render")
		}
		return m
	}
}

// TestReaderEndAskedBeforeTheRest: G on the first screen goes to the end
// of the paper once the rest is rendered, not of the first screen.
func TestReaderEndAskedBeforeTheRest(t *testing.T) {
	hs, _ := readerHarness(t, 160, 48)
	m, render := firstScreen(t, hs)
	next, _ := m.Update(keyMsg("G"))
	m = render(next.(Model))
	if r := m.reader; r.offset != len(r.lines.text)-r.height {
		t.Errorf("G before the rest rendered: at line %d of %d, want the last screen", r.offset, len(r.lines.text))
	}
	// G then g: the top it is.
	m, render = firstScreen(t, hs)
	for _, k := range []string{"G", "g"} {
		next, _ = m.Update(keyMsg(k))
		m = next.(Model)
	}
	if m = render(m); m.reader.offset != 0 {
		t.Errorf("G g before the rest rendered: at line %d, want the top", m.reader.offset)
	}
}

// TestReaderSearchTypedBeforeTheRest: a search on the first screen keeps
// its hit when the whole text arrives; one with no hit there finds the
// first in the rest.
func TestReaderSearchTypedBeforeTheRest(t *testing.T) {
	hs, _ := readerHarness(t, 160, 48)
	for _, word := range []string{"abstract", "conclusion"} {
		m, render := firstScreen(t, hs)
		for _, k := range append(append([]string{"/"}, strings.Split(word, "")...), "enter") {
			next, _ := m.Update(keyMsg(k))
			m = next.(Model)
		}
		before := m.reader.search
		m = render(m)
		s := m.reader.search
		if s.hit == 0 || len(s.hits) == 0 {
			t.Errorf("%s: no current hit after the rest rendered (%d hits)", word, len(s.hits))
			continue
		}
		if line := s.hits[s.hit-1]; line < m.reader.offset || line >= m.reader.offset+m.reader.height {
			t.Errorf("%s: the current hit (line %d) is not in view at %d", word, line, m.reader.offset)
		}
		if before.hit > 0 && s.hit != before.hit {
			t.Errorf("%s: hit %d on the first screen became hit %d", word, before.hit, s.hit)
		}
	}
}
