package tui

import (
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/papertui/papers/tui/clean"
)

// The daily loop's inputs: a y/n question (C over many papers), a line
// of text (L's tags, S's name) in the status bar, and the picker of
// followed searches and tags (F) over the list. While one is open it has
// the keys; esc closes it.

type modalKind int

const (
	modalNone    modalKind = iota
	modalConfirm           // y/n before marking a large view read
	modalTag               // L: +tag -tag, completing existing tags
	modalFollow            // S: the name of the search to follow
	modalPicker            // F: followed searches and tags with counts
)

// modalState is the open input, if any.
type modalState struct {
	kind   modalKind
	prompt string
	input  lineInput
	id     string // the paper L tags

	tags   []string // existing tags, for L's completion
	picks  []pick   // F's lines
	cursor int
	// err is why enter did not take the line: said beside it, the line
	// kept to be fixed, until the next key.
	err string
	// saving: S's name is being saved; the line stays open until the
	// library says it took it (a name in use, or with a space, is
	// refused there, and the typed name must not be lost to the list's
	// keys).
	saving bool
}

func (s modalState) open() bool { return s.kind != modalNone }

// newModalInput is a one-line input with a prompt.
func newModalInput(prompt, value string, dark bool) lineInput {
	in := textinput.New()
	in.Prompt = prompt
	in.CharLimit = 200
	styleSearchInput(&in, dark)
	in.SetValue(value)
	in.CursorEnd()
	in.Focus()
	return newLineInput(in)
}

// modalKey gives a key to the open input.
func (m Model) modalKey(msg tea.KeyPressMsg) (tea.Model, tea.Cmd) {
	switch m.daily.modal.kind {
	case modalConfirm:
		m.daily.modal = modalState{}
		if msg.String() == "y" || msg.String() == "Y" {
			return m.doMarkViewRead()
		}
		m.say("nothing marked")
		return m, nil
	case modalPicker:
		return m.pickerKey(msg)
	}
	switch msg.String() {
	case "esc":
		m.daily.modal = modalState{}
		m.say("cancelled")
		return m, nil
	case "enter":
		s := m.daily.modal
		if s.kind == modalTag {
			add, remove, err := parseTags(s.input.Value())
			if err != nil {
				m.daily.modal.err = clean.Line(err.Error()) + "; fix it, or esc cancels"
				return m, nil
			}
			m.daily.modal = modalState{}
			return m.applyTags(s.id, add, remove)
		}
		if s.saving {
			return m, nil
		}
		m.daily.modal.saving, m.daily.modal.err = true, ""
		return m.saveFollow(s.input.Value())
	case "tab":
		if m.daily.modal.kind == modalTag {
			m.daily.modal.input.SetValue(completeTag(m.daily.modal.input.Value(), m.daily.modal.tags))
			m.daily.modal.input.CursorEnd()
			return m, nil
		}
	}
	var cmd tea.Cmd
	m.daily.modal.err = ""
	m.daily.modal.input, cmd = m.daily.modal.input.Update(msg)
	return m, cmd
}

// modalLine is the status bar while a question or a line input is open.
func (m Model) modalLine() string {
	s := m.daily.modal
	switch s.kind {
	case modalConfirm:
		return m.st.statusErr.Render(s.prompt)
	case modalTag, modalFollow:
		in := s.input
		if s.err == "" {
			in.SetWidth(max(10, min(40, m.width/2)))
		} else {
			// The error needs the room more than the prompt and the
			// blank end of the line: at 80 columns they left it 20,
			// cut before it said what was wrong. The typed text stays,
			// to be fixed.
			in.edit(func(t *textinput.Model) { t.Prompt = "" })
			in.SetWidth(max(1, ansi.StringWidth(in.Value())+1))
		}
		line := in.View()
		switch {
		case s.err != "":
			line += m.st.statusErr.Render("  " + s.err)
		case s.kind == modalTag:
			line += m.st.status.Render("  " + tagHint(in.Value(), s.tags))
		}
		return ansi.Truncate(line, m.width, "…")
	}
	return ""
}
