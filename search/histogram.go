package search

import (
	"sort"
	"time"

	"github.com/blevesearch/bleve/v2/numeric"
)

// Interval is the width of a histogram bucket.
type Interval string

// The intervals a histogram can count by. Weeks start on Monday.
const (
	IntervalAuto  Interval = "auto"
	IntervalDay   Interval = "day"
	IntervalWeek  Interval = "week"
	IntervalMonth Interval = "month"
	IntervalYear  Interval = "year"
)

// MaxBuckets caps the buckets of a histogram: a year of days, more bars
// than a page can draw apart; a wider span needs a wider interval.
const MaxBuckets = 366

// Histogram counts matching articles by publication date.
type Histogram struct {
	// Interval is the interval used: never auto.
	Interval Interval
	// Buckets run without gaps from the first bucket holding an article
	// (or the request's From) to the last (or its To); articles without
	// a date are in none.
	Buckets []Bucket
}

// Bucket is one interval of a histogram.
type Bucket struct {
	// Start is the first day of the bucket; End the day after its last.
	Start, End time.Time
	Count      int
}

// histogram counts the articles r matches by r.Interval. months holds the
// month facet of the same search, which gives the span and, for months and
// years, the counts; days gives its counts by day ("2006-01-02", from the
// facet counter's day table), which give the counts of days and weeks, and
// is called only for those.
func histogram(r *Request, months []FacetValue, days func() []FacetValue) (Histogram, error) {
	var first, last time.Time // first day of the first month, day after the last
	for _, m := range months {
		t, err := time.Parse("2006-01", m.Value)
		if err != nil || m.Count == 0 {
			continue
		}
		if first.IsZero() || t.Before(first) {
			first = t
		}
		if end := t.AddDate(0, 1, 0); end.After(last) {
			last = end
		}
	}
	if first.IsZero() {
		return Histogram{Interval: orMonth(r.Interval), Buckets: []Bucket{}}, nil
	}
	dataFirst, dataLast := first, last
	// Dates the request gives bound the histogram, empty days and all:
	// from=now-7d shows the whole week.
	if !r.From.IsZero() {
		first = day(r.From)
	}
	if !r.To.IsZero() {
		last = day(r.To).AddDate(0, 0, 1)
	}
	iv := r.Interval
	auto := iv == IntervalAuto || iv == ""
	if auto {
		iv = autoInterval(last.Sub(first))
	}
	bounds := bucketBounds(first, last, iv)
	if auto && len(bounds)-1 > MaxBuckets {
		// Dates wider than any histogram draws (from=0001-01-01): the
		// span of the articles found is drawn instead, and where even
		// that is wider (a placeholder date of 9999-12-31 among them),
		// the MaxBuckets years that hold the most of them.
		first, last = dataFirst, dataLast
		if last.Year()-first.Year() >= MaxBuckets {
			first, last = busiestYears(months, MaxBuckets)
		}
		iv = autoInterval(last.Sub(first))
		bounds = bucketBounds(first, last, iv)
	}
	if len(bounds)-1 > MaxBuckets {
		return Histogram{}, paramErr("interval", "%s buckets over these dates would be more than %d; narrow from and to or count by a wider interval", iv, MaxBuckets)
	}
	h := Histogram{Interval: iv, Buckets: make([]Bucket, len(bounds)-1)}
	for i := range h.Buckets {
		h.Buckets[i] = Bucket{Start: bounds[i], End: bounds[i+1]}
	}
	switch iv {
	case IntervalMonth, IntervalYear:
		for _, m := range months {
			t, err := time.Parse("2006-01", m.Value)
			if err != nil {
				continue
			}
			for i := range h.Buckets {
				if !t.Before(h.Buckets[i].Start) && t.Before(h.Buckets[i].End) {
					h.Buckets[i].Count += m.Count
				}
			}
		}
	default:
		countDays(days(), h.Buckets)
	}
	h.Buckets = trim(h.Buckets, r.From.IsZero(), r.To.IsZero())
	return h, nil
}

