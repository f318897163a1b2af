package tui

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"github.com/papertui/papers/feed/feedtest"
)

// TestTextSearchShowsTheMatchingSentence: a text: search's selected
// paper shows, in its detail above the abstract, the sentence of its
// full text that matched, the phrase marked and n reaching it.
func TestTextSearchShowsTheMatchingSentence(t *testing.T) {
	hs, lib := readerHarness(t, 160, 48)
	storeText(t, lib, "2510.00004", feedtest.PaperText("2510.00004", 3))
	hs.keys("/")
	hs.typeText(`text:"as shown by"`)
	hs.keys("enter")
	if hs.m.list.total != 2 {
		t.Fatalf("text search: %d results, want 2", hs.m.list.total)
	}
	hs.requireScreen("In the full text", "as shown by")
	content := ansi.Strip(strings.Join(hs.m.detail.vp.lines, "\n"))
	in := strings.Index(content, "In the full text")
	if abs := strings.Index(content, "Abstract"); in < 0 || abs < in {
		t.Errorf("the sentence is not above the abstract:\n%s", content)
	}
	if !strings.Contains(hs.m.View().Content, ";1mas shown by") || len(hs.m.detail.hits) == 0 {
		t.Errorf("the phrase is not marked: hits %v", hs.m.detail.hits)
	}
	hs.keys("esc")
	if strings.Contains(hs.screen(), "In the full text") {
		t.Error("the sentence stays once the search is cleared")
	}
}
