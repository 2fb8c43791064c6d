package analyzers

import (
	"hash/maphash"
	"sync/atomic"

	"github.com/blevesearch/bleve/v2/analysis"
)

// sharedStemSlots is the number of words a shared stem cache holds: news
// uses a few tens of thousands of distinct words, and 32,768 of them, the
// most recent in each slot, take about 2.5 MB at most.
const sharedStemSlots = 1 << 15

// sharedStemmer is a stemming filter with a memory that every goroutine
// using the analyzer shares without a lock: each slot holds an immutable
// entry that is replaced whole. Stemming is the costliest step of the
// analyzer after splitting words, and most words of a text were stemmed
// before. Stems from the cache are shared by the tokens that use them, so
// no one may write into a stemmed term (nothing after the stemmer does).
type sharedStemmer struct {
	// memory is what the cached copies of an analyzer with this stemmer
	// share (WithStemCache).
	memory stemMemory

	stem  analysis.TokenFilter
	seed  maphash.Seed
	slots []atomic.Pointer[stemEntry]
}

// stemEntry is one word and its stem.
type stemEntry struct {
	word string
	stem []byte
}

// newSharedStemmer returns stem with a shared cache in front.
func newSharedStemmer(stem analysis.TokenFilter) *sharedStemmer {
	return &sharedStemmer{stem: stem, seed: maphash.MakeSeed(), slots: make([]atomic.Pointer[stemEntry], sharedStemSlots)}
}

// Filter stems each token, from the cache where it can. A word is looked
// for in two slots, so that two frequent words with the same slot do not
// push each other out. Keywords go to the stemmer as they are, which
// decides what to do with them.
func (s *sharedStemmer) Filter(input analysis.TokenStream) analysis.TokenStream {
	for _, tok := range input {
		if tok.KeyWord {
			s.stem.Filter(analysis.TokenStream{tok})
			continue
		}
		h := maphash.Bytes(s.seed, tok.Term)
		a := &s.slots[h%sharedStemSlots]
		b := &s.slots[(h^1)%sharedStemSlots]
		ea, eb := a.Load(), b.Load()
		if ea != nil && ea.word == string(tok.Term) {
			tok.Term = ea.stem
			continue
		}
		if eb != nil && eb.word == string(tok.Term) {
			tok.Term = eb.stem
			continue
		}
		word := string(tok.Term)
		s.stem.Filter(analysis.TokenStream{tok})
		// The entry goes to an empty slot of the two, or replaces the one
		// a bit of the hash not used for the slots chooses.
		switch {
		case ea == nil:
			a.Store(&stemEntry{word, tok.Term})
		case eb == nil, h>>63 == 0:
			b.Store(&stemEntry{word, tok.Term})
		default:
			a.Store(&stemEntry{word, tok.Term})
		}
	}
	return input
}
