package tui

import (
	"github.com/papertui/papers/store"
)

// Messages are named after the facts they report.

// countLoaded: how many papers the view holds.
type countLoaded struct {
	gen   int
	total int
	err   error
}

// pageLoaded: one page of the view's rows.
type pageLoaded struct {
	gen  int
	page int
	rows []row
	err  error
}

// detailRendered: a paper's detail, rendered for a width and style.
type detailRendered struct {
	key     detailKey
	record  store.Record
	content string
	hits    []int // lines holding a search word
	err     error
}

// queueLoaded: the reading queue, in order.
type queueLoaded struct {
	records []store.Record
	err     error
}

// stateSaved: a queue or read change has been committed (or failed).
type stateSaved struct {
	change change
	id     string
	err    error
}

// change is one kind of change to the reader's state of a paper.
type change int

const (
	changeOpened change = iota // read by opening it
	changeRead                 // marked read with m
	changeUnread               // marked unread with m
	changeQueued
	changeUnqueued
	changeMoved
	changeDone
)

// String is how the status bar says it.
func (c change) String() string {
	return [...]string{"read", "marked read", "marked unread", "queued", "unqueued", "moved", "done"}[c]
}

// selectionFound: where the selected paper (or, when it left the view,
// its nearest neighbour still there) sits after the view changed; index
// is -1 when none of them is.
type selectionFound struct {
	gen   int
	index int
	id    string
	err   error
}

// syncProgressed and syncFinished report a background sync.
type syncProgressed struct{ p store.SyncProgress }

type syncFinished struct {
	report store.SyncReport
	err    error
}

// themeTimedOut: the terminal never said its background colour.
type themeTimedOut struct{}

// opened: a link was handed to the browser (or could not be).
type opened struct {
	url string
	err error
}
