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
		Back:       b("esc", "back, clear search", "esc"),
		NextPane:   b("tab", "next pane", "tab"),
		PrevPane:   b("shift+tab", "prev pane", "shift+tab"),
		Pane1:      b("1", "papers", "1"),
		Pane2:      b("2", "detail", "2"),
		Pane3:      b("3", "queue", "3"),
		Bookmark:   b("b", "queue/unqueue", "b"),
		MoveUp:     b("K", "move up", "K"),
		MoveDown:   b("J", "move down", "J"),
		Done:       b("x", "done: unqueue, read", "x"),
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

// keyGroup is a heading of the help screen and the keys under it.
type keyGroup struct {
	title string
	keys  []key.Binding
}

// groups are the keys by where they work, as the help screen shows them.
func (k keyMap) groups() []keyGroup {
	return []keyGroup{
		{"Move (list, detail, queue)", []key.Binding{k.Up, k.Down, k.Top, k.Bottom, k.HalfDown, k.HalfUp, k.PageDown, k.PageUp}},
		{"The selected paper (any pane)", []key.Binding{k.Open, k.Bookmark, k.ToggleRead, k.Done, k.AllAuthors, k.OpenHF, k.OpenPDF, k.Copy}},
		{"Anywhere", []key.Binding{k.NextPane, k.PrevPane, k.Pane1, k.Pane2, k.Pane3, k.UnreadOnly, k.Sync, k.Help, k.Quit}},
		{"Search and views", []key.Binding{k.Search, k.Remote, k.Sort, k.View, k.PrevPeriod, k.NextPeriod, k.Latest}},
		{"Detail", []key.Binding{k.Back, k.NextHit, k.PrevHit}},
		{"Queue", []key.Binding{k.MoveUp, k.MoveDown}},
	}
}

// FullHelp is every key, grouped as the help screen shows them.
func (k keyMap) FullHelp() [][]key.Binding {
	var all [][]key.Binding
	for _, g := range k.groups() {
		all = append(all, g.keys)
	}
	return all
}
