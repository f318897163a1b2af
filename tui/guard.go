package tui

import "context"

// The one guard against stale results. A fetch whose answer may come
// back after the user has moved on (the list's view, a detail, the queue,
// a search's debounce) is a request of a topic. begin starts a request
// and ends the one before it of the same topic: its context is cancelled,
// so a query still running stops, and its answer, when it comes, is
// dropped by current. Nothing else decides whether a result is stale.

// topic is a line of requests where only the latest one counts.
type topic int

const (
	topicView   topic = iota // the list's count, pages and selection, remote results
	topicDetail              // a detail rendering
	topicQueue               // the queue, read back from the library
	topicSearch              // a search waiting for typing to pause
	topicCounts              // the view's unread and new counts (daily.go)
	topicReader              // the reading pane's text, opened and rendered
	topicCount
)

// token names one request: its topic and its number in that topic.
type token struct {
	topic topic
	id    uint64
}

// requests holds the latest request of each topic. Models are copied on
// every message; the arrays are copied with them, and the contexts and
// cancel functions they hold are shared, as they should be.
type requests struct {
	latest [topicCount]uint64
	ctx    [topicCount]context.Context
	cancel [topicCount]context.CancelFunc
}

// request is one request: its token, which its result carries back, and
// its context, which the Cmds that answer it run under.
type request struct {
	tok token
	ctx context.Context
}

// begin starts a new request of topic t, ending the one before it.
func (r *requests) begin(t topic) request {
	if r.cancel[t] != nil {
		r.cancel[t]()
	}
	r.latest[t]++
	r.ctx[t], r.cancel[t] = context.WithCancel(context.Background())
	return request{tok: token{topic: t, id: r.latest[t]}, ctx: r.ctx[t]}
}

// running is the latest request of topic t, for more queries on its
// behalf (the pages of a view as the user scrolls); it begins one when
// there is none yet.
func (r *requests) running(t topic) request {
	if r.ctx[t] == nil {
		return r.begin(t)
	}
	return request{tok: token{topic: t, id: r.latest[t]}, ctx: r.ctx[t]}
}

// end ends the latest request of topic t without starting another: what
// it was for is no longer wanted.
func (r *requests) end(t topic) {
	if r.cancel[t] != nil {
		r.cancel[t]()
	}
	r.latest[t]++
	r.ctx[t], r.cancel[t] = nil, nil
}

// current says whether a result answers the latest request of its
// topic: the one place a stale result is dropped.
func (r requests) current(tok token) bool {
	return tok.id == r.latest[tok.topic]
}
