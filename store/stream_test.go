package store

import (
	"context"
	"reflect"
	"testing"

	"github.com/papertui/papers/feed/synth"
	"github.com/papertui/papers/store/query"
)

// EachRecord streams exactly what Records returns whole, in the same
// order, and counts it first: for a plain view, a sorted one and a text
// search with more hits than one page of the stream.
func TestEachRecordMatchesRecords(t *testing.T) {
	s := openTemp(t)
	importDays(t, s, synth.Days(700, 11, importStart))
	ctx := context.Background()
	search := func(text string) Filter {
		q, err := query.Parse(text)
		if err != nil {
			t.Fatal(err)
		}
		return Filter{Sort: SortNewest}.Search(q)
	}
	for name, f := range map[string]Filter{
		"all":      {},
		"upvotes":  {Sort: SortUpvotes},
		"search":   search("model"),
		"prefix":   search("lang"),
		"no match": search("zzzqqqx"),
	} {
		want, err := s.Records(ctx, f, 0, 0)
		if err != nil {
			t.Fatal(err)
		}
		var got []Record
		total := -1
		err = s.EachRecord(ctx, f, func(n int) error { total = n; return nil },
			func(r Record) error { got = append(got, r); return nil })
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if total != len(want) {
			t.Errorf("%s: counted %d, Records has %d", name, total, len(want))
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s: streamed %d records, Records has %d, or they differ", name, len(got), len(want))
		}
		if name == "search" && len(want) <= streamPage {
			t.Errorf("the search finds %d papers: not enough to cross a page of the stream", len(want))
		}
		// A listing is the same records, but for their abstracts.
		var listed []Record
		err = s.EachListing(ctx, f, func(int) error { return nil }, func(r Record) error {
			if r.Abstract != "" {
				t.Fatalf("%s: a listing read %s's abstract", name, r.ID)
			}
			listed = append(listed, r)
			return nil
		})
		for i := range want {
			want[i].Abstract = ""
		}
		if err != nil || !reflect.DeepEqual(listed, want) {
			t.Errorf("%s: listed %d records (%v), Records has %d, or they differ", name, len(listed), err, len(want))
		}
	}
}
