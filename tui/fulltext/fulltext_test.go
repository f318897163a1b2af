package fulltext

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/charmbracelet/x/ansi"

	"github.com/papertui/papers/feed"
	"github.com/papertui/papers/feed/feedtest"
	"github.com/papertui/papers/tui/article"
)

const src = "https://arxiv.org/html/2503.10291v2"

func TestCitationsCompact(t *testing.T) {
	for in, want := range map[string]string{
		"as in (Helff et al., [2024](" + src + "#bib.bib15)).":                                 `as in \[Helff et al\., 2024\]\.`,
		"see (Li, [2023](" + src + "#bib.bib1); Wu et al., [2024a](" + src + "#bib.bib2)) too": `see \[Li, 2023; Wu et al\., 2024a\] too`,
		"Helff et al. ([2024](" + src + "#bib.bib15)) show":                                    `Helff et al\. \[2024\] show`,
		"Fig.[1](" + src + "#S3.F1 \"Figure 1 ‣ 3 Safety Policy ‣ Title\") shows":              `Fig\.1 shows`,
		"Table [2](" + src + "#S4.T2 \"Table 2 ‣ 4\") lists":                                   `Table 2 lists`,
	} {
		if got := inline(in); got != want {
			t.Errorf("inline(%q)\n = %q\nwant %q", in, got, want)
		}
	}
}

func TestMathDuplicatesCollapse(t *testing.T) {
	for in, want := range map[string]string{
		"a batch of 10k 10 𝑘 10k 10 italic_k examples":                   "a batch of 10k examples",
		"L(θ)=𝔼[r] L ( italic_θ ) = blackboard_E [ italic_r ] (2)":       `L\(θ\)&#61;𝔼\[r\] \(2\)`,
		"only 10 italic_k left":                                          "only 10k left",
		"x_t italic_x start_POSTSUBSCRIPT italic_t end_POSTSUBSCRIPT is": `x\_t is`,
	} {
		if got := inline(in); got != want {
			t.Errorf("inline(%q)\n = %q\nwant %q", in, got, want)
		}
	}
}

func TestTeXAndMacros(t *testing.T) {
	for in, want := range map[string]string{
		`a rate of \alpha=0.5`:       `a rate of α&#61;0\.5`,
		`both (∼\sim 47.0%) and`:     `both \(∼ 47\.0%\) and`,
		`keep \useunder this`:        `keep this`,
		`_arXiv preprint_, 2024.`:    `arXiv preprint, 2024\.`,
		`1 1 1 Henceforth, we call.`: `Footnote 1&#58; Henceforth, we call\.`,
	} {
		if got := inline(in); got != want {
			t.Errorf("inline(%q)\n = %q\nwant %q", in, got, want)
		}
	}
	d := Clean("\\useunder\n\n\\ul\n\n###### Abstract\n\nText.")
	if strings.Contains(d.Markdown, `\ul`) || strings.Contains(d.Markdown, `\useunder`) || !strings.HasPrefix(d.Markdown, "## Abstract") {
		t.Errorf("macros kept: %q", d.Markdown)
	}
}

func TestFiguresAndTables(t *testing.T) {
	md := "Intro.\n\n![Image 4: Refer to caption](" + src + "/x1.png)\n\nFigure 1: The loss (Helff et al., [2024](" + src + "#bib.bib1)).\n\n" +
		"![Image 5: [Uncaptioned image]](" + src + "/x2.png)\n\n" +
		"Model Params Acc\nOurs 7B 61.2\n\nTable 1: Results.\n\nAfter."
	d := Clean(md)
	if len(d.Figures) != 2 || d.Figures[0].Label != "Figure 1" || d.Figures[0].URL != src+"/x1.png" || d.Figures[1].Caption != "" {
		t.Errorf("figures = %+v", d.Figures)
	}
	want := "Intro\\.\n\n> **Figure 1:** The loss \\[Helff et al\\., 2024\\]\\.\n\n> **Image 5:** *(no caption)*\n\n```\nModel Params Acc\nOurs 7B 61.2\n```\n\n> **Table 1:** Results\\.\n\nAfter\\."
	if d.Markdown != want {
		t.Errorf("Markdown =\n%s\nwant\n%s", d.Markdown, want)
	}
}

