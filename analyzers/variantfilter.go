package analyzers

import (
	"strings"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2/analysis"
)

// VariantFilter replaces each spelling of a table with its canonical term.
// A one-word spelling is replaced in place (same position and offsets, so
// highlighting marks the word as written); a spelling of several words
// keeps its words and adds the canonical term at the first word's
// position, spanning them all. It must run before lower-casing (for
// upperOnly) and before stemming, at index and query time alike.
type VariantFilter struct {
	// keys holds every key of the tables and the first word of every entry
	// of several words, so that a token is looked up once, with what the
	// filter knows of it packed in a word (see info): some 45,000 keys
	// name 6,000 canonical terms, each kept once in canons.
	keys   map[string]packedKey
	canons []variantCanon
	// seen is a Bloom filter over the keys that are entries and over the
	// first words of entries of several words: almost every word of a
	// text is neither, or only a first word ("the", "new"), and the
	// filter, small enough for the processor's cache, says so without a
	// look into the large map.
	seen keyFilter
	// upper holds the terms of upperOnly as written in capitals.
	upper []upperTerm
}

// upperTerm is one term of upperOnly, in capitals, and its canonical term.
type upperTerm struct {
	term  string
	canon []byte
}

// packedKey is a key's entry in the filter: the index of its canonical
// term in canons, above the keyEntry and keyStart bits.
type packedKey uint32

const (
	keyEntry packedKey = 1 << iota // the key is a table entry
	keyStart                       // the key begins an entry of several words
	keyShift = iota
)

// variantCanon is a canonical term as the table has it and as tokens take
// it (sharedTerm).
type variantCanon struct {
	canon string
	term  []byte
}

// info returns what the filter knows of a key; the zero value where it has
// no such key.
func (f *VariantFilter) info(key []byte) variantKeyInfo {
	k, ok := f.keys[string(key)]
	if !ok {
		return variantKeyInfo{}
	}
	c := &f.canons[k>>keyShift]
	return variantKeyInfo{canon: c.canon, term: c.term, entry: k&keyEntry != 0, start: k&keyStart != 0}
}

// variantKeyInfo is what the filter knows of one key.
type variantKeyInfo struct {
	canon string
	// term is canon as the term tokens take (sharedTerm).
	term []byte
	// entry tells the key is a table entry (with canon, possibly empty);
	// start, that it begins an entry of several words.
	entry, start bool
}

// sharedTerm returns canon as a term that every token replaced by it may
// share, where canon is plain lower-case ASCII, as canonical terms are:
// no filter of the analyzer writes into such a term (lower-casing writes
// only letters it changes, folding leaves ASCII alone, the stemmer makes
// a new term), and its capacity ends with it, so appending copies it.
// Other terms are nil, and each token gets its own copy.
func sharedTerm(canon string) []byte {
	for i := 0; i < len(canon); i++ {
		if canon[i] >= utf8.RuneSelf || (canon[i] >= 'A' && canon[i] <= 'Z') {
			return nil
		}
	}
	return []byte(canon)[:len(canon):len(canon)]
}

// termOf returns the term a token replaced by canon takes: the shared
// one, or a copy.
func termOf(canon string, shared []byte) []byte {
	if shared != nil {
		return shared
	}
	return []byte(canon)
}

// NewVariantFilter returns a filter over the merged tables; later tables
// win.
func NewVariantFilter(tables ...VariantTable) *VariantFilter {
	t := VariantTable{}
	for _, tab := range tables {
		for k, v := range tab {
			t[k] = v
		}
	}
	f := &VariantFilter{keys: make(map[string]packedKey, len(t))}
	// canons[0] is the empty term, which keys that only begin entries
	// point to.
	f.canons = []variantCanon{{}}
	canonIndex := map[string]packedKey{"": 0}
	for k, c := range t {
		n, ok := canonIndex[c]
		if !ok {
			n = packedKey(len(f.canons))
			canonIndex[c] = n
			f.canons = append(f.canons, variantCanon{c, sharedTerm(c)})
		}
		f.keys[k] |= n<<keyShift | keyEntry
		if first, _, ok := strings.Cut(k, " "); ok {
			f.keys[first] |= keyStart
		}
	}
	f.seen = newKeyFilter(len(f.keys))
	for k, v := range f.keys {
		if v&keyEntry != 0 {
			f.seen.add([]byte(k), entryKind)
		}
		if v&keyStart != 0 {
			f.seen.add([]byte(k), startKind)
		}
	}
	for k, c := range upperOnly {
		// A term in capitals whose key is not k would never match.
		if u := strings.ToUpper(k); tokenKey([]byte(u)) == k {
			f.upper = append(f.upper, upperTerm{u, []byte(c)})
		}
	}
	return f
}

