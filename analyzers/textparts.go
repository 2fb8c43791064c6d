package analyzers

import (
	"bytes"
	"cmp"
	"slices"
	"sort"
	"sync"
	"unicode/utf8"

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
// text's cannot give, is analysed as usual. The stream a part's analyzer
// returns from the text's analysis is valid until the next part's
// analysis. Its memory is taken when its text is analysed, and Release
// gives it to the next document's.
type TextAnalysis struct {
	*textMemory
	kept bool
}

// textMemory is the memory of a TextAnalysis.
type textMemory struct {
	text []byte
	// tokens are the text's tokens after every filter, in order of their
	// start.
	tokens []keptToken
	// spans are the byte spans of everything in the text that ties a
	// word to its neighbours: the tokenizer's tokens (those the stop
	// words later drop among them, and the hyphenated words it joins)
	// and the spellings of several words the variant filter finds, kept
	// as they are or given a token. They are in order of their start,
	// and reach[i] is the furthest end of spans[:i+1].
	spans []span
	reach []int
	// multi collects the variant filter's spans during an analysis.
	multi []span
	// partOut and partSlab hold the stream of the last part.
	partOut  analysis.TokenStream
	partSlab []analysis.Token
	// buf holds the tokens of the text.
	buf tokenBuffer
}

// textMemories holds the memory of TextAnalyses released. It is taken
// only as a text is analysed: the documents of a batch are made before
// any is analysed, and each holding its own would hold a batch's worth.
var textMemories = sync.Pool{New: func() any {
	return &textMemory{buf: tokenBuffer{keep: textBlocks}}
}}

// Release gives t's memory to the next TextAnalysis, once the document it
// serves is analysed: t and the streams of its parts are then no longer
// used. The terms of the tokens it gave are not its own, and stay valid.
func (t *TextAnalysis) Release() {
	t.kept = false
	m := t.textMemory
	if m == nil {
		return
	}
	t.textMemory = nil
	// Let go of the terms, which belong to the document's analysis.
	// The blocks of its text's tokens (up to textBlocks of them, some
	// 380 KB) keep theirs, and so the document's text, until the next
	// text takes them.
	clear(m.tokens)
	clear(m.partSlab)
	m.tokens, m.partSlab = m.tokens[:0], m.partSlab[:0]
	textMemories.Put(m)
}

// keptToken is what a TextAnalysis keeps of a token of the text.
type keptToken struct {
	term       []byte
	start, end int
	pos        int
	typ        analysis.TokenType
}

// span is a range of bytes of the text.
type span struct{ start, end int }

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
	t := k.t
	if t.textMemory == nil {
		t.textMemory = textMemories.Get().(*textMemory)
	}
	// The filters write into the input (lower case, stems), so the text
	// is kept as it was given.
	t.text = append(t.text[:0], input...)
	t.kept = false
	filters := k.a.TokenFilters
	var tokens analysis.TokenStream
	if vt, ok := k.a.Tokenizer.(valuesTokenizer); ok && isHyphenTokenizer(vt.Tokenizer) {
		// The text's tokens are t's, until its next document.
		t.buf.reset()
		tokens = valuesTokenizer{valueTokenizer{&t.buf}}.Tokenize(input)
	} else {
		tokens = k.a.Tokenizer.Tokenize(input)
	}
	t.spans = slices.Grow(t.spans[:0], len(tokens))
	for _, tok := range tokens {
		t.spans = append(t.spans, span{tok.Start, tok.End})
	}
	t.multi = t.multi[:0]
	spanned := func(start, end int) { t.multi = append(t.multi, span{start, end}) }
	for _, f := range filters[:len(filters)-1] {
		if _, ok := f.(sharedVariants); ok {
			tokens = newsVariantFilter().filter(tokens, spanned)
			continue
		}
		tokens = f.Filter(tokens)
	}
	t.keep(tokens)
	return filters[len(filters)-1].Filter(tokens)
}

// textBlocks is how many blocks of tokens a TextAnalysis keeps for the
// next document: a text's body and its title twice take a block each, a
// long body a few.
const textBlocks = 6

// isHyphenTokenizer reports whether t is the news tokenizer, whose tokens
// a tokenBuffer can hold.
func isHyphenTokenizer(t analysis.Tokenizer) bool {
	_, ok := t.(*HyphenTokenizer)
	return ok
}

