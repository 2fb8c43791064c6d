package analyzers

import (
	"encoding/binary"
	"math/bits"
)

// keyFilter is a Bloom filter over byte strings: has is false for every
// string never added, and true for few of them (see bitsPerKey). Two bits
// a key, both taken from one hash (keyHash).
type keyFilter struct {
	words []uint64
	mask  uint64
}

// bitsPerKey sizes the filter, rounded up to a power of two: 2 probes at
// 16 to 32 bits a key report about 1 in 70 to 1 in 260 strings never
// added, and the gazetteer's 44,000 keys take 128 KiB, which the
// processor's cache holds.
const bitsPerKey = 16

// newKeyFilter returns an empty filter sized for n keys.
func newKeyFilter(n int) keyFilter {
	size := uint64(1) << bits.Len64(uint64(max(n, 64)*bitsPerKey))
	return keyFilter{words: make([]uint64, size/64), mask: size - 1}
}

// probes returns the two bit numbers of s.
func (f *keyFilter) probes(s []byte) (uint64, uint64) {
	h := keyHash(s)
	return h & f.mask, (h >> 32) & f.mask
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

// add records s.
func (f *keyFilter) add(s []byte) {
	a, b := f.probes(s)
	f.words[a/64] |= 1 << (a % 64)
	f.words[b/64] |= 1 << (b % 64)
}

// has reports whether s may have been added.
func (f *keyFilter) has(s []byte) bool {
	a, b := f.probes(s)
	return f.words[a/64]&(1<<(a%64)) != 0 && f.words[b/64]&(1<<(b%64)) != 0
}
