package tui

import (
	"strings"
	"testing"

	"charm.land/lipgloss/v2"
)

// TestNormalizeColor: the colours a user writes, and what is wrong with
// the others, by exact message.
func TestNormalizeColor(t *testing.T) {
	for in, want := range map[string]string{"#ffb454": "#FFB454", "#abc": "#AABBCC", "33": "33", " 0 ": "0",
		"#ggg":  `"#ggg" is not a colour: want #RRGGBB or #RGB in hex digits, or an ANSI number 0 to 255`,
		"256":   "256 is not an ANSI colour: want 0 to 255",
		"red":   `"red" is not a colour: want "#RRGGBB", "#RGB" or an ANSI number 0 to 255`,
		"#1234": `"#1234" is not a colour: want #RRGGBB or #RGB in hex digits, or an ANSI number 0 to 255`} {
		got, err := NormalizeColor(in)
		if err != nil {
			got = err.Error()
		}
		if got != want {
			t.Errorf("%q: %q, want %q", in, got, want)
		}
	}
}

// TestThemeColoursTheReader: a user's colour replaces the preset's for
// its element only, in the rows drawn; the presets keep today's colours.
func TestThemeColoursTheReader(t *testing.T) {
	p := paletteFor(true, map[string]string{"selection": "#FF00AA", "queued": "33"})
	if p["selection"] != lipgloss.Color("#FF00AA") || p["queued"] != lipgloss.Color("33") || p["read"] != lipgloss.Color("#6E6E6E") {
		t.Errorf("palette: %v", p)
	}
	if light := paletteFor(false, nil); light["selection"] != lipgloss.Color("#E4DEFF") {
		t.Errorf("light preset selection: %v", light["selection"])
	}
	st := newStyles(true, false, false, map[string]string{"selection": "#FF00AA"})
	if !strings.Contains(st.pSelected.pre, "255;0;170") {
		t.Errorf("the selection is not painted in the user's colour: %q", st.pSelected.pre)
	}
	// NO_COLOR wins: the selection is reverse video whatever the theme.
	if st := newStyles(true, true, false, map[string]string{"selection": "#FF00AA"}); strings.Contains(st.pSelected.pre, "255;0;170") {
		t.Errorf("NO_COLOR: selection painted %q", st.pSelected.pre)
	}
	hs := &harness{t: t, m: testModel(Options{Library: newTestLibrary(t), Style: "dark", Glamour: "dracula",
		Colors: map[string]string{"selection": "#FF00AA"}})}
	if hs.m.glamourStyle() != "dracula" {
		t.Errorf("glamour style %q", hs.m.glamourStyle())
	}
	hs.m.opts.Colors["link"] = "#f0a"
	if got := hs.m.glamourStyle(); got != "dracula+link=#FF00AA" {
		t.Errorf("glamour style with a link colour: %q", got)
	}
}

// On 16 colours the light greys must not round to white (37) and the
// selection must not rely on a background colour the Linux console drops.
func TestFewColorsStyles(t *testing.T) {
	light := newStyles(false, false, true, nil)
	if !strings.Contains(light.pSelected.pre, "7") || strings.Contains(light.pSelected.pre, "48") {
		t.Errorf("16-colour selection %q, want reverse video", light.pSelected.pre)
	}
	if !strings.Contains(light.pDimmed.pre, "90") {
		t.Errorf("16-colour light dim %q, want bright black (90)", light.pDimmed.pre)
	}
	own := newStyles(false, false, true, map[string]string{"selection": "4", "dim": "2"})
	if !strings.Contains(own.pSelected.pre, "44") || !strings.Contains(own.pDimmed.pre, "32") {
		t.Errorf("a theme's own colours: selection %q, dim %q", own.pSelected.pre, own.pDimmed.pre)
	}
}
