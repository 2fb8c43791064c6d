package search

import (
	"context"
	"slices"
	"testing"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search"
)

func TestPageBoundMark(t *testing.T) {
	tests := []struct {
		name    string
		n       int
		scores  []float64
		outside []bool
	}{
		{name: "fewer than n", n: 3, scores: []float64{1, 2, 0.5}, outside: []bool{false, false, false}},
		{name: "below the best", n: 2, scores: []float64{3, 2, 1, 2.5, 2, 1.9}, outside: []bool{false, false, true, false, true, true}},
		{name: "ties with the lowest kept", n: 2, scores: []float64{1, 1, 1, 0.9}, outside: []bool{false, false, false, true}},
		{name: "rising scores", n: 1, scores: []float64{1, 2, 3, 2.5}, outside: []bool{false, false, false, true}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := &pageBound{n: tt.n}
			for i, s := range tt.scores {
				dm := &search.DocumentMatch{Score: s}
				p.mark(dm)
				if got := dm.ID == outsideID; got != tt.outside[i] {
					t.Errorf("mark(score %v) after %v: outside %v, want %v", s, tt.scores[:i], got, tt.outside[i])
				}
			}
		})
	}
}

// TestSearchPagesMatchBleve checks that hits left unnamed by the page bound
// change nothing: every page, ties included, is the page bleve's collector
// finds with every ID read.
func TestSearchPagesMatchBleve(t *testing.T) {
	x := mustIndex(t, synthetic(3000, 5))
	ctx := context.Background()
	stats := mustStats(t, x)
	for _, q := range []string{"grain", "oil talks", "news", "peace court strike", "region 3"} {
		for page := 1; page <= 4; page++ {
			r := Request{Query: q, Page: page, Size: 10}
			got, err := x.Search(ctx, r)
			if err != nil {
				t.Fatalf("Search(%q, page %d): %v", q, page, err)
			}
			if err := r.Normalize(); err != nil {
				t.Fatal(err)
			}
			sr := bleve.NewSearchRequestOptions(buildQuery(&r, newCompiler(x.bi.Mapping(), stats)), r.Size, (page-1)*r.Size, false)
			sr.SortBy(sortOrder(SortRelevance))
			want, err := x.bi.SearchInContext(context.WithValue(ctx, search.BM25StatsKey, stats), sr)
			if err != nil {
				t.Fatalf("bleve search %q: %v", q, err)
			}
			var wantIDs []string
			for _, h := range want.Hits {
				wantIDs = append(wantIDs, h.ID)
			}
			if !slices.Equal(ids(got), wantIDs) {
				t.Errorf("Search(%q, page %d) = %v, want %v", q, page, ids(got), wantIDs)
			}
		}
	}
}
