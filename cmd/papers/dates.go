package main

import (
	"regexp"
	"time"

	"github.com/papertui/papers/store/query"
)

// Dates as commands take them: one day (YYYY-MM-DD), or for --since and
// --until a month or year as the search syntax's since: and until: take.

// dateForms is how every date flag describes what it takes: the forms the
// search syntax's since: and until: take.
const dateForms = "a date, month or year: 2026-08-21, 2026-08 or 2026"

// normalizeDates rewrites each set date flag to the day it means, a month
// or a year being its first day (since) or its last (until), so --since
// takes what since: takes. A bad one is a usage error naming the flag.
func normalizeDates(cmd string, flags ...dateFlag) error {
	for _, f := range flags {
		if *f.value == "" {
			continue
		}
		d, ok := query.ParseDate(*f.value, f.end)
		if !ok {
			return usagef("%s: %s %q: not %s", cmd, f.name, *f.value, dateForms)
		}
		*f.value = d
	}
	return nil
}

// dateFlag is one date flag: its name, where its value is, and whether a
// month or year means its last day.
type dateFlag struct {
	name  string
	value *string
	end   bool
}

// checkDay refuses a day flag's value that is not one calendar day,
// YYYY-MM-DD; unset is fine. hint adds what the command's other date
// flags take, when they take more.
func checkDay(cmd, flag, value, hint string) error {
	if value == "" || validDay(value) {
		return nil
	}
	return usagef("%s: %s %q: not a date (want YYYY-MM-DD%s)", cmd, flag, value, hint)
}

// checkFuture refuses a day after today: a future day recorded complete
// would once stop every later sync, and items imported on it would sit
// above every day the feed has. A day of grace allows for time zones
// ahead of UTC. Unset is fine.
func checkFuture(cmd, flag, value string, now time.Time) error {
	latest := now.UTC().AddDate(0, 0, 1).Format(time.DateOnly)
	if value > latest {
		return usagef("%s: %s %s is in the future (today is %s in UTC)", cmd, flag, value, now.UTC().Format(time.DateOnly))
	}
	return nil
}

// validDay is a real calendar day written YYYY-MM-DD (time.Parse alone
// accepts no other spelling, but says nothing of the form).
func validDay(s string) bool {
	_, err := time.Parse(time.DateOnly, s)
	return err == nil && dayPattern.MatchString(s)
}

var dayPattern = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}$`)
