package tui

import (
	"context"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"github.com/papertui/papers/store"
	"github.com/papertui/papers/store/query"
	"github.com/papertui/papers/tui/clean"
)

// searchDebounce is how long typing must pause before a search runs:
// long enough that a fast typist's keys do not each start a query.
const searchDebounce = 120 * time.Millisecond

// searchState is the search box and what it has applied.
type searchState struct {
	typing bool // the box has the keys
	input  textinput.Model
	seq    int         // bumped per edit; only the last edit's search runs
	parsed query.Query // the search in effect
	active bool        // a search is in effect
	saved  *savedView  // the view and selection before the search

	debounce time.Duration // searchDebounce; tests set 0
}

// savedView is what esc restores.
type savedView struct {
	sort   store.Sort
	follow []string // the selection and its neighbours
	line   int      // the screen row the selection was on
}

// searchDue: typing paused; run the search of edit seq.
type searchDue struct{ seq int }

func newSearchInput() textinput.Model {
	in := textinput.New()
	in.Prompt = "/ "
	in.Placeholder = "words, author:NAME org: kw: upvotes:>N day: since: until: is:queued has:code"
	in.CharLimit = 250 // the API's limit for a query, and plenty for a local one
	return in
}

// styleSearchInput themes the box; its cursor does not blink, so typing
// is the only thing that redraws the screen.
func styleSearchInput(in *textinput.Model, dark bool) {
	st := textinput.DefaultStyles(dark)
	st.Cursor.Blink = false
	in.SetStyles(st)
}

// startSearch opens the search box over the list.
func (m Model) startSearch() (tea.Model, tea.Cmd) {
	if !m.search.active {
		m.search.saved = &savedView{sort: m.sort, follow: m.list.followIDs(), line: m.list.cursor - m.list.offset}
	}
	m.search.typing = true
	m.focus = paneList
	m.search.input.SetWidth(max(10, m.bodyHeight(paneList)))
	return m, m.search.input.Focus()
}

// searchKey handles a key while the box has the focus.
func (m Model) searchKey(msg tea.KeyPressMsg) (tea.Model, tea.Cmd) {
	switch {
	case msg.String() == "ctrl+c":
		return m.quit()
	case key.Matches(msg, m.keys.Back):
		return m.endSearch()
	case key.Matches(msg, m.keys.Open):
		m.search.typing = false
		m.search.input.Blur()
		return m, nil
	case key.Matches(msg, m.keys.Remote):
		return m.searchRemote()
	}
	return m.searchEdit(msg)
}

// searchEdit hands a key or a paste to the box and, when the text
// changed, schedules the search.
func (m Model) searchEdit(msg tea.Msg) (tea.Model, tea.Cmd) {
	if k, ok := msg.(tea.KeyPressMsg); ok && k.Text != "" && m.searchFull() {
		// A paste into a terminal without bracketed paste arrives as one
		// key per character: past the limit each costs nothing, and
		// once said, changes nothing on screen.
		full := fmt.Sprintf("the search box holds %d characters", m.search.input.CharLimit)
		m.quiet = m.notice == full
		m.say(full)
		return m, nil
	}
	before := m.search.input.Value()
	var cmd tea.Cmd
	m.search.input, cmd = m.search.input.Update(msg)
	if m.search.input.Value() == before {
		return m, cmd
	}
	m.search.seq++
	seq := m.search.seq
	due := func(time.Time) tea.Msg { return searchDue{seq} }
	if m.search.debounce == 0 {
		return m, tea.Batch(cmd, func() tea.Msg { return due(time.Time{}) })
	}
	return m, tea.Batch(cmd, tea.Tick(m.search.debounce, due))
}

// searchFull says whether the box holds all the characters it can.
func (m Model) searchFull() bool {
	limit := m.search.input.CharLimit
	return limit > 0 && utf8.RuneCountInString(m.search.input.Value()) >= limit
}

// searchDue runs the search once typing has paused; a bad filter is a
// one-line error and the results stay as they were.
func (m Model) searchDue(msg searchDue) (tea.Model, tea.Cmd) {
	if msg.seq != m.search.seq {
		return m, nil
	}
	text := m.search.input.Value()
	q, err := query.Parse(text)
	if err != nil {
		m.fail(clean.Line(err.Error()))
		return m, nil
	}
	m.clearError()
	m.search.parsed, m.search.active = q, !q.Empty()
	if m.search.active && m.sort == store.SortNewest && q.Match != "" {
		m.sort = store.SortRelevance
	}
	if !m.search.active && m.sort == store.SortRelevance {
		m.sort = store.SortNewest
	}
	return m, m.reload(false)
}

// endSearch closes the box and restores the view and selection from
// before the search.
func (m Model) endSearch() (tea.Model, tea.Cmd) {
	m.search.typing = false
	m.search.input.Blur()
	m.search.input.SetValue("")
	m.search.seq++
	m.clearError()
	if !m.search.active && m.search.saved == nil {
		return m, nil
	}
	m.search.active, m.search.parsed = false, query.Query{}
	saved := m.search.saved
	m.search.saved = nil
	if saved != nil {
		m.sort = saved.sort
	}
	if saved == nil {
		return m, m.reload(false)
	}
	return m, m.reloadFollowing(saved.follow, saved.line)
}

// highlights are the words a search marks in titles and abstracts.
func (m Model) highlights() []string {
	if !m.search.active {
		return nil
	}
	return m.search.parsed.Highlights()
}

