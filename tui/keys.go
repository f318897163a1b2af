package tui

import (
	"fmt"
	"slices"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
)

// Action is one thing a key does in the reader. Its Name is stable (a
// user config remaps keys by it: keys are contracts, names too); Keys are
// its default keys, Help and Desc what the help screen shows, and Pane
// where it works: "any" (every pane), "list", "detail", "queue",
// "reader" (the reading pane) or "search" (while the search box has the
// keys).
type Action struct {
	Name, Pane string
	Keys       []string
	Help, Desc string
}

// actions is every action, pane by pane. The keymaps below are built
// from it, and the help from the keymaps: a key is declared here once.
var actions = []Action{
	// Anywhere.
	{"pane.next", "any", []string{"tab"}, "tab", "next pane"},
	{"pane.prev", "any", []string{"shift+tab"}, "shift+tab", "prev pane"},
	{"pane.list", "any", []string{"1"}, "1", "papers"},
	{"pane.detail", "any", []string{"2"}, "2", "detail"},
	{"pane.queue", "any", []string{"3"}, "3", "queue"},
	{"list.unread", "any", []string{"u"}, "u", "unread only"},
	{"sync.now", "any", []string{"r"}, "r", "sync now"},
	{"app.help", "any", []string{"?"}, "?", "help"},
	{"app.messages", "any", []string{"M"}, "M", "recent messages in full"},
	{"app.quit", "any", []string{"q", "ctrl+c"}, "q", "quit"},
	{"search.open", "any", []string{"/"}, "/", "search"},
	{"search.remote", "any", []string{"ctrl+r"}, "ctrl+r", "search HF too"},
	{"list.sort", "any", []string{"s"}, "s", "cycle sort"},
	{"period.cycle", "any", []string{"v"}, "v", "all/day/week/month"},
	{"period.prev", "any", []string{"["}, "[", "previous period"},
	{"period.next", "any", []string{"]"}, "]", "next period"},
	{"period.latest", "any", []string{"t"}, "t", "latest period"},
	// The selected paper, from any pane.
	{"detail.open", "any", []string{"enter"}, "enter", "open"},
	{"queue.toggle", "any", []string{"b"}, "b", "queue/unqueue"},
	{"paper.read", "any", []string{"m"}, "m", "read/unread"},
	{"queue.done", "any", []string{"x"}, "x", "done: unqueue, read"},
	{"detail.authors", "any", []string{"a"}, "a", "all authors"},
	{"paper.hf", "any", []string{"o"}, "o", "open HF page"},
	{"paper.pdf", "any", []string{"p"}, "p", "open PDF"},
	{"paper.copy", "any", []string{"y"}, "y", "copy link"},
	{"reader.open", "any", []string{"R"}, "R", "read the whole paper"},
	// Panes: movement (the help screen scrolls with the list's), then
	// each pane's own.
	{"list.up", "list", []string{"up", "k"}, "↑/k", "up"},
	{"list.down", "list", []string{"down", "j"}, "↓/j", "down"},
	{"list.top", "list", []string{"g", "home"}, "g/home", "first"},
	{"list.bottom", "list", []string{"G", "end"}, "G/end", "last"},
	{"list.halfdown", "list", []string{"ctrl+d"}, "ctrl+d", "half page"},
	{"list.halfup", "list", []string{"ctrl+u"}, "ctrl+u", "half page up"},
	{"list.pagedown", "list", []string{"pgdown", "space"}, "pgdn/space", "page down"},
	{"list.pageup", "list", []string{"pgup"}, "pgup", "page up"},
	{"list.back", "list", []string{"esc"}, "esc", "clear search"},
	{"detail.up", "detail", []string{"up", "k"}, "↑/k", "up"},
	{"detail.down", "detail", []string{"down", "j"}, "↓/j", "down"},
	{"detail.top", "detail", []string{"g", "home"}, "g/home", "first"},
	{"detail.bottom", "detail", []string{"G", "end"}, "G/end", "last"},
	{"detail.halfdown", "detail", []string{"ctrl+d"}, "ctrl+d", "half page"},
	{"detail.halfup", "detail", []string{"ctrl+u"}, "ctrl+u", "half page up"},
	{"detail.pagedown", "detail", []string{"pgdown", "space"}, "pgdn/space", "page down"},
	{"detail.pageup", "detail", []string{"pgup"}, "pgup", "page up"},
	{"detail.back", "detail", []string{"esc"}, "esc", "back, clear search"},
	{"detail.nexthit", "detail", []string{"n"}, "n", "next hit"},
	{"detail.prevhit", "detail", []string{"N"}, "N", "previous hit"},
	{"queue.up", "queue", []string{"up", "k"}, "↑/k", "up"},
	{"queue.down", "queue", []string{"down", "j"}, "↓/j", "down"},
	{"queue.top", "queue", []string{"g", "home"}, "g/home", "first"},
	{"queue.bottom", "queue", []string{"G", "end"}, "G/end", "last"},
	{"queue.halfdown", "queue", []string{"ctrl+d"}, "ctrl+d", "half page"},
	{"queue.halfup", "queue", []string{"ctrl+u"}, "ctrl+u", "half page up"},
	{"queue.pagedown", "queue", []string{"pgdown", "space"}, "pgdn/space", "page down"},
	{"queue.pageup", "queue", []string{"pgup"}, "pgup", "page up"},
	{"queue.moveup", "queue", []string{"K"}, "K", "move up"},
	{"queue.movedown", "queue", []string{"J"}, "J", "move down"},
	// The daily loop (daily.go, catchup.go, tags.go, notes.go, follows.go).
	{"daily.nextunread", "any", []string{"."}, ".", "next unread paper"},
	{"daily.newonly", "any", []string{"w"}, "w", "new since last visit only"},
	{"daily.dayread", "any", []string{"c"}, "c", "mark the day read"},
	{"daily.viewread", "any", []string{"C"}, "C", "mark the view read"},
	{"daily.undo", "any", []string{"U"}, "U", "undo the last change"},
	{"paper.tag", "any", []string{"L"}, "L", "tag: +name -name, tab completes"},
	{"paper.note", "any", []string{"e"}, "e", "edit the note ($EDITOR)"},
	{"daily.follows", "any", []string{"F"}, "F", "followed searches, tags"},
	{"daily.follow", "any", []string{"S"}, "S", "follow this search"},
	{"reader.up", "reader", []string{"up", "k"}, "↑/k", "up"},
	{"reader.down", "reader", []string{"down", "j"}, "↓/j", "down"},
	{"reader.top", "reader", []string{"g", "home"}, "g/home", "first"},
	{"reader.bottom", "reader", []string{"G", "end"}, "G/end", "last"},
	{"reader.halfdown", "reader", []string{"ctrl+d"}, "ctrl+d", "half page"},
	{"reader.halfup", "reader", []string{"ctrl+u"}, "ctrl+u", "half page up"},
	{"reader.pagedown", "reader", []string{"pgdown", "space"}, "pgdn/space", "page down"},
	{"reader.pageup", "reader", []string{"pgup"}, "pgup", "page up"},
	{"reader.outline", "reader", []string{"T"}, "T", "outline: jump to a section"},
	{"outline.jump", "reader", []string{"enter"}, "enter", "outline: go to the section chosen"},
	{"reader.nextsection", "reader", []string{"}", "]"}, "}/]", "next section"},
	{"reader.prevsection", "reader", []string{"{", "["}, "{/[", "previous section"},
	{"reader.search", "reader", []string{"/"}, "/", "search in the paper"},
	{"reader.nexthit", "reader", []string{"n"}, "n", "next hit"},
	{"reader.prevhit", "reader", []string{"N"}, "N", "previous hit"},
	{"reader.figure", "reader", []string{"f"}, "f", "open the figure in view"},
	{"reader.back", "reader", []string{"esc"}, "esc", "clear search, back to the panes"},
	// The search box.
	{"search.done", "search", []string{"enter"}, "enter", "keep the search, leave the box"},
	{"search.cancel", "search", []string{"esc"}, "esc", "clear the search"},
}

