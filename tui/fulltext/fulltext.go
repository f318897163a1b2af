// Package fulltext turns a paper's whole text, as Hugging Face converts it
// from arXiv's HTML, into a document fit to read in a terminal: the
// converter's noise cleaned up (citations compact, figures as their
// captions, LaTeXML math duplicates collapsed, TeX as Unicode, leftover
// macros dropped, flattened tables kept in monospace, references at the
// end) and an outline of its sections.
//
// Clean is a pure function. The text is untrusted: every piece of it goes
// through tui/clean and is escaped, so the Markdown it returns holds only
// the structure Clean writes itself (headings, lists, code blocks for
// tables, emphasis for captions), never a link, image, HTML or escape
// sequence from the text. Figure image URLs are kept aside, and only
// http(s) ones (never javascript: or file:).
package fulltext

import (
	"fmt"
	"strings"

	"github.com/papertui/papers/tui/clean"
)

// Doc is a cleaned paper.
type Doc struct {
	Markdown string    // safe Markdown for glamour
	Outline  []Section // the headings, in order
	Figures  []Figure  // every figure, captioned or not, in order
}

// Section is one heading of the outline.
type Section struct {
	Level int    // 1 for a section, 2 for a subsection, …
	Title string // clean one-line text
	Line  int    // line of Doc.Markdown holding the heading, from 0
}

// Figure is one figure: its caption and where its image is.
type Figure struct {
	Label   string // "Figure 3", or "Image 2" when uncaptioned
	Caption string // clean text, "" when uncaptioned
	URL     string // the image, an http(s) URL, or ""
}

// block is one paragraph-level piece of the source: lines between blank
// lines.
type block struct {
	lines []string
	code  bool // a fenced code block: lines kept as written, cleaned of escapes only
}

// Clean cleans a paper's Markdown (the body after HF's wrapper).
func Clean(md string) Doc {
	blocks := splitDocument(md)
	var d Doc
	var out, refs []string // output blocks; the References section's blocks
	inRefs := false
	emit := func(s string) {
		if inRefs {
			refs = append(refs, s)
		} else {
			out = append(out, s)
		}
	}
	for i := 0; i < len(blocks); i++ {
		b := blocks[i]
		if b.code {
			emit(codeBlock(b.lines))
			continue
		}
		if level, title, ok := heading(b); ok {
			inRefs = isReferences(title)
			emit(headingMarker(level, title))
			continue
		}
		if fig, ok := figure(b); ok {
			if i+1 < len(blocks) && captionOf(blocks[i+1], "Figure") != "" {
				fig.Label, fig.Caption = splitCaption(captionOf(blocks[i+1], "Figure"))
				i++
			}
			d.Figures = append(d.Figures, fig)
			caption := inline(fig.Caption)
			if caption == "" {
				// Still a figure to see: its place is shown, and f opens it.
				caption = "*(no caption)*"
			}
			emit(fmt.Sprintf("> **%s:** %s", clean.Markdown(fig.Label), caption))
			continue
		}
		if isMacroBlock(b) {
			continue
		}
		if len(b.lines) > 1 && i+1 < len(blocks) && captionOf(blocks[i+1], "Table") != "" {
			label, caption := splitCaption(captionOf(blocks[i+1], "Table"))
			emit(table(b.lines))
			emit(fmt.Sprintf("> **%s:** %s", clean.Markdown(label), inline(caption)))
			i++
			continue
		}
		if c := captionOf(b, "Table"); c != "" && i+1 < len(blocks) && pipeTable(blocks[i+1]) {
			// arXiv puts most table captions above the table.
			label, caption := splitCaption(c)
			emit(fmt.Sprintf("> **%s:** %s", clean.Markdown(label), inline(caption)))
			emit(table(blocks[i+1].lines))
			i++
			continue
		}
		if pipeTable(b) { // uncaptioned, or its caption further away
			emit(table(b.lines))
			continue
		}
		if items, ok := list(b); ok {
			emit(items)
			continue
		}
		emit(inline(strings.Join(b.lines, " ")))
	}
	out = append(out, refs...)
	d.Markdown, d.Outline = assemble(out)
	return d
}

