package search

import (
	"context"
	"fmt"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/mapping"
	"github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"
	"github.com/blevesearch/bleve/v2/search/searcher"
	index "github.com/blevesearch/bleve_index_api"
)

// publishedLayout is how the published field holds an article's
// publication time: UTC to the second, one keyword term of fixed width, so
// that its doc values sort as the times do (date sort, recency, cursors).
// The day and month fields hold its first 10 and 7 characters, for date
// ranges and the day and month facets.
//
// bleve's own date field indexes a time as 16 terms, its Unix nanoseconds
// at every fourth bit of precision, and keeps all 16 in its doc values:
// on Reuters-21578 that was 4.5 MB of a 36.7 MB index, and a fifth of
// indexing's time. Indexes made before keep that field and are searched
// through it (dateRangeQuery, facetTables); they change to this one when
// rebuilt (indexer -rebuild).
const publishedLayout = "2006-01-02T15:04:05Z"

// publishedTerms returns the terms of the published, day and month fields
// for a publication time; ok is false for a zero time, or one outside the
// years 1 to 9999, whose terms would not sort as the times do.
func publishedTerms(t time.Time) (published, day, month string, ok bool) {
	t = t.UTC()
	if t.IsZero() || t.Year() < 1 || t.Year() > 9999 {
		return "", "", "", false
	}
	published = t.Format(publishedLayout)
	return published, published[:10], published[:7], true
}

// The dates bleve's date field can range over, in indexes made before
// publishedLayout: it counts them in nanoseconds since 1970 in an int64,
// and refuses a bound outside.
var (
	earliestDate = time.Date(1678, 1, 1, 0, 0, 0, 0, time.UTC)
	latestDate   = time.Date(2262, 1, 1, 0, 0, 0, 0, time.UTC)
)

// publishedRange matches publication dates from start (inclusive) to end
// (exclusive), both midnights UTC; a zero bound is open.
func publishedRange(start, end time.Time) query.Query {
	return &dateRangeQuery{Start: start, End: end}
}

// dateRangeQuery is publishedRange's query. It scores nothing: a date
// bounds a search, it does not rank it.
type dateRangeQuery struct {
	Start, End time.Time
}

// Searcher matches the months wholly inside the range by the month field
// and the days of the months it covers in part by the day field: at most
// the index's months and 62 days, where a range of times would be a term
// per article. An index made before the day field ranges over bleve's
// date field instead.
func (q *dateRangeQuery) Searcher(ctx context.Context, r index.IndexReader, m mapping.IndexMapping, opts search.SearcherOptions) (search.Searcher, error) {
	if _, ok := fieldMappingOf(m, fieldDay); !ok {
		return (&unscoredQuery{Query: q.legacy()}).Searcher(ctx, r, m, opts)
	}
	months, days, err := q.terms(r)
	if err != nil {
		return nil, err
	}
	var qs []query.Query
	for _, q := range []query.Query{anyOf(fieldMonth, months), anyOf(fieldDay, days)} {
		if q != nil {
			qs = append(qs, q)
		}
	}
	if len(qs) == 0 {
		return searcher.NewMatchNoneSearcher(r)
	}
	return (&unscoredQuery{Query: bleve.NewDisjunctionQuery(qs...)}).Searcher(ctx, r, m, opts)
}

// terms returns the month terms wholly inside the range and the day terms
// inside it of the other months, read from the index's dictionaries.
func (q *dateRangeQuery) terms(r index.IndexReader) (months, days []string, err error) {
	lo, hi, ok := dayBounds(q.Start, q.End)
	if !ok {
		return nil, nil, nil
	}
	inside := func(first, last string) bool { // the days first to last
		return (lo == "" || first >= lo) && (hi == "" || last < hi)
	}
	full := map[string]bool{}
	err = eachTerm(r, fieldMonth, func(month string) {
		first, err := time.Parse("2006-01", month)
		if err != nil {
			return
		}
		// The last day, not the next month's first: after 9999-12 that
		// would be 10000-01-01, which sorts before every bound.
		last := first.AddDate(0, 1, -1).Format(time.DateOnly)
		if inside(month+"-01", last) {
			months = append(months, month)
			full[month] = true
		}
	})
	if err != nil {
		return nil, nil, err
	}
	err = eachTerm(r, fieldDay, func(day string) {
		if len(day) == len(time.DateOnly) && !full[day[:7]] && inside(day, day) {
			days = append(days, day)
		}
	})
	return months, days, err
}

// dayBounds returns the range [start, end) as day terms, "" where open;
// ok is false where no day of the years 1 to 9999 is inside.
func dayBounds(start, end time.Time) (lo, hi string, ok bool) {
	if !start.IsZero() {
		switch s := start.UTC(); {
		case s.Year() > 9999:
			return "", "", false
		case s.Year() >= 1:
			lo = s.Format(time.DateOnly)
		}
	}
	if !end.IsZero() {
		switch e := end.UTC(); {
		case e.Year() < 1:
			return "", "", false
		case e.Year() <= 9999:
			hi = e.Format(time.DateOnly)
		}
	}
	return lo, hi, lo == "" || hi == "" || lo < hi
}

// eachTerm calls fn with every term of field's dictionary.
func eachTerm(r index.IndexReader, field string, fn func(term string)) error {
	d, err := r.FieldDict(field)
	if err != nil {
		return fmt.Errorf("reading the terms of %s: %w", field, err)
	}
	defer d.Close()
	for {
		e, err := d.Next()
		if err != nil {
			return fmt.Errorf("reading the terms of %s: %w", field, err)
		}
		if e == nil {
			return nil
		}
		fn(e.Term)
	}
}

// legacy is the range over bleve's date field, for indexes made before
// the day field. Bounds beyond the dates it can hold are brought to its
// limits, so that "published:<0000-02-01" matches nothing instead of
// failing.
func (q *dateRangeQuery) legacy() query.Query {
	clamp := func(t time.Time) time.Time {
		switch {
		case t.IsZero():
			return t
		case t.Before(earliestDate):
			return earliestDate
		case t.After(latestDate):
			return latestDate
		}
		return t
	}
	inclusive, exclusive := true, false
	q2 := bleve.NewDateRangeInclusiveQuery(clamp(q.Start), clamp(q.End), &inclusive, &exclusive)
	q2.SetField(fieldPublished)
	return q2
}
