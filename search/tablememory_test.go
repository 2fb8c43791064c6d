package search

import (
	"sync"
	"testing"
	"unsafe"
)

// TestTableMemoryPieces checks that pieces never overlap and cannot grow
// into one another, that a piece larger than a chunk is one of its own,
// and that a released memory hands out its chunks again.
func TestTableMemoryPieces(t *testing.T) {
	tests := []struct {
		name  string
		sizes []int
	}{
		{"one", []int{1}},
		{"fill a chunk", []int{chunkSize / 2, chunkSize / 2}},
		{"spill into a second", []int{chunkSize - 3, 4, 10}},
		{"larger than a chunk", []int{5, chunkSize + 1, 5}},
		{"many small", func() []int {
			s := make([]int, 3000)
			for i := range s {
				s[i] = 1 + i%17
			}
			return s
		}()},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var c chunks[int]
			for round := range 2 {
				var pieces [][]int
				for i, n := range tt.sizes {
					p := c.piece(n)
					if len(p) != n || cap(p) != n {
						t.Fatalf("round %d, piece %d: len %d cap %d, want %d", round, i, len(p), cap(p), n)
					}
					for j := range p {
						p[j] = i
					}
					pieces = append(pieces, p)
				}
				for i, p := range pieces {
					for j, v := range p {
						if v != i {
							t.Fatalf("round %d: piece %d[%d] = %d: overwritten by piece %d", round, i, j, v, v)
						}
					}
				}
				c.reset()
				if len(c.used) > 0 || c.cur != nil {
					t.Fatalf("round %d: reset left chunks in use", round)
				}
				if round == 0 && tt.sizes[0] <= chunkSize {
					// The memory goes round again: a piece after the reset
					// is cut from a chunk the first round used.
					spare := len(c.spare)
					p := c.piece(tt.sizes[0])
					if spare == 0 || len(c.spare) != spare-1 || !chunkOf(&c, p) {
						t.Errorf("after reset, a piece of %d is not cut from a spare chunk (%d spare)", tt.sizes[0], spare)
					}
					c.reset()
				}
			}
		})
	}
}

// chunkOf reports whether p lies in one of c's chunks.
func chunkOf(c *chunks[int], p []int) bool {
	all := append(append([][]int{c.cur}, c.used...), c.spare...)
	at := uintptr(unsafe.Pointer(unsafe.SliceData(p)))
	for _, ch := range all {
		base := uintptr(unsafe.Pointer(unsafe.SliceData(ch[:cap(ch)])))
		if at >= base && at < base+uintptr(cap(ch))*unsafe.Sizeof(0) {
			return true
		}
	}
	return false
}

// TestTableMemoryConcurrent has several goroutines take pieces of one
// memory, as the analysis of one batch does; the race detector and the
// contents check that no two share an element.
func TestTableMemoryConcurrent(t *testing.T) {
	mem := newTableMemory()
	defer mem.release()
	var wg sync.WaitGroup
	errs := make(chan string, 4)
	for g := range 4 {
		wg.Go(func() {
			for i := range 500 {
				n := 1 + (i*7+g)%300
				_, locs, _ := mem.vectors(n)
				for j := range locs {
					locs[j].Position = g<<20 | i
				}
				for j := range locs {
					if locs[j].Position != g<<20|i {
						errs <- "a location was handed out twice"
						return
					}
				}
			}
		})
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Fatal(e)
	}
}
