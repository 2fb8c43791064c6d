package search

import (
	"bytes"
	"context"
	"fmt"

	"github.com/blevesearch/bleve/v2/mapping"
	"github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"
	index "github.com/blevesearch/bleve_index_api"
)

// sumQuery matches what any of its queries matches and scores a document
// by the sum of their scores. bleve's disjunction multiplies that sum by
// the share of clauses that matched (coord), so a phrase typed beside
// words would halve the score of every article without the phrase, which
// is a filter's job, not a boost's.
type sumQuery struct {
	Queries []query.Query
}

// Searcher opens the searchers of the queries.
func (q *sumQuery) Searcher(ctx context.Context, r index.IndexReader, m mapping.IndexMapping, opts search.SearcherOptions) (search.Searcher, error) {
	s := &sumSearcher{}
	for _, cq := range q.Queries {
		cs, err := cq.Searcher(ctx, r, m, opts)
		if err != nil {
			s.Close()
			return nil, fmt.Errorf("opening a clause: %w", err)
		}
		s.children = append(s.children, cs)
	}
	s.cur = make([]*search.DocumentMatch, len(s.children))
	return s, nil
}

// sumSearcher walks its children in document order, summing the scores of
// those on the same document.
type sumSearcher struct {
	children []search.Searcher
	cur      []*search.DocumentMatch
	started  bool
}

func (s *sumSearcher) start(ctx *search.SearchContext) error {
	if s.started {
		return nil
	}
	s.started = true
	for i, c := range s.children {
		dm, err := c.Next(ctx)
		if err != nil {
			return err
		}
		s.cur[i] = dm
	}
	return nil
}

func (s *sumSearcher) Next(ctx *search.SearchContext) (*search.DocumentMatch, error) {
	if err := s.start(ctx); err != nil {
		return nil, err
	}
	var min index.IndexInternalID
	for _, dm := range s.cur {
		if dm != nil && (min == nil || bytes.Compare(dm.IndexInternalID, min) < 0) {
			min = dm.IndexInternalID
		}
	}
	if min == nil {
		return nil, nil
	}
	var out *search.DocumentMatch
	for i, dm := range s.cur {
		if dm == nil || !bytes.Equal(dm.IndexInternalID, min) {
			continue
		}
		if out == nil {
			out = dm
		} else {
			out.Score += dm.Score
			ctx.DocumentMatchPool.Put(dm)
		}
		next, err := s.children[i].Next(ctx)
		if err != nil {
			return nil, err
		}
		s.cur[i] = next
	}
	return out, nil
}

func (s *sumSearcher) Advance(ctx *search.SearchContext, id index.IndexInternalID) (*search.DocumentMatch, error) {
	if err := s.start(ctx); err != nil {
		return nil, err
	}
	for i, dm := range s.cur {
		if dm == nil || bytes.Compare(dm.IndexInternalID, id) >= 0 {
			continue
		}
		ctx.DocumentMatchPool.Put(dm)
		next, err := s.children[i].Advance(ctx, id)
		if err != nil {
			return nil, err
		}
		s.cur[i] = next
	}
	return s.Next(ctx)
}

func (s *sumSearcher) Close() error {
	var first error
	for _, c := range s.children {
		if err := c.Close(); err != nil && first == nil {
			first = err
		}
	}
	return first
}

// Weight and SetQueryNorm leave the children's scores as they are.
func (s *sumSearcher) Weight() float64      { return 1 }
func (s *sumSearcher) SetQueryNorm(float64) {}

func (s *sumSearcher) Count() uint64 {
	var n uint64
	for _, c := range s.children {
		n += c.Count()
	}
	return n
}

func (s *sumSearcher) Min() int  { return 0 }
func (s *sumSearcher) Size() int { return 64 + 16*len(s.children) }

func (s *sumSearcher) DocumentMatchPoolSize() int {
	n := len(s.children)
	for _, c := range s.children {
		n += c.DocumentMatchPoolSize()
	}
	return n
}
