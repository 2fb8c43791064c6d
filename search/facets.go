package search

import (
	"context"
	"fmt"
	"sort"

	"github.com/blevesearch/bleve/v2"
	bsearch "github.com/blevesearch/bleve/v2/search"
)

// monthFacetSize is how many months the date facet counts: a hundred years
// of news, so that no month is dropped and the histogram is whole.
const monthFacetSize = 1200

// facetFieldOf maps the names of the keyword facets to their fields.
var facetFieldOf = map[string]string{FacetSpeaker: fieldSpeaker, FacetRegion: fieldRegion}

// selection returns the values selected in the facet name.
func (r *Request) selection(name string) []string {
	switch name {
	case FacetSpeaker:
		return r.Speakers
	case FacetRegion:
		return r.Regions
	}
	return nil
}

// without returns a copy of r with the selection of facet name cleared.
func (r Request) without(name string) Request {
	switch name {
	case FacetSpeaker:
		r.Speakers = nil
	case FacetRegion:
		r.Regions = nil
	}
	return r
}

// addFacets asks for the month counts, and for the speaker and region
// counts of the facets nothing is selected in; the others are disjunctive
// and counted apart (disjunctiveFacets).
func addFacets(sr *bleve.SearchRequest, r *Request) {
	for _, name := range []string{FacetSpeaker, FacetRegion} {
		if len(r.selection(name)) == 0 {
			sr.AddFacet(name, bleve.NewFacetRequest(facetFieldOf[name], r.FacetSize))
		}
	}
	sr.AddFacet(FacetDate, bleve.NewFacetRequest(fieldMonth, monthFacetSize))
}

// disjunctiveFacets counts each facet that has values selected as if
// nothing were selected in it, with every other filter applied: values
// within a facet are alternatives (OR), so the counts show what choosing
// another value would add. That costs one search per such facet, without
// hits.
func (x *Index) disjunctiveFacets(ctx context.Context, r *Request, c *compiler, into map[string][]FacetValue) error {
	for _, name := range []string{FacetSpeaker, FacetRegion} {
		if len(r.selection(name)) == 0 {
			continue
		}
		values, err := x.facetCounts(ctx, r.without(name), c, name, r.FacetSize)
		if err != nil {
			return err
		}
		into[name] = values
	}
	return nil
}

// facetCounts counts the size most frequent values of facet name over the
// articles r matches, without fetching hits.
func (x *Index) facetCounts(ctx context.Context, r Request, c *compiler, name string, size int) ([]FacetValue, error) {
	sr := bleve.NewSearchRequestOptions(buildQuery(&r, c), 0, 0, false)
	sr.AddFacet(name, bleve.NewFacetRequest(facetFieldOf[name], size))
	res, err := x.bi.SearchInContext(ctx, sr)
	if err != nil {
		return nil, fmt.Errorf("counting facet %s: %w", name, err)
	}
	return facetValues(res.Facets)[name], nil
}

// facetValues maps bleve's facet results to ours: every facet present,
// months in order of time, the others by count.
func facetValues(facets bsearch.FacetResults) map[string][]FacetValue {
	out := map[string][]FacetValue{}
	for name, fr := range facets {
		var values []FacetValue
		if fr.Terms != nil {
			for _, t := range fr.Terms.Terms() {
				values = append(values, FacetValue{Value: t.Term, Count: t.Count})
			}
		}
		if name == FacetDate {
			sort.Slice(values, func(i, j int) bool { return values[i].Value < values[j].Value })
		}
		if values == nil {
			values = []FacetValue{}
		}
		out[name] = values
	}
	for _, name := range []string{FacetSpeaker, FacetRegion, FacetDate} {
		if out[name] == nil {
			out[name] = []FacetValue{}
		}
	}
	return out
}

// queryContext returns ctx carrying the index's BM25 figures and a
// compiler of queries over them, as Search has, for the searches that do
// not go through it (facet values, quotes).
func (x *Index) queryContext(ctx context.Context) (context.Context, *compiler, error) {
	stats, err := x.bm25Stats(ctx)
	if err != nil {
		return nil, nil, fmt.Errorf("reading the index's figures: %w", err)
	}
	return context.WithValue(ctx, bsearch.BM25StatsKey, stats), newCompiler(x.bi.Mapping(), stats), nil
}
