package feed

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"
)

// decodeDay decodes a daily_papers body as the client does with each page
// (decodeArray), checking the day as the exported decoders do.
func decodeDay(body []byte, day string) ([]Paper, []ItemError, error) {
	if err := checkDay(day); err != nil {
		return nil, nil, err
	}
	papers, rejected, _, err := decodeArray(body, day, true)
	return dedupe(papers), rejected, err
}

func readTestdata(t *testing.T, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func mustTime(t *testing.T, s string) time.Time {
	t.Helper()
	tm, err := time.Parse(time.RFC3339Nano, s)
	if err != nil {
		t.Fatal(err)
	}
	return tm
}

// withoutRaw blanks Raw so papers can be compared field by field; Raw has
// its own test.
func withoutRaw(ps []Paper) []Paper {
	out := make([]Paper, len(ps))
	for i, p := range ps {
		p.Raw = nil
		out[i] = p
	}
	return out
}

func TestDecodeDayShapes(t *testing.T) {
	tests := []struct {
		file, day string
		want      []Paper
	}{
		{
			file: "day-2024-mediaurl.json", day: "2024-05-29",
			want: []Paper{{
				ID:    "2405.18407",
				Title: "Phased Consistency Model: A Hard-Wrapped Title",
				Abstract: "The consistency model (CM) has recently made significant progress in accelerating the generation of diffusion models." +
					"\n\nHowever, its application to high-resolution text-conditioned image generation remains limited.",
				Authors:   []Author{{Name: "Fu-Yun Wang", User: "wangfuyun"}, {Name: "Peng Gao"}},
				Published: mustTime(t, "2024-05-28T17:59:52Z"),
				Day:       "2024-05-29",
				Upvotes:   0,
				Comments:  2,
				Thumbnail: "https://cdn-uploads.huggingface.co/production/uploads/pcm.mp4",
			}, {
				ID:        "2405.18386",
				Title:     "Only the paper title, wrapped",
				Abstract:  "One paragraph wrapped over three lines.",
				Authors:   []Author{{Name: "Only Author"}},
				Published: mustTime(t, "2024-05-28T17:35:10Z"),
				Day:       "2024-05-29",
				Upvotes:   7,
				Thumbnail: "https://cdn-uploads.huggingface.co/production/uploads/second.png",
			}},
		},
		{
			// No day asked: the 2024 item's top-level publishedAt gives it.
			file: "day-2024-mediaurl.json", day: "",
			want: nil, // checked below through Day only
		},
		{
			file: "day-2025-ai.json", day: "",
			want: []Paper{{
				ID:           "2503.10615",
				Title:        "R1-Onevision: Reasoning",
				Abstract:     "Large language models reason.",
				Authors:      []Author{{Name: "Alice Zhang"}, {Name: "Bob Li", User: "bob-ml"}},
				Published:    mustTime(t, "2025-03-13T17:59:59Z"),
				Day:          "2025-03-17",
				Upvotes:      42,
				Comments:     5,
				GitHubRepo:   "https://github.com/example/r1",
				GitHubStars:  120,
				ProjectPage:  "https://example.org/r1",
				AISummary:    "A model that reasons over images.",
				AIKeywords:   []string{"reasoning", "multimodal"},
				Organization: "NVIDIA",
				Thumbnail:    "https://cdn-uploads.huggingface.co/production/uploads/r1.png",
				Submitter:    "akhaliq",
			}},
		},
		{
			file: "day-2026-org.json", day: "2026-08-21",
			want: []Paper{{
				ID:           "2608.19880",
				Title:        "EnvHarness: Awakening Static Worlds",
				Abstract:     "LLM agents learn by interacting with environments.",
				Authors:      []Author{{Name: "Chengsong Huang"}, {Name: "Hidden Person", Hidden: true}, {Name: "Tomas Pfister", User: "tpfister"}},
				Published:    mustTime(t, "2026-08-20T00:00:00Z"),
				Day:          "2026-08-21",
				Upvotes:      163,
				Comments:     1,
				GitHubRepo:   "https://github.com/google-research/envharness",
				GitHubStars:  8,
				ProjectPage:  "https://envharness.com/",
				AISummary:    "EnvHarness reshapes environments.",
				AIKeywords:   []string{"LLM agents", "EnvHarness"},
				Organization: "Google",
				Thumbnail:    "https://cdn-thumbnails.huggingface.co/social-thumbnails/papers/2608.19880.png",
				Submitter:    "taesiri",
				WithdrawnAt:  mustTime(t, "2026-08-25T10:00:00Z"),
			}, {
				ID:           "2608.12313",
				Title:        "Handle Only",
				Abstract:     "Text.",
				Authors:      []Author{},
				Published:    mustTime(t, "2026-08-12T00:00:00Z"),
				Day:          "2026-08-21",
				Upvotes:      3,
				Organization: "tiny-lab",
				Thumbnail:    "https://cdn-thumbnails.huggingface.co/social-thumbnails/papers/2608.12313.png",
			}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.file+"/"+tt.day, func(t *testing.T) {
			papers, rejected, err := decodeDay(readTestdata(t, tt.file), tt.day)
			if err != nil || len(rejected) != 0 {
				t.Fatalf("decodeDay: err %v, rejected %v", err, rejected)
			}
			if tt.want == nil {
				// Posted at 05:29 and at 23:50 UTC: the feed's day turns over
				// at about 21:27 UTC, so the second is the next day's.
				if papers[0].Day != "2024-05-29" || papers[1].Day != "2024-05-30" {
					t.Errorf("days from top-level publishedAt = %q, %q", papers[0].Day, papers[1].Day)
				}
				return
			}
			if got := withoutRaw(papers); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got\n%+v\nwant\n%+v", got, tt.want)
			}
		})
	}
}

func TestDecodeDayReportsBadItems(t *testing.T) {
	papers, rejected, err := decodeDay(readTestdata(t, "day-bad.json"), "2024-10-25")
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, p := range papers {
		ids = append(ids, p.ID)
	}
	if want := []string{"2410.16251", "2410.18003"}; !reflect.DeepEqual(ids, want) {
		t.Errorf("kept %v, want %v (duplicate dropped, nulls tolerated)", ids, want)
	}
	good := papers[0]
	if good.Title != "Good one" || good.Thumbnail != "" || good.AIKeywords != nil || good.Organization != "" || good.Submitter != "" {
		t.Errorf("wrong-typed decorations should be dropped: %+v", good)
	}
	var msgs []string
	for _, r := range rejected {
		msgs = append(msgs, r.Error())
	}
	want := []string{
		"item 0: a string, not an object",
		"item 1 (2410.17243): upvotes: not a number",
		"item 2: no paper.id",
		"item 3: a number, not an object",
		"item 6: paper: a string, not an object",
		"item 7: paper.id: not a string",
		"item 8 (2410.18001): authors[1]: a string, not an object",
		`item 9 (2410.18002): publishedAt: not an RFC 3339 time: "yesterday"`,
	}
	if !reflect.DeepEqual(msgs, want) {
		t.Errorf("rejected:\n%s\nwant:\n%s", strings.Join(msgs, "\n"), strings.Join(want, "\n"))
	}
	if rejected[1].ID != "2410.17243" || rejected[1].Index != 1 {
		t.Errorf("ItemError fields: %+v", rejected[1])
	}
	var ie ItemError
	if err := error(rejected[1]); !errors.As(err, &ie) || errors.Unwrap(err) == nil {
		t.Errorf("ItemError should be an error that unwraps: %v", err)
	}
}

func TestDecodeDayRejectsNonArrays(t *testing.T) {
	tests := []struct{ body, want string }{
		{`{"error":"x"}`, "an object, not an array"},
		{`"hello"`, "a string, not an array"},
		{`12`, "a number, not an array"},
		{`null`, "null, not an array"},
		{``, "empty body"},
		{"   \n", "empty body"},
		{`[{"paper":{"id":"2410.17243"`, "truncated JSON"},
		{`[{"paper":`, "truncated JSON"},
		{`<!DOCTYPE html><html>`, "not JSON: invalid character '<' looking for beginning of value at offset 1"},
		{`[1,2,]`, "not JSON: invalid character ']'"},
		{`[] []`, "not JSON: invalid character '['"},
	}
	for _, tt := range tests {
		_, _, err := decodeDay([]byte(tt.body), "")
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("decodeDay(%q) = %v, want error containing %q", tt.body, err, tt.want)
		}
	}
	if _, _, err := decodeDay([]byte("[]"), "May 1st"); err == nil {
		t.Error("a malformed day argument should be an error")
	}
	papers, rejected, err := decodeDay([]byte("\xef\xbb\xbf [] "), "")
	if err != nil || len(papers)+len(rejected) != 0 {
		t.Errorf("an empty array (with BOM) is an empty day: %v", err)
	}
}

