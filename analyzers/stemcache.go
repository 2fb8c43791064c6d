package analyzers

import (
	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/analysis/lang/en"
	"github.com/blevesearch/bleve/v2/analysis/token/porter"
)

// maxStemCache bounds the words one cache remembers: a page of hits holds
// a few thousand distinct words.
const maxStemCache = 20000

// WithStemCache returns a copy of a news analyzer whose stemmer remembers
// the stems it computed, for analysing many texts in one request (the
// snippets of a page of hits repeat most of their words, and stemming is
// the costliest step). The copy is for one goroutine, and where it has the
// news tokenizer it also keeps its tokens' memory for the next text: the
// tokens of one Analyze call are valid until the next. Other analyzers are
// returned as they are.
func WithStemCache(a analysis.Analyzer) analysis.Analyzer {
	da, ok := a.(*analysis.DefaultAnalyzer)
	if !ok {
		return a
	}
	c := *da
	if _, ok := c.Tokenizer.(*HyphenTokenizer); ok {
		c.Tokenizer = &reusingTokenizer{}
	}
	c.TokenFilters = append([]analysis.TokenFilter(nil), da.TokenFilters...)
	for i, f := range c.TokenFilters {
		switch f.(type) {
		case *porter.PorterStemmer, *en.EnglishStemmerFilter, *sharedStemmer:
			c.TokenFilters[i] = &cachedStemmer{stem: f, cache: map[string][]byte{}}
		}
	}
	return &c
}

// cachedStemmer is a stemming filter with a memory.
type cachedStemmer struct {
	stem  analysis.TokenFilter
	cache map[string][]byte
	one   analysis.TokenStream
}

// Filter stems each token, from the cache where it can.
func (c *cachedStemmer) Filter(input analysis.TokenStream) analysis.TokenStream {
	for _, tok := range input {
		if s, ok := c.cache[string(tok.Term)]; ok {
			tok.Term = s
			continue
		}
		word := string(tok.Term)
		c.one = append(c.one[:0], tok)
		c.stem.Filter(c.one)
		if len(c.cache) < maxStemCache {
			c.cache[word] = tok.Term
		}
	}
	return input
}
