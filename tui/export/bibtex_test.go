package export

import (
	"bytes"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/papertui/papers/feed"
	"github.com/papertui/papers/store"
	"github.com/papertui/papers/tui/clean"
)

var keyRE = regexp.MustCompile(`^[a-z]+[0-9]+[a-z]*$`)

// checkBib parses out back and checks every field of every entry against
// the record it came from.
func checkBib(t *testing.T, recs []store.Record, out []byte) []bibEntry {
	t.Helper()
	entries, err := parseBib(string(out))
	if err != nil {
		t.Fatalf("parse output: %v", err)
	}
	if len(entries) != len(recs) {
		t.Fatalf("%d entries for %d records", len(entries), len(recs))
	}
	seen := map[string]string{}
	for i, e := range entries {
		r := recs[i]
		fail := func(format string, args ...any) {
			t.Helper()
			t.Errorf("%s (%s): "+format, append([]any{r.ID, e.key}, args...)...)
		}
		if e.typ != "misc" {
			fail("type %q", e.typ)
		}
		if !keyRE.MatchString(e.key) {
			fail("key not [a-z]+[0-9]+[a-z]*")
		}
		if prev, dup := seen[e.key]; dup {
			fail("key also used by %s", prev)
		}
		seen[e.key] = r.ID
		if base := baseKey(r.Paper); !strings.HasPrefix(e.key, base) {
			fail("key does not start with %q", base)
		}

		title, err := untex(e.fields["title"])
		if err != nil {
			fail("title: %v", err)
		} else if want := clean.Line(r.Title); title != want {
			fail("title reads back as\n%q, want\n%q", title, want)
		}
		if c, ok := unprotected(e.fields["title"]); ok {
			fail("title capital %s not protected: %q", c, e.fields["title"])
		}

		var want []string
		for _, a := range r.Authors {
			if n := clean.Line(a.Name); n != "" {
				if last, first, ok := strings.Cut(n, ", "); ok && !strings.Contains(first, ",") {
					n = first + " " + last // given as "Last, First": read back in the usual order
				}
				want = append(want, n)
			}
		}
		raw, has := e.fields["author"]
		if has != (len(want) > 0) {
			fail("author field present %v for %d named authors", has, len(want))
		}
		if has {
			names, err := splitAuthors(raw)
			if err != nil {
				fail("author: %v", err)
			} else if len(names) != len(want) {
				fail("%d authors read back, want %d: %q", len(names), len(want), raw)
			} else {
				for j, n := range names {
					if n.full != want[j] {
						fail("author %d reads back as %q, want %q", j+1, n.full, want[j])
					}
				}
			}
		}

		year, month := r.Published.UTC().Year(), r.Published.UTC().Month()
		if r.Published.IsZero() {
			y, _ := strconv.Atoi(r.ID[:2])
			m, _ := strconv.Atoi(r.ID[2:4])
			year, month = 2000+y, time.Month(m)
		}
		checks := []struct{ field, want string }{
			{"year", strconv.Itoa(year)},
			{"month", strings.ToLower(month.String()[:3])},
			{"eprint", r.ID},
			{"archiveprefix", "arXiv"},
			{"url", "https://arxiv.org/abs/" + r.ID},
		}
		for _, c := range checks {
			if got := e.fields[c.field]; got != c.want {
				fail("%s = %q, want %q", c.field, got, c.want)
			}
		}
		if !e.bare["month"] {
			fail("month is not the bare macro")
		}
		daily := checkBibDaily(t, r, e)
		if len(e.fields) != len(checks)+1+map[bool]int{true: 1}[has]+daily {
			fail("unexpected fields: %v", e.fields)
		}
	}
	return entries
}