// TestPipeTables: a Markdown pipe table stays rows, whether its caption
// comes above it (where arXiv puts most), below it, or not at all; joined
// as a paragraph it read as one run of cells.
func TestPipeTables(t *testing.T) {
	rows := "| Method | Acc |\n| --- | --- |\n| Ours | 91.2 |"
	listing := "```\n| Method | Acc |\n| --- | --- |\n| Ours | 91.2 |\n```"
	for md, want := range map[string]string{
		"Table 2: Above.\n\n" + rows + "\n\nAfter.": "> **Table 2:** Above\\.\n\n" + listing + "\n\nAfter\\.",
		rows + "\n\nTable 3: Below.":                listing + "\n\n> **Table 3:** Below\\.",
		"Before.\n\n" + rows:                        "Before\\.\n\n" + listing,
	} {
		if got := Clean(md).Markdown; got != want {
			t.Errorf("Clean(%q) =\n%s\nwant\n%s", md, got, want)
		}
	}
}

func TestReferencesAtEndAndOutline(t *testing.T) {
	md := "## 1 Introduction\n\nText.\n\nReferences\n----------\n\n*   Achiam et al. (2023) J.Achiam.\n\n## Appendix A More\n\n### A.1 Detail\n\nMore text."
	d := Clean(md)
	var titles []string
	lines := strings.Split(d.Markdown, "\n")
	for _, s := range d.Outline {
		titles = append(titles, s.Title)
		if !strings.HasPrefix(lines[s.Line], "#") || !strings.Contains(unescape(lines[s.Line]), s.Title) {
			t.Errorf("section %q at line %d: %q", s.Title, s.Line, lines[s.Line])
		}
	}
	if strings.Join(titles, "|") != "1 Introduction|Appendix A More|A.1 Detail|References" {
		t.Errorf("outline = %q", titles)
	}
	if d.Outline[2].Level != 2 || d.Outline[3].Level != 1 {
		t.Errorf("levels = %+v", d.Outline)
	}
	if !strings.HasSuffix(d.Markdown, "- Achiam et al\\. \\(2023\\) J\\.Achiam\\.") {
		t.Errorf("references not at the end:\n%s", d.Markdown)
	}
}

func TestLists(t *testing.T) {
	d := Clean("*   •First item\n*   •Second\ncontinued\n\n1.   Numbered")
	if d.Markdown != "- First item\n- Second continued\n\n- Numbered" {
		t.Errorf("lists = %q", d.Markdown)
	}
}

func TestFullLengthPapers(t *testing.T) {
	ft, err := feed.ParseFullText("2503.10291", []byte(feedtest.PaperText("2503.10291", 14)), 0)
	if err != nil {
		t.Fatal(err)
	}
	d := Clean(ft.Markdown)
	if len(d.Outline) != 1+14*2+1 || len(d.Figures) != 14 {
		t.Errorf("outline %d, figures %d", len(d.Outline), len(d.Figures))
	}
	for _, noise := range []string{"arxiv.org", "italic_", "blackboard_", `\useunder`, "Refer to caption", "•"} {
		if strings.Contains(d.Markdown, noise) {
			t.Errorf("noise %q left", noise)
		}
	}
	if _, err := article.Render(d.Markdown, 100, "ascii"); err != nil {
		t.Fatal(err)
	}
}

func TestRealTexts(t *testing.T) {
	for _, rt := range feedtest.RealTexts(t) {
		name, id := rt.Name, rt.ID
		ft, err := feed.ParseFullText(id, rt.Body, 0)
		if err != nil {
			t.Fatal(err)
		}
		d := Clean(ft.Markdown)
		if len(d.Outline) < 2 || d.Outline[0].Title != "Abstract" || !strings.HasPrefix(d.Outline[1].Title, "1 Introduction") {
			t.Errorf("%s: outline %+v", name, d.Outline)
		}
		if strings.Contains(d.Markdown, `\useunder`) || strings.Contains(d.Markdown, "∼∼") {
			t.Errorf("%s: noise left", name)
		}
	}
}

// hostile holds every kind of thing a terminal would act on, links that
// must never be offered, and bytes that are not text.
var hostile = "Title line\n\n## 1 Intro \x1b[2J\x1b]0;pwned\x07\n\n" +
	"Click [here](javascript:alert(1)) or [there](file:///etc/passwd) or <a href=\"javascript:x\">a</a>.\n\n" +
	"OSC 8: \x1b]8;;https://evil.example\x1b\\link\x1b]8;;\x1b\\ and C1 \u009b31m red and \x9b bare.\n\n" +
	"NUL \x00 here, bad \xff\xfe bytes, bidi \u202egnirts\u202c, DEL \x7f, bell \x07.\n\n" +
	"![Image 1: x](javascript:alert(1))\n\nFigure 1: caption \x1b[31mred.\n\n" +
	"![Image 2: y](file:///etc/passwd)\n\n" +
	"<script>alert(1)</script>\n\n" + strings.Repeat("long line ", 100_000) + "\n\n```\ncode\n```"

