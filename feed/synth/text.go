package synth

import (
	"math"
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"
)

// zipf samples words[i] with probability proportional to 1/(i+1)^s.
type zipf struct {
	words []string
	cdf   []float64
}

func newZipf(words []string, s float64) *zipf {
	z := &zipf{words: words, cdf: make([]float64, len(words))}
	sum := 0.0
	for i := range words {
		sum += 1 / math.Pow(float64(i+1), s)
		z.cdf[i] = sum
	}
	return z
}

func (z *zipf) idx(r *rand.Rand) int {
	u := r.Float64() * z.cdf[len(z.cdf)-1]
	i, _ := slices.BinarySearch(z.cdf, u)
	return min(i, len(z.cdf)-1)
}

func (z *zipf) pick(r *rand.Rand) string { return z.words[z.idx(r)] }

// Sentence templates. Placeholders: {N} noun, {A} adjective, {V} verb (3rd
// person), {G} gerund, {M} the paper's method name, {B} benchmark, {D}
// domain, {P} percentage, {K} small count, {X} speed-up factor, {L} inline
// LaTeX. In titles {A}, {N} and {G} are title-cased.
var (
	introT = []string{
		"{A} {N} have shown remarkable progress in {D}, yet their {N} remains limited by {A} {N}.",
		"Recent advances in {A} {N} have enabled {A} {N} for {D}.",
		"{N} is a central challenge for {A} {N}, especially in {D} where {N} is scarce.",
		"Despite rapid progress in {D}, existing {N} still struggle with {A} {N} and {A} {N}.",
		"{A} {N} are increasingly deployed for {D}, where {N} and {N} are critical.",
		"Large language models have become the backbone of {D}, but their {N} on {A} {N} is poorly understood.",
	}
	gapT = []string{
		"However, existing approaches rely on {A} {N}, which {V} {N} but fails to capture {A} {N}.",
		"Prior work typically treats {N} and {N} separately, leading to {A} {N} and poor {N}.",
		"Moreover, current {N} are costly to obtain and often {A}, limiting {N} at scale.",
		"We observe that {A} {N} is the main bottleneck, as it {V} {N} in {A} {N}.",
		"As a result, models trained this way exhibit {A} {N} and degrade sharply on {A} {N}.",
	}
	proposeT = []string{
		"To address this, we propose {M}, a {A} {N} model that {V} {A} {N} with {A} {N}.",
		"In this work, we introduce {M}, a {A} framework that {V} {N} and {N} through {A} {N}.",
		"We present {M}, which {V} {A} {N} by {G} {A} {N}.",
		"To bridge this gap, we develop {M}, a {A} {N} pipeline for {D}.",
	}
	methodT = []string{
		"{M} first {V} {A} {N} from {A} {N}, then {V} the resulting {N} with a {A} {N} module.",
		"At its core, a {A} {N} encoder {V} {N} across {A} {N}, while a {A} decoder {V} {N}.",
		"We further design a {A} {N} objective that {V} {N} without requiring {A} {N}.",
		"To train {M}, we construct a {A} dataset of {K}K {A} {N} paired with {N}.",
		"This design {V} {A} {N} and naturally {V} to {A} {N}.",
		"Unlike prior {N}, our approach {V} {N} directly in the {A} space of {N}.",
		"We also release a benchmark covering {K} {A} {N} for {D}.",
		"A {A} reward model {V} the {N} of each {N}, providing dense supervision for {A} {N}.",
		"The model is trained with a two-stage recipe: {A} pretraining on {N}, followed by {A} fine-tuning on {N}.",
		"We show theoretically that {A} {N} {V} the {N} of {A} {N} under mild assumptions.",
	}
	latexT = []string{
		"The resulting {N} reduces the cost of {N} from {L} to {L} with respect to the number of {N}.",
		"A single coefficient {L} controls the trade-off between {N} and {N}.",
		"We bound the {N} of the learned {N} by {L}, which {V} {A} {N}.",
	}
	resultT = []string{
		"Extensive experiments on {B}, {B} and {B} show that {M} {V} strong baselines by {P}% on average.",
		"On {B}, {M} achieves {P}% accuracy, surpassing {A} {N} with {X}x fewer {N}.",
		"Across {K} benchmarks in {D}, {M} consistently {V} {A} {N} while reducing {N} by {P}%.",
		"{M} delivers a {X}x speed-up in {N} with no loss in {N} on {B}.",
	}
	closeT = []string{
		"Our analysis further reveals that {A} {N} is key to {A} {N}.",
		"We hope {M} will serve as a foundation for future research on {A} {N}.",
		"Code, models and data are publicly available.",
		"These results suggest that {A} {N} is a promising direction for {D}.",
		"We release our code and checkpoints to facilitate research on {D}.",
	}
	titleT = []string{
		"{M}: {A} {N} {N} for {A} {N}",
		"{M}: Towards {A} {N} via {A} {N}",
		"{G} {A} {N} with {A} {N} {N}",
		"When {N} Meets {N}: {A} {N} for {D}",
		"{G} {A} {N} for {A} {N} in {D}",
		"{A} {N} Is All You Need for {D}",
		"{M}: A Benchmark for Evaluating {N} in {A} {N}",
		"{G} {A} {N}: {A} {N} through {A} {N}",
		"{M}: {G} {A} {N} and {N} at Scale",
		"{G} {N} in {A} {N}: A {A} Approach to {D}",
	}
	aiSummaryT = []string{
		"{M} {V} {A} {N} through {A} {N} and {A} {N}, improving {N} and {N} on {D} benchmarks.",
		"A {A} {N} framework {V} {N} by {G} {A} {N}, achieving state-of-the-art results on {B} and {B}.",
		"{M} combines {A} {N} with {A} {N} to enable {A} {N} in {D} while reducing {N} and {N}.",
	}
	smallWords = map[string]bool{"a": true, "an": true, "the": true, "of": true, "for": true,
		"in": true, "on": true, "with": true, "and": true, "to": true, "via": true}
)

