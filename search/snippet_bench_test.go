package search

import (
	"strings"
	"testing"

	"github.com/blevesearch/bleve/v2/registry"

	"dateline/analyzers"
)

// benchArticle is a news text of about 3.5 KB, its paragraphs one line
// each, with the benchmark's query words in its lead and near its end.
var benchArticle = strings.Repeat("The ministry said crude oil exports rose in the first quarter, "+
	"while refiners in the north cut their runs because of a strike at the port.\n\n"+
	"Traders in London expected prices to stay firm until the cartel meets next month, "+
	"a spokesman for the exchange told reporters on Tuesday.\n\n", 12) +
	"Officials declined to say whether the pipeline would reopen before winter."

// BenchmarkSnippet builds the title and the default snippet of one long
// article, as a page of hits does for each of its ten.
func BenchmarkSnippet(b *testing.B) {
	a, err := analyzers.NewNews(registry.NewCache())
	if err != nil {
		b.Fatal(err)
	}
	terms := newMarkTerms()
	terms.addTerms("", []weightedTerm{{Term: "oil", Weight: 1}, {Term: "pipelin", Weight: 1}})
	sn := &snippeter{analyzer: analyzers.WithStemCache(a), terms: terms}
	b.ReportAllocs()
	for b.Loop() {
		sn.title("OIL EXPORTS RISE AS PIPELINE WORK ENDS")
		if s := sn.snippet(benchArticle, DefaultSnippetSize, DefaultSnippets); !strings.Contains(s, "<mark>") {
			b.Fatalf("snippet has no mark: %s", s)
		}
	}
}
