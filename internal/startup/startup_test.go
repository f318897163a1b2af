package startup

import (
	"os"
	"testing"
)

// TestDonePutsTMUXBack: what init hid comes back, once.
func TestDonePutsTMUXBack(t *testing.T) {
	t.Setenv("TMUX", "")
	os.Unsetenv("TMUX")
	hidden, tmuxValue = true, "/tmp/tmux-0/default,1,0"
	Done()
	if v, ok := os.LookupEnv("TMUX"); !ok || v != "/tmp/tmux-0/default,1,0" {
		t.Errorf("TMUX after Done: %q %v", v, ok)
	}
	os.Setenv("TMUX", "other")
	Done()
	if os.Getenv("TMUX") != "other" {
		t.Error("a second Done changed TMUX")
	}
}