// expand appends template t to b, JSON-escaped, without quotes.
func (g *gen) expand(b []byte, t string, title bool) []byte {
	r := g.r
	atStart := true
	for len(t) > 0 {
		i := strings.IndexByte(t, '{')
		if i < 0 {
			return append(b, t...)
		}
		b = append(b, t[:i]...)
		key := t[i+1]
		t = t[i+3:]
		// capitalise a placeholder opening the sentence.
		cap := title || atStart && i == 0
		atStart = false
		switch key {
		case 'N':
			b = appendWord(b, g.nouns.pick(r), cap, title)
		case 'A':
			b = appendWord(b, g.adjs.pick(r), cap, title)
		case 'V':
			b = append(b, g.verbs.pick(r)...)
		case 'G':
			w := g.gerunds.pick(r)
			if w == "Towards" {
				w = "Improving"
			}
			if !title && !cap {
				b = append(b, w[0]+'a'-'A')
				w = w[1:]
			}
			b = append(b, w...)
		case 'M':
			b = appendEscaped(b, g.method)
		case 'B':
			b = append(b, g.benchmarks.pick(r)...)
		case 'D':
			b = appendWord(b, g.domains.pick(r), cap, title)
		case 'P':
			b = strconv.AppendFloat(b, 1+r.Float64()*30, 'f', 1, 64)
		case 'K':
			b = strconv.AppendInt(b, int64(2+r.IntN(40)), 10)
		case 'X':
			b = strconv.AppendFloat(b, 1.2+r.Float64()*8, 'f', 1, 64)
		case 'L':
			b = appendEscaped(b, latexSnippets[r.IntN(len(latexSnippets))])
		}
	}
	return b
}

// article turns a preceding "a" into "an" when w starts with a vowel.
func article(b []byte, w string) []byte {
	n := len(b)
	if n < 2 || b[n-1] != ' ' || b[n-2] != 'a' && b[n-2] != 'A' || n > 2 && b[n-3] != ' ' && b[n-3] != '"' {
		return b
	}
	switch w[0] {
	case 'a', 'e', 'i', 'o', 'u', 'A', 'E', 'I', 'O', 'U':
		return append(b[:n-1], 'n', ' ')
	}
	return b
}

