package store

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/papertui/papers/feed"
)

// FeedStart is the first day a sync asks for: Daily Papers began in 2023,
// so earlier days can only be empty requests.
const FeedStart = "2023-01-01"

// maxSameFailures is how many windows in a row may fail the same way
// before a sync stops: the rest would most likely fail alike, slowly.
const maxSameFailures = 3

// syncDeadline bounds a whole sync: a few minutes, plus time for each
// window so a long backfill (paced to HF's rate limit) can finish.
// perWindow is the time a sync's deadline allows each request window.
const perWindow = 20 * time.Second

func syncDeadline(windows int) time.Duration {
	return 5*time.Minute + time.Duration(windows)*perWindow
}

// failureKind groups failures that predict each other: the host cannot be
// reached, it times out, it answers with an error status of one class, an
// HTML page instead of JSON, a day whose every item is rejected, or
// something that will never work (a bad certificate, a redirect loop).
// Failures of different kinds in a row are no reason to expect the next
// alike.
func failureKind(err error) string {
	var rejected rejectedDay
	switch {
	case err == nil:
		return ""
	case feed.Unreachable(err):
		return "unreachable"
	case errors.Is(err, feed.ErrPermanent):
		return "permanent"
	case errors.Is(err, context.DeadlineExceeded):
		return "timeout"
	case errors.As(err, &rejected):
		return "every item rejected"
	case feed.StatusOf(err) != 0:
		return fmt.Sprintf("HTTP %dxx", feed.StatusOf(err)/100)
	case feed.WrongKind(err):
		return "not JSON"
	}
	return "failed"
}

// stopper decides when a sync stops early, and says why.
type stopper struct {
	deadline time.Time
	kind     string
	run      int
}

func newStopper(windows int, now time.Time, deadline time.Duration) *stopper {
	if deadline <= 0 {
		deadline = syncDeadline(windows)
	}
	return &stopper{deadline: now.Add(deadline)}
}

// extend gives the sync the time of windows more requests (a month that
// had to be fetched day by day).
func (st *stopper) extend(windows int) {
	st.deadline = st.deadline.Add(time.Duration(windows) * perWindow)
}

// after records one window's outcome and returns why the sync must stop
// now, or nil to go on.
func (st *stopper) after(window string, err error) error {
	kind := failureKind(err)
	if kind != st.kind {
		st.kind, st.run = kind, 0
	}
	if kind == "" {
		return nil
	}
	st.run++
	switch {
	case kind == "unreachable":
		return fmt.Errorf("not fetched: the feed could not be reached (see %s)", window)
	case kind == "permanent":
		return fmt.Errorf("not fetched: asking again cannot succeed (see %s)", window)
	case st.run >= maxSameFailures, kind == "timeout" && st.run >= 2:
		// Two whole timeouts (each tried twice) already cost two minutes.
		return fmt.Errorf("not fetched: %d requests in a row failed the same way (%s, see %s); run `papers sync` again later", st.run, kind, window)
	}
	return nil
}

// expired says why the sync must stop before the next window, if its
// deadline has passed.
func (st *stopper) expired(now time.Time) error {
	if now.After(st.deadline) {
		return fmt.Errorf("not fetched: the sync ran past its deadline; run `papers sync` again to continue")
	}
	return nil
}
