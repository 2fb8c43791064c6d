package analyzers

import (
	"github.com/blevesearch/bleve/v2/analysis"
)

// stopFilter removes the words of a stop list, as bleve's stop filter
// does with the same list, looking them up in a small open-addressing
// table by keyHash rather than in a Go map: every word of every text is
// looked up, and the table, a few kilobytes, answers with one hash and
// one comparison.
type stopFilter struct {
	slots []string // "" where empty; stop words are never empty
	mask  uint64
	empty bool // the list holds the empty word
}

// newStopFilter returns a filter removing the words of list.
func newStopFilter(list analysis.TokenMap) *stopFilter {
	size := uint64(16)
	for size < uint64(len(list))*4 {
		size *= 2
	}
	f := &stopFilter{slots: make([]string, size), mask: size - 1}
	for w := range list {
		if w == "" {
			f.empty = true
			continue
		}
		i := keyHash([]byte(w)) & f.mask
		for f.slots[i] != "" {
			i = (i + 1) & f.mask
		}
		f.slots[i] = w
	}
	return f
}

// isStop reports whether term is on the list.
func (f *stopFilter) isStop(term []byte) bool {
	if len(term) == 0 {
		return f.empty
	}
	for i := keyHash(term) & f.mask; ; i = (i + 1) & f.mask {
		switch f.slots[i] {
		case "":
			return false
		case string(term):
			return true
		}
	}
}

// Filter removes the stop words of input, keeping the others in order.
func (f *stopFilter) Filter(input analysis.TokenStream) analysis.TokenStream {
	j := 0
	for _, tok := range input {
		if !f.isStop(tok.Term) {
			input[j] = tok
			j++
		}
	}
	return input[:j]
}
