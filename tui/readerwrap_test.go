package tui

import (
	"strings"
	"testing"
	"unicode"
)

func linesOf(plain ...string) readerLines {
	l := readerLines{text: plain, plain: plain}
	for _, p := range plain {
		l.lower = append(l.lower, strings.ToLower(p))
	}
	return l
}

// TestSearchFindsAPhraseSplitByTheWrap: "reward model" with "reward"
// ending one line and "model" starting the next is one hit, marked on
// both lines; a word alone and a phrase on one line find as before.
func TestSearchFindsAPhraseSplitByTheWrap(t *testing.T) {
	l := linesOf(
		"  We train the Reward     ",
		"  model on pairs; a reward model   ",
		"  scores them. The reward",
		"",
		"  model of the next paragraph is not the same phrase.",
	)
	s := readerSearch{query: "reward  model"}
	s.find(l)
	if len(s.hits) != 2 || s.hits[0] != 0 || s.hits[1] != 1 {
		t.Fatalf("hits = %v, want [0 1] (the split one and the one in line 1)", s.hits)
	}
	if !s.isHit[0] || !s.isHit[1] || s.isHit[2] || s.isHit[4] {
		t.Errorf("marked lines = %v", s.isHit)
	}
	hl := paint{"<", ">"}
	if got := s.marked(l, 0, hl); got != "  We train the <Reward>     " {
		t.Errorf("first line marked %q", got)
	}
	if got := s.marked(l, 1, hl); got != "  <model> on pairs; a <reward model>   " {
		t.Errorf("second line marked %q", got)
	}

	s = readerSearch{query: "train the reward model on"}
	s.find(l)
	if len(s.hits) != 1 || s.marked(l, 0, hl) != "  We <train the Reward>     " || s.marked(l, 1, hl) != "  <model on> pairs; a reward model   " {
		t.Errorf("a longer phrase: %v %q %q", s.hits, s.marked(l, 0, hl), s.marked(l, 1, hl))
	}
	s = readerSearch{query: "model"}
	s.find(l)
	if len(s.hits) != 2 || len(s.split) != 0 {
		t.Errorf("a word: hits %v, split %v", s.hits, s.split)
	}
}

// TestReaderFindsWrappedPhrases: in a rendered paper, every phrase of two
// words that the wrap split (the last word of a line, the first of the
// next) is found and marked on both lines.
func TestReaderFindsWrappedPhrases(t *testing.T) {
	hs, _ := readerHarness(t, 100, 30)
	hs.keys("R")
	l := hs.m.reader.lines
	tried := 0
	for i := 0; i+1 < len(l.plain) && tried < 5; i++ {
		a, b := strings.Fields(l.plain[i]), strings.Fields(l.plain[i+1])
		if len(a) < 3 || len(b) < 3 || !isWord(a[len(a)-1]) || !isWord(b[0]) {
			continue
		}
		q := a[len(a)-1] + " " + b[0]
		if strings.Contains(strings.Join(l.lower, "\n"), strings.ToLower(q)) {
			continue // also on one line somewhere: not the case tried
		}
		tried++
		s := readerSearch{query: q}
		s.find(l)
		if !s.isHit[i] || !s.isHit[i+1] {
			t.Errorf("%q split over lines %d and %d: hits %v", q, i, i+1, s.hits)
			continue
		}
		hl := hs.m.st.pHighlight
		if !strings.Contains(s.marked(l, i, hl), hl.pre+a[len(a)-1]+hl.post) || !strings.Contains(s.marked(l, i+1, hl), hl.pre+b[0]+hl.post) {
			t.Errorf("%q not marked on both lines", q)
		}
	}
	if tried == 0 {
		t.Fatal("no phrase split by the wrap in the paper")
	}
}

func isWord(w string) bool {
	for _, r := range w {
		if !unicode.IsLetter(r) {
			return false
		}
	}
	return w != ""
}

// TestReaderSearchTypesASpace: a space typed in the pane's search is part
// of the phrase (it was dropped, so no phrase could be typed).
func TestReaderSearchTypesASpace(t *testing.T) {
	hs, _ := readerHarness(t, 100, 30)
	hs.keys("R", "/", "e", "t", " ", " ", "a", "l", "enter")
	s := hs.m.reader.search
	if s.query != "et al" || len(s.hits) == 0 {
		t.Errorf("typed %q (searched %q): %d hits", s.query, s.needle(), len(s.hits))
	}
	hs.requireScreen("/et al ")
}

