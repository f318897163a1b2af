package feedtest

import (
	"fmt"
	"math/rand/v2"
	"net/http"
	"strings"
)

// SetText sets the answer of /papers/{id}.md: a paper text with its wrapper
// (see PaperText), served as text/markdown.
func (s *Server) SetText(id, body string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.texts == nil {
		s.texts = map[string]string{}
	}
	s.texts[id] = body
}

// text serves /papers/{id}.md, 404 with an HTML page as HF does for a paper
// it has not indexed.
func (s *Server) text(w http.ResponseWriter, r *http.Request) {
	id, ok := strings.CutSuffix(r.PathValue("file"), ".md")
	if f := s.takeFault("text:" + id); f != nil {
		f(w, r)
		return
	}
	s.mu.Lock()
	body, found := s.texts[id]
	s.mu.Unlock()
	if !ok || !found {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.WriteHeader(http.StatusNotFound)
		fmt.Fprint(w, "<!doctype html><html><body>404</body></html>")
		return
	}
	w.Header().Set("Content-Type", "text/markdown; charset=utf-8")
	fmt.Fprint(w, body)
}

// PaperText is a full-length paper text shaped like HF's conversions of
// arXiv's HTML (see ../shared/docs/API.md): the wrapper, author lines,
// abstract, numbered sections as ATX and setext headings, figures with
// captions, citations and cross-references as links into arXiv, LaTeXML
// math duplicates, bare TeX, leftover macros, flattened tables, inlined
// footnotes and a reference list. sections sets the length: 12 gives about
// 60 KB. The same id and sections give the same text.
func PaperText(id string, sections int) string {
	rng := rand.New(rand.NewPCG(uint64(len(id)), uint64(sections)))
	var b strings.Builder
	base := "https://arxiv.org/html/" + id + "v2"
	fmt.Fprintf(&b, "Title: A Study of %s Reasoning\n\nURL Source: https://arxiv.org/html/%s\n\n", id, id)
	b.WriteString("Published Time: Fri, 14 Mar 2025 00:51:57 GMT\n\nMarkdown Content:\n")
	b.WriteString("\\useunder\n\n\\ul\n\n")
	b.WriteString("Ada Lovelace 1,2, Alan Turing 2, Grace Hopper 3\n\n###### Abstract\n\n")
	b.WriteString(paragraph(rng, 6) + "\n\n")
	fig, tab := 0, 0
	for s := 1; s <= sections; s++ {
		title := sectionNames[(s-1)%len(sectionNames)]
		if s%2 == 0 {
			h := fmt.Sprintf("%d %s", s, title)
			fmt.Fprintf(&b, "%s\n%s\n\n", h, strings.Repeat("-", len(h)))
		} else {
			fmt.Fprintf(&b, "## %d %s\n\n", s, title)
		}
		for p := 0; p < 4; p++ {
			b.WriteString(paragraph(rng, 5))
			fmt.Fprintf(&b, " as shown by (Helff et al., [2024](%s#bib.bib%d))", base, 10+p)
			fmt.Fprintf(&b, " and in Fig.[%d](%s#S%d.F%d \"Figure %d ‣ %d %s ‣ A Study\").\n\n", fig+1, base, s, fig+1, fig+1, s, title)
		}
		fmt.Fprintf(&b, "### %d.1 Details\n\n", s)
		b.WriteString("With a batch of 10k 10 𝑘 10k 10 italic_k examples and a rate of \\alpha=0.5 we see \\mathcal{L}_{\\text{RL}} fall.\n\n")
		b.WriteString("*   •First, the policy is sampled.\n*   •Second, the reward is computed.\n\n")
		b.WriteString("1 1 1 Henceforth, we call this the baseline.\n\n")
		fig++
		fmt.Fprintf(&b, "![Image %d: Refer to caption](%s/x%d.png)\n\nFigure %d: The loss of run %d over %d steps.\n\n", fig, base, fig, fig, s, 100*s)
		if s%3 == 0 {
			tab++
			b.WriteString("Model Params Acc F1\nBaseline 7B 61.2 58.0\nOurs 7B 67.9 64.3\nOurs 70B 74.1 71.8\n\n")
			fmt.Fprintf(&b, "Table %d: Results on the held-out set.\n\n", tab)
		}
		fmt.Fprintf(&b, "L(θ)=𝔼[r] L ( italic_θ ) = blackboard_E [ italic_r ] (%d)\n\n", s)
	}
	b.WriteString("References\n----------\n\n")
	for i := 1; i <= 40; i++ {
		fmt.Fprintf(&b, "*   Author%d et al. (20%02d) A.Author%d, B.Writer. Paper number %d on learning. _arXiv preprint arXiv:2401.%05d_, 2024.\n", i, 10+i%15, i, i, i)
	}
	return b.String()
}

var sectionNames = []string{"Introduction", "Related Work", "Method", "Experiments", "Analysis",
	"Ablations", "Scaling", "Limitations", "Discussion", "Conclusion"}

var words = strings.Fields(`the model learns a policy over long reasoning chains while the reward
signal stays sparse and we measure accuracy on held out benchmarks with several seeds training
data curriculum tokens attention layers gradient variance baseline estimator ablation transformer
diffusion retrieval alignment preference optimisation scaling law compute budget inference`)

// vocabulary is the common words and a long tail of made-up technical
// ones: real papers use a few thousand distinct words, and a full-text
// index over a fifty-word vocabulary would be unrealistically dense.
var vocabulary = func() []string {
	syllables := strings.Fields("ka lo mi ne ra tu si po ve an ex or in de pre con trans")
	v := append([]string(nil), words...)
	for i := 0; len(v) < 3000; i++ {
		w := syllables[i%len(syllables)] + syllables[(i/len(syllables))%len(syllables)] +
			syllables[(i/(len(syllables)*len(syllables)))%len(syllables)]
		v = append(v, w)
	}
	return v
}()

func paragraph(rng *rand.Rand, sentences int) string {
	zipf := rand.NewZipf(rng, 1.1, 2, uint64(len(vocabulary)-1))
	var b strings.Builder
	for s := 0; s < sentences; s++ {
		if s > 0 {
			b.WriteByte(' ')
		}
		n := 12 + rng.IntN(14)
		for w := 0; w < n; w++ {
			word := vocabulary[zipf.Uint64()]
			if w == 0 {
				word = strings.ToUpper(word[:1]) + word[1:]
			} else {
				b.WriteByte(' ')
			}
			b.WriteString(word)
		}
		b.WriteByte('.')
	}
	return b.String()
}
