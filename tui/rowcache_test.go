package tui

import (
	"image/color"
	"reflect"
	"slices"
	"strings"
	"testing"
	"unsafe"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/papertui/papers/store"
)

// drawnAfresh is the screen drawn with no drawing kept from an earlier
// frame: what a cached frame must equal, byte for byte.
func drawnAfresh(m Model) string {
	m.list.drawn = newRowDrawings()
	m.lastScreen = &screenCache{}
	return m.View().Content
}

// requireFresh fails when the screen differs from one drawn afresh: a
// drawing kept past a change.
func (hs *harness) requireFresh(after string) {
	hs.t.Helper()
	got, want := hs.m.View().Content, drawnAfresh(hs.m)
	if got != want {
		hs.t.Fatalf("after %s the screen shows stale drawings:\n%s\nwant:\n%s", after, ansi.Strip(got), ansi.Strip(want))
	}
}

// TestKeptDrawingsFollowChanges: every change a row, a rule or the
// status bar shows (read and queued marks, tags, search marks, a new
// width, a theme, a reload) is on screen at once, as drawn afresh.
func TestKeptDrawingsFollowChanges(t *testing.T) {
	hs := newHarness(t, newTestLibrary(t), 160, 48)
	hs.m.opts.Style = "" // the theme is asked of the terminal, below
	hs.m.themed = false
	hs.requireFresh("the first frame")
	steps := []struct {
		what string
		do   func()
	}{
		{"j", func() { hs.keys("j") }},
		{"m marking the selection read", func() { hs.keys("m") }},
		{"j after m: the read row unselected", func() { hs.keys("j") }},
		{"b queueing", func() { hs.keys("b") }},
		{"k back over the queued row", func() { hs.keys("k") }},
		{"a tag", func() { hs.keys("L"); hs.typeText("+thesis"); hs.keys("enter") }},
		{"a light background", func() { hs.send(tea.BackgroundColorMsg{Color: color.White}) }},
		{"a theme set without a word to the list", func() { hs.m.setStyle(true); hs.m.drawSeq++ /* as every message does */ }},
		{"a narrower terminal", func() { hs.send(sizeMsg(100, 30)) }},
		{"a wider one", func() { hs.send(sizeMsg(200, 50)) }},
		{"a search", func() { hs.keys("/"); hs.typeText("attention"); hs.keys("enter") }},
		{"the search cleared", func() { hs.keys("esc") }},
		{"another sort (a reload)", func() { hs.keys("s") }},
		{"three panes", func() { hs.send(sizeMsg(250, 50)) }},
		{"b with the queue in sight", func() { hs.keys("b") }},
		{"j with the queue in sight", func() { hs.keys("j") }},
		{"G", func() { hs.keys("G") }},
		{"x: done", func() { hs.keys("x") }},
		{"g", func() { hs.keys("g") }},
	}
	for _, s := range steps {
		s.do()
		hs.requireFresh(s.what)
	}
}

// TestReadMarkRedrawsTheRow: m on a row kept drawn shows its read mark
// once the cursor leaves it, and the kept drawing of an unchanged row
// is reused, not drawn again.
func TestReadMarkRedrawsTheRow(t *testing.T) {
	hs := newHarness(t, newTestLibrary(t), 160, 48)
	hs.keys("j")
	line := func(id string) string {
		for _, l := range strings.Split(hs.screen(), "\n") {
			if r, ok := hs.m.list.rowByID(id); ok && strings.Contains(l, r.title[:10]) {
				return l
			}
		}
		t.Fatalf("no line for %s:\n%s", id, hs.screen())
		return ""
	}
	id := hs.selectedID()
	if strings.Contains(line(id), readMark) {
		t.Fatalf("read before m: %q", line(id))
	}
	hs.keys("m", "j")
	if !strings.Contains(line(id), readMark) {
		t.Fatalf("no read mark after m: %q", line(id))
	}
	// A row neither selected nor changed keeps its drawing: the same
	// string from frame to frame (it was drawn anew every frame).
	drawn := func(i int) string { return hs.m.list.drawn.rows[i].plain }
	_ = hs.m.View()
	first := drawn(5)
	hs.keys("j")
	_ = hs.m.View()
	if first == "" || unsafe.StringData(first) != unsafe.StringData(drawn(5)) {
		t.Fatalf("row 5 was drawn again for a j that did not change it")
	}
}

