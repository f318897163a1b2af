package tui

import (
	"context"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/papertui/papers/store"
	"github.com/papertui/papers/store/query"
)

func (hs *harness) typeText(s string) {
	hs.t.Helper()
	for _, r := range s {
		hs.keys(string(r))
	}
}

func TestSearchAsYouTypeAndEscRestores(t *testing.T) {
	hs := newHarness(t, newTestLibrary(t), 160, 48)
	hs.keys("j", "j", "j")
	before := hs.selectedID()
	hs.keys("/")
	if !hs.m.search.typing {
		t.Fatal("/ did not open the search box")
	}
	hs.typeText("diffus")
	if hs.m.list.total != 1 || hs.selectedID() != "2510.00004" {
		t.Fatalf("prefix search: %d results, selected %s", hs.m.list.total, hs.selectedID())
	}
	hs.requireScreen("/ diffus", "Diffusion Models Without Noise Schedules")
	// Search hits are marked in the detail too, and n/N move between them.
	hs.keys("enter", "enter")
	if hs.m.focus != paneDetail || len(hs.m.detail.hits) == 0 {
		t.Fatalf("detail hits = %v", hs.m.detail.hits)
	}
	hs.keys("esc", "esc")
	if hs.m.search.active || hs.selectedID() != before || hs.m.list.total != 6 {
		t.Errorf("esc: active %v, selected %s (want %s), total %d", hs.m.search.active, hs.selectedID(), before, hs.m.list.total)
	}
}

func TestSearchAwkwardTextAndFilters(t *testing.T) {
	for _, c := range []struct {
		text string
		want int
	}{
		{"gpt-4", 0}, {"c++", 0}, // no paper holds c++: the hostile title's OSC payload ";c;" is a mere c {`"unbalanced`, 0}, {"AND", 0}, {"(((", 6}, {"café", 1},
		{"author:knuth", 1}, {"org:example", 1}, {"upvotes:>50", 3}, {"day:2025-10-01", 2},
		{"since:2025-10-01 until:2025-10-01", 2}, {"is:unread", 6}, {"has:code", 6}, {"kw:scaling", 5},
		{"attention upvotes:>100", 1},
	} {
		hs := newHarness(t, newTestLibrary(t), 160, 48)
		hs.keys("/")
		hs.typeText(c.text)
		if hs.m.errMsg != "" || hs.m.list.total != c.want {
			t.Errorf("%q: %d results (want %d), error %q", c.text, hs.m.list.total, c.want, hs.m.errMsg)
		}
	}
}

func TestBadFilterIsAOneLineError(t *testing.T) {
	hs := newHarness(t, newTestLibrary(t), 160, 48)
	hs.keys("/")
	hs.typeText("sparse")
	hs.send(tea.PasteMsg{Content: " upvotes:>lots"})
	if hs.m.errMsg == "" || strings.Contains(hs.m.errMsg, "\n") {
		t.Fatalf("error = %q", hs.m.errMsg)
	}
	if hs.m.list.total != 1 {
		t.Errorf("a bad filter changed the results: %d", hs.m.list.total)
	}
	hs.requireScreen("upvotes")
}

func TestSortCycle(t *testing.T) {
	hs := newHarness(t, newTestLibrary(t), 160, 48)
	want := []store.Sort{store.SortUpvotes, store.SortTrending, store.SortRising, store.SortNewest}
	for _, w := range want {
		hs.keys("s")
		if hs.m.sort != w {
			t.Fatalf("sort = %s, want %s", hs.m.sort, w)
		}
	}
	hs.keys("/")
	hs.typeText("attention")
	if hs.m.sort != store.SortRelevance {
		t.Errorf("searching text from newest sorts by best match, got %s", hs.m.sort)
	}
	hs.keys("enter", "s")
	if hs.m.sort != store.SortNewest || hs.selectedID() != "2510.00001" {
		t.Errorf("s after best match: %s, selected %s", hs.m.sort, hs.selectedID())
	}
}

