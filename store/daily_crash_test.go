package store

import (
	"context"
	"fmt"
	"os"
	"strconv"
	"strings"
	"testing"
	"time"
)

// crashChildDaily tags, annotates, marks a whole day read and undoes it,
// round and round, printing each change once committed.
func crashChildDaily() {
	s, err := Open(os.Getenv("PAPERS_CRASH_DB"))
	if err != nil {
		fmt.Println("open:", err)
		os.Exit(3)
	}
	ids := strings.Split(os.Getenv("PAPERS_CRASH_IDS"), ",")
	ctx := context.Background()
	start, _ := strconv.Atoi(os.Getenv("PAPERS_CRASH_START"))
	marked := 0
	for i := start; ; i++ {
		id := ids[i%len(ids)]
		var op string
		switch i % 4 {
		case 0:
			err, op = s.Tag(ctx, []string{id}, []string{fmt.Sprintf("t%d", i)}, nil), fmt.Sprintf("tag %s t%d", id, i)
		case 1:
			err, op = s.SetNote(ctx, id, fmt.Sprintf("note %d\n", i)), fmt.Sprintf("note %s %d", id, i)
		case 2:
			marked, err = s.MarkViewRead(ctx, Filter{Day: "2026-01-05"})
			op = "markall"
		case 3:
			// Only the mark-all's own entry: with nothing marked (a killed
			// child left the day read) an undo would take back a tag.
			op = "undo"
			if marked > 0 {
				_, err = s.Undo(ctx)
			}
		}
		if err != nil {
			fmt.Println("error:", err)
			os.Exit(4)
		}
		fmt.Println(op) // printed only after the commit returned
	}
}

func TestCrashDuringDailyEdits(t *testing.T) {
	if testing.Short() {
		t.Skip("kills many child processes")
	}
	path, ids := crashLibrary(t, 40)
	total := 0
	start := 0
	for round := 0; round < 12 || (total < 20 && round < 60); round++ { // more rounds on a loaded machine
		env := []string{"PAPERS_CRASH_CHILD=daily", "PAPERS_CRASH_DB=" + path,
			"PAPERS_CRASH_IDS=" + strings.Join(ids, ","), "PAPERS_CRASH_START=" + strconv.Itoa(start)}
		reported := runAndKill(t, env, 300*time.Millisecond)
		total += len(reported)
		s, err := Open(path)
		if err != nil {
			t.Fatalf("round %d: reopen: %v", round, err)
		}
		checkIntegrity(t, s)
		checkDailyAfterKill(t, s, round, reported)
		s.Close()
		// The next child starts where this one's ops were reported up to,
		// rounded to a whole cycle so the mark-all and undo stay paired.
		start += (len(reported)/4 + 1) * 4
	}
	if total < 20 {
		t.Errorf("the children committed only %d changes: the test did not exercise edits", total)
	}
}

// checkDailyAfterKill: every reported tag and note is on disk, and the
// day is read whole or not at all (a mark-all is one transaction).
func checkDailyAfterKill(t *testing.T, s *Store, round int, reported []string) {
	t.Helper()
	ctx := context.Background()
	for _, l := range reported {
		f := strings.Fields(l)
		switch {
		case len(f) == 3 && f[0] == "tag":
			var n int
			s.db.QueryRow(`SELECT count(*) FROM tags WHERE id = ? AND tag = ?`, f[1], f[2]).Scan(&n)
			if n != 1 {
				t.Errorf("round %d: tag %s on %s reported but not on disk", round, f[2], f[1])
			}
		case len(f) == 3 && f[0] == "note":
			body, _ := s.Note(ctx, f[1])
			want, _ := strconv.Atoi(f[2])
			var got int
			fmt.Sscanf(body, "note %d", &got)
			if got < want { // a later note for the same paper may have landed
				t.Errorf("round %d: note %q on %s, child reported note %d", round, body, f[1], want)
			}
		}
	}
	var read, all int
	s.db.QueryRow(`SELECT count(r.id), count(*) FROM papers p LEFT JOIN read_marks r ON r.id = p.id`).Scan(&read, &all)
	if read != 0 && read != all {
		t.Errorf("round %d: %d of %d papers read: a mark-all landed in part", round, read, all)
	}
}
