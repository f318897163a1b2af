package tui

import (
	"time"

	"charm.land/bubbles/v2/spinner"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"

	"github.com/papertui/papers/feed"
	"github.com/papertui/papers/store"
)

// The root model: the options, the state of every pane and feature,
// construction and Init.

// Options configure the reader.
type Options struct {
	Library Library
	// Fetcher syncs the feed; nil leaves the reader offline.
	Fetcher store.Fetcher
	// Remote searches Hugging Face; nil turns remote search off.
	Remote RemoteSearcher
	// Style is "auto" (ask the terminal), "dark" or "light".
	Style string
	// NoColor: the terminal shows no colour (NO_COLOR), so emphasis must
	// not rely on it.
	NoColor bool
	// FewColors: the terminal shows 16 colours or fewer (TERM=linux,
	// xterm), where the presets are rounded to them.
	FewColors bool
	Mouse     bool
	// SyncAfter is how old the last sync may be before the reader syncs
	// in the background on start; 0 never syncs on start.
	SyncAfter time.Duration
	// View is the view the reader opens on: "all" (or ""), or the latest
	// "day", "week" or "month". Sort is its order ("" for newest).
	View string
	Sort store.Sort
	// SyncDays: a sync fetches the last N days; 0 is the default plan.
	SyncDays int
	// Keys are the user's bindings, action name → keys (see Bind); the
	// caller has checked them, and any with a problem is left out.
	Keys map[string][]string
	// Colors are the user's theme colours by element (ThemeElements),
	// over the dark or light preset; Glamour is the rendered text's style
	// (GlamourStyles), "" to follow the preset.
	Colors  map[string]string
	Glamour string
	// Layout is the user's layout (columns.go); the zero one is the default.
	Layout Layout
	// Opener is the command that opens URLs and PDFs ("firefox %s"; the
	// $BROWSER convention); "" falls back to $BROWSER, then the desktop's.
	Opener string
	// Restore is the session to open on (session.go); nil opens as the
	// options say.
	Restore *Session
	// Texts fetches whole papers in the background (queued ones, and
	// after a sync those still missing); nil fetches none.
	Texts TextFetcher
	// Versions asks arXiv for the latest versions of the queued papers'
	// stored texts after a sync, so a text of an older version is fetched
	// again (textversions.go); nil checks none.
	Versions VersionChecker
	// PDFDir is where saved PDFs are ("ID.pdf"): p opens one there
	// before the arXiv URL. "" looks nowhere.
	PDFDir string
	// LastSeen, when set, is the last visit as the caller read it before
	// the program started (cmd/papers reads it on the connection that
	// just opened the library): the first page, which marks what is new
	// since then, is asked for in Init rather than after a query and its
	// message. nil reads it in Init (firstframe.go).
	LastSeen *time.Time
	// Profile, when set, brings the terminal's colour profile found after
	// the program started (in tmux, `tmux info` is asked whether it
	// passes true colour on): the first frame does not wait for it, and
	// the frames after it use it.
	Profile <-chan colorprofile.Profile
	// Retries, when set, brings each retry the feed client makes ("HTTP
	// 503 Service Unavailable; retrying in 2s"): a running sync shows it
	// beside its progress.
	Retries <-chan Retry
}

// Model is the reader: a coordinator routing messages to plain panes.
type Model struct {
	opts   Options
	keys   *keyMap // a pointer, like st: shared by every copy of the model
	st     *styles // a pointer: Models are copied on every message
	themed bool    // the style is settled (asked, answered or timed out)

	width, height int
	focus         pane
	lastFocus     pane // the pane before the detail was opened
	showHelp      bool
	helpOffset    int  // the first help line shown
	helpMessages  bool // the help screen shows the message log, not the keys
	messages      []logged

	listFilter store.Filter // what the list shows, composed of:
	sort       store.Sort
	period     period
	search     searchState
	unreadOnly bool

	requests requests // the latest request of each topic: see guard.go

	list    listPane
	held    []tea.KeyPressMsg // keys typed ahead of a fresh view: see typeahead.go
	holdSeq int               // the hold whose time-out counts
	detail  detailPane
	queue   queuePane
	reader  readerPane // the whole paper, over the panes while open: see reader.go
	texts   textFetch  // full texts being fetched in the background: see textfetch.go

	sync  syncState
	daily dailyState // new since the last visit, counts, inputs: daily.go
	// remotePapers are the remote results' papers by id, for their
	// detail and for adding them.
	remotePapers    map[string]feed.Paper
	dataVersion     int64         // the library's, when last looked at
	writes          []stateChange // state changes shown, not yet written, oldest first: see state.go
	watchEvery      time.Duration
	readerSaveAfter time.Duration // see reader.go
	// readerDocs are the papers read lately, cleaned, by id: shared by
	// every copy of the model, written by Update alone (reader.go).
	readerDocs map[string]*readerDoc
	notice     string // the latest event for the status bar, in one line
	errMsg     string // the same when that event is an error, else ""
	noticeSeq  int    // bumped per error, so only the latest one fades
	sortSaid   string // the notice s gave, gone once the order changes again: see sort.go
	fadeSeq    int    // the error whose fading is scheduled
	fadeAfter  time.Duration
	libTotal   int // papers in the library, whatever the view
	libCounted bool

	// Bubble Tea draws the whole screen after every message. drawSeq
	// counts the messages that may have changed it; one that changed
	// nothing (a key past the search box's limit, 60,000 of them in a
	// paste without bracketed paste) sets quiet, and View answers from
	// lastScreen, shared by every copy of the model, instead of drawing again.
	drawSeq    uint64
	quiet      bool
	keyNotice  string // what the status bar said before the key being handled cleared it
	lastScreen *screenCache

	detailDelay time.Duration // firstDetailDelay (firstframe.go); tests set 0
	viewStarted bool          // the view's first load has begun (firstframe.go)
	framed      bool          // something worth drawing is in (firstframe.go)
	frameWait   time.Duration // firstFrameWait; tests set 0 (nothing waits)
}

