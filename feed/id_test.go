package feed

import (
	"strings"
	"testing"
)

func TestNormalizeID(t *testing.T) {
	ok := []string{
		"2410.17243",
		" 2410.17243 \n",
		"2410.17243v2",
		"2410.17243v12",
		"arXiv:2410.17243",
		"arxiv: 2410.17243v1",
		"ARXIV:2410.17243",
		"https://huggingface.co/papers/2410.17243",
		"https://huggingface.co/papers/2410.17243/",
		"https://huggingface.co/papers/2410.17243?utm_source=x#comments",
		"https://huggingface.co/papers/2410.17243.md",
		"huggingface.co/papers/2410.17243",
		"https://www.huggingface.co/papers/2410.17243",
		"hf.co/papers/2410.17243",
		"https://hf.co/papers/2410.17243",
		"https://huggingface.co/api/papers/2410.17243",
		"https://arxiv.org/abs/2410.17243",
		"https://arxiv.org/abs/2410.17243v3",
		"http://arxiv.org/abs/2410.17243v3/",
		"https://arxiv.org/pdf/2410.17243",
		"https://arxiv.org/pdf/2410.17243.pdf",
		"https://arxiv.org/pdf/2410.17243v2",
		"https://arxiv.org/pdf/2410.17243v2.pdf",
		"https://arxiv.org/html/2410.17243v1",
		"https://arxiv.org/bibtex/2410.17243",
		"https://export.arxiv.org/abs/2410.17243",
		"https://www.arxiv.org/abs/2410.17243#x",
		"arxiv.org/abs/2410.17243?context=cs",
		"HTTPS://ARXIV.ORG/abs/2410.17243",
	}
	for _, in := range ok {
		got, err := NormalizeID(in)
		if err != nil || got != "2410.17243" {
			t.Errorf("NormalizeID(%q) = %q, %v; want 2410.17243", in, got, err)
		}
	}
	if got, err := NormalizeID("1412.0001"); err != nil || got != "1412.0001" {
		t.Errorf("four-digit number: %q %v", got, err)
	}
	// arXiv numbered five digits a month from January 2015.
	if _, err := NormalizeID("2405.2106"); err == nil || !strings.Contains(err.Error(), "2405.02106?") {
		t.Errorf("2405.2106: %v, want it refused with the five-digit id offered", err)
	}
	bad := []string{"1501.0001", "1412.00001",
		"", "foo", "2410.172", "2410.172431", "2413.17243", "2400.17243", "24101.7243",
		"2410.17243v", "2410.17243vv2", "hep-th/9901001", "arXiv:", "2410.17243 extra",
		"https://example.com/papers/2410.17243", "https://arxiv.org/list/2410.17243",
		"https://huggingface.co/papers/2410.17243/discussion", "ftp://arxiv.org/abs/2410.17243",
		"https://huggingface.co/2410.17243", "https://arxiv.org/abs/", "１２３４.５６７８９",
	}
	for _, in := range bad {
		got, err := NormalizeID(in)
		if err == nil {
			t.Errorf("NormalizeID(%q) = %q, want an error", in, got)
			continue
		}
		if !strings.HasPrefix(err.Error(), "not an arXiv id or paper URL: ") {
			t.Errorf("NormalizeID(%q) error %q does not quote the input", in, err)
		}
	}
	if _, err := NormalizeID("foo"); err == nil || err.Error() != `not an arXiv id or paper URL: "foo"` {
		t.Errorf("error text: %v", err)
	}
	if _, err := NormalizeID(strings.Repeat("x", 5000)); err == nil || len(err.Error()) > 300 {
		t.Errorf("a huge input should be clipped in the error")
	}
}

func FuzzNormalizeID(f *testing.F) {
	for _, s := range []string{
		"2410.17243", "2410.17243v2", "arXiv:2410.17243", "https://arxiv.org/pdf/2410.17243v2.pdf",
		"hf.co/papers/2410.17243", "https://huggingface.co/api/papers/2410.17243?x=1#y", "foo", "", "://", "%zz/2410.17243",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		id, err := NormalizeID(s)
		if err != nil {
			if id != "" {
				t.Errorf("error with an id %q", id)
			}
			return
		}
		if !idRE.MatchString(id) {
			t.Errorf("NormalizeID(%q) = %q, not an id", s, id)
		}
		if again, err := NormalizeID(id); err != nil || again != id {
			t.Errorf("not idempotent: %q -> %q, %v", id, again, err)
		}
	})
}
