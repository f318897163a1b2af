package main

import (
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/papertui/papers/tui"
)

// The checks: each returns the value in its Go form, or says what is
// accepted.

func checkPath(v any) (any, error) {
	s, ok := v.(string)
	if !ok || strings.TrimSpace(s) == "" {
		return nil, fmt.Errorf("%s: want a file path in quotes", describe(v))
	}
	return expandHome(s), nil
}

// expandHome reads a leading ~/ as the home folder, as a shell would.
func expandHome(p string) string {
	if rest, ok := strings.CutPrefix(p, "~/"); ok {
		if home, err := os.UserHomeDir(); err == nil {
			return filepath.Join(home, rest)
		}
	}
	return p
}

func checkURL(v any) (any, error) {
	s, ok := v.(string)
	if !ok {
		return nil, fmt.Errorf("%s: want an http or https URL in quotes", describe(v))
	}
	u, err := url.Parse(s)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return nil, fmt.Errorf("%q is not an http or https URL", s)
	}
	return s, nil
}

func checkEnum(values []string) func(any) (any, error) {
	return func(v any) (any, error) {
		s, ok := v.(string)
		if !ok {
			return nil, fmt.Errorf("%s: want one of %s, in quotes", describe(v), quoteList(values))
		}
		for _, allowed := range values {
			if s == allowed {
				return s, nil
			}
		}
		return nil, fmt.Errorf("%q is not accepted: want one of %s", s, quoteList(values))
	}
}

func checkBool(v any) (any, error) {
	b, ok := v.(bool)
	if !ok {
		return nil, fmt.Errorf("%s: want true or false (no quotes)", describe(v))
	}
	return b, nil
}

func checkDuration(v any) (any, error) {
	s, ok := v.(string)
	if !ok {
		return nil, fmt.Errorf("%s: want a duration in quotes, like \"30m\" or \"2h\"", describe(v))
	}
	d, err := time.ParseDuration(s)
	if err != nil || d < time.Minute {
		return nil, fmt.Errorf("%q: want a duration of a minute or more, like \"30m\" or \"2h\"", s)
	}
	return d, nil
}

func checkDays(v any) (any, error) {
	n, ok := v.(int64)
	if !ok {
		return nil, fmt.Errorf("%s: want a whole number of days (no quotes), 0 for the default", describe(v))
	}
	if n < 0 || n > 3650 {
		return nil, fmt.Errorf("%d: want 0 to 3650 days", n)
	}
	return n, nil
}

func checkOpener(v any) (any, error) {
	s, ok := v.(string)
	if !ok {
		return nil, fmt.Errorf("%s: want a command in quotes, like \"firefox %%s\" (\"\": $BROWSER, else the desktop's)", describe(v))
	}
	if err := tui.CheckOpener(s); err != nil {
		return nil, err
	}
	return strings.TrimSpace(s), nil
}

func checkColumns(v any) (any, error) {
	l, ok := v.([]any)
	cols, okStrings := stringList(l)
	if !ok || !okStrings {
		return nil, fmt.Errorf("%s: want a list of column names in quotes, of %s", describe(v), quoteList(tui.ListColumns))
	}
	seen := map[string]bool{}
	for _, c := range cols {
		if !slices.Contains(tui.ListColumns, c) {
			if near := closest(c, tui.ListColumns); near != "" {
				return nil, fmt.Errorf("%q is not a column (did you mean %s?): want some of %s", c, near, quoteList(tui.ListColumns))
			}
			return nil, fmt.Errorf("%q is not a column: want some of %s", c, quoteList(tui.ListColumns))
		}
		if seen[c] {
			return nil, fmt.Errorf("%q is listed twice", c)
		}
		seen[c] = true
	}
	return cols, nil
}

func checkWidth(v any) (any, error) {
	n, ok := v.(int64)
	if !ok || n < 60 || n > 1000 {
		return nil, fmt.Errorf("%s: want a width of 60 to 1000 columns (no quotes)", describeOrNumber(v))
	}
	return n, nil
}

func checkShare(v any) (any, error) {
	n, ok := v.(int64)
	if !ok || n < 20 || n > 80 {
		return nil, fmt.Errorf("%s: want a percent of 20 to 80 (no quotes)", describeOrNumber(v))
	}
	return n, nil
}

func checkFPS(v any) (any, error) {
	n, ok := v.(int64)
	if !ok || n < 1 || n > maxFPS {
		return nil, fmt.Errorf("%s: want 1 to %d frames a second (no quotes)", describeOrNumber(v), maxFPS)
	}
	return n, nil
}

// describeOrNumber is a number as is, anything else described.
func describeOrNumber(v any) string {
	if n, ok := v.(int64); ok {
		return strconv.FormatInt(n, 10)
	}
	return describe(v)
}

// describe names a TOML value and its type for a message.
func describe(v any) string {
	switch v := v.(type) {
	case string:
		return fmt.Sprintf("%q is a string", v)
	case bool:
		return fmt.Sprintf("%t is a boolean", v)
	case int64:
		return fmt.Sprintf("%d is a number", v)
	case float64:
		return fmt.Sprintf("%g is a number", v)
	case []any:
		return "a list"
	}
	return fmt.Sprintf("%v (%T)", v, v)
}

func quoteList(values []string) string {
	q := make([]string, len(values))
	for i, v := range values {
		q[i] = strconv.Quote(v)
	}
	return strings.Join(q, ", ")
}

// formatValue writes a value as TOML.
func formatValue(v any) string {
	switch v := v.(type) {
	case string:
		return strconv.Quote(v)
	case time.Duration:
		return strconv.Quote(shortDuration(v))
	case []string:
		return keyList(v)
	}
	return fmt.Sprint(v)
}

// shortDuration is "1h" rather than "1h0m0s".
func shortDuration(d time.Duration) string {
	s := d.String()
	if strings.HasSuffix(s, "m0s") {
		s = strings.TrimSuffix(s, "0s")
	}
	if strings.HasSuffix(s, "h0m") {
		s = strings.TrimSuffix(s, "0m")
	}
	return s
}
