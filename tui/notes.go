package tui

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"

	tea "charm.land/bubbletea/v2"

	"github.com/papertui/papers/store"
	"github.com/papertui/papers/tui/clean"
)

// Notes: e opens $VISUAL (else $EDITOR, else vi) on the paper's note in
// a file of its own; the reader suspends while the editor runs and
// resumes after. The note is stored only when the editor exits and the
// text changed, as a state change (state.go): a reader killed mid-edit
// leaves the stored note as it was and the draft in its file, which the
// next e on that paper picks up again. The detail renders the note.

// noteReady: the note is in its draft file, ready for the editor.
type noteReady struct {
	id, path, was string
	err           error
}

// noteEdited: the editor exited.
type noteEdited struct {
	id, path, was string
	err           error
}

// noteRead: the draft as the editor left it.
type noteRead struct {
	id, path, was, body string
	err                 error
}

// noteDir is where drafts live while edited.
func noteDir() string { return filepath.Join(os.TempDir(), "papers-notes") }

// notePath is a paper's draft file (ids are arXiv ids; anything else
// is made safe for a file name).
func notePath(id string) string {
	safe := strings.Map(func(r rune) rune {
		if r == '/' || r == '\\' || r == ':' || r < ' ' {
			return '_'
		}
		return r
	}, id)
	return filepath.Join(noteDir(), safe+".md")
}

// editNote fetches the note and writes it to its draft file, unless a
// draft left by an edit that never finished is there: it is resumed.
func (m Model) editNote(id string) (tea.Model, tea.Cmd) {
	lib, ok := m.dailyLib()
	if !ok {
		return m, nil
	}
	return m, libCmd(func(ctx context.Context) tea.Msg {
		body, err := lib.Note(ctx, id)
		if err != nil {
			return noteReady{id: id, err: err}
		}
		path := notePath(id)
		if err := os.MkdirAll(noteDir(), 0o700); err != nil {
			return noteReady{id: id, err: err}
		}
		if _, err := os.Stat(path); err != nil { // no unfinished draft
			if err := os.WriteFile(path, []byte(body), 0o600); err != nil {
				return noteReady{id: id, err: err}
			}
		}
		return noteReady{id: id, path: path, was: body}
	})
}

// Editor is the user's editor command line: $VISUAL, else $EDITOR; ""
// when neither is set.
func Editor() string {
	for _, v := range []string{"VISUAL", "EDITOR"} {
		if e := strings.TrimSpace(os.Getenv(v)); e != "" {
			return e
		}
	}
	return ""
}

// EditorCommand runs editor on path. The editor line may carry arguments
// ("code --wait"): the shell splits it, as git does.
func EditorCommand(ctx context.Context, editor, path string) *exec.Cmd {
	return exec.CommandContext(ctx, "sh", "-c", editor+` "$1"`, "sh", path)
}

// editorCommand is the user's editor on path, vi when none is set.
func editorCommand(path string) *exec.Cmd {
	editor := Editor()
	if editor == "" {
		editor = "vi"
	}
	return EditorCommand(context.Background(), editor, path)
}

// onNoteReady suspends the reader and runs the editor.
func (m Model) onNoteReady(msg noteReady) (tea.Model, tea.Cmd) {
	if msg.err != nil {
		m.fail(clean.Line(fmt.Sprintf("note %s: %v", msg.id, msg.err)))
		return m, nil
	}
	return m, tea.ExecProcess(editorCommand(msg.path), func(err error) tea.Msg {
		return noteEdited{id: msg.id, path: msg.path, was: msg.was, err: err}
	})
}

// onNoteEdited reads the draft back.
func (m Model) onNoteEdited(msg noteEdited) (tea.Model, tea.Cmd) {
	if msg.err != nil {
		m.fail(clean.Line(fmt.Sprintf("editor: %v (the draft stays in %s)", msg.err, msg.path)))
		return m, nil
	}
	return m, func() tea.Msg {
		b, err := os.ReadFile(msg.path)
		return noteRead{id: msg.id, path: msg.path, was: msg.was, body: string(b), err: err}
	}
}

// onNoteRead stores a changed note; the draft goes once it is stored.
func (m Model) onNoteRead(msg noteRead) (tea.Model, tea.Cmd) {
	if msg.err != nil {
		m.fail(clean.Line(fmt.Sprintf("note %s: %v", msg.id, msg.err)))
		return m, nil
	}
	if strings.TrimSpace(msg.body) == strings.TrimSpace(msg.was) {
		m.say("note unchanged")
		path := msg.path
		return m, func() tea.Msg {
			_ = os.Remove(path) // unchanged: nothing to keep
			return nil
		}
	}
	lib, _ := m.dailyLib()
	id, body, path, was := msg.id, msg.body, msg.path, msg.was
	write := func(ctx context.Context) error {
		// Never over a note another terminal changed since e began.
		if err := lib.ReplaceNote(ctx, id, was, body); err != nil {
			return fmt.Errorf("%w (the draft stays in %s)", err, path)
		}
		_ = os.Remove(path) // stored: the draft is no longer needed
		return nil
	}
	apply := func() {
		has := strings.TrimSpace(body) != ""
		m.list.eachRow(id, func(r *row) { r.HasNote = has })
		m.list.forgetDrawn()
		m.queue.update(id, func(r *store.Record) { r.Note = body })
		if m.detail.hasRecord && m.detail.record.ID == id {
			m.detail.record.Note = body
		}
	}
	return m, m.changeState(changeNoted, id, write, apply)
}

// dailyMarkdown is the detail's part of the daily loop: the paper's tags
// and its note, rendered as Markdown after the paper.
func dailyMarkdown(rec store.Record) string {
	var b strings.Builder
	if len(rec.Tags) > 0 {
		b.WriteString("\n\n**Tags:** #" + strings.Join(rec.Tags, " #"))
	}
	if strings.TrimSpace(rec.Note) != "" {
		b.WriteString("\n\n## Note\n\n" + clean.Text(rec.Note))
	}
	if b.Len() > 0 {
		return "\n\n---" + b.String() + "\n"
	}
	return ""
}
