package corpus

import (
	"unicode"
	"unicode/utf8"
)

// tokKind is what a token of the quote scanner is.
type tokKind uint8

const (
	tokWord  tokKind = iota // letters or digits, with inner hyphens, apostrophes and dots
	tokPunct                // one punctuation character
	tokOpen                 // a mark that opens a quotation
	tokClose                // a mark that closes a quotation
	tokAmb                  // a straight double quote whose side only the pairing decides
)

// token is one word, punctuation mark or quotation mark of a body, by its
// byte range, so that quotes keep their offsets in Body.
type qtoken struct {
	s, e   int32
	para   int32
	kind   tokKind
	single bool // a single quotation mark (‘ ’ ')
	cap    bool // the word starts with an upper-case letter
	poss   bool // the word ends in a possessive 's
	quote  int32
}

// quoteSpan is one quotation: the token indices of its marks. end is the
// closing mark, or for a quotation left open the first token after it.
type quoteSpan struct {
	open, end int
	closed    bool // ended by its own closing mark
	// cont is true for a quotation that opens a paragraph after one that
	// ran to the end of the previous paragraph unclosed: the same speech.
	cont bool
}

// tokenizeQuotes splits body into tokens. It scans bytes and decodes runes only
// off the ASCII path: the scanner runs on every article indexed.
func tokenizeQuotes(body string, toks []qtoken) []qtoken {
	para := int32(0)
	n := len(body)
	for i := 0; i < n; {
		c := body[i]
		switch {
		case c == '\n':
			if i+1 < n && body[i+1] == '\n' {
				para++
				for i < n && (body[i] == '\n' || body[i] == ' ' || body[i] == '\t' || body[i] == '\r') {
					i++
				}
				continue
			}
			i++
			continue
		case c == ' ' || c == '\t' || c == '\r':
			i++
			continue
		case c < utf8.RuneSelf && isASCIIAlnum(c):
			j, poss := scanWord(body, i)
			toks = append(toks, qtoken{s: int32(i), e: int32(j), para: para, kind: tokWord, cap: c >= 'A' && c <= 'Z', poss: poss})
			i = j
			continue
		case c == '"':
			// A mark with a space on both sides is a stray: pairing it would
			// turn the rest of the paragraph inside out.
			if k := straightSide(body, i, 1); k != tokAmb {
				toks = append(toks, qtoken{s: int32(i), e: int32(i + 1), para: para, kind: k})
			}
			i++
			continue
		case c == '\'':
			if k := straightSide(body, i, 1); k != tokAmb {
				toks = append(toks, qtoken{s: int32(i), e: int32(i + 1), para: para, kind: k, single: true})
			}
			i++
			continue
		case c < utf8.RuneSelf:
			toks = append(toks, qtoken{s: int32(i), e: int32(i + 1), para: para, kind: tokPunct})
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(body[i:])
		t := qtoken{s: int32(i), e: int32(i + size), para: para, kind: tokPunct}
		switch r {
		case '“', '„', '«':
			t.kind = tokOpen
		case '”', '»':
			t.kind = tokClose
		case '‘':
			t.kind, t.single = tokOpen, true
		case '’':
			t.kind, t.single = tokClose, true
		default:
			if unicode.IsSpace(r) {
				i += size
				continue
			}
			if unicode.IsLetter(r) || unicode.IsDigit(r) {
				j, poss := scanWord(body, i)
				t.e, t.kind, t.cap, t.poss = int32(j), tokWord, unicode.IsUpper(r), poss
			}
		}
		toks = append(toks, t)
		i = int(t.e)
	}
	return toks
}

func isASCIIAlnum(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}

// quoteWordAt reports whether the rune at body[i:] is a letter or digit.
func quoteWordAt(body string, i int) bool {
	if i >= len(body) {
		return false
	}
	if c := body[i]; c < utf8.RuneSelf {
		return isASCIIAlnum(c)
	}
	r, _ := utf8.DecodeRuneInString(body[i:])
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

// scanWord returns the end of the word starting at i, and whether it ends
// in a possessive 's. Hyphens, apostrophes and dots stay inside a word when
// a letter or digit follows them ("Putin’s", "hasn't", "U.S.", "3.2bn").
func scanWord(body string, i int) (int, bool) {
	n := len(body)
	j := i
	dotted := false
	for j < n {
		c := body[j]
		if c < utf8.RuneSelf {
			if isASCIIAlnum(c) {
				j++
				continue
			}
			if (c == '-' || c == '\'' || c == '.' || c == ',' || c == '&') && quoteWordAt(body, j+1) {
				if c == ',' && !(j > i && body[j-1] >= '0' && body[j-1] <= '9' && body[j+1] >= '0' && body[j+1] <= '9') {
					break
				}
				if c == '.' {
					// Only initials and numbers keep a dot: "U.S.", "3.2".
					if j-i > 1 && body[j-2] != '.' && !(body[j-1] >= '0' && body[j-1] <= '9') {
						break
					}
					dotted = true
				}
				j++
				continue
			}
			if c == '.' && dotted && j-i >= 2 && body[j-2] == '.' {
				j++ // the last dot of "U.S."
			}
			break
		}
		r, size := utf8.DecodeRuneInString(body[j:])
		if r == '’' && quoteWordAt(body, j+size) {
			j += size
			continue
		}
		if unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r) {
			j += size
			continue
		}
		break
	}
	w := body[i:j]
	poss := len(w) > 2 && (w[len(w)-1] == 's' || w[len(w)-1] == 'S') &&
		(w[len(w)-2] == '\'' || len(w) > 4 && w[len(w)-4:len(w)-1] == "’")
	return j, poss
}

// straightSide tells an opening from a closing straight quote by the
// characters around it: a quote after a space and before a letter opens,
// one after a letter or stop and before a space closes.
func straightSide(body string, i, size int) tokKind {
	before := i == 0 || body[i-1] == ' ' || body[i-1] == '\n' || body[i-1] == '(' || body[i-1] == '[' || body[i-1] == '\t'
	if !before && i >= 3 {
		// An em or en dash before the quote counts as a space.
		if body[i-3] == 0xe2 && body[i-2] == 0x80 && (body[i-1] == 0x94 || body[i-1] == 0x93) {
			before = true
		}
	}
	j := i + size
	after := j >= len(body) || body[j] == ' ' || body[j] == '\n' || body[j] == ',' || body[j] == '.' || body[j] == ';' || body[j] == ':' || body[j] == ')' || body[j] == '?' || body[j] == '!'
	switch {
	case before && !after:
		return tokOpen
	case !before && after:
		return tokClose
	case !before && !after:
		if body[i] == '\'' {
			return tokAmb // an apostrophe inside a word
		}
		return tokClose
	}
	return tokAmb
}

// markQuotes pairs the quotation marks of each paragraph into spans and
// sets each token's quote. A mark that opens while a quotation is open
// closes it first: the paragraphs of some sources were run together, and
// each of their paragraphs opened a quotation that the next one continues.
// Single quotation marks count only outside double ones and when they pair
// within a paragraph; otherwise they are apostrophes.
func markQuotes(toks []qtoken, spans []quoteSpan) []quoteSpan {
	dOpen, sOpen := -1, -1
	openEnd := false
	for i := 0; i <= len(toks); i++ {
		if i == len(toks) || i > 0 && toks[i].para != toks[i-1].para {
			openEnd = dOpen >= 0
			if openEnd {
				spans = append(spans, quoteSpan{open: dOpen, end: i})
			}
			dOpen, sOpen = -1, -1
			if i == len(toks) {
				break
			}
		}
		t := &toks[i]
		if t.kind < tokOpen {
			continue
		}
		if t.single {
			switch {
			case dOpen >= 0:
			case t.kind == tokOpen && sOpen < 0:
				sOpen = i
			case t.kind == tokClose && sOpen >= 0:
				spans = append(spans, quoteSpan{open: sOpen, end: i, closed: true})
				sOpen = -1
			}
			continue
		}
		kind := t.kind
		if kind == tokAmb {
			kind = tokOpen
			if dOpen >= 0 {
				kind = tokClose
			}
		}
		if kind == tokOpen {
			if dOpen >= 0 {
				spans = append(spans, quoteSpan{open: dOpen, end: i})
			}
			sOpen = -1
			dOpen = i
			continue
		}
		if dOpen >= 0 {
			spans = append(spans, quoteSpan{open: dOpen, end: i, closed: true})
			dOpen = -1
		}
	}
	for k := range spans {
		sp := &spans[k]
		o := sp.open
		sp.cont = (o == 0 || toks[o-1].para != toks[o].para) && o > 0 && k > 0 &&
			!spans[k-1].closed && spans[k-1].end == o
		last := sp.end
		if sp.closed {
			last++
		}
		for j := o; j < last && j < len(toks); j++ {
			toks[j].quote = int32(k + 1)
		}
	}
	return spans
}
