package store

import (
	"bufio"
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/papertui/papers/feed"
	"github.com/papertui/papers/feed/feedtest"
	"github.com/papertui/papers/feed/synth"
)

// The crash tests run this test binary again as a child that syncs or
// edits the queue on a real library file, printing each change once it is
// committed; the parent kills it with SIGKILL at a random moment, then
// checks the file is sound and holds every change the child had reported.

func TestMain(m *testing.M) {
	switch os.Getenv("PAPERS_CRASH_CHILD") {
	case "sync":
		crashChildSync()
	case "edit":
		crashChildEdit()
	case "daily":
		crashChildDaily()
	case "import":
		crashChildImport()
	default:
		os.Exit(m.Run())
	}
}

func crashChildSync() {
	s, err := Open(os.Getenv("PAPERS_CRASH_DB"))
	if err != nil {
		fmt.Println("open:", err)
		os.Exit(3)
	}
	c := feed.NewClient(os.Getenv("PAPERS_CRASH_API"))
	plan := SyncPlan{Since: "2026-01-05", Until: "2026-01-14", Refresh: true, Today: testToday}
	_, err = s.Sync(context.Background(), c, plan, func(p SyncProgress) {
		if p.Done && p.Err == nil {
			fmt.Printf("day %s\n", p.Day)
		}
	})
	if err != nil {
		fmt.Println("sync:", err)
	}
	os.Exit(0)
}

func crashChildEdit() {
	s, err := Open(os.Getenv("PAPERS_CRASH_DB"))
	if err != nil {
		fmt.Println("open:", err)
		os.Exit(3)
	}
	ids := strings.Split(os.Getenv("PAPERS_CRASH_IDS"), ",")
	ctx := context.Background()
	for i := 0; ; i++ {
		id := ids[i%len(ids)]
		var op string
		switch i % 3 {
		case 0:
			err, op = s.Enqueue(ctx, id), "queued"
		case 1:
			err, op = s.Move(ctx, id, 1), "moved"
		case 2:
			err, op = s.SetRead(ctx, i%2 == 0, id), "read "+strconv.FormatBool(i%2 == 0)
		}
		if err != nil {
			fmt.Println("error:", err)
			os.Exit(4)
		}
		fmt.Printf("%s %s\n", op, id) // printed only after the commit returned
	}
}

// runAndKill starts the child and kills it after a random delay, returning
// the lines it printed.
func runAndKill(t *testing.T, env []string, maxDelay time.Duration) []string {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), env...)
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	lines := make(chan string, 1<<16)
	go func() {
		sc := bufio.NewScanner(out)
		for sc.Scan() {
			lines <- sc.Text()
		}
		close(lines)
	}()
	time.Sleep(time.Duration(rand.Int64N(int64(maxDelay))))
	cmd.Process.Signal(syscall.SIGKILL)
	cmd.Wait()
	var got []string
	for l := range lines {
		got = append(got, l)
	}
	return got
}

func TestCrashDuringSync(t *testing.T) {
	if testing.Short() {
		t.Skip("kills many child processes")
	}
	srv := feedtest.New(t)
	for _, d := range synth.Days(400, 3, time.Date(2026, 1, 5, 0, 0, 0, 0, time.UTC)) {
		srv.SetDay(d.Date, d.Body)
	}
	path := filepath.Join(t.TempDir(), "papers.db")
	env := []string{"PAPERS_CRASH_CHILD=sync", "PAPERS_CRASH_DB=" + path, "PAPERS_CRASH_API=" + srv.URL}
	for round := 0; round < 12; round++ {
		reported := runAndKill(t, env, 400*time.Millisecond)
		s, err := Open(path)
		if err != nil {
			t.Fatalf("round %d: reopen after kill: %v", round, err)
		}
		checkIntegrity(t, s)
		days, _ := s.Days(context.Background(), "2026-01-05", "2026-01-14")
		for _, line := range reported {
			day, ok := strings.CutPrefix(line, "day ")
			if !ok {
				continue
			}
			if !days[day].Complete {
				t.Errorf("round %d: day %s was reported synced but is not recorded complete", round, day)
			}
		}
		checkDaysWhole(t, s)
		s.Close()
	}
}