// headingMark prefixes the headings Clean writes so that assemble can find
// them for the outline; it is a private-use character no text keeps
// (clean.Text leaves them, so the text's own are removed in splitBlocks).
const headingMark = "\uF8FF"

func headingMarker(level int, title string) string {
	return headingMark + strings.Repeat("#", level+1) + " " + clean.Markdown(clean.TeX(title))
}

// assemble joins the blocks and lists the headings with their lines.
func assemble(blocks []string) (string, []Section) {
	var b strings.Builder
	var outline []Section
	line := 0
	for _, s := range blocks {
		if s == "" {
			continue
		}
		if b.Len() > 0 {
			b.WriteString("\n\n")
			line += 2
		}
		if rest, ok := strings.CutPrefix(s, headingMark); ok {
			hashes := len(rest) - len(strings.TrimLeft(rest, "#"))
			title := unescape(strings.TrimSpace(rest[hashes:]))
			outline = append(outline, Section{Level: hashes - 1, Title: title, Line: line})
			s = rest
		}
		b.WriteString(s)
		line += strings.Count(s, "\n")
	}
	return b.String(), outline
}

// unescape undoes clean.Markdown for the outline's plain titles.
var unescaper = strings.NewReplacer(`\\`, `\`, "\\`", "`", `\*`, `*`, `\_`, `_`, `\{`, `{`, `\}`, `}`,
	`\[`, `[`, `\]`, `]`, `\(`, `(`, `\)`, `)`, `\<`, `<`, `\>`, `>`, `\#`, `#`, `\+`, `+`, `\-`, `-`,
	`\.`, `.`, `\!`, `!`, `\|`, `|`, "&amp;", "&", "&#126;", "~", "&#58;", ":", "&#61;", "=")

func unescape(s string) string { return unescaper.Replace(s) }

func splitBlocks(s string) []block {
	s = strings.ReplaceAll(s, headingMark, "")
	var blocks []block
	var cur []string
	for _, line := range strings.Split(s, "\n") {
		if strings.TrimSpace(line) == "" {
			if len(cur) > 0 {
				blocks = append(blocks, block{lines: cur})
				cur = nil
			}
			continue
		}
		cur = append(cur, line)
	}
	if len(cur) > 0 {
		blocks = append(blocks, block{lines: cur})
	}
	return splitSetext(blocks)
}

var setextRE = lazyRegexp(`^(-{3,}|={3,})\s*$`)

// splitSetext separates a setext heading (a line over dashes) from the
// lines before it in the same block.
func splitSetext(blocks []block) []block {
	var out []block
	for _, b := range blocks {
		start := 0
		for i := 1; i < len(b.lines); i++ {
			if setextRE().MatchString(b.lines[i]) && i-1 > start {
				out = append(out, block{lines: b.lines[start : i-1]})
				start = i - 1
			}
		}
		out = append(out, block{lines: b.lines[start:]})
	}
	return out
}

var atxRE = lazyRegexp(`^(#{1,6})\s+(.+?)\s*#*\s*$`)

// heading reads an ATX heading or a setext one as a level: 1 for a
// section ("## 1 Introduction", or setext), 2 for "### 4.1 …". HF writes
// the abstract's heading as "######": it is a section like the others.
func heading(b block) (int, string, bool) {
	if len(b.lines) == 1 {
		if m := atxRE().FindStringSubmatch(b.lines[0]); m != nil {
			level := min(max(len(m[1])-1, 1), 4)
			if len(m[1]) == 6 {
				level = 1
			}
			return level, clean.Line(m[2]), true
		}
	}
	if len(b.lines) == 2 && setextRE().MatchString(b.lines[1]) {
		return 1, clean.Line(b.lines[0]), true
	}
	return 0, "", false
}

func isReferences(title string) bool {
	t := strings.ToLower(strings.TrimSpace(title))
	return t == "references" || t == "bibliography"
}

