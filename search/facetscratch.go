package search

import "sync"

// The counts of one search are as long as the facet fields have values in
// the whole index (tens of thousands of speakers), most of them zero: made
// anew for each search they were a third of the bytes a search allocated,
// and garbage collection the cost of it. They are kept in pools instead,
// and cleared when taken.

var (
	countsPool sync.Pool // of *[]uint32
	intsPool   sync.Pool // of *[]int
	int32sPool sync.Pool // of *[]int32
)

// takeSlice returns a zeroed slice of n elements from pool.
func takeSlice[T uint32 | int | int32](pool *sync.Pool, n int) []T {
	if p, ok := pool.Get().(*[]T); ok && cap(*p) >= n {
		s := (*p)[:n]
		clear(s)
		return s
	}
	return make([]T, n)
}

// giveSlice hands s back to pool for another search.
func giveSlice[T uint32 | int | int32](pool *sync.Pool, s []T) {
	if s != nil {
		pool.Put(&s)
	}
}
