// Command papers-synth writes a synthetic Daily Papers feed, one
// DIR/YYYY-MM-DD.json file per weekday holding what
// GET /api/daily_papers?date=YYYY-MM-DD would answer:
//
//	go run ./feed/synth/cmd/papers-synth -n 100000 -seed 1 -out DIR
//	papers import DIR/*.json
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/papertui/papers/feed/synth"
)

func main() {
	n := flag.Int("n", 100000, "number of papers")
	seed := flag.Int64("seed", 1, "random seed (same seed, same files)")
	out := flag.String("out", "", "output directory (created if missing)")
	start := flag.String("start", synth.DefaultStart.Format(time.DateOnly), "first feed day, YYYY-MM-DD (weekends skipped)")
	flag.Parse()
	if *out == "" || *n < 0 || flag.NArg() > 0 {
		fmt.Fprintln(os.Stderr, "usage: papers-synth [-n N] [-seed S] [-start YYYY-MM-DD] -out DIR")
		flag.PrintDefaults()
		os.Exit(2)
	}
	t, err := time.Parse(time.DateOnly, *start)
	if err != nil {
		fmt.Fprintln(os.Stderr, "papers-synth: -start:", err)
		os.Exit(2)
	}
	if err := os.MkdirAll(*out, 0o755); err != nil {
		fmt.Fprintln(os.Stderr, "papers-synth:", err)
		os.Exit(1)
	}
	var days, bytes int
	var first, last string
	err = synth.Each(*n, *seed, t, func(d synth.Day) error {
		if first == "" {
			first = d.Date
		}
		last = d.Date
		days++
		bytes += len(d.Body)
		return os.WriteFile(filepath.Join(*out, d.Date+".json"), d.Body, 0o644)
	})
	if err != nil {
		fmt.Fprintln(os.Stderr, "papers-synth:", err)
		os.Exit(1)
	}
	fmt.Fprintf(os.Stderr, "papers-synth: %d papers, %d days (%s … %s), %.1f MB in %s\n",
		*n, days, first, last, float64(bytes)/1e6, *out)
}
