package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"strings"

	"github.com/charmbracelet/x/ansi"

	"github.com/papertui/papers/store"
	"github.com/papertui/papers/tui/article"
	"github.com/papertui/papers/tui/clean"
	"github.com/papertui/papers/tui/fulltext"
)

// printText prints a paper's stored full text: rendered by glamour on a
// terminal, plain text when piped, the Markdown with --raw. It never uses
// the network: a paper without its text says how to fetch it.
func (c *ReadCmd) printText(g *Globals) error {
	ids, err := normalizeIDs([]string{c.ID})
	if err != nil && !strings.ContainsAny(c.ID, "0123456789") {
		// `papers ID` reads a paper, so a mistyped command lands here:
		// no paper id is without digits.
		return usagef("unknown command %q: run papers --help for the commands", clean.Line(c.ID))
	}
	if err != nil {
		return err
	}
	return g.withLibrary(func(ctx context.Context, lib *store.Store) error {
		t, err := lib.Text(ctx, ids[0])
		if errors.Is(err, store.ErrNoText) {
			return fmt.Errorf("%s: no full text stored; fetch it with `papers fetch %s`", ids[0], ids[0])
		}
		if err != nil {
			return err
		}
		if c.Raw {
			_, err := fmt.Fprintln(os.Stdout, clean.Text(t.Markdown))
			return err
		}
		out, err := renderText(t, c.Style, c.Plain || !isTerminal(os.Stdout), terminalWidth())
		if err != nil {
			return err
		}
		_, err = fmt.Fprintln(os.Stdout, out)
		return err
	})
}

// renderText renders a stored text as `papers read` prints it: a title,
// where the text came from, the cleaned paper, and its figures' links.
func renderText(t store.Text, style string, plain bool, width int) (string, error) {
	doc := fulltext.Clean(t.Markdown)
	var b strings.Builder
	if t.Title != "" {
		fmt.Fprintf(&b, "# %s\n\n", clean.Markdown(clean.TeX(clean.Line(t.Title))))
	}
	source := "arXiv HTML"
	if t.Source != "arxiv-html" {
		source = "Hugging Face's extraction (arXiv has no HTML)"
	}
	version := ""
	if t.Version > 0 {
		version = fmt.Sprintf(" v%d", t.Version)
	}
	fmt.Fprintf(&b, "*From %s%s, fetched %s*\n\n", clean.Markdown(source), version, t.FetchedAt.Format("2006-01-02"))
	b.WriteString(doc.Markdown)
	if links := figureLinks(doc.Figures); links != "" {
		b.WriteString("\n\n## Figures\n\n" + links)
	}
	if style == "auto" || plain {
		style = "dark" // plain: stripped of colour below; its layout reads best as text
	}
	out, err := article.Render(b.String(), width, style)
	if err != nil {
		return "", err
	}
	if plain {
		out = trimLines(ansi.Strip(out))
	}
	return out, nil
}

// figureLinks lists the figures' images, one a line, as plain escaped
// text: shown, never offered as links by the Markdown.
func figureLinks(figs []fulltext.Figure) string {
	var lines []string
	for _, f := range figs {
		if f.URL == "" {
			continue
		}
		lines = append(lines, "- "+clean.Markdown(f.Label+": "+f.URL))
	}
	return strings.Join(lines, "\n")
}
