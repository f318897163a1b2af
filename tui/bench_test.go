package tui

import (
	"context"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/papertui/papers/feed/synth"
	"github.com/papertui/papers/store"
	"github.com/papertui/papers/tui/article"
)

// benchLibrary is a 100,000-paper library, built once and kept in the temp
// folder between benchmark runs (building it is the import benchmark's job).
func benchLibrary(b *testing.B) string {
	b.Helper()
	path := filepath.Join(os.TempDir(), "papers-bench-100k-v8.db")
	if _, err := os.Stat(path); err == nil {
		return path
	}
	tmp := path + ".building"
	os.Remove(tmp)
	lib, err := store.Open(tmp)
	if err != nil {
		b.Fatal(err)
	}
	var files []store.ImportFile
	for _, d := range synth.Days(100_000, 1, time.Date(2004, 1, 5, 0, 0, 0, 0, time.UTC)) {
		files = append(files, store.ImportFile{Name: d.Date, Day: d.Date, Read: func() ([]byte, error) { return d.Body, nil }})
	}
	if err := lib.Import(context.Background(), files, func(store.FileResult) {}); err != nil {
		b.Fatal(err)
	}
	lib.Close()
	for _, suffix := range []string{"-wal", "-shm"} {
		os.Remove(tmp + suffix)
	}
	if err := os.Rename(tmp, path); err != nil {
		b.Fatal(err)
	}
	return path
}

func openBench(b *testing.B) *store.Store {
	lib, err := store.Open(benchLibrary(b))
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { lib.Close() })
	return lib
}

var firstFrameCount = regexp.MustCompile(`[0-9]{3},[0-9]{3} papers`)

// BenchmarkFirstFrame100k: open the library, build the reader, run its
// start-up queries and draw the first full frame.
func BenchmarkFirstFrame100k(b *testing.B) {
	path := benchLibrary(b)
	for b.Loop() {
		lib, err := store.Open(path)
		if err != nil {
			b.Fatal(err)
		}
		hs := &harness{t: b, m: testModel(Options{Library: lib, Style: "dark"})}
		hs.run(hs.m.Init())
		hs.send(tea.WindowSizeMsg{Width: 160, Height: 48})
		// The library's size as the title shows it ("100,000 papers"),
		// whatever library the temp folder holds (bench/scale.sh).
		if !firstFrameCount.MatchString(hs.m.View().Content) {
			b.Fatal("first frame lacks the count")
		}
		lib.Close()
	}
}

// BenchmarkKeypress100k: one movement key (Update + View) at 100,000
// papers, with p50 and p99 of single keypresses, for every movement key
// and tab: G from the top and g from the bottom cross the whole list.
// Page loads a move asks for run outside the timing, as they run off the
// UI loop.
func BenchmarkKeypress100k(b *testing.B) {
	lib := openBench(b)
	wheel := func(button tea.MouseButton) tea.Msg {
		return tea.MouseWheelMsg{X: 10, Y: 10, Button: button}
	}
	for _, c := range []struct {
		name string
		msg  tea.Msg
		// reset puts the cursor back where the key can move it again.
		reset func(m Model) string
	}{
		{"j", keyMsg("j"), func(m Model) string { return endAt(m, "g", true) }},
		{"k", keyMsg("k"), func(m Model) string { return endAt(m, "G", false) }},
		{"G-from-top", keyMsg("G"), func(Model) string { return "g" }},
		{"g-from-bottom", keyMsg("g"), func(Model) string { return "G" }},
		{"ctrl+d", keyMsg("ctrl+d"), func(m Model) string { return endAt(m, "g", true) }},
		{"ctrl+u", keyMsg("ctrl+u"), func(m Model) string { return endAt(m, "G", false) }},
		{"pgdown", keyMsg("pgdown"), func(m Model) string { return endAt(m, "g", true) }},
		{"pgup", keyMsg("pgup"), func(m Model) string { return endAt(m, "G", false) }},
		{"wheel-down", wheel(tea.MouseWheelDown), func(m Model) string { return endAt(m, "g", true) }},
		{"wheel-up", wheel(tea.MouseWheelUp), func(m Model) string { return endAt(m, "G", false) }},
		// tab cycles the panes: list, detail, queue, back to the list.
		{"tab", keyMsg("tab"), func(Model) string { return "" }},
	} {
		b.Run(c.name, func(b *testing.B) {
			hs := &harness{t: b, m: testModel(Options{Library: lib, Style: "dark"})}
			hs.run(hs.m.Init())
			hs.send(tea.WindowSizeMsg{Width: 160, Height: 48})
			if k := c.reset(hs.m); k != "" {
				hs.keys(k)
			}
			var times []time.Duration
			for b.Loop() {
				start := time.Now()
				next, cmd := hs.m.Update(c.msg)
				hs.m = next.(Model)
				_ = hs.m.View()
				times = append(times, time.Since(start))
				b.StopTimer()
				hs.run(cmd)
				if k := c.reset(hs.m); k != "" {
					hs.keys(k)
				}
				b.StartTimer()
			}
			reportPercentiles(b, times)
		})
	}
}

