package store

import (
	"context"
	"slices"
	"testing"

	"github.com/papertui/papers/feed/synth"
)

// TestByPidsLongList: more pids than SQLite has variables (32,766) read
// their papers in the order given, as `papers search --limit 0` of a
// common word asks on a large library; a short list and the JSON array
// give the same records.
func TestByPidsLongList(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	importDays(t, s, synth.Days(400, 5, synth.DefaultStart))
	real, err := s.pidsOf(ctx, `SELECT pid FROM papers ORDER BY pid DESC`)
	if err != nil {
		t.Fatal(err)
	}
	// 40,000 pids, most of no paper, the real ones scattered through them.
	pids := make([]int64, 0, 40000)
	var want []int64
	for i := 0; len(pids) < 40000; i++ {
		if i%97 == 0 && len(want) < len(real) {
			pids = append(pids, real[len(want)])
			want = append(want, real[len(want)])
			continue
		}
		pids = append(pids, -int64(i)-1)
	}
	q, args := s.byPids(ctx, `p.pid`, pids)
	got, err := s.pidsOf(ctx, q, args...)
	if err != nil {
		t.Fatalf("40,000 pids: %v", err)
	}
	if !slices.Equal(got, want) {
		t.Fatalf("40,000 pids: got %d papers, want %d in the order given", len(got), len(want))
	}

	f := Filter{Sort: SortNewest}.Search(mustParse(t, "model"))
	inline, err := s.Records(ctx, f, 0, 0)
	if err != nil {
		t.Fatal(err)
	}
	saved := byPidsInline
	byPidsInline = 2
	defer func() { byPidsInline = saved }()
	viaJSON, err := s.Records(ctx, f, 0, 0)
	if err != nil {
		t.Fatal(err)
	}
	if len(inline) < 10 || len(inline) != len(viaJSON) {
		t.Fatalf("inline %d records, JSON array %d", len(inline), len(viaJSON))
	}
	for i := range inline {
		if inline[i].ID != viaJSON[i].ID || inline[i].Abstract != viaJSON[i].Abstract {
			t.Fatalf("record %d: inline %s, JSON array %s", i, inline[i].ID, viaJSON[i].ID)
		}
	}
}
