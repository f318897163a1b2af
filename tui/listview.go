package tui

import (
	"fmt"
	"strconv"
	"time"

	"github.com/charmbracelet/x/ansi"

	"github.com/papertui/papers/store"
	"github.com/papertui/papers/tui/article"
	"github.com/papertui/papers/tui/clean"
)

// How the list draws: its rows (with the queued and read marks), the
// rules over days and remote results, and what an empty list says.

// readMark marks a read paper in the list and the queue.
const readMark = "✓"

// row is a list entry with its text already made safe for display, done
// once when the page loads rather than on every frame.
type row struct {
	store.Entry
	title string // cleaned, LaTeX as Unicode
	who   string // organization, else first author, cleaned
	// remote rows are Hugging Face search results; inLibrary ones are
	// already stored.
	remote, inLibrary bool
	isNew             bool // arrived since the last visit (daily.go)
}

// view draws the visible rows into w × h, each line exactly w wide.
func (l *listPane) view(f frame) []string {
	if l.shown != nil { // until settleShown lets it go (list.go)
		f.unread = l.shown.unread
		return l.shown.view(f)
	}
	st, w, h := f.st, f.w, f.h
	lines := make([]string, 0, h)
	if h <= 0 {
		return lines
	}
	l.drawn.frame(frameKey(f, !l.byDay))
	l.walkLines(l.offset, l.count()-1, func(i int, r row, loaded bool, group string) bool {
		switch {
		case group != "":
			lines = append(lines, l.drawRule(f, group))
		case !loaded:
			lines = append(lines, st.pDimmed.on(fit("  loading…", w)))
		default:
			lines = append(lines, l.drawRow(f, r, i))
		}
		return len(lines) < h
	})
	return lines
}

// drawRow is row i, drawn again only when it changed.
func (l *listPane) drawRow(f frame, r row, i int) string {
	line, ok := l.drawn.row(i, r, i == l.cursor)
	if !ok {
		line = rowLine(f, r, i == l.cursor, !l.byDay)
		l.drawn.keep(i, r, i == l.cursor, line)
	}
	return line
}

// drawRule is a group's rule, drawn once per frame key and what it says.
func (l *listPane) drawRule(f frame, group string) string {
	said := remoteSaid(len(l.remote))
	if group != remoteGroup {
		said = f.dayUnread(groupDay(group))
	}
	return l.drawn.rule(group, said, func() string { return groupRule(f, group, len(l.remote)) })
}

// forgetDrawn drops every cached row drawing.
func (l *listPane) forgetDrawn() { l.drawn.forget() }

func rowsOf(entries []store.Entry) []row {
	rows := make([]row, len(entries))
	for i, e := range entries {
		who := e.Organization
		if who == "" {
			who = e.FirstAuthor
		}
		rows[i] = row{Entry: e, title: clean.TeX(clean.Line(e.Title)), who: clean.Line(who)}
	}
	return rows
}

// shortDay is a feed day in ten cells, blank outside the feed.
func shortDay(day string) string {
	if t, err := time.Parse(time.DateOnly, day); err == nil {
		return t.Format("2006-01-02")
	}
	return "          "
}

// groupRule draws the rule over a day or over the remote results.
func groupRule(f frame, group string, remote int) string {
	st, w := f.st, f.w
	if group != remoteGroup {
		return dayRule(f, groupDay(group))
	}
	head := fmt.Sprintf("── from Hugging Face (%d; %s adds to the library and the queue) ", remote, keyHint(f.keys.Paper.ToggleQueue))
	return st.pDayHeader.on(ruleLine(head, w))
}

func dayRule(f frame, day string) string {
	st, w := f.st, f.w
	head := "── " + dayName(day, "not in the feed") + f.dayUnread(day) + " "
	return st.pDayHeader.on(ruleLine(head, w))
}

