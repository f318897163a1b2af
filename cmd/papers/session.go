package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"

	tea "charm.land/bubbletea/v2"
	"github.com/adrg/xdg"

	"github.com/papertui/papers/tui"
)

// The reader's session between runs (view, sort, search, selected
// paper), kept per library in $XDG_STATE_HOME/papers/reader.json: screen
// state, so not in the library. Written whole to a temporary file and
// renamed over the old one, so a kill at any moment leaves the old file
// or the new one, never half of either. A file that does not parse is
// ignored: the reader opens as the settings say.

// sessionFile is where sessions are kept.
func sessionFile() string {
	return filepath.Join(xdg.StateHome, "papers", "reader.json")
}

// sessions are the sessions by library path.
type sessions struct {
	Libraries map[string]tui.Session `json:"libraries"`
}

func loadSessions(path string) sessions {
	var s sessions
	if data, err := os.ReadFile(path); err == nil {
		_ = json.Unmarshal(data, &s) // unreadable: start afresh
	}
	if s.Libraries == nil {
		s.Libraries = map[string]tui.Session{}
	}
	return s
}

// saveSession writes lib's session atomically.
func saveSession(path, lib string, s tui.Session) error {
	all := loadSessions(path)
	all.Libraries[lib] = s
	data, err := json.MarshalIndent(all, "", "  ")
	if err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return fmt.Errorf("keep the reader's session: %w", err)
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), ".reader-*.json")
	if err != nil {
		return fmt.Errorf("keep the reader's session: %w", err)
	}
	defer os.Remove(tmp.Name()) // gone after the rename; else no litter
	if _, err := tmp.Write(append(data, '\n')); err != nil {
		tmp.Close()
		return fmt.Errorf("keep the reader's session: %w", err)
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return fmt.Errorf("keep the reader's session: %w", err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("keep the reader's session: %w", err)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("keep the reader's session: %w", err)
	}
	return nil
}

// runReader opens the reader, on the last session of this library when
// reader.restore is on, and keeps the session it quits with.
func runReader(opts tui.Options, library string, progOpts ...tea.ProgramOption) error {
	restore := true
	if active != nil {
		restore, _ = active.value("reader.restore").(bool)
	}
	if !restore {
		return tui.Run(opts, progOpts...)
	}
	path := sessionFile()
	if abs, err := filepath.Abs(library); err == nil {
		library = abs
	}
	if s, ok := loadSessions(path).Libraries[library]; ok {
		opts.Restore = &s
	}
	s, err := tui.RunSession(opts, progOpts...)
	if err != nil {
		return err
	}
	if err := saveSession(path, library, s); err != nil {
		fmt.Fprintf(os.Stderr, "papers: warning: %v\n", err)
	}
	return nil
}
