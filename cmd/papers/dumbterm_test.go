package main

import (
	"strings"
	"testing"
)

func TestDumbTerminalRefused(t *testing.T) {
	if err := dumbTerminal("dumb"); err == nil || !strings.Contains(err.Error(), "TERM=dumb") {
		t.Errorf("TERM=dumb: %v, want a refusal naming it", err)
	}
	for _, term := range []string{"xterm-256color", "linux", "screen", ""} {
		if err := dumbTerminal(term); err != nil {
			t.Errorf("TERM=%q: %v, want none", term, err)
		}
	}
}
