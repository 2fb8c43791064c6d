package analyzers

import (
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/registry"
)

// TokenizerName is the name of the news tokenizer in bleve's registry.
const TokenizerName = "dateline_news_tokenizer"

// maxJoinedParts bounds how many hyphenated parts are joined into one
// token: enough for "state-of-the-art", not a run of dashes in a table.
const maxJoinedParts = 6

// HyphenTokenizer splits text into words as the Unicode word tokenizer
// does (UAX #29; splitWords gives the same words faster), and where words
// are joined by a hyphen with nothing else between them and one is a
// number or short ("covid-19", "F-16", "2024-25"; see joinable) it also
// emits the joined form ("covid19", "F16", "202425") at the position of
// the first part, spanning all of them. So the parts are found on their
// own and the whole as written, or written without the hyphen, and a
// highlight of the joined term marks the whole word.
type HyphenTokenizer struct{}

// NewHyphenTokenizer returns a HyphenTokenizer.
func NewHyphenTokenizer() *HyphenTokenizer {
	return &HyphenTokenizer{}
}

// Tokenize splits input and adds the joined forms. Most texts join few
// words or none, so the joined forms are put into the stream of words
// where it has room (insertTokens) rather than into a copy.
func (t *HyphenTokenizer) Tokenize(input []byte) analysis.TokenStream {
	return joinHyphens(input, nil)
}

// reusingTokenizer is a HyphenTokenizer for one goroutine that keeps the
// memory of its tokens from one text to the next: a text's tokens are
// valid until it tokenizes the next.
type reusingTokenizer struct{ buf tokenBuffer }

func (t *reusingTokenizer) Tokenize(input []byte) analysis.TokenStream {
	t.buf.reset()
	return valueTokenizer{&t.buf}.Tokenize(input)
}

// valueTokenizer is a HyphenTokenizer for the values of one text
// (valuesTokenizer), each tokenized into buf, which the text resets.
type valueTokenizer struct{ buf *tokenBuffer }

func (t valueTokenizer) Tokenize(input []byte) analysis.TokenStream {
	return joinHyphens(input, t.buf)
}

// joinHyphens splits input into words, from buf if it is not nil (see
// splitWordsInto), and adds the joined forms of hyphenated ones.
func joinHyphens(input []byte, buf *tokenBuffer) analysis.TokenStream {
	words, pairs := splitWordsInto(input, buf)
	if pairs == 0 {
		return words
	}
	var local [16]insertion
	joins := local[:0]
	for i := 0; i < len(words); {
		j := hyphenRun(input, words, i)
		if j > i && joinable(words[i:j+1]) {
			size := 0
			for _, w := range words[i : j+1] {
				size += len(w.Term)
			}
			// The term is never the buffer's: a stem cache may keep it.
			term := make([]byte, 0, size)
			for _, w := range words[i : j+1] {
				term = append(term, w.Term...)
			}
			tok := buf.token()
			*tok = analysis.Token{
				Term:     term,
				Start:    words[i].Start,
				End:      words[j].End,
				Type:     words[i].Type,
				Position: words[i].Position,
			}
			joins = append(joins, insertion{i, tok})
		}
		i = j + 1
	}
	return insertTokens(words, joins)
}

// hyphenRun returns the index of the last of the words from i on that are
// joined by single hyphens, at most maxJoinedParts of them; i where the
// next word is not.
func hyphenRun(input []byte, words analysis.TokenStream, i int) int {
	j := i
	for j+1 < len(words) && j+1-i < maxJoinedParts && isHyphen(input[words[j].End:words[j+1].Start]) {
		j++
	}
	return j
}

// joinable reports whether hyphenated parts are also written joined: codes
// and numbers ("covid-19", "F-16", "2024-25") and short prefixes ("e-mail",
// "x-ray", "al-Qaeda") are; compound adjectives ("long-lasting") are not,
// and their joined form would only add a term nobody searches for.
func joinable(parts analysis.TokenStream) bool {
	for _, p := range parts {
		if utf8.RuneCount(p.Term) <= 2 {
			return true
		}
		for _, b := range p.Term {
			if b >= '0' && b <= '9' {
				return true
			}
		}
	}
	return false
}

// isHyphen reports whether gap is a single hyphen (ASCII or Unicode).
func isHyphen(gap []byte) bool {
	if len(gap) == 1 {
		return gap[0] == '-'
	}
	r, n := utf8.DecodeRune(gap)
	return n == len(gap) && (r == '\u2010' || r == '\u2011')
}

func init() {
	registry.RegisterTokenizer(TokenizerName, func(map[string]interface{}, *registry.Cache) (analysis.Tokenizer, error) {
		return NewHyphenTokenizer(), nil
	})
}
