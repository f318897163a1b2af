package tui

import (
	"context"
	"fmt"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/papertui/papers/feed"
	"github.com/papertui/papers/store"
)

func TestFirstFrameShowsNewestDayFirst(t *testing.T) {
	hs := newHarness(t, newTestLibrary(t), 160, 48)
	hs.requireScreen("Papers 1/6", "Thu 2 Oct 2025", "Sparse Attention at Scale", "Wed 1 Oct 2025", "Tue 30 Sep 2025")
	s := hs.screen()
	if strings.Index(s, "2 Oct 2025") > strings.Index(s, "1 Oct 2025") {
		t.Error("newest day is not first")
	}
	if hs.selectedID() != "2510.00001" {
		t.Errorf("selected %s", hs.selectedID())
	}
}

func TestNavigationKeys(t *testing.T) {
	hs := newHarness(t, newTestLibrary(t), 80, 24)
	steps := []struct {
		key  string
		want string
	}{
		{"j", "2510.00002"}, {"down", "2510.00003"}, {"k", "2510.00002"}, {"up", "2510.00001"},
		{"G", "2509.00006"}, {"g", "2510.00001"}, {"ctrl+d", "2509.00006"}, {"ctrl+u", "2510.00001"},
		{"pgdown", "2509.00006"}, {"pgup", "2510.00001"},
	}
	for _, s := range steps {
		hs.keys(s.key)
		if got := hs.selectedID(); got != s.want {
			t.Fatalf("after %s: selected %s, want %s", s.key, got, s.want)
		}
	}
}

func TestOpenMarksReadAndEscGoesBack(t *testing.T) {
	lib := newTestLibrary(t)
	hs := newHarness(t, lib, 80, 24)
	hs.keys("j", "enter")
	if hs.m.focus != paneDetail {
		t.Fatalf("focus = %v after enter", hs.m.focus)
	}
	hs.requireScreen("Café", "Authors", "Abstract", "α-scaled", "O(n²)")
	rec := record(t, lib, "2510.00002")
	if !rec.Read {
		t.Error("opening did not mark the paper read")
	}
	hs.keys("esc")
	if hs.m.focus != paneList || hs.selectedID() != "2510.00002" {
		t.Fatalf("esc: focus %v selected %s", hs.m.focus, hs.selectedID())
	}
	hs.keys("m")
	if rec := record(t, lib, "2510.00002"); rec.Read {
		t.Error("m did not mark unread")
	}
	hs.keys("m")
	if rec := record(t, lib, "2510.00002"); !rec.Read {
		t.Error("m did not mark read again")
	}
}

func TestQueueKeysWriteThrough(t *testing.T) {
	lib := newTestLibrary(t)
	hs := newHarness(t, lib, 200, 50)
	hs.keys("b", "j", "b", "j", "b")
	assertQueue(t, lib, "2510.00001", "2510.00002", "2510.00003")
	hs.keys("3") // queue pane
	hs.keys("J")
	assertQueue(t, lib, "2510.00002", "2510.00001", "2510.00003")
	hs.keys("G", "K", "K")
	assertQueue(t, lib, "2510.00003", "2510.00002", "2510.00001")
	if r, _ := hs.m.queue.selected(); r.ID != "2510.00003" {
		t.Errorf("queue cursor on %s, want the moved paper", r.ID)
	}
	hs.keys("K") // at the top: says why nothing moved
	if hs.m.notice != "already first in the queue" {
		t.Errorf("K on the first paper says %q", hs.m.notice)
	}
	hs.keys("x")
	assertQueue(t, lib, "2510.00002", "2510.00001")
	if rec := record(t, lib, "2510.00003"); !rec.Read || rec.Queued {
		t.Errorf("x: %+v", rec)
	}
	hs.keys("b") // from the queue pane: unqueue the selection
	assertQueue(t, lib, "2510.00001")
	hs.requireScreen("Queue (1)")
	hs.keys("enter")
	if hs.m.focus != paneDetail || hs.m.detail.shown.id != "2510.00001" {
		t.Errorf("enter in queue: focus %v detail %s", hs.m.focus, hs.m.detail.shown.id)
	}
}

