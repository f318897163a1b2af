package article

import (
	"strings"
	"testing"

	"github.com/papertui/papers/feed"
	"github.com/papertui/papers/store"
)

func TestFactsCountInTheRightNumber(t *testing.T) {
	for _, c := range []struct {
		up, comments int
		want         string
	}{
		{1, 1, "**▲ 1** upvote · **1** comment"},
		{0, 2, "**▲ 0** upvotes · **2** comments"},
	} {
		got := factsLine(store.Record{Paper: feed.Paper{Upvotes: c.up, Comments: c.comments}})
		if !strings.Contains(got, c.want) {
			t.Errorf("%d, %d: %q", c.up, c.comments, got)
		}
	}
}
