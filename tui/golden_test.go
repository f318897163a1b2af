package tui

import (
	"fmt"
	"testing"

	"github.com/charmbracelet/x/exp/golden"
)

// TestGoldenPanes keeps an ANSI-stripped golden of each pane at four
// sizes, so a layout change shows up as a diff, and one with colours
// (go test -update rewrites them).
func TestGoldenPanes(t *testing.T) {
	for _, size := range [][2]int{{60, 15}, {80, 24}, {130, 30}, {160, 48}} {
		for _, p := range []struct {
			name string
			keys []string
		}{
			{"list", nil},
			{"detail", []string{"j", "enter"}},
			{"queue", []string{"b", "j", "j", "j", "b", "3"}},
			{"help", []string{"?"}},
		} {
			t.Run(fmt.Sprintf("%s_%dx%d", p.name, size[0], size[1]), func(t *testing.T) {
				hs := newHarness(t, newTestLibrary(t), size[0], size[1])
				hs.keys(p.keys...)
				hs.m.notice = "" // messages carry no layout
				golden.RequireEqual(t, hs.screen())
				// With colours too, in a golden of its own, so a layout
				// diff never hides among colour changes.
				t.Run("ansi", func(t *testing.T) { golden.RequireEqual(t, hs.m.View().Content) })
			})
		}
	}
}