// endAt is the key that starts over when the cursor reached the end a
// key moves towards: the last row going down, the first going up.
func endAt(m Model, key string, down bool) string {
	if down && m.list.cursor >= m.list.total-1 || !down && m.list.cursor == 0 {
		return key
	}
	return ""
}

func reportPercentiles(b *testing.B, times []time.Duration) {
	slices.Sort(times)
	at := func(p float64) float64 { return float64(times[int(p*float64(len(times)-1))].Microseconds()) }
	b.ReportMetric(at(0.5), "p50-µs")
	b.ReportMetric(at(0.99), "p99-µs")
}

// BenchmarkRenderAbstract: glamour rendering of a real-sized paper detail.
func BenchmarkRenderAbstract(b *testing.B) {
	lib := openBench(b)
	es, err := lib.Entries(context.Background(), store.Filter{}, 0, 1)
	must(b, err)
	rec := record(b, lib, es[0].ID)
	md := article.Markdown(rec, article.Options{MoreHint: "a shows all"})
	article.Render(md, 80, "dark") // the renderer is built once per width
	for b.Loop() {
		if _, err := article.Render(md, 80, "dark"); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkScrollAll100k pages through the whole list and reports the
// process's peak resident memory.
func BenchmarkScrollAll100k(b *testing.B) {
	lib := openBench(b)
	for b.Loop() {
		hs := &harness{t: b, m: testModel(Options{Library: lib, Style: "dark"})}
		hs.run(hs.m.Init())
		hs.send(tea.WindowSizeMsg{Width: 160, Height: 48})
		for hs.m.list.cursor < hs.m.list.total-1 {
			hs.keys("pgdown")
			_ = hs.m.View()
		}
	}
	runtime.GC()
	b.ReportMetric(peakRSSMiB(), "peak-RSS-MiB")
}

// peakRSSMiB reads the process's high-water resident memory.
func peakRSSMiB() float64 {
	status, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return -1
	}
	for _, line := range strings.Split(string(status), "\n") {
		if f := strings.Fields(line); len(f) >= 2 && f[0] == "VmHWM:" {
			kb, _ := strconv.ParseFloat(f[1], 64)
			return kb / 1024
		}
	}
	return -1
}

// BenchmarkSearchKeystroke100k: from a key typed in the search box to
// the first page of results on screen (the debounce left out; the count,
// which arrives later, too), at 100k.
// The key's own Update + View is reported apart: it is what typing waits for.
func BenchmarkSearchKeystroke100k(b *testing.B) {
	hs := &harness{t: b, m: testModel(Options{Library: openBench(b), Style: "dark"})}
	hs.m.search.debounce = 0
	hs.run(hs.m.Init())
	hs.send(tea.WindowSizeMsg{Width: 160, Height: 48})
	hs.keys("/")
	words := []string{"model", "diffusion", "agents", "reasoning", "token", "video", "retrieval", "alignment"}
	var keyTimes, resultTimes []time.Duration
	i := 0
	for b.Loop() {
		hs.send(tea.PasteMsg{Content: ""}) // no-op keeps the box focused
		hs.m.search.input.SetValue("")
		word := words[i%len(words)]
		i++
		for _, r := range word {
			start := time.Now()
			next, cmd := hs.m.Update(keyMsg(string(r)))
			hs.m = next.(Model)
			_ = hs.m.View()
			keyTimes = append(keyTimes, time.Since(start))
			view, shown := hs.m.requests.latest[topicView], false
			hs.observe = func(m Model) {
				if _, ok := m.list.pages[0]; ok && m.requests.latest[topicView] > view && !shown {
					_ = m.View()
					resultTimes = append(resultTimes, time.Since(start))
					shown = true
				}
			}
			hs.run(cmd) // the search itself, off the UI loop in the real program
			hs.observe = nil
		}
	}
	slices.Sort(keyTimes)
	slices.Sort(resultTimes)
	us := func(ts []time.Duration, p float64) float64 {
		return float64(ts[int(p*float64(len(ts)-1))].Microseconds())
	}
	b.ReportMetric(us(keyTimes, 0.99), "key-p99-µs")
	b.ReportMetric(us(resultTimes, 0.5)/1000, "results-p50-ms")
	b.ReportMetric(us(resultTimes, 0.95)/1000, "results-p95-ms")
}
