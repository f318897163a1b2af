package clean

// texSymbols maps TeX control words and symbols to the text they print.
var texSymbols = map[string]string{
	// Greek.
	"alpha": "α", "beta": "β", "gamma": "γ", "delta": "δ", "epsilon": "ϵ",
	"varepsilon": "ε", "zeta": "ζ", "eta": "η", "theta": "θ", "vartheta": "ϑ",
	"iota": "ι", "kappa": "κ", "varkappa": "ϰ", "lambda": "λ", "mu": "μ",
	"nu": "ν", "xi": "ξ", "omicron": "ο", "pi": "π", "varpi": "ϖ", "rho": "ρ",
	"varrho": "ϱ", "sigma": "σ", "varsigma": "ς", "tau": "τ", "upsilon": "υ",
	"phi": "ϕ", "varphi": "φ", "chi": "χ", "psi": "ψ", "omega": "ω",
	"digamma": "ϝ",
	"Alpha":   "Α", "Beta": "Β", "Gamma": "Γ", "Delta": "Δ", "Epsilon": "Ε",
	"Zeta": "Ζ", "Eta": "Η", "Theta": "Θ", "Iota": "Ι", "Kappa": "Κ",
	"Lambda": "Λ", "Mu": "Μ", "Nu": "Ν", "Xi": "Ξ", "Omicron": "Ο", "Pi": "Π",
	"Rho": "Ρ", "Sigma": "Σ", "Tau": "Τ", "Upsilon": "Υ", "Phi": "Φ",
	"Chi": "Χ", "Psi": "Ψ", "Omega": "Ω",
	"varGamma": "Γ", "varDelta": "Δ", "varTheta": "Θ", "varLambda": "Λ",
	"varXi": "Ξ", "varPi": "Π", "varSigma": "Σ", "varUpsilon": "Υ",
	"varPhi": "Φ", "varPsi": "Ψ", "varOmega": "Ω",

	// Relations.
	"leq": "≤", "le": "≤", "leqslant": "≤", "geq": "≥", "ge": "≥",
	"geqslant": "≥", "neq": "≠", "ne": "≠", "approx": "≈", "sim": "∼",
	"simeq": "≃", "cong": "≅", "equiv": "≡", "propto": "∝", "ll": "≪",
	"gg": "≫", "lesssim": "≲", "gtrsim": "≳", "prec": "≺", "succ": "≻",
	"preceq": "⪯", "succeq": "⪰", "asymp": "≍", "doteq": "≐", "triangleq": "≜",
	"coloneqq": "≔", "models": "⊨", "vdash": "⊢", "dashv": "⊣", "perp": "⊥",
	"parallel": "∥", "mid": "∣", "nmid": "∤", "subset": "⊂", "subseteq": "⊆",
	"supset": "⊃", "supseteq": "⊇", "subsetneq": "⊊", "in": "∈",
	"notin": "∉", "ni": "∋", "lt": "<", "gt": ">",

	// Operators and sets.
	"times": "×", "div": "÷", "pm": "±", "mp": "∓", "cdot": "·", "ast": "∗",
	"star": "⋆", "circ": "∘", "bullet": "•", "oplus": "⊕", "ominus": "⊖",
	"otimes": "⊗", "odot": "⊙", "cup": "∪", "cap": "∩", "setminus": "∖",
	"wedge": "∧", "land": "∧", "vee": "∨", "lor": "∨", "neg": "¬", "lnot": "¬",
	"sum": "∑", "prod": "∏", "coprod": "∐", "int": "∫", "iint": "∬",
	"iiint": "∭", "oint": "∮", "bigcup": "⋃", "bigcap": "⋂", "bigoplus": "⨁",
	"bigotimes": "⨂", "bigwedge": "⋀", "bigvee": "⋁", "forall": "∀",
	"exists": "∃", "nexists": "∄", "emptyset": "∅", "varnothing": "∅",
	"infty": "∞", "partial": "∂", "nabla": "∇", "ell": "ℓ", "hbar": "ℏ",
	"Re": "ℜ", "Im": "ℑ", "aleph": "ℵ", "wp": "℘", "top": "⊤", "bot": "⊥",
	"angle": "∠", "triangle": "△", "square": "□", "Box": "□",
	"blacksquare": "■", "diamond": "⋄", "dagger": "†", "ddagger": "‡",
	"prime": "′", "degree": "°", "checkmark": "✓", "surd": "√",

	// Arrows.
	"to": "→", "rightarrow": "→", "gets": "←", "leftarrow": "←",
	"leftrightarrow": "↔", "Rightarrow": "⇒", "Leftarrow": "⇐",
	"Leftrightarrow": "⇔", "implies": "⟹", "impliedby": "⟸", "iff": "⟺",
	"mapsto": "↦", "longrightarrow": "⟶", "longleftarrow": "⟵",
	"Longrightarrow": "⟹", "longmapsto": "⟼", "uparrow": "↑",
	"downarrow": "↓", "Uparrow": "⇑", "Downarrow": "⇓", "nearrow": "↗",
	"searrow": "↘", "hookrightarrow": "↪", "rightleftharpoons": "⇌",

	// Dots and delimiters.
	"ldots": "…", "dots": "…", "dotsc": "…", "dotsb": "⋯", "cdots": "⋯",
	"vdots": "⋮", "ddots": "⋱", "langle": "⟨", "rangle": "⟩", "lceil": "⌈",
	"rceil": "⌉", "lfloor": "⌊", "rfloor": "⌋", "lvert": "|", "rvert": "|",
	"vert": "|", "lVert": "‖", "rVert": "‖", "Vert": "‖", "|": "‖",
	"lbrace": "{", "rbrace": "}", "{": "{", "}": "}", "backslash": "\\",

	// Escaped characters.
	"%": "%", "&": "&", "$": "$", "#": "#", "_": "_",

	// Spacing.
	",": " ", ";": " ", ":": " ", " ": " ", "quad": " ", "qquad": " ",
	"enspace": " ", "thinspace": " ", "!": "", "negthinspace": "",
	"\\": " ",

	// Sizes and styles that print nothing themselves.
	"big": "", "Big": "", "bigg": "", "Bigg": "", "bigl": "", "bigr": "",
	"Bigl": "", "Bigr": "", "biggl": "", "biggr": "", "Biggl": "",
	"Biggr": "", "displaystyle": "", "textstyle": "", "scriptstyle": "",
	"scriptscriptstyle": "", "limits": "", "nolimits": "", "nonumber": "",

	// Text-mode symbols.
	"textendash": "–", "textemdash": "—", "textasciitilde": "~",
	"textbackslash": "\\", "textbar": "|", "textless": "<", "textgreater": ">",
	"textdegree": "°", "copyright": "©", "textregistered": "®", "S": "§",
	"P": "¶", "ss": "ß", "ae": "æ", "AE": "Æ", "oe": "œ", "OE": "Œ", "o": "ø",
	"O": "Ø", "aa": "å", "AA": "Å", "i": "ı", "LaTeX": "LaTeX", "TeX": "TeX",
}

