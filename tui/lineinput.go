package tui

import (
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
)

// lineInput is a text input (the search box, the modal line) held
// behind a pointer and copied on write. A textinput.Model is 7.8 KB;
// the Model held two, and Bubble Tea copies the Model into an interface
// at least twice per message: those copies were a third of a keypress's
// Update. Every change goes through a method here that changes a copy,
// so a Model kept from before (esc restoring a view, a test) never sees
// a later change; the zero lineInput is the zero input.
type lineInput struct{ in *textinput.Model }

func newLineInput(in textinput.Model) lineInput { return lineInput{in: &in} }

// model is a copy of the input, to read or to change.
func (l lineInput) model() textinput.Model {
	if l.in == nil {
		return textinput.Model{}
	}
	return *l.in
}

// edit changes a copy of the input and keeps it.
func (l *lineInput) edit(change func(*textinput.Model)) {
	in := l.model()
	change(&in)
	l.in = &in
}

// Value is the input's text.
func (l lineInput) Value() string {
	if l.in == nil {
		return ""
	}
	return l.in.Value()
}

// View draws the input.
func (l lineInput) View() string {
	if l.in == nil {
		return textinput.Model{}.View()
	}
	return l.in.View()
}

// CharLimit is the most characters the input takes (0: no limit).
func (l lineInput) CharLimit() int {
	if l.in == nil {
		return 0
	}
	return l.in.CharLimit
}

// Update hands a message to the input.
func (l lineInput) Update(msg tea.Msg) (lineInput, tea.Cmd) {
	in, cmd := l.model().Update(msg)
	return lineInput{in: &in}, cmd
}

func (l *lineInput) SetValue(s string) { l.edit(func(in *textinput.Model) { in.SetValue(s) }) }
func (l *lineInput) Blur()             { l.edit(func(in *textinput.Model) { in.Blur() }) }

// SetWidth sets how much of the text the input shows, and scrolls the
// text to fit it: textinput moves its window of the text only at a key or
// a cursor move, so after a resize it drew the window of the old width.
func (l *lineInput) SetWidth(w int) {
	l.edit(func(in *textinput.Model) {
		in.SetWidth(w)
		in.SetCursor(in.Position())
	})
}

// CursorEnd moves the cursor after the last character.
func (l *lineInput) CursorEnd() { l.edit(func(in *textinput.Model) { in.CursorEnd() }) }

// Focus gives the input the keys.
func (l *lineInput) Focus() tea.Cmd {
	var cmd tea.Cmd
	l.edit(func(in *textinput.Model) { cmd = in.Focus() })
	return cmd
}

// restyle themes the input for a dark or light background.
func (l *lineInput) restyle(dark bool) {
	l.edit(func(in *textinput.Model) { styleSearchInput(in, dark) })
}
