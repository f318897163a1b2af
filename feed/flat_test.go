package feed

import (
	"reflect"
	"testing"
	"time"
)

func TestFlatJSONRoundTrips(t *testing.T) {
	p := Paper{ID: "2510.00001", Title: "A Title", Abstract: "First paragraph.\n\nSecond one.",
		Authors:   []Author{{Name: "Ada Lovelace"}, {Name: "Hidden", Hidden: true}},
		Published: time.Date(2025, 9, 30, 0, 0, 0, 0, time.UTC), Day: "2025-10-02", Upvotes: 7, Comments: 2,
		GitHubRepo: "https://github.com/a/b", GitHubStars: 3, ProjectPage: "https://a.b", AISummary: "Sum.",
		AIKeywords: []string{"x", "y"}, Organization: "Lab", Thumbnail: "https://t.png"}
	got, err := DecodeItem(p.FlatJSON(), "")
	if err != nil {
		t.Fatal(err)
	}
	got.Raw = nil
	if !reflect.DeepEqual(got, p) {
		t.Errorf("round trip:\n got %+v\nwant %+v", got, p)
	}
}

func TestMergedKeepsFresherCountsAndFirstDay(t *testing.T) {
	early := Paper{ID: "2608.12313", Day: "2026-08-13", Upvotes: 2, Comments: 0, Title: "old"}
	late := Paper{ID: "2608.12313", Day: "2026-08-19", Upvotes: 27, Comments: 3, Title: "new"}
	for _, m := range []Paper{merged(early, late), merged(late, early)} {
		if m.Day != "2026-08-13" || m.Upvotes != 27 || m.Comments != 3 || m.Title != "new" {
			t.Errorf("merged = %+v", m)
		}
	}
}
