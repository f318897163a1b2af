package tui

import (
	"bytes"
	"io"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/exp/teatest/v2"
	"github.com/charmbracelet/x/vt"
)

// TestEndToEnd runs the real program loop: start, navigate, open, queue,
// quit, asserting on the screen a terminal emulator shows.
func TestEndToEnd(t *testing.T) {
	lib := newTestLibrary(t)
	const w, h = 100, 30
	tm := teatest.NewTestModel(t, New(Options{Library: lib, Style: "dark"}),
		teatest.WithInitialTermSize(w, h),
		teatest.WithProgramOptions(tea.WithColorProfile(colorprofile.ANSI256)))
	term := newScreen(t, tm, w, h)

	term.waitFor("Sparse Attention at Scale", "Papers 1/6")
	tm.Send(keyMsg("j"))
	tm.Send(keyMsg("j"))
	tm.Send(keyMsg("j"))
	term.waitFor("Papers 4/6")
	tm.Send(keyMsg("enter"))
	term.waitFor("Diffusion Models Without Noise Schedules", "Abstract", "Grace Hopper")
	tm.Send(keyMsg("b"))
	term.waitFor("2510.00004 queued", "3 Queue (1)")
	tm.Send(keyMsg("3"))
	term.waitFor("1.✓ Diffusion Models")
	tm.Send(keyMsg("q"))
	tm.WaitFinished(t, teatest.WithFinalTimeout(5*time.Second))

	q, err := lib.Queue(t.Context())
	must(t, err)
	if len(q) != 1 || q[0].ID != "2510.00004" || !q[0].Read {
		t.Errorf("queue after quit = %+v", q)
	}
}

// screen feeds the program's output into a terminal emulator.
type screen struct {
	t   *testing.T
	out io.Reader
	emu *vt.Emulator
}

func newScreen(t *testing.T, tm *teatest.TestModel, w, h int) *screen {
	emu := vt.NewEmulator(w, h)
	go io.Copy(io.Discard, emu) // answers to terminal queries; nobody needs them
	return &screen{t: t, out: tm.Output(), emu: emu}
}

// waitFor reads output until the screen shows every string, or fails.
func (s *screen) waitFor(want ...string) {
	s.t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	buf := make([]byte, 64<<10)
	for time.Now().Before(deadline) {
		n, _ := s.out.Read(buf)
		if n > 0 {
			s.emu.Write(bytes.ReplaceAll(buf[:n], []byte("\n"), []byte("\r\n")))
		}
		text := s.emu.String()
		if containsAll(text, want) {
			return
		}
		if n == 0 {
			time.Sleep(10 * time.Millisecond)
		}
	}
	s.t.Fatalf("screen never showed %q:\n%s", want, s.emu.String())
}

func containsAll(s string, want []string) bool {
	for _, w := range want {
		if !strings.Contains(s, w) {
			return false
		}
	}
	return true
}
