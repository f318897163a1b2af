// Command bare is the yardstick for the reader's first frame: the least
// a Bubble Tea v2 program does to fill a 160×48 terminal (wait for the
// size, draw a full screen of text), with nothing of papers in it. The
// benchmark script times both from process start to the first full frame.
package main

import (
	"fmt"
	"os"
	"strings"

	tea "charm.land/bubbletea/v2"
)

type model struct{ w, h int }

func (m model) Init() tea.Cmd { return nil }

func (m model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.w, m.h = msg.Width, msg.Height
	case tea.KeyPressMsg:
		return m, tea.Quit
	}
	return m, nil
}

func (m model) View() tea.View {
	if m.w == 0 {
		return tea.NewView("")
	}
	lines := make([]string, m.h)
	for i := range lines {
		lines[i] = fmt.Sprintf("%-*s", m.w, fmt.Sprintf("row %d", i+1))
	}
	lines[m.h-1] = "BARE-READY"
	v := tea.NewView(strings.Join(lines, "\n"))
	v.AltScreen = true
	return v
}

func main() {
	if _, err := tea.NewProgram(model{}).Run(); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}
