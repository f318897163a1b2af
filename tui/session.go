package tui

import (
	"os"
	"os/signal"
	"slices"
	"syscall"

	tea "charm.land/bubbletea/v2"

	"github.com/papertui/papers/store"
	"github.com/papertui/papers/store/query"
)

// The reader's session: what it shows when the user quits (view, sort,
// search, selected paper), handed back by RunSession so the caller can
// keep it, and restored by New from Options.Restore. The tui reads and
// writes no file: where a session is kept is the caller's business.

// Session is what the reader restores on open.
type Session struct {
	View   string     `json:"view"`             // "all", "day", "week" or "month"
	Anchor string     `json:"anchor,omitempty"` // a day inside the period shown
	Sort   store.Sort `json:"sort"`
	// Search is the search in effect ("" for none); SortBefore is the
	// order esc returns to.
	Search     string     `json:"search,omitempty"`
	SortBefore store.Sort `json:"sort_before,omitempty"`
	Selected   string     `json:"selected,omitempty"` // the selected paper's id
	Line       int        `json:"line,omitempty"`     // its row on the screen
	Unread     bool       `json:"unread,omitempty"`   // only unread papers
}

// session is the model's session.
func (m Model) session() Session {
	s := Session{View: m.period.kind.name(), Anchor: m.period.anchor, Sort: m.sort, Unread: m.unreadOnly}
	if m.period.kind == periodAll {
		s.Anchor = ""
	}
	if m.search.active {
		s.Search = m.search.input.Value()
		if m.search.saved != nil {
			s.SortBefore = m.search.saved.sort
		}
	}
	if r, ok := m.list.selected(); ok && !r.remote {
		s.Selected, s.Line = r.ID, max(0, m.list.cursor-m.list.offset)
	}
	return s
}

// restore opens the reader on a session, before the first load (Init
// asks where the selected paper is). What no longer parses is left as
// the options set it.
func (m *Model) restore(s *Session) {
	// Day rules only head a list in feed-day order: opened on another
	// order (reader.sort), the list has none.
	m.list.byDay = m.sort == store.SortNewest
	if s == nil {
		return
	}
	if !slices.Contains(knownSorts, s.Sort) {
		s.Sort = m.sort
	}
	m.openOn(s.View, s.Sort)
	if m.period.kind != periodAll {
		m.period.anchor = s.Anchor
	}
	m.unreadOnly = s.Unread
	if s.Search != "" {
		if q, err := query.Parse(s.Search); err == nil && !q.Empty() {
			m.search.input.SetValue(s.Search)
			m.search.parsed, m.search.active = q, true
			before := s.SortBefore
			if before == "" || before == store.SortRelevance {
				before = store.SortNewest
			}
			m.search.saved = &savedView{sort: before}
			if s.Sort == store.SortRelevance {
				m.sort = store.SortRelevance
			}
		}
	}
	m.list = newListPane(m.sort == store.SortNewest)
	if s.Selected != "" {
		m.list.follow, m.list.followLine = []string{s.Selected}, s.Line
	}
}

// knownSorts are the orders a session may hold.
var knownSorts = []store.Sort{store.SortNewest, store.SortUpvotes, store.SortTrending, store.SortRelevance, store.SortRising}

// restoreCmd finds the restored selection in the first view.
func (m Model) restoreCmd(req request) tea.Cmd {
	if len(m.list.follow) == 0 {
		return nil
	}
	return positionCmd(m.opts.Library, m.listFilter, req, m.list.follow)
}

// RunSession opens the reader like Run and returns its session at quit.
func RunSession(opts Options, progOpts ...tea.ProgramOption) (Session, error) {
	final, err := runProgram(opts, progOpts...)
	if m, ok := final.(Model); ok {
		return m.session(), err
	}
	return Session{}, err
}

// runProgram runs the reader until it quits. A hang-up (the terminal
// closed) ends it as a quit does, and whatever way it ended, where the
// reader stopped and the visit are written after it: closing the window
// is how many leave, and a hang-up or SIGTERM can end the program before
// quit's own writes ran. Written twice after q, they come to the same.
func runProgram(opts Options, progOpts ...tea.ProgramOption) (tea.Model, error) {
	p := tea.NewProgram(New(opts), progOpts...)
	hangup := make(chan os.Signal, 1)
	signal.Notify(hangup, syscall.SIGHUP)
	defer signal.Stop(hangup)
	ended := make(chan struct{})
	defer close(ended)
	go func() {
		select {
		case <-hangup:
			p.Quit()
		case <-ended:
		}
	}()
	final, err := p.Run()
	if m, ok := final.(Model); ok {
		for _, cmd := range []tea.Cmd{m.saveReading(), m.recordVisit()} {
			if cmd != nil {
				cmd()
			}
		}
	}
	return final, err
}
