package analyzers

import (
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/segment"
)

// splitWords splits input into words exactly as bleve's unicode tokenizer
// does (blevesearch/segment, UAX #29 word boundaries): the same terms,
// offsets, positions and types, and the same early end where the segmenter
// gives up on invalid UTF-8. News is almost all ASCII and typographic
// quotes and dashes (knownRune), where the rules reduce to a few lines
// (asciiWords); every stretch holding another byte beyond ASCII goes to
// the segmenter itself (segmentWords), cut out of the text at places
// where the segmenter is known to start a new segment (isCutPoint), so
// the two agree on every input. It also returns how many words follow
// the word before after a single hyphen (isHyphen), which the hyphen
// joins need.
//
// The stream has room for a word every wordRoom bytes, more than news
// has, so that it need not grow and joined forms and place names of
// several words can be put into it (insertTokens).
func splitWords(input []byte) (words analysis.TokenStream, hyphenPairs int) {
	return splitWordsInto(input, nil)
}

// splitWordsInto is splitWords with the stream and its tokens taken from
// buf where it is not nil (tokenBuffer.reset starts a text; the values of
// one text each take their own blocks).
func splitWordsInto(input []byte, buf *tokenBuffer) (words analysis.TokenStream, hyphenPairs int) {
	w := wordSplitter{input: input, pos: 1, buf: buf}
	room := len(input)/wordRoom + 4
	if buf == nil {
		w.out = make(analysis.TokenStream, 0, room)
	} else {
		w.out = buf.stream(room)
	}
	done := 0
	for done < len(input) {
		k := indexUnknown(input, done)
		if k < 0 {
			w.asciiWords(done, len(input))
			break
		}
		from := k
		for from > done && !isCutPoint(input, from) {
			from--
		}
		w.asciiWords(done, from)
		to := k + 1
		for to < len(input) && !isCutPoint(input, to) {
			to++
		}
		if !w.segmentWords(from, to) {
			break
		}
		done = to
	}
	return w.out, w.pairs
}

// wordEstimate is about the bytes of news text per word, with its space
// and punctuation: the first guess of how many tokens a text holds.
const wordEstimate = 6

// wordRoom is fewer bytes per word than news has (about 5.8 bytes with
// spaces and punctuation): the stream of words is made with room for one
// every wordRoom bytes.
const wordRoom = 5

// wordSplitter holds the state of one splitWords call.
type wordSplitter struct {
	input []byte
	out   analysis.TokenStream
	// slab holds the tokens out points to, allocated in blocks rather
	// than one by one.
	slab []analysis.Token
	// buf, where it is not nil, gives the stream and the blocks.
	buf *tokenBuffer
	pos int
	// lastEnd is the end of the last word; pairs counts the words that
	// follow the one before after a single hyphen.
	lastEnd, pairs int
}

// emit appends a token for term, which is input[start:end].
func (w *wordSplitter) emit(term []byte, start, end int, typ analysis.TokenType) {
	if len(w.slab) == cap(w.slab) {
		if w.buf != nil {
			w.slab = w.buf.block()
		} else {
			// A block sized for the rest of the input: a short value,
			// such as a name, takes a few tokens rather than a block
			// of 16 to clear (indexing Reuters-21578 allocated 170 MB
			// less of its 3.1 GB).
			n := (len(w.input)-start)/wordEstimate + 1
			w.slab = make([]analysis.Token, 0, min(max(n, 4), maxSlab))
		}
	}
	w.slab = append(w.slab, analysis.Token{
		Term:     term,
		Start:    start,
		End:      end,
		Position: w.pos,
		Type:     typ,
	})
	w.out = append(w.out, &w.slab[len(w.slab)-1])
	if w.pos > 1 && isHyphen(w.input[w.lastEnd:start]) {
		w.pairs++
	}
	w.lastEnd = end
	w.pos++
}

// maxSlab bounds one block of tokens, so a long text does not keep one
// huge block alive for a few tokens still in use.
const maxSlab = 1024

