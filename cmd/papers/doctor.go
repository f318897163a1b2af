package main

import (
	"context"
	"fmt"
	"strings"

	"github.com/papertui/papers/internal/english"
	"github.com/papertui/papers/store"
	"github.com/papertui/papers/tui/clean"
)

// DoctorCmd is `papers doctor`.
type DoctorCmd struct {
	JSON bool `name:"json" help:"Print the findings as one JSON object."`
}

// Run checks the library read-only and says what it found; exit 1 when
// anything is wrong.
func (c *DoctorCmd) Run(g *Globals) error {
	ck := store.Check(context.Background(), g.libraryPath())
	if c.JSON {
		if err := writeJSON(stdout, ck); err != nil {
			return err
		}
	} else {
		printCheckup(ck)
	}
	if len(ck.Problems) > 0 {
		return errFailed
	}
	return nil
}

func printCheckup(ck store.Checkup) {
	var b strings.Builder
	fmt.Fprintf(&b, "library    %s\n", ck.Path)
	fmt.Fprintf(&b, "size       %s (write-ahead log %s)\n", humanBytes(ck.SizeBytes), humanBytes(ck.WALBytes))
	fmt.Fprintf(&b, "schema     %d (this papers knows %d)\n", ck.SchemaVersion, ck.KnownVersion)
	fmt.Fprintf(&b, "integrity  %s\n", orDash(ck.Integrity))
	fmt.Fprintf(&b, "papers     %s (%s in the full-text index)\n", english.Number(ck.Papers), english.Number(ck.Indexed))
	fmt.Fprintf(&b, "queue      %s queued, %s read\n", english.Number(ck.Queued), english.Number(ck.Read))
	fmt.Fprintf(&b, "full texts %s\n", english.Number(ck.FullTexts))
	if len(ck.Problems) == 0 {
		b.WriteString("no problems found\n")
	}
	for _, p := range ck.Problems {
		fmt.Fprintf(&b, "problem:   %s\n", clean.Line(p))
	}
	fmt.Fprint(stdout, b.String())
}
