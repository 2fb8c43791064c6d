package main

import (
	"sync"

	"dateline/corpus"
	"dateline/search"
)

// writers is how many batches the indexer has in the index at once. Each
// Put spends most of its time building a bleve segment on one core; two
// keep both cores of a small machine busy while the readers, which
// extract far faster than the index takes articles, stay ahead.
const writers = 2

// writer puts batches into the index from a few goroutines, so that
// building one batch's segment overlaps the next's.
type writer struct {
	x     *search.Index
	queue chan []corpus.Article
	wg    sync.WaitGroup

	mu      sync.Mutex
	indexed int
	err     error
}

func newWriter(x *search.Index, n int) *writer {
	w := &writer{x: x, queue: make(chan []corpus.Article)}
	for range n {
		w.wg.Add(1)
		go func() {
			defer w.wg.Done()
			for batch := range w.queue {
				if w.failed() {
					continue
				}
				err := x.Put(batch)
				w.mu.Lock()
				if err != nil && w.err == nil {
					w.err = err
				}
				if err == nil {
					w.indexed += len(batch)
				}
				w.mu.Unlock()
			}
		}()
	}
	return w
}

// put hands a batch to a free goroutine, waiting for one.
func (w *writer) put(batch []corpus.Article) { w.queue <- batch }

// failed reports whether a Put has failed; later batches are dropped.
func (w *writer) failed() bool {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.err != nil
}

// wait waits for the batches handed over and returns how many articles
// were indexed and the first error.
func (w *writer) wait() (int, error) {
	close(w.queue)
	w.wg.Wait()
	return w.indexed, w.err
}
