package tui

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"charm.land/bubbles/v2/spinner"
	tea "charm.land/bubbletea/v2"

	"github.com/papertui/papers/feed"
	"github.com/papertui/papers/store"
	"github.com/papertui/papers/store/query"
)

// newDay saves one more feed day after the library was last looked at:
// its papers are new.
func newDay(t *testing.T, lib *store.Store, day string, ids ...string) {
	t.Helper()
	must(t, lib.SetLastSeen(context.Background(), time.Now()))
	time.Sleep(5 * time.Millisecond) // arrivals are stamped in milliseconds: after the last visit
	var papers []feed.Paper
	for i, id := range ids {
		papers = append(papers, feed.Paper{ID: id, Title: "Fresh paper " + id, Day: day, Upvotes: 200 - i})
	}
	_, err := lib.SaveDay(context.Background(), day, papers)
	must(t, err)
}

// lineOf is the screen line holding s.
func lineOf(t *testing.T, hs *harness, s string) string {
	t.Helper()
	return strings.Split(hs.screen(), "\n")[rowOf(t, hs, s)]
}

// rowOf is the screen line (Y) that holds s.
func rowOf(t *testing.T, hs *harness, s string) int {
	t.Helper()
	for y, l := range strings.Split(hs.screen(), "\n") {
		if strings.Contains(l, s) {
			return y
		}
	}
	t.Fatalf("no line holds %q:\n%s", s, hs.screen())
	return 0
}

// TestNewSinceLastVisit: papers that arrived since the last visit carry
// the new mark and are counted in the title; w shows only them; quitting
// records the visit, after which they are no longer new.
func TestNewSinceLastVisit(t *testing.T) {
	lib := newTestLibrary(t)
	newDay(t, lib, "2025-10-03", "2510.00010", "2510.00011")
	hs := newHarness(t, lib, 160, 48)
	if l := lineOf(t, hs, "▲200"); !strings.Contains(l, newMark) {
		t.Errorf("new paper not marked: %q", l)
	}
	if l := lineOf(t, hs, "▲120"); strings.Contains(l, newMark) {
		t.Errorf("old paper marked new: %q", l)
	}
	hs.requireScreen("8 unread · 2 new "+newMark, "Fri 3 Oct 2025 · 2 unread")
	hs.keys("w")
	if hs.m.list.total != 2 {
		t.Errorf("w shows %d papers, want the 2 new ones", hs.m.list.total)
	}
	// A day without new papers says that is why it is empty, and which
	// key shows them all (not the unread toggle's message).
	hs.keys("v", "[")
	hs.requireScreen("No papers new since your last visit in Thu 2 Oct 2025. Press w to show")
	hs.keys("]")
	hs.keys("w")
	if hs.m.list.total != 2 {
		t.Errorf("w again shows %d papers, want the 2 of the day", hs.m.list.total)
	}
	hs.keys("v", "v", "v")
	if hs.m.list.total != 8 {
		t.Errorf("w again and the whole library shows %d papers, want all 8", hs.m.list.total)
	}
	hs.run(hs.m.recordVisit()) // as q does before quitting
	again := newHarness(t, lib, 160, 48)
	if l := lineOf(t, again, "▲200"); strings.Contains(l, newMark) {
		t.Errorf("still new after the visit was recorded: %q", l)
	}
}

// TestLastVisitReadBeforeTheStart: given the last visit (cmd/papers reads
// it as it opens the library), the reader asks for the first page at
// once, not after reading the visit itself, and marks the same papers new.
func TestLastVisitReadBeforeTheStart(t *testing.T) {
	lib := newTestLibrary(t)
	newDay(t, lib, "2025-10-03", "2510.00010", "2510.00011")
	at, err := lib.LastSeen(context.Background())
	must(t, err)
	hs := &harness{t: t, m: testModel(Options{Library: lib, Style: "dark", LastSeen: &at})}
	asked := false
	drain(t, hs.m.Init(), func(msg tea.Msg) tea.Cmd {
		switch msg.(type) {
		case lastSeenLoaded:
			asked = true
		case spinner.TickMsg, themeTimedOut, watchDue:
			return nil
		}
		return hs.update(msg)
	})
	if asked {
		t.Error("the reader read the last visit again before its first page")
	}
	hs.send(tea.WindowSizeMsg{Width: 160, Height: 48})
	if l := lineOf(t, hs, "▲200"); !strings.Contains(l, newMark) {
		t.Errorf("new paper not marked: %q", l)
	}
	if l := lineOf(t, hs, "▲120"); strings.Contains(l, newMark) {
		t.Errorf("old paper marked new: %q", l)
	}
	hs.requireScreen("8 unread · 2 new "+newMark, "Fri 3 Oct 2025 · 2 unread")
}