// TestNewSearchAfterASplitHit: / after a search that found a split
// phrase draws the pane while the new query is still empty (it looped
// forever, the marks of the old search drawn with an empty needle).
func TestNewSearchAfterASplitHit(t *testing.T) {
	hs, _ := readerHarness(t, 100, 30)
	hs.keys("R", "/", "e", "t", " ", "a", "l", "enter")
	first := -1
	for i := range hs.m.reader.search.split {
		if first < 0 || i < first {
			first = i
		}
	}
	if first < 0 {
		t.Fatal("no split hit to start from")
	}
	hs.m.reader.offset = first // its marks in view
	hs.keys("/")
	_ = hs.m.View()
	hs.keys("s", "t", "u", "d", "y", "enter")
	if len(hs.m.reader.search.hits) == 0 || len(hs.m.reader.search.split) != 0 {
		t.Errorf("the new search: %d hits, %d split", len(hs.m.reader.search.hits), len(hs.m.reader.search.split))
	}
}

// TestHitsArePainted: the highlight of search hits has escape sequences
// (its underline made lipgloss leave paintOf's invisible probe unstyled,
// so hits were marked with nothing).
func TestHitsArePainted(t *testing.T) {
	hs, _ := readerHarness(t, 80, 24)
	hl := hs.m.st.pHighlight
	if hl.pre == "" || hl.post == "" {
		t.Fatalf("the highlight paints nothing: %q %q", hl.pre, hl.post)
	}
	hs.keys("R", "/", "e", "t", " ", "a", "l", "enter")
	if !strings.Contains(hs.m.View().Content, hl.pre+"et al"+hl.post) && !strings.Contains(hs.m.View().Content, hl.pre+"et"+hl.post) {
		t.Error("no hit in view is painted")
	}
}

// TestReaderSearchGoesRound: a search typed below its only hit finds it
// above, and n past the last hit goes round to the first (N before the
// first, to the last), saying so, as less and vim do (it stayed put
// without a word).
func TestReaderSearchGoesRound(t *testing.T) {
	hs, _ := readerHarness(t, 100, 30)
	hs.keys("R", "G")
	hs.keys("/", "S", "t", "u", "d", "y", " ", "o", "f", "enter") // the title's words
	s := hs.m.reader.search
	if len(s.hits) == 0 || s.hit == 0 || hs.m.reader.offset > s.hits[len(s.hits)-1] {
		t.Fatalf("typed below every hit: %d hits, at hit %d, offset %d", len(s.hits), s.hit, hs.m.reader.offset)
	}
	hs.keys("/", "e", "t", " ", "a", "l", "enter", "g")
	n := len(hs.m.reader.search.hits)
	hs.keys("N")
	if got := hs.m.reader.search.hit; got != n || !strings.Contains(hs.m.notice, "went round to the bottom") {
		t.Errorf("N above the first hit: at hit %d of %d, notice %q", got, n, hs.m.notice)
	}
	hs.keys("n")
	if got := hs.m.reader.search.hit; got != 1 || !strings.Contains(hs.m.notice, "went round to the top") {
		t.Errorf("n from the last hit: at hit %d, notice %q", got, hs.m.notice)
	}
}

// TestUndoInTheReadingPane: U undoes a change made there (b queues the
// paper being read) without leaving the pane.
func TestUndoInTheReadingPane(t *testing.T) {
	hs, _ := readerHarness(t, 100, 30)
	hs.keys("R")
	id := hs.m.reader.id
	queued := func() bool {
		for _, r := range hs.m.queue.records {
			if r.ID == id {
				return true
			}
		}
		return false
	}
	was := queued()
	hs.keys("b")
	if queued() == was {
		t.Fatalf("b in the reading pane did not change the queue")
	}
	hs.keys("U")
	if queued() != was || !hs.m.reader.open || strings.Contains(hs.m.notice, "does nothing") {
		t.Errorf("U in the reading pane: queued %v (was %v), open %v, notice %q", queued(), was, hs.m.reader.open, hs.m.notice)
	}
}
