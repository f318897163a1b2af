package tui

import (
	"fmt"
	"time"
	"unicode/utf8"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/papertui/papers/store"
	"github.com/papertui/papers/store/query"
	"github.com/papertui/papers/tui/clean"
)

// The search box: typing, the debounce (searchDue), applying and
// clearing a search.

// searchDebounce is how long typing must pause before a search runs:
// long enough that a fast typist's keys do not each start a query.
const searchDebounce = 120 * time.Millisecond

// searchDue: typing paused; run the search, unless an edit (a request
// of topicSearch) came after the one that scheduled it.
type searchDue struct{ tok token }

// searchState is the search box and what it has applied.
type searchState struct {
	typing bool // the box has the keys
	input  lineInput
	parsed query.Query // the search in effect
	active bool        // a search is in effect
	saved  *savedView  // the view and selection before the search
	due    bool        // typed text waits for the debounce to be searched

	debounce time.Duration // searchDebounce; tests set 0
}

// savedView is what esc restores (and w leaving an empty new-only view).
type savedView struct {
	sort   store.Sort
	follow []string // the selection and its neighbours
	line   int      // the screen row the selection was on
	period *period  // the day, week or month left for all days (applySearch)
}

// saveView is the view as it is now, the selection and its screen row,
// for going back to it.
func (m Model) saveView() *savedView {
	return &savedView{sort: m.sort, follow: m.list.followIDs(), line: m.list.cursor - m.list.offset}
}

func newSearchInput() lineInput {
	in := textinput.New()
	in.Prompt = "/ "
	in.Placeholder = "words, author:NAME org: kw: upvotes:>N day: since: until: is:queued has:code tag:NAME is:new text:"
	in.CharLimit = 250 // the API's limit for a query, and plenty for a local one
	return newLineInput(in)
}

// styleSearchInput themes the box; its cursor does not blink, so typing
// is the only thing that redraws the screen.
func styleSearchInput(in *textinput.Model, dark bool) {
	st := textinput.DefaultStyles(dark)
	st.Cursor.Blink = false
	in.SetStyles(st)
}

// onSearchDue runs the search once typing has paused; a bad filter is a
// one-line error and the results stay as they were.
func (m Model) onSearchDue(msg searchDue) (tea.Model, tea.Cmd) {
	if !m.requests.current(msg.tok) {
		return m, nil
	}
	return m.applyTyped()
}