// TestNewCountsOnlyUnread: a paper that arrived since the last visit
// but is read already is not new: the title counts the papers ✦ marks,
// and the follows picker (F) counts as the title does.
func TestNewCountsOnlyUnread(t *testing.T) {
	lib := newTestLibrary(t)
	ctx := context.Background()
	must(t, lib.AddFollow(ctx, "fresh", "fresh"))
	newDay(t, lib, "2025-10-03", "2510.00010", "2510.00011")
	must(t, lib.SetRead(ctx, true, "2510.00011"))
	hs := newHarness(t, lib, 160, 48)
	hs.requireScreen("7 unread · 1 new " + newMark)
	counts, err := lib.FollowCounts(ctx, hs.m.daily.since)
	must(t, err)
	if len(counts) != 1 || counts[0].New != 1 {
		t.Errorf("the follows count %+v, want 1 new as the title says", counts)
	}
}

// TestDetailMoveLeavesOutWhatDidNotMove: a count that did not move is
// not written (💬+0), and when the paper was last shown reads as briefly
// as is clear.
func TestDetailMoveLeavesOutWhatDidNotMove(t *testing.T) {
	lib := newTestLibrary(t)
	ctx := context.Background()
	must(t, lib.MarkSeen(ctx, "2510.00001"))
	p := fixturePapers()["2025-10-02"]
	p[0].Upvotes = 170
	_, err := lib.SaveDay(ctx, "2025-10-02", p)
	must(t, err)
	hs := newHarness(t, lib, 160, 48)
	hs.requireScreen("Detail · ▲+50 since ")
	if strings.Contains(hs.screen(), "💬+0") {
		t.Errorf("a count that did not move is shown:\n%s", hs.screen())
	}
	// Back on it, its detail from the cache keeps the note (it was lost).
	hs.keys("j", "k")
	hs.requireScreen("Detail · ▲+50 since ")
	now := time.Date(2026, 12, 2, 15, 0, 0, 0, time.Local)
	for at, want := range map[time.Time]string{
		time.Date(2026, 12, 2, 9, 14, 0, 0, time.Local):  "09:14",
		time.Date(2026, 11, 30, 9, 14, 0, 0, time.Local): "30 Nov",
		time.Date(2025, 11, 30, 9, 14, 0, 0, time.Local): "30 Nov 2025",
	} {
		if got := seenWhen(at, now); got != want {
			t.Errorf("seenWhen(%v) = %q, want %q", at, got, want)
		}
	}
}

// TestFirstVisitMarksNothingNew: a library never looked at has nothing
// new (everything is unread).
func TestFirstVisitMarksNothingNew(t *testing.T) {
	hs := newHarness(t, newTestLibrary(t), 160, 48)
	if strings.Contains(hs.screen(), newMark) {
		t.Errorf("first visit marks papers new:\n%s", hs.screen())
	}
}

// TestDetailSaysHowAPaperMoved: a paper shown on an earlier visit says
// how its upvotes and comments moved since.
func TestDetailSaysHowAPaperMoved(t *testing.T) {
	lib := newTestLibrary(t)
	ctx := context.Background()
	must(t, lib.MarkSeen(ctx, "2510.00001"))
	p := fixturePapers()["2025-10-02"]
	p[0].Upvotes, p[0].Comments = 135, 6
	_, err := lib.SaveDay(ctx, "2025-10-02", p)
	must(t, err)
	hs := newHarness(t, lib, 160, 48)
	hs.requireScreen("Detail · ▲+15 💬+2 since")
	if s, _ := lib.LastSeenOf(ctx, "2510.00001"); s.Upvotes != 120 {
		t.Errorf("recorded before the reader quit: %+v", s)
	}
	hs.run(hs.m.recordVisit()) // as q does
	if s, _ := lib.LastSeenOf(ctx, "2510.00001"); s.Upvotes != 135 {
		t.Errorf("quitting did not record it: %+v", s)
	}
}