// Actions is a copy of every action with its default keys, in help
// order: the table a user config checks its names against.
func Actions() []Action {
	out := make([]Action, len(actions))
	for i, a := range actions {
		a.Keys = append([]string(nil), a.Keys...)
		out[i] = a
	}
	return out
}

// moveKeys are the movement keys, embedded in each pane's keymap.
type moveKeys struct {
	Up, Down, Top, Bottom, HalfDown, HalfUp, PageDown, PageUp key.Binding
}

// commonKeys work in every pane.
type commonKeys struct {
	NextPane, PrevPane, Pane1, Pane2, Pane3, UnreadOnly, Sync, Help, Messages, Quit key.Binding
}

// viewKeys choose what the list shows, from any pane.
type viewKeys struct {
	Search, Remote, Sort, View, PrevPeriod, NextPeriod, Latest key.Binding
}

// paperKeys act on the selected paper, from any pane.
type paperKeys struct {
	Open, ToggleQueue, ToggleRead, Done, AllAuthors, OpenHF, OpenPDF, Copy, Read key.Binding
}

// dailyKeys are the daily loop's, from any pane.
type dailyKeys struct {
	NextUnread, NewOnly, DayRead, ViewRead, Undo, Tag, Note, Follows, Follow key.Binding
}

// listKeys are the list's own keys.
type listKeys struct {
	moveKeys
	Back key.Binding // clears the search
}

