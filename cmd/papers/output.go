package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"strings"
	"unicode"

	"github.com/charmbracelet/x/term"
	"github.com/mattn/go-isatty"
)

// writeJSON prints v as JSON. Feed text is data, kept exact, but runes a
// terminal could act on or hide text with (C1 controls, bidi overrides,
// zero-width characters) are written as \u escapes: the JSON means the
// same and cannot move the cursor of whoever cats it.
func writeJSON(w io.Writer, v any) error {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		return fmt.Errorf("encode json: %w", err)
	}
	_, err := io.WriteString(w, escapeInvisible(buf.String()))
	return err
}

func escapeInvisible(s string) string {
	if !strings.ContainsFunc(s, needsEscape) {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		if needsEscape(r) {
			fmt.Fprintf(&b, `\u%04x`, r)
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// needsEscape: C0 and C1 controls, and invisible format characters (bidi
// controls, zero-width spaces and joiners): \u escapes mean the same in
// JSON and show nothing to a terminal.
func needsEscape(r rune) bool {
	return (r >= 0x80 && r <= 0x9f) || r == 0x7f || (r < 0x20 && r != '\n') ||
		(r > 0x7f && (unicode.Is(unicode.Bidi_Control, r) || unicode.Is(unicode.Cf, r)))
}

// isTerminal says whether f is a terminal (progress bars, colour) or a
// pipe (plain lines).
func isTerminal(f *os.File) bool {
	return isatty.IsTerminal(f.Fd()) || isatty.IsCygwinTerminal(f.Fd())
}

// terminalWidth is stdout's width for rendering, 80 when not a terminal.
func terminalWidth() int {
	if w, _, err := term.GetSize(os.Stdout.Fd()); err == nil && w > 20 {
		return min(w, 120)
	}
	return 80
}
