package feed

import (
	"context"
	"net/http"
	"net/http/httptest"
	"reflect"
	"testing"
	"time"

	"golang.org/x/time/rate"
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
	for _, m := range []Paper{Merge(early, late), Merge(late, early)} {
		if m.Day != "2026-08-13" || m.Upvotes != 27 || m.Comments != 3 || m.Title != "new" {
			t.Errorf("merged = %+v", m)
		}
	}
}

func TestPaceSpacesRequests(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		w.Write([]byte("[]"))
	}))
	defer srv.Close()
	c := NewClient(srv.URL)
	c.Pace = rate.NewLimiter(rate.Every(40*time.Millisecond), 1)
	start := time.Now()
	for range 5 {
		if _, err := c.Day(context.Background(), "2025-10-02"); err != nil {
			t.Fatal(err)
		}
	}
	if took := time.Since(start); took < 150*time.Millisecond {
		t.Errorf("5 paced requests took %v", took)
	}
	// The most a five-minute stretch can hold: the burst, then the rate.
	if pace := DefaultPace(); pace.Burst() < 14 || float64(pace.Burst())+float64(pace.Limit())*300 > 500.001 {
		t.Errorf("default pace %v/s burst %d is not within 500 calls per 5 minutes", DefaultPace().Limit(), DefaultPace().Burst())
	}
}
