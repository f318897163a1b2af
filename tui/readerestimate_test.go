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
	next, open := hs.m.openReader("2510.00001")
	m := next.(Model)
	next, render := m.Update(runWithTimeout(t, open))
	m = next.(Model)
	if m.reader.complete || m.reader.doc == nil {
		t.Fatalf("the first screen: complete %v, doc %v", m.reader.complete, m.reader.doc != nil)
	}
	head, tail := m.readerTitle()
	title := head + tail
	if strings.Contains(title, "rendering") || !strings.Contains(title, "%") {
		t.Fatalf("the first screen's title: %q", title)
	}
	estimate := m.reader.estimatedPercent()
	// The first screen's Cmd renders the rest and marks the paper read.
	for _, msg := range batchOf(runWithTimeout(t, render)) {
		if rendered, ok := msg.(readerRendered); ok {
			next, _ = m.Update(rendered)
			m = next.(Model)
		}
	}
	if !m.reader.complete {
		t.Fatal("the rest did not render")
	}
	if exact := m.reader.viewPercent(); estimate < exact-10 || estimate > exact+10 || estimate <= 0 {
		t.Errorf("estimated %d%%, the whole text says %d%%", estimate, exact)
	}
}