// TestJumpToNextUnread: . skips read papers.
func TestJumpToNextUnread(t *testing.T) {
	lib := newTestLibrary(t)
	must(t, lib.SetRead(context.Background(), true, "2510.00002", "2510.00003"))
	hs := newHarness(t, lib, 160, 48)
	hs.keys(".")
	if got := hs.selectedID(); got != "2510.00004" {
		t.Errorf(". went to %s, want 2510.00004", got)
	}
}

// TestJumpBeyondTheLoadedPages: . finds an unread paper past the rows held.
func TestJumpBeyondTheLoadedPages(t *testing.T) {
	lib := emptyLibrary(t)
	var papers []feed.Paper
	var ids []string
	for i := range 3 * pageSize {
		id := fmt.Sprintf("2601.%05d", i)
		papers = append(papers, feed.Paper{ID: id, Title: "P " + id, Day: "2026-01-05", Upvotes: 3*pageSize - i})
		ids = append(ids, id)
	}
	_, err := lib.SaveDay(context.Background(), "2026-01-05", papers)
	must(t, err)
	must(t, lib.SetRead(context.Background(), true, ids[:len(ids)-1]...))
	hs := newHarness(t, lib, 160, 48)
	hs.keys(".")
	if got := hs.selectedID(); got != ids[len(ids)-1] {
		t.Errorf(". went to %q, want the last paper %s", got, ids[len(ids)-1])
	}
}

// TestCatchUpAndUndo: c marks the selected day read, U takes it back,
// C marks the view; the counts follow.
func TestCatchUpAndUndo(t *testing.T) {
	lib := newTestLibrary(t)
	ctx := context.Background()
	hs := newHarness(t, lib, 160, 48)
	hs.requireScreen("Papers 1/6 · 6 unread", "Thu 2 Oct 2025 · 3 unread")
	hs.keys("c")
	hs.requireScreen("Thu 2 Oct 2025 · all read", "· 3 unread", "marked 3 papers of Thu 2 Oct 2025 read")
	if !record(t, lib, "2510.00003").Read {
		t.Fatal("c did not mark the day read in the library")
	}
	hs.keys("U")
	hs.requireScreen("Thu 2 Oct 2025 · 3 unread", "undone: mark 2025-10-02 read")
	if record(t, lib, "2510.00003").Read {
		t.Fatal("U did not take the marks back")
	}
	hs.keys("C") // 6 papers: no question
	if u, _ := lib.Unread(ctx, store.Filter{}, nil); u.Total != 0 {
		t.Errorf("C left %d unread", u.Total)
	}
	hs.requireScreen("· 0 unread")
	hs.keys("U")
	if u, _ := lib.Unread(ctx, store.Filter{}, nil); u.Total != 6 {
		t.Errorf("U after C left %d unread, want 6", u.Total)
	}
}

// TestCatchUpOnNothingOffersNoUndo: c on a day already read changes
// nothing, says so and offers no undo; U still takes back the real change.
func TestCatchUpOnNothingOffersNoUndo(t *testing.T) {
	lib := newTestLibrary(t)
	hs := newHarness(t, lib, 160, 48)
	hs.keys("c")
	hs.requireScreen("marked 3 papers of Thu 2 Oct 2025 read")
	hs.keys("c")
	if !strings.Contains(hs.m.notice, "nothing changed") || strings.Contains(hs.m.notice, "undoes") {
		t.Errorf("c on a day all read says %q; want nothing changed and no undo", hs.m.notice)
	}
	hs.keys("U")
	hs.requireScreen("undone: mark 2025-10-02 read")
}

// TestMarkAllAsksFirst: C over more than askAbove papers asks; only y marks.
func TestMarkAllAsksFirst(t *testing.T) {
	lib := emptyLibrary(t)
	var papers []feed.Paper
	for i := range askAbove + 1 {
		papers = append(papers, feed.Paper{ID: fmt.Sprintf("2601.%05d", i), Title: "P", Day: "2026-01-05"})
	}
	_, err := lib.SaveDay(context.Background(), "2026-01-05", papers)
	must(t, err)
	hs := newHarness(t, lib, 160, 48)
	hs.keys("C")
	hs.requireScreen("mark 301 papers of this view read? y/n")
	hs.keys("n")
	if u, _ := lib.Unread(context.Background(), store.Filter{}, nil); u.Total != askAbove+1 {
		t.Fatalf("n marked papers: %d unread", u.Total)
	}
	hs.keys("C", "y")
	if u, _ := lib.Unread(context.Background(), store.Filter{}, nil); u.Total != 0 {
		t.Errorf("y left %d unread", u.Total)
	}
}