func TestDecodeItemFlatAndWrapped(t *testing.T) {
	p, err := DecodeItem(readTestdata(t, "paper-flat.json"), "")
	if err != nil {
		t.Fatal(err)
	}
	want := Paper{
		ID: "2605.13301", Title: "A Flat Paper", Abstract: "Flat summary wrapped.",
		Authors:   []Author{{Name: "Flat Author", User: "flat-user"}},
		Published: mustTime(t, "2026-05-13T10:00:00Z"), Day: "2026-05-14",
		Upvotes: 11, GitHubRepo: "https://github.com/x/flat", GitHubStars: 4,
		AISummary: "Flat.", AIKeywords: []string{"flat"}, Submitter: "poster",
	}
	if got := withoutRaw([]Paper{p})[0]; !reflect.DeepEqual(got, want) {
		t.Errorf("flat paper:\n%+v\nwant\n%+v", got, want)
	}
	// A flat paper never takes its feed day from its arXiv publishedAt.
	p, err = DecodeItem([]byte(`{"id":"2605.13301","publishedAt":"2026-05-13T10:00:00Z"}`), "")
	if err != nil || p.Day != "" {
		t.Errorf("flat paper without submittedOnDailyAt: day %q, err %v", p.Day, err)
	}
	// The asked-for day wins over every date the item carries.
	p, err = DecodeItem([]byte(`{"paper":{"id":"2503.10615","submittedOnDailyAt":"2025-03-17T01:00:00Z"},"publishedAt":"2025-03-13T00:00:00Z"}`), "2025-03-18")
	if err != nil || p.Day != "2025-03-18" {
		t.Errorf("asked day: %q, %v", p.Day, err)
	}
	for _, body := range []string{`"x"`, `[]`, `{}`, `{"title":"no id"}`, `{"id":"foo"}`, `{"paper":{"id":""}}`, `not json`} {
		if _, err := DecodeItem([]byte(body), ""); err == nil {
			t.Errorf("DecodeItem(%s) should fail", body)
		}
	}
}

