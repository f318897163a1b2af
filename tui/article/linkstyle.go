package article

import (
	"strings"

	"charm.land/glamour/v2"
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
	return style + "+link=" + colour
}

// styleOption is the renderer option for a style name, with its link
// colour when it has one.
func styleOption(style string) glamour.TermRendererOption {
	base, colour, ok := strings.Cut(style, "+link=")
	cfg, known := styles.DefaultStyles[base]
	if !ok || !known {
		return glamour.WithStandardStyle(style)
	}
	c := *cfg // a copy: the link fields get their own pointers below
	c.Link.Color, c.LinkText.Color = &colour, &colour
	return glamour.WithStyles(c)
}
