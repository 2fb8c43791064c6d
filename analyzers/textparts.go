package analyzers

import (
	"bytes"
	"slices"

	"github.com/blevesearch/bleve/v2/analysis"
)

// TextAnalysis keeps one text's analysis by the NewsTextName analyzer, each
// token with its offsets, so that the news analysis (NewsName) of a part of
// that text which a document also indexes as a field of its own, such as
// its title or one of its quotes, is read from it rather than done again.
// On Reuters-21578 the quotes alone are 713,000 tokens, a third as many
// as the texts.
//
// A TextAnalysis serves one document, analysed by one goroutine: first its
// text, through Analyzer, then its parts, through the analyzers Part
// returns, as bleve analyses a document's fields one after another in
// their order. A part analysed before the text, or one whose analysis the
// text's cannot give, is analysed as usual.
type TextAnalysis struct {
	text   []byte
	tokens []keptToken
	kept   bool
}

// keptToken is what a TextAnalysis keeps of a token of the text.
type keptToken struct {
	term       []byte
	start, end int
	typ        analysis.TokenType
}

// Analyzer returns an analyzer that gives what text, the NewsTextName
// analyzer (NewNewsText), gives, and keeps it in t. An analyzer of another
// make is returned as it is, and keeps nothing.
func (t *TextAnalysis) Analyzer(text analysis.Analyzer) analysis.Analyzer {
	d, ok := text.(*analysis.DefaultAnalyzer)
	if !ok || len(d.CharFilters) > 0 || len(d.TokenFilters) == 0 {
		return text
	}
	if _, ok := d.TokenFilters[len(d.TokenFilters)-1].(loneOffsets); !ok {
		return text
	}
	return keepingAnalyzer{d, t}
}

// keepingAnalyzer is NewsTextName's analyzer keeping the offsets of its
// tokens in a TextAnalysis before it drops those of lone tokens.
type keepingAnalyzer struct {
	a *analysis.DefaultAnalyzer
	t *TextAnalysis
}

func (k keepingAnalyzer) Analyze(input []byte) analysis.TokenStream {
	// The filters write into the input (lower case, stems), so the text
	// is kept as it was given.
	k.t.text = append(k.t.text[:0], input...)
	filters := k.a.TokenFilters
	tokens := k.a.Tokenizer.Tokenize(input)
	for _, f := range filters[:len(filters)-1] {
		tokens = f.Filter(tokens)
	}
	k.t.keep(tokens)
	return filters[len(filters)-1].Filter(tokens)
}

// keep records the tokens. The terms are shared, not copied: no filter
// writes into a term once the analysis is done.
func (t *TextAnalysis) keep(tokens analysis.TokenStream) {
	t.tokens, t.kept = slices.Grow(t.tokens[:0], len(tokens)), true
	for _, tok := range tokens {
		t.tokens = append(t.tokens, keptToken{term: tok.Term, start: tok.Start, end: tok.End, typ: tok.Type})
	}
}

// Part returns the analyzer of a field whose value is the text's bytes
// from start on. For a field without term vectors it gives what news
// gives: the tokens of the text within the value's bytes, where the value
// is those bytes and no token of the text crosses either of its ends, and
// otherwise news's own analysis of the value. Those tokens are the ones
// news gives the value alone: every filter of the analyzer sees a token
// alone or, for a spelling of several words (VariantFilter) or a
// hyphenated word (HyphenTokenizer), adds a token spanning all its words,
// which crosses an end where the value cuts it. Their positions keep
// their order but not the gaps of dropped words, which only term vectors
// would record.
func (t *TextAnalysis) Part(start int, news analysis.Analyzer) analysis.Analyzer {
	return partAnalyzer{t: t, start: start, news: news}
}

type partAnalyzer struct {
	t     *TextAnalysis
	start int
	news  analysis.Analyzer
}

func (p partAnalyzer) Analyze(value []byte) analysis.TokenStream {
	if tokens, ok := p.t.part(p.start, value); ok {
		return tokens
	}
	return p.news.Analyze(value)
}

// part returns the kept tokens within value, which must be the text's
// bytes from start on; ok is false where it is not, where a token crosses
// either end, or where nothing is kept.
func (t *TextAnalysis) part(start int, value []byte) (analysis.TokenStream, bool) {
	end := start + len(value)
	if !t.kept || start < 0 || end > len(t.text) || !bytes.Equal(t.text[start:end], value) {
		return nil, false
	}
	n := 0
	for _, k := range t.tokens {
		switch {
		case k.end <= start || k.start >= end:
		case k.start < start || k.end > end:
			return nil, false
		default:
			n++
		}
	}
	out := make(analysis.TokenStream, 0, n)
	slab := make([]analysis.Token, n)
	for _, k := range t.tokens {
		if k.end <= start || k.start >= end {
			continue
		}
		tok := &slab[len(out)]
		*tok = analysis.Token{Term: k.term, Start: k.start - start, End: k.end - start, Position: len(out) + 1, Type: k.typ}
		out = append(out, tok)
	}
	return out, true
}
