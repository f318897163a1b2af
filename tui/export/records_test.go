package export

import (
	"fmt"
	"strings"
	"time"

	"github.com/papertui/papers/feed"
	"github.com/papertui/papers/store"
)

func authors(names ...string) []feed.Author {
	out := make([]feed.Author, len(names))
	for i, n := range names {
		out[i] = feed.Author{Name: n}
	}
	return out
}

func rec(id, title string, names ...string) store.Record {
	return store.Record{Paper: feed.Paper{
		ID: id, Title: title, Authors: authors(names...),
		Published: time.Date(2000+int(id[0]-'0')*10+int(id[1]-'0'), time.Month(int(id[2]-'0')*10+int(id[3]-'0')), 3, 12, 0, 0, 0, time.UTC),
		Day:       "2025-10-01",
	}}
}

// awkward are hand-made records with the text reference managers and
// spreadsheets trip over.
func awkward() []store.Record {
	many := make([]string, 50)
	for i := range many {
		many[i] = fmt.Sprintf("Author%02d Surname%02d", i, i)
	}
	rs := []store.Record{
		rec("2510.00001", "On Sparse Attention for LLMs", "Ada Lovelace", "Charles Babbage"),
		rec("2510.00002", "Sparse Attention, Again", "Ada Lovelace"),
		rec("2510.00003", "$\\alpha$-Divergence and $O(n^2)$ Bounds with \\textbf{bold}", "Jürgen Schmidhuber"),
		rec("2510.00004", "Braces {unbalanced and } } { nested {{x}} %50 & R&D # _ ~ ^ \\ | < > \"q\"", "Søren Riis"),
		rec("2510.00005", "多模态大模型的评测：一个基准", "张伟", "李娜"),
		rec("2510.00006", "Ångström-scale Zürich naïve café 👩‍🔬 🇯🇵 ∑∫≤ αβγ", "Piotr Miłoś", "Łukasz Kaiser", "Đặng Văn Lâm"),
		rec("2510.00007", "GPT-4o and iPhone: 3D X-ray of LLaMA-2 (LLM) Models", many...),
		rec("2510.00008", "A Paper Without Authors"),
		rec("2510.00009", "Escape \x1b[31mred\x1b[0m \x1b]8;;http://evil\x07link\x1b]8;;\x07 \u202Ereversed\u202C\u200B bell\x07 del\x7f c1\u009b31m", "Eve \x1b[2JMallory"),
		rec("2510.00010", "Ludwig van Beethoven's Names", "Ludwig van Beethoven", "Juan de la Cruz", "Martin Luther King Jr.", "bing li", "Tom and Jerry", "Smith, John", "others"),
		rec("2510.00011", "Group Authors", "Qwen Team", "Gemma Team", "NVIDIA", "Mind Lab"),
		rec("2510.00012", "[x](javascript:alert(1)) <script>alert(1)</script> *bold* `code` # heading", "<img src=x onerror=alert(1)>", "=cmd|' /C calc'!A0"),
		rec("2510.00013", "=HYPERLINK(\"http://evil\",\"click\")", "+Plus Minus", "-Dash", "@At"),
		rec("2510.00014", "The Towards of the", "Ada Lovelace"),
		rec("2510.00015", "On Sparse Attention for LLMs", "Ada Lovelace", "Charles Babbage"),
		rec("2510.00016", "On Sparse Attention for LLMs", "Ada Lovelace"),
		rec("2510.00017", "Λόγος και Εικόνα", "Γιώργος Παπαδόπουλος"),
		rec("2510.00018", "   Whitespace\n\tand\r\nnewlines  in\u00a0titles  ", "  Spaced   Out\nName  ", "", "  "),
		rec("2510.00019", "Sparse", "Ada Lovelac"),
		rec("2510.00020", "Sparseb", "Ada Lovelace"), // its bare key is taken by the second collision
	}
	rs[2].Authors[0].Hidden = true
	rs[5].Authors = append(rs[5].Authors, feed.Author{Name: "Hidden Person", Hidden: true})
	rs[7].Published = time.Time{} // year from the id
	rs[8].Organization = "Org\x1b[1m Bold\u202E"
	rs[8].AISummary = "Summary with \x1b[31mcolour\x1b[0m and\nnew\nlines and \u2066isolate\u2069."
	rs[8].GitHubRepo = "javascript:alert(1)"
	rs[8].ProjectPage = "https://example.com/a(b)<c>?x=1&y=2"
	rs[0].GitHubRepo = "https://github.com/ada/sparse"
	rs[0].ProjectPage = "https://ada.example/sparse"
	rs[0].AISummary = "A **bold** claim.\n\nSecond paragraph: <b>html</b> [link](http://x)."
	rs[0].Read = true
	rs[0].Queued = true
	rs[0].QueuePos = 1
	rs[11].Organization = "@evil"
	rs[11].AISummary = "-2+3"
	rs[11].Day = "not a day \x1b[1m"
	return rs
}

// hostile reports the first character in s that a terminal would act on or
// that reorders text: C0 controls other than \n, DEL, C1, bidi controls.
func hostile(s string) (rune, bool) {
	for _, r := range s {
		switch {
		case r < 0x20 && r != '\n', r == 0x7F, r >= 0x80 && r < 0xA0,
			r >= 0x202A && r <= 0x202E, r >= 0x2066 && r <= 0x2069,
			r == 0x200E, r == 0x200F, r == 0x061C:
			return r, true
		}
	}
	return 0, false
}

var benignBits = []string{"多模态大模型的评测", "张伟", "Zürich", "naïve café", "👩‍🔬", "🇯🇵", "∑∫≤", "Miłoś", "Ångström", "Γιώργος"}

func containsAll(s string, subs []string) []string {
	var missing []string
	for _, sub := range subs {
		if !strings.Contains(s, sub) {
			missing = append(missing, sub)
		}
	}
	return missing
}
