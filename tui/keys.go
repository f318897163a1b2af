package tui

import "charm.land/bubbles/v2/key"

// keyMap declares every binding once; the help screen is generated from it.
type keyMap struct {
	Up, Down, Top, Bottom, HalfDown, HalfUp, PageDown, PageUp key.Binding
	Open, Back, NextPane, PrevPane, Pane1, Pane2, Pane3       key.Binding
	Bookmark, MoveUp, MoveDown, Done, ToggleRead, UnreadOnly  key.Binding
	AllAuthors, OpenHF, OpenPDF, Copy, Sync, Help, Quit       key.Binding
	Search, NextHit, PrevHit, Sort, View, PrevPeriod          key.Binding
	NextPeriod, Latest, Remote                                key.Binding
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
		HalfDown:   b("ctrl+d", "half page", "ctrl+d"),
		HalfUp:     b("ctrl+u", "half page up", "ctrl+u"),
		PageDown:   b("pgdn", "page down", "pgdown", "space"),
		PageUp:     b("pgup", "page up", "pgup"),
		Open:       b("enter", "open", "enter"),
		Back:       b("esc", "back", "esc"),
		NextPane:   b("tab", "next pane", "tab"),
		PrevPane:   b("shift+tab", "prev pane", "shift+tab"),
		Pane1:      b("1", "papers", "1"),
		Pane2:      b("2", "detail", "2"),
		Pane3:      b("3", "queue", "3"),
		Bookmark:   b("b", "queue/unqueue", "b"),
		MoveUp:     b("K", "move up", "K"),
		MoveDown:   b("J", "move down", "J"),
		Done:       b("x", "done", "x"),
		ToggleRead: b("m", "read/unread", "m"),
		UnreadOnly: b("u", "unread only", "u"),
		AllAuthors: b("a", "all authors", "a"),
		OpenHF:     b("o", "open HF page", "o"),
		OpenPDF:    b("p", "open PDF", "p"),
		Copy:       b("y", "copy link", "y"),
		Sync:       b("r", "sync now", "r"),
		Help:       b("?", "help", "?"),
		Quit:       b("q", "quit", "q", "ctrl+c"),
		Search:     b("/", "search", "/"),
		NextHit:    b("n", "next hit", "n"),
		PrevHit:    b("N", "previous hit", "N"),
		Sort:       b("s", "cycle sort", "s"),
		View:       b("v", "all/day/week/month", "v"),
		PrevPeriod: b("[", "previous period", "["),
		NextPeriod: b("]", "next period", "]"),
		Latest:     b("t", "latest period", "t"),
		Remote:     b("ctrl+r", "search HF too", "ctrl+r"),
	}
}

// ShortHelp is the status bar's reminder.
func (k keyMap) ShortHelp() []key.Binding {
	return []key.Binding{k.Open, k.Bookmark, k.Search, k.NextPane, k.Help, k.Quit}
}

// FullHelp is the help screen, in columns.
func (k keyMap) FullHelp() [][]key.Binding {
	return [][]key.Binding{
		{k.Up, k.Down, k.Top, k.Bottom, k.HalfDown, k.HalfUp, k.PageDown, k.PageUp},
		{k.Open, k.Back, k.NextPane, k.PrevPane, k.Pane1, k.Pane2, k.Pane3},
		{k.Bookmark, k.MoveUp, k.MoveDown, k.Done, k.ToggleRead, k.UnreadOnly, k.AllAuthors},
		{k.Search, k.Remote, k.NextHit, k.PrevHit, k.Sort, k.View, k.PrevPeriod, k.NextPeriod, k.Latest},
		{k.OpenHF, k.OpenPDF, k.Copy, k.Sync, k.Help, k.Quit},
	}
}
