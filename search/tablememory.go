package search

import (
	"sync"

	"github.com/blevesearch/bleve/v2/document"
	index "github.com/blevesearch/bleve_index_api"
)

// tableMemory is the memory the term tables of one batch's documents are
// built in (freqBuilder): their entries and locations. A batch takes it
// from a pool, its documents' fields build their tables in it
// (newDocument), and the batch gives it back once the index has read the
// tables, when the batch is written (release), so that the next batch
// builds its tables in the same memory: on Reuters-21578 the tables were
// a quarter of the bytes indexing allocated.
//
// Each kind of element is handed out in pieces cut end to end from chunks
// of a fixed size; a piece larger than a chunk gets a slice of its own,
// not kept. The analysis of a batch runs on several goroutines, which
// share the memory under its lock. A nil *tableMemory hands out new
// memory.
type tableMemory struct {
	mu      sync.Mutex
	freq    chunks[index.TokenFreq]
	locs    chunks[index.TokenLocation]
	ptrs    chunks[*index.TokenLocation]
	entries chunks[*index.TokenFreq]
}

// chunkSize is how many elements a chunk holds: a few hundred kilobytes,
// the pieces of some hundred documents.
const chunkSize = 8192

var tableMemories = sync.Pool{New: func() any { return new(tableMemory) }}

// newTableMemory returns a memory from the pool.
func newTableMemory() *tableMemory { return tableMemories.Get().(*tableMemory) }

// chunks hands out pieces of chunks of one kind of element.
type chunks[T any] struct {
	cur   []T   // the chunk pieces are cut from
	used  [][]T // the chunks cut before cur
	spare [][]T // empty chunks
}

// piece returns n elements, not yet cleared.
func (c *chunks[T]) piece(n int) []T {
	if n > chunkSize {
		return make([]T, n)
	}
	if cap(c.cur)-len(c.cur) < n {
		if c.cur != nil {
			c.used = append(c.used, c.cur)
		}
		if k := len(c.spare); k > 0 {
			c.cur, c.spare = c.spare[k-1][:0], c.spare[:k-1]
		} else {
			c.cur = make([]T, 0, chunkSize)
		}
	}
	k := len(c.cur)
	c.cur = c.cur[:k+n]
	return c.cur[k : k+n : k+n]
}

// reset makes every chunk spare.
func (c *chunks[T]) reset() {
	if c.cur != nil {
		c.used = append(c.used, c.cur)
		c.cur = nil
	}
	c.spare = append(c.spare, c.used...)
	clear(c.used)
	c.used = c.used[:0]
}

// freqs returns room for n table entries.
func (m *tableMemory) freqs(n int) []index.TokenFreq {
	if m == nil {
		return make([]index.TokenFreq, n)
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.freq.piece(n)
}

// vectors returns what the term vectors of a value of n tokens are built
// in: an entry pointer, a location and a location pointer per token,
// taken together under one lock.
func (m *tableMemory) vectors(n int) ([]*index.TokenFreq, []index.TokenLocation, []*index.TokenLocation) {
	if m == nil {
		return make([]*index.TokenFreq, n), make([]index.TokenLocation, n), make([]*index.TokenLocation, n)
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.entries.piece(n), m.locs.piece(n), m.ptrs.piece(n)
}

// release puts the memory back in the pool. Nothing handed out may be
// read after: the Batch of the documents built in it has returned. What
// the chunks held is left as it is: it points into this memory and into
// pooled token buffers only, and every piece handed out again is written
// before it is read.
func (m *tableMemory) release() {
	m.mu.Lock()
	m.freq.reset()
	m.locs.reset()
	m.ptrs.reset()
	m.entries.reset()
	m.mu.Unlock()
	tableMemories.Put(m)
}

// withTables has the fields of d build their tables in mem.
func withTables(d *document.Document, mem *tableMemory) {
	for _, f := range d.Fields {
		if f, ok := f.(*indexedField); ok {
			f.mem = mem
		}
	}
}
