package search

import (
	"sort"

	"github.com/blevesearch/bleve/v2"
	bsearch "github.com/blevesearch/bleve/v2/search"
)

// addFacets asks for the speaker, region and month counts.
func addFacets(sr *bleve.SearchRequest, r *Request) {
	sr.AddFacet(FacetSpeaker, bleve.NewFacetRequest(fieldSpeaker, r.FacetSize))
	sr.AddFacet(FacetRegion, bleve.NewFacetRequest(fieldRegion, r.FacetSize))
	// A month facet wide enough for ten years of news: the months are
	// then shown in order of time, not of count.
	sr.AddFacet(FacetDate, bleve.NewFacetRequest(fieldMonth, 120))
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
