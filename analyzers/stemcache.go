package analyzers

import (
	"bytes"
	"maps"
	"sync"
	"sync/atomic"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/analysis/lang/en"
	"github.com/blevesearch/bleve/v2/analysis/token/porter"
)

// maxStemCache bounds the words a stem memory holds: a page of hits holds
// a few thousand distinct words, and news a few tens of thousands.
const maxStemCache = 20000

// stemPublish is how many new words a cached copy stems before it adds
// them to the memory it shares with the other copies.
const stemPublish = 256

// WithStemCache returns a copy of a news analyzer whose stemmer remembers
// the stems it computed, for analysing many texts in one request (the
// snippets of a page of hits repeat most of their words, and stemming is
// the costliest step). The copy is for one goroutine, and where it has the
// news tokenizer it also keeps its tokens' memory for the next text: the
// tokens of one Analyze call are valid until the next. Other analyzers are
// returned as they are.
//
// The copies made of one news analyzer share one memory: a server keeps a
// copy for each search in flight, and a memory of its own for each held
// 1.5 MB that only its copy read.
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
		switch f := f.(type) {
		case *sharedStemmer:
			c.TokenFilters[i] = &cachedStemmer{stem: f, memory: &f.memory, fresh: map[string][]byte{}}
		case *porter.PorterStemmer, *en.EnglishStemmerFilter:
			c.TokenFilters[i] = &cachedStemmer{stem: f, memory: &stemMemory{}, fresh: map[string][]byte{}}
		}
	}
	return &c
}

// stemMemory maps words to their stems for the cached copies of one
// stemmer. Its map is read without a lock and never changed once
// published: a copy that has stemmed stemPublish new words publishes a
// larger map in its place, until the memory holds maxStemCache words.
type stemMemory struct {
	stems atomic.Pointer[map[string][]byte]
	mu    sync.Mutex // one publisher at a time
}

// words returns the published map; nil until a first publication.
func (m *stemMemory) words() map[string][]byte {
	if p := m.stems.Load(); p != nil {
		return *p
	}
	return nil
}

// add publishes the words of fresh beside those published, as many as fit.
func (m *stemMemory) add(fresh map[string][]byte) {
	m.mu.Lock()
	defer m.mu.Unlock()
	old := m.words()
	if len(old) >= maxStemCache {
		return
	}
	next := make(map[string][]byte, min(maxStemCache, len(old)+len(fresh)))
	maps.Copy(next, old)
	for w, s := range fresh {
		if len(next) >= maxStemCache {
			break
		}
		next[w] = s
	}
	m.stems.Store(&next)
}

// cachedStemmer is a stemming filter with a memory: the one its stemmer's
// copies share, and the words it stemmed since it last added to it.
type cachedStemmer struct {
	stem   analysis.TokenFilter
	memory *stemMemory
	fresh  map[string][]byte
	one    analysis.TokenStream
}

// Filter stems each token, from memory where it can.
func (c *cachedStemmer) Filter(input analysis.TokenStream) analysis.TokenStream {
	known := c.memory.words()
	for _, tok := range input {
		if s, ok := known[string(tok.Term)]; ok {
			tok.Term = s
			continue
		}
		if s, ok := c.fresh[string(tok.Term)]; ok {
			tok.Term = s
			continue
		}
		word := string(tok.Term)
		c.one = append(c.one[:0], tok)
		c.stem.Filter(c.one)
		if len(known) < maxStemCache {
			stem := tok.Term
			if tok.KeyWord {
				// Left as it was, so still the text's bytes, which the
				// memory would hold alive.
				stem = bytes.Clone(stem)
			}
			c.fresh[word] = stem
		}
	}
	if len(c.fresh) >= stemPublish {
		c.memory.add(c.fresh)
		clear(c.fresh)
	}
	return input
}
