package article

import (
	"os"
	"regexp"
	"testing"

	"github.com/alecthomas/chroma/v2/lexers"
	"github.com/alecthomas/chroma/v2/styles"
)

// atStart is what chroma held when this test binary started, before any
// test rendered: glamour imports it, and third_party/chroma leaves its
// embedded lexers and styles unread until a code block needs them.
var atStart struct {
	styles int
	python bool
}

func TestMain(m *testing.M) {
	atStart.styles = len(styles.Registry)
	atStart.python = lexers.GlobalLexerRegistry.Get("python") != nil // the registry itself: no load
	os.Exit(m.Run())
}

// TestChromaLoadsLazily fails when upstream chroma, which reads some 320
// XML files in package init (a fifth of the reader's first frame), is
// built in place of third_party/chroma.
func TestChromaLoadsLazily(t *testing.T) {
	if atStart.styles != 0 || atStart.python {
		t.Fatalf("chroma was loaded at init (%d styles, python lexer %v): is go.mod's replace of github.com/alecthomas/chroma/v2 gone?",
			atStart.styles, atStart.python)
	}
	if lexers.Get("python") == nil || styles.Get("monokai") == styles.Fallback || styles.Fallback == nil {
		t.Fatal("the embedded lexers and styles did not load at first use")
	}
}

// sgrColour is a 256-colour foreground, as glamour's code blocks use.
var sgrColour = regexp.MustCompile(`\x1b\[38;5;(\d+)m`)

// TestCodeBlocksAreHighlighted: a fenced block in a language is coloured
// token by token; as plain text it is one colour. The lexers found
// lazily must be the ones upstream registers, analysers included.
func TestCodeBlocksAreHighlighted(t *testing.T) {
	colours := func(md string) map[string]bool {
		out, err := Render(md, 80, "dark")
		if err != nil {
			t.Fatal(err)
		}
		seen := map[string]bool{}
		for _, m := range sgrColour.FindAllStringSubmatch(out, -1) {
			seen[m[1]] = true
		}
		return seen
	}
	plain := len(colours("```text\nfunc main() { return 1 }\n```"))
	for _, block := range []string{
		"```go\nfunc main() { return 1 }\n```",
		"```python\ndef f(x):\n    return x ** 2  # square\n```",
		"```sql\nSELECT name FROM t WHERE id = 1;\n```",
		// No language: the lexer is guessed by analysers, and this one
		// (DNS zones) is set on its embedded lexer when those load.
		"```\n@ IN SOA ns1 admin 1 2 3 4 5\n```",
	} {
		if got := len(colours(block)); got <= plain {
			t.Errorf("%q: %d colours, no more than plain text's %d", block, got, plain)
		}
	}
}
