package tui

import "testing"

func TestPeriodBounds(t *testing.T) {
	cases := []struct {
		p           period
		first, last string
		label       string
	}{
		{period{periodAll, "2025-10-02"}, "", "", "all days"},
		{period{periodDay, "2025-10-02"}, "2025-10-02", "2025-10-02", "Thu 2 Oct 2025"},
		{period{periodWeek, "2025-10-02"}, "2025-09-29", "2025-10-05", "week 29 Sep – 5 Oct 2025"},
		{period{periodWeek, "2025-10-08"}, "2025-10-06", "2025-10-12", "week 6–12 Oct 2025"},
		{period{periodWeek, "2024-12-30"}, "2024-12-30", "2025-01-05", "week 30 Dec 2024 – 5 Jan 2025"},
		{period{periodMonth, "2024-02-10"}, "2024-02-01", "2024-02-29", "February 2024"},
	}
	for _, c := range cases {
		first, last := c.p.bounds()
		if first != c.first || last != c.last || c.p.label() != c.label {
			t.Errorf("%+v: %s…%s %q", c.p, first, last, c.p.label())
		}
	}
}
