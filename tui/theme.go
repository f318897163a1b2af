package tui

import (
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/papertui/papers/tui/article"
)

// The theme: asked of the terminal at start, or set by --style.

// themeTimedOut: the terminal never said its background colour.
type themeTimedOut struct{}

func (m *Model) setStyle(dark bool) {
	st := newStyles(dark, m.opts.NoColor, m.opts.FewColors, m.opts.Colors)
	m.st = &st
	m.search.input.restyle(dark)
}

func (m Model) glamourStyle() string {
	style := "light"
	switch {
	case m.opts.Glamour != "" && !m.opts.NoColor:
		style = m.opts.Glamour
	case m.st.dark:
		style = "dark"
	}
	if c, ok := m.opts.Colors["link"]; ok && !m.opts.NoColor {
		if n, err := NormalizeColor(c); err == nil {
			return article.LinkStyle(style, n)
		}
	}
	return style
}

// themeKnown settles the style once the terminal said its background (or
// did not in time), and renders the detail in it.
func (m Model) themeKnown(dark bool) (tea.Model, tea.Cmd) {
	if m.themed {
		return m, nil
	}
	m.themed = true
	m.setStyle(dark)
	m.list.forgetDrawn()
	return m, m.wantDetail()
}

func themeTimeoutCmd() tea.Cmd {
	return tea.Tick(300*time.Millisecond, func(time.Time) tea.Msg { return themeTimedOut{} })
}
