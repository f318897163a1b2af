package store

import "testing"

func TestWorthExpandingCountsCharacters(t *testing.T) {
	for _, tc := range []struct {
		term string
		want bool
	}{
		{"a", false},
		{"12345", false},
		{"transformer", true},
		{"大规模语言模型的中文推理能力研究", true},  // 16 characters, 48 bytes
		{"экспериментальный", true}, // 17 letters, 34 bytes
		{"supercalifragilisticexpialidociousantidisestablishment", false},
	} {
		if got := worthExpanding(tc.term); got != tc.want {
			t.Errorf("worthExpanding(%q) = %v, want %v", tc.term, got, tc.want)
		}
	}
}
