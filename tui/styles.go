package tui

import (
	"strings"

	"charm.land/bubbles/v2/help"
	"charm.land/lipgloss/v2"
)

// paint applies a style's colours to one line by wrapping it in the
// style's own escape sequences: what lipgloss's Render does for a plain
// line, without measuring and wrapping it on every frame.
type paint struct{ pre, post string }

func paintOf(st lipgloss.Style) paint {
	// A visible letter: lipgloss leaves an invisible character unstyled
	// when the style underlines, which made the highlight of search hits
	// no paint at all. No escape sequence holds an x.
	out := st.Render("x")
	i := strings.Index(out, "x")
	if i < 0 {
		return paint{}
	}
	return paint{pre: out[:i], post: out[i+len("x"):]}
}

func (p paint) on(s string) string { return p.pre + s + p.post }

// styles is the one theme; no colour literal lives anywhere else. Rows
// (list and queue) are drawn with the paints made from it.
type styles struct {
	dark                              bool
	unread, read, selected, dimmed    lipgloss.Style
	dayHeader, queuedMark, upvotes    lipgloss.Style
	paneTitle, paneTitleActive        lipgloss.Style
	tab, tabActive, status, statusErr lipgloss.Style
	border, borderActive              lipgloss.Style
	highlight, notice                 lipgloss.Style
	newMark, link                     lipgloss.Style // new since the last visit; links
	help                              help.Styles

	// Row painters, for the list's hot path.
	pUnread, pRead, pSelected, pDimmed, pQueued, pUpvotes, pDayHeader, pHighlight paint
	pNew, pBorder, pBorderActive                                                  paint
	pPaneTitle, pPaneTitleActive                                                  paint // a pane's title line, each frame
}

// newStyles builds the theme over a dark or light background, with a
// user's colours (palette.go); without colour (NO_COLOR) the selection
// is shown in reverse video, since its background colour would be dropped.
// On a terminal of 16 colours or fewer (few) the presets' colours are
// rounded to the nearest of the 16, which made the light preset's greys
// white (37) on a white background and the dark selection bright black
// (100), which the Linux console shows as black: there the greys become
// bright black (8) and the selection reverse video, unless the user's
// theme names them.
func newStyles(dark, noColor, few bool, colors map[string]string) styles {
	if few && !dark {
		user := colors
		colors = map[string]string{}
		for _, e := range themeElements {
			if e.Light == lightGrey {
				colors[e.Name] = "8"
			}
		}
		for k, v := range user {
			colors[k] = v
		}
	}
	st := baseStyles(dark, paletteFor(dark, colors))
	if _, own := colors["selection"]; noColor || (few && !own) {
		st.selected = lipgloss.NewStyle().Reverse(true)
	}
	st.pUnread, st.pRead, st.pSelected = paintOf(st.unread), paintOf(st.read), paintOf(st.selected)
	st.pDimmed, st.pQueued, st.pUpvotes = paintOf(st.dimmed), paintOf(st.queuedMark), paintOf(st.upvotes)
	st.pDayHeader, st.pHighlight, st.pNew = paintOf(st.dayHeader), paintOf(st.highlight), paintOf(st.newMark)
	st.pBorder, st.pBorderActive = paintOf(st.border), paintOf(st.borderActive)
	st.pPaneTitle, st.pPaneTitleActive = paintOf(st.paneTitle), paintOf(st.paneTitleActive)
	return st
}

func baseStyles(dark bool, c palette) styles {
	return styles{
		dark:            dark,
		unread:          lipgloss.NewStyle().Foreground(c["unread"]).Bold(true),
		read:            lipgloss.NewStyle().Foreground(c["read"]),
		selected:        lipgloss.NewStyle().Background(c["selection"]),
		dimmed:          lipgloss.NewStyle().Foreground(c["dim"]),
		dayHeader:       lipgloss.NewStyle().Foreground(c["day_rule"]).Bold(true),
		queuedMark:      lipgloss.NewStyle().Foreground(c["queued"]).Bold(true),
		newMark:         lipgloss.NewStyle().Foreground(c["new"]).Bold(true),
		upvotes:         lipgloss.NewStyle().Foreground(c["upvotes"]),
		paneTitle:       lipgloss.NewStyle().Foreground(c["title"]),
		paneTitleActive: lipgloss.NewStyle().Foreground(c["title_active"]).Bold(true),
		tab:             lipgloss.NewStyle().Foreground(c["title"]).Padding(0, 1),
		tabActive:       lipgloss.NewStyle().Foreground(c["title_active"]).Bold(true).Underline(true).Padding(0, 1),
		status:          lipgloss.NewStyle().Foreground(c["status"]),
		statusErr:       lipgloss.NewStyle().Foreground(c["error"]),
		border:          lipgloss.NewStyle().Foreground(c["border"]),
		borderActive:    lipgloss.NewStyle().Foreground(c["border_active"]),
		highlight:       lipgloss.NewStyle().Foreground(c["highlight"]).Bold(true).Underline(true),
		notice:          lipgloss.NewStyle().Foreground(c["notice"]),
		link:            lipgloss.NewStyle().Foreground(c["link"]),
		help:            help.DefaultStyles(dark),
	}
}