// texOperators are printed as their names, like \log.
var texOperators = map[string]bool{
	"log": true, "ln": true, "lg": true, "exp": true, "sin": true, "cos": true,
	"tan": true, "cot": true, "sec": true, "csc": true, "arcsin": true,
	"arccos": true, "arctan": true, "sinh": true, "cosh": true, "tanh": true,
	"max": true, "min": true, "sup": true, "inf": true, "lim": true,
	"liminf": true, "limsup": true, "arg": true, "argmax": true,
	"argmin": true, "det": true, "dim": true, "ker": true, "deg": true,
	"gcd": true, "Pr": true, "mod": true, "bmod": true, "hom": true,
	"tr": true, "Tr": true, "rank": true, "diag": true, "sgn": true,
}

// texDeclarations switch fonts in text, as in {\bf word}; they print nothing.
var texDeclarations = map[string]bool{
	"bf": true, "it": true, "em": true, "rm": true, "sf": true, "tt": true,
	"sc": true, "sl": true, "bfseries": true, "itshape": true,
	"normalfont": true, "mdseries": true, "upshape": true, "scshape": true,
}

// texTextArg are commands whose argument is text, shown as written.
var texTextArg = map[string]bool{
	"text": true, "textrm": true, "textnormal": true, "textit": true,
	"textbf": true, "textsf": true, "texttt": true, "textsc": true,
	"textup": true, "textsl": true, "emph": true, "mbox": true, "hbox": true,
	"underline": true,
}

// texMathArg are font commands whose argument is math shown as plain
// letters: bold and sans-serif mathematical letters are too often missing
// from terminal fonts to be worth it.
var texMathArg = map[string]bool{
	"mathbf": true, "boldsymbol": true, "bm": true, "pmb": true,
	"mathrm": true, "mathit": true, "mathsf": true, "mathtt": true,
	"mathnormal": true, "operatorname": true, "mathop": true, "mathbin": true,
	"mathrel": true, "mathord": true,
}

// texAccents are combining marks placed over a one-letter argument.
var texAccents = map[string]rune{
	"hat": 0x302, "widehat": 0x302, "tilde": 0x303, "widetilde": 0x303,
	"bar": 0x304, "overline": 0x305, "vec": 0x20D7, "dot": 0x307,
	"ddot": 0x308, "check": 0x30C, "breve": 0x306, "acute": 0x301,
	"grave": 0x300, "mathring": 0x30A,
}

// texNegated is what \not makes of a relation.
var texNegated = map[string]string{
	"=": "≠", "∈": "∉", "⊂": "⊄", "⊃": "⊅", "⊆": "⊈", "⊇": "⊉", "≡": "≢",
	"∼": "≁", "≈": "≉", "≃": "≄", "≅": "≇", "<": "≮", ">": "≯", "≤": "≰",
	"≥": "≱", "∃": "∄", "∣": "∤", "∥": "∦", "≺": "⊀", "≻": "⊁", "⊢": "⊬",
	"⊨": "⊭",
}