// TestTagsFromTheReader: L tags the paper (completing a tag in use), the
// row and the detail show it, tag: finds it, U undoes it.
func TestTagsFromTheReader(t *testing.T) {
	lib := newTestLibrary(t)
	ctx := context.Background()
	must(t, lib.Tag(ctx, []string{"2509.00006"}, []string{"reading"}, nil))
	hs := newHarness(t, lib, 160, 48)
	hs.keys("L")
	hs.typeText("+rea")
	hs.keys("tab")
	if v := hs.m.daily.modal.input.Value(); v != "+reading " {
		t.Fatalf("tab completed to %q", v)
	}
	hs.typeText("thesis")
	hs.keys("enter")
	if got := record(t, lib, "2510.00001").Tags; !slices.Equal(got, []string{"reading", "thesis"}) {
		t.Fatalf("tags = %v", got)
	}
	hs.requireScreen("Tags: #reading #thesis", "Scale  #reading #t…")
	hs.keys("/")
	hs.typeText("tag:thesis")
	if hs.m.list.total != 1 {
		t.Errorf("tag:thesis finds %d papers", hs.m.list.total)
	}
	hs.keys("esc", "U")
	if got := record(t, lib, "2510.00001").Tags; len(got) != 0 {
		t.Errorf("U left tags %v", got)
	}
	// A bad name is said beside the line, which stays to be fixed.
	hs.keys("L")
	hs.typeText("+good bad:tag")
	hs.keys("enter")
	if !hs.m.daily.modal.open() || hs.m.daily.modal.input.Value() != "+good bad:tag" || !strings.Contains(hs.screen(), "fix it, or esc cancels") {
		t.Errorf("a bad tag name: modal open %v, line %q\n%s", hs.m.daily.modal.open(), hs.m.daily.modal.input.Value(), hs.screen())
	}
	hs.keys("backspace")
	if strings.Contains(hs.screen(), "fix it") {
		t.Error("the error stayed after a key")
	}
	hs.keys("esc")
	if got := record(t, lib, "2510.00001").Tags; len(got) != 0 {
		t.Errorf("a refused line tagged %v", got)
	}
}

// TestQueueRowsShowTags: queued papers show their tags and note mark as
// the list's rows do, from the library and at once when L changes them.
func TestQueueRowsShowTags(t *testing.T) {
	lib := newTestLibrary(t)
	ctx := context.Background()
	must(t, lib.Tag(ctx, []string{"2510.00002"}, []string{"reading"}, nil))
	must(t, lib.SetNote(ctx, "2510.00002", "why it matters"))
	must(t, lib.Enqueue(ctx, "2510.00001", "2510.00002"))
	hs := newHarness(t, lib, 120, 30)
	hs.keys("3") // the queue pane, on the first queued paper
	hs.keys("L")
	hs.typeText("+thesis")
	hs.keys("enter")
	hs.requireScreen(" #thesis", " ✎ #reading")
	hs.keys("U")
	if strings.Contains(hs.screen(), "#thesis") {
		t.Errorf("U left the tag on the queue's row:\n%s", hs.screen())
	}
}

// fakeEditor is an editor that appends text to the file it is given.
func fakeEditor(t *testing.T, text string) {
	t.Helper()
	script := filepath.Join(t.TempDir(), "editor.sh")
	must(t, os.WriteFile(script, []byte("#!/bin/sh\nprintf '%s' '"+text+"' >> \"$1\"\n"), 0o755))
	t.Setenv("VISUAL", script)
}

// editWith presses e and runs the editor the reader asked for, as the
// Bubble Tea loop would (the harness cannot suspend a terminal);
// meanwhile, when set, runs while the editor is open (another terminal).
func editWith(t *testing.T, hs *harness, id string, meanwhile func()) {
	t.Helper()
	hs.keys("e")
	path := notePath(id)
	was := record(t, hs.m.opts.Library, id)
	cmd := editorCommand(path)
	must(t, cmd.Run())
	if meanwhile != nil {
		meanwhile()
	}
	hs.send(noteEdited{id: id, path: path, was: was.Note})
}

