package search

import (
	"context"
	"errors"
	"slices"
	"testing"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/mapping"
	"github.com/google/go-cmp/cmp"

	"dateline/corpus"
)

// oldDateMapping returns the mapping of indexes made before
// publishedLayout: the publication date a bleve date field, and no day
// field.
func oldDateMapping() *mapping.IndexMappingImpl {
	m := newMapping().(*mapping.IndexMappingImpl)
	date := bleve.NewDateTimeFieldMapping()
	date.IncludeInAll, date.Store, date.DocValues = false, false, true
	dm := m.TypeMapping[docType]
	dm.Properties[fieldPublished].Fields = []*mapping.FieldMapping{date}
	delete(dm.Properties, fieldDay)
	return m
}

// datedArticles are synthetic articles at times across the day, the last
// minutes before midnight among them, one in three undated.
func datedArticles(n int) []corpus.Article {
	arts := synthetic(n, 5)
	for i := range arts {
		arts[i].Published = arts[i].Published.Add(time.Duration(i%97) * 15 * time.Minute)
		if i%3 == 0 {
			arts[i].Published = time.Time{}
		}
	}
	return arts
}

// TestDatesOldIndex checks that an index made while the publication date
// was a bleve date field answers every kind of date search as an index
// of the current layout does: ranges, the published: clause, the date
// sort and its cursors, the histogram and the month facet.
func TestDatesOldIndex(t *testing.T) {
	arts := datedArticles(900)
	cur := mustIndex(t, arts)
	old := mustIndexWithMapping(t, oldDateMapping(), arts)
	if _, ok := fieldMappingOf(old.cur.Mapping(), fieldDay); ok {
		t.Fatal("the old index maps the day field: the test shows nothing")
	}
	if _, ok := fieldMappingOf(cur.cur.Mapping(), fieldDay); !ok {
		t.Fatal("the current index has no day field")
	}
	from := time.Date(2021, 3, 1, 0, 0, 0, 0, time.UTC)
	tests := []Request{
		{Query: "grain", From: from, To: from.AddDate(0, 2, 9), Size: 50},
		{Query: "news", From: from, Size: 50},
		{Query: "news", To: from, Size: 50},
		{Query: "news published:2021-04", Size: 50},
		{Query: "oil published:>=2022-02-15", Size: 50},
		{Query: "talks published:<2020-06-01", Size: 50},
		{Query: "news published:2021-04-07", Size: 50},
		{Query: "news", Sort: SortDate, Size: 30},
		{Query: "peace", Interval: IntervalWeek, From: from, To: from.AddDate(0, 5, 0), Size: 50},
		{Query: "bank", Recency: 90 * 24 * time.Hour, Size: 30},
	}
	ids := func(res *Result) []string {
		var out []string
		for _, h := range res.Hits {
			out = append(out, h.ID)
		}
		return out
	}
	for _, r := range tests {
		want, err := cur.Search(context.Background(), r)
		if err != nil {
			t.Fatalf("Search(%+v) on the current layout: %v", r, err)
		}
		if want.Total == 0 {
			t.Errorf("Search(%+v) finds nothing: the test shows nothing", r)
		}
		got, err := old.Search(context.Background(), r)
		if err != nil {
			t.Fatalf("Search(%+v) on the old layout: %v", r, err)
		}
		if got.Total != want.Total || !slices.Equal(ids(got), ids(want)) {
			t.Errorf("Search(%+v) on the old layout: %d hits %v, want %d %v", r, got.Total, ids(got), want.Total, ids(want))
		}
		if diff := cmp.Diff(want.Histogram, got.Histogram); diff != "" {
			t.Errorf("Search(%+v) histogram on the old layout (-current +old):\n%s", r, diff)
		}
		if diff := cmp.Diff(want.Facets, got.Facets); diff != "" {
			t.Errorf("Search(%+v) facets on the old layout (-current +old):\n%s", r, diff)
		}
		if r.Sort == SortDate && want.Next != "" {
			r.After = want.Next
			w2, err1 := cur.Search(context.Background(), r)
			r.After = got.Next
			g2, err2 := old.Search(context.Background(), r)
			if err1 != nil || err2 != nil {
				t.Fatalf("Search(%+v) second page: %v, %v", r, err1, err2)
			}
			if !slices.Equal(ids(g2), ids(w2)) || len(w2.Hits) == 0 {
				t.Errorf("Search(%+v) second page on the old layout: %v, want %v", r, ids(g2), ids(w2))
			}
		}
	}
}