// busiestYears returns the span of at most n whole years holding the most
// articles of months (the latest such span where several do), from the
// first day of its first year to the first day of the year after its
// last.
func busiestYears(months []FacetValue, n int) (first, last time.Time) {
	byYear := map[int]int{}
	var years []int
	for _, m := range months {
		t, err := time.Parse("2006-01", m.Value)
		if err != nil || m.Count == 0 {
			continue
		}
		if _, ok := byYear[t.Year()]; !ok {
			years = append(years, t.Year())
		}
		byYear[t.Year()] += m.Count
	}
	sort.Ints(years)
	best, bestCount, count, lo := 0, -1, 0, 0
	for hi, y := range years {
		count += byYear[y]
		for years[lo] <= y-n {
			count -= byYear[years[lo]]
			lo++
		}
		if count >= bestCount {
			best, bestCount = hi, count
		}
	}
	end := years[best] + 1
	start := max(end-n, years[0])
	return time.Date(start, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(end, 1, 1, 0, 0, 0, 0, time.UTC)
}

// countDays adds the counts by day to the buckets holding the days. A
// bucket runs from midnight to midnight (UTC), as the days do.
func countDays(days []FacetValue, buckets []Bucket) {
	for _, d := range days {
		t, err := time.Parse(time.DateOnly, d.Value)
		if err != nil {
			continue
		}
		i := sort.Search(len(buckets), func(i int) bool { return t.Before(buckets[i].End) })
		if i < len(buckets) && !t.Before(buckets[i].Start) {
			buckets[i].Count += d.Count
		}
	}
}

// dayOfTerm gives the day, as "2006-01-02" in UTC, of a term of the
// publication date's dictionary in an index made before the day field
// (publishedLayout): bleve indexes a date as its Unix time in
// nanoseconds at several precisions, and only the full one (shift 0)
// names a day; the others are skipped.
func dayOfTerm(term string) (string, bool) {
	p := numeric.PrefixCoded(term)
	if shift, err := p.Shift(); err != nil || shift != 0 {
		return "", false
	}
	n, err := p.Int64()
	if err != nil {
		return "", false
	}
	return time.Unix(0, n).UTC().Format(time.DateOnly), true
}

// autoInterval picks the interval that draws span in about 10 to 60 bars.
func autoInterval(span time.Duration) Interval {
	days := span.Hours() / 24
	switch {
	case days <= 62:
		return IntervalDay
	case days <= 26*7:
		return IntervalWeek
	case days <= 10*366:
		return IntervalMonth
	}
	return IntervalYear
}

// bucketBounds returns the bucket edges that cover [first, last) by iv.
func bucketBounds(first, last time.Time, iv Interval) []time.Time {
	t := first
	switch iv {
	case IntervalWeek:
		t = t.AddDate(0, 0, -((int(t.Weekday()) + 6) % 7))
	case IntervalMonth:
		t = time.Date(t.Year(), t.Month(), 1, 0, 0, 0, 0, time.UTC)
	case IntervalYear:
		t = time.Date(t.Year(), 1, 1, 0, 0, 0, 0, time.UTC)
	}
	bounds := []time.Time{t}
	for t.Before(last) && len(bounds) <= MaxBuckets+1 {
		switch iv {
		case IntervalDay:
			t = t.AddDate(0, 0, 1)
		case IntervalWeek:
			t = t.AddDate(0, 0, 7)
		case IntervalMonth:
			t = t.AddDate(0, 1, 0)
		default:
			t = t.AddDate(1, 0, 0)
		}
		bounds = append(bounds, t)
	}
	return bounds
}

// trim drops the empty buckets at either end that no bound of the
// request asked for.
func trim(b []Bucket, head, tail bool) []Bucket {
	for head && len(b) > 0 && b[0].Count == 0 {
		b = b[1:]
	}
	for tail && len(b) > 0 && b[len(b)-1].Count == 0 {
		b = b[:len(b)-1]
	}
	return b
}

func orMonth(iv Interval) Interval {
	if iv == IntervalAuto || iv == "" {
		return IntervalMonth
	}
	return iv
}