// keep records the tokens and orders what it keeps by start. The terms
// are shared, not copied: no filter writes into a term once the analysis
// is done. The news analyzer gives its tokens in order already.
func (t *TextAnalysis) keep(tokens analysis.TokenStream) {
	t.tokens = slices.Grow(t.tokens[:0], len(tokens))
	for _, tok := range tokens {
		t.tokens = append(t.tokens, keptToken{term: tok.Term, start: tok.Start, end: tok.End, pos: tok.Position, typ: tok.Type})
	}
	byStart := func(a, b keptToken) int { return cmp.Compare(a.start, b.start) }
	if !slices.IsSortedFunc(t.tokens, byStart) {
		slices.SortStableFunc(t.tokens, byStart)
	}
	t.spans = append(t.spans, t.multi...)
	spanByStart := func(a, b span) int { return cmp.Compare(a.start, b.start) }
	if !slices.IsSortedFunc(t.spans, spanByStart) {
		slices.SortFunc(t.spans, spanByStart)
	}
	t.reach = slices.Grow(t.reach[:0], len(t.spans))
	furthest := 0
	for _, s := range t.spans {
		furthest = max(furthest, s.end)
		t.reach = append(t.reach, furthest)
	}
	t.kept = true
}

// Part returns the analyzer of a field whose value is the text's bytes
// from start on. For a field without term vectors it gives what news
// gives: the tokens of the text within the value's bytes where the
// value's words are analysed as they would be alone, and otherwise news's
// own analysis of the value. The value's words are analysed as alone
// where the value is those bytes of the text, holds no ValueSeparator,
// and is cut from its neighbours: nothing that ties words together (a
// token, a hyphenated word, a stop word, a spelling of several words,
// kept or replaced) crosses either of its ends, and no hyphen joins it to
// the next word. The tokens' positions keep their order but not the gaps
// of dropped words, which only term vectors would record.
func (t *TextAnalysis) Part(start int, news analysis.Analyzer) analysis.Analyzer {
	return partAnalyzer{t: t, start: start, news: news}
}

// Positions returns the first and the last position the text's analysis
// gave a token that starts within the text's bytes [start, end): the
// positions of a part of the text, which the text's analysis no longer
// tells by offsets once it has dropped those of lone tokens. ok is false
// where no token starts there, or where the text's analysis is not kept.
func (t *TextAnalysis) Positions(start, end int) (first, last int, ok bool) {
	if t.textMemory == nil || !t.kept {
		return 0, 0, false
	}
	i := sort.Search(len(t.tokens), func(i int) bool { return t.tokens[i].start >= start })
	for ; i < len(t.tokens) && t.tokens[i].start < end; i++ {
		p := t.tokens[i].pos
		if !ok {
			first, last, ok = p, p, true
			continue
		}
		first, last = min(first, p), max(last, p)
	}
	return first, last, ok
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
// bytes from start on, cut from its neighbours (Part); ok is false where
// it is not, or where nothing is kept. It costs a search and a look at
// what lies within the value, so that a text of many quotes costs no more
// than its length.
func (t *TextAnalysis) part(start int, value []byte) (analysis.TokenStream, bool) {
	if !t.kept || start < 0 || start > len(t.text)-len(value) {
		return nil, false
	}
	end := start + len(value)
	if !bytes.Equal(t.text[start:end], value) ||
		bytes.IndexByte(value, ValueSeparator) >= 0 || t.hyphenAt(start, end) {
		return nil, false
	}
	// A span that starts before the value and ends inside or past its
	// start crosses it; so does one that starts inside and ends past it.
	i := sort.Search(len(t.spans), func(i int) bool { return t.spans[i].start >= start })
	if i > 0 && t.reach[i-1] > start {
		return nil, false
	}
	for ; i < len(t.spans) && t.spans[i].start < end; i++ {
		if t.spans[i].end > end {
			return nil, false
		}
	}
	first := sort.Search(len(t.tokens), func(i int) bool { return t.tokens[i].start >= start })
	n := first
	for n < len(t.tokens) && t.tokens[n].start < end {
		n++
	}
	t.partOut = slices.Grow(t.partOut[:0], n-first)[:n-first]
	t.partSlab = slices.Grow(t.partSlab[:0], n-first)[:n-first]
	for j, k := range t.tokens[first:n] {
		t.partSlab[j] = analysis.Token{Term: k.term, Start: k.start - start, End: k.end - start, Position: j + 1, Type: k.typ}
		t.partOut[j] = &t.partSlab[j]
	}
	return t.partOut, true
}

// hyphenAt reports whether a hyphen lies just before start or just at
// end: a value that begins or ends inside a hyphenated word, whose runs
// of joined parts (HyphenTokenizer) start from the word's first part.
func (t *TextAnalysis) hyphenAt(start, end int) bool {
	if start > 0 {
		_, n := utf8.DecodeLastRune(t.text[:start])
		if isHyphen(t.text[start-n : start]) {
			return true
		}
	}
	if end < len(t.text) {
		_, n := utf8.DecodeRune(t.text[end:])
		if isHyphen(t.text[end : end+n]) {
			return true
		}
	}
	return false
}
