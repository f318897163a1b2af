package article

import (
	"strings"

	"charm.land/glamour/v2"
	"charm.land/glamour/v2/ansi"
	"charm.land/glamour/v2/styles"
)

// A style name may carry a link colour: "dark+link=#FFB454" is glamour's
// dark style with links (their text and URL) in that colour, so a user
// theme's link colour reaches rendered text.

// LinkStyle names style with links in colour ("" leaves style as is).
func LinkStyle(style, colour string) string {
	if colour == "" || style == styles.AsciiStyle || style == styles.NoTTYStyle {
		return style
	}
	return style + linkSep + colour
}

// linkSep parts a style name from its link colour.
const linkSep = "+link="

// baseConfig is the glamour style a style name (a link colour or not)
// builds on; nil for one glamour does not name.
func baseConfig(style string) *ansi.StyleConfig {
	base, _, _ := strings.Cut(style, linkSep)
	return styles.DefaultStyles[base]
}

// columns is a style's margin or indent, 0 when unset.
func columns(n *uint) int {
	if n == nil {
		return 0
	}
	return int(*n)
}

// styleOption is the renderer option for a style name, with its link
// colour when it has one.
func styleOption(style string) glamour.TermRendererOption {
	_, colour, ok := strings.Cut(style, linkSep)
	cfg := baseConfig(style)
	if cfg == nil {
		return glamour.WithStandardStyle(style)
	}
	c := *cfg // a copy: the fields changed below get their own values
	if ok {
		c.Link.Color, c.LinkText.Color = &colour, &colour
	}
	alignTitle(&c)
	return glamour.WithStyles(c)
}

// alignTitle drops the dark and light styles' one-space padding around
// a title (the H1): glamour puts it before the first line only, so a
// title that wraps starts a column right of its own second line and of
// the text below it.
func alignTitle(c *ansi.StyleConfig) {
	if c.H1.Prefix == " " && c.H1.Suffix == " " {
		c.H1.Prefix, c.H1.Suffix = "", ""
	}
}
