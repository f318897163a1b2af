package synth

import (
	"bytes"
	"encoding/json"
	"regexp"
	"testing"
	"time"
)

var idRE = regexp.MustCompile(`^\d{4}\.\d{5}$`)

type testItem struct {
	Paper struct {
		ID                 string                  `json:"id"`
		Authors            []struct{ Name string } `json:"authors"`
		PublishedAt        time.Time               `json:"publishedAt"`
		SubmittedOnDailyAt time.Time               `json:"submittedOnDailyAt"`
		Summary            string                  `json:"summary"`
		Keywords           []string                `json:"ai_keywords"`
	} `json:"paper"`
	Title   string `json:"title"`
	Summary string `json:"summary"`
}

func TestDeterministic(t *testing.T) {
	start := time.Date(2025, 10, 1, 0, 0, 0, 0, time.UTC)
	a, b := Days(3000, 42, start), Days(3000, 42, start)
	if len(a) != len(b) {
		t.Fatalf("day counts differ: %d vs %d", len(a), len(b))
	}
	for i := range a {
		if a[i].Date != b[i].Date || !bytes.Equal(a[i].Body, b[i].Body) {
			t.Fatalf("day %d (%s) differs between runs", i, a[i].Date)
		}
	}
	c := Days(3000, 43, start)
	if bytes.Equal(a[0].Body, c[0].Body) {
		t.Fatal("seeds 42 and 43 gave the same first day")
	}
	p := Papers(50, 42)
	q := Papers(50, 42)
	for i := range p {
		if !bytes.Equal(p[i], q[i]) {
			t.Fatalf("Papers item %d differs between runs", i)
		}
	}
}

func TestCountsShapeAndSize(t *testing.T) {
	for _, n := range []int{0, 1, 7, 49, 51, 6000} {
		start := time.Date(2026, 3, 7, 0, 0, 0, 0, time.UTC) // a Saturday
		days := Days(n, 1, start)
		ids := make(map[string]bool, n)
		total, size := 0, 0
		prev := ""
		for _, d := range days {
			day, err := time.Parse(time.DateOnly, d.Date)
			if err != nil {
				t.Fatal(err)
			}
			if wd := day.Weekday(); wd == time.Saturday || wd == time.Sunday {
				t.Errorf("%s is a weekend day", d.Date)
			}
			if d.Date <= prev {
				t.Errorf("dates not increasing: %s after %s", d.Date, prev)
			}
			prev = d.Date
			var raw []json.RawMessage
			if err := json.Unmarshal(d.Body, &raw); err != nil {
				t.Fatalf("%s: not a JSON array: %v", d.Date, err)
			}
			if len(raw) == 0 || len(raw) > 50 {
				t.Errorf("%s: %d items", d.Date, len(raw))
			}
			for _, r := range raw {
				var it testItem
				if err := json.Unmarshal(r, &it); err != nil {
					t.Fatalf("%s: bad item: %v", d.Date, err)
				}
				id := it.Paper.ID
				if !idRE.MatchString(id) || ids[id] {
					t.Fatalf("%s: bad or duplicate id %q", d.Date, id)
				}
				ids[id] = true
				if got := it.Paper.SubmittedOnDailyAt.Format(time.DateOnly); got != d.Date {
					t.Errorf("%s: submittedOnDailyAt %s", id, got)
				}
				pub := it.Paper.PublishedAt
				if !pub.Before(day) || id[:4] != pub.Format("0601") {
					t.Errorf("%s: publishedAt %s inconsistent with day %s", id, pub, d.Date)
				}
				if na := len(it.Paper.Authors); na < 1 || na > 40 {
					t.Errorf("%s: %d authors", id, na)
				}
				if it.Summary != it.Paper.Summary || it.Title == "" || len(it.Paper.Keywords) < 3 {
					t.Errorf("%s: summary/title/keywords wrong", id)
				}
				var compact bytes.Buffer
				if err := json.Compact(&compact, r); err != nil || compact.Len() != len(r) {
					t.Errorf("%s: item not compact", id)
				}
				size += len(r)
			}
			total += len(raw)
		}
		if total != n {
			t.Errorf("n=%d: got %d papers", n, total)
		}
		if n >= 6000 {
			avg := float64(size) / float64(n)
			if avg < 0.7*RealCompactItemSize || avg > 1.3*RealCompactItemSize {
				t.Errorf("mean item %.0f bytes, want %d ±30%%", avg, RealCompactItemSize)
			}
			perDay := float64(n) / float64(len(days))
			if perDay < 14 || perDay > 20 {
				t.Errorf("%.1f papers a day, want about 17", perDay)
			}
			t.Logf("n=%d: %d days, %.1f papers/day, mean item %.0f B (real %d B)", n, len(days), perDay, avg, RealCompactItemSize)
		}
	}
}

func TestPapersMatchesDays(t *testing.T) {
	items := Papers(100, 9)
	days := Days(100, 9, DefaultStart)
	var joined [][]byte
	for _, d := range days {
		var raw []json.RawMessage
		if err := json.Unmarshal(d.Body, &raw); err != nil {
			t.Fatal(err)
		}
		for _, r := range raw {
			joined = append(joined, r)
		}
	}
	if len(items) != 100 || len(joined) != 100 {
		t.Fatalf("got %d items, %d from days", len(items), len(joined))
	}
	for i := range items {
		if !bytes.Equal(items[i], joined[i]) {
			t.Fatalf("item %d differs", i)
		}
	}
}

func TestVocabularyIsZipfLike(t *testing.T) {
	var text []byte
	for _, it := range Papers(2000, 3) {
		var x testItem
		if err := json.Unmarshal(it, &x); err != nil {
			t.Fatal(err)
		}
		text = append(text, x.Summary...)
		text = append(text, ' ')
	}
	count := func(w string) int { return len(regexp.MustCompile(`\b`+w+`\b`).FindAll(text, -1)) }
	model, rare := count("model"), count("holonomy")
	if model < 100*max(rare, 1) {
		t.Errorf(`"model" %d times vs "holonomy" %d: not Zipf-like`, model, rare)
	}
	if !bytes.Contains(text, []byte("$")) {
		t.Error("no inline LaTeX in 2,000 abstracts")
	}
}

func TestEachStopsOnError(t *testing.T) {
	calls := 0
	stop := errStop{}
	err := Each(1000, 1, DefaultStart, func(Day) error { calls++; return stop })
	if err != stop || calls != 1 {
		t.Fatalf("err %v after %d calls", err, calls)
	}
}

type errStop struct{}

func (errStop) Error() string { return "stop" }

func BenchmarkEach100k(b *testing.B) {
	for b.Loop() {
		size := 0
		Each(100000, 1, DefaultStart, func(d Day) error { size += len(d.Body); return nil })
		b.SetBytes(int64(size))
	}
}
