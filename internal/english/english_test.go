package english

import "testing"

func TestCount(t *testing.T) {
	for _, tt := range []struct {
		n    int
		noun string
		want string
	}{
		{0, "paper", "0 papers"}, {1, "paper", "1 paper"}, {2, "day", "2 days"},
		{1, "entry", "1 entry"}, {3, "entry", "3 entries"}, {1, "comment", "1 comment"},
		{9577, "paper", "9,577 papers"}, {1000000, "paper", "1,000,000 papers"}, {-1, "day", "-1 day"},
	} {
		if got := Count(tt.n, tt.noun); got != tt.want {
			t.Errorf("Count(%d, %q) = %q, want %q", tt.n, tt.noun, got, tt.want)
		}
	}
}