// screenCache is the last screen drawn and the drawSeq it was drawn at.
type screenCache struct {
	seq     uint64
	content string
	valid   bool
	status  statusDrawn // the status bar, drawn again only when it changes (status.go)
	fitted  fittedLines // unfitted pane lines, fitted once (cells.go)
}

// New builds the reader over a library.
func New(opts Options) Model {
	m := Model{
		opts:       opts,
		keys:       newKeyMapFor(opts.Keys),
		list:       newListPane(true),
		detail:     newDetailPane(),
		sort:       store.SortNewest,
		lastScreen: &screenCache{},
		readerDocs: map[string]*readerDoc{},
	}
	m.openOn(opts.View, opts.Sort)
	m.daily.started = time.Now()
	m.search.input = newSearchInput()
	m.search.debounce = searchDebounce
	m.watchEvery = watchEvery
	m.readerSaveAfter = readerSaveAfter
	m.fadeAfter = errorFade
	m.detailDelay = firstDetailDelay
	m.frameWait = firstFrameWait
	m.restore(opts.Restore) // session.go
	if opts.LastSeen != nil {
		m.setLastSeen(*opts.LastSeen) // daily.go
	}
	m.listFilter = m.composeFilter()
	m.requests.begin(topicView)
	m.requests.begin(topicQueue)
	m.sync.spin = spinner.New(spinner.WithSpinner(spinner.Dot))
	m.setStyle(opts.Style != "light")
	m.themed = opts.Style == "dark" || opts.Style == "light"
	return m
}

// openOn sets the view and order the reader opens with; a day, week or
// month is anchored at the latest one when the library answers (Init).
func (m *Model) openOn(view string, sort store.Sort) {
	for k := periodAll; k < periodKinds; k++ {
		if k.name() == view {
			m.period.kind = k
		}
	}
	if sort != "" && sort != store.SortRelevance {
		m.sort = sort
	}
}

// Init loads the first page from the library at once and, when the last
// sync is old, starts one in the background: the first frame never waits
// for the network.
func (m Model) Init() tea.Cmd {
	cmds := []tea.Cmd{m.startCmd(), m.firstFrameTimer(), laterProfile(m.opts.Profile), // firstframe.go: the last visit, then the view
		listenRetries(m.opts.Retries)} // syncing.go
	if !m.themed {
		cmds = append(cmds, tea.RequestBackgroundColor, themeTimeoutCmd())
	}
	return tea.Batch(cmds...)
}

// laterProfile hands the colour profile found after the start to Bubble
// Tea, whose renderer takes it from the message.
func laterProfile(found <-chan colorprofile.Profile) tea.Cmd {
	return receive(found, func(p colorprofile.Profile) tea.Msg { return tea.ColorProfileMsg{Profile: p} })
}

// receive is a Cmd that waits for the next value on ch and hands it on as
// msg makes it: nil when ch is nil (nothing to wait for) or closed.
func receive[T any](ch <-chan T, msg func(T) tea.Msg) tea.Cmd {
	if ch == nil {
		return nil
	}
	return func() tea.Msg {
		v, ok := <-ch
		if !ok {
			return nil
		}
		return msg(v)
	}
}

// Run opens the reader full screen until the user quits.
func Run(opts Options, progOpts ...tea.ProgramOption) error {
	_, err := runProgram(opts, progOpts...)
	return err
}

func (m Model) bodyHeight(p pane) int {
	// Laid out as if p had the focus: a narrow terminal shows one pane at
	// a time, and the hidden ones keep their size for when they return.
	return m.layout(p).panes[p].h
}
