package search

import (
	"bytes"
	"context"
	"fmt"
	"math"

	"github.com/blevesearch/bleve/v2/mapping"
	"github.com/blevesearch/bleve/v2/search"
	index "github.com/blevesearch/bleve_index_api"
)

// BM25's parameters, Lucene's and SQLite's defaults (Robertson's standard
// values), not tuned to any collection.
const (
	bm25K1 = 1.2
	bm25B  = 0.75
)

// weightedTerm is one term of a BM25 query and its weight (1 for a word as
// typed; less for the words a typo was corrected to).
type weightedTerm struct {
	Term   string
	Weight float64
}

// bm25Query scores the documents holding any of its terms by Okapi BM25
// over one field, summing the terms' scores: idf · tf·(k1+1) / (tf +
// k1·(1 − b + b·dl/avgdl)), with the exact average length from stats. It
// exists because bleve's own term scorer, combined in a disjunction,
// departs from BM25 (see rank.go).
type bm25Query struct {
	Field string
	Terms []weightedTerm
	// AvgLen is the field's average length in tokens.
	AvgLen float64
	// Docs is the number of documents in the index.
	Docs float64
	// Proximity adds the BM25TP boost of terms found near each other
	// (proximity.go); it needs the field's positions.
	Proximity bool
}

// Searcher opens one posting reader per term.
func (q *bm25Query) Searcher(ctx context.Context, r index.IndexReader, _ mapping.IndexMapping, _ search.SearcherOptions) (search.Searcher, error) {
	// One term cannot be near another: its positions, decoded with every
	// posting, would only be read to add nothing.
	s := &bm25Searcher{avgLen: q.AvgLen, proximity: q.Proximity && len(q.Terms) > 1}
	if s.avgLen <= 0 {
		s.avgLen = 1
	}
	for _, t := range q.Terms {
		tfr, err := r.TermFieldReader(ctx, []byte(t.Term), q.Field, true, true, s.proximity)
		if err != nil {
			s.Close()
			return nil, fmt.Errorf("reading postings of %s:%s: %w", q.Field, t.Term, err)
		}
		df := float64(tfr.Count())
		if df == 0 {
			tfr.Close()
			continue
		}
		n := math.Max(q.Docs, df)
		idf := math.Log(1 + (n-df+0.5)/(df+0.5))
		first, err := tfr.Next(&index.TermFieldDoc{})
		if err != nil {
			tfr.Close()
			s.Close()
			return nil, fmt.Errorf("reading postings of %s:%s: %w", q.Field, t.Term, err)
		}
		s.count += tfr.Count()
		s.clauses = append(s.clauses, bm25Clause{reader: tfr, weight: idf * t.Weight, cur: first})
	}
	return s, nil
}

// bm25Clause is one term's posting list and where it stands.
type bm25Clause struct {
	reader index.TermFieldReader
	weight float64
	// cur is the current posting, nil when the list is done.
	cur *index.TermFieldDoc
}

// bm25Searcher walks the union of its terms' postings in document order.
// Queries hold few terms (MaxTerms), so the smallest current document is
// found by a scan rather than a heap.
type bm25Searcher struct {
	clauses []bm25Clause
	avgLen  float64
	count   uint64
	minID   index.IndexInternalID
	// proximity turns on the proximity boost; near is its scratch space.
	proximity bool
	near      []termPositions
}

func (s *bm25Searcher) Next(ctx *search.SearchContext) (*search.DocumentMatch, error) {
	var min index.IndexInternalID
	for i := range s.clauses {
		if c := s.clauses[i].cur; c != nil && (min == nil || bytes.Compare(c.ID, min) < 0) {
			min = c.ID
		}
	}
	if min == nil {
		return nil, nil
	}
	s.minID = append(s.minID[:0], min...)
	var score float64
	dl := 1.0
	s.near = s.near[:0]
	for i := range s.clauses {
		c := &s.clauses[i]
		if c.cur == nil || !bytes.Equal(c.cur.ID, s.minID) {
			continue
		}
		tf := float64(c.cur.Freq)
		if c.cur.Norm > 0 {
			dl = math.Round(1 / (c.cur.Norm * c.cur.Norm))
		}
		score += c.weight * tf * (bm25K1 + 1) / (tf + bm25K1*(1-bm25B+bm25B*dl/s.avgLen))
		if s.proximity {
			s.near = appendPositions(s.near, i, math.Min(1, c.weight), c.cur.Vectors)
		}
		next, err := c.reader.Next(c.cur)
		if err != nil {
			return nil, fmt.Errorf("reading postings: %w", err)
		}
		c.cur = next
	}
	if len(s.near) > 1 {
		score += proximityScore(s.near, bm25K1*(1-bm25B+bm25B*dl/s.avgLen))
	}
	dm := ctx.DocumentMatchPool.Get()
	dm.IndexInternalID = append(dm.IndexInternalID[:0], s.minID...)
	dm.Score = score
	return dm, nil
}

func (s *bm25Searcher) Advance(ctx *search.SearchContext, id index.IndexInternalID) (*search.DocumentMatch, error) {
	for i := range s.clauses {
		c := &s.clauses[i]
		if c.cur == nil || bytes.Compare(c.cur.ID, id) >= 0 {
			continue
		}
		next, err := c.reader.Advance(id, c.cur)
		if err != nil {
			return nil, fmt.Errorf("advancing postings: %w", err)
		}
		c.cur = next
	}
	return s.Next(ctx)
}

func (s *bm25Searcher) Close() error {
	var first error
	for _, c := range s.clauses {
		if err := c.reader.Close(); err != nil && first == nil {
			first = err
		}
	}
	return first
}

// Weight and SetQueryNorm opt out of bleve's query normalisation, a
// tf-idf device that would square the idf.
func (s *bm25Searcher) Weight() float64            { return 1 }
func (s *bm25Searcher) SetQueryNorm(float64)       {}
func (s *bm25Searcher) Count() uint64              { return s.count }
func (s *bm25Searcher) Min() int                   { return 0 }
func (s *bm25Searcher) Size() int                  { return 64 + len(s.clauses)*64 }
func (s *bm25Searcher) DocumentMatchPoolSize() int { return 1 }