func assertQueue(t *testing.T, lib Library, want ...string) {
	t.Helper()
	q, err := lib.Queue(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, r := range q {
		got = append(got, r.ID)
	}
	if strings.Join(got, ",") != strings.Join(want, ",") {
		t.Fatalf("queue = %v, want %v", got, want)
	}
}

func TestUnreadOnlyToggles(t *testing.T) {
	lib := newTestLibrary(t)
	must(t, lib.SetRead(context.Background(), true, "2510.00001", "2510.00004"))
	hs := newHarness(t, lib, 160, 48)
	hs.keys("u")
	hs.requireScreen("Papers · unread 1/4")
	if strings.Contains(hs.screen(), "Sparse Attention") {
		t.Error("read paper shown in unread view")
	}
	hs.keys("u")
	// The selection stayed on the paper it moved to when the read one left.
	hs.requireScreen("Papers 2/6", "Sparse Attention")
}

// TestReadingInTheUnreadViewLeavesIt: m on a paper with u on takes it
// out of the view, its neighbour selected and the counts agreeing (it
// stayed, ticked, with the title counting one paper fewer).
func TestReadingInTheUnreadViewLeavesIt(t *testing.T) {
	hs := newHarness(t, newTestLibrary(t), 160, 48)
	hs.keys("u")
	hs.requireScreen("Papers · unread 1/6")
	first, second := hs.selectedID(), ""
	if r, ok := hs.m.list.at(1); ok {
		second = r.ID
	}
	hs.keys("m")
	hs.requireScreen("Papers · unread 1/5")
	if got := hs.selectedID(); got == first || got != second {
		t.Errorf("selection on %s after reading %s, want its neighbour %s", got, first, second)
	}
}

func TestPanesAndTabs(t *testing.T) {
	hs := newHarness(t, newTestLibrary(t), 80, 24)
	for _, c := range []struct {
		key  string
		want pane
	}{{"tab", paneDetail}, {"tab", paneQueue}, {"tab", paneList}, {"shift+tab", paneQueue}, {"2", paneDetail}, {"1", paneList}, {"3", paneQueue}} {
		hs.keys(c.key)
		if hs.m.focus != c.want {
			t.Fatalf("after %s focus = %v, want %v", c.key, hs.m.focus, c.want)
		}
	}
	hs.requireScreen("1 Papers", "2 Detail", "3 Queue", "The queue is empty")
}

func TestHelpIsGeneratedFromBindings(t *testing.T) {
	hs := newHarness(t, newTestLibrary(t), 160, 48)
	hs.keys("?")
	s := hs.screen()
	for _, k := range hs.m.keys.helpBindings() {
		if !strings.Contains(s, k.Help().Desc) {
			t.Errorf("help lacks %q", k.Help().Desc)
		}
	}
	for _, g := range hs.m.keys.groups() {
		if !strings.Contains(s, g.title) {
			t.Errorf("help lacks the heading %q", g.title)
		}
	}
	hs.keys("x")
	if hs.m.showHelp || hs.selectedID() != "2510.00001" {
		t.Error("a key on the help screen should only close it")
	}
}

// TestHelpScrollsToTheEnd: on the smallest terminal every line of the
// help can be scrolled into sight, and esc closes it.
func TestHelpScrollsToTheEnd(t *testing.T) {
	hs := newHarness(t, newTestLibrary(t), minWidth, minHeight)
	hs.keys("?")
	seen := map[string]bool{}
	look := func() {
		for _, l := range strings.Split(hs.screen(), "\n") {
			seen[strings.Trim(l, "│ ")] = true
		}
	}
	look()
	for range 1000 { // until the help stops scrolling
		before := hs.m.helpOffset
		hs.keys("j")
		look()
		if hs.m.helpOffset == before {
			break
		}
	}
	hs.keys("g")
	look()
	if !hs.m.showHelp {
		t.Fatal("movement keys closed the help")
	}
	for _, l := range hs.m.helpLines(hs.m.helpRect().w - 2) {
		if l := strings.TrimSpace(ansi.Strip(l)); l != "" && !seen[l] {
			t.Errorf("help line never shown: %q", l)
		}
	}
	hs.keys("esc")
	if hs.m.showHelp || hs.m.focus != paneList {
		t.Error("esc did not close the help")
	}
}

// TestAllAuthorsKey: on a paper with more authors than the detail lists,
// a shows the ones cut, and a again cuts them.
func TestAllAuthorsKey(t *testing.T) {
	lib := newTestLibrary(t)
	many := feed.Paper{ID: "2510.09020", Title: "Twenty Authors", Day: "2025-10-03"}
	for i := 1; i <= 20; i++ {
		many.Authors = append(many.Authors, feed.Author{Name: fmt.Sprintf("Author%02d", i)})
	}
	if _, err := lib.SaveDay(context.Background(), many.Day, []feed.Paper{many}); err != nil {
		t.Fatal(err)
	}
	hs := newHarness(t, lib, 160, 48)
	hs.keys("enter")
	hs.requireScreen("Twenty Authors", "Author10", "a shows all")
	if strings.Contains(hs.screen(), "Author20") {
		t.Fatal("the 20th author shows before a")
	}
	hs.keys("a")
	hs.requireScreen("Author11", "Author20")
	hs.keys("a")
	if strings.Contains(hs.screen(), "Author20") {
		t.Error("a again did not cut the authors")
	}
}

func TestResizeKeepsSelectionAndTooSmall(t *testing.T) {
	hs := newHarness(t, newTestLibrary(t), 160, 48)
	hs.keys("j", "j", "j")
	hs.send(sizeMsg(80, 24))
	if hs.selectedID() != "2510.00004" {
		t.Errorf("selection moved on resize: %s", hs.selectedID())
	}
	hs.send(sizeMsg(50, 10))
	hs.requireScreen("terminal too small")
	hs.send(sizeMsg(200, 60))
	hs.requireScreen("Queue (0)", "Detail")
	if hs.selectedID() != "2510.00004" {
		t.Errorf("selection moved on resize: %s", hs.selectedID())
	}
}

func TestHostileTextNeverReachesTheScreen(t *testing.T) {
	hs := newHarness(t, newTestLibrary(t), 160, 48)
	hs.keys("j", "j", "enter")
	raw := hs.m.View().Content
	for _, bad := range []string{"\x1b]52", "\x1b[2J", "\u202e", "\u2066", "\x07", "\x1b[31mRed", "\x1b[5m",
		"\x1b]8;", "\x1bP", "\u009b", "\u009d", "\u200b", "javascript"} {
		if strings.Contains(raw, bad) {
			t.Errorf("screen carries %q", bad)
		}
	}
	hs.requireScreen("Evil Red Title", "BadOrg")
	// Wide and combining text is measured right: no line overflows.
	for i, line := range strings.Split(hs.screen(), "\n") {
		if w := ansi.StringWidth(line); w > 160 {
			t.Errorf("line %d is %d cells wide", i, w)
		}
	}
}

func TestEmptyLibraryExplains(t *testing.T) {
	hs := newHarness(t, emptyLibrary(t), 80, 24)
	hs.requireScreen("The library is empty", "papers sync", "papers import")
	// A search there finds nothing for that reason, and says so.
	hs.keys("/", "d", "i", "f", "f", "enter")
	hs.requireScreen("No papers match diff", "The library is empty: r syncs the feed.")
}

// sharedLibrary is the fixture library opened twice at one path: the
// reader's connection and another process's.
func sharedLibrary(t *testing.T) (reader, other *store.Store) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "shared.db")
	var err error
	if reader, err = store.Open(path); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { reader.Close() })
	for day, ps := range fixturePapers() {
		if _, err := reader.SaveDay(context.Background(), day, ps); err != nil {
			t.Fatal(err)
		}
	}
	if other, err = store.Open(path); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { other.Close() })
	return reader, other
}

