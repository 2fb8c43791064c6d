package search

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/blevesearch/bleve/v2"

	"dateline/corpus"
)

func TestBucketBounds(t *testing.T) {
	d := func(s string) time.Time {
		t.Helper()
		v, err := time.Parse(time.DateOnly, s)
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	tests := []struct {
		name        string
		first, last string
		iv          Interval
		wantFirst   string
		wantLast    string
		wantBuckets int
	}{
		{"days", "2025-05-20", "2025-05-24", IntervalDay, "2025-05-20", "2025-05-24", 4},
		{"weeks start on Monday", "2025-05-22", "2025-06-02", IntervalWeek, "2025-05-19", "2025-06-02", 2},
		{"months from the first", "2025-02-10", "2025-04-01", IntervalMonth, "2025-02-01", "2025-04-01", 2},
		{"years", "2024-06-01", "2025-07-01", IntervalYear, "2024-01-01", "2026-01-01", 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := bucketBounds(d(tt.first), d(tt.last), tt.iv)
			if n := len(got) - 1; n != tt.wantBuckets {
				t.Errorf("bucketBounds(%s, %s, %s): %d buckets, want %d", tt.first, tt.last, tt.iv, n, tt.wantBuckets)
			}
			if f, l := got[0].Format(time.DateOnly), got[len(got)-1].Format(time.DateOnly); f != tt.wantFirst || l != tt.wantLast {
				t.Errorf("bucketBounds(%s, %s, %s) = %s … %s, want %s … %s", tt.first, tt.last, tt.iv, f, l, tt.wantFirst, tt.wantLast)
			}
		})
	}
}

func TestAutoInterval(t *testing.T) {
	tests := []struct {
		days int
		want Interval
	}{
		{1, IntervalDay}, {62, IntervalDay}, {63, IntervalWeek}, {180, IntervalWeek},
		{200, IntervalMonth}, {3650, IntervalMonth}, {4000, IntervalYear},
	}
	for _, tt := range tests {
		if got := autoInterval(time.Duration(tt.days) * 24 * time.Hour); got != tt.want {
			t.Errorf("autoInterval(%d days) = %s, want %s", tt.days, got, tt.want)
		}
	}
}

func TestCursorRoundTrip(t *testing.T) {
	tests := []struct {
		name    string
		cursor  string
		sort    Sort
		wantErr bool
	}{
		{"relevance", encodeCursorValues(SortRelevance, "1.25", "doc-1"), SortRelevance, false},
		{"date", encodeCursorValues(SortDate, "\x20\x01\x00", "0.5", "doc-2"), SortDate, false},
		{"other sort", encodeCursorValues(SortRelevance, "1.25", "doc-1"), SortDate, true},
		{"not base64", "%%%", SortRelevance, true},
		{"no score", encodeCursorValues(SortRelevance, "high", "doc-1"), SortRelevance, true},
		{"too few values", encodeCursorValues(SortDate, "0.5", "doc-2"), SortDate, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := decodeCursor(tt.cursor, tt.sort)
			if (err != nil) != tt.wantErr {
				t.Errorf("decodeCursor(%q, %s) error = %v, want error %v", tt.cursor, tt.sort, err, tt.wantErr)
			}
		})
	}
}

func TestMatchesPrefix(t *testing.T) {
	tests := []struct {
		value, prefix string
		want          bool
	}{
		{"Volodymyr Zelensky", "zel", true},
		{"Volodymyr Zelensky", "volodymyr z", true},
		{"Volodymyr Zelensky", "lensky", false},
		{"Zürich", "zur", true},
		{"São Paulo", "sao p", true},
		{"Jean-Noël Barrot", "noel", true},
		{"Kyiv", "", true},
	}
	for _, tt := range tests {
		if got := matchesPrefix(tt.value, fold(tt.prefix)); got != tt.want {
			t.Errorf("matchesPrefix(%q, %q) = %v, want %v", tt.value, tt.prefix, got, tt.want)
		}
	}
}

