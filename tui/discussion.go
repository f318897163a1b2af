package tui

import (
	"context"
	"fmt"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/papertui/papers/feed"
	"github.com/papertui/papers/store"
	"github.com/papertui/papers/tui/clean"
)

// A paper's discussion (comments, linked models, datasets and Spaces),
// fetched in the background when the paper is opened online, so the
// detail shows what is said now and the library keeps it for offline.
// The stored one shows meanwhile; a fresh one is not asked again.

// discussionFresh is how long a stored discussion is taken as current:
// opening a paper twice in a session asks Hugging Face once.
const discussionFresh = store.DiscussionFresh

// discussionTimeout bounds one discussion's fetch, retries included.
const discussionTimeout = time.Minute

// discussionFetched: a paper's discussion was fetched and stored (or
// not); fresh when the stored one was recent enough to keep.
type discussionFetched struct {
	id    string
	fresh bool
	err   error
}

// fetchDiscussion asks for paper id's discussion when the reader is
// online and has a fetcher; nil otherwise.
func (m Model) fetchDiscussion(id string) tea.Cmd {
	if m.opts.Texts == nil || m.sync.offline || m.texts.offline {
		return nil
	}
	lib, f := m.opts.Library, m.opts.Texts
	return func() tea.Msg {
		ctx, cancel := context.WithTimeout(context.Background(), discussionTimeout)
		defer cancel()
		if _, at, ok, err := lib.Discussion(ctx, id); err == nil && ok && time.Since(at) < discussionFresh {
			return discussionFetched{id: id, fresh: true}
		}
		d, err := f.Discussion(ctx, id)
		if err == nil {
			err = lib.PutDiscussion(ctx, d, time.Now())
		}
		return discussionFetched{id: id, err: err}
	}
}

// onDiscussionFetched shows a newly stored discussion in the detail when
// it shows that paper. Without a network the stored one stays, silently:
// the sync says when the reader is offline.
func (m Model) onDiscussionFetched(msg discussionFetched) (tea.Model, tea.Cmd) {
	switch {
	case msg.fresh:
		return m, nil
	case msg.err != nil && feed.Unreachable(msg.err):
		return m, nil
	case msg.err != nil:
		m.fail(clean.Line(fmt.Sprintf("discussion of %s not fetched: %s", msg.id, reasonFirst(feed.Reason(msg.err), msg.err.Error())))) // the why first: a narrow bar cuts the URL
		return m, nil
	}
	if !m.forgetDetail(msg.id) {
		return m, nil
	}
	return m, m.wantDetail()
}

// discussionsRefreshed: after a sync, the recent papers' stored
// discussions fetched again.
type discussionsRefreshed struct {
	ids []string
	err error
}

// refreshDiscussions fetches again, after a sync, the stale stored
// discussions of the last week's papers (store.RefreshDiscussions).
func (m Model) refreshDiscussions() tea.Cmd {
	if m.opts.Texts == nil {
		return nil
	}
	lib, f := m.opts.Library, m.opts.Texts
	return func() tea.Msg {
		ctx, cancel := context.WithTimeout(context.Background(), store.DiscussionRefreshes*discussionTimeout)
		defer cancel()
		ids, err := lib.RefreshDiscussions(ctx, f, time.Now())
		return discussionsRefreshed{ids: ids, err: err}
	}
}

// onDiscussionsRefreshed redraws the detail when it shows a paper whose
// discussion changed; a failure is said unless it is no network.
func (m Model) onDiscussionsRefreshed(msg discussionsRefreshed) (tea.Model, tea.Cmd) {
	var redraw bool
	for _, id := range msg.ids {
		redraw = m.forgetDetail(id) || redraw
	}
	if msg.err != nil && !feed.Unreachable(msg.err) {
		m.fail(clean.Line(fmt.Sprintf("discussions not refreshed: %v", msg.err)))
	}
	if !redraw {
		return m, nil
	}
	return m, m.wantDetail()
}