// editedNote is a library, its reader and the selected paper once e has
// edited the paper's note with an editor that appends text; meanwhile,
// when set, runs while the editor is open (as editWith's).
func editedNote(t *testing.T, text string, meanwhile func(lib *store.Store, id string)) (*store.Store, *harness, string) {
	t.Helper()
	t.Setenv("TMPDIR", t.TempDir())
	lib := newTestLibrary(t)
	hs := newHarness(t, lib, 160, 48)
	id := hs.selectedID()
	fakeEditor(t, text)
	var during func()
	if meanwhile != nil {
		during = func() { meanwhile(lib, id) }
	}
	editWith(t, hs, id, during)
	return lib, hs, id
}

// TestNoteInTheEditor: e edits the note in $VISUAL; the detail renders
// it; has:note finds it; an editor killed mid-edit loses nothing stored
// and the next e resumes its draft.
func TestNoteInTheEditor(t *testing.T) {
	lib, hs, id := editedNote(t, "Strong **baseline**", nil)
	if got := record(t, lib, id).Note; got != "Strong **baseline**" {
		t.Fatalf("note = %q", got)
	}
	hs.requireScreen("Note", "Strong baseline", "✎")
	if _, err := os.Stat(notePath(id)); err == nil {
		t.Error("the draft stayed after the note was stored")
	}
	// A kill mid-edit: the draft is left, the note as stored.
	must(t, os.WriteFile(notePath(id), []byte("Strong **baseline**, half"), 0o600))
	fakeEditor(t, " done")
	editWith(t, hs, id, nil)
	if got := record(t, lib, id).Note; got != "Strong **baseline**, half done" {
		t.Errorf("the draft was not resumed: %q", got)
	}
	q, err := query.Parse("has:note")
	must(t, err)
	if n, _ := lib.Count(context.Background(), store.Filter{}.Search(q)); n != 1 {
		t.Errorf("has:note finds %d", n)
	}
}

// TestFollowAndPick: S follows the search under a name; F lists it with
// its counts and the tags; enter applies it.
func TestFollowAndPick(t *testing.T) {
	lib := newTestLibrary(t)
	ctx := context.Background()
	must(t, lib.Tag(ctx, []string{"2509.00006"}, []string{"reading"}, nil))
	hs := newHarness(t, lib, 160, 48)
	hs.keys("S")
	hs.requireScreen("no search to follow")
	hs.keys("/")
	hs.typeText("attention")
	hs.keys("enter", "S")
	hs.typeText("attn")
	hs.keys("enter")
	if f, err := lib.FollowByName(ctx, "attn"); err != nil || f.Query != "attention" {
		t.Fatalf("follow = %+v, %v", f, err)
	}
	hs.keys("esc", "F")
	hs.requireScreen("Followed searches and tags", "attn  attention", "#reading")
	if l := lineOf(t, hs, "attn  attention"); !strings.Contains(l, "5 unread") {
		t.Errorf("follow counts: %q", l)
	}
	hs.keys("j", "enter")
	if !hs.m.search.active || hs.m.search.input.Value() != "tag:reading" || hs.m.list.total != 1 {
		t.Errorf("enter on a tag: search %q, %d papers", hs.m.search.input.Value(), hs.m.list.total)
	}
	// From a day view, a follow is applied over all days, as F counted
	// it, and esc goes back to the day.
	hs.keys("esc", "v")
	day := hs.m.period
	hs.keys("F", "enter")
	if hs.m.period.kind != periodAll || hs.m.list.total != 5 {
		t.Errorf("attn applied from a day view: period %v, %d papers, want all days and 5", hs.m.period.kind.name(), hs.m.list.total)
	}
	hs.keys("esc")
	if hs.m.period != day {
		t.Errorf("esc after the follow: period %+v, want the day %+v", hs.m.period, day)
	}
}

