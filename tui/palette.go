package tui

import (
	"fmt"
	"image/color"
	"slices"
	"strconv"
	"strings"

	"charm.land/lipgloss/v2"
)

// The palette: every colour the reader draws with, by the element it
// colours, with a dark and a light preset; a user theme overrides any of
// them by name (Options.Colors). styles.go makes the styles from it.

// ThemeElement is one colour of the theme.
type ThemeElement struct {
	Name, Desc  string
	Dark, Light string // the presets' colours
}

// Greys of the presets: the light one is what 16-colour terminals round
// to white (styles.go gives them bright black there).
const (
	darkGrey  = "#6E6E6E"
	lightGrey = "#8A8A8A"
)

// themeElements are the elements in the order a config lists them.
var themeElements = []ThemeElement{
	{"selection", "background of the selected row", "#3A3160", "#E4DEFF"},
	{"unread", "unread titles", "#F2F2F2", "#1A1A1A"},
	{"read", "read titles", darkGrey, lightGrey},
	{"new", "papers new since the last visit", "#7EE2B8", "#0B7A4B"},
	{"queued", "the queued mark ●", "#FFB454", "#B25E00"},
	{"upvotes", "upvotes and comments", "#FFB454", "#B25E00"},
	{"dim", "authors, marks, hints", darkGrey, lightGrey},
	{"day_rule", "the rule over each day", "#B4A7FF", "#5A3FD9"},
	{"border", "borders of panes without the focus", darkGrey, lightGrey},
	{"border_active", "the focused pane's border", "#B4A7FF", "#5A3FD9"},
	{"title", "pane titles and tabs", darkGrey, lightGrey},
	{"title_active", "the focused pane's title and tab, help headings", "#B4A7FF", "#5A3FD9"},
	{"status", "the status bar", darkGrey, lightGrey},
	{"error", "errors in the status bar", "#FF6B81", "#C0142D"},
	{"notice", "notices and empty-list messages", "#B4A7FF", "#5A3FD9"},
	{"highlight", "search hits", "#FFB454", "#B25E00"},
	{"link", "links in rendered text", "#B4A7FF", "#5A3FD9"},
}

// ThemeElements are the theme's elements with their preset colours.
func ThemeElements() []ThemeElement { return slices.Clone(themeElements) }

// GlamourStyles are the styles rendered text can take ("" follows the
// theme's dark or light).
var GlamourStyles = []string{"dark", "light", "dracula", "tokyo-night", "pink", "notty", "ascii"}

// NormalizeColor checks a colour as a user writes it: "#RRGGBB",
// "#RGB", or an ANSI colour number 0–255. It returns the form lipgloss
// reads.
func NormalizeColor(s string) (string, error) {
	s = strings.TrimSpace(s)
	if strings.HasPrefix(s, "#") {
		hex := s[1:]
		if (len(hex) == 6 || len(hex) == 3) && isHex(hex) {
			if len(hex) == 3 {
				hex = string([]byte{hex[0], hex[0], hex[1], hex[1], hex[2], hex[2]})
			}
			return "#" + strings.ToUpper(hex), nil
		}
		return "", fmt.Errorf("%q is not a colour: want #RRGGBB or #RGB in hex digits, or an ANSI number 0 to 255", s)
	}
	if n, err := strconv.Atoi(s); err == nil {
		if n < 0 || n > 255 {
			return "", fmt.Errorf("%d is not an ANSI colour: want 0 to 255", n)
		}
		return strconv.Itoa(n), nil
	}
	return "", fmt.Errorf("%q is not a colour: want \"#RRGGBB\", \"#RGB\" or an ANSI number 0 to 255", s)
}

func isHex(s string) bool {
	for _, r := range s {
		if !strings.ContainsRune("0123456789abcdefABCDEF", r) {
			return false
		}
	}
	return true
}

// palette is the theme's colours by element name.
type palette map[string]color.Color

// paletteFor is the preset for a dark or light background with a user's
// colours over it; a colour that does not parse keeps the preset's.
func paletteFor(dark bool, user map[string]string) palette {
	p := palette{}
	for _, e := range themeElements {
		c := e.Light
		if dark {
			c = e.Dark
		}
		if u, ok := user[e.Name]; ok {
			if n, err := NormalizeColor(u); err == nil {
				c = n
			}
		}
		p[e.Name] = lipgloss.Color(c)
	}
	return p
}
