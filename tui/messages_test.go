package tui

import (
	"strings"
	"testing"
)

// TestMessagesShowsWhatTheStatusBarCut: an error wider than the terminal
// is cut in the status bar; M shows it whole, wrapped, newest first, and
// it is still there after the next key cleared the status bar.
func TestMessagesShowsWhatTheStatusBarCut(t *testing.T) {
	hs := newHarness(t, newTestLibrary(t), 80, 24)
	long := "sync 2026-11-30: fetch https://huggingface.co/api/daily_papers?date=2026-11-30: " +
		"dial tcp 10.0.0.1:443: connect: connection refused by the far end of the line"
	hs.m.say("sorted by newest")
	hs.m.fail(long)
	if strings.Contains(hs.screen(), "far end of the line") {
		t.Fatal("the test's message fits the status bar: make it longer")
	}
	if !strings.Contains(hs.screen(), "… M shows all") {
		t.Errorf("the cut message does not say where the rest is:\n%s", hs.screen())
	}
	hs.keys("j", "M")
	s := hs.screen()
	if !strings.Contains(s, "Messages") || !strings.Contains(s, "far end of the") || !strings.Contains(s, "sorted by newest") {
		t.Fatalf("M does not show the log whole:\n%s", s)
	}
	if strings.Index(s, "sync 2026-11-30") > strings.Index(s, "sorted by newest") {
		t.Errorf("the log is not newest first:\n%s", s)
	}
	for _, l := range strings.Split(s, "\n") {
		if w := len([]rune(l)); w > 80 {
			t.Errorf("a line of %d cells at 80 columns: %q", w, l)
		}
	}
	hs.keys("esc")
	if hs.m.showHelp {
		t.Error("esc did not close the log")
	}
	hs.keys("?")
	if hs.m.helpMessages || !strings.Contains(hs.screen(), "Keys") {
		t.Error("? after M shows the log, not the keys")
	}
}

// TestMessagesKeepsTheLatest: a message said again is kept once, and the
// log keeps the last maxMessages.
func TestMessagesKeepsTheLatest(t *testing.T) {
	var m Model
	m.say("a")
	m.say("a")
	if len(m.messages) != 1 {
		t.Errorf("a message said twice is kept %d times", len(m.messages))
	}
	older := m
	for i := range maxMessages + 10 {
		m.say(strings.Repeat("x", i+1))
	}
	if len(m.messages) != maxMessages || m.messages[len(m.messages)-1].text != strings.Repeat("x", maxMessages+10) {
		t.Errorf("the log holds %d messages, the last %q", len(m.messages), m.messages[len(m.messages)-1].text)
	}
	if len(older.messages) != 1 || older.messages[0].text != "a" {
		t.Error("a copy of the model saw its log change")
	}
}
