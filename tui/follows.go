package tui

import (
	"context"
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/papertui/papers/internal/english"
	"github.com/papertui/papers/store"
	"github.com/papertui/papers/tui/clean"
)

// Followed searches: S saves the search in effect under a name; F opens
// a picker over the list of the followed searches, with their unread and
// new counts, and of the tags in use, with their papers; enter applies
// one as the search (a tag as tag:NAME), esc closes it. The counts are
// read when the picker opens and again after every sync.

// pick is one line of the picker.
type pick struct {
	label, query string
	unread, new  int
	tag          bool // a tag: the count is its papers
}

// pickerLoaded: the followed searches with their counts, and the tags.
type pickerLoaded struct {
	picks []pick
	err   error
}

// followSaved: a search was followed (or could not be).
type followSaved struct {
	name string
	err  error
}

// openPicker asks for the followed searches' counts and the tags.
func (m Model) openPicker() (tea.Model, tea.Cmd) {
	if _, ok := m.dailyLib(); !ok {
		return m, nil
	}
	m.daily.modal = modalState{kind: modalPicker}
	m.focus = paneList
	return m, m.pickerCmd()
}

func (m Model) pickerCmd() tea.Cmd {
	lib, _ := m.dailyLib()
	since := m.daily.since
	return libCmd(func(ctx context.Context) tea.Msg {
		follows, err := lib.FollowCounts(ctx, since)
		if err != nil {
			return pickerLoaded{err: err}
		}
		tags, err := lib.Tags(ctx)
		return pickerLoaded{picks: picksOf(follows, tags), err: err}
	})
}

// picksOf is never nil, even empty: the picker shows "loading…" while
// its picks are nil.
func picksOf(follows []store.FollowCount, tags []store.TagCount) []pick {
	out := []pick{}
	for _, f := range follows {
		out = append(out, pick{label: f.Name, query: f.Query, unread: f.Unread, new: f.New})
	}
	for _, t := range tags {
		out = append(out, pick{label: "#" + t.Tag, query: "tag:" + t.Tag, unread: t.Papers, tag: true})
	}
	return out
}

func (m Model) onPickerLoaded(msg pickerLoaded) (tea.Model, tea.Cmd) {
	if m.daily.modal.kind != modalPicker {
		return m, nil // closed meanwhile
	}
	if msg.err != nil {
		m.daily.modal = modalState{}
		m.fail(clean.Line("followed searches: " + msg.err.Error()))
		return m, nil
	}
	m.daily.modal.picks = msg.picks
	m.daily.modal.pick(m.daily.modal.cursor)
	return m, nil
}

// pickerKey moves in the picker, applies a line or closes it.
func (m Model) pickerKey(msg tea.KeyPressMsg) (tea.Model, tea.Cmd) {
	s := &m.daily.modal
	h := m.listHeight() - 1
	if navigate(m.keys.List.moveKeys, msg, h, s.cursor, len(s.picks), s.pick) {
		return m, nil
	}
	switch {
	case key.Matches(msg, m.keys.Paper.Open) && len(s.picks) > 0:
		p := s.picks[s.cursor]
		m.daily.modal = modalState{}
		return m.applySearch(p.query)
	}
	m.daily.modal = modalState{} // esc, F again, or any other key
	return m, nil
}

// applySearch puts query in the search box and runs it, as if typed,
// over all days, as the picker counted it (a day view would show 9 of the
// 20,640 unread it said): esc goes back to the view before it, day or
// week included.
func (m Model) applySearch(q string) (tea.Model, tea.Cmd) {
	if !m.search.active {
		m.search.saved = m.saveView()
	}
	if m.period.kind != periodAll {
		if m.search.saved != nil && m.search.saved.period == nil {
			was := m.period
			m.search.saved.period = &was
		}
		m.period = period{}
	}
	m.search.input.SetValue(q)
	m.search.input.CursorEnd()
	req := m.requests.begin(topicSearch)
	return m.onSearchDue(searchDue{tok: req.tok})
}