// rowLine is one paper: queued mark, read mark, upvotes, comments,
// title, who. The states have glyphs, not only colours, so they read the
// same without colour (NO_COLOR). The selected row is drawn plain in the
// selection colours, so no inner style reset can cut its background short.
func rowLine(f frame, r row, selected bool, showDay bool) string {
	st, w := f.st, f.w
	mark := " "
	switch {
	case r.Queued:
		mark = "●"
	case r.remote && !r.inLibrary:
		mark = "»" // not in the library yet
	}
	seen := " "
	switch {
	case r.Read:
		seen = readMark
	case r.isNew:
		seen = newMark
	}
	if f.cols != nil {
		return columnsRowLine(f, r, selected, showDay, mark, seen)
	}
	stats := upvotesCell(r.Upvotes) + " " + padLeft(strconv.Itoa(r.Comments), 3)
	if showDay {
		stats += " " + shortDay(r.Day)
	}
	// The who column has a fixed width so titles line up.
	whoW := 0
	if w >= 70 {
		whoW = min(24, w/4)
	}
	// mark, space, stats, space, title, then "  who" when it fits.
	titleW := max(1, w-2-statsWidth(stats)-1)
	title, who := "", ""
	if whoW > 0 {
		titleW = max(1, titleW-2-whoW)
		who = "  " + fit(r.who, whoW)
	}
	tags := ""
	if w >= 60 && (len(r.Tags) > 0 || r.HasNote) {
		tags = rowTags(r)
		tagW := min(ansi.StringWidth(tags), titleW/3)
		titleW -= tagW
		tags = fit(tags, tagW)
	}
	title = fit(r.title, titleW)
	if selected {
		title += tags
		return st.pSelected.on(fit(mark+seen+stats+" "+title+who, w))
	}
	text := st.pUnread
	if r.Read {
		text = st.pRead
	}
	if len(f.marks) > 0 {
		// Search hits stand out; after each, the row's own style resumes.
		title = article.MarkHits(title, f.marks, st.pHighlight.pre, st.pHighlight.post+text.pre)
	}
	markPaint, seenPaint, tagsPaint := paint{}, st.pDimmed, paint{}
	if r.Queued {
		markPaint = st.pQueued
	}
	if r.isNew && !r.Read {
		seenPaint = st.pQueued
	}
	if tags != "" {
		tagsPaint = st.pQueued
	}
	// One string for the row, not one per piece: rows not drawn before
	// (a page key shows a screenful) are most of such a key's cost.
	return painted(piece{markPaint, mark}, piece{seenPaint, seen}, piece{st.pUpvotes, stats}, piece{s: " "},
		piece{text, title}, piece{tagsPaint, tags}, piece{st.pDimmed, who})
}

// fit truncates s to w cells with an ellipsis and pads it to exactly w,
// measuring wide (CJK, emoji) and zero-width (combining) runes right.
func fit(s string, w int) string {
	if printableASCII(s) {
		return fitASCII(s, w) // most titles and names (cells.go)
	}
	s = ansi.Truncate(s, w, "…")
	return s + pad(w-ansi.StringWidth(s))
}

// emptyList says why there is nothing to show and what to do about it.
func (m Model) emptyList(w int) string {
	var msg string
	k := m.keys // the keys as bound, for the hints (bindings.go)
	in := ""
	if m.period.kind != periodAll {
		in = " in " + m.period.label()
	}
	switch {
	case m.search.active:
		msg = "No papers match " + clean.Line(m.search.input.Value()) + in + ". Press " + keyHint(k.List.Back) + " to clear the search."
		// The library's own count: libraryTotal falls back to the view's
		// total, which a search that found nothing makes 0.
		if m.libCounted && m.libTotal == 0 {
			msg += "\n\nThe library is empty: " + keyHint(k.Common.Sync) + " syncs the feed."
		} else if in != "" {
			msg += " " + keyHint(k.Views.PrevPeriod) + " and " + keyHint(k.Views.NextPeriod) + " step to other periods."
		}
	case m.daily.newOnly && m.daily.since != 0:
		msg = "No papers new since your last visit" + in + ". Press " + keyHint(k.Daily.NewOnly) + " to show all."
	case m.unreadOnly:
		msg = "No unread papers" + in + ". Press " + keyHint(k.Common.UnreadOnly) + " to show all."
	case m.libraryTotal() > 0 && in != "":
		msg = "No papers" + in + ". " + keyHint(k.Views.PrevPeriod) + " and " + keyHint(k.Views.NextPeriod) +
			" step to other periods; " + keyHint(k.Views.View) + " changes the view."
	case m.libraryTotal() > 0:
		msg = "No papers in this view."
	case m.sync.running:
		msg = "The library is empty. Syncing the feed…"
	case m.sync.emptyFrom != "":
		msg = "The library is empty: the feed had no papers from " + m.sync.emptyFrom + " on.\n\n" +
			"From a shell, fetch older days or load saved ones:\n\n" +
			"  papers sync --since 2025-01-01   a day, month or year to start from\n" +
			"  papers import FILE               load saved API responses (offline)"
	default:
		msg = "The library is empty.\n\n" +
			"Press " + keyHint(k.Common.Sync) + " to sync the feed, or from a shell run\n\n" +
			"  papers sync          fetch the last 7 days\n" +
			"  papers import FILE   load saved API responses (offline)"
		if m.sync.offline {
			why := "the feed cannot be reached"
			switch {
			case m.sync.status != 0:
				why = "the feed answered with errors"
			case !m.sync.unreachable:
				why = "the feed is failing (it timed out or answered something else)"
			}
			msg = "The library is empty and " + why + ".\n\n" + msg[len("The library is empty.\n\n"):]
		}
	}
	return m.st.notice.Render(ansi.Wrap(msg, w, ""))
}
