package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"

	"github.com/papertui/papers/store"
	"github.com/papertui/papers/tui"
	"github.com/papertui/papers/tui/clean"
)

// NoteCmd is `papers note ID`.
type NoteCmd struct {
	ID   string  `arg:"" help:"Paper id, versioned id, or HF/arXiv URL."`
	Edit bool    `help:"Open $$VISUAL or $$EDITOR on the note; it is saved only if changed."`
	Set  *string `placeholder:"TEXT" help:"Replace the note with TEXT (- reads it from stdin; empty removes it)."`
}

// Run prints, edits or sets a paper's note.
func (c *NoteCmd) Run(g *Globals) error {
	if c.Edit && c.Set != nil {
		return usagef("note: choose --edit or --set, not both")
	}
	ids, err := normalizeIDs([]string{c.ID})
	if err != nil {
		return err
	}
	id := ids[0]
	var body string
	if c.Set != nil {
		if body, err = readSet(*c.Set); err != nil {
			return err
		}
		if *c.Set != "-" && *c.Set != "" && strings.TrimSpace(body) == "" {
			return usagef("note: --set holds only blanks: the note of %s is kept (--set '' removes it)", id)
		}
		if *c.Set == "-" && strings.TrimSpace(body) == "" {
			// A closed or empty stdin in a script is a slip, not a wish to
			// lose the note: removing one takes --set ''.
			return fmt.Errorf("note: stdin was empty: the note of %s is kept (--set '' removes it)", id)
		}
		if len(body) > store.MaxNoteBytes {
			return usagef("note: %d bytes; a note holds at most %d", len(body), store.MaxNoteBytes)
		}
	}
	return g.withLibrary(func(ctx context.Context, lib *store.Store) error {
		old, err := lib.Note(ctx, id)
		if err != nil {
			return unknownPaper(err)
		}
		switch {
		case c.Set != nil:
			if err := lib.SetNote(ctx, id, body); err != nil {
				return err
			}
			if body == "" && old != "" {
				fmt.Fprintf(os.Stderr, "removed the note of %s\n", id)
			}
			return nil
		case c.Edit:
			return editNote(ctx, lib, id, old)
		}
		if old == "" {
			fmt.Fprintf(os.Stderr, "%s has no note (papers note %s --edit)\n", id, id)
			return nil
		}
		// A note is the user's own Markdown, printed as written, but what a
		// paste or a pipe brought in (an escape sequence) never reaches
		// the terminal.
		_, err = fmt.Fprint(stdout, withNewline(clean.Verbatim(old)))
		return err
	})
}

// readSet is --set's text: "-" reads stdin whole.
func readSet(v string) (string, error) {
	if v != "-" {
		return v, nil
	}
	b, err := io.ReadAll(io.LimitReader(os.Stdin, store.MaxNoteBytes+1))
	if err != nil {
		return "", fmt.Errorf("note: read stdin: %w", err)
	}
	return string(b), nil
}

func withNewline(s string) string {
	if strings.HasSuffix(s, "\n") {
		return s
	}
	return s + "\n"
}

// editNote opens the editor on a temporary copy of the note and saves it
// back only when it changed; the library is not written while the editor
// runs, so killing either leaves the old note whole.
func editNote(ctx context.Context, lib *store.Store, id, old string) error {
	editor := tui.Editor()
	if editor == "" {
		return usagef("note: set $VISUAL or $EDITOR to edit notes (or use --set)")
	}
	dir, err := os.MkdirTemp("", "papers-note")
	if err != nil {
		return fmt.Errorf("note: %w", err)
	}
	defer os.RemoveAll(dir)
	path := filepath.Join(dir, strings.ReplaceAll(id, "/", "_")+".md")
	if err := os.WriteFile(path, []byte(old), 0o600); err != nil {
		return fmt.Errorf("note: %w", err)
	}
	cmd := tui.EditorCommand(ctx, editor, path)
	cmd.Stdin, cmd.Stdout, cmd.Stderr = os.Stdin, os.Stdout, os.Stderr
	if err := cmd.Run(); err != nil {
		var exit *exec.ExitError
		if errors.As(err, &exit) {
			return fmt.Errorf("note: %s exited with %d; the note is unchanged", editor, exit.ExitCode())
		}
		return fmt.Errorf("note: run %s: %w", editor, err)
	}
	b, err := os.ReadFile(path)
	if err != nil {
		return fmt.Errorf("note: read back %s: %w", path, err)
	}
	if string(b) == old {
		fmt.Fprintln(os.Stderr, "note unchanged")
		return nil
	}
	if len(b) > store.MaxNoteBytes {
		return keepEdit(id, b, fmt.Errorf("note: %d bytes; a note holds at most %d", len(b), store.MaxNoteBytes))
	}
	if err := lib.ReplaceNote(ctx, id, old, string(b)); err != nil {
		if errors.Is(err, store.ErrNoteChanged) {
			return keepEdit(id, b, err) // the store's error says "note: "
		}
		return err
	}
	if strings.TrimSpace(string(b)) == "" {
		fmt.Fprintf(os.Stderr, "removed the note of %s\n", id)
		return nil
	}
	fmt.Fprintln(os.Stderr, "note saved")
	return nil
}

// keepEdit saves an edit that was not stored (the note changed elsewhere
// meanwhile, or the edit is over the size a note holds) where the user
// can take it from: a new file of its
// own (never one that exists, nor through a link someone else made).
func keepEdit(id string, edit []byte, why error) error {
	f, err := os.CreateTemp("", "papers-note-"+strings.ReplaceAll(id, "/", "_")+"-*.md")
	if err == nil {
		_, err = f.Write(edit)
		if cerr := f.Close(); err == nil {
			err = cerr
		}
	}
	if err != nil {
		return fmt.Errorf("%w; your edit could not be kept: %w", why, err)
	}
	return fmt.Errorf("%w: nothing stored; your edit is in %s (papers note %s shows the note now)", why, f.Name(), id)
}