func TestHostileTextNeverReachesTheTerminalRaw(t *testing.T) {
	d := Clean(hostile)
	for _, f := range d.Figures {
		if f.URL != "" {
			t.Errorf("figure %s offers %q", f.Label, f.URL)
		}
	}
	for _, style := range []string{"ascii", "dark"} {
		out, err := article.Render(d.Markdown, 80, style)
		if err != nil {
			t.Fatal(err)
		}
		checkSafe(t, style, out)
	}
	checkSafe(t, "markdown", d.Markdown)
	if strings.Contains(d.Markdown, "javascript:") || strings.Contains(d.Markdown, "file:") || strings.Contains(d.Markdown, "<script>") {
		t.Error("a link or HTML survived as syntax")
	}
	for _, s := range d.Outline {
		checkSafe(t, "outline", s.Title)
	}
}

// checkSafe fails on anything but SGR colour sequences glamour writes
// itself: no other escape, control, bidi control or invalid UTF-8.
func checkSafe(t *testing.T, what, s string) {
	t.Helper()
	if !utf8.ValidString(s) {
		t.Errorf("%s: invalid UTF-8", what)
	}
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == 0x1b:
			// Only glamour's own SGR: ESC [ digits ; m
			j := i + 1
			if j < len(s) && s[j] == '[' {
				j++
				for j < len(s) && (s[j] >= '0' && s[j] <= '9' || s[j] == ';') {
					j++
				}
				if j < len(s) && s[j] == 'm' {
					i = j + 1
					continue
				}
			}
			t.Fatalf("%s: escape sequence at %d: %q", what, i, s[i:min(len(s), i+20)])
		case r < 0x20 && r != '\n' && r != '\t', r == 0x7f, r >= 0x80 && r < 0xa0, r == 0x202e, r == 0x202c:
			t.Fatalf("%s: control %U at %d", what, r, i)
		}
		i += n
	}
}

// TestLinksNeverOffered: no link in a paper's text is a link on screen;
// an http(s) address outside the paper is shown as text after its words
// (the reader wants it: "code is [here](…)"), a cross-reference, a
// citation or any other scheme is not.
func TestLinksNeverOffered(t *testing.T) {
	for in, want := range map[string]string{
		"Click [me](javascript:alert(1)) now":                      "Click me now",
		"see [file](file:///etc/passwd) there":                     "see file there",
		"an ![img](javascript:x(1)) inline":                        "an inline",
		"[site](https://example.com/a_(b)) ok":                     "site (https://example.com/a_(b)) ok",
		"at [https://x.org/c](https://x.org/c) now":                "at https://x.org/c now",
		"Fig.[1](https://arxiv.org/html/2503.10291v1#S3.F1) shows": "Fig.1 shows",
		`[here](https://github.com/a/b "the code")`:                "here (https://github.com/a/b)",
	} {
		if got := plain(in); got != want {
			t.Errorf("plain(%q) = %q, want %q", in, got, want)
		}
		if out, err := article.Render(inline(in), 80, "dark"); err != nil || strings.Contains(out, "\x1b]8;") || !strings.Contains(ansi.Strip(out), strings.Fields(want)[len(strings.Fields(want))-2]) {
			t.Errorf("%q is rendered as a link: %q, %v", in, out, err)
		}
	}
}

func TestChunksJoinToTheDocument(t *testing.T) {
	ft, err := feed.ParseFullText("2503.10291", []byte(feedtest.PaperText("2503.10291", 12)), 0)
	if err != nil {
		t.Fatal(err)
	}
	d := Clean(ft.Markdown)
	chunks := d.Chunks()
	if len(chunks) != len(d.Outline)+1 || strings.Join(chunks, "\n\n") != d.Markdown {
		t.Errorf("%d chunks for %d sections; joined equal: %v", len(chunks), len(d.Outline), strings.Join(chunks, "\n\n") == d.Markdown)
	}
	for i, c := range chunks[1:] {
		if !strings.HasPrefix(c, "#") {
			t.Errorf("chunk %d starts %q", i+1, c[:min(len(c), 30)])
		}
	}
}
