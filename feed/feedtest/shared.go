package feedtest

import (
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

// Shared is the path of rel inside ../shared, the recordings that sit
// beside the project for developers and CI, or skips the test when they
// are absent (a user's clone has none): every behaviour they cover is also
// covered by the project's own test data.
func Shared(tb testing.TB, rel string) string {
	tb.Helper()
	p := filepath.Join(SharedDir(), rel)
	if _, err := os.Stat(p); err != nil {
		tb.Skipf("shared recordings not present (%v): skipping", err)
	}
	return p
}

// SharedDir is ../shared beside the project root, whether or not it
// exists (for fuzz seeds that use it only when present).
func SharedDir() string {
	root, err := moduleRoot()
	if err != nil {
		return filepath.Join("..", "shared")
	}
	return filepath.Join(root, "..", "shared")
}

// CorpusFiles extracts the recorded two-year archive into a temporary
// folder and lists its day files in order, or skips the test when the
// archive, tar or xz is missing.
func CorpusFiles(tb testing.TB) []string {
	tb.Helper()
	archive := Shared(tb, "corpus/hf-daily-archive.tar.xz")
	if _, err := exec.LookPath("xz"); err != nil {
		tb.Skip("xz not installed: cannot extract the corpus")
	}
	dir := tb.TempDir()
	if out, err := exec.Command("tar", "xJf", archive, "-C", dir).CombinedOutput(); err != nil {
		tb.Skipf("cannot extract the corpus: %v: %s", err, out)
	}
	files, _ := filepath.Glob(filepath.Join(dir, "hf-daily-archive", "*.json"))
	sort.Strings(files)
	if len(files) == 0 {
		tb.Fatalf("the corpus archive %s holds no day files", archive)
	}
	return files
}

// moduleRoot is the folder holding go.mod, above the working directory
// (a package's folder, under go test).
func moduleRoot() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", os.ErrNotExist
		}
		dir = parent
	}
}

// RealText is one recorded /papers/{id}.md answer of ../shared.
type RealText struct {
	Name string // the recording's file name
	ID   string // the paper's id
	Body []byte
}

// RealTexts reads the recorded full texts (fixtures/hf/fulltext), or
// skips tb where ../shared is absent.
func RealTexts(tb testing.TB) []RealText {
	tb.Helper()
	dir := Shared(tb, "fixtures/hf/fulltext")
	var texts []RealText
	for _, name := range []string{"hf-paper-2503.10291.md", "hf-paper-2603.19835.md"} {
		body, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			tb.Fatal(err)
		}
		id := strings.TrimSuffix(strings.TrimPrefix(name, "hf-paper-"), ".md")
		texts = append(texts, RealText{Name: name, ID: id, Body: body})
	}
	return texts
}
