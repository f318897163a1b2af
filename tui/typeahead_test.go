package tui

import (
	"context"
	"slices"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
)

// TestKeysTypedAheadOfAFreshView: j j b typed right after s, before the
// re-sorted view's rows or the selection's place in it arrive, move from
// the selected paper in the new order and queue the paper they reach,
// as if typed after the rows showed.
func TestKeysTypedAheadOfAFreshView(t *testing.T) {
	lib := newTestLibrary(t)
	hs := newHarness(t, lib, 160, 48)
	hs.keys("j")
	was := hs.selectedID()
	var cmds []tea.Cmd
	for _, k := range []string{"s", "j", "j", "b"} {
		next, cmd := hs.m.Update(keyMsg(k))
		hs.m = next.(Model)
		cmds = append(cmds, cmd)
	}
	for _, c := range cmds {
		hs.run(c)
	}
	recs, err := lib.Records(context.Background(), hs.m.listFilter, 0, 100)
	must(t, err)
	ids := make([]string, len(recs))
	for i, r := range recs {
		ids[i] = r.ID
	}
	at := slices.Index(ids, was)
	if at < 0 || at+2 >= len(ids) {
		t.Fatalf("%s at %d in %v", was, at, ids)
	}
	want := ids[at+2]
	if got := hs.selectedID(); got != want {
		t.Errorf("after s j j: on %s, want %s (two below %s in %v)", got, want, was, ids)
	}
	assertQueue(t, lib, want)
	if len(hs.m.held) != 0 {
		t.Errorf("%d keys still held", len(hs.m.held))
	}
}

// TestHeldKeysWaitABoundedTime: keys held for a view that has not come
// run when the hold times out, on the rows there are, and the reader
// answers keys at once again.
func TestHeldKeysWaitABoundedTime(t *testing.T) {
	hs := newHarness(t, newTestLibrary(t), 160, 48)
	for _, k := range []string{"s", "j", "j"} {
		next, _ := hs.m.Update(keyMsg(k)) // the view's commands never run
		hs.m = next.(Model)
	}
	if len(hs.m.held) != 2 {
		t.Fatalf("%d keys held, want 2", len(hs.m.held))
	}
	next, _ := hs.m.Update(holdTimedOut{seq: hs.m.holdSeq - 1}) // an older hold's
	hs.m = next.(Model)
	if len(hs.m.held) != 2 {
		t.Fatalf("an old time-out ran the keys")
	}
	next, _ = hs.m.Update(holdTimedOut{seq: hs.m.holdSeq})
	hs.m = next.(Model)
	if len(hs.m.held) != 0 {
		t.Errorf("%d keys still held after the time-out", len(hs.m.held))
	}
	next, _ = hs.m.Update(keyMsg("j"))
	hs.m = next.(Model)
	if len(hs.m.held) != 0 {
		t.Error("a key after the time-out was held")
	}
}

// TestANewViewForgetsTheLastOnesCounts: until a new view's unread counts
// arrive, the title shows none and C asks before marking, rather than
// trust the counts of the view before.
func TestANewViewForgetsTheLastOnesCounts(t *testing.T) {
	hs := newHarness(t, newTestLibrary(t), 160, 48)
	if !strings.Contains(hs.screen(), " unread") || !hs.m.daily.counted {
		t.Fatalf("no counts at start:\n%s", hs.screen())
	}
	next, _ := hs.m.Update(keyMsg("u")) // unread only: a new view, its commands not run
	hs.m = next.(Model)
	if got := hs.m.countsTitle(); got != "" {
		t.Errorf("the new view's title shows the last one's counts: %q", got)
	}
	next, _ = hs.m.Update(keyMsg("C"))
	hs.m = next.(Model)
	if !hs.m.daily.modal.open() {
		t.Error("C marked a view whose count is unknown without asking")
	}
}
