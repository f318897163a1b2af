package tui

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"charm.land/bubbles/v2/spinner"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"

	"github.com/papertui/papers/store"
)

// countingPages is the real library counting the pages and view counts
// asked of it.
type countingPages struct {
	*store.Store
	pages, counts *int
}

func (c countingPages) Entries(ctx context.Context, f store.Filter, offset, limit int) ([]store.Entry, error) {
	*c.pages++
	return c.Store.Entries(ctx, f, offset, limit)
}

func (c countingPages) CountUpTo(ctx context.Context, f store.Filter, limit int) (int, bool, error) {
	*c.counts++
	return c.Store.CountUpTo(ctx, f, limit)
}

// TestStartAsksTheFirstPageOnce: the view's first page and count are
// asked once at start, after the last visit is known; they were asked,
// then asked again when the last visit came back (the first answers
// dropped, the first rows late).
func TestStartAsksTheFirstPageOnce(t *testing.T) {
	var pages, counts int
	hs := newHarness(t, countingPages{newTestLibrary(t), &pages, &counts}, 160, 48)
	if pages != 1 || counts != 1 {
		t.Errorf("start asked %d pages and %d counts, want 1 and 1", pages, counts)
	}
	if hs.m.daily.since == 0 || hs.m.listFilter.NewSince != hs.m.daily.since {
		t.Errorf("the view's filter has NewSince %d, the last visit %d", hs.m.listFilter.NewSince, hs.m.daily.since)
	}
	hs.requireScreen("Diffusion")
}

// TestStartMarksNewRowsOnTheFirstPage: papers that arrived since the
// last visit are marked on the first page, with no reload.
func TestStartMarksNewRowsOnTheFirstPage(t *testing.T) {
	lib := newTestLibrary(t)
	newDay(t, lib, "2025-10-03", "2510.00010")
	var pages, counts int
	hs := newHarness(t, countingPages{lib, &pages, &counts}, 160, 48)
	if pages != 1 {
		t.Errorf("start asked %d pages, want 1", pages)
	}
	if l := lineOf(t, hs, "▲200"); !strings.Contains(l, newMark) {
		t.Errorf("new paper not marked on the first page: %q", l)
	}
}

// lastSeenFails is the real library whose last visit cannot be read.
type lastSeenFails struct{ *store.Store }

func (lastSeenFails) LastSeen(context.Context) (time.Time, error) {
	return time.Time{}, errors.New("disk I/O error")
}

// TestStartWithoutTheLastVisit: a last visit that cannot be read is
// reported, and the view loads all the same.
func TestStartWithoutTheLastVisit(t *testing.T) {
	hs := newHarness(t, lastSeenFails{newTestLibrary(t)}, 160, 48)
	hs.requireScreen("Diffusion")
	hs.requireScreen("last visit: disk I/O error")
}

// pagesFail is the real library whose view cannot be listed.
type pagesFail struct{ *store.Store }

func (pagesFail) Entries(context.Context, store.Filter, int, int) ([]store.Entry, error) {
	return nil, errors.New("disk I/O error")
}

// TestStartRestWaitsForAFailedPage: what the start asks after the first
// page (the queue, the library's count) is asked all the same when that
// page fails.
func TestStartRestWaitsForAFailedPage(t *testing.T) {
	lib := newTestLibrary(t)
	must(t, lib.Enqueue(context.Background(), "2510.00004"))
	hs := newHarness(t, pagesFail{lib}, 160, 48)
	hs.requireScreen("disk I/O error", "1 queued")
	if !hs.m.libCounted {
		t.Error("the library's count was never asked")
	}
}

// TestNothingDrawnBeforeTheFirstPage: the screen stays blank until the
// first page is in, then shows it whole; no page at all (a library that
// does not answer) shows the panes once the wait is over.
func TestNothingDrawnBeforeTheFirstPage(t *testing.T) {
	waiting := func() Model {
		m := testModel(Options{Library: newTestLibrary(t), Style: "dark"})
		m.frameWait = firstFrameWait
		return m
	}
	hs := &harness{t: t, m: waiting()}
	hs.send(tea.WindowSizeMsg{Width: 160, Height: 48})
	if c := hs.m.View().Content; c != "" {
		t.Fatalf("drawn before the first page:\n%s", c)
	}
	hs.run(hs.m.startCmd())
	hs.requireScreen("Diffusion", "papers · ")

	idle := &harness{t: t, m: waiting()}
	idle.send(tea.WindowSizeMsg{Width: 160, Height: 48})
	idle.send(firstFrameDue{})
	idle.requireScreen("Papers", "papers · ")
}

