package clean

import (
	"strings"
	"testing"
)

func TestTeX(t *testing.T) {
	tests := []struct {
		in, want string
	}{
		// The examples the feed is full of.
		{`$\alpha$`, "α"},
		{`$x^2$`, "x²"},
		{`$x_i$`, "xᵢ"},
		{`\mathcal{O}(n)`, "𝒪(n)"},
		{`$O(n^2)$`, "O(n²)"},
		{`$\mathcal{O}(n^2)$`, "𝒪(n²)"},
		{`$\times$`, "×"},
		{`a 3$\times$ speedup`, "a 3× speedup"},
		{`$\leq$ and \le and $\geq$, \geq`, "≤ and ≤ and ≥, ≥"},
		{`$\approx$ $\sim$ $\infty$ $\in$ $\cdot$ $\pm$`, "≈ ∼ ∞ ∈ · ±"},
		{`$\rightarrow$ \to $\Rightarrow$`, "→ → ⇒"},
		{`$\sum_{i=1}^{n} x_i$`, "∑ᵢ₌₁ⁿ xᵢ"},
		{`$\prod$`, "∏"},
		{`$\sqrt{x}$ $\sqrt{2}$ $\sqrt{n+1}$ $\sqrt[3]{x}$`, "√x √2 √(n+1) ∛x"},
		{`$\mathbb{R}^d$ $\mathbb{E}$ $\mathbb{N}$`, "ℝᵈ 𝔼 ℕ"},
		{`$\mathbf{x}$ $\boldsymbol{\theta}$`, "x θ"},
		{`$\text{softmax}(x)$ $\mathrm{d}x$`, "softmax(x) dx"},
		{`\%`, "%"},
		{`50\% of R\&D`, "50% of R&D"},
		{`{\sim}10\% gain`, "∼10% gain"},
		{`$\sim$10\% gain`, "∼10% gain"},
		{`$>$90\% accuracy`, ">90% accuracy"},
		{`\textbf{Bold} and \emph{emphasis} and \textit{it}`, "Bold and emphasis and it"},
		{`{\em great} and {\bf bold}`, "great and bold"},
		{`$\Gamma\Delta\Theta\Lambda\Xi\Pi\Sigma\Upsilon\Phi\Psi\Omega$`, "ΓΔΘΛΞΠΣΥΦΨΩ"},
		{`$\alpha\beta\gamma\delta\epsilon\zeta\eta\theta\iota\kappa\lambda\mu$`, "αβγδϵζηθικλμ"},
		{`$\nu\xi\pi\rho\sigma\tau\upsilon\phi\chi\psi\omega$`, "νξπρστυϕχψω"},
		{`$x^{10}$ $10^{-3}$ $x^{n+1}$ $e^{i\pi}$`, "x¹⁰ 10⁻³ xⁿ⁺¹ e^(iπ)"},
		{`$x_{ij}$ $x_{t-1}$ $h_0$`, "xᵢⱼ xₜ₋₁ h₀"},
		{`$W_q$ $d_{model}$`, "W_q d_(model)"},
		{`$x^{\top}$ $A^T$ $\theta^*$ $f^\prime$ $90^\circ$`, "xᵀ Aᵀ θ* f′ 90°"},
		{`$\frac{a}{b}$ $\frac12$ $\frac{n+1}{2}$ $\frac{(a+b)}{c}$`, "a/b 1/2 (n+1)/2 (a+b)/c"},
		{`$O(n\log n)$ $\max_i$`, "O(n log n) maxᵢ"},
		{`$\hat{y}$ $\bar{x}$ $\tilde{x}$ $\vec{v}$`, "y\u0302 x\u0304 x\u0303 v\u20d7"},
		{`$\not\in$ $a \neq b$`, "∉ a ≠ b"},
		{`$\mathcal{L}_{\text{CE}}$`, "ℒ_(CE)"},
		{`$\left(\frac{1}{2}\right)$`, "(1/2)"},
		{`$$E = mc^2$$ and \(a \cdot b\) and \[x^2\]`, "E = mc² and a · b and x²"},
		{`\$5`, "$5"},
		{`$k$-NN and $n$-gram`, "k-NN and n-gram"},

		// Currency stays.
		{"costs $5 million", "costs $5 million"},
		{"between $5 and $10", "between $5 and $10"},
		{"$5-$10 range", "$5-$10 range"},
		{"costs $3, or $4.50 with tax", "costs $3, or $4.50 with tax"},
		{"US$ 100 and $ 5", "US$ 100 and $ 5"},
		{"$5$", "$5$"},

		// Unknown stays as written, whole span.
		{`$\foo{x}$ and $x$`, `$\foo{x}$ and x`},
		{`$\alpha \unknowncmd \beta$`, `$\alpha \unknowncmd \beta$`},
		{`$\begin{pmatrix}a\end{pmatrix}$`, `$\begin{pmatrix}a\end{pmatrix}$`},
		{`see \cite{smith} and \ref{fig}`, `see \cite{smith} and \ref{fig}`},
		{`{\cite{x}} kept`, `{\cite{x}} kept`},
		{`C:\Users\n and \\ and \t`, `C:\Users\n and \\ and \t`},
		{`x^2 outside math`, `x^2 outside math`},
		{`~10% better`, `~10% better`},

		// Broken input: never panics, left as written.
		{`$\frac{1}{$`, `$\frac{1}{$`},
		{`{{{{$`, `{{{{$`},
		{`$x^$`, `$x^$`},
		{`$}$`, `$}$`},
		{`\`, `\`},
		{`$`, `$`},
		{`$$`, `$$`},
		{`$$$`, `$$$`},
		{`\mathcal`, `\mathcal`},
		{`\frac{a}`, `\frac{a}`},
		{`\sqrt[5]{x}`, `\sqrt[5]{x}`},
		{`{\alpha`, `{α`},

		// Cleaning still applies.
		{"$\\alpha$\x1b[31m\u202e", "α"},
		{"line\r\nbreak $x^2$", "line\nbreak x²"},
		{"日本語 $\\alpha$ 👩‍🔬", "日本語 α 👩‍🔬"},
	}
	for _, tt := range tests {
		if got := TeX(tt.in); got != tt.want {
			t.Errorf("TeX(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestTeXBenignUnchanged(t *testing.T) {
	for _, s := range benign {
		if strings.ContainsAny(s, `$\{`) {
			continue
		}
		if got := TeX(s); got != s {
			t.Errorf("TeX(%q) = %q, want unchanged", s, got)
		}
	}
}

func TestTeXDeepNesting(t *testing.T) {
	for _, in := range []string{
		"$" + strings.Repeat("{", 5000) + "x" + strings.Repeat("}", 5000) + "$",
		strings.Repeat(`{\bf `, 3000),
		strings.Repeat(`\sqrt{`, 3000) + "x",
		strings.Repeat(`\(`, 5000),
		strings.Repeat("$a", 5000),
		"$" + strings.Repeat(`\frac`, 3000) + "$",
		strings.Repeat(`{\bf {\it `, 2000) + `\unknown` + strings.Repeat("}", 4000),
		strings.Repeat(`\mathcal{`+strings.Repeat("a", 50), 2000),
		strings.Repeat(`\text{\text{\text{`, 3000),
		strings.Repeat(`{\`, 30000),
	} {
		out := TeX(in)
		checkSafe(t, "TeX", in[:20], out, true)
	}
}

func BenchmarkTeX(b *testing.B) {
	abstract := strings.Repeat(`We reduce the cost from $O(n^2)$ to $\mathcal{O}(n \log n)$, a $\sim$10\% gain for $\alpha \leq 0.5$ at $5 million. `, 10)
	b.SetBytes(int64(len(abstract)))
	for b.Loop() {
		sinkString = TeX(abstract)
	}
}