var imageRE = lazyRegexp(`^!\[Image (\d+): (.*)\]\(((?:[^()\s]|\([^()\s]*\))*)\)\s*$`)

// figure reads an image line: the image link kept aside, its alt text
// dropped (HF writes "Refer to caption" or "[Uncaptioned image]").
func figure(b block) (Figure, bool) {
	if len(b.lines) != 1 {
		return Figure{}, false
	}
	m := imageRE().FindStringSubmatch(b.lines[0])
	if m == nil {
		return Figure{}, false
	}
	u, _ := clean.URL(m[3])
	return Figure{Label: "Image " + m[1], URL: u}, true
}

var captionRE = lazyRegexp(`^(Figure|Table|Fig\.)\s*(\d+[a-z]?)\s*[:.]`)

// captionOf is the block as a caption of kind ("Figure N: …"), or "".
func captionOf(b block, kind string) string {
	s := strings.Join(b.lines, " ")
	m := captionRE().FindStringSubmatch(s)
	if m == nil || !strings.HasPrefix(m[1], kind[:3]) {
		return ""
	}
	return s
}

func splitCaption(s string) (label, caption string) {
	label, caption, _ = strings.Cut(s, ":")
	return clean.Line(label), strings.TrimSpace(caption)
}

// isMacroBlock is a block of leftover TeX macros alone (\useunder, \ul).
func isMacroBlock(b block) bool {
	if !strings.HasPrefix(strings.TrimSpace(b.lines[0]), `\`) {
		return false // most blocks: no need to look at every word
	}
	for _, l := range b.lines {
		for _, f := range strings.Fields(l) {
			if !macroRE().MatchString(f) {
				return false
			}
		}
	}
	return true
}

var macroRE = lazyRegexp(`^\\[A-Za-z]+$`)

var pipeRowRE = lazyRegexp(`^\s*\|.*\|\s*$`)

// pipeTable says whether a block is a Markdown pipe table: two rows or
// more, each between pipes. Joined as a paragraph it would read as one
// run of cells.
func pipeTable(b block) bool {
	if len(b.lines) < 2 {
		return false
	}
	for _, l := range b.lines {
		if !pipeRowRE().MatchString(l) {
			return false
		}
	}
	return true
}

// table keeps a flattened table's rows as they are, in monospace.
func table(lines []string) string {
	var b strings.Builder
	b.WriteString("```\n")
	for _, l := range lines {
		b.WriteString(strings.ReplaceAll(clean.Line(clean.TeX(l)), "`", "'"))
		b.WriteByte('\n')
	}
	b.WriteString("```")
	return b.String()
}

var bulletRE = lazyRegexp(`^\s*(?:[*+-]|\d+\.)\s+•?\s*(.*)$`)

// list reads a bullet list ("*   •Item"), one item a line; a line that is
// not an item continues the one before.
func list(b block) (string, bool) {
	if !bulletRE().MatchString(b.lines[0]) {
		return "", false
	}
	var items []string
	for _, l := range b.lines {
		if m := bulletRE().FindStringSubmatch(l); m != nil {
			items = append(items, m[1])
		} else {
			items[len(items)-1] += " " + strings.TrimSpace(l)
		}
	}
	var out strings.Builder
	for i, it := range items {
		if i > 0 {
			out.WriteByte('\n')
		}
		out.WriteString("- " + inline(it))
	}
	return out.String(), true
}

// Chunks splits Doc.Markdown at its headings: each chunk a heading and
// what follows it up to the next (the first, what comes before the first
// heading). Rendering the first chunk or two shows a paper's first screen
// at once, while the rest renders in the background; joined with blank
// lines they are the whole document.
func (d Doc) Chunks() []string {
	lines := strings.Split(d.Markdown, "\n")
	var chunks []string
	start := 0
	for _, s := range d.Outline {
		if s.Line > start {
			chunks = append(chunks, strings.TrimRight(strings.Join(lines[start:s.Line], "\n"), "\n"))
		}
		start = s.Line
	}
	chunks = append(chunks, strings.Join(lines[start:], "\n"))
	return chunks
}