func TestBibTeXAwkward(t *testing.T) {
	recs := awkward()
	var buf bytes.Buffer
	if err := BibTeX(&buf, recs); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	if r, bad := hostile(out); bad {
		t.Errorf("output holds %U", r)
	}
	if m := containsAll(out, benignBits); m != nil {
		t.Errorf("benign text lost: %q", m)
	}
	entries := checkBib(t, recs, buf.Bytes())

	keys := make([]string, len(entries))
	for i, e := range entries {
		keys[i] = e.key
	}
	wantKeys := []string{
		"lovelace2025sparse", "lovelace2025sparseb", "schmidhuber2025alpha", "riis2025braces",
		"arxiv251000005", "milos2025angstrom", "surname2025gpt", "anon2025paper",
		"mallory2025escape", "beethoven2025ludwig", "qwenteam2025group", "onerroralert2025x",
		"minus2025hyperlink", "lovelace2025the", "lovelace2025sparsec", "lovelace2025sparsed",
		"arxiv251000017", "name2025whitespace", "lovelac2025sparse", "lovelace2025sparsebb",
	}
	for i := range wantKeys {
		if i < len(keys) && keys[i] != wantKeys[i] {
			t.Errorf("key %d = %q, want %q", i+1, keys[i], wantKeys[i])
		}
	}

	// Name forms: what each style takes as the last name.
	names, err := splitAuthors(entries[9].fields["author"])
	if err != nil {
		t.Fatal(err)
	}
	wantLast := []string{"van Beethoven", "de la Cruz", "King", "li", "Jerry", "Smith", "others"}
	for i, n := range names {
		if n.last != wantLast[i] {
			t.Errorf("last name of %q = %q, want %q", n.full, n.last, wantLast[i])
		}
	}
	if got := entries[10].fields["author"]; got != "{Qwen Team} and {Gemma Team} and NVIDIA and {Mind Lab}" {
		t.Errorf("group authors written as %q", got)
	}
	if got := entries[0].fields["title"]; got != "On Sparse Attention for {LLMs}" {
		t.Errorf("title written as %q", got)
	}
	if got := entries[6].fields["title"]; got != "{GPT-4o} and {iPhone}: {3D} X-ray of {LLaMA-2} ({LLM}) Models" {
		t.Errorf("title written as %q", got)
	}
	if !strings.Contains(entries[2].fields["author"], "Schmidhuber, Jürgen") {
		t.Errorf("hidden author missing: %q", entries[2].fields["author"])
	}
}

