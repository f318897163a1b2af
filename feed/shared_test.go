package feed

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/papertui/papers/feed/feedtest"
)

// These tests run the decoder over the project's shared recordings when the
// checkout has them. Every behaviour they touch is also covered by the
// hand-made files in testdata/.

func sharedPath(t testing.TB, rel string) string { return feedtest.Shared(t, rel) }

func TestSharedFixtures(t *testing.T) {
	dir := sharedPath(t, "fixtures/hf")
	files, err := filepath.Glob(filepath.Join(dir, "*.json"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no fixtures in %s: %v", dir, err)
	}
	counts := map[string]int{
		"hf-daily-2024-05-29.json": 8, "hf-daily-2024-10-25-early.json": 25, "hf-daily-2024-10-25.json": 29,
		"hf-daily-2025-03-13.json": 10, "hf-daily-2025-03-17.json": 12, "hf-daily-2025-10-02.json": 25,
		"hf-daily-2026-08-21.json": 17, "hf-daily-samples-mixed.json": 3,
		"hf-paper-2605.13301.json": 1, "hf-paper-2605.15320.json": 1,
	}
	for _, f := range files {
		name := filepath.Base(f)
		t.Run(name, func(t *testing.T) {
			body, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			papers, rejected, err := DecodeDocument(body, "")
			if err != nil || len(rejected) > 0 {
				t.Fatalf("err %v, rejected %v", err, rejected)
			}
			if want, ok := counts[name]; ok && len(papers) != want {
				t.Errorf("%d papers, want %d", len(papers), want)
			}
			for _, p := range papers {
				checkNormalised(t, p)
			}
		})
	}
}

// checkNormalised asserts what must hold for every real item.
func checkNormalised(t *testing.T, p Paper) {
	t.Helper()
	switch {
	case !ValidID(p.ID):
		t.Errorf("bad id %q", p.ID)
	case p.Title == "" || strings.ContainsAny(p.Title, "\n\t") || strings.Contains(p.Title, "  "):
		t.Errorf("%s: title not clean: %q", p.ID, p.Title)
	case p.Abstract == "" || strings.Contains(p.Abstract, "\n\n\n"):
		t.Errorf("%s: abstract: %q", p.ID, p.Abstract)
	case len(p.Authors) == 0 || p.Published.IsZero() || len(p.Raw) == 0:
		t.Errorf("%s: missing authors, published date or raw", p.ID)
	case p.Day == "" && !strings.HasPrefix(string(p.Raw), `{"id"`):
		t.Errorf("%s: a feed item without a day", p.ID)
	}
}

func TestSharedFixtureDetails(t *testing.T) {
	body, err := os.ReadFile(sharedPath(t, "fixtures/hf/hf-daily-2024-10-25.json"))
	if err != nil {
		t.Fatal(err)
	}
	papers, _, err := decodeDay(body, "2024-10-25")
	if err != nil {
		t.Fatal(err)
	}
	p := papers[0]
	if p.ID != "2410.17243" || p.Title != "Breaking the Memory Barrier: Near Infinite Batch Size Scaling for Contrastive Loss" ||
		p.Day != "2024-10-25" || p.Submitter != "ClownRat" || p.Authors[0].User != "ClownRat" || strings.Contains(p.Abstract, "\n") {
		t.Errorf("first 2024-10-25 paper: %+v", p)
	}
	if string(p.Raw) != string(body[1:1+len(p.Raw)]) {
		t.Error("Raw of a compact recording should be its bytes exactly")
	}
}

// corpusFiles extracts the recorded corpus into a temporary directory and
// lists its 580 files, skipping when the archive or xz is not available.
func corpusFiles(t testing.TB) []string {
	t.Helper()
	if testing.Short() {
		t.Skip("corpus import skipped in -short mode")
	}
	files := feedtest.CorpusFiles(t)
	if len(files) != 580 {
		t.Fatalf("%d corpus files, want 580", len(files))
	}
	return files
}

// TestCorpus imports two years of recorded history: every item decodes
// except the known corrupt ones, which are reported, not lost silently.
func TestCorpus(t *testing.T) {
	files := corpusFiles(t)
	var items, good, corrupt int
	var stringFiles, badFiles []string
	distinct := map[string]bool{}
	for _, f := range files {
		body, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		day := strings.TrimSuffix(filepath.Base(f), ".json")
		papers, rejected, err := DecodeDocument(body, day)
		if err != nil {
			badFiles = append(badFiles, day+": "+err.Error())
			continue
		}
		items += len(papers) + len(rejected)
		good += len(papers)
		corrupt += len(rejected)
		if len(rejected) > 0 {
			stringFiles = append(stringFiles, day)
			for _, r := range rejected {
				if !strings.HasSuffix(r.Error(), ": a string, not an object") {
					t.Errorf("%s: unexpected rejection %v", day, r)
				}
			}
		}
		for _, p := range papers {
			distinct[p.ID] = true
			checkNormalised(t, p)
			if p.Day != day {
				t.Errorf("%s: day %s", p.ID, p.Day)
			}
		}
	}
	want := []string{"2025-01-10: an object with keys status, date, count, data: not a paper or an array of papers"}
	if strings.Join(badFiles, "\n") != want[0] {
		t.Errorf("files rejected whole:\n%s", strings.Join(badFiles, "\n"))
	}
	if len(stringFiles) != 21 || stringFiles[0] != "2024-12-11" || stringFiles[20] != "2025-01-09" {
		t.Errorf("files with string elements: %v", stringFiles)
	}
	// No day has repeated ids, so items == papers + rejections here.
	if items != 9872 || corrupt != 291 || good != 9872-291 || len(distinct) != 9577 {
		t.Errorf("items %d, corrupt %d, good %d, distinct %d; want 9872, 291, 9581, 9577", items, corrupt, good, len(distinct))
	}
}