// TestOutsideChangesShowUp: a sync or queue change by another process
// appears in the reader without a key press, selection kept.
func TestOutsideChangesShowUp(t *testing.T) {
	reader, other := sharedLibrary(t)
	hs := newHarness(t, reader, 160, 48)
	hs.keys("j")
	other.SaveDay(context.Background(), "2025-10-03", []feed.Paper{{ID: "2510.00010", Title: "Brand New Paper", Day: "2025-10-03"}})
	other.Enqueue(context.Background(), "2509.00006")
	hs.send(watchDue{})
	hs.requireScreen("Brand New Paper", "1 queued", "Papers 3/7")
	if hs.selectedID() != "2510.00002" {
		t.Errorf("selection moved to %s", hs.selectedID())
	}
}

// keysAtOnce presses keys before any of their commands has run, as a fast
// typist does, then runs the commands last key first: the order the
// writes land in must not matter.
func (hs *harness) keysAtOnce(keys ...string) {
	hs.t.Helper()
	var cmds []tea.Cmd
	for _, k := range keys {
		next, cmd := hs.m.Update(keyMsg(k))
		hs.m = next.(Model)
		cmds = append(cmds, cmd)
	}
	for i := len(cmds) - 1; i >= 0; i-- {
		hs.run(cmds[i])
	}
}