// TestBibTitleProtectsNames: a capitalised word with a digit, or a
// language's name with # or +, is a name a sentence-casing style must
// not lowercase; an ordinary capitalised word is left to the style.
func TestBibTitleProtectsNames(t *testing.T) {
	tests := []struct{ in, want string }{
		{"C++ and C# for .NET: FlashPrefill V2", `{C}++ and {C}\# for .{NET}: {FlashPrefill} {V2}`},
		{"Repo0: Learning with Llama-3 and Qwen2.5", "{Repo0}: Learning with {Llama-3} and {Qwen2.5}"},
		{"A Survey of 3 Methods, Part 2", "A Survey of 3 Methods, Part 2"},
	}
	for _, tt := range tests {
		if got := bibTitle(tt.in); got != tt.want {
			t.Errorf("bibTitle(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestEscapeTeX(t *testing.T) {
	tests := []struct{ in, want string }{
		{"plain", "plain"},
		{"R&D 50% $5 #1 a_b", `R\&D 50\% \$5 \#1 a\_b`},
		{"{x}", `{\textbraceleft}x{\textbraceright}`},
		{`~^\`, `{\textasciitilde}{\textasciicircum}{\textbackslash}`},
		{`a<b>c|"d"`, `a{\textless}b{\textgreater}c{\textbar}{"}d{"}`},
		{"$\\alpha$", `\${\textbackslash}alpha\$`},
		{"日本語 émoji 👍", "日本語 émoji 👍"},
	}
	for _, tt := range tests {
		if got := escapeTeX(tt.in); got != tt.want {
			t.Errorf("escapeTeX(%q) = %q, want %q", tt.in, got, tt.want)
		}
		if back, err := untex(tt.want); err != nil || back != tt.in {
			t.Errorf("untex(%q) = %q, %v", tt.want, back, err)
		}
	}
}

func TestBibName(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Ada Lovelace", "Lovelace, Ada"},
		{"J. R. R. Tolkien", "Tolkien, J. R. R."},
		{"Ludwig van Beethoven", "van Beethoven, Ludwig"},
		{"Martin Luther King Jr.", "King, Jr., Martin Luther"},
		{"Blaise Agüera y Arcas", "y Arcas, Blaise Agüera"},
		{"NVIDIA", "NVIDIA"},
		{"张伟", "张伟"},
		{"Qwen Team", "{Qwen Team}"},
		{"Tom and Jerry", "Jerry, Tom {and}"},
		{"Smith, John", "Smith, John"}, // already BibTeX's order
		{"van der Berg, Jan", "van der Berg, Jan"},
		{"King, Jr, Martin", "King, Jr, Martin"},
		{"Tom, and Jerry", "Tom, {and} Jerry"},
		{"a, b, c, d", "d, {a,} {b,} {c,}"}, // not a name in parts: braced as before
		{"others", "{others}"},
		{"Jean-Pierre O'Neil_x", `O'Neil\_x, Jean-Pierre`},
	}
	for _, tt := range tests {
		if got := bibName(tt.in); got != tt.want {
			t.Errorf("bibName(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestKeys(t *testing.T) {
	tests := []struct {
		name, title, id string
		want            string
	}{
		{"Ada Lovelace", "Sparse Attention", "2501.00001", "lovelace2025sparse"},
		{"Jürgen Schmidhuber", "The Towards of an Approach", "2501.00001", "schmidhuber2025approach"},
		{"Søren Riis", "Ærø", "2501.00001", "riis2025aero"},
		{"Piotr Miłoś", "Straße", "2501.00001", "milos2025strasse"},
		{"Jan Łucki", "Đà Nẵng", "2501.00001", "lucki2025da"},
		{"Nguyễn Văn A", "Decomposed e\u0301te\u0301", "2501.00001", "a2025decomposed"},
		{"Tran Đuc Nguyễn", "x", "2501.00001", "nguyen2025x"},
		{"张伟", "Anything", "2510.00002", "arxiv251000002"},
		{"Γιώργος Παπαδόπουλος", "Anything", "2412.12345", "arxiv241212345"},
		{"", "No Name", "2401.00001", "anon2024no"},
		{"Ada Lovelace", "多模态", "2501.00001", "lovelace2025"},
		{"Ada Lovelace", "The Of", "2501.00001", "lovelace2025the"},
		{"Ludwig van Beethoven", "GPT-4o: 3D", "2501.00001", "beethoven2025gpt"},
		{"Martin Luther King Jr.", "Dream", "2501.00001", "king2025dream"},
		{"Qwen Team", "Qwen3", "2501.00001", "qwenteam2025qwen"},
	}
	for _, tt := range tests {
		p := feed.Paper{ID: tt.id, Title: tt.title}
		if tt.name != "" {
			p.Authors = authors(tt.name)
		}
		if got := baseKey(p); got != tt.want {
			t.Errorf("baseKey(%q, %q) = %q, want %q", tt.name, tt.title, got, tt.want)
		}
	}
}

func TestKeySetSuffixes(t *testing.T) {
	s := keySet{}
	var got []string
	for range 28 {
		got = append(got, s.unique("k"))
	}
	want := map[int]string{0: "k", 1: "kb", 2: "kc", 25: "kz", 26: "kba", 27: "kbb"}
	for i, w := range want {
		if got[i] != w {
			t.Errorf("key %d = %q, want %q", i, got[i], w)
		}
	}
	s = keySet{}
	s.unique("ab")
	s.unique("ab") // abb
	if k := s.unique("abb"); k != "abbb" {
		t.Errorf("a bare key taken by a suffixed one became %q", k)
	}
}

func TestInvalidID(t *testing.T) {
	recs := []store.Record{{Paper: feed.Paper{ID: "2510.0000\x1b"}}}
	for name, f := range map[string]func() error{
		"bibtex":   func() error { return BibTeX(&bytes.Buffer{}, recs) },
		"markdown": func() error { return Markdown(&bytes.Buffer{}, recs, "") },
		"csv":      func() error { return CSV(&bytes.Buffer{}, recs) },
	} {
		if err := f(); err == nil || strings.ContainsRune(err.Error(), 0x1b) {
			t.Errorf("%s: err = %v", name, err)
		}
	}
}

// TestBibTeXTool runs bibtex over the output when it is installed.
func TestBibTeXTool(t *testing.T) {
	bin, err := exec.LookPath("bibtex")
	if err != nil {
		t.Skip("bibtex is not installed")
	}
	dir := t.TempDir()
	var buf bytes.Buffer
	if err := BibTeX(&buf, awkward()); err != nil {
		t.Fatal(err)
	}
	writeFile(t, filepath.Join(dir, "refs.bib"), buf.Bytes())
	writeFile(t, filepath.Join(dir, "doc.aux"), []byte("\\relax\n\\citation{*}\n\\bibstyle{plain}\n\\bibdata{refs}\n"))
	cmd := exec.Command(bin, "doc")
	cmd.Dir = dir
	out, err := cmd.CombinedOutput()
	if err != nil || bytes.Contains(out, []byte("error message")) {
		t.Fatalf("bibtex: %v\n%s", err, out)
	}
}