// TestSortNoticeGoesWithItsOrder: s's "sorted by …" stays while the
// list has that order, and goes when esc ends the search and puts back
// the order from before it.
func TestSortNoticeGoesWithItsOrder(t *testing.T) {
	hs := newHarness(t, newTestLibrary(t), 160, 48)
	hs.keys("s")
	if hs.m.notice != "sorted by most upvoted" {
		t.Errorf("s says %q", hs.m.notice)
	}
	hs.keys("esc") // no search: esc changes nothing, and the notice was read
	if hs.m.notice != "" {
		t.Errorf("s then esc with no search says %q", hs.m.notice)
	}
	hs.keys("/")
	hs.typeText("attention")
	hs.keys("enter", "s")
	if hs.m.notice != "sorted by trending" {
		t.Fatalf("s in a search says %q", hs.m.notice)
	}
	hs.keys("esc")
	if hs.m.sort != store.SortUpvotes {
		t.Fatalf("esc put back %s, want %s", hs.m.sort, store.SortUpvotes)
	}
	if strings.Contains(hs.m.notice, "sorted by") || strings.Contains(hs.screen(), "sorted by trending") {
		t.Errorf("after esc the status bar still says %q", hs.m.notice)
	}
	hs.keys("s") // and s says the new order again
	if hs.m.notice != "sorted by trending" {
		t.Errorf("s after esc says %q", hs.m.notice)
	}
}

func TestPeriodViewsAndSteps(t *testing.T) {
	hs := newHarness(t, newTestLibrary(t), 160, 48)
	hs.keys("v") // one day: the selected paper's
	if hs.m.period.kind != periodDay || hs.m.list.total != 3 {
		t.Fatalf("day view: %+v, %d papers", hs.m.period, hs.m.list.total)
	}
	hs.requireScreen("Thu 2 Oct 2025")
	hs.keys("[")
	if hs.m.period.anchor != "2025-10-01" || hs.m.list.total != 2 {
		t.Fatalf("[: %+v, %d", hs.m.period, hs.m.list.total)
	}
	hs.keys("[", "[")
	if hs.m.period.anchor != "2025-09-30" {
		t.Errorf("[ past the first day: %+v", hs.m.period)
	}
	hs.keys("t")
	if hs.m.period.anchor != "2025-10-02" {
		t.Errorf("t: %+v", hs.m.period)
	}
	hs.keys("v") // week of 2025-09-29: all six papers
	if hs.m.period.kind != periodWeek || hs.m.list.total != 6 || hs.m.sort != store.SortNewest {
		t.Errorf("week: %+v %d %s", hs.m.period, hs.m.list.total, hs.m.sort)
	}
	hs.keys("v") // October 2025: five
	if hs.m.period.kind != periodMonth || hs.m.list.total != 5 {
		t.Errorf("month: %+v %d", hs.m.period, hs.m.list.total)
	}
	hs.keys("]")
	if !strings.Contains(hs.m.notice, "no papers beyond") {
		t.Errorf("] past the last month: %q", hs.m.notice)
	}
	hs.keys("v")
	if hs.m.period.kind != periodAll || hs.m.list.total != 6 {
		t.Errorf("back to all: %+v %d", hs.m.period, hs.m.list.total)
	}
}

// TestEmptyViewSaysWhatIsTrue: a period or search with nothing in it
// says so; only an empty library says the library is empty.
func TestEmptyViewSaysWhatIsTrue(t *testing.T) {
	hs := newHarness(t, newTestLibrary(t), 100, 30)
	hs.keys("/", "c", "a", "f", "e", "enter", "v", "[")
	hs.requireScreen("No papers match cafe in Wed 1 Oct 2025")
	if strings.Contains(hs.screen(), "library is empty") {
		t.Errorf("an empty period called the library empty:\n%s", hs.screen())
	}
}

