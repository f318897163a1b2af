package tui

import (
	"errors"
	"fmt"
	"strings"

	"github.com/papertui/papers/feed"
	"github.com/papertui/papers/tui/clean"
)

// What a paper without its stored text says of it, in the detail's foot
// and in the reading pane alike (issue 12 item 4): whether it is queued,
// being fetched, why its last fetch failed and whether it will be tried
// again, and offline that the text comes with the next sync. One wording,
// from what the model knows (textfetch.go keeps each paper's last
// failure), so the two panes never disagree.

// textSituation is what the reader knows of a paper's missing text.
type textSituation struct {
	id       string
	queued   bool
	fetching bool
	offline  bool   // no network, or no fetcher: nothing is fetched now
	failed   error  // the last fetch's failure this session; nil when none
	absent   bool   // Hugging Face answered, in an earlier session, that it has no text
	queueKey string // the key that queues it, as bound (keyHint)
}

// textSituation gathers it from the model; cheap (the queue and a map).
func (m Model) textSituation(id string) textSituation {
	return textSituation{
		id:       id,
		queued:   m.isQueued(id),
		fetching: m.texts.isFetching(id),
		offline:  m.opts.Texts == nil || m.sync.offline || m.texts.offline,
		failed:   m.texts.lastErr[id],
		queueKey: keyHint(m.keys.Paper.ToggleQueue),
	}
}

// textAdvice says that the paper has no stored text, why, and what gets
// it: a paragraph of plain text (backquoted commands).
func textAdvice(s textSituation) string {
	if s.failed == nil && s.absent {
		s.failed = feed.ErrNotFound // the last answer, kept by the library
	}
	if s.fetching {
		return fmt.Sprintf("No full text stored for %s yet: fetching it now…", s.id)
	}
	parts := []string{fmt.Sprintf("No full text stored for %s.", s.id)}
	if s.failed != nil {
		parts = append(parts, "The last fetch failed: "+failureReason(s.failed)+".")
	}
	parts = append(parts, textPlan(s))
	return strings.Join(parts, " ")
}

// failureReason is why a fetch failed, in a few words.
func failureReason(err error) string {
	switch {
	case errors.Is(err, feed.ErrNotFound):
		return "Hugging Face has no text for it (404)"
	case feed.Unreachable(err):
		return "no network"
	}
	return clean.Line(err.Error())
}

// textPlan is what will bring the text, or what would. A failure other
// than the network's says when it is tried again, online or not: the next
// sync would not simply bring it.
func textPlan(s textSituation) string {
	fetch := fmt.Sprintf("`papers fetch %s`", s.id)
	notFound := s.failed != nil && errors.Is(s.failed, feed.ErrNotFound)
	failedThere := s.failed != nil && !feed.Unreachable(s.failed)
	switch {
	case notFound && s.queued:
		return "It is queued: each sync asks again, in case Hugging Face adds it."
	case notFound:
		return "Queued with " + s.queueKey + ", it is asked for again at each sync, in case Hugging Face adds it."
	case failedThere && s.queued:
		return "It is queued: each sync tries again, or run " + fetch + "."
	case failedThere:
		return s.queueKey + " queues it and tries again, or run " + fetch + "."
	case s.queued && s.offline:
		return "It is queued: its text comes with the next sync, or run " + fetch + " once online."
	case s.queued:
		return "It is queued: the next sync fetches it, or run " + fetch + "."
	case s.offline:
		return "You are offline: queue it with " + s.queueKey + " and its text comes with the next sync, or run " + fetch + " once online."
	}
	return s.queueKey + " queues it and fetches its text in the background, or run " + fetch + "."
}