// composeView is the filter of what the list shows: the period, the
// unread toggle, the sort and the search.
func (m Model) composeView() store.Filter {
	f := store.Filter{Sort: m.sort, Unread: m.unreadOnly}
	f.Since, f.Until = m.period.bounds()
	if m.search.active {
		f = f.Search(m.search.parsed)
	}
	return f
}

// reload replaces the view: a new generation, the list from the top, or
// with keepSelection on the selected paper (its nearest neighbour when it
// left the view) at the same screen row.
func (m *Model) reload(keepSelection bool) tea.Cmd {
	if !keepSelection {
		return m.reloadFollowing(nil, 0)
	}
	return m.reloadFollowing(m.list.followIDs(), m.list.cursor-m.list.offset)
}

// reloadFollowing replaces the view and puts the cursor on the first of
// follow the new view holds, line rows below the top of the screen.
func (m *Model) reloadFollowing(follow []string, line int) tea.Cmd {
	m.view = m.composeView()
	m.gen++
	m.list = newListPane(m.view.Sort == store.SortNewest)
	m.list.follow, m.list.followLine = follow, max(0, line)
	cmds := []tea.Cmd{pageCmd(m.opts.Library, m.view, m.gen, 0), countCmd(m.opts.Library, m.view, m.gen)}
	if len(follow) > 0 {
		cmds = append(cmds, positionCmd(m.opts.Library, m.view, m.gen, follow))
	}
	return tea.Batch(cmds...)
}

// sortOrder is the cycle of s; best match only while searching text.
func (m Model) nextSort() store.Sort {
	order := []store.Sort{store.SortNewest, store.SortUpvotes, store.SortTrending}
	if m.search.active && m.search.parsed.Match != "" {
		order = append(order, store.SortRelevance)
	}
	for i, s := range order {
		if s == m.sort {
			return order[(i+1)%len(order)]
		}
	}
	return order[0]
}

func (m Model) cycleSort() (tea.Model, tea.Cmd) {
	m.sort = m.nextSort()
	m.say("sorted by " + sortLabel(m.sort))
	return m, m.reload(true)
}

func sortLabel(s store.Sort) string {
	switch s {
	case store.SortUpvotes:
		return "most upvoted"
	case store.SortTrending:
		return "trending"
	case store.SortRelevance:
		return "best match"
	}
	return "newest"
}

// cycleView steps all → day → week → month, anchored at the selected
// paper's day (else the latest day). The sort stays what it was: s
// changes it, and the pane title says it.
func (m Model) cycleView() (tea.Model, tea.Cmd) {
	next := (m.period.kind + 1) % periodKinds
	if next == periodAll {
		m.period = period{}
		return m, m.reload(true)
	}
	anchor := m.period.anchor
	if r, ok := m.list.selected(); ok && r.Day != "" && m.period.kind == periodAll {
		anchor = r.Day
	}
	m.period.kind = next
	if anchor == "" {
		return m, m.stepPeriod(0)
	}
	m.period.anchor = anchor
	return m, m.reload(true)
}

// periodFound: the day to anchor the period at, after [, ] or t.
type periodFound struct {
	day string
	err error
}

// stepPeriod finds the previous (dir < 0) or next (dir > 0) period that
// has papers, or the latest one (dir == 0).
func (m Model) stepPeriod(dir int) tea.Cmd {
	lib := m.opts.Library
	first, last := m.period.bounds()
	from := first
	if dir > 0 {
		from = last
	}
	if dir == 0 {
		from, dir = "", -1
	}
	return libCmd(func(ctx context.Context) tea.Msg {
		day, err := lib.NeighbourDay(ctx, from, dir)
		return periodFound{day: day, err: err}
	})
}

func (m Model) periodKey(msg tea.KeyPressMsg) (tea.Model, tea.Cmd, bool) {
	k := m.keys
	switch {
	case key.Matches(msg, k.View):
		next, cmd := m.cycleView()
		return next, cmd, true
	case key.Matches(msg, k.Sort):
		next, cmd := m.cycleSort()
		return next, cmd, true
	case m.period.kind == periodAll:
		return m, nil, false
	case key.Matches(msg, k.PrevPeriod):
		return m, m.stepPeriod(-1), true
	case key.Matches(msg, k.NextPeriod):
		return m, m.stepPeriod(1), true
	case key.Matches(msg, k.Latest):
		return m, m.stepPeriod(0), true
	}
	return m, nil, false
}

func (m Model) periodArrived(msg periodFound) (tea.Model, tea.Cmd) {
	switch {
	case msg.err != nil:
		m.fail(clean.Line(msg.err.Error()))
		return m, nil
	case msg.day == "" && m.period.anchor == "":
		m.period = period{} // opened on a period of an empty library
		return m, m.reload(false)
	case msg.day == "":
		m.say("no papers beyond this " + m.period.kind.name())
		return m, nil
	}
	m.period.anchor = msg.day
	return m, m.reload(false)
}

// markHits wraps each case-insensitive occurrence of the words in s with
// on and off; s is plain text (no escape sequences).
func markHits(s string, words []string, on, off string) string {
	lower := strings.ToLower(s)
	if len(words) == 0 || len(lower) != len(s) {
		return s // lowercasing moved bytes: leave it unmarked rather than mis-marked
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		n := matchAt(lower[i:], words)
		if n == 0 {
			b.WriteByte(s[i])
			i++
			continue
		}
		b.WriteString(on + s[i:i+n] + off)
		i += n
	}
	return b.String()
}

// matchAt is the length of the longest word lower starts with.
func matchAt(lower string, words []string) int {
	best := 0
	for _, w := range words {
		if len(w) > best && strings.HasPrefix(lower, strings.ToLower(w)) {
			best = len(w)
		}
	}
	return best
}