// TestLongPasteStopsAtTheLimit: 60 KB typed into the box one key at a
// time (a paste without bracketed paste) leaves it at its limit, says
// so, and schedules no search past the limit.
func TestLongPasteStopsAtTheLimit(t *testing.T) {
	hs := newHarness(t, newTestLibrary(t), 100, 24)
	hs.keys("/")
	limit := hs.m.search.input.CharLimit()
	for i := range limit {
		hs.m = mustModel(hs.m.Update(keyMsg(string(rune('a' + i%26)))))
	}
	hs.m = mustModel(hs.m.Update(keyMsg("x"))) // says the box is full
	drawn := hs.m.drawSeq
	for range 60_000 {
		next, cmd := hs.m.Update(keyMsg("x"))
		hs.m = next.(Model)
		if cmd != nil {
			t.Fatal("a key past the limit started work")
		}
		if hs.m.drawSeq != drawn {
			t.Fatal("a key past the limit has the screen drawn again")
		}
	}
	if n := len(hs.m.search.input.Value()); n != limit {
		t.Errorf("box holds %d characters", n)
	}
	if !strings.Contains(hs.m.notice, "holds 250 characters") {
		t.Errorf("status says %q", hs.m.notice)
	}
}

func mustModel(m tea.Model, _ tea.Cmd) Model { return m.(Model) }

// A search with filters over more papers than countCap shows its count
// as "N+" until the exact count arrives, and G pressed meanwhile ends on
// the last paper once it does.
func TestCappedCountThenExactAndG(t *testing.T) {
	defer func(c int) { countCap = c }(countCap)
	countCap = 100
	lib, want := pagesOfUpvoted(t)
	hs := newHarness(t, lib, 160, 48)
	hs.keys("/")
	hs.typeText("upvotes:>=0")
	hs.keys("enter")
	var capped string
	hs.observe = func(m Model) {
		if m.list.capped && capped == "" {
			capped = hs.screen()
			next, _ := hs.m.Update(keyMsg("G")) // before the exact count
			hs.m = next.(Model)
		}
	}
	hs.run(hs.m.reload(false)) // the search again, observed
	hs.observe = nil
	if !strings.Contains(capped, "1/200+") {
		t.Errorf("while counting, the search line lacks 1/200+:\n%s", capped)
	}
	if hs.m.list.capped || hs.m.list.total != want || hs.m.list.cursor != want-1 {
		t.Errorf("after the exact count: capped %v, total %d, cursor %d; want %d papers, the cursor on the last",
			hs.m.list.capped, hs.m.list.total, hs.m.list.cursor, want)
	}
	hs.requireScreen(countOf(want, want))
}

// TestGBeforeAnyCountEndsOnTheLast: G typed when a new view's first page
// shows but no count has come yet (capped or exact) ends on the view's
// last paper once the count lands, not on the first page's last row.
func TestGBeforeAnyCountEndsOnTheLast(t *testing.T) {
	defer func(c int) { countCap = c }(countCap)
	countCap = 100
	lib, want := pagesOfUpvoted(t)
	hs := newHarness(t, lib, 160, 48)
	hs.keys("/")
	hs.typeText("upvotes:>=0")
	hs.keys("enter")
	pressed := false
	hs.observe = func(m Model) {
		if !pressed && len(m.list.pages) > 0 && !m.list.counted && !m.list.capped {
			pressed = true
			next, _ := hs.m.Update(keyMsg("G")) // the first page is in, no count yet
			hs.m = next.(Model)
		}
	}
	hs.run(hs.m.reload(false))
	hs.observe = nil
	if !pressed {
		t.Fatal("the count came before the first page: G was never pressed")
	}
	if !hs.m.list.counted || hs.m.list.cursor != want-1 {
		t.Errorf("after G and the count: cursor %d, want the last of %d (counted %v)", hs.m.list.cursor, want, hs.m.list.counted)
	}
}