// detailKeys are the detail's own keys.
type detailKeys struct {
	moveKeys
	Back, NextHit, PrevHit key.Binding
}

// queueKeys are the queue's own keys.
type queueKeys struct {
	moveKeys
	MoveUp, MoveDown key.Binding
}

// readerKeys are the reading pane's own keys: they win over the others
// while it is open.
type readerKeys struct {
	moveKeys
	Outline, NextSection, PrevSection, Search, NextHit, PrevHit, Figure, Back key.Binding
	// OutlineJump goes to the section chosen in the outline.
	OutlineJump key.Binding
}

// searchKeys work while the search box has the keys.
type searchKeys struct {
	Done, Cancel key.Binding
}

// keyMap is every pane's keys; the help screen is generated from it.
type keyMap struct {
	Common commonKeys
	Views  viewKeys
	Paper  paperKeys
	List   listKeys
	Detail detailKeys
	Queue  queueKeys
	Reader readerKeys
	Search searchKeys
	Daily  dailyKeys
	// table is the actions the keymaps were built from, the user's
	// bindings applied: what boundIn looks a key up in.
	table []Action
}

func newKeyMap() *keyMap {
	k := keyMapFrom(actions)
	return &k
}

// keyMapFrom builds the keymaps from a table of actions (the defaults,
// or a user's remapping of them). Every action the reader has must be in
// it: a missing one is a programming error.
func keyMapFrom(table []Action) keyMap {
	byName := make(map[string]Action, len(table))
	for _, a := range table {
		byName[a.Name] = a
	}
	b := func(name string) key.Binding {
		a, ok := byName[name]
		if !ok {
			panic(fmt.Sprintf("tui: no action %q in the key table", name))
		}
		return key.NewBinding(key.WithKeys(a.Keys...), key.WithHelp(a.Help, a.Desc))
	}
	move := func(pane string) moveKeys {
		return moveKeys{b(pane + ".up"), b(pane + ".down"), b(pane + ".top"), b(pane + ".bottom"),
			b(pane + ".halfdown"), b(pane + ".halfup"), b(pane + ".pagedown"), b(pane + ".pageup")}
	}
	return keyMap{
		Common: commonKeys{b("pane.next"), b("pane.prev"), b("pane.list"), b("pane.detail"), b("pane.queue"),
			b("list.unread"), b("sync.now"), b("app.help"), b("app.messages"), b("app.quit")},
		Views: viewKeys{b("search.open"), b("search.remote"), b("list.sort"), b("period.cycle"),
			b("period.prev"), b("period.next"), b("period.latest")},
		Paper: paperKeys{b("detail.open"), b("queue.toggle"), b("paper.read"), b("queue.done"),
			b("detail.authors"), b("paper.hf"), b("paper.pdf"), b("paper.copy"), b("reader.open")},
		List:   listKeys{move("list"), b("list.back")},
		Detail: detailKeys{move("detail"), b("detail.back"), b("detail.nexthit"), b("detail.prevhit")},
		Queue:  queueKeys{move("queue"), b("queue.moveup"), b("queue.movedown")},
		Reader: readerKeys{move("reader"), b("reader.outline"), b("reader.nextsection"), b("reader.prevsection"),
			b("reader.search"), b("reader.nexthit"), b("reader.prevhit"), b("reader.figure"), b("reader.back"),
			b("outline.jump")},
		Search: searchKeys{b("search.done"), b("search.cancel")},
		Daily: dailyKeys{b("daily.nextunread"), b("daily.newonly"), b("daily.dayread"), b("daily.viewread"),
			b("daily.undo"), b("paper.tag"), b("paper.note"), b("daily.follows"), b("daily.follow")},
		table: table,
	}
}