// tokenBuffer is the memory of the token streams of one analyzer that is
// used by one goroutine, text after text (WithStemCache): its stream and
// blocks of tokens serve the next text again, rather than becoming
// garbage a few kilobytes a text.
type tokenBuffer struct {
	out    analysis.TokenStream
	blocks [][]analysis.Token
	used   int // blocks the current text has taken
	joined []analysis.Token
	// keep, where more than keptBlocks, is how many blocks the buffer
	// keeps between texts.
	keep int
}

// reset starts a text: it takes back every block and joined token.
func (b *tokenBuffer) reset() {
	b.used = 0
	// A long text's blocks are let go: the buffer keeps what a news
	// article of up to 2,000 words takes (keep, at least keptBlocks).
	keep := max(b.keep, keptBlocks)
	if len(b.blocks) > keep {
		clear(b.blocks[keep:])
		b.blocks = b.blocks[:keep]
	}
	b.joined = b.joined[:0]
}

// stream returns the stream of the current text, or of its value, empty,
// with room for at least room tokens.
func (b *tokenBuffer) stream(room int) analysis.TokenStream {
	if cap(b.out) < room {
		b.out = make(analysis.TokenStream, 0, room)
	}
	return b.out[:0]
}

// token returns a token for the current text's joined forms: the
// buffer's where b is not nil, a new one otherwise.
func (b *tokenBuffer) token() *analysis.Token {
	if b == nil {
		return new(analysis.Token)
	}
	if len(b.joined) == cap(b.joined) {
		// The tokens handed out before stay where they are.
		b.joined = make([]analysis.Token, 0, max(16, 2*cap(b.joined)))
	}
	b.joined = append(b.joined, analysis.Token{})
	return &b.joined[len(b.joined)-1]
}

// keptBlocks is how many blocks of tokens a tokenBuffer keeps between
// texts.
const keptBlocks = 2

// block returns an empty block of maxSlab tokens for the current text.
func (b *tokenBuffer) block() []analysis.Token {
	if b.used == len(b.blocks) {
		b.blocks = append(b.blocks, make([]analysis.Token, 0, maxSlab))
	}
	b.used++
	return b.blocks[b.used-1][:0]
}

// asciiWords splits input[from:to], all ASCII or known runes (knownRune),
// between two places where the segmenter starts a segment. For ASCII, UAX #29 as the segmenter
// implements it (its longest match over its rules) makes a word of
// letters, digits and underscores, where a letter joiner (':', '.', apostrophe)
// between two letters and a number joiner (',', ';', '.', apostrophe) between
// two digits also belong to the word; any other byte is a segment of its
// own that is no word. A word is a number if it has digits and no letter.
func (w *wordSplitter) asciiWords(from, to int) {
	in := w.input[:to]
	for i := from; i < to; {
		c, size := classAt(in, i)
		if !isWordClass(c) {
			i += size
			continue
		}
		start := i
		seen := c
		prev := c
		for i += size; i < to; {
			c, size = classAt(in, i)
			if !isWordClass(c) {
				if c&joiner == 0 || i+size >= to {
					break
				}
				next, nsize := classAt(in, i+size)
				if !isWordClass(next) || prev&next&c&(letter|digit) == 0 {
					break
				}
				i += size
				c, size = next, nsize
			}
			seen |= c
			prev = c
			i += size
		}
		typ := analysis.AlphaNumeric
		if seen&(letter|digit) == digit {
			typ = analysis.Numeric
		}
		w.emit(in[start:i], start, i, typ)
	}
}

// segmentWords splits input[from:to] with the segmenter, as bleve's
// unicode tokenizer does. It reports false where the segmenter stopped
// before the end, as it does at some invalid UTF-8: the whole text ends
// there, as it does for bleve.
func (w *wordSplitter) segmentWords(from, to int) bool {
	s := segment.NewWordSegmenterDirect(w.input[from:to])
	at := from
	for s.Segment() {
		b := s.Bytes()
		end := at + len(b)
		if t := s.Type(); t != segment.None {
			w.emit(b, at, end, tokenType(t))
		}
		at = end
	}
	return at == to
}