// pagesOfUpvoted is a library of 300 synthetic days and how many of its
// papers the search "upvotes:>=0" finds: more than a page.
func pagesOfUpvoted(t *testing.T) (*store.Store, int) {
	t.Helper()
	lib := synthLibrary(t, 300)
	parsed, _ := query.Parse("upvotes:>=0")
	want, err := lib.Count(context.Background(), store.Filter{}.Search(parsed))
	if err != nil || want <= pageSize {
		t.Fatalf("the library holds %d papers with upvotes (%v): want more than a page", want, err)
	}
	return lib, want
}

// TestSearchEnterOnABadFilterSaysSo: enter on a query that does not parse
// keeps the box open on it and says what is wrong, instead of closing it
// with the error gone.
func TestSearchEnterOnABadFilterSaysSo(t *testing.T) {
	hs := newHarness(t, newTestLibrary(t), 160, 48)
	hs.keys("/")
	hs.typeText("attention upvotes:>x")
	hs.keys("enter")
	if !hs.m.search.typing || !strings.Contains(hs.m.errMsg, "upvotes") || !strings.Contains(hs.m.errMsg, "cancels") {
		t.Fatalf("enter on a bad filter: typing %v, error %q", hs.m.search.typing, hs.m.errMsg)
	}
	hs.requireScreen("attention upvotes:>x")
	hs.keys("esc")
	if hs.m.search.typing || hs.m.search.active {
		t.Errorf("esc left the search open: typing %v, active %v", hs.m.search.typing, hs.m.search.active)
	}
}

// TestDetailEmptiesWithTheList: a search that matches nothing leaves no
// paper in the detail (it showed the last one, which m and b then said
// was not selected).
func TestDetailEmptiesWithTheList(t *testing.T) {
	hs := newHarness(t, newTestLibrary(t), 160, 48)
	hs.requireScreen("Sparse Attention at Scale")
	hs.keys("/")
	hs.typeText("attention")
	hs.keys("enter", "/")
	hs.typeText("zzzqqq")
	hs.keys("enter", "2")
	if hs.m.list.count() != 0 {
		t.Fatalf("the search found %d papers", hs.m.list.count())
	}
	if strings.Contains(hs.screen(), "Authors ") {
		t.Errorf("the detail still shows a paper:\n%s", hs.screen())
	}
}

// TestNewViewKeepsTheRowsUntilItsOwn: between a search letter (or a sort)
// and the new view's first page, the list shows the rows it had, not a
// blank pane; then the new rows, or the empty view's message, replace them.
func TestNewViewKeepsTheRowsUntilItsOwn(t *testing.T) {
	hs := newHarness(t, newTestLibrary(t), 160, 48)
	// last is the start of the titles of the rows the list had last.
	var last []string
	took := func(m Model) {
		last = last[:0]
		for _, r := range m.list.pages[0] {
			title := []rune(r.title)
			last = append(last, string(title[:min(20, len(title))]))
		}
	}
	took(hs.m)
	waited := 0
	hs.observe = func(m Model) {
		switch {
		case len(m.list.pages) > 0:
			took(m)
		case m.search.active && !(m.list.counted && m.list.count() == 0) && len(last) > 0:
			waited++
			screen := ansi.Strip(m.View().Content)
			for _, title := range last {
				if !strings.Contains(screen, title) {
					t.Errorf("while the search's first page is on its way, the list lost its row %q:\n%s", title, screen)
				}
			}
		}
	}
	hs.keys("/")
	hs.typeText("diffus")
	if waited == 0 {
		t.Fatal("no frame came between the search and its first page: nothing was checked")
	}
	if got := hs.listText(); !strings.Contains(got, "Diffusion Models Without Noise Schedules") || strings.Count(got, "▲") != 1 {
		t.Errorf("after the search's page, the list is not its one hit:\n%s", got)
	}
	hs.typeText("zzqx")
	hs.observe = nil
	if got := hs.listText(); !strings.Contains(got, "No papers match diffuszzqx") || strings.Contains(got, "▲") {
		t.Errorf("an empty search's list:\n%s", got)
	}
}