var superscripts = map[rune]rune{
	'0': '⁰', '1': '¹', '2': '²', '3': '³', '4': '⁴', '5': '⁵', '6': '⁶',
	'7': '⁷', '8': '⁸', '9': '⁹', '+': '⁺', '-': '⁻', '−': '⁻', '=': '⁼',
	'(': '⁽', ')': '⁾',
	'a': 'ᵃ', 'b': 'ᵇ', 'c': 'ᶜ', 'd': 'ᵈ', 'e': 'ᵉ', 'f': 'ᶠ', 'g': 'ᵍ',
	'h': 'ʰ', 'i': 'ⁱ', 'j': 'ʲ', 'k': 'ᵏ', 'l': 'ˡ', 'm': 'ᵐ', 'n': 'ⁿ',
	'o': 'ᵒ', 'p': 'ᵖ', 'r': 'ʳ', 's': 'ˢ', 't': 'ᵗ', 'u': 'ᵘ', 'v': 'ᵛ',
	'w': 'ʷ', 'x': 'ˣ', 'y': 'ʸ', 'z': 'ᶻ',
	'A': 'ᴬ', 'B': 'ᴮ', 'D': 'ᴰ', 'E': 'ᴱ', 'G': 'ᴳ', 'H': 'ᴴ', 'I': 'ᴵ',
	'J': 'ᴶ', 'K': 'ᴷ', 'L': 'ᴸ', 'M': 'ᴹ', 'N': 'ᴺ', 'O': 'ᴼ', 'P': 'ᴾ',
	'R': 'ᴿ', 'T': 'ᵀ', 'U': 'ᵁ', 'V': 'ⱽ', 'W': 'ᵂ',
	'α': 'ᵅ', 'β': 'ᵝ', 'γ': 'ᵞ', 'δ': 'ᵟ', 'ε': 'ᵋ', 'ϵ': 'ᵋ', 'θ': 'ᶿ',
	'ι': 'ᶥ', 'ϕ': 'ᵠ', 'φ': 'ᵠ', 'χ': 'ᵡ',
	// Marks that read correctly at the baseline after their base.
	'⊤': 'ᵀ', '∘': '°', '′': '′', '*': '*', '∗': '*', '†': '†', '‡': '‡',
}

var subscripts = map[rune]rune{
	'0': '₀', '1': '₁', '2': '₂', '3': '₃', '4': '₄', '5': '₅', '6': '₆',
	'7': '₇', '8': '₈', '9': '₉', '+': '₊', '-': '₋', '−': '₋', '=': '₌',
	'(': '₍', ')': '₎',
	'a': 'ₐ', 'e': 'ₑ', 'h': 'ₕ', 'i': 'ᵢ', 'j': 'ⱼ', 'k': 'ₖ', 'l': 'ₗ',
	'm': 'ₘ', 'n': 'ₙ', 'o': 'ₒ', 'p': 'ₚ', 'r': 'ᵣ', 's': 'ₛ', 't': 'ₜ',
	'u': 'ᵤ', 'v': 'ᵥ', 'x': 'ₓ',
	'β': 'ᵦ', 'γ': 'ᵧ', 'ρ': 'ᵨ', 'ϕ': 'ᵩ', 'φ': 'ᵩ', 'χ': 'ᵪ',
}

// Letter styles: the code points of A, a and 0 in each Mathematical
// Alphanumeric Symbols alphabet, and the letters that were encoded earlier
// in Letterlike Symbols and so are holes there.
type alphabet struct {
	upper, lower, digit rune
	holes               map[rune]rune
}

var (
	scriptLetters = alphabet{upper: 0x1D49C, lower: 0x1D4B6, holes: map[rune]rune{
		'B': 'ℬ', 'E': 'ℰ', 'F': 'ℱ', 'H': 'ℋ', 'I': 'ℐ', 'L': 'ℒ', 'M': 'ℳ',
		'R': 'ℛ', 'e': 'ℯ', 'g': 'ℊ', 'o': 'ℴ',
	}}
	doubleStruck = alphabet{upper: 0x1D538, lower: 0x1D552, digit: 0x1D7D8, holes: map[rune]rune{
		'C': 'ℂ', 'H': 'ℍ', 'N': 'ℕ', 'P': 'ℙ', 'Q': 'ℚ', 'R': 'ℝ', 'Z': 'ℤ',
	}}
	fraktur = alphabet{upper: 0x1D504, lower: 0x1D51E, holes: map[rune]rune{
		'C': 'ℭ', 'H': 'ℌ', 'I': 'ℑ', 'R': 'ℜ', 'Z': 'ℨ',
	}}
)

func (a alphabet) letter(r rune) rune {
	if h, ok := a.holes[r]; ok {
		return h
	}
	switch {
	case r >= 'A' && r <= 'Z':
		return a.upper + r - 'A'
	case r >= 'a' && r <= 'z':
		return a.lower + r - 'a'
	case r >= '0' && r <= '9' && a.digit != 0:
		return a.digit + r - '0'
	}
	return r
}

var texAlphabets = map[string]alphabet{
	"mathcal": scriptLetters, "mathscr": scriptLetters,
	"mathbb": doubleStruck, "Bbb": doubleStruck, "mathds": doubleStruck,
	"mathfrak": fraktur,
}
