package tui

import (
	"fmt"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

// The shortcuts of cells.go give what the grapheme-aware functions they
// replace give, byte for byte.

func TestFitShortcutsMatchAnsi(t *testing.T) {
	texts := []string{"", "a", "Sparse Attention at Scale", strings.Repeat("x", 300), "tab\there", "caf\u00e9",
		"大規模言語モデル", "emoji 🧠 here", "e\u0301", "\x1b[31mred\x1b[0m", "del\x7f", "trailing  "}
	for _, s := range texts {
		for w := 0; w <= 40; w++ {
			want := ansi.Truncate(s, w, "…")
			want += strings.Repeat(" ", max(0, w-ansi.StringWidth(want)))
			if got := fit(s, w); got != want {
				t.Errorf("fit(%q, %d) = %q, want %q", s, w, got, want)
			}
			lw := ansi.StringWidth(s)
			line := s
			if lw > w {
				line = ansi.Truncate(s, w, "")
				lw = ansi.StringWidth(line)
			}
			if got, want := fitLines([]string{s}, w)[0], line+strings.Repeat(" ", w-lw); got != want {
				t.Errorf("fitLines(%q, %d) = %q, want %q", s, w, got, want)
			}
		}
	}
}

func TestRuleLineMatchesFit(t *testing.T) {
	for _, head := range []string{"── Mon 1 Jan 2024 ", "── Thu 2 Oct 2025 · 1,234 unread ", "── 大規模 "} {
		for w := 0; w <= 60; w++ {
			want := fit(head+strings.Repeat("─", max(0, w-ansi.StringWidth(head))), w)
			if got := ruleLine(head, w); got != want {
				t.Errorf("ruleLine(%q, %d) = %q, want %q", head, w, got, want)
			}
		}
	}
}

func TestStatsCellsMatchFmt(t *testing.T) {
	for _, n := range []int{0, 7, 42, 999, 1234, 123456, -3} {
		if got, want := upvotesCell(n), fmt.Sprintf("%5s", fmt.Sprintf("▲%d", n)); got != want {
			t.Errorf("upvotesCell(%d) = %q, want %q", n, got, want)
		}
		stats := upvotesCell(n) + " " + padLeft(fmt.Sprint(n), 3)
		if got, want := stats, fmt.Sprintf("%5s %3d", fmt.Sprintf("▲%d", n), n); got != want {
			t.Errorf("stats %q, want %q", got, want)
		}
		for _, s := range []string{stats, stats + " " + shortDay("2025-10-02"), stats + " " + shortDay("")} {
			if got, want := statsWidth(s), ansi.StringWidth(s); got != want {
				t.Errorf("statsWidth(%q) = %d, want %d", s, got, want)
			}
		}
	}
}

// TestLineInputCopiesOnWrite: a Model kept from before (a copy) never
// sees a later change to its search box.
func TestLineInputCopiesOnWrite(t *testing.T) {
	a := newSearchInput()
	a.SetValue("one")
	b := a
	b.SetValue("two")
	b.Focus()
	c, _ := b.Update(keyMsg("x"))
	if a.Value() != "one" || b.Value() != "two" || c.Value() != "twox" {
		t.Fatalf("values %q %q %q, want one two twox", a.Value(), b.Value(), c.Value())
	}
	var zero lineInput
	if zero.Value() != "" || zero.CharLimit() != 0 {
		t.Fatalf("the zero input holds %q", zero.Value())
	}
	zero.SetValue("z")
	if zero.Value() != "z" {
		t.Fatalf("the zero input took %q", zero.Value())
	}
}

// TestFittedLinesKept: lines fitted from the kept ones are fitLines',
// at every width in turn.
func TestFittedLinesKept(t *testing.T) {
	var kept fittedLines
	lines := []string{"plain", "\x1b[1mbold\x1b[0m and more", "大規模言語モデル", strings.Repeat("long ", 30), ""}
	for _, w := range []int{40, 40, 12, 80, 12} {
		got, want := kept.fit(lines, w), fitLines(lines, w)
		if strings.Join(got, "\n") != strings.Join(want, "\n") {
			t.Fatalf("at %d: %q, want %q", w, got, want)
		}
	}
}