// TestSearchBoxShowsTheWholeQuery: the box is as wide as the list pane,
// so a query that fits is shown whole while it is typed, at any size.
func TestSearchBoxShowsTheWholeQuery(t *testing.T) {
	for _, size := range [][2]int{{80, 24}, {200, 30}, {200, 15}, {60, 15}} {
		hs := newHarness(t, newTestLibrary(t), size[0], size[1])
		hs.keys("/")
		query := `upvotes:>100 author:"Yann LeCun" diff`
		if size[0] < 80 {
			query = "upvotes:>100 diff"
		}
		hs.typeText(query)
		hs.requireScreen("/ " + query)
	}
}

// TestSearchTitleCutSaysSo: a search title wider than the list pane
// gives up the hint and the sort first, then cuts the query with an
// ellipsis, as the other panes' titles do; its counts stay whole.
func TestSearchTitleCutSaysSo(t *testing.T) {
	hs := newHarness(t, newTestLibrary(t), 60, 24)
	hs.keys("/")
	hs.typeText("attention is all you need upvotes:>1 since:2001-01-01 until:2099-12-31")
	hs.keys("enter")
	for _, line := range strings.Split(hs.screen(), "\n") {
		if strings.Contains(line, "/ attention") {
			if !strings.Contains(line, "…") || !strings.Contains(line, "1/1 · 1 unread") {
				t.Errorf("the cut search title has no ellipsis or lost its counts: %q", line)
			}
			return
		}
	}
	t.Errorf("no search title on screen:\n%s", hs.screen())
}

// TestPeriodOnAnEmptyLibrarySaysSo: v on an empty library says why it
// shows no day, instead of nothing.
func TestPeriodOnAnEmptyLibrarySaysSo(t *testing.T) {
	hs := newHarness(t, emptyLibrary(t), 100, 24)
	hs.keys("v")
	if hs.m.period.kind != periodAll || !strings.Contains(hs.m.notice, "no feed days") {
		t.Errorf("v on an empty library: period %v, notice %q", hs.m.period.kind, hs.m.notice)
	}
}

// TestSearchBoxFollowsAResize: typing at a width, then narrowing the
// terminal, the box still shows the end of the query and the cursor,
// not a window of the old width cut at the pane's edge.
func TestSearchBoxFollowsAResize(t *testing.T) {
	hs := newHarness(t, newTestLibrary(t), 160, 48)
	hs.keys("/")
	hs.typeText("upvotes:>5 Diffusion Transformers for long video generation")
	hs.send(sizeMsg(60, 24))
	if v := hs.m.search.input.View(); ansi.StringWidth(v) > hs.m.searchBoxWidth()+3 {
		t.Errorf("after the resize the box is %d wide for %d: %q", ansi.StringWidth(v), hs.m.searchBoxWidth(), ansi.Strip(v))
	}
	hs.requireScreen("video generation")
}

// TestSearchTitleNamesItsScope: a search made in a day's view, or with
// only the unread papers shown, looks only there, and its title says so
// beside its count; in a narrow pane the scope outlasts the sort.
func TestSearchTitleNamesItsScope(t *testing.T) {
	hs := newHarness(t, newTestLibrary(t), 160, 48)
	hs.keys("v")
	if hs.m.period.kind != periodDay {
		t.Fatalf("v: period %v, want a day", hs.m.period.kind)
	}
	day := hs.m.period.label()
	hs.keys("/")
	hs.typeText("a")
	hs.keys("enter")
	hs.requireScreen("/ a  ", " · "+day+" · ")
	hs.keys("u")
	hs.requireScreen(" · " + day + " · unread · ")
	hs.send(tea.WindowSizeMsg{Width: 60, Height: 24})
	for _, line := range strings.Split(hs.screen(), "\n") {
		if strings.Contains(line, "/ a  ") {
			if !strings.Contains(line, day) {
				t.Errorf("the narrow search title lost its scope: %q", line)
			}
			return
		}
	}
	t.Errorf("no search title on screen:\n%s", hs.screen())
}
