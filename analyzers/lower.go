package analyzers

import (
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2/analysis"
)

// asciiLower is bleve's lower-case filter with a fast way for ASCII
// terms, nearly all of news: their upper-case letters are lowered in
// place, as bleve's filter does, byte by byte rather than rune by rune.
// Any other term goes to bleve's filter, so every term ends as bleve
// makes it.
type asciiLower struct {
	lower analysis.TokenFilter
}

// Filter lowers every term of input.
func (f asciiLower) Filter(input analysis.TokenStream) analysis.TokenStream {
	for _, tok := range input {
		if !lowerASCII(tok.Term) {
			f.lower.Filter(analysis.TokenStream{tok})
		}
	}
	return input
}

// lowerASCII lowers term in place and reports true if it is all ASCII;
// it leaves any other term as it is and reports false.
func lowerASCII(term []byte) bool {
	for _, b := range term {
		if b >= utf8.RuneSelf {
			return false
		}
	}
	for i, b := range term {
		if b >= 'A' && b <= 'Z' {
			term[i] = b + 'a' - 'A'
		}
	}
	return true
}
