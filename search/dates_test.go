package search

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/index/scorch"
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

// mustIndexWithMapping makes an index whose bleve index has the mapping
// m, as one made by an earlier Dateline would, and puts arts in it.
func mustIndexWithMapping(tb testing.TB, m mapping.IndexMapping, arts []corpus.Article) *Index {
	tb.Helper()
	dir := filepath.Join(tb.TempDir(), "old.idx")
	if err := os.Mkdir(dir, 0o755); err != nil {
		tb.Fatal(err)
	}
	st, err := openStore(filepath.Join(dir, storeFile), true)
	if err != nil {
		tb.Fatalf("openStore: %v", err)
	}
	name := indexDirName(1)
	bi, err := bleve.NewUsing(filepath.Join(dir, name), m, scorch.Name, scorch.Name, nil)
	if err != nil {
		tb.Fatalf("bleve.NewUsing: %v", err)
	}
	if err := st.setMeta(metaIndex, name); err != nil {
		tb.Fatalf("setMeta: %v", err)
	}
	bi.Close()
	st.close()
	x, err := Open(dir)
	if err != nil {
		tb.Fatalf("Open: %v", err)
	}
	tb.Cleanup(func() { x.Close() })
	if err := x.Put(arts); err != nil {
		tb.Fatalf("Put: %v", err)
	}
	return x
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

// TestDateRangeBounds checks the published: clause at the edges of the
// years an index can hold.
func TestDateRangeBounds(t *testing.T) {
	x := mustIndex(t, datedArticles(90))
	tests := []struct {
		query string
		empty bool
	}{
		{"news published:<0000-02-01", true},
		{"news published:>=9999-01-01", true},
		{"news published:>0001-01", false},
		{"news published:<9999", false},
		{"news published:2019", true},
		{"news published:2020", false},
	}
	for _, tt := range tests {
		res, err := x.Search(context.Background(), Request{Query: tt.query})
		if err != nil {
			t.Fatalf("Search(%q): %v", tt.query, err)
		}
		if (res.Total == 0) != tt.empty {
			t.Errorf("Search(%q) = %d hits, want empty %v", tt.query, res.Total, tt.empty)
		}
	}
}
