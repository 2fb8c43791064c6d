package search

import (
	"context"
	"encoding/binary"
	"fmt"

	"github.com/blevesearch/bleve/v2/mapping"
	"github.com/blevesearch/bleve/v2/search"
	index "github.com/blevesearch/bleve_index_api"
)

// A search with many matches uses both halves of the machine.
//
// Every match of a search is scored and counted, and at a million
// articles a common word matches hundreds of thousands: the time a search
// takes grows with its matches, and one goroutine walks them all while
// other cores wait. A search whose terms match at least splitMatches
// documents is cut in two at the middle document number: the counting
// searcher walks the first half as the collector pulls it, and a second
// counting searcher over the same snapshot, with a page bound and facet
// counts of its own, walks the second half in another goroutine. When the
// first half ends, the counts are added, and the second half's documents
// that might reach the page follow the first's to the collector, which
// orders them all as it would have. The page, the total and the counts
// are the same; where a core is free, the time is about 0.6 of what one
// goroutine takes.

// splitMatches is how many matches (as the searcher estimates them before
// it starts) a search needs for it to be split: below it, starting a
// goroutine and a second set of posting readers costs more than it saves.
// Tests lower it to split small searches.
var splitMatches uint64 = 20_000

// otherHalf is the second half of a split search.
type otherHalf struct {
	searcher *countingSearcher
	first    index.IndexInternalID
	done     chan struct{}
	// What the goroutine found, read after done is closed: the matches
	// that may reach the page, and the error that stopped it.
	kept []halfMatch
	err  error
	// next is the next of kept to hand on, once the first half is done;
	// waited tells whether it was.
	next   int
	waited bool
}

// halfMatch is a match of the second half, copied out of its goroutine's
// pool.
type halfMatch struct {
	id    index.IndexInternalID
	score float64
}

// split starts the second half of s's search, from document number from.
// The second half's searcher and counts are made in its own goroutine,
// which the first half does not wait for: made by the first half's
// goroutine, they came from its processor's allocation cache, beside the
// first half's, and shared cache lines with it that both halves wrote at
// every match; each half then ran at a third of its speed.
func (q *countingQuery) split(ctx context.Context, r index.IndexReader, m mapping.IndexMapping, opts search.SearcherOptions, s *countingSearcher, from uint64) {
	h := &otherHalf{first: binary.BigEndian.AppendUint64(nil, from), done: make(chan struct{})}
	s.half, s.end = h, h.first
	go func() {
		defer close(h.done)
		counter := newFacetCounter(q.counter.tables)
		counter.start(q.counter.views)
		h.searcher, h.err = q.boundSearcher(ctx, r, m, opts, counter)
		if h.err != nil {
			counter.done()
			h.err = fmt.Errorf("splitting the search: %w", h.err)
			return
		}
		h.run(r)
	}()
}

// run walks the second half, keeping the matches that may reach the page.
func (h *otherHalf) run(r index.IndexReader) {
	sctx := &search.SearchContext{DocumentMatchPool: search.NewDocumentMatchPool(h.searcher.DocumentMatchPoolSize(), 0), IndexReader: r}
	dm, err := h.searcher.Advance(sctx, h.first)
	for dm != nil && err == nil {
		h.kept = append(h.kept, halfMatch{id: append(index.IndexInternalID(nil), dm.IndexInternalID...), score: dm.Score})
		sctx.DocumentMatchPool.Put(dm)
		dm, err = h.searcher.Next(sctx)
	}
	h.err = err
}

// wait waits for the second half and adds its counts to counter's, once.
func (h *otherHalf) wait(counter *facetCounter) error {
	if !h.waited {
		<-h.done
		h.waited = true
		if h.err == nil {
			counter.add(h.searcher.counter)
		}
	}
	return h.err
}

// close waits for the goroutine, which stops soon when the search was
// cancelled, and closes its searcher.
func (h *otherHalf) close() error {
	<-h.done
	if h.searcher == nil {
		return nil
	}
	if !h.waited {
		h.waited = true
		h.searcher.counter.done()
	}
	return h.searcher.Close()
}

// halfNext is Next for a split search: the first half's matches before the
// second half's first document, then the second half's.
func (s *countingSearcher) halfNext(ctx *search.SearchContext) (*search.DocumentMatch, error) {
	h := s.half
	if !h.waited {
		dm, err := s.Searcher.Next(ctx)
		if dm, err = s.keep(ctx, dm, err); dm != nil || err != nil {
			return dm, err
		}
		if err := h.wait(s.counter); err != nil {
			return nil, err
		}
	}
	if h.next == len(h.kept) {
		return nil, nil
	}
	m := h.kept[h.next]
	h.next++
	dm := ctx.DocumentMatchPool.Get()
	dm.IndexInternalID = append(dm.IndexInternalID[:0], m.id...)
	dm.Score = m.score
	return dm, nil
}

// halfAdvance is Advance for a split search. bleve's collector only calls
// Next on the searcher it collects from; this walks on to id.
func (s *countingSearcher) halfAdvance(ctx *search.SearchContext, id index.IndexInternalID) (*search.DocumentMatch, error) {
	for {
		dm, err := s.halfNext(ctx)
		if dm == nil || err != nil || dm.IndexInternalID.Compare(id) >= 0 {
			return dm, err
		}
		ctx.DocumentMatchPool.Put(dm)
	}
}
