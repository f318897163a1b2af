package tui

import (
	"context"
	"strings"

	"github.com/papertui/papers/tui/fulltext"
)

// A text: search's results show, in the selected paper's detail above
// its abstract, the sentence of its full text that matched, the terms
// marked (issue 12). The sentence is looked up with the detail, in its
// Cmd; the detail's cache key holds the terms, so the keys that move the
// selection stay as cheap as before.

// textTerms are the text: terms of the search in effect.
func (m Model) textTerms() []string {
	if !m.search.active {
		return nil
	}
	return m.search.parsed.Texts
}

// textMatch is the sentence of paper key.id's full text holding the
// first of the search's text: terms found, and the terms to mark in it;
// nothing when the search has none or the text lacks them. A failure to
// read the text leaves the sentence out: the detail still shows.
func textMatch(ctx context.Context, lib Library, key renderKey) (string, []string) {
	if key.texts == "" {
		return "", nil
	}
	terms := strings.Split(key.texts, "\n")
	s, err := lib.TextSentence(ctx, key.id, terms)
	if err != nil || s == "" {
		return "", nil
	}
	// The text's Markdown, cleaned as the reading pane shows it.
	return fulltext.Plain(s), terms
}
