package search

import (
	"fmt"
	"strings"
	"time"
)

// dateBounds reads the value of published: — a day (2025-04-01), a month
// (2025-04) or a year (2025), alone or after >=, >, <= or < — as the
// half-open range [start, end) of times it matches; a zero bound is open.
func dateBounds(v string) (start, end time.Time, err error) {
	op := ""
	for _, o := range []string{">=", "<=", ">", "<"} {
		if strings.HasPrefix(v, o) {
			op, v = o, v[len(o):]
			break
		}
	}
	from, to, err := datePeriod(v)
	if err != nil {
		return start, end, err
	}
	switch op {
	case "":
		return from, to, nil
	case ">=":
		return from, time.Time{}, nil
	case ">":
		return to, time.Time{}, nil
	case "<=":
		return time.Time{}, to, nil
	default: // "<"
		if from.IsZero() {
			// Before the first day of year 1, which a zero bound would
			// leave open: an empty range instead.
			return nothing, nothing, nil
		}
		return time.Time{}, from, nil
	}
}

// nothing is both bounds of a date range that matches no date.
var nothing = time.Unix(0, 0).UTC()

// datePeriod reads a day, month or year as the range of its times in UTC.
func datePeriod(v string) (from, to time.Time, err error) {
	for _, f := range []struct {
		layout string
		next   func(time.Time) time.Time
	}{
		{"2006-01-02", func(t time.Time) time.Time { return t.AddDate(0, 0, 1) }},
		{"2006-01", func(t time.Time) time.Time { return t.AddDate(0, 1, 0) }},
		{"2006", func(t time.Time) time.Time { return t.AddDate(1, 0, 0) }},
	} {
		if t, err := time.Parse(f.layout, v); err == nil {
			return t, f.next(t), nil
		}
	}
	return from, to, fmt.Errorf("%w: %q is not a date (YYYY, YYYY-MM or YYYY-MM-DD)", errSyntax, v)
}
