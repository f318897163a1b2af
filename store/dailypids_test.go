package store

import (
	"context"
	"fmt"
	"slices"
	"testing"

	"github.com/papertui/papers/feed/synth"
	"github.com/papertui/papers/store/query"
)

// TestDailyPidsKeepResults: a view with text:, tag:, note: or has:note,
// with words (its hits checked against those papers by rowid, or each of
// few papers looked up) or without (listed from those papers), lists
// and counts exactly what checking each paper by id gives, in every
// order, from the top and from the end.
func TestDailyPidsKeepResults(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	days := synth.Days(3000, 5, synth.DefaultStart)
	importDays(t, s, days)
	var ids []string
	rows, err := s.db.Query(`SELECT id FROM papers ORDER BY pid`)
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		var id string
		rows.Scan(&id)
		ids = append(ids, id)
	}
	rows.Close()
	var many, few []string
	for i, id := range ids {
		if i%9 == 2 {
			many = append(many, id)
		}
		if i%150 == 7 {
			few = append(few, id)
		}
	}
	if err := s.Tag(ctx, many, []string{"many"}, nil); err != nil {
		t.Fatal(err)
	}
	if err := s.Tag(ctx, few, []string{"few"}, nil); err != nil {
		t.Fatal(err)
	}
	for i := 0; i < len(ids); i += 40 {
		if err := s.SetNote(ctx, ids[i], fmt.Sprintf("Note %d: a baseline worth reading", i)); err != nil {
			t.Fatal(err)
		}
	}
	for i := 3; i < len(ids); i += 25 {
		ft := fullText(t, ids[i], 1)
		if i%2 == 0 {
			ft.Markdown += "\n\nA zebrafish swims here."
		}
		if err := s.PutText(ctx, ft, fetchedAt); err != nil {
			t.Fatal(err)
		}
	}
	var read []string
	for i := 5; i < len(ids); i += 3 {
		read = append(read, ids[i])
	}
	if err := s.SetRead(ctx, true, read...); err != nil {
		t.Fatal(err)
	}
	mid := days[len(days)/2].Date
	for _, text := range []string{
		"tag:many model", "tag:few model", "tag:few language model", "has:note model", "note:baseline diffusion",
		"tag:many has:note model", "tag:many mod", "tag:many lea", "tag:many model since:" + mid,
		"tag:many model -language", "tag:many model author:li", "tag:nothing model", "has:note model is:unread",
		"tag:few model upvotes:>5", "tag:many learning to ",
		"tag:many", "tag:few", "has:note", "note:baseline", "tag:many has:note", "tag:few is:unread",
		"text:zebrafish", "text:policy", "text:zebrafish model", "text:policy language model", "text:policy tag:many",
		"text:policy since:" + mid, "text:nosuchword", "text:zebrafish mod",
		"has:note upvotes:>5", "tag:many is:unread", "text:policy upvotes:>10", "text:policy is:read",
		"tag:many until:" + mid, "has:note -language", "text:policy has:note",
	} {
		q, err := query.Parse(text)
		if err != nil {
			t.Fatal(err)
		}
		for _, sort := range []Sort{SortNewest, SortRelevance, SortUpvotes, SortTrending, SortRising} {
			f := Filter{Sort: sort}.Search(q)
			got, gotN := listAndCount(t, s, f)
			saved := maxDailyPids
			maxDailyPids = -1 // every set too large: checked by id
			want, wantN := listAndCount(t, s, f)
			maxDailyPids = saved
			if !slices.Equal(got, want) || gotN != wantN {
				t.Errorf("%q %s: %d papers (count %d), by id %d (count %d)", text, sort, len(got), gotN, len(want), wantN)
			}
			if len(got) > 40 {
				deep := f
				deep.Total = gotN
				saved := deepOffset
				deepOffset = 20 // read from the end however short the view
				page, err := s.Entries(ctx, deep, len(got)-30, 30)
				deepOffset = saved
				if err != nil {
					t.Fatal(err)
				}
				if !slices.Equal(idsOf(page), got[len(got)-30:]) {
					t.Errorf("%q %s: the last page from the end differs", text, sort)
				}
			}
		}
	}
}

// listAndCount is a view read a page of 100 at a time, and its count.
func listAndCount(t *testing.T, s *Store, f Filter) ([]string, int) {
	t.Helper()
	var es []Entry
	for offset := 0; ; offset += 100 {
		page, err := s.Entries(context.Background(), f, offset, 100)
		if err != nil {
			t.Fatal(err)
		}
		es = append(es, page...)
		if len(page) < 100 {
			break
		}
	}
	n, err := s.Count(context.Background(), f)
	if err != nil {
		t.Fatal(err)
	}
	return idsOf(es), n
}

func idsOf(es []Entry) []string {
	ids := make([]string, len(es))
	for i, e := range es {
		ids[i] = e.ID
	}
	return ids
}
