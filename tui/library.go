// Package tui is the reader: a list of papers by feed day, the selected
// paper's detail, and the reading queue. It runs no SQL and no HTTP itself:
// everything goes through the Library, in tea.Cmds, and comes back as
// messages.
//
// A pane is one file, end to end (list.go, detail.go, queue.go): its
// state, its keys, its update on its own messages, its view and its
// Cmds. The reading pane, over the others while open, is reader.go with
// readerrender.go, readerview.go and readersearch.go. Features across
// panes have a file each (search.go, sort.go, period.go, reload.go,
// syncing.go, remote.go, watch.go, help.go, status.go, textfetch.go; the
// daily loop in daily.go, catchup.go, tags.go, notes.go, follows.go,
// modal.go and dailykeys.go). The root (model.go, update.go, view.go, layout.go) only
// routes and lays out. Three files hold the rules every pane follows:
// keys.go (every action's name and default keys), guard.go (the one
// guard against stale results) and state.go (the one path of a change to
// a paper's state). What a user configures has a file each: bindings.go
// (keys remapped by action name), palette.go (the theme's colours),
// columns.go (the list's columns and the widths), session.go (what is
// restored on open), firstframe.go (what waits for the first frame).
package tui

import (
	"context"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/papertui/papers/feed"
	"github.com/papertui/papers/store"
)

// Every Cmd captures the values it needs before its closure runs; none
// reads the live model.

// queryTimeout bounds one library query so a stuck disk cannot hang a Cmd forever.
const queryTimeout = 10 * time.Second

// libCmd runs fn off the UI loop with a context bounded by queryTimeout:
// the shape of every Cmd that asks the library something.
func libCmd(fn func(ctx context.Context) tea.Msg) tea.Cmd {
	return reqCmd(request{ctx: context.Background()}, fn)
}

// reqCmd is libCmd on behalf of a request: a newer request of its topic
// cancels the query.
func reqCmd(req request, fn func(ctx context.Context) tea.Msg) tea.Cmd {
	return func() tea.Msg {
		ctx, cancel := context.WithTimeout(req.ctx, queryTimeout)
		defer cancel()
		return fn(ctx)
	}
}

// Library is what the reader needs of the store.
type Library interface {
	Entries(ctx context.Context, f store.Filter, offset, limit int) ([]store.Entry, error)
	Count(ctx context.Context, f store.Filter) (int, error)
	FirstPosition(ctx context.Context, f store.Filter, ids []string) (id string, index int, ok bool, err error)
	CountUpTo(ctx context.Context, f store.Filter, limit int) (int, bool, error)
	Record(ctx context.Context, id string) (store.Record, error)
	Queue(ctx context.Context) ([]store.Record, error)
	Enqueue(ctx context.Context, ids ...string) error
	Dequeue(ctx context.Context, ids ...string) error
	Done(ctx context.Context, ids ...string) error
	Move(ctx context.Context, id string, position int) error
	SetRead(ctx context.Context, read bool, ids ...string) error
	Sync(ctx context.Context, f store.Fetcher, plan store.SyncPlan, progress func(store.SyncProgress)) (store.SyncReport, error)
	LastSync(ctx context.Context) (time.Time, bool)
	NeighbourDay(ctx context.Context, day string, dir int) (string, error)
	GapBefore(ctx context.Context, day string) (from, to string, err error)
	SavePapers(ctx context.Context, papers []feed.Paper) (store.Saved, error)
	DataVersion(ctx context.Context) (int64, error)
	// The reading pane's (reader.go, textfetch.go).
	Text(ctx context.Context, id string) (store.Text, error)
	NeedsText(ctx context.Context, id string, latest int) (bool, error)
	PutText(ctx context.Context, t feed.FullText, fetched time.Time) error
	// MarkTextAbsent and TextAbsent keep Hugging Face's answer that it
	// has no text of a paper (a 404) past the session.
	MarkTextAbsent(ctx context.Context, id string, asked time.Time) error
	TextAbsent(ctx context.Context, id string) (time.Time, bool, error)
	QueuedWithoutText(ctx context.Context) ([]string, error)
	Reading(ctx context.Context, id string) (store.Reading, bool, error)
	SetReading(ctx context.Context, id string, r store.Reading) error
	QueueProgress(ctx context.Context) (map[string]int, error)
	// The sentence a text: search matched, for the detail (textmatch.go).
	TextSentence(ctx context.Context, id string, terms []string) (string, error)
	Discussion(ctx context.Context, id string) (feed.Discussion, time.Time, bool, error)
	PutDiscussion(ctx context.Context, d feed.Discussion, fetched time.Time) error
	RefreshDiscussions(ctx context.Context, f store.DiscussionFetcher, now time.Time) ([]string, error)
	// Which stored texts to check against arXiv's latest version (textversions.go).
	QueuedTextsToCheck(ctx context.Context, before time.Time) ([]string, error)
	MarkVersionsChecked(ctx context.Context, ids []string, at time.Time) error
	MarkVersionAsked(ctx context.Context, id string, latest int, at time.Time) error
}

// TextFetcher fetches whole papers and their discussions (feed.Client);
// the reader asks it in Cmds and stores what it answers in the Library.
type TextFetcher interface {
	FullText(ctx context.Context, id string) (feed.FullText, error)
	Discussion(ctx context.Context, id string) (feed.Discussion, error)
}

// VersionChecker answers the latest arXiv version of papers (feed.Client
// on arXiv's export API); an id it does not know is absent.
type VersionChecker interface {
	Versions(ctx context.Context, ids []string) (map[string]int, error)
}

// RemoteSearcher is Hugging Face's paper search (feed.Client).
type RemoteSearcher interface {
	Search(ctx context.Context, query string, limit int) ([]feed.Paper, error)
}

var (
	_ Library     = (*store.Store)(nil)
	_ TextFetcher = (*feed.Client)(nil)
)