// appendWord appends w, capitalising its first letter (cap) or every
// non-small word (title).
func appendWord(b []byte, w string, cap, title bool) []byte {
	b = article(b, w)
	if !title {
		if cap && w[0] >= 'a' && w[0] <= 'z' {
			b = append(b, w[0]+'A'-'a')
			w = w[1:]
		}
		return append(b, w...)
	}
	first := true
	for part := range strings.SplitSeq(w, " ") {
		if !first {
			b = append(b, ' ')
		}
		if (first || !smallWords[part]) && part[0] >= 'a' && part[0] <= 'z' {
			b = append(b, part[0]+'A'-'a')
			part = part[1:]
		}
		b = append(b, part...)
		first = false
	}
	return b
}

func pick(r *rand.Rand, ts []string) string { return ts[r.IntN(len(ts))] }

// appendAbstract appends a quoted abstract of ~800–1,900 characters (mean
// ~1,250): intro, gap, proposal, method sentences, results, closing; one in
// seven split into two paragraphs with arXiv's "\n  ", one in thirty with
// inline LaTeX.
func (g *gen) appendAbstract(b []byte) []byte {
	r := g.r
	target := int(r.NormFloat64()*260 + 1260)
	target = max(850, min(target, 1800))
	b = append(b, '"')
	start := len(b)
	sep := func() {
		if len(b) > start {
			b = append(b, ' ')
		}
	}
	sep()
	b = g.expand(b, pick(r, introT), false)
	if r.IntN(2) == 0 {
		sep()
		b = g.expand(b, pick(r, introT), false)
	}
	sep()
	b = g.expand(b, pick(r, gapT), false)
	if r.IntN(7) == 0 {
		b = append(b, `\n  `...)
	} else {
		sep()
	}
	b = g.expand(b, pick(r, proposeT), false)
	latex := r.IntN(30) == 0
	for len(b)-start < target-330 {
		sep()
		if latex {
			b = g.expand(b, pick(r, latexT), false)
			latex = false
			continue
		}
		b = g.expand(b, pick(r, methodT), false)
	}
	sep()
	b = g.expand(b, pick(r, resultT), false)
	if len(b)-start < target-150 {
		sep()
		b = g.expand(b, pick(r, resultT), false)
	}
	sep()
	b = g.expand(b, pick(r, closeT), false)
	return append(b, '"')
}

// title returns a title of roughly 55–125 characters (mean ~75).
func (g *gen) title() string {
	var b []byte
	for try := 0; ; try++ {
		b = g.expand(b[:0], pick(g.r, titleT), true)
		if n := utf8.RuneCount(b); try >= 8 || n >= 55 && n <= 125 {
			return string(b) // expand only escapes nothing for title words
		}
	}
}

func (g *gen) appendAISummary(b []byte) []byte {
	b = append(b, '"')
	b = g.expand(b, pick(g.r, aiSummaryT), false)
	return append(b, '"')
}

// appendKeywords appends 3–10 quoted, comma-separated key phrases.
func (g *gen) appendKeywords(b []byte) []byte {
	r := g.r
	k := 3 + r.IntN(8)
	for i := range k {
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, '"')
		switch x := r.IntN(10); {
		case i == 0 && x < 7:
			b = appendEscaped(b, g.method)
		case x < 6:
			b = append(b, g.keyphrases.pick(r)...)
		case x < 8:
			b = append(b, g.adjs.pick(r)...)
			b = append(b, ' ')
			b = append(b, g.nouns.pick(r)...)
		default:
			b = append(b, g.nouns.pick(r)...)
		}
		b = append(b, '"')
	}
	return b
}

// ---- JSON helpers ----------------------------------------------------------

// appendString appends s as a JSON string with raw UTF-8, like the corpus.
func appendString(b []byte, s string) []byte {
	b = append(b, '"')
	b = appendEscaped(b, s)
	return append(b, '"')
}

func appendEscaped(b []byte, s string) []byte {
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '"' || c == '\\':
			b = append(b, '\\', c)
		case c == '\n':
			b = append(b, '\\', 'n')
		case c < 0x20:
			b = append(b, '\\', 'u', '0', '0', hexdigits[c>>4], hexdigits[c&15])
		default:
			b = append(b, c)
		}
	}
	return b
}

func appendInt(b []byte, v int) []byte { return strconv.AppendInt(b, int64(v), 10) }

func appendBool(b []byte, v bool) []byte { return strconv.AppendBool(b, v) }