func TestHistogramOverIndex(t *testing.T) {
	day := func(s string) time.Time {
		v, err := time.Parse(time.DateOnly, s)
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	x := mustIndex(t, []corpus.Article{
		{ID: "old", Title: "Old news", Body: "grain", Published: day("2023-03-10"), Speakers: []string{}, Regions: []string{}},
		{ID: "new", Title: "New news", Body: "grain", Published: day("2025-06-01"), Speakers: []string{}, Regions: []string{}},
		{ID: "undated", Title: "No date", Body: "grain", Speakers: []string{}, Regions: []string{}},
		{ID: "june", Title: "Barley", Body: "barley", Published: day("2025-06-01")},
		{ID: "july", Title: "Barley", Body: "barley", Published: day("2025-07-01")},
		{ID: "placeholder", Title: "Barley", Body: "barley", Published: day("9999-12-31")},
	})
	tests := []struct {
		name         string
		r            Request
		wantInterval Interval
		wantBuckets  int
		wantCount    int
		wantErrParam string
	}{
		{name: "auto over two years counts by month", r: Request{Query: "grain"}, wantInterval: IntervalMonth, wantBuckets: 28, wantCount: 2},
		{name: "years", r: Request{Query: "grain", Interval: IntervalYear}, wantInterval: IntervalYear, wantBuckets: 3, wantCount: 2},
		{name: "days within dates", r: Request{Query: "grain", Interval: IntervalDay, From: day("2025-05-30"), To: day("2025-06-02")}, wantInterval: IntervalDay, wantBuckets: 4, wantCount: 1},
		{name: "too many days", r: Request{Query: "grain", Interval: IntervalDay}, wantErrParam: "interval"},
		{name: "auto with a placeholder date draws the busiest years", r: Request{Query: "barley"}, wantInterval: IntervalMonth, wantBuckets: 2, wantCount: 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := x.Search(context.Background(), tt.r)
			if tt.wantErrParam != "" {
				var pe *ParamError
				if !errors.As(err, &pe) || pe.Param != tt.wantErrParam {
					t.Fatalf("Search(%+v) error = %v, want a ParamError for %s", tt.r, err, tt.wantErrParam)
				}
				return
			}
			if err != nil {
				t.Fatalf("Search: %v", err)
			}
			h := res.Histogram
			total := 0
			for _, b := range h.Buckets {
				total += b.Count
			}
			if h.Interval != tt.wantInterval || len(h.Buckets) != tt.wantBuckets || total != tt.wantCount {
				t.Errorf("Search(%+v) histogram: %s, %d buckets, %d articles; want %s, %d, %d", tt.r, h.Interval, len(h.Buckets), total, tt.wantInterval, tt.wantBuckets, tt.wantCount)
			}
		})
	}
}

// bleveDayCounts counts the articles r matches in each bucket with bleve's
// own term range over the publication times, one search per bucket: the
// reference the day table must agree with.
func bleveDayCounts(tb testing.TB, x *Index, r Request, buckets []Bucket) []int {
	tb.Helper()
	if err := r.Normalize(); err != nil {
		tb.Fatal(err)
	}
	stats := mustStats(tb, x)
	out := make([]int, len(buckets))
	for i, b := range buckets {
		inclusive, exclusive := true, false
		in := bleve.NewTermRangeInclusiveQuery(b.Start.Format(publishedLayout), b.End.Format(publishedLayout), &inclusive, &exclusive)
		in.SetField(fieldPublished)
		sr := bleve.NewSearchRequestOptions(bleve.NewConjunctionQuery(buildQuery(&r, newCompiler(x.bi.Mapping(), stats)), in), 0, 0, false)
		res, err := x.bi.Search(sr)
		if err != nil {
			tb.Fatal(err)
		}
		out[i] = int(res.Total)
	}
	return out
}

func TestHistogramDaysMatchBleve(t *testing.T) {
	arts := synthetic(1500, 9)
	for i := range arts {
		// Times across the day, the last minutes before midnight among
		// them, and one day in three undated.
		arts[i].Published = arts[i].Published.Add(time.Duration(i%97) * 15 * time.Minute)
		if i%3 == 0 {
			arts[i].Published = time.Time{}
		}
	}
	x := mustIndex(t, arts)
	from := time.Date(2021, 3, 1, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		name string
		r    Request
	}{
		{name: "days", r: Request{Query: "grain", Interval: IntervalDay, From: from, To: from.AddDate(0, 0, 40)}},
		{name: "weeks", r: Request{Query: "news", Interval: IntervalWeek, From: from, To: from.AddDate(0, 5, 0)}},
		{name: "weeks filtered", r: Request{Query: "oil", Regions: []string{"Region 3", "Region 7"}, Interval: IntervalWeek, From: from, To: from.AddDate(1, 0, 0)}},
		{name: "auto", r: Request{Query: "peace", From: from, To: from.AddDate(0, 0, 20)}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := x.Search(context.Background(), tt.r)
			if err != nil {
				t.Fatalf("Search(%+v): %v", tt.r, err)
			}
			h := res.Histogram
			if h.Interval != IntervalDay && h.Interval != IntervalWeek {
				t.Fatalf("Search(%+v) histogram by %s, want days or weeks", tt.r, h.Interval)
			}
			want := bleveDayCounts(t, x, tt.r, h.Buckets)
			total := 0
			for i, b := range h.Buckets {
				total += b.Count
				if b.Count != want[i] {
					t.Errorf("Search(%+v) bucket %s: %d articles, bleve counts %d", tt.r, b.Start.Format(time.DateOnly), b.Count, want[i])
				}
			}
			if total == 0 {
				t.Errorf("Search(%+v) histogram counts nothing: the test shows nothing", tt.r)
			}
		})
	}
}