func TestFastKeysWriteWhatWasAsked(t *testing.T) {
	lib := newTestLibrary(t)
	hs := newHarness(t, lib, 200, 50)
	hs.keysAtOnce("b", "b") // queue, then unqueue
	assertQueue(t, lib)
	hs.keysAtOnce("m", "m", "m") // read, unread, read
	if rec := record(t, lib, "2510.00001"); !rec.Read {
		t.Error("m m m left the paper unread")
	}
	hs.keysAtOnce("b", "j", "b", "j", "b", "j", "b")
	assertQueue(t, lib, "2510.00001", "2510.00002", "2510.00003", "2510.00004")
	hs.keys("3")
	hs.keysAtOnce("G", "K", "K")
	assertQueue(t, lib, "2510.00001", "2510.00004", "2510.00002", "2510.00003")
	if r, _ := hs.m.queue.selected(); r.ID != "2510.00004" {
		t.Errorf("cursor on %s, want the moved paper", r.ID)
	}
	hs.keysAtOnce("x", "x")
	assertQueue(t, lib, "2510.00001", "2510.00003")
}

// TestCountsFormattedAlike: the position and the total of the title use
// the same digit grouping.
func TestCountsFormattedAlike(t *testing.T) {
	if got := countOf(9577, 9577); got != "9,577/9,577" {
		t.Errorf("countOf = %q", got)
	}
	hs := newHarness(t, newTestLibrary(t), 100, 24)
	hs.m.list.total, hs.m.list.cursor = 12345, 1233
	hs.requireScreen("Papers 1,234/12,345")
}

// countingCounts is the real library counting the view counts asked of
// it: each reload of the view asks one.
type countingCounts struct {
	*store.Store
	counts *int
}

func (c countingCounts) Count(ctx context.Context, f store.Filter) (int, error) {
	*c.counts++
	return c.Store.Count(ctx, f)
}

func (c countingCounts) CountUpTo(ctx context.Context, f store.Filter, limit int) (int, bool, error) {
	*c.counts++
	return c.Store.CountUpTo(ctx, f, limit)
}

// TestOwnWritesDoNotReload: the watch reloads the view for another
// process's commits, not for the reader's own b and m.
func TestOwnWritesDoNotReload(t *testing.T) {
	reader, other := sharedLibrary(t)
	counts := 0
	hs := newHarness(t, countingCounts{reader, &counts}, 160, 48)
	hs.send(watchDue{}) // the first look sets the mark
	hs.keys("b", "m")
	before := counts
	hs.send(watchDue{})
	if counts != before {
		t.Errorf("the reader's own writes reloaded the view (%d counts asked)", counts-before)
	}
	if err := other.Enqueue(context.Background(), "2509.00006"); err != nil {
		t.Fatal(err)
	}
	hs.send(watchDue{})
	if counts == before {
		t.Error("another process's write did not reload the view")
	}
}

// TestTextFetchedElsewhereIsReadAnew: a text another process stored again
// (papers fetch --refresh) is what the reading pane shows at its next
// opening, not the copy cleaned earlier in the session.
func TestTextFetchedElsewhereIsReadAnew(t *testing.T) {
	reader, other := sharedLibrary(t)
	text := func(words string) string {
		return "Title: A Paper\n\nURL Source: https://arxiv.org/html/2510.00001\n\nMarkdown Content:\n" + words + "\n"
	}
	storeText(t, reader, "2510.00001", text("The first version of the text."))
	hs := newHarness(t, reader, 120, 40)
	hs.keys("R")
	hs.requireScreen("first version")
	hs.keys("esc")
	storeText(t, other, "2510.00001", text("The second version of the text."))
	hs.send(watchDue{})
	hs.keys("R")
	hs.requireScreen("second version")
}

// TestSyncElsewhereUpdatesTheDetail: a sync in another terminal that
// moves the selected paper's upvotes shows the new count in its detail,
// as in its row (the detail kept the rendering of the record before).
func TestSyncElsewhereUpdatesTheDetail(t *testing.T) {
	reader, other := sharedLibrary(t)
	hs := newHarness(t, reader, 160, 48)
	hs.send(watchDue{}) // the first look sets the mark
	id := hs.selectedID()
	rec := record(t, other, id)
	rec.Paper.Upvotes += 500
	if _, err := other.SaveDay(context.Background(), rec.Paper.Day, []feed.Paper{rec.Paper}); err != nil {
		t.Fatal(err)
	}
	hs.send(watchDue{})
	want := fmt.Sprintf("%d upvotes", rec.Paper.Upvotes)
	if got := hs.flatDetail(); !strings.Contains(got, want) {
		t.Errorf("detail after the sync elsewhere lacks %q:\n%s", want, got)
	}
}

