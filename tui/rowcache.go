package tui

import (
	"slices"
	"strconv"
	"strings"
)

// The list's drawings, kept between frames: styling a row costs more
// than the rest of a frame, and a key usually changes two rows (j) or
// none of the rows' looks (a page key shows rows drawn before, as g
// after G does). A drawing is kept with the row it was drawn from and
// used only while the row is the same, so a row changed by anyone (a
// state change, a page reloaded, a reload putting another paper at that
// place) is drawn again without being told; what the whole list's rows
// depend on (width, theme, search marks, columns, day shown) is the
// frame key, and a new one forgets everything.

// maxDrawnRows bounds the drawings kept.
const maxDrawnRows = 4 * pageSize

// rowDrawings are the drawn rows by their place in the view, and the
// day and remote rules by what they say. View draws on a copy of the
// model: the list holds a pointer to them, so what one frame draws the
// next finds.
type rowDrawings struct {
	key   drawnFrame
	rows  map[int]drawnRow
	rules map[string]string
}

// drawnFrame is what every row's drawing depends on beside its row.
type drawnFrame struct {
	w       int
	st      *styles
	marks   string // search words, one per line
	cols    string // the user's columns, one per line; "\x00" for the default row
	showDay bool
}

// drawnRow is a row's drawings, plain and selected ("" when not drawn
// yet), and the row they were drawn from.
type drawnRow struct {
	r              row
	plain, cursord string
}

func frameKey(f frame, showDay bool) drawnFrame {
	cols := "\x00"
	if f.cols != nil {
		cols = strings.Join(f.cols, "\n")
	}
	return drawnFrame{w: f.w, st: f.st, marks: strings.Join(f.marks, "\n"), cols: cols, showDay: showDay}
}

func newRowDrawings() *rowDrawings {
	return &rowDrawings{rows: map[int]drawnRow{}, rules: map[string]string{}}
}

// forget drops every drawing.
func (d *rowDrawings) forget() {
	clear(d.rows)
	clear(d.rules)
}

// frame starts a frame: drawings for another frame key are forgotten.
func (d *rowDrawings) frame(key drawnFrame) {
	if key != d.key || len(d.rows) > maxDrawnRows || len(d.rules) > maxDrawnRows {
		d.forget()
		d.key = key
	}
}

// row is row i's drawing (plain or selected), if it is kept and its row
// has not changed since.
func (d *rowDrawings) row(i int, r row, selected bool) (string, bool) {
	kept, ok := d.rows[i]
	if !ok || !sameRow(kept.r, r) {
		return "", false
	}
	if selected {
		return kept.cursord, kept.cursord != ""
	}
	return kept.plain, kept.plain != ""
}

// keep keeps row i's drawing, and the other one while its row is the
// same.
func (d *rowDrawings) keep(i int, r row, selected bool, line string) {
	kept, ok := d.rows[i]
	if !ok || !sameRow(kept.r, r) {
		kept = drawnRow{r: r}
		kept.r.Tags = slices.Clone(r.Tags) // kept apart from a slice changed in place
	}
	if selected {
		kept.cursord = line
	} else {
		kept.plain = line
	}
	d.rows[i] = kept
}

// rule is a group's rule as said says it, drawn by draw once per frame
// key.
func (d *rowDrawings) rule(group, said string, draw func() string) string {
	k := group + "\x00" + said
	line, ok := d.rules[k]
	if !ok {
		line = draw()
		d.rules[k] = line
	}
	return line
}

// remoteSaid is what the remote results' rule depends on.
func remoteSaid(n int) string { return strconv.Itoa(n) }

// sameRow says whether two rows draw alike: every field is compared
// (TestSameRowSeesEveryField fails when a new one is not).
func sameRow(a, b row) bool {
	return a.ID == b.ID && a.Title == b.Title && a.Day == b.Day && a.Upvotes == b.Upvotes &&
		a.Comments == b.Comments && a.Organization == b.Organization && a.FirstAuthor == b.FirstAuthor &&
		a.Queued == b.Queued && a.Read == b.Read && slices.Equal(a.Tags, b.Tags) && a.HasNote == b.HasNote &&
		a.title == b.title && a.who == b.who && a.remote == b.remote && a.inLibrary == b.inLibrary && a.isNew == b.isNew
}
