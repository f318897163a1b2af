package clean

import (
	"math/rand/v2"
	"strings"
	"testing"
	"unicode/utf8"
)

// benign is ordinary text from the feed that must come through byte for byte.
var benign = []string{
	"Attention Is All You Need",
	"日本語の論文タイトル",
	"한국어 대규모 언어 모델",
	"中文：多模态大模型的评测",
	"Scientists 👩‍🔬 in 🇯🇵 and 🏳️‍🌈",
	"👨‍👩‍👧‍👦 family, 👍🏽 skin tone, ❤️ variation selector",
	"🏴󠁧󠁢󠁳󠁣󠁴󠁿 Scotland flag tag sequence",
	"naïve café résumé Zürich Ångström",
	"combining e\u0301 and a\u0308 and n\u0303",
	"∑∫≤≥≈∞ ∀x∈ℝ: f(x)→0, √2, ∂/∂x",
	"Ελληνικά: αβγδε ΑΒΓΔΕ",
	"Persian زبان\u200cها with ZWNJ",
	"हिन्दी भाषा and தமிழ்",
	"العربية والنص المختلط with English",
	"עברית RTL text",
	"price: 10\u00a0GB, 5\u202fkm",
	"全角　スペース",
	"x^2 + y_i = {a, b} [1] (2) <3> & 50% ~10 #1 @user `code` *star* _under_ \\back",
	"",
	"a",
}

func TestBenignUnchanged(t *testing.T) {
	for _, s := range benign {
		if got := Line(s); got != s {
			t.Errorf("Line(%q) = %q, want unchanged", s, got)
		}
		if got := Text(s); got != s {
			t.Errorf("Text(%q) = %q, want unchanged", s, got)
		}
	}
	para := "First paragraph, line one\nline two.\n\n日本語の段落。\n\nΕλληνικά 👩‍🔬"
	if got := Text(para); got != para {
		t.Errorf("Text(%q) = %q, want unchanged", para, got)
	}
}

