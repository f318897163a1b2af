package tui

import (
	"io"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/papertui/papers/store"
)

// dailyBenchLibrary is a copy of the benchmarks' 100,000-paper library
// (benchLibrary), since the daily keys write to it.
func dailyBenchLibrary(b *testing.B) *store.Store {
	b.Helper()
	in, err := os.Open(benchLibrary(b))
	if err != nil {
		b.Fatal(err)
	}
	defer in.Close()
	dst := filepath.Join(b.TempDir(), "lib.db")
	out, err := os.Create(dst)
	if err != nil {
		b.Fatal(err)
	}
	if _, err := io.Copy(out, in); err != nil {
		b.Fatal(err)
	}
	must(b, out.Close())
	lib, err := store.Open(dst)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { lib.Close() })
	return lib
}

// BenchmarkDailyKeys100k: the daily loop's keys at 100,000 papers, the
// key's frame (Update + View) apart from the Cmds it starts, which run
// off the UI loop and are timed as "cmds" (the write and what is read
// back: counts, the view).
func BenchmarkDailyKeys100k(b *testing.B) {
	lib := dailyBenchLibrary(b)
	for _, k := range []string{".", "c", "U", "w", "s"} {
		b.Run(k, func(b *testing.B) {
			hs := &harness{t: b, m: testModel(Options{Library: lib, Style: "dark"})}
			hs.run(hs.m.Init())
			hs.send(tea.WindowSizeMsg{Width: 160, Height: 48})
			var keys, cmds []time.Duration
			for b.Loop() {
				start := time.Now()
				next, cmd := hs.m.Update(keyMsg(k))
				hs.m = next.(Model)
				_ = hs.m.View()
				keys = append(keys, time.Since(start))
				start = time.Now()
				hs.run(cmd)
				cmds = append(cmds, time.Since(start))
			}
			reportPercentiles(b, keys)
			b.ReportMetric(float64(median(cmds).Microseconds()), "cmds-p50-µs")
		})
	}
}

// BenchmarkCounts100k: the view's unread and new counts and those of
// the days held, as every page load and change asks for them.
func BenchmarkCounts100k(b *testing.B) {
	lib := dailyBenchLibrary(b)
	hs := &harness{t: b, m: testModel(Options{Library: lib, Style: "dark"})}
	hs.run(hs.m.Init())
	hs.send(tea.WindowSizeMsg{Width: 160, Height: 48})
	for b.Loop() {
		hs.run(hs.m.wantCounts())
	}
}

func median(d []time.Duration) time.Duration {
	s := slices.Clone(d)
	slices.Sort(s)
	return s[len(s)/2]
}
