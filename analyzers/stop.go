package analyzers

import (
	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/analysis/token/stop"
	"github.com/blevesearch/bleve/v2/registry"
)

// StopName is the name of the English stop word filter in bleve's registry.
const StopName = "dateline_stop_en"

// stopWords is the classic short English stop list (van Rijsbergen's core,
// as Lucene's English analyzer uses it): articles, conjunctions and
// prepositions that say nothing about a subject. bleve's own list is the
// Snowball one, five times longer, which also drops words people search
// for in news ("against", "between", "after", "before", "over", "off",
// "more", "most", "few", "own", "same", "very", "up", "down", "out") and
// costs ranking quality.
var stopWords = []string{
	"a", "an", "and", "are", "as", "at", "be", "but", "by", "for", "if",
	"in", "into", "is", "it", "no", "not", "of", "on", "or", "such", "that",
	"the", "their", "then", "there", "these", "they", "this", "to", "was",
	"will", "with",
}

// NewStopFilter returns the filter that drops stopWords.
func NewStopFilter() analysis.TokenFilter {
	m := analysis.NewTokenMap()
	for _, w := range stopWords {
		m.AddToken(w)
	}
	return stop.NewStopTokensFilter(m)
}

func init() {
	registry.RegisterTokenFilter(StopName, func(map[string]interface{}, *registry.Cache) (analysis.TokenFilter, error) {
		return NewStopFilter(), nil
	})
}
