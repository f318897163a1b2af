package tui

import (
	"context"
	"regexp"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"github.com/papertui/papers/store"
)

// TestUserColumnsShowInTheirOrder: a layout's columns show in its order,
// the ones it leaves out do not, and tags show when asked for.
func TestUserColumnsShowInTheirOrder(t *testing.T) {
	lib := newTestLibrary(t)
	must(t, lib.Tag(context.Background(), []string{"2510.00004"}, []string{"vision"}, nil))
	hs := &harness{t: t, m: testModel(Options{Library: lib, Style: "dark",
		Layout: Layout{Columns: []string{"title", "tags", "upvotes"}}})}
	hs.run(hs.m.Init())
	hs.send(sizeMsg(160, 48))
	screen := hs.screen()
	if !regexp.MustCompile(`Diffusion Models Without Noise Schedules +#vision +▲77`).MatchString(screen) {
		t.Errorf("row not in the layout's order:\n%s", screen)
	}
	var list strings.Builder
	for _, l := range strings.Split(screen, "\n") {
		left, _, _ := strings.Cut(l, "││")
		list.WriteString(left + "\n")
	}
	if strings.Contains(list.String(), "Example Lab") || strings.Contains(list.String(), "Agents Inc") {
		t.Errorf("the who column shows though the layout leaves it out:\n%s", screen)
	}
	for _, c := range []struct {
		cols []string
		want []string
	}{
		{[]string{"upvotes", "who"}, []string{"upvotes", "title", "who"}},
		{[]string{"who", "comments"}, []string{"title", "who", "comments"}},
		{[]string{"day"}, []string{"day", "title"}},
	} {
		if got := rowColumns(c.cols); strings.Join(got, " ") != strings.Join(c.want, " ") {
			t.Errorf("%v: %v, want %v", c.cols, got, c.want)
		}
	}
}

// TestLastTagsColumnTakesNoRoomWhenEmpty: with tags the last column, a
// row without tags gives the title all the room, and one with tags takes
// only what they need.
func TestLastTagsColumnTakesNoRoomWhenEmpty(t *testing.T) {
	m := testModel(Options{Style: "dark"})
	f := frame{w: 100, st: m.st, cols: []string{"upvotes", "title", "tags"}}
	plain := row{Entry: store.Entry{ID: "2510.00009", Upvotes: 3}, title: strings.Repeat("word ", 20)}
	tagged := plain
	tagged.Tags = []string{"vision"}
	if got := ansi.Strip(rowLine(f, plain, false, false)); !strings.HasSuffix(got, "…") || ansi.StringWidth(got) != 100 {
		t.Errorf("an untagged row keeps room for tags: %q", got)
	}
	if got := ansi.Strip(rowLine(f, tagged, false, false)); !strings.HasSuffix(got, "…  #vision") || ansi.StringWidth(got) != 100 {
		t.Errorf("a tagged row: %q", got)
	}
}

// TestUserLayoutWidths: the side-by-side width, the third column's, and
// the list's share come from the layout.
func TestUserLayoutWidths(t *testing.T) {
	l := computeLayoutWith(Layout{SideBySide: 90, ListShare: 60}, 100, 30, paneList)
	if l.tabs || l.panes[paneList].w != 60-borderSize || !l.visible[paneDetail] {
		t.Errorf("100 wide, side by side from 90 at 60%%: %+v", l)
	}
	if l := computeLayoutWith(Layout{ThreeColumns: 200}, 190, 30, paneList); l.visible[paneQueue] {
		t.Error("the queue is a third column below the layout's width")
	}
	if l := computeLayoutWith(Layout{}, 180, 30, paneList); l.panes[paneList].w != 180*38/100-borderSize {
		t.Errorf("default three columns: list %d", l.panes[paneList].w)
	}
}
