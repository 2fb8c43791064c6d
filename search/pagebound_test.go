package search

import (
	"context"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"

	"dateline/corpus"
	"dateline/internal/shareddata"
)

func TestPageBoundAdmit(t *testing.T) {
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
		{name: "none kept", n: 0, scores: []float64{1, 2}, outside: []bool{true, true}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := &pageBound{n: tt.n}
			for i, s := range tt.scores {
				if got := !p.admit(&search.DocumentMatch{Score: s}); got != tt.outside[i] {
					t.Errorf("admit(score %v) after %v: outside %v, want %v", s, tt.scores[:i], got, tt.outside[i])
				}
			}
		})
	}
}

// TestSearchPagesMatchBleve checks that hits left unnamed by the page bound,
// and positions left unread for hits that cannot reach the page, change
// nothing: every page, ties and scores included, is the page bleve's
// collector finds with every ID and every position read.
func TestSearchPagesMatchBleve(t *testing.T) {
	x := mustIndex(t, synthetic(3000, 5))
	pagesMatchBleve(t, x, []Request{
		{Query: "grain"}, {Query: "oil talks"}, {Query: "news"}, {Query: "peace court strike"}, {Query: "region 3"},
		{Query: "news day grain oil"}, {Query: "oil talks", Regions: []string{"Region 3"}},
		{Query: "bank rates -ship"}, {Query: "strike court", From: time.Date(2021, 1, 1, 0, 0, 0, 0, time.UTC)},
	})
}

// TestSearchPagesMatchBleveReuters does the same on real articles, whose
// words recur and stand near each other as news words do, with queries of
// the shared harness's kind: words of a title.
func TestSearchPagesMatchBleveReuters(t *testing.T) {
	if testing.Short() {
		t.Skip("indexes 1,000 Reuters articles")
	}
	arts, err := corpus.ReadFile(filepath.Join(shareddata.Path(t, "data", "reuters21578"), "reut2-000.sgm"))
	if err != nil {
		t.Fatal(err)
	}
	x := mustIndex(t, arts)
	var requests []Request
	for _, a := range arts[:200] {
		words := strings.Fields(strings.ToLower(a.Title))
		if len(words) >= 3 {
			requests = append(requests, Request{Query: strings.Join(words[:3], " ")}, Request{Query: strings.Join(words[1:], " ")})
		}
	}
	pagesMatchBleve(t, x, requests)
}

func pagesMatchBleve(t *testing.T, x *Index, requests []Request) {
	t.Helper()
	ctx := context.Background()
	stats := mustStats(t, x)
	for _, req := range requests {
		for page := 1; page <= 3; page++ {
			r := req
			r.Page, r.Size = page, 10
			got, err := x.Search(ctx, r)
			if err != nil {
				t.Fatalf("Search(%+v, page %d): %v", req, page, err)
			}
			if err := r.Normalize(); err != nil {
				t.Fatal(err)
			}
			sr := bleve.NewSearchRequestOptions(buildQuery(&r, newCompiler(x.bi.Mapping(), stats)), r.Size, (page-1)*r.Size, false)
			sr.SortBy(sortOrder(SortRelevance))
			want, err := x.bi.SearchInContext(context.WithValue(ctx, search.BM25StatsKey, stats), sr)
			if err != nil {
				t.Fatalf("bleve search %q: %v", req.Query, err)
			}
			var wantIDs []string
			for i, h := range want.Hits {
				wantIDs = append(wantIDs, h.ID)
				if i < len(got.Hits) && got.Hits[i].ID == h.ID && got.Hits[i].Score != h.Score {
					t.Errorf("Search(%q, page %d): %s scores %v, want %v", req.Query, page, h.ID, got.Hits[i].Score, h.Score)
				}
			}
			if !slices.Equal(ids(got), wantIDs) {
				t.Errorf("Search(%q, page %d) = %v, want %v", req.Query, page, ids(got), wantIDs)
			}
		}
	}
}

// TestFiltersWalkBeside checks that filters walked beside the query, as a
// conjunction with an unscored side, find what bleve's boolean filter
// finds, with the same scores.
func TestFiltersWalkBeside(t *testing.T) {
	x := mustIndex(t, synthetic(3000, 11))
	ctx := context.Background()
	stats := mustStats(t, x)
	ctx = context.WithValue(ctx, search.BM25StatsKey, stats)
	for _, req := range []Request{
		{Query: "oil talks", Regions: []string{"Region 3"}},
		{Query: "news", Regions: []string{"Region 1", "Region 2"}, Speakers: []string{"Anna Abbott"}},
		{Query: "strike", From: time.Date(2021, 1, 1, 0, 0, 0, 0, time.UTC), To: time.Date(2022, 6, 1, 0, 0, 0, 0, time.UTC)},
		{Query: "bank -rates", Regions: []string{"Region 7"}},
		{Regions: []string{"Region 4"}},
	} {
		r := req
		if err := r.Normalize(); err != nil {
			t.Fatal(err)
		}
		c := newCompiler(x.bi.Mapping(), stats)
		got := buildQuery(&r, c)
		conj, ok := got.(*query.ConjunctionQuery)
		if !ok || len(conj.Conjuncts) != 2 {
			t.Fatalf("buildQuery(%+v) = %T, want the query beside its filters", req, got)
		}
		filter := conj.Conjuncts[1].(*unscoredQuery).Query
		b := bleve.NewBooleanQuery()
		b.AddMust(conj.Conjuncts[0])
		b.AddFilter(filter)
		var hits [2][]string
		var totals [2]uint64
		for i, q := range []query.Query{got, b} {
			sr := bleve.NewSearchRequestOptions(q, 1000, 0, false)
			sr.SortBy(sortOrder(SortRelevance))
			res, err := x.bi.SearchInContext(ctx, sr)
			if err != nil {
				t.Fatal(err)
			}
			totals[i] = res.Total
			for _, h := range res.Hits {
				hits[i] = append(hits[i], fmt.Sprintf("%s %.12g", h.ID, h.Score))
			}
		}
		if totals[0] == 0 || totals[0] != totals[1] || !slices.Equal(hits[0], hits[1]) {
			t.Errorf("request %+v: beside the query %d hits %.5q, as a boolean filter %d %.5q", req, totals[0], hits[0], totals[1], hits[1])
		}
	}
}
