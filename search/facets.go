package search

import (
	"context"
	"fmt"

	"github.com/blevesearch/bleve/v2"
	bsearch "github.com/blevesearch/bleve/v2/search"
)

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
	counter := newFacetCounter(x.facets)
	sr := bleve.NewSearchRequestOptions(&countingQuery{Query: buildQuery(&r, c), counter: counter, countOnly: true}, 0, 0, false)
	sr.Score = "none" // counted, not ranked
	if _, err := x.bi.SearchInContext(ctx, sr); err != nil {
		return nil, fmt.Errorf("counting facet %s: %w", name, err)
	}
	defer counter.done()
	return counter.facets(size)[name], nil
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
