package analyzers

import (
	"unicode"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/registry"
	"golang.org/x/text/unicode/norm"
)

// FoldName is the name of the folding token filter in bleve's registry.
const FoldName = "dateline_fold"

// FoldFilter folds each token to a plain form: Unicode compatibility
// normalisation, accents and other combining marks removed, and letters
// without a decomposition spelled out (ß → ss, ø → o, ł → l), so that
// "Zürich" and "Zurich", or "José" and "Jose", are one term. It works on tokens, not on the text, so highlight offsets keep
// pointing at the original characters.
type FoldFilter struct{}

// NewFoldFilter returns a FoldFilter.
func NewFoldFilter() *FoldFilter { return &FoldFilter{} }

// Filter folds every token of the stream in place.
func (f *FoldFilter) Filter(input analysis.TokenStream) analysis.TokenStream {
	for _, tok := range input {
		if needsFold(tok.Term) {
			tok.Term = Fold(tok.Term)
		}
	}
	return input
}

// needsFold reports whether a term has anything to fold: plain ASCII
// letters and digits, most of the text, are left alone without a copy.
func needsFold(term []byte) bool {
	for _, b := range term {
		if b >= utf8.RuneSelf {
			return true
		}
	}
	return false
}

// special spells out letters that have no canonical decomposition.
var special = map[rune]string{
	'ß': "ss", 'ẞ': "SS", 'æ': "ae", 'Æ': "AE", 'œ': "oe", 'Œ': "OE",
	'ø': "o", 'Ø': "O", 'ł': "l", 'Ł': "L", 'đ': "d", 'Đ': "D",
	'þ': "th", 'Þ': "TH", 'ð': "d", 'Ð': "D", 'ı': "i",
	'’': "'", 'ʼ': "'", '‘': "'",
}

// Fold returns the folded form of term (see FoldFilter).
func Fold(term []byte) []byte {
	decomposed := norm.NFKD.Bytes(term)
	out := make([]byte, 0, len(decomposed))
	for i := 0; i < len(decomposed); {
		r, n := utf8.DecodeRune(decomposed[i:])
		i += n
		switch {
		case unicode.Is(unicode.Mn, r):
			continue
		case special[r] != "":
			out = append(out, special[r]...)
		default:
			out = utf8.AppendRune(out, r)
		}
	}
	return out
}

func init() {
	registry.RegisterTokenFilter(FoldName, func(map[string]interface{}, *registry.Cache) (analysis.TokenFilter, error) {
		return NewFoldFilter(), nil
	})
}