// TestStartCountFirstAsksNoPageAgain: the view's count, cheap, usually
// lands before its first page; the page being on its way, it is not
// asked for again (it was: two queries of the same rows at start).
func TestStartCountFirstAsksNoPageAgain(t *testing.T) {
	var pages, counts int
	hs := &harness{t: t, m: testModel(Options{Library: countingPages{newTestLibrary(t), &pages, &counts}, Style: "dark"})}
	hs.send(tea.WindowSizeMsg{Width: 160, Height: 48})
	last := runWithTimeout(t, hs.m.startCmd()) // the last visit
	next, start := hs.m.Update(last)
	hs.m = next.(Model)
	batch, ok := runWithTimeout(t, start).(tea.BatchMsg)
	if !ok || len(batch) < 2 {
		t.Fatalf("the start is %T, want a batch of the first page, its count and the rest", batch)
	}
	hs.send(runWithTimeout(t, batch[1])) // the count lands first
	hs.send(runWithTimeout(t, batch[0])) // then the page
	hs.run(batch[2])
	if pages != 1 {
		t.Errorf("start asked %d pages, want 1", pages)
	}
	hs.requireScreen("Diffusion")
}

// TestUnchangedLibraryDrawsNothing: the library's version, read at start
// and then every few seconds, draws the screen again only when it moved
// (the whole screen was laid out again for every look).
func TestUnchangedLibraryDrawsNothing(t *testing.T) {
	hs := newHarness(t, newTestLibrary(t), 160, 48)
	v := hs.m.dataVersion
	drawn := hs.m.drawSeq
	next, _ := hs.m.Update(libraryVersion{version: v})
	hs.m = next.(Model)
	if hs.m.drawSeq != drawn {
		t.Errorf("an unchanged library version drew the screen again (drawSeq %d → %d)", drawn, hs.m.drawSeq)
	}
}

// TestLaterColourProfile: a colour profile found after the start (tmux's
// answer) reaches Bubble Tea as its message, whose renderer takes it; no
// profile to wait for asks for nothing.
func TestLaterColourProfile(t *testing.T) {
	found := make(chan colorprofile.Profile, 1)
	found <- colorprofile.TrueColor
	msg := laterProfile(found)()
	if got, ok := msg.(tea.ColorProfileMsg); !ok || got.Profile != colorprofile.TrueColor {
		t.Errorf("laterProfile gave %#v, want the true colour profile", msg)
	}
	none := make(chan colorprofile.Profile)
	close(none)
	if msg := laterProfile(none)(); msg != nil {
		t.Errorf("a closed channel gave %#v, want nothing", msg)
	}
	if laterProfile(nil) != nil {
		t.Error("no channel gave a command")
	}
}

// TestRestoredSelectionIsTheFirstFrame: a session restored deep in a
// view opens on its paper's rows; the top rows, in before the selection
// is found, are not drawn for a frame first.
func TestRestoredSelectionIsTheFirstFrame(t *testing.T) {
	lib := synthLibrary(t, 600)
	hs := newHarness(t, lib, 160, 48)
	hs.keys("G")
	last := hs.m.session()
	if hs.m.list.cursor < 2*pageSize {
		t.Fatalf("G went to row %d: the test wants a selection past the first pages", hs.m.list.cursor)
	}
	m := testModel(Options{Library: lib, Style: "dark", Restore: &last})
	m.frameWait = firstFrameWait
	next := &harness{t: t, m: m}
	var framedAt = -1
	next.observe = func(m Model) {
		if m.framed && framedAt < 0 {
			framedAt = m.list.offset
		}
	}
	next.send(sizeMsg(160, 48))
	// Run one at a time, the wait's end left out: the rows, not the
	// timer, are to end the blank screen here.
	drain(t, next.m.Init(), func(msg tea.Msg) tea.Cmd {
		switch msg.(type) {
		case firstFrameDue, spinner.TickMsg, themeTimedOut, watchDue:
			return nil
		}
		return next.update(msg)
	})
	if framedAt < 2*pageSize {
		t.Errorf("the first frame showed the rows from %d; want the restored selection's (row %d)", framedAt, next.m.list.cursor)
	}
	if got := next.m.session().Selected; got != last.Selected {
		t.Errorf("restored on %s, want %s", got, last.Selected)
	}
}
