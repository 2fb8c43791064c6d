package search

import "sync"

// The counts of one search are as long as the facet fields have values in
// the whole index (tens of thousands of speakers), most of them zero: made
// anew for each search they were a third of the bytes a search allocated,
// and garbage collection the cost of it. They are kept in pools instead,
// and cleared when taken.

var countsPool sync.Pool // of *[]uint32

// takeCounts returns n zeroed counts from the pool.
func takeCounts(n int) []uint32 {
	if p, ok := countsPool.Get().(*[]uint32); ok && cap(*p) >= n {
		s := (*p)[:n]
		clear(s)
		return s
	}
	return make([]uint32, n)
}

// giveCounts hands counts back to the pool for another search.
func giveCounts(s []uint32) {
	if s != nil {
		countsPool.Put(&s)
	}
}

// groupScratch sums the counts of the speaker groups one search met. A
// page's matches name a few hundred of the index's thousands of speakers,
// so the groups are listed as they are first met (touched) and only they
// are summed, ranked and set back to zero: the arrays, as long as the
// index has groups, stay zero between searches and are never cleared
// whole.
type groupScratch struct {
	total   []int
	best    []int32 // 1 + the ordinal of the group's most counted spelling
	touched []uint32
}

var groupScratchPool sync.Pool // of *groupScratch

// takeGroupScratch returns a zeroed groupScratch for groups groups.
func takeGroupScratch(groups int) *groupScratch {
	s, _ := groupScratchPool.Get().(*groupScratch)
	if s == nil {
		s = &groupScratch{}
	}
	if n := groups - len(s.total); n > 0 {
		s.total = append(s.total, make([]int, n)...)
		s.best = append(s.best, make([]int32, n)...)
	}
	return s
}

// give sets the touched groups back to zero and returns s to its pool.
func (s *groupScratch) give() {
	for _, g := range s.touched {
		s.total[g], s.best[g] = 0, 0
	}
	s.touched = s.touched[:0]
	groupScratchPool.Put(s)
}
