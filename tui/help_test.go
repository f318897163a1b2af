package tui

import (
	"os"
	"regexp"
	"strings"
	"testing"
)

// TestHelpListsTheSearchSyntax: the help's search line names every
// filter README's "Search syntax" lists (text:, tag:, note:, has:note,
// is:… included).
func TestHelpListsTheSearchSyntax(t *testing.T) {
	readme, err := os.ReadFile("../README.md")
	if err != nil {
		t.Skipf("no README: %v", err)
	}
	section := string(readme)
	start := strings.Index(section, "### Search syntax")
	if start < 0 {
		t.Fatal(`README has no "### Search syntax"`)
	}
	section = section[start:]
	section = section[:strings.Index(section, "\n## ")]
	hs := newHarness(t, newTestLibrary(t), 250, 60)
	hs.keys("?")
	help := strings.Join(strings.Fields(hs.screen()), " ")
	filter := regexp.MustCompile(`^([a-z]+:)([a-z]*)`)
	for _, span := range regexp.MustCompile("`([^`]+)`").FindAllStringSubmatch(section, -1) {
		tok := span[1]
		want := ""
		switch m := filter.FindStringSubmatch(tok); {
		case m != nil && (m[1] == "is:" || m[1] == "has:"):
			want = m[0]
		case m != nil:
			want = m[1]
		case strings.HasPrefix(tok, "NOT "):
			want = "NOT word"
		case strings.HasPrefix(tok, "-"):
			want = "-word"
		}
		if want != "" && !strings.Contains(help, want) {
			t.Errorf("README's search syntax has %s; the help lacks %q", tok, want)
		}
	}
}