// TestFollowCountsMoveAfterSync: the picker's counts are read again when
// a sync ends.
func TestFollowCountsMoveAfterSync(t *testing.T) {
	lib := newTestLibrary(t)
	ctx := context.Background()
	must(t, lib.AddFollow(ctx, "fresh", "fresh"))
	hs := newHarness(t, lib, 160, 48)
	hs.keys("F")
	if l := lineOf(t, hs, "fresh  fresh"); !strings.Contains(l, "0 unread") {
		t.Fatalf("before the sync: %q", l)
	}
	newDay(t, lib, "2025-10-03", "2510.00010", "2510.00011")
	hs.send(syncFinished{report: store.SyncReport{Days: 1, New: 2}})
	if l := lineOf(t, hs, "fresh  fresh"); !strings.Contains(l, "2 unread") || !strings.Contains(l, "2 new") {
		t.Errorf("after the sync: %q", l)
	}
}

// TestUndoShowsInTheDetail: U takes back a tag the detail showed.
func TestUndoShowsInTheDetail(t *testing.T) {
	hs := newHarness(t, newTestLibrary(t), 160, 48)
	hs.keys("L")
	hs.typeText("deep")
	hs.keys("enter")
	hs.requireScreen("Tags: #deep")
	hs.keys("U")
	if strings.Contains(hs.screen(), "Tags: #deep") {
		t.Errorf("the detail still shows the undone tag:\n%s", hs.screen())
	}
}

// TestPickerWithNothingFollowed: F in a library without follows or tags
// says how to make some, instead of "loading…" for ever.
func TestPickerWithNothingFollowed(t *testing.T) {
	hs := newHarness(t, newTestLibrary(t), 80, 24)
	hs.keys("F")
	hs.requireScreen("Nothing followed and no tags yet")
	// The whole hint, wrapped at 80 columns, not cut before its end.
	hs.requireScreen("│paper.")
	if strings.Contains(hs.screen(), "loading…") {
		t.Errorf("the picker still loads:\n%s", hs.screen())
	}
}

// TestNoteEditKeepsAChangeMadeElsewhere: a note another terminal changed
// while e's editor was open is not overwritten; the draft stays, named.
func TestNoteEditKeepsAChangeMadeElsewhere(t *testing.T) {
	lib, hs, id := editedNote(t, "mine", func(lib *store.Store, id string) {
		must(t, lib.SetNote(context.Background(), id, "ELSEWHERE"))
	})
	path := notePath(id)
	if got := record(t, lib, id).Note; got != "ELSEWHERE" {
		t.Errorf("the note changed elsewhere became %q", got)
	}
	if !strings.Contains(hs.m.errMsg, "changed elsewhere") || !strings.Contains(hs.m.errMsg, path) {
		t.Errorf("status %q", hs.m.errMsg)
	}
	if b, err := os.ReadFile(path); err != nil || string(b) != "mine" {
		t.Errorf("the draft: %q %v", b, err)
	}
}

// TestMarkAllRightAfterASearchMarksTheSearch: C pressed after Enter but
// before the search's debounce fired marks the search the title shows,
// not the view before it.
func TestMarkAllRightAfterASearchMarksTheSearch(t *testing.T) {
	lib := emptyLibrary(t)
	var papers []feed.Paper
	for i, title := range []string{"Sparse attention", "Sparse experts", "Dense retrieval", "Dense captions", "Graph nets"} {
		papers = append(papers, feed.Paper{ID: fmt.Sprintf("2601.%05d", i), Title: title, Day: "2026-01-05"})
	}
	_, err := lib.SaveDay(context.Background(), "2026-01-05", papers)
	must(t, err)
	hs := newHarness(t, lib, 160, 48)
	hs.keys("/")
	for _, k := range "sparse" { // typed fast: the debounce never fires
		next, _ := hs.m.Update(keyMsg(string(k)))
		hs.m = next.(Model)
	}
	hs.keys("enter", "C")
	hs.requireScreen("marked 2 papers read")
	u, err := lib.Unread(context.Background(), store.Filter{}, nil)
	must(t, err)
	if u.Total != 3 {
		t.Errorf("%d papers left unread; want the 3 outside the search", u.Total)
	}
}