// TestSearchLetterKeepsTheDetail: between a search letter and its rows,
// the replaced view's rows stay drawn, and so does their detail: it went
// blank ("loading…") while the new view looked for the selection.
func TestSearchLetterKeepsTheDetail(t *testing.T) {
	hs := newHarness(t, newTestLibrary(t), 160, 48)
	hs.keys("/")
	blank := 0
	hs.observe = func(m Model) {
		if strings.Contains(ansi.Strip(m.View().Content), "loading…") {
			blank++
		}
	}
	hs.keys(strings.Split("diffusion", "")...) // every prefix finds papers, not the selection
	hs.observe = nil
	if blank > 0 {
		t.Errorf("the detail went blank %d times while typing", blank)
	}
	hs.requireScreen("Diffusion Models Without Noise Schedules")
}

// TestLetterAfterAnEmptySearchShowsNoLoading: a letter typed after a
// search that found nothing keeps the empty view drawn, and its empty
// detail, until the new rows come (it said "loading…").
func TestLetterAfterAnEmptySearchShowsNoLoading(t *testing.T) {
	hs := newHarness(t, newTestLibrary(t), 160, 48)
	hs.keys("/", "q", "x", "z")
	blank := 0
	hs.observe = func(m Model) {
		if m.list.shown != nil && strings.Contains(ansi.Strip(m.View().Content), "loading…") {
			blank++
		}
	}
	hs.keys("q")
	if blank > 0 {
		t.Errorf("the detail said loading… %d times over an empty view", blank)
	}
}

// TestEmptyDetailHasNoPercent: a search that finds nothing leaves the
// detail empty, and its title gives no place in it ("Detail 0%").
func TestEmptyDetailHasNoPercent(t *testing.T) {
	hs := newHarness(t, newTestLibrary(t), 160, 15)
	if !strings.Contains(hs.screen(), "Detail  ") && !strings.Contains(hs.screen(), "%") {
		t.Fatal("the first paper's detail does not scroll at this height")
	}
	hs.keys("/", "q", "x", "z", "q", "enter")
	if screen := hs.screen(); regexp.MustCompile(`Detail +[0-9]+%`).MatchString(screen) || !strings.Contains(screen, "Detail") {
		t.Errorf("empty detail's title:\n%s", screen)
	}
}

// TestOutsideChangeDuringOwnWriteShowsUp: another process's commit made
// between two looks, when one of the reader's own writes lands after it,
// still shows at the next look (the write's version was taken as the mark
// and the outside commit was never seen).
func TestOutsideChangeDuringOwnWriteShowsUp(t *testing.T) {
	reader, other := sharedLibrary(t)
	hs := newHarness(t, reader, 160, 48)
	hs.send(watchDue{}) // the first look sets the mark
	if _, err := other.SaveDay(context.Background(), "2025-10-03", []feed.Paper{{ID: "2510.00010", Title: "Brand New Paper", Day: "2025-10-03"}}); err != nil {
		t.Fatal(err)
	}
	hs.keys("b") // the reader's own write, before the next look
	hs.send(watchDue{})
	hs.requireScreen("Brand New Paper")
}

// TestTooSmallIgnoresKeys: with the terminal too small, nothing of the
// reader is on screen, so b, m and c do nothing (they queued and marked
// papers unseen); q still quits.
func TestTooSmallIgnoresKeys(t *testing.T) {
	lib := newTestLibrary(t)
	hs := newHarness(t, lib, 160, 48)
	hs.send(tea.WindowSizeMsg{Width: 20, Height: 5})
	hs.requireScreen("too small")
	hs.keys("b", "m", "c")
	assertQueue(t, lib)
	if rec := record(t, lib, hs.selectedID()); rec.Read {
		t.Error("m marked a paper read on a screen too small to show it")
	}
	next, cmd := hs.m.Update(keyMsg("q"))
	hs.m = next.(Model)
	if cmd == nil {
		t.Error("q did not quit")
	}
}
