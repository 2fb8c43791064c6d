package analyzers

import (
	"strings"
	"testing"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/analysis/lang/en"
	"github.com/blevesearch/bleve/v2/analysis/token/lowercase"
	"github.com/blevesearch/bleve/v2/analysis/token/porter"
	"github.com/blevesearch/bleve/v2/analysis/tokenizer/unicode"
	"github.com/blevesearch/bleve/v2/registry"
)

// mustReferenceNews returns the news analyzer as it was before it was made
// faster: the reference tokenizer and variant filter, and bleve's own
// lower-case filter and Porter stemmer without a cache. The tests hold
// the news analyzer to it, token for token.
func mustReferenceNews(tb testing.TB) analysis.Analyzer {
	tb.Helper()
	stop, err := registry.NewCache().TokenFilterNamed(en.StopName)
	if err != nil {
		tb.Fatalf("TokenFilterNamed(%q): %v", en.StopName, err)
	}
	variants := &referenceVariantFilter{v: NewVariantFilter(placeVariants(), newsSynonyms, newsVariants)}
	return &analysis.DefaultAnalyzer{
		Tokenizer: newReferenceTokenizer(),
		TokenFilters: []analysis.TokenFilter{
			en.NewPossessiveFilter(), variants, lowercase.NewLowerCaseFilter(),
			NewFoldFilter(), stop, porter.NewPorterStemmer(),
		},
	}
}

// referenceVariantFilter is VariantFilter as it was before its Bloom
// filter and its rewriting in place: the same table, looked up for every
// word, into a new stream.
type referenceVariantFilter struct {
	v *VariantFilter
}

func (f *referenceVariantFilter) Filter(input analysis.TokenStream) analysis.TokenStream {
	out := make(analysis.TokenStream, 0, len(input))
	var buf [keyBuffer]byte
	for i := 0; i < len(input); {
		n, canon := f.match(input, i, buf[:0])
		switch {
		case n == 0:
			key := appendKey(buf[:0], input[i].Term)
			if c, ok := upperOnly[string(key)]; ok && string(input[i].Term) == strings.ToUpper(string(key)) {
				input[i].Term = []byte(c)
			}
			out = append(out, input[i])
			i++
			continue
		case canon == "":
		case n == 1:
			input[i].Term = []byte(canon)
		default:
			out = append(out, &analysis.Token{
				Term: []byte(canon), Start: input[i].Start, End: input[i+n-1].End,
				Position: input[i].Position, Type: input[i].Type,
			})
		}
		out = append(out, input[i:i+n]...)
		i += n
	}
	return out
}

func (f *referenceVariantFilter) match(input analysis.TokenStream, i int, buf []byte) (n int, canon string) {
	key := appendKey(buf, input[i].Term)
	info := f.v.info(key)
	if info.entry {
		n, canon = 1, info.canon
	}
	if !info.start {
		return n, canon
	}
	for k := 1; k < maxVariantWords && i+k < len(input); k++ {
		if input[i+k].Position != input[i+k-1].Position+1 {
			break
		}
		key = appendKey(append(key, ' '), input[i+k].Term)
		if info := f.v.info(key); info.entry {
			n, canon = k+1, info.canon
		}
	}
	return n, canon
}

// referenceTokenizer is the news tokenizer as it was before splitWords:
// bleve's unicode tokenizer, then the hyphen joins. The tests hold the
// fast tokenizer to it, token for token.
type referenceTokenizer struct {
	words analysis.Tokenizer
}

func newReferenceTokenizer() *referenceTokenizer {
	return &referenceTokenizer{words: unicode.NewUnicodeTokenizer()}
}

// Tokenize splits input and adds the joined forms.
func (t *referenceTokenizer) Tokenize(input []byte) analysis.TokenStream {
	words := t.words.Tokenize(input)
	out := make(analysis.TokenStream, 0, len(words))
	for i := 0; i < len(words); {
		j := i
		for j+1 < len(words) && j+1-i < maxJoinedParts && isHyphen(input[words[j].End:words[j+1].Start]) {
			j++
		}
		if j > i && joinable(words[i:j+1]) {
			joined := &analysis.Token{
				Start:    words[i].Start,
				End:      words[j].End,
				Type:     words[i].Type,
				Position: words[i].Position,
			}
			for _, w := range words[i : j+1] {
				joined.Term = append(joined.Term, w.Term...)
			}
			out = append(out, joined)
		}
		out = append(out, words[i:j+1]...)
		i = j + 1
	}
	return out
}
