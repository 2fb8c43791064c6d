package search

import (
	"context"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

// TestSplitSearchSameAnswer checks that a search walked in two halves
// answers exactly as one walked whole: the same page, scores, total,
// facets and histogram, on every page, with filters and exclusions, and
// for the facet searches that keep no hit.
func TestSplitSearchSameAnswer(t *testing.T) {
	x := mustIndex(t, synthetic(3000, 9))
	ctx := context.Background()
	requests := []Request{
		{Query: "grain"}, {Query: "oil talks"}, {Query: "news"}, {Query: "news day grain oil"},
		{Query: "oil talks", Regions: []string{"Region 3"}},
		{Query: "bank rates -ship", Interval: IntervalWeek},
		{Query: "strike court", From: time.Date(2021, 1, 1, 0, 0, 0, 0, time.UTC)},
		{Query: "news", Speakers: []string{"Anna Abbott"}},
		{Query: "news", Sort: SortDate},
		{},
	}
	for _, req := range requests {
		for page := 1; page <= 3; page++ {
			r := req
			r.Page = page
			splitMatches = 1 << 62
			whole, err := x.Search(ctx, r)
			if err != nil {
				t.Fatal(err)
			}
			splitMatches = 1
			split, err := x.Search(ctx, r)
			splitMatches = 20_000
			if err != nil {
				t.Fatal(err)
			}
			whole.Took, split.Took = 0, 0
			if whole.Total < 100 {
				t.Errorf("request %+v matched %d: too few to test a split", req, whole.Total)
			}
			if diff := cmp.Diff(whole, split); diff != "" {
				t.Errorf("request %+v page %d (-whole +split):\n%s", req, page, diff)
			}
		}
	}
}
