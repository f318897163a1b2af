package main

import (
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"
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