// TestDateRangeBounds checks that date ranges match exactly the articles
// inside them, at the edges of days, months and the years 1 and 9999.
func TestDateRangeBounds(t *testing.T) {
	at := func(s string) time.Time {
		d, err := time.Parse(time.RFC3339, s)
		if err != nil {
			t.Fatal(err)
		}
		return d
	}
	var arts []corpus.Article
	for id, published := range map[string]string{
		"first": "0001-01-01T01:00:00Z",
		"mar31": "2021-03-31T23:59:00Z",
		"apr01": "2021-04-01T00:00:00Z",
		"apr30": "2021-04-30T12:00:00Z",
		"may01": "2021-05-01T00:00:00Z",
		"dec30": "9999-12-30T10:00:00Z",
		"dec31": "9999-12-31T23:00:00Z",
	} {
		arts = append(arts, corpus.Article{ID: id, Title: "News", Body: "news of the day", Published: at(published)})
	}
	arts = append(arts, corpus.Article{ID: "undated", Title: "News", Body: "news of the day"})
	x := mustIndex(t, arts)
	tests := []struct {
		r    Request
		want []string
	}{
		{Request{Query: "news published:2021-04"}, []string{"apr01", "apr30"}},
		{Request{Query: "news published:2021-03-31"}, []string{"mar31"}},
		{Request{Query: "news published:2021"}, []string{"apr01", "apr30", "mar31", "may01"}},
		{Request{Query: "news published:<2021-04-01"}, []string{"first", "mar31"}},
		{Request{Query: "news published:<9999"}, []string{"apr01", "apr30", "first", "mar31", "may01"}},
		{Request{Query: "news published:9999-12"}, []string{"dec30", "dec31"}},
		{Request{Query: "news published:>9999-12-30"}, []string{"dec31"}},
		{Request{Query: "news published:>=9999-12-31"}, []string{"dec31"}},
		{Request{Query: "news published:<0001"}, nil},
		{Request{Query: "news published:<0001-01-01"}, nil},
		{Request{Query: "news published:<0001-01-02"}, []string{"first"}},
		{Request{Query: "news published:<0000-02-01"}, nil},
		{Request{Query: "news", From: date("2021-03-31"), To: date("2021-03-31")}, []string{"mar31"}},
		{Request{Query: "news", From: date("2021-04-01"), To: date("2021-04-30")}, []string{"apr01", "apr30"}},
		{Request{Query: "news", From: date("9999-12-01"), To: date("9999-12-30")}, []string{"dec30"}},
		{Request{Query: "news", To: date("2021-04-01")}, []string{"apr01", "first", "mar31"}},
		{Request{Query: "news", From: date("2021-05-01")}, []string{"dec30", "dec31", "may01"}},
	}
	for _, tt := range tests {
		tt.r.Size = 20
		res, err := x.Search(context.Background(), tt.r)
		if err != nil {
			t.Fatalf("Search(%+v): %v", tt.r, err)
		}
		var got []string
		for _, h := range res.Hits {
			got = append(got, h.ID)
		}
		slices.Sort(got)
		if !slices.Equal(got, tt.want) {
			t.Errorf("Search(%q from %v to %v) = %v, want %v", tt.r.Query, tt.r.From.Format(time.DateOnly), tt.r.To.Format(time.DateOnly), got, tt.want)
		}
	}
}

// TestDateCursorAcrossLayouts checks that a cursor of a date-sorted search
// made on one layout of the publication date is refused by the other, as
// after a rebuild, and not read as a date of the wrong kind.
func TestDateCursorAcrossLayouts(t *testing.T) {
	arts := datedArticles(60)
	cur := mustIndex(t, arts)
	old := mustIndexWithMapping(t, oldDateMapping(), arts)
	r := Request{Query: "news", Sort: SortDate, Size: 5}
	for _, tt := range []struct {
		name     string
		from, to *Index
	}{
		{"old cursor, current index", old, cur},
		{"current cursor, old index", cur, old},
	} {
		t.Run(tt.name, func(t *testing.T) {
			first, err := tt.from.Search(context.Background(), r)
			if err != nil || first.Next == "" {
				t.Fatalf("Search(%+v) = next %q, %v; want a cursor", r, first.Next, err)
			}
			next := r
			next.After = first.Next
			if _, err := tt.from.Search(context.Background(), next); err != nil {
				t.Fatalf("the cursor on its own index: %v", err)
			}
			_, err = tt.to.Search(context.Background(), next)
			var pe *ParamError
			if !errors.As(err, &pe) || pe.Param != "after" {
				t.Errorf("the cursor on the other layout: error %v, want a ParamError for after", err)
			}
		})
	}
}
