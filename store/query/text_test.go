package query

import (
	"slices"
	"testing"
)

func TestTextFilter(t *testing.T) {
	q, err := Parse(`text:policy text:"reward  model" diffusion`)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(q.Texts, []string{"policy", "reward model"}) || len(q.Terms) != 1 || q.Empty() {
		t.Errorf("texts %q, terms %v", q.Texts, q.Terms)
	}
	if got := q.String(); got != `text:policy text:"reward model" diffusion` {
		t.Errorf("String() = %q", got)
	}
	if _, err := Parse(`text:`); err == nil {
		t.Error("text: without a value accepted")
	}
}