// TestFollowNameRefusedKeepsTheLine: a name the library refuses (in use,
// or with a space) keeps S's line open with what was typed, so the keys
// that follow fix it rather than act on the list.
func TestFollowNameRefusedKeepsTheLine(t *testing.T) {
	lib := newTestLibrary(t)
	hs := newHarness(t, lib, 160, 48)
	hs.keys("/")
	hs.typeText("attention")
	hs.keys("enter", "S")
	hs.typeText("my search")
	hs.keys("enter")
	if !hs.m.daily.modal.open() || hs.m.daily.modal.input.Value() != "my search" || !strings.Contains(hs.m.daily.modal.err, "fix it, or esc cancels") || !strings.Contains(hs.screen(), "holds no comma or space") {
		t.Fatalf("a refused name closed the line: open %v, value %q\n%s", hs.m.daily.modal.open(), hs.m.daily.modal.input.Value(), hs.screen())
	}
	hs.keys("backspace", "backspace", "backspace", "backspace", "backspace", "backspace", "backspace")
	hs.typeText("-x")
	hs.keys("enter")
	if hs.m.daily.modal.open() {
		t.Errorf("the fixed name left the line open: %q", hs.m.daily.modal.err)
	}
	if f, err := lib.FollowByName(context.Background(), "my-x"); err != nil || f.Query != "attention" {
		t.Errorf("follow my-x = %+v, %v", f, err)
	}
}

// TestEmptyViewShowsNoDetail: a view left empty (w with nothing new)
// shows no paper in the detail, not the one selected before.
func TestEmptyViewShowsNoDetail(t *testing.T) {
	lib := newTestLibrary(t)
	must(t, lib.SetLastSeen(context.Background(), time.Now()))
	hs := newHarness(t, lib, 160, 48)
	hs.keys("w")
	hs.requireScreen("No papers new since your last visit")
	if strings.Contains(hs.screen(), "Sparse Attention at Scale") || hs.m.detail.shown.id != "" {
		t.Errorf("an empty view's detail shows %q:\n%s", hs.m.detail.shown.id, hs.screen())
	}
}

// TestNewOnlyEmptyKeepsThePlace: w with nothing new shows an empty view;
// w again goes back to the paper that was selected, not to the top.
func TestNewOnlyEmptyKeepsThePlace(t *testing.T) {
	lib := newTestLibrary(t)
	must(t, lib.SetLastSeen(context.Background(), time.Now()))
	hs := newHarness(t, lib, 160, 48)
	hs.keys("j", "j", "j")
	want := hs.selectedID()
	if want == "" || hs.m.list.cursor != 3 {
		t.Fatalf("j j j: cursor %d on %q", hs.m.list.cursor, want)
	}
	hs.keys("w")
	if hs.m.list.total != 0 {
		t.Fatalf("w with nothing new shows %d papers", hs.m.list.total)
	}
	hs.keys("w")
	if got := hs.selectedID(); got != want || hs.m.list.cursor != 3 {
		t.Errorf("w w with nothing new: cursor %d on %q, want 3 on %q", hs.m.list.cursor, got, want)
	}
	// With new papers the selection follows the paper, as before.
	hs.keys("g")
	hs.keys("w", "w")
	if hs.m.list.cursor != 0 {
		t.Errorf("w w from the top: cursor %d", hs.m.list.cursor)
	}
}

// TestNextUnreadAtTheEndSaysWhatIsAbove: . at the last paper says how
// many unread papers are above, not just that none is below.
func TestNextUnreadAtTheEndSaysWhatIsAbove(t *testing.T) {
	hs := newHarness(t, newTestLibrary(t), 160, 48)
	hs.keys("G", ".")
	if n := hs.m.daily.unreadTotal; n < 2 || !strings.Contains(hs.m.notice, fmt.Sprintf("%d above (g goes to the top)", n-1)) {
		t.Errorf(". at the end with %d unread says %q", n, hs.m.notice)
	}
}

// TestModalErrorIsReadableAt80: a refused name's error is said where it
// can be read at 80 columns; the line's blank end gives it room.
func TestModalErrorIsReadableAt80(t *testing.T) {
	hs := newHarness(t, newTestLibrary(t), 80, 24)
	hs.keys("/")
	hs.typeText("attention")
	hs.keys("enter", "S")
	hs.typeText("my search")
	hs.keys("enter")
	hs.requireScreen("holds no comma or space")
	hs.keys("esc", "L")
	hs.typeText("+bad:tag")
	hs.keys("enter")
	hs.requireScreen("not allowed")
}
