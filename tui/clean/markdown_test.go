package clean

import (
	"strings"
	"testing"

	"charm.land/glamour/v2"
	"github.com/charmbracelet/x/ansi"
)

func TestMarkdownEscapes(t *testing.T) {
	tests := []struct{ in, want string }{
		{"plain words", "plain words"},
		{"*a* _b_", `\*a\* \_b\_`},
		{"[x](y)", `\[x\]\(y\)`},
		{"<b>&amp;", `\<b\>&amp;amp;`},
		{"a\\b", `a\\b`},
		{"x~y:z=w", "x&#126;y&#58;z&#61;w"},
		{"日本語 👩‍🔬", "日本語 👩‍🔬"},
		{"a\x1b[31m*b*\r\n\n\n\nc", "a\\*b\\*\n\nc"},
	}
	for _, tt := range tests {
		if got := Markdown(tt.in); got != tt.want {
			t.Errorf("Markdown(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestMarkdownRendersLiterally renders feed text through glamour the way the
// detail pane does and checks that every character is shown as written.
func TestMarkdownRendersLiterally(t *testing.T) {
	r, err := glamour.NewTermRenderer(glamour.WithStandardStyle("dark"), glamour.WithWordWrap(80))
	if err != nil {
		t.Fatal(err)
	}
	for _, in := range []string{
		"*not emphasis* and **not strong** and _not_ __either__",
		"[x](javascript:alert(1)) and ![img](http://x/y.png) and [ref][1]",
		"<b>bold</b> <script>alert(1)</script> <!-- comment --> <https://evil.example>",
		"&amp; &lt; &#65; &copy; entities stay",
		"# not a heading",
		"## nor this ###",
		"- not a list",
		"+ not a list",
		"* not a list",
		"1. not a list",
		"2) nor this",
		"> not a quote",
		"`not code` and ``nor this``",
		"```go",
		"    not indented code",
		"~~not struck~~ ~nor this~",
		"a | b",
		"--- not a rule",
		"***",
		"Title\n===",
		"Title\n---",
		"Term\n: not a definition",
		"- [ ] not a task",
		"bare https://example.com and www.example.com and a@b.com",
		"back\\slash \\*star\\* and trailing\\",
		"50% of $5 at 3:00 {braces} #tag @user ~approx !bang",
		"日本語 👩‍🔬 🇯🇵 naïve e\u0301 ∑∫≤ Ελληνικά",
		"\x1b]8;;https://evil.example/\x1b\\click\x1b]8;;\x1b\\ \x1b[31mred\x1b[0m \u202eevil",
	} {
		out, err := r.Render(Markdown(in))
		if err != nil {
			t.Fatalf("render %q: %v", in, err)
		}
		if strings.Contains(out, "\x1b]8;") {
			t.Errorf("render %q: output has a hyperlink: %q", in, out)
		}
		got := strings.Join(strings.Fields(ansi.Strip(out)), " ")
		want := strings.Join(strings.Fields(Line(in)), " ")
		if got != want {
			t.Errorf("render %q:\n got %q\nwant %q", in, got, want)
		}
	}
}
