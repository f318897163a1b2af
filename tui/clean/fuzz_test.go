package clean

import (
	"strings"
	"testing"
)

// fuzzSeeds are the hostile and benign examples the fuzz targets start from.
var fuzzSeeds = append([]string{
	"\x1b[31mred\x1b[0m",
	"\x1b]8;;https://evil.example/\x1b\\click\x1b]8;;\x1b\\",
	"\x1b]52;c;ZXZpbA==\x07",
	"\x1b]0;title\x07",
	"\u009b31m",
	"\u009d0;t\u009c",
	"abc\u202edcba",
	"pass\u200bword",
	"a\x00b\x7fc",
	"a\r\n\n\n\tb",
	"\xff\xc3(",
	"🏴\U000E0067\U000E0062\U000E0073\U000E0063\U000E0074\U000E007F",
	`$\alpha$ $x^2$ $x_i$ \mathcal{O}(n) $O(n^2)$ $\times$ \le`,
	`$\sqrt{x}$ $\mathbb{R}$ $\frac{a}{b}$ \textbf{x} {\sim}10\% costs $5`,
	`$\frac{1}{$ {{{{$ $x^$ \`,
}, benign...)

func FuzzLine(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		out := Line(in)
		checkSafe(t, "Line", in, out, false)
		if Line(out) != out {
			t.Fatalf("Line not idempotent on %q", in)
		}
	})
}

func FuzzText(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		out := Text(in)
		checkSafe(t, "Text", in, out, true)
		if strings.Contains(out, "\n\n\n") || Text(out) != out {
			t.Fatalf("Text(%q) = %q: not tidy", in, out)
		}
		checkSafe(t, "Markdown", in, Markdown(in), true)
	})
}

func FuzzTeX(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		checkSafe(t, "TeX", in, TeX(in), true)
	})
}