func TestDecodeKeepsRawCompact(t *testing.T) {
	body := readTestdata(t, "day-2024-mediaurl.json")
	papers, _, err := decodeDay(body, "")
	if err != nil {
		t.Fatal(err)
	}
	var items []json.RawMessage
	if err := json.Unmarshal(body, &items); err != nil {
		t.Fatal(err)
	}
	var want bytes.Buffer
	if err := json.Compact(&want, items[0]); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(papers[0].Raw, want.Bytes()) {
		t.Errorf("Raw = %s\nwant %s", papers[0].Raw, want.Bytes())
	}
	// Raw must survive a re-decode to the same paper (schema drift re-parse).
	again, err := DecodeItem(papers[0].Raw, "")
	if err != nil || !reflect.DeepEqual(withoutRaw([]Paper{again}), withoutRaw(papers[:1])) {
		t.Errorf("re-decoding Raw: %v", err)
	}
}

func TestDecodeDocument(t *testing.T) {
	t.Run("array", func(t *testing.T) {
		papers, rejected, err := DecodeDocument(readTestdata(t, "day-2026-org.json"), "")
		if err != nil || len(papers) != 2 || len(rejected) != 0 {
			t.Errorf("got %d papers, %v, %v", len(papers), rejected, err)
		}
	})
	t.Run("flat", func(t *testing.T) {
		papers, _, err := DecodeDocument(readTestdata(t, "paper-flat.json"), "")
		if err != nil || len(papers) != 1 || papers[0].ID != "2605.13301" {
			t.Errorf("got %v, %v", papers, err)
		}
	})
	t.Run("wrapped", func(t *testing.T) {
		papers, _, err := DecodeDocument([]byte(`{"paper":{"id":"2410.17243","title":"T"},"numComments":2}`), "2024-10-25")
		if err != nil || len(papers) != 1 || papers[0].Comments != 2 || papers[0].Day != "2024-10-25" {
			t.Errorf("got %v, %v", papers, err)
		}
	})
	t.Run("bad single paper", func(t *testing.T) {
		papers, rejected, err := DecodeDocument([]byte(`{"id":"2410.17243","upvotes":"many"}`), "")
		if err != nil || len(papers) != 0 || len(rejected) != 1 ||
			rejected[0].Error() != "item 0 (2410.17243): upvotes: not a number" {
			t.Errorf("got %v, %v, %v", papers, rejected, err)
		}
	})
	t.Run("envelope", func(t *testing.T) {
		_, _, err := DecodeDocument(readTestdata(t, "not-array.json"), "")
		want := "an object with keys status, date, count, data: not a paper or an array of papers"
		if err == nil || err.Error() != want {
			t.Errorf("got %v, want %q", err, want)
		}
	})
	t.Run("python reprs", func(t *testing.T) {
		papers, rejected, err := DecodeDocument(readTestdata(t, "day-python-repr.json"), "")
		if err != nil || len(papers) != 0 || len(rejected) != 2 || rejected[1].Error() != "item 1: a string, not an object" {
			t.Errorf("got %v, %v, %v", papers, rejected, err)
		}
	})
	for body, want := range map[string]string{
		`"x"`:     "a string: not a paper or an array of papers",
		`{}`:      "an empty object: not a paper or an array of papers",
		`{"a":1`:  "truncated JSON",
		`true`:    "a boolean: not a paper",
		"garbage": "not JSON",
	} {
		if _, _, err := DecodeDocument([]byte(body), ""); err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("DecodeDocument(%s) = %v, want %q", body, err, want)
		}
	}
}

