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

// sessions are the sessions by library path, with the settings each was
// left under.
type sessions struct {
	Libraries map[string]tui.Session  `json:"libraries"`
	Settings  map[string]openSettings `json:"settings,omitempty"`
}

// openSettings are the settings of what the reader opens on (reader.view,
// reader.sort) when a session was kept: the file's value wins over the
// session once it is changed, or an edit of the file would seem to do
// nothing.
type openSettings struct {
	View string `json:"view"`
	Sort string `json:"sort"`
}

func settingsOf(opts tui.Options) openSettings {
	return openSettings{View: opts.View, Sort: string(opts.Sort)}
}

func loadSessions(path string) sessions {
	var s sessions
	if data, err := os.ReadFile(path); err == nil {
		_ = json.Unmarshal(data, &s) // unreadable: start afresh
	}
	if s.Libraries == nil {
		s.Libraries = map[string]tui.Session{}
	}
	if s.Settings == nil {
		s.Settings = map[string]openSettings{}
	}
	return s
}

// restored is lib's session as the reader should open on it: the view
// and sort are the settings' where those changed since it was kept.
func (all sessions) restored(lib string, opts tui.Options) (tui.Session, bool) {
	s, ok := all.Libraries[lib]
	if !ok {
		return s, false
	}
	was, known := all.Settings[lib]
	now := settingsOf(opts)
	if known && was.View != now.View {
		s.View, s.Anchor = now.View, ""
	}
	if known && was.Sort != now.Sort {
		s.Sort, s.SortBefore = opts.Sort, ""
	}
	return s, true
}

// saveSession writes lib's session, and the settings it was left under,
// atomically.
func saveSession(path, lib string, s tui.Session, under openSettings) error {
	all := loadSessions(path)
	all.Libraries[lib] = s
	all.Settings[lib] = under
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
	if s, ok := loadSessions(path).restored(library, opts); ok {
		opts.Restore = &s
	}
	s, err := tui.RunSession(opts, progOpts...)
	if err != nil {
		return err
	}
	if err := saveSession(path, library, s, settingsOf(opts)); err != nil {
		fmt.Fprintf(os.Stderr, "papers: warning: %v\n", err)
	}
	return nil
}