// boundIn says whether msg is bound to an action that works in pane p,
// its own or any pane's: a hint about another pane's key must not stand
// in for a user's binding of that key here.
func (k keyMap) boundIn(msg tea.KeyPressMsg, p pane) bool {
	name := [...]string{"list", "detail", "queue"}[p]
	for _, a := range k.table {
		if (a.Pane == "any" || a.Pane == name) && slices.Contains(a.Keys, msg.String()) {
			return true
		}
	}
	return false
}

func (k moveKeys) bindings() []key.Binding {
	return []key.Binding{k.Up, k.Down, k.Top, k.Bottom, k.HalfDown, k.HalfUp, k.PageDown, k.PageUp}
}

// listOnly are the keys that change what the list shows or act on the
// papers it shows (its day, its view), from any pane where the list is
// on screen. The keys that bring the list up themselves (/, ., F) are
// not among them.
func (k keyMap) listOnly() []key.Binding {
	v, d := k.Views, k.Daily
	return []key.Binding{k.Common.UnreadOnly, v.Remote, v.Sort, v.View, v.PrevPeriod, v.NextPeriod, v.Latest,
		d.NewOnly, d.DayRead, d.ViewRead}
}

// ShortHelp is the status bar's reminder.
func (k keyMap) ShortHelp() []key.Binding {
	return []key.Binding{k.Paper.Open, k.Paper.ToggleQueue, k.Views.Search, k.Common.NextPane, k.Common.Help, k.Common.Quit}
}

// keyGroup is a heading of the help screen and the keys under it.
type keyGroup struct {
	title string
	keys  []key.Binding
}

// groups are the keys by where they work, as the help screen shows them:
// movement (the same in every pane), the selected paper's, anywhere's,
// then each pane's own.
func (k keyMap) groups() []keyGroup {
	c, v, p := k.Common, k.Views, k.Paper
	return append([]keyGroup{
		{"Move (list, detail, queue)", k.List.bindings()},
		{"The selected paper (any pane)", []key.Binding{p.Open, p.ToggleQueue, p.ToggleRead, p.Done, p.AllAuthors, p.OpenHF, p.OpenPDF, p.Copy, p.Read}},
		{"Anywhere", []key.Binding{c.NextPane, c.PrevPane, c.Pane1, c.Pane2, c.Pane3, c.UnreadOnly, c.Sync, c.Help, c.Messages, c.Quit}},
		{"Search and views", []key.Binding{v.Search, v.Remote, v.Sort, v.View, v.PrevPeriod, v.NextPeriod, v.Latest}},
		{"Detail", []key.Binding{k.Detail.Back, k.Detail.NextHit, k.Detail.PrevHit}},
		{"Queue", []key.Binding{k.Queue.MoveUp, k.Queue.MoveDown}},
		{"Daily: new, unread, tags, notes, follows", []key.Binding{k.Daily.NextUnread, k.Daily.NewOnly, k.Daily.DayRead,
			k.Daily.ViewRead, k.Daily.Undo, k.Daily.Tag, k.Daily.Note, k.Daily.Follows, k.Daily.Follow}},
		{"Reading pane (" + keyHint(p.Read) + ", or " + keyHint(p.Open) + " on the detail)", []key.Binding{k.Reader.Outline,
			k.Reader.OutlineJump, k.Reader.NextSection, k.Reader.PrevSection, k.Reader.Search, k.Reader.NextHit,
			k.Reader.PrevHit, k.Reader.Figure, k.Reader.Back}},
	}, k.remappedMoves()...) // bindings.go
}

// FullHelp is every key, grouped as the help screen shows them.
func (k keyMap) FullHelp() [][]key.Binding {
	var all [][]key.Binding
	for _, g := range k.groups() {
		all = append(all, g.keys)
	}
	return all
}