// applyTyped runs the search typed in the box.
func (m Model) applyTyped() (tea.Model, tea.Cmd) {
	m.search.due = false
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

// searchKey handles a key while the box has the focus.
func (m Model) searchKey(msg tea.KeyPressMsg) (tea.Model, tea.Cmd) {
	switch {
	case key.Matches(msg, m.keys.Search.Cancel):
		return m.endSearch()
	case key.Matches(msg, m.keys.Search.Done):
		if _, err := query.Parse(m.search.input.Value()); err != nil {
			// The box stays open on what was typed: closed, the search
			// would silently be the last good one, or none.
			m.fail(clean.Line(err.Error() + " · fix it, or " + keyHint(m.keys.Search.Cancel) + " cancels"))
			return m, nil
		}
		m.search.typing = false
		m.search.input.Blur()
		if m.search.due {
			// Typed within the debounce: run it now, as the title shows
			// it, or a key pressed next (C marks the view read) would act
			// on the view before it.
			m.requests.end(topicSearch)
			return m.applyTyped()
		}
		return m, nil
	case key.Matches(msg, m.keys.Views.Remote):
		return m.searchRemote()
	}
	return m.searchEdit(msg)
}

// startSearch opens the search box over the list.
func (m Model) startSearch() (tea.Model, tea.Cmd) {
	if !m.search.active {
		m.search.saved = m.saveView()
	}
	m.search.typing = true
	m.focus = paneList
	m.search.input.SetWidth(m.searchBoxWidth())
	return m, m.search.input.Focus()
}

// searchBoxWidth is how much of the query the box shows: the list pane's
// width less the box's prompt and margin. The input scrolls its text by
// the width it has at each key, so it is set when the box opens and when
// the terminal is resized (onWindowSize), never only when drawn.
func (m Model) searchBoxWidth() int {
	return max(10, m.layout(paneList).panes[paneList].w-4)
}

// searchEdit hands a key or a paste to the box and, when the text
// changed, schedules the search.
func (m Model) searchEdit(msg tea.Msg) (tea.Model, tea.Cmd) {
	if k, ok := msg.(tea.KeyPressMsg); ok && k.Text != "" && m.searchFull() {
		// A paste into a terminal without bracketed paste arrives as one
		// key per character: past the limit each costs nothing, and
		// once said, changes nothing on screen.
		full := fmt.Sprintf("the search box holds %d characters", m.search.input.CharLimit())
		m.quiet = m.keyNotice == full
		m.say(full)
		return m, nil
	}
	before := m.search.input.Value()
	var cmd tea.Cmd
	m.search.input, cmd = m.search.input.Update(msg)
	if m.search.input.Value() == before {
		return m, cmd
	}
	tok := m.requests.begin(topicSearch).tok
	m.search.due = true
	due := func(time.Time) tea.Msg { return searchDue{tok} }
	if m.search.debounce == 0 {
		return m, tea.Batch(cmd, func() tea.Msg { return due(time.Time{}) })
	}
	return m, tea.Batch(cmd, tea.Tick(m.search.debounce, due))
}

// searchFull says whether the box holds all the characters it can.
func (m Model) searchFull() bool {
	limit := m.search.input.CharLimit()
	return limit > 0 && utf8.RuneCountInString(m.search.input.Value()) >= limit
}

// endSearch closes the box and restores the view and selection from
// before the search.
func (m Model) endSearch() (tea.Model, tea.Cmd) {
	m.search.typing = false
	m.search.input.Blur()
	m.search.input.SetValue("")
	m.requests.end(topicSearch)
	m.search.due = false
	m.clearError()
	if !m.search.active && m.search.saved == nil {
		return m, nil
	}
	m.search.active, m.search.parsed = false, query.Query{}
	saved := m.search.saved
	m.search.saved = nil
	if saved != nil {
		m.sort = saved.sort
		if saved.period != nil {
			m.period = *saved.period
		}
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

// searchLine is the search box, or the search in effect with its count;
// the pane fits it as a title (boxOf). The box's width was set for the
// pane (searchBoxWidth).
//
// In a narrow pane the counts stay whole: the hint goes first, then the
// sort, then the period and unread toggle the search is limited to, then
// the query is cut.
func (m Model) searchLine(w int) string {
	if m.search.typing {
		return m.search.input.View()
	}
	query := "/ " + clean.Line(m.search.input.Value())
	counts := m.positionTitle("  ") + m.countsTitle()
	// The search looks only inside the period and the unread toggle in
	// effect: the title says so, or "diffusion 27" in a week's view reads
	// as all the library holds.
	var scope string
	if m.period.kind != periodAll {
		scope += " · " + m.period.label()
	}
	if m.unreadOnly {
		scope += " · unread"
	}
	rest := scope + " · " + sortLabel(m.sort) + " · " + keyHint(m.keys.List.Back) + " clears"
	width := ansi.StringWidth(query) + ansi.StringWidth(counts)
	switch {
	case width+ansi.StringWidth(rest) <= w:
	case width+ansi.StringWidth(scope+" · "+sortLabel(m.sort)) <= w:
		rest = scope + " · " + sortLabel(m.sort)
	case scope != "" && width+ansi.StringWidth(scope) <= w:
		rest = scope
	default:
		rest = ""
		query = cutBefore(query, ansi.StringWidth(counts), w)
	}
	return m.st.pPaneTitleActive.on(query) + // painted: drawn every frame
		m.st.pDimmed.on(counts+rest)
}
