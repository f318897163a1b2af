package tui

import (
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/papertui/papers/feed/feedtest"
)

// benchReader is the reading pane open on a stored 90 KB paper at 160×48,
// rendered whole.
func benchReader(b *testing.B) *harness {
	lib := newTestLibrary(b)
	text := feedtest.PaperText("2510.00001", 23)
	if len(text) < 88_000 {
		b.Fatalf("the paper is %d bytes, want about 90 KB", len(text))
	}
	storeText(b, lib, "2510.00001", text)
	hs := newHarness(b, lib, 160, 48)
	hs.keys("R")
	if !hs.m.reader.complete {
		b.Fatal("the paper did not render")
	}
	return hs
}

// BenchmarkReaderFirstScreen: from R to the first screen of a stored 90
// KB paper at 160×48: the key, the text read and decompressed, cleaned,
// the sections in view rendered, and the frame drawn. The rest of the
// paper renders afterwards in the background (not timed).
func BenchmarkReaderFirstScreen(b *testing.B) {
	hs := benchReader(b)
	hs.keys("esc")
	var times []time.Duration
	for b.Loop() {
		b.StopTimer()
		clear(hs.m.readerDocs) // the paper's first opening: cleaned, not taken from the cache
		b.StartTimer()
		start := time.Now()
		next, cmd := hs.m.Update(keyMsg("R"))
		m := next.(Model)
		msg := cmd()
		for _, c := range batchOf(msg) {
			if opened, ok := c.(readerOpened); ok {
				next, _ = m.Update(opened)
				m = next.(Model)
			}
		}
		if m.reader.doc == nil {
			b.Fatal("no first screen")
		}
		_ = m.View()
		times = append(times, time.Since(start))
	}
	reportPercentiles(b, times)
}

// batchOf runs the Cmds of a batch (or takes one message) and returns
// their messages, the render-the-rest Cmd aside.
func batchOf(msg tea.Msg) []tea.Msg {
	batch, ok := msg.(tea.BatchMsg)
	if !ok {
		return []tea.Msg{msg}
	}
	var out []tea.Msg
	for _, c := range batch {
		if c != nil {
			out = append(out, c())
		}
	}
	return out
}

// BenchmarkReaderKeys: a scroll, a section jump and search keystrokes in
// a 90 KB paper at 160×48, key to frame (Update + View), p50 and p99.
func BenchmarkReaderKeys(b *testing.B) {
	for _, c := range []struct {
		name string
		keys []string
	}{
		{"j", []string{"j"}},
		{"pgdown", []string{"pgdown"}},
		{"next-section", []string{"}"}},
		{"prev-section", []string{"{"}},
		{"search-keystroke", []string{"/", "b", "a", "s", "e", "l", "i", "n", "e"}},
		// A phrase is also looked for across the wrap (readerwrap.go).
		{"search-phrase-keystroke", []string{"/", "t", "h", "e", " ", "m", "o", "d", "e", "l"}},
		{"next-hit", []string{"n"}},
	} {
		b.Run(c.name, func(b *testing.B) {
			hs := benchReader(b)
			hs.keys("/", "b", "a", "s", "e", "enter", "g", "}", "}", "}", "}", "}")
			var times []time.Duration
			for b.Loop() {
				for _, k := range c.keys {
					start := time.Now()
					next, _ := hs.m.Update(keyMsg(k))
					hs.m = next.(Model)
					_ = hs.m.View()
					times = append(times, time.Since(start))
				}
				b.StopTimer()
				if hs.m.reader.search.typing {
					hs.keys("esc")
				}
				if hs.m.reader.offset > len(hs.m.reader.lines.text)-3*hs.m.reader.height || c.name == "prev-section" && hs.m.reader.offset == 0 {
					hs.keys("g", "}", "}", "}", "}", "}")
				}
				b.StartTimer()
			}
			reportPercentiles(b, times)
		})
	}
}
