package tui

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

func TestComputeLayout(t *testing.T) {
	cases := []struct {
		w, h     int
		focus    pane
		tooSmall bool
		tabs     bool
		visible  []pane
	}{
		{59, 24, paneList, true, false, nil},
		{80, 14, paneList, true, false, nil},
		{60, 15, paneList, false, true, []pane{paneList}},
		{80, 24, paneDetail, false, true, []pane{paneDetail}},
		{119, 40, paneQueue, false, true, []pane{paneQueue}},
		{120, 40, paneList, false, false, []pane{paneList, paneDetail}},
		{160, 48, paneQueue, false, false, []pane{paneList, paneQueue}},
		{180, 48, paneList, false, false, []pane{paneList, paneDetail, paneQueue}},
	}
	for _, c := range cases {
		l := computeLayout(c.w, c.h, c.focus)
		if l.tooSmall != c.tooSmall || l.tabs != c.tabs {
			t.Errorf("%dx%d: tooSmall %v tabs %v", c.w, c.h, l.tooSmall, l.tabs)
			continue
		}
		total := 0
		for _, p := range c.visible {
			if !l.visible[p] {
				t.Errorf("%dx%d focus %v: %v not visible", c.w, c.h, c.focus, p)
			}
			total += l.panes[p].w + borderSize
		}
		if !c.tooSmall && !c.tabs && total != c.w {
			t.Errorf("%dx%d: columns add up to %d", c.w, c.h, total)
		}
		if c.tabs && l.panes[c.focus].h != c.h-statusHeight-tabHeight-borderSize {
			t.Errorf("%dx%d: pane height %d", c.w, c.h, l.panes[c.focus].h)
		}
	}
}

// TestFitKeepingCutsTheWordsNotTheCounts: a narrow list title keeps its
// counts whole and cuts the words before them.
func TestFitKeepingCutsTheWordsNotTheCounts(t *testing.T) {
	head, counts := "Papers · rising since last seen", " 247/247 · 247 unread · 3 new ✦"
	for _, w := range []int{40, 50, 61} {
		got := fitKeeping(head, counts, w)
		if ansi.StringWidth(got) != w || !strings.HasSuffix(got, counts) || !strings.Contains(got, "…") {
			t.Errorf("width %d: %q", w, got)
		}
	}
	if got := fitKeeping(head, counts, 80); strings.TrimRight(got, " ") != head+counts {
		t.Errorf("width 80: %q, want it whole", got)
	}
	if got := fitKeeping(head, counts, 20); ansi.StringWidth(got) != 20 {
		t.Errorf("width 20: %q, want 20 cells", got)
	}
}