// tokenType is bleve's token type for a segment type.
func tokenType(t int) analysis.TokenType {
	switch t {
	case segment.Ideo, segment.Kana:
		return analysis.Ideographic
	case segment.Number:
		return analysis.Numeric
	}
	return analysis.AlphaNumeric
}

// Classes of ASCII bytes in UAX #29 word breaking, as bits so that one AND
// tells whether a joiner joins its neighbours.
const (
	letter     = 1 << iota // ALetter: A–Z, a–z
	digit                  // Numeric: 0–9
	underscore             // ExtendNumLet: '_'
	joiner                 // MidLetter, MidNum, MidNumLet, Single_Quote
	cut                    // a byte before which a segment always starts
)

// isWordClass reports whether c is the class of a letter, digit or
// underscore, which begin a word (a joiner carries letter or digit too).
func isWordClass(c uint8) bool {
	return c != 0 && c&(joiner|cut) == 0
}

// asciiClass gives each ASCII byte its classes; a joiner also carries the
// classes it joins (letter for ':', digit for ',' and ';', both for '.'
// and the apostrophe).
var asciiClass = func() (t [utf8.RuneSelf]uint8) {
	for b := range t {
		switch {
		case b >= 'a' && b <= 'z', b >= 'A' && b <= 'Z':
			t[b] = letter
		case b >= '0' && b <= '9':
			t[b] = digit
		case b == '_':
			t[b] = underscore
		case b == ':':
			t[b] = joiner | letter
		case b == ',', b == ';':
			t[b] = joiner | digit
		case b == '.', b == '\'':
			t[b] = joiner | letter | digit
		case b == '"', b == '\n':
			// '"' joins Hebrew letters, and '\n' ends "\r\n": neither is
			// a safe place to cut.
		default:
			t[b] = cut
		}
	}
	return t
}()

// classAt returns the class of the ASCII byte or known rune at in[i], and
// its size in bytes.
func classAt(in []byte, i int) (class uint8, size int) {
	if b := in[i]; b < utf8.RuneSelf {
		return asciiClass[b], 1
	}
	class, size = knownRune(in[i:])
	// Callers pass only ASCII and known runes; a size of 0 would never
	// move on.
	return class, max(size, 1)
}

// knownRune returns the class and size of the rune at the start of s
// where it is one the splitter knows besides ASCII, and size 0 where it
// is not: the typographic quotes and dashes of news. The single quotes
// are MidNumLet in the segmenter's tables (so "Ukraine’s" is one word),
// the double quotes and dashes in no class, like most ASCII punctuation;
// none is a place to cut.
func knownRune(s []byte) (class uint8, size int) {
	if len(s) < 3 || s[0] != 0xe2 || s[1] != 0x80 {
		return 0, 0
	}
	switch s[2] {
	case 0x98, 0x99: // ‘ ’
		return joiner | letter | digit, 3
	case 0x9c, 0x9d, 0x93, 0x94: // “ ” – —
		return 0, 3
	}
	return 0, 0
}

// isCutPoint reports whether the segmenter surely starts a segment at
// input[i]: an ASCII byte that is never inside a segment, after at least
// three ASCII bytes (or the text's start), so that no multi-byte sequence,
// which the segmenter's tables read even where invalid, can reach it.
func isCutPoint(input []byte, i int) bool {
	if input[i] >= utf8.RuneSelf || asciiClass[input[i]]&cut == 0 {
		return false
	}
	for j := max(i-(utf8.UTFMax-1), 0); j < i; j++ {
		if input[j] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// indexUnknown returns the index of the first byte of input from from on
// that is neither ASCII nor part of a known rune (knownRune), or -1.
func indexUnknown(input []byte, from int) int {
	for i := from; i < len(input); i++ {
		if input[i] >= utf8.RuneSelf {
			_, size := knownRune(input[i:])
			if size == 0 {
				return i
			}
			i += size - 1
		}
	}
	return -1
}