// checkDaysWhole: every day recorded complete holds as many papers as it
// recorded (a day is written whole or not at all).
func checkDaysWhole(t *testing.T, s *Store) {
	t.Helper()
	rows, err := s.db.Query(`SELECT d.day, d.papers, (SELECT count(*) FROM papers p WHERE p.day = d.day)
		FROM days d WHERE d.complete = 1`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	for rows.Next() {
		var day string
		var recorded, held int
		rows.Scan(&day, &recorded, &held)
		if held < recorded {
			t.Errorf("day %s recorded %d papers, holds %d", day, recorded, held)
		}
	}
}

func TestCrashDuringQueueEdits(t *testing.T) {
	if testing.Short() {
		t.Skip("kills many child processes")
	}
	path, ids := crashLibrary(t, 5)
	env := []string{"PAPERS_CRASH_CHILD=edit", "PAPERS_CRASH_DB=" + path, "PAPERS_CRASH_IDS=" + strings.Join(ids, ",")}
	total := 0
	defer func() {
		if total < 20 {
			t.Errorf("the children committed only %d changes: the test did not exercise edits", total)
		}
	}()
	// Twelve rounds at least; more on a loaded machine, where a child
	// spends its time starting, until enough changes were exercised.
	for round := 0; round < 12 || (total < 20 && round < 60); round++ {
		reported := runAndKill(t, env, 300*time.Millisecond)
		total += len(reported)
		s, err := Open(path)
		if err != nil {
			t.Fatalf("round %d: reopen: %v", round, err)
		}
		checkIntegrity(t, s)
		// The last change the child reported for each paper is on disk.
		lastRead := map[string]string{}
		lastMoved := ""
		for _, l := range reported {
			f := strings.Fields(l)
			switch {
			case len(f) == 3 && f[0] == "read":
				lastRead[f[2]] = f[1]
			case len(f) == 2 && f[0] == "moved":
				lastMoved = f[1]
			}
		}
		q, _ := s.Queue(context.Background())
		for id, read := range lastRead {
			rec, _ := s.Record(context.Background(), id)
			// A later unreported change may have landed too, so only a
			// reported state that is missing without a later op is a loss.
			if strconv.FormatBool(rec.Read) != read && !laterOpFor(reported, id, "read") {
				t.Errorf("round %d: %s read = %v, child reported %s", round, id, rec.Read, read)
			}
		}
		if lastMoved != "" && len(q) > 0 && q[0].ID != lastMoved && !laterOpFor(reported, lastMoved, "moved") {
			t.Errorf("round %d: %s reported moved to the top, queue starts with %s", round, lastMoved, q[0].ID)
		}
		s.Close()
	}
}

// laterOpFor: the child was killed right after reporting, so a change not
// yet reported may have been committed after the last reported one.
func laterOpFor(reported []string, id, op string) bool {
	if len(reported) == 0 {
		return false
	}
	last := reported[len(reported)-1]
	return !strings.Contains(last, id) || !strings.HasPrefix(last, op)
}

// crashLibrary is a library of n papers on one day for a crash test's
// children to edit, and their ids.
func crashLibrary(t *testing.T, n int) (path string, ids []string) {
	t.Helper()
	path = filepath.Join(t.TempDir(), "papers.db")
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	var ps []feed.Paper
	for i := range n {
		p := paper(fmt.Sprintf("2601.%05d", i+1), fmt.Sprintf("Paper %d", i), i, "2026-01-05")
		ps = append(ps, p)
		ids = append(ids, p.ID)
	}
	mustSave(t, s, "2026-01-05", ps...)
	return path, ids
}