// TestResizeRedrawsToTheNewWidth: every line of the frame is the
// terminal's width after a resize, kept drawings included.
func TestResizeRedrawsToTheNewWidth(t *testing.T) {
	hs := newHarness(t, newTestLibrary(t), 160, 48)
	for _, w := range []int{160, 90, 61, 130, 250, 80} {
		hs.send(sizeMsg(w, 30))
		hs.keys("j")
		for i, l := range strings.Split(hs.m.View().Content, "\n") {
			if got := ansi.StringWidth(l); got != w {
				t.Fatalf("at %d columns line %d is %d wide: %q", w, i, got, ansi.Strip(l))
			}
		}
	}
}

// TestSameRowSeesEveryField: a kept drawing is used only for an equal
// row, so sameRow must compare every field a row has, including one
// added later.
func TestSameRowSeesEveryField(t *testing.T) {
	var base row
	base.Tags = []string{"a"}
	for _, path := range fieldPaths(reflect.TypeOf(base), nil) {
		changed := base
		changed.Tags = []string{"a"}
		f := reflect.ValueOf(&changed).Elem().FieldByIndex(path)
		f = reflect.NewAt(f.Type(), unsafe.Pointer(f.UnsafeAddr())).Elem() // unexported fields too
		switch f.Kind() {
		case reflect.String:
			f.SetString("x")
		case reflect.Int:
			f.SetInt(7)
		case reflect.Bool:
			f.SetBool(true)
		case reflect.Slice:
			f.Set(reflect.ValueOf([]string{"b"}))
		default:
			t.Fatalf("field %v: a kind sameRow's test does not know (%s): add it", path, f.Kind())
		}
		if sameRow(base, changed) {
			t.Errorf("sameRow misses field %s", reflect.TypeOf(base).FieldByIndex(path).Name)
		}
	}
}

// fieldPaths are the index paths of every leaf field of a struct.
func fieldPaths(t reflect.Type, prefix []int) [][]int {
	var out [][]int
	for i := range t.NumField() {
		path := append(append([]int(nil), prefix...), i)
		if f := t.Field(i); f.Type.Kind() == reflect.Struct {
			out = append(out, fieldPaths(f.Type, path)...)
		} else {
			out = append(out, path)
		}
	}
	return out
}

// TestDrawingsFollowTheFrame: a row kept drawn for one frame is drawn
// again for another width, theme, search marks, columns or day shown.
func TestDrawingsFollowTheFrame(t *testing.T) {
	hs := newHarness(t, newTestLibrary(t), 160, 48)
	l := &hs.m.list
	light := newStyles(false, false, false, nil)
	f := hs.m.frameOf(70, 20)
	for _, change := range []struct {
		what string
		do   func()
	}{
		{"nothing", func() {}},
		{"a width", func() { f.w = 90 }},
		{"a theme", func() { f.st = &light }},
		{"search marks", func() { f.marks = []string{"scale"} }},
		{"other marks", func() { f.marks = []string{"noise"} }},
		{"columns", func() { f.cols = []string{"who", "upvotes"} }},
		{"the default row", func() { f.cols = nil }},
		{"the day on each row", func() { l.byDay = false }},
	} {
		change.do()
		got := l.view(f)
		afresh := *l
		afresh.drawn = newRowDrawings()
		if want := afresh.view(f); !slices.Equal(got, want) {
			t.Fatalf("after %s the list shows stale rows:\n%s\nwant:\n%s", change.what,
				ansi.Strip(strings.Join(got, "\n")), ansi.Strip(strings.Join(want, "\n")))
		}
	}
}

// TestStatusBarFollowsItsFacts: the status bar, kept between frames,
// shows a new queue length, library count, width or message at once.
func TestStatusBarFollowsItsFacts(t *testing.T) {
	hs := newHarness(t, newTestLibrary(t), 160, 48)
	for _, change := range []struct {
		what string
		do   func()
	}{
		{"nothing", func() {}},
		{"a queued paper", func() { hs.m.queue.records = append(hs.m.queue.records, store.Record{}) }},
		{"a library count", func() { hs.m.libTotal, hs.m.libCounted = 1234, true }},
		{"offline", func() { hs.m.sync.offline = true }},
		{"a message", func() { hs.m.say("hello") }},
		{"a width", func() { hs.m.width = 120 }},
	} {
		change.do()
		got := hs.m.statusBar()
		afresh := hs.m
		afresh.lastScreen = &screenCache{}
		if want := afresh.statusBar(); got != want {
			t.Fatalf("after %s the status bar is stale: %q, want %q", change.what, ansi.Strip(got), ansi.Strip(want))
		}
	}
}