// Filter rewrites the stream. It runs over every word of every text
// indexed and of every snippet shown, so keys are built in a buffer on the
// stack and looked up without a string each, and the tokens of entries of
// several words are put into the stream where it has room
// (insertTokens) rather than into a copy.
func (f *VariantFilter) Filter(input analysis.TokenStream) analysis.TokenStream {
	return f.filter(input, nil)
}

// filter is Filter, telling spanned, where not nil, the byte span of each
// spelling of several words it finds: one it adds a token for, and one
// whose canonical term is empty, which only keeps its words from being
// replaced ("latin america") and adds no token that would show it.
func (f *VariantFilter) filter(input analysis.TokenStream, spanned func(start, end int)) analysis.TokenStream {
	var local [16]insertion
	adds := local[:0]
	var buf [keyBuffer]byte
	for i := 0; i < len(input); {
		n, canon, shared := f.match(input, i, buf[:0])
		if n == 0 {
			for _, u := range f.upper {
				if string(input[i].Term) == u.term {
					input[i].Term = append([]byte(nil), u.canon...)
				}
			}
			i++
			continue
		}
		if n > 1 && spanned != nil {
			spanned(input[i].Start, input[i+n-1].End)
		}
		switch {
		case canon == "":
		case n == 1:
			input[i].Term = termOf(canon, shared)
		default:
			adds = append(adds, insertion{i, &analysis.Token{
				Term: termOf(canon, shared), Start: input[i].Start, End: input[i+n-1].End,
				Position: input[i].Position, Type: input[i].Type,
			}})
		}
		i += n
	}
	return insertTokens(input, adds)
}

// keyBuffer is the room on the stack for the key of a spelling of
// maxVariantWords words; longer keys grow it on the heap.
const keyBuffer = 128

// appendKey appends the key of one token (tokenKey) to buf: for plain
// ASCII, the common case, its lower case (folding changes no ASCII
// letter), without a string.
func appendKey(buf []byte, term []byte) []byte {
	for _, b := range term {
		if b >= utf8.RuneSelf || b == ' ' {
			return append(buf, tokenKey(term)...)
		}
	}
	for _, b := range term {
		if b >= 'A' && b <= 'Z' {
			b += 'a' - 'A'
		}
		buf = append(buf, b)
	}
	return buf
}

// match finds the longest table entry starting at token i, over tokens at
// consecutive positions; n is 0 where none does. It returns the entry's
// canonical term and its shared form (variantKeyInfo.term). buf is
// scratch space.
func (f *VariantFilter) match(input analysis.TokenStream, i int, buf []byte) (n int, canon string, shared []byte) {
	key := appendKey(buf, input[i].Term)
	p := f.seen.probe(key)
	word := f.seen.load(p)
	start := has(word, p, startKind)
	if has(word, p, entryKind) {
		info := f.info(key)
		if info.entry {
			n, canon, shared = 1, info.canon, info.term
		}
		start = info.start
	}
	// Where the filter alone said start, it may be wrong; then no entry
	// of several words begins with the word, and the look below finds
	// none.
	if !start {
		return n, canon, shared
	}
	for k := 1; k < maxVariantWords && i+k < len(input); k++ {
		if input[i+k].Position != input[i+k-1].Position+1 {
			break
		}
		key = appendKey(append(key, ' '), input[i+k].Term)
		p := f.seen.probe(key)
		if !has(f.seen.load(p), p, entryKind) {
			continue
		}
		if info := f.info(key); info.entry {
			n, canon, shared = k+1, info.canon, info.term
		}
	}
	return n, canon, shared
}