func TestDecodeSearch(t *testing.T) {
	body := `[
		{"paper":{"id":"2410.17243","title":"Wrapped"},"publishedAt":"2024-10-25T00:57:09Z","numComments":3},
		{"id":"2605.13301","title":"Flat","submittedOnDailyAt":"2026-05-14T08:30:00Z"},
		"junk",
		{"id":"2605.13301","title":"Flat again"}
	]`
	papers, err := DecodeSearch([]byte(body))
	if err != nil {
		t.Fatal(err)
	}
	if len(papers) != 2 || papers[0].Title != "Wrapped" || papers[1].Title != "Flat" {
		t.Fatalf("got %+v", papers)
	}
	if papers[0].Day != "" || papers[1].Day != "2026-05-14" {
		t.Errorf("days %q, %q: a search hit has a day only from submittedOnDailyAt", papers[0].Day, papers[1].Day)
	}
	if _, err := DecodeSearch([]byte(`{"papers":[]}`)); err == nil || !strings.Contains(err.Error(), "an object, not an array") {
		t.Errorf("object answer: %v", err)
	}
	if _, err := DecodeSearch([]byte(`["a","b"]`)); err == nil || !strings.Contains(err.Error(), "item 0: a string") {
		t.Errorf("all-bad answer: %v", err)
	}
	if papers, err := DecodeSearch([]byte(`[]`)); err != nil || len(papers) != 0 {
		t.Errorf("no hits: %v %v", papers, err)
	}
}

func TestRejoin(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", ""},
		{"one line", "one line"},
		{"hard\nwrapped\nlines", "hard wrapped lines"},
		{"  lead and trail  \n", "lead and trail"},
		{"para one\nwrapped\n\npara two", "para one wrapped\n\npara two"},
		{"a\n\n\n\n b \n \n c", "a\n\nb\n\nc"},
		{"windows\r\nline\r\n\r\nends", "windows line\n\nends"},
		{"tabs\tand  spaces", "tabs and spaces"},
	}
	for _, tt := range tests {
		if got := rejoin(tt.in); got != tt.want {
			t.Errorf("rejoin(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
	if got := cleanTitle(" Breaking the Memory Barrier: Near Infinite Batch Size Scaling for\n  Contrastive Loss "); got != "Breaking the Memory Barrier: Near Infinite Batch Size Scaling for Contrastive Loss" {
		t.Errorf("cleanTitle = %q", got)
	}
}

func TestIntegerFields(t *testing.T) {
	for body, want := range map[string]int{
		`{"id":"2410.17243","upvotes":12}`:   12,
		`{"id":"2410.17243","upvotes":12.0}`: 12,
		`{"id":"2410.17243","upvotes":0}`:    0,
		`{"id":"2410.17243","upvotes":null}`: 0,
	} {
		p, err := DecodeItem([]byte(body), "")
		if err != nil || p.Upvotes != want {
			t.Errorf("%s: %d, %v", body, p.Upvotes, err)
		}
	}
	for _, body := range []string{`{"id":"2410.17243","upvotes":1.5}`, `{"id":"2410.17243","upvotes":true}`, `{"id":"2410.17243","upvotes":1e99}`} {
		if _, err := DecodeItem([]byte(body), ""); err == nil {
			t.Errorf("%s should be rejected", body)
		}
	}
}

func TestDayOf(t *testing.T) {
	ny := time.FixedZone("NY", -4*3600)
	if got := DayOf(time.Date(2025, 3, 16, 22, 0, 0, 0, ny)); got != "2025-03-17" {
		t.Errorf("DayOf = %s, want the UTC date", got)
	}
}
