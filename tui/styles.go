package tui

import (
	"image/color"

	"charm.land/bubbles/v2/help"
	"charm.land/lipgloss/v2"
)

// styles is the one theme; no colour literal lives anywhere else.
type styles struct {
	dark                              bool
	unread, read, selected, dimmed    lipgloss.Style
	dayHeader, queuedMark, upvotes    lipgloss.Style
	paneTitle, paneTitleActive        lipgloss.Style
	tab, tabActive, status, statusErr lipgloss.Style
	border, borderActive              lipgloss.Style
	highlight, notice                 lipgloss.Style
	help                              help.Styles
}

func newStyles(dark bool) styles {
	ld := lipgloss.LightDark(dark)
	accent := ld(lipgloss.Color("#5A3FD9"), lipgloss.Color("#B4A7FF"))
	bright := ld(lipgloss.Color("#1A1A1A"), lipgloss.Color("#F2F2F2"))
	dim := ld(lipgloss.Color("#8A8A8A"), lipgloss.Color("#6E6E6E"))
	selBg := ld(lipgloss.Color("#E4DEFF"), lipgloss.Color("#3A3160"))
	warm := ld(lipgloss.Color("#B25E00"), lipgloss.Color("#FFB454"))
	bad := ld(lipgloss.Color("#C0142D"), lipgloss.Color("#FF6B81"))
	frame := func(c color.Color) lipgloss.Style {
		return lipgloss.NewStyle().Border(lipgloss.RoundedBorder()).BorderForeground(c)
	}
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
		border:          frame(dim),
		borderActive:    frame(accent),
		highlight:       lipgloss.NewStyle().Foreground(warm).Bold(true).Underline(true),
		notice:          lipgloss.NewStyle().Foreground(accent),
		help:            help.DefaultStyles(dark),
	}
}
