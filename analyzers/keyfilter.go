package analyzers

import (
	"encoding/binary"
	"math/bits"
)

// keyFilter is a blocked Bloom filter over byte strings: has is false for
// every string never added, and true for few of them (see bitsPerKey).
// A key sets three bits of one 64-bit word, all taken from one hash
// (keyHash), so that a look costs one memory access: on a machine whose
// caches other programs share, that access is most of the cost.
type keyFilter struct {
	words []uint64
	mask  uint64 // the word numbers' mask
}

// bitsPerKey sizes the filter, rounded up to a power of two: at 16 to 32
// bits a key, three bits in one word report about 1 in 250 to 1 in 1,500
// strings never added, and the gazetteer's 44,000 keys take 128 KiB.
const bitsPerKey = 16

// newKeyFilter returns an empty filter sized for n keys.
func newKeyFilter(n int) keyFilter {
	size := uint64(1) << bits.Len64(uint64(max(n, 64)*bitsPerKey))
	return keyFilter{words: make([]uint64, size/64), mask: size/64 - 1}
}

// probe returns the word of s and the bits it sets there.
func (f *keyFilter) probe(s []byte) (word uint64, bits uint64) {
	h := keyHash(s)
	return h & f.mask, 1<<(h>>40&63) | 1<<(h>>46&63) | 1<<(h>>52&63)
}

// add records s.
func (f *keyFilter) add(s []byte) {
	w, b := f.probe(s)
	f.words[w] |= b
}

// has reports whether s may have been added.
func (f *keyFilter) has(s []byte) bool {
	w, b := f.probe(s)
	return f.words[w]&b == b
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