// startFollow asks for a name for the search in effect.
func (m Model) startFollow() (tea.Model, tea.Cmd) {
	if _, ok := m.dailyLib(); !ok {
		return m, nil
	}
	if !m.search.active {
		m.say(fmt.Sprintf("no search to follow: %s searches, then %s follows it", keyHint(m.keys.Views.Search), keyHint(m.keys.Daily.Follow)))
		return m, nil
	}
	m.daily.modal = modalState{kind: modalFollow, input: newModalInput("follow «"+clean.Line(m.search.input.Value())+"» as: ", "", m.st.dark)}
	return m, nil
}

// saveFollow follows the search in effect under name.
func (m Model) saveFollow(name string) (tea.Model, tea.Cmd) {
	lib, _ := m.dailyLib()
	name, q := strings.TrimSpace(name), m.search.input.Value()
	if name == "" {
		m.daily.modal = modalState{}
		m.say("not followed: no name")
		return m, nil
	}
	return m, libCmd(func(ctx context.Context) tea.Msg {
		return followSaved{name: name, err: lib.AddFollow(ctx, name, q)}
	})
}

func (m Model) onFollowSaved(msg followSaved) (tea.Model, tea.Cmd) {
	open := m.daily.modal.kind == modalFollow && m.daily.modal.saving
	if msg.err != nil && open {
		// The name stays, to be fixed.
		m.daily.modal.saving = false
		m.daily.modal.err = clean.Line(msg.err.Error()) + "; fix it, or esc cancels"
		return m, nil
	}
	if open {
		m.daily.modal = modalState{}
	}
	if msg.err != nil {
		m.fail(clean.Line(msg.err.Error())) // it names the search
		return m, nil
	}
	m.say(fmt.Sprintf("following %q: %s lists it with its counts", msg.name, keyHint(m.keys.Daily.Follows)))
	return m, nil
}

// afterSync reads the counts again after a sync.
func (m *Model) afterSync() tea.Cmd {
	if m.daily.modal.kind == modalPicker {
		return m.pickerCmd()
	}
	return nil
}

// pickerView is the picker, drawn in the list pane.
func (m Model) pickerView(w, h int) []string {
	s := m.daily.modal
	lines := []string{m.st.paneTitleActive.Render(fit("Followed searches and tags · "+keyHint(m.keys.Paper.Open)+" applies · esc closes", w))}
	if s.picks == nil {
		return append(lines, m.st.dimmed.Render("loading…"))
	}
	if len(s.picks) == 0 {
		// Wrapped, not cut: it is the only place that says how to
		// follow a search or tag a paper.
		msg := fmt.Sprintf("Nothing followed and no tags yet: %s searches, %s follows the search; %s tags a paper.",
			keyHint(m.keys.Views.Search), keyHint(m.keys.Daily.Follow), keyHint(m.keys.Daily.Tag))
		for _, line := range strings.Split(ansi.Wrap(msg, w, ""), "\n") {
			if len(lines) < h {
				lines = append(lines, fit(line, w))
			}
		}
		return lines
	}
	for i := pickerFirst(s.cursor, h); i < len(s.picks) && len(lines) < h; i++ {
		p := s.picks[i]
		counts := fmt.Sprintf("%7s unread %5s new", english.Number(p.unread), english.Number(p.new))
		if p.tag {
			counts = fmt.Sprintf("%14s", english.Count(p.unread, "paper"))
		}
		label := clean.Line(p.label)
		if !p.tag {
			label += "  " + clean.Line(p.query)
		}
		line := fit(counts+"  "+label, w)
		if i == s.cursor {
			line = m.st.pSelected.on(line)
		}
		lines = append(lines, line)
	}
	return lines
}

// pickerFirst is the first pick shown in a list pane h lines high: the
// picker's title takes one, and the cursor stays on the last.
func pickerFirst(cursor, h int) int { return max(0, cursor-(h-2)) }

// pick puts the picker's cursor on line i, kept among the picks.
func (s *modalState) pick(i int) { s.cursor = max(0, min(i, len(s.picks)-1)) }