func TestLine(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"SGR colour", "\x1b[31mred\x1b[0m text", "red text"},
		{"SGR with many params", "a\x1b[38;2;255;0;0mb\x1b[m", "ab"},
		{"cursor movement", "safe\x1b[2J\x1b[Hhidden?", "safehidden?"},
		{"private mode", "x\x1b[?1049hy", "xy"},
		{"OSC 8 hyperlink", "\x1b]8;;https://evil.example/\x1b\\click me\x1b]8;;\x1b\\", "click me"},
		{"OSC 8 with BEL", "\x1b]8;;http://x\x07link\x1b]8;;\x07", "link"},
		{"OSC 52 clipboard", "copy\x1b]52;c;ZXZpbA==\x07 this", "copy this"},
		{"OSC 0 title", "\x1b]0;title\x07Paper", "Paper"},
		{"OSC ended by 8-bit ST", "a\x1b]0;t\u009cb", "ab"},
		{"OSC unterminated", "a \x1b]0;title", "a 0;title"},
		{"DCS", "a\x1bPq#0;2;0;0;0\x1b\\b", "ab"},
		{"APC", "a\x1b_Gf=100;AAAA\x1b\\b", "ab"},
		{"PM and SOS", "a\x1b^pm\x1b\\b\x1bXsos\x1b\\c", "abc"},
		{"two-byte escape", "a\x1bcb\x1b7c", "abc"},
		{"charset designation", "a\x1b(Bb", "ab"},
		{"lone ESC at end", "text\x1b", "text"},
		{"ESC ESC", "a\x1b\x1b[1mb", "ab"},
		{"8-bit CSI", "\u009b31mred", "red"},
		{"8-bit OSC", "a\u009d0;title\u0007b", "ab"},
		{"8-bit OSC with ST", "a\u009d52;c;ZXZpbA==\u009cb", "ab"},
		{"other C1", "a\u0080b\u0091c\u009cd", "abcd"},
		{"NEL", "a\u0085b", "a b"},
		{"raw C1 byte is invalid UTF-8", "a\x9b31mb", "a\uFFFD31mb"},
		{"bidi override", "abc\u202edcba\u202c", "abcdcba"},
		{"bidi isolates and marks", "\u2066a\u2069\u200eb\u200f\u061cc\u202a\u202b", "abc"},
		{"zero-width", "pa\u200bss\u2060wo\ufeffrd\u180e\u2062", "password"},
		{"soft hyphen", "hyphen\u00adation", "hyphenation"},
		{"ZWJ and ZWNJ kept", "👩\u200d🔬 زبان\u200cها", "👩\u200d🔬 زبان\u200cها"},
		{"trailing ZWJ dropped", "title \u200d", "title"},
		{"ZWJ at the end dropped", "Org\u200d", "Org"},
		{"ZWJ beside ASCII dropped", "a\u200db 👩\u200d x", "ab 👩 x"},
		{"leading ZWJ dropped", "\u200d🔬", "🔬"},
		{"ZWJ in Devanagari kept", "क्\u200dष", "क्\u200dष"},
		{"NUL", "a\x00b", "ab"},
		{"DEL", "a\x7fb", "ab"},
		{"BEL and BS", "a\x07\x08b", "ab"},
		{"tab and newlines", "\t a\tb\n\nc\r\nd\re \n", "a b c d e"},
		{"space runs", "a    b  \u00a0 c", "a b c"},
		{"lone NBSP kept", "10\u00a0GB", "10\u00a0GB"},
		{"trim unicode spaces", "\u3000\u00a0title\u2003", "title"},
		{"line separators", "a\u2028b\u2029c", "a b c"},
		{"invalid UTF-8", "a\xffb\xc3(", "a\uFFFDb\uFFFD("},
		{"tag smuggling", "hi\U000E0068\U000E0069 there", "hi there"},
		{"flag then smuggling", "🏴\U000E0069\U000E0067\U000E006E\U000E006F\U000E0072\U000E0065\U000E0020\U000E0061\U000E007F", "🏴"},
		{"only controls", "\x1b[0m\x00\u200b", ""},
		{"hostile mix", "\u202e\x1b[31m日本語\x1b[0m \u200b👩‍🔬\x00", "日本語 👩‍🔬"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Line(tt.in); got != tt.want {
				t.Errorf("Line(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestText(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"CRLF and CR", "a\r\nb\rc", "a\nb\nc"},
		{"blank lines limited", "a\n\n\n\n b", "a\n\nb"},
		{"edges trimmed", "\n\n  a  \n\n", "a"},
		{"spaces in lines", "a  \t b \n  c   d  ", "a b\nc d"},
		{"whitespace-only lines", "a\n \t \n\u00a0\nb", "a\n\nb"},
		{"paragraph separator", "a\u2029b", "a\n\nb"},
		{"line separator and NEL", "a\u2028b\u0085c", "a\nb\nc"},
		{"VT and FF", "a\vb\fc", "a\nb\nc"},
		{"escape sequences", "Abstract\x1b[1m:\x1b[0m\n\x1b]52;c;ZXZpbA==\x07We show", "Abstract:\nWe show"},
		{"bidi and zero-width", "a\u202eb\u200b\nc\x00", "ab\nc"},
		{"lone NBSP kept", "10\u00a0GB\nnext", "10\u00a0GB\nnext"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Text(tt.in); got != tt.want {
				t.Errorf("Text(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

// unsafeRune reports a rune that must never reach the terminal. newline
// says whether "\n" is allowed.
func unsafeRune(r rune, newline bool) bool {
	switch {
	case r == '\n':
		return !newline
	case r < 0x20, r == 0x7F, r >= 0x80 && r <= 0x9F:
		return true
	case r >= 0x202A && r <= 0x202E, r >= 0x2066 && r <= 0x2069,
		r == 0x200E, r == 0x200F, r == 0x061C:
		return true
	case r == 0x200B, r >= 0x2060 && r <= 0x2064, r == 0xFEFF, r == 0x180E:
		return true
	}
	return false
}

// checkSafe fails t if out is not valid UTF-8 or holds an unsafe rune.
func checkSafe(t testing.TB, fn, in, out string, newline bool) {
	t.Helper()
	if !utf8.ValidString(out) {
		t.Fatalf("%s(%q) = %q: invalid UTF-8", fn, in, out)
	}
	for i, r := range out {
		if unsafeRune(r, newline) {
			t.Fatalf("%s(%q) = %q: unsafe rune %U at %d", fn, in, out, r, i)
		}
	}
	if strings.HasPrefix(out, " ") || strings.HasSuffix(out, " ") || strings.Contains(out, "  ") {
		t.Fatalf("%s(%q) = %q: untidy spaces", fn, in, out)
	}
}

// hostile is what random inputs are built from.
var hostile = []string{
	"\x1b", "[", "]", "\\", "\x07", "\x1b[31m", "\x1b]8;;http://x\x1b\\", "\x1b]52;c;ZXZpbA==\x07",
	"\u009b", "\u009d", "\u009c", "\u0085", "\x00", "\x7f", "\t", "\n", "\r", "\r\n", " ", "  ",
	"\u202e", "\u2066", "\u200b", "\u200d", "\u200c", "\ufeff", "\u00a0", "\u3000", "\u2028", "\u2029",
	"\xff", "\xc2", "\xe2\x80", "\U000E0061", "\U000E007F", "🏴", "👩‍🔬", "🇯🇵", "e\u0301",
	"日本", "Ελ", "a", "b", "1", "$", "^", "_", "{", "}", "*", "#", "-", "<", "&", "~", ":", "=",
	`\alpha`, `\frac`, `\mathcal`, `\text`, "$x^2$", "{\\", "%", "\x18", "\x1bP", "\x1b_",
}

func randomInput(r *rand.Rand) string {
	var b strings.Builder
	for n := r.IntN(24); n > 0; n-- {
		if r.IntN(4) == 0 {
			b.WriteByte(byte(r.IntN(256)))
			continue
		}
		b.WriteString(hostile[r.IntN(len(hostile))])
	}
	return b.String()
}

// TestOutputIsSafe is the property every caller relies on: whatever comes
// in, what goes out holds no control, C1 or bidi rune, is valid UTF-8, and
// cleaning it again changes nothing.
func TestOutputIsSafe(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for range 20000 {
		in := randomInput(r)
		line := Line(in)
		checkSafe(t, "Line", in, line, false)
		if again := Line(line); again != line {
			t.Fatalf("Line not idempotent on %q: %q then %q", in, line, again)
		}
		text := Text(in)
		checkSafe(t, "Text", in, text, true)
		if strings.Contains(text, "\n\n\n") || strings.Contains(text, " \n") || strings.Contains(text, "\n ") {
			t.Fatalf("Text(%q) = %q: untidy lines", in, text)
		}
		if again := Text(text); again != text {
			t.Fatalf("Text not idempotent on %q: %q then %q", in, text, again)
		}
		checkSafe(t, "Markdown", in, Markdown(in), true)
		checkSafe(t, "TeX", in, TeX(in), true)
	}
}

func TestCleanInputNotCopied(t *testing.T) {
	title := strings.Repeat("Scaling Laws for Neural Language Models ", 5)
	title = strings.TrimSpace(title)
	if n := testing.AllocsPerRun(100, func() { Line(title) }); n != 0 {
		t.Errorf("Line on clean input allocates %v times", n)
	}
}

var sinkString string

func BenchmarkLine(b *testing.B) {
	clean := strings.TrimSpace(strings.Repeat("Scaling Laws for Neural Language Models ", 6)[:200])
	dirty := strings.Repeat("Scaling \x1b[1mLaws\x1b[0m\tfor\u200b Neural ", 7)[:200]
	cjk := strings.Repeat("大規模言語モデルの推論能力 ", 6)
	for _, bc := range []struct{ name, in string }{{"clean", clean}, {"dirty", dirty}, {"cjk", cjk}} {
		b.Run(bc.name, func(b *testing.B) {
			b.SetBytes(int64(len(bc.in)))
			for b.Loop() {
				sinkString = Line(bc.in)
			}
		})
	}
}

func BenchmarkText(b *testing.B) {
	abstract := strings.Repeat("We present a method for  training large models.\r\nIt works well. ", 25)
	b.SetBytes(int64(len(abstract)))
	for b.Loop() {
		sinkString = Text(abstract)
	}
}

// TestVerbatim: the user's own text keeps its layout (indentation, blank
// lines, tabs) and loses only what could act on a terminal.
func TestVerbatim(t *testing.T) {
	for in, want := range map[string]string{
		"- item\n    - nested\n\n\n```\n\tcode  here\n```": "- item\n    - nested\n\n\n```\n\tcode  here\n```",
		"from\x1b[2J stdin":                           "from stdin",
		"osc\x1b]52;c;ZXZpbA==\x07 gone":              "osc gone",
		"crlf\r\nand cr\rend":                         "crlf\nand cr\nend",
		"bidi \u202eevil\u202c and c1 \u009b31m done": "bidi evil and c1  done",
		"bad \xff byte":                               "bad \uFFFD byte",
	} {
		if got := Verbatim(in); got != want {
			t.Errorf("Verbatim(%q) = %q, want %q", in, got, want)
		}
	}
	r := rand.New(rand.NewPCG(3, 4))
	for range 20000 {
		in := randomInput(r)
		out := Verbatim(in)
		checkSafe(t, "Verbatim", in, strings.NewReplacer("\t", "", " ", "").Replace(out), true)
		if again := Verbatim(out); again != out {
			t.Fatalf("Verbatim not idempotent on %q: %q then %q", in, out, again)
		}
	}
}
