package clean

import "testing"

func TestURL(t *testing.T) {
	tests := []struct {
		in, want string
		ok       bool
	}{
		{"https://arxiv.org/abs/2401.00001", "https://arxiv.org/abs/2401.00001", true},
		{"http://example.com", "http://example.com", true},
		{"  https://github.com/org/repo \n", "https://github.com/org/repo", true},
		{"HTTPS://Example.com/Path?q=1#frag", "HTTPS://Example.com/Path?q=1#frag", true},
		{"https://example.com:8080/x", "https://example.com:8080/x", true},
		{"https://例え.jp/論文", "https://例え.jp/論文", true},
		{"https://[::1]:8080/", "https://[::1]:8080/", true},

		{"", "", false},
		{"javascript:alert(1)", "", false},
		{"JaVaScRiPt:alert(1)", "", false},
		{"file:///etc/passwd", "", false},
		{"data:text/html,<script>alert(1)</script>", "", false},
		{"ftp://example.com/", "", false},
		{"/relative/path", "", false},
		{"example.com/page", "", false},
		{"//example.com/page", "", false},
		{"https://", "", false},
		{"https:///path", "", false},
		{"http:example.com", "", false},
		{"https://user:pass@example.com/", "", false},
		{"https://github.com@evil.example/", "", false},
		{"https://evil.example\\@github.com/", "", false},
		{"https://example.com/\x1b]8;;x\x07", "", false},
		{"https://example.com/\x1b[31m", "", false},
		{"https://exa\x00mple.com", "", false},
		{"https://example.com/a\tb", "", false},
		{"https://example.com/a b", "", false},
		{"https://example.com/\u202egnp.exe", "", false},
		{"https://exa\u200bmple.com", "", false},
		{"https://example.com/\u009b31m", "", false},
		{"https://example.com/\x7f", "", false},
		{"https://example.com/\xff", "", false},
		{"https://example.com:port/", "", false},
	}
	for _, tt := range tests {
		got, ok := URL(tt.in)
		if got != tt.want || ok != tt.ok {
			t.Errorf("URL(%q) = %q, %v; want %q, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
}
