package tui

import (
	"fmt"
	"strings"

	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/dustin/go-humanize"
)

// View draws the screen from the model; it does no I/O and no rendering
// of Markdown (that happened in a Cmd).
func (m Model) View() tea.View {
	v := tea.NewView(m.screen())
	v.AltScreen = true
	if m.opts.Mouse {
		v.MouseMode = tea.MouseModeCellMotion
	}
	v.WindowTitle = "papers"
	return v
}

func (m Model) screen() string {
	if m.width == 0 {
		return ""
	}
	lay := computeLayout(m.width, m.height, m.focus)
	if lay.tooSmall {
		return m.tooSmall()
	}
	if m.showHelp {
		return m.helpScreen()
	}
	var body string
	if lay.tabs {
		p := m.focus
		body = lipgloss.JoinVertical(lipgloss.Left, m.tabBar(), m.box(p, lay.panes[p]))
	} else {
		var cols []string
		for p := range paneCount {
			if lay.visible[p] {
				cols = append(cols, m.box(p, lay.panes[p]))
			}
		}
		body = lipgloss.JoinHorizontal(lipgloss.Top, cols...)
	}
	return lipgloss.JoinVertical(lipgloss.Left, body, m.statusBar())
}

func (m Model) tooSmall() string {
	msg := fmt.Sprintf("terminal too small: %d×%d\nneeds at least %d×%d", m.width, m.height, minWidth, minHeight)
	return lipgloss.Place(m.width, m.height, lipgloss.Center, lipgloss.Center, msg)
}

func (m Model) tabBar() string {
	var tabs []string
	for p := range paneCount {
		label := fmt.Sprintf("%d %s", p+1, p.title())
		if p == paneQueue && len(m.queue.records) > 0 {
			label += fmt.Sprintf(" (%d)", len(m.queue.records))
		}
		if p == m.focus {
			tabs = append(tabs, m.st.tabActive.Render(label))
		} else {
			tabs = append(tabs, m.st.tab.Render(label))
		}
	}
	return ansi.Truncate(strings.Join(tabs, " "), m.width, "")
}

// box draws a pane with its border and title into r.
func (m Model) box(p pane, r rect) string {
	title := m.paneTitle(p)
	titleStyle := m.st.paneTitle
	border := m.st.border
	if p == m.focus {
		titleStyle, border = m.st.paneTitleActive, m.st.borderActive
	}
	head := titleStyle.Render(ansi.Truncate(title, r.w, "…"))
	content := m.paneContent(p, r.w, r.h-1)
	inner := lipgloss.NewStyle().Width(r.w).Height(r.h).MaxHeight(r.h).MaxWidth(r.w).
		Render(head + "\n" + content)
	return border.Render(inner)
}

func (m Model) paneTitle(p pane) string {
	switch p {
	case paneList:
		t := "Papers"
		if m.unreadOnly {
			t += " · unread"
		}
		if m.list.counted && m.list.total > 0 {
			t += fmt.Sprintf(" %d/%s", m.list.cursor+1, humanize.Comma(int64(m.list.total)))
		}
		return t
	case paneDetail:
		if m.detail.vp.TotalLineCount() > m.detail.vp.Height() {
			return fmt.Sprintf("Detail %3.0f%%", m.detail.vp.ScrollPercent()*100)
		}
		return "Detail"
	}
	return fmt.Sprintf("Queue (%d)", len(m.queue.records))
}

func (m Model) paneContent(p pane, w, h int) string {
	switch p {
	case paneList:
		if m.list.counted && m.list.total == 0 {
			return m.emptyList(w)
		}
		return m.list.view(m.st, w, h)
	case paneDetail:
		return m.detailContent(w, h)
	}
	return m.queue.view(m.st, w, h, m.keys)
}

func (m Model) detailContent(w, h int) string {
	switch {
	case m.detail.err != nil:
		return m.st.statusErr.Render(ansi.Wrap(m.detail.err.Error(), w, ""))
	case m.detail.shown.id == "":
		if m.list.counted && m.list.total == 0 {
			return ""
		}
		return m.st.dimmed.Render("loading…")
	}
	vp := m.detail.vp
	vp.SetWidth(w)
	vp.SetHeight(h)
	return vp.View()
}

// emptyList says why there is nothing to show and what to do about it.
func (m Model) emptyList(w int) string {
	var msg string
	switch {
	case m.unreadOnly:
		msg = "No unread papers. Press u to show all."
	case m.sync.running:
		msg = "The library is empty. Syncing the feed…"
	default:
		msg = "The library is empty.\n\n" +
			"Press r to sync the feed, or from a shell run\n\n" +
			"  papers sync          fetch the last 7 days\n" +
			"  papers import FILE   load saved API responses (offline)"
		if m.sync.offline {
			msg = "The library is empty and the feed cannot be reached.\n\n" + msg[len("The library is empty.\n\n"):]
		}
	}
	return m.st.notice.Render(ansi.Wrap(msg, w, ""))
}

// statusBar: sync state or the last message on the left, counts and the
// help key on the right.
func (m Model) statusBar() string {
	right := m.st.status.Render(fmt.Sprintf("%s papers · %d queued · ? help",
		humanize.Comma(int64(m.list.total)), len(m.queue.records)))
	left := m.statusLeft()
	room := m.width - ansi.StringWidth(right) - 1
	left = ansi.Truncate(left, max(0, room), "…")
	gap := strings.Repeat(" ", max(1, m.width-ansi.StringWidth(left)-ansi.StringWidth(right)))
	return ansi.Truncate(left+gap+right, m.width, "")
}

func (m Model) statusLeft() string {
	switch {
	case m.sync.running && m.sync.day != "":
		return m.sync.spin.View() + fmt.Sprintf(" syncing %s (%d/%d)", m.sync.day, m.sync.index, m.sync.total)
	case m.sync.running:
		return m.sync.spin.View() + " syncing…"
	case m.errMsg != "" && m.sync.offline:
		return m.st.statusErr.Render(fmt.Sprintf("offline: showing %s cached papers", humanize.Comma(int64(m.list.total)))) +
			m.st.status.Render(" · "+m.errMsg)
	case m.errMsg != "":
		return m.st.statusErr.Render(m.errMsg)
	case m.notice != "":
		return m.st.status.Render(m.notice)
	}
	return ""
}

func (m Model) helpScreen() string {
	m.help.ShowAll = true
	body := "papers — keys\n\n" + m.help.View(m.keys) + "\n\n" +
		m.st.dimmed.Render("Press any key to close.")
	return lipgloss.NewStyle().Padding(1, 2).MaxWidth(m.width).MaxHeight(m.height).Render(body)
}
