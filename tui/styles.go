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
	out := st.Render("\u2063")
	i := strings.Index(out, "\u2063")
	if i < 0 {
		return paint{}
	}
	return paint{pre: out[:i], post: out[i+len("\u2063"):]}
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
	help                              help.Styles

	// Row painters, for the list's hot path.
	pUnread, pRead, pSelected, pDimmed, pQueued, pUpvotes, pDayHeader, pHighlight paint
}

// newStyles builds the theme; without colour (NO_COLOR) the selection is
// shown in reverse video, since its background colour would be dropped.
func newStyles(dark, noColor bool) styles {
	st := baseStyles(dark)
	if noColor {
		st.selected = lipgloss.NewStyle().Reverse(true)
	}
	st.pUnread, st.pRead, st.pSelected = paintOf(st.unread), paintOf(st.read), paintOf(st.selected)
	st.pDimmed, st.pQueued, st.pUpvotes = paintOf(st.dimmed), paintOf(st.queuedMark), paintOf(st.upvotes)
	st.pDayHeader, st.pHighlight = paintOf(st.dayHeader), paintOf(st.highlight)
	return st
}

func baseStyles(dark bool) styles {
	ld := lipgloss.LightDark(dark)
	accent := ld(lipgloss.Color("#5A3FD9"), lipgloss.Color("#B4A7FF"))
	bright := ld(lipgloss.Color("#1A1A1A"), lipgloss.Color("#F2F2F2"))
	dim := ld(lipgloss.Color("#8A8A8A"), lipgloss.Color("#6E6E6E"))
	selBg := ld(lipgloss.Color("#E4DEFF"), lipgloss.Color("#3A3160"))
	warm := ld(lipgloss.Color("#B25E00"), lipgloss.Color("#FFB454"))
	bad := ld(lipgloss.Color("#C0142D"), lipgloss.Color("#FF6B81"))
	return styles{
		dark:            dark,
		unread:          lipgloss.NewStyle().Foreground(bright).Bold(true),
		read:            lipgloss.NewStyle().Foreground(dim),
		selected:        lipgloss.NewStyle().Background(selBg),
		dimmed:          lipgloss.NewStyle().Foreground(dim),
		dayHeader:       lipgloss.NewStyle().Foreground(accent).Bold(true),
		queuedMark:      lipgloss.NewStyle().Foreground(warm).Bold(true),
		upvotes:         lipgloss.NewStyle().Foreground(warm),
		paneTitle:       lipgloss.NewStyle().Foreground(dim),
		paneTitleActive: lipgloss.NewStyle().Foreground(accent).Bold(true),
		tab:             lipgloss.NewStyle().Foreground(dim).Padding(0, 1),
		tabActive:       lipgloss.NewStyle().Foreground(accent).Bold(true).Underline(true).Padding(0, 1),
		status:          lipgloss.NewStyle().Foreground(dim),
		statusErr:       lipgloss.NewStyle().Foreground(bad),
		border:          lipgloss.NewStyle().Foreground(dim),
		borderActive:    lipgloss.NewStyle().Foreground(accent),
		highlight:       lipgloss.NewStyle().Foreground(warm).Bold(true).Underline(true),
		notice:          lipgloss.NewStyle().Foreground(accent),
		help:            help.DefaultStyles(dark),
	}
}
