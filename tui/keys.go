package tui

import "charm.land/bubbles/v2/key"

// keyMap declares every binding once; the help screen is generated from it.
type keyMap struct {
	Up, Down, Top, Bottom, HalfDown, HalfUp, PageDown, PageUp key.Binding
	Open, Back, NextPane, PrevPane, Pane1, Pane2, Pane3       key.Binding
	Bookmark, MoveUp, MoveDown, Done, ToggleRead, UnreadOnly  key.Binding
	AllAuthors, OpenHF, OpenPDF, Copy, Sync, Help, Quit       key.Binding
}

func newKeyMap() keyMap {
	b := func(help, desc string, keys ...string) key.Binding {
		return key.NewBinding(key.WithKeys(keys...), key.WithHelp(help, desc))
	}
	return keyMap{
		Up:         b("↑/k", "up", "up", "k"),
		Down:       b("↓/j", "down", "down", "j"),
		Top:        b("g/home", "first", "g", "home"),
		Bottom:     b("G/end", "last", "G", "end"),
		HalfDown:   b("ctrl+d", "half page down", "ctrl+d"),
		HalfUp:     b("ctrl+u", "half page up", "ctrl+u"),
		PageDown:   b("pgdn", "page down", "pgdown", "space"),
		PageUp:     b("pgup", "page up", "pgup"),
		Open:       b("enter", "open", "enter"),
		Back:       b("esc", "back", "esc"),
		NextPane:   b("tab", "next pane", "tab"),
		PrevPane:   b("shift+tab", "previous pane", "shift+tab"),
		Pane1:      b("1", "papers", "1"),
		Pane2:      b("2", "detail", "2"),
		Pane3:      b("3", "queue", "3"),
		Bookmark:   b("b", "queue / unqueue", "b"),
		MoveUp:     b("K", "move up in queue", "K"),
		MoveDown:   b("J", "move down in queue", "J"),
		Done:       b("x", "done (unqueue, read)", "x"),
		ToggleRead: b("m", "mark read / unread", "m"),
		UnreadOnly: b("u", "unread only / all", "u"),
		AllAuthors: b("a", "all authors", "a"),
		OpenHF:     b("o", "open HF page", "o"),
		OpenPDF:    b("p", "open arXiv PDF", "p"),
		Copy:       b("y", "copy link", "y"),
		Sync:       b("r", "sync now", "r"),
		Help:       b("?", "help", "?"),
		Quit:       b("q", "quit", "q", "ctrl+c"),
	}
}

// ShortHelp is the status bar's reminder.
func (k keyMap) ShortHelp() []key.Binding {
	return []key.Binding{k.Open, k.Bookmark, k.NextPane, k.Help, k.Quit}
}

// FullHelp is the help screen, in columns.
func (k keyMap) FullHelp() [][]key.Binding {
	return [][]key.Binding{
		{k.Up, k.Down, k.Top, k.Bottom, k.HalfDown, k.HalfUp, k.PageDown, k.PageUp},
		{k.Open, k.Back, k.NextPane, k.PrevPane, k.Pane1, k.Pane2, k.Pane3},
		{k.Bookmark, k.MoveUp, k.MoveDown, k.Done, k.ToggleRead, k.UnreadOnly, k.AllAuthors},
		{k.OpenHF, k.OpenPDF, k.Copy, k.Sync, k.Help, k.Quit},
	}
}
