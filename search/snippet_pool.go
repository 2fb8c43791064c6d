package search

import (
	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/mapping"

	"dateline/analyzers"
)

// snippetAnalyzers keeps the news analyzers that snippets use, each with
// its stem cache (analyzers.WithStemCache), from one search to the next:
// the words of news repeat across searches as within a page, and a cache
// filled once stems almost every word from memory. Each analyzer serves
// one search at a time; the channel bounds how many are kept to about the
// searches in flight at once.
var snippetAnalyzers = make(chan pooledAnalyzer, 8)

// pooledAnalyzer is a cached analyzer and the mapping it came from.
type pooledAnalyzer struct {
	m mapping.IndexMapping
	a analysis.Analyzer
}

// getSnippetAnalyzer returns a news analyzer with a stem cache for one
// search over an index of mapping m; putSnippetAnalyzer gives it back.
func getSnippetAnalyzer(m mapping.IndexMapping) analysis.Analyzer {
	select {
	case p := <-snippetAnalyzers:
		if p.m == m {
			return p.a
		}
	default:
	}
	return analyzers.WithStemCache(m.AnalyzerNamed(analyzers.NewsName))
}

func putSnippetAnalyzer(m mapping.IndexMapping, a analysis.Analyzer) {
	select {
	case snippetAnalyzers <- pooledAnalyzer{m, a}:
	default:
	}
}
