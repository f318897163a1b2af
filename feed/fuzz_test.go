package feed

import (
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/papertui/papers/feed/feedtest"
)

// FuzzDecodeItem feeds the decoder mutations of every recorded item shape.
// It must never panic, and what it accepts must be normalised.
func FuzzDecodeItem(f *testing.F) {
	files, _ := filepath.Glob("testdata/*.json")
	shared, _ := filepath.Glob(filepath.Join(feedtest.SharedDir(), "fixtures/hf/*.json"))
	for _, name := range append(files, shared...) {
		body, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		var items []json.RawMessage
		if json.Unmarshal(body, &items) != nil {
			f.Add(body) // a single object, or not an array at all
			continue
		}
		for _, item := range items {
			f.Add([]byte(item))
		}
	}
	f.Add([]byte(`{"id":"2410.17243","upvotes":1e400}`))
	f.Fuzz(func(t *testing.T, raw []byte) {
		p, err := DecodeItem(raw, "")
		if err != nil {
			return
		}
		if !ValidID(p.ID) {
			t.Errorf("accepted id %q", p.ID)
		}
		if strings.ContainsAny(p.Title, "\n\r\t") || p.Title != strings.TrimSpace(p.Title) {
			t.Errorf("title not collapsed: %q", p.Title)
		}
		if strings.Contains(p.Abstract, "\n\n\n") || p.Abstract != strings.TrimSpace(p.Abstract) {
			t.Errorf("abstract not rejoined: %q", p.Abstract)
		}
		if !json.Valid(p.Raw) {
			t.Errorf("Raw is not JSON: %q", p.Raw)
		}
		again, err := DecodeItem(p.Raw, "")
		if err != nil {
			t.Fatalf("re-decoding Raw: %v", err)
		}
		if !reflect.DeepEqual(withoutRaw([]Paper{again}), withoutRaw([]Paper{p})) {
			t.Errorf("Raw decodes differently:\n%+v\n%+v", again, p)
		}
	})
}
