package analyzers

import (
	"encoding/binary"
	"math/bits"
)

// keyFilter is a blocked Bloom filter over byte strings of two kinds (a
// table's entries and the first words of its entries of several words):
// has is false for every string never added as that kind, and true for
// few of them (see bitsPerKey). A string's bits of both kinds lie in one
// 64-bit word, three bits a kind, all taken from one hash (keyHash), so
// that one memory access answers both: on a machine whose caches other
// programs share, that access is most of the cost.
type keyFilter struct {
	words []uint64
	mask  uint64 // the word numbers' mask
}

// keyKind is a kind of string a keyFilter holds.
type keyKind uint8

const (
	entryKind keyKind = iota // a key of the table
	startKind                // the first word of a key of several words
)

// bitsPerKey sizes the filter, rounded up to a power of two: at 16 to 32
// bits a key, three bits a kind in one word report about 1 in 250 to 1 in
// 1,500 strings never added, and the gazetteer's 44,000 keys take
// 128 KiB.
const bitsPerKey = 16

// newKeyFilter returns an empty filter sized for n keys.
func newKeyFilter(n int) keyFilter {
	size := uint64(1) << bits.Len64(uint64(max(n, 64)*bitsPerKey))
	return keyFilter{words: make([]uint64, size/64), mask: size/64 - 1}
}

// probe is where a string's bits lie: its word of the filter, and its
// hash, which chooses the bits of each kind there.
type probe struct{ word, hash uint64 }

// probe returns the probe of s.
func (f *keyFilter) probe(s []byte) probe {
	h := keyHash(s)
	return probe{h & f.mask, h}
}

// kindBits returns the bits of kind k for hash h, three of the word's 64.
func kindBits(h uint64, k keyKind) uint64 {
	if k == startKind {
		h *= 0x9e3779b97f4a7c15
	}
	return 1<<(h>>40&63) | 1<<(h>>46&63) | 1<<(h>>52&63)
}

// add records s as kind k.
func (f *keyFilter) add(s []byte, k keyKind) {
	p := f.probe(s)
	f.words[p.word] |= kindBits(p.hash, k)
}

// load returns the filter's word of p, to ask has of.
func (f *keyFilter) load(p probe) uint64 {
	return f.words[p.word]
}

// has reports whether the string of p may have been added as kind k;
// word is the filter's word of p (load).
func has(word uint64, p probe, k keyKind) bool {
	b := kindBits(p.hash, k)
	return word&b == b
}

// keyHash mixes s eight bytes at a time. It is inlined arithmetic rather
// than hash/maphash because the filter asks for a hash of nearly every
// word, and words are short; it has no seed, so text made to collide only
// sends more words on to the map, which gives the same answers.
func keyHash(s []byte) uint64 {
	h := uint64(len(s)) * 0x9e3779b97f4a7c15
	for len(s) >= 8 {
		h = (h ^ binary.LittleEndian.Uint64(s)) * 0xff51afd7ed558ccd
		h ^= h >> 32
		s = s[8:]
	}
	var t uint64
	for i, b := range s {
		t |= uint64(b) << (8 * i)
	}
	h = (h ^ t) * 0xc4ceb9fe1a85ec53
	return h ^ h>>29
}
