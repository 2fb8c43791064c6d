package search

import (
	"context"
	"fmt"
	"slices"

	"github.com/blevesearch/bleve/v2/mapping"
	"github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"
	"github.com/blevesearch/bleve/v2/search/searcher"
	index "github.com/blevesearch/bleve_index_api"
)

// partQuery matches the documents Query, a query on text, matches at a
// location that carries Mark: a query on a part of the text, the quotes
// (quoteMark), that the index marks in text rather than keeping as a field
// of its own. The score is Query's.
type partQuery struct {
	Query query.Query
	Mark  []uint64
}

// Searcher reads the locations of Query's terms, which its searcher
// gives each match, and keeps the matches with one that carries the mark.
func (q *partQuery) Searcher(ctx context.Context, r index.IndexReader, m mapping.IndexMapping, opts search.SearcherOptions) (search.Searcher, error) {
	opts.IncludeTermVectors = true
	s, err := q.Query.Searcher(ctx, r, m, opts)
	if err != nil {
		return nil, err
	}
	return searcher.NewFilteringSearcher(ctx, s, func(_ *search.SearchContext, d *search.DocumentMatch) bool {
		found := false
		for _, l := range d.FieldTermLocations {
			if l.Field == fieldText && slices.Equal(l.Location.ArrayPositions, q.Mark) {
				found = true
				break
			}
		}
		// The locations served the filter only: a hit reports none.
		d.FieldTermLocations = d.FieldTermLocations[:0]
		return found
	}), nil
}

// inPart returns q, a query on text, restricted to the part mark marks
// (partQuery); with no mark, q itself.
func inPart(q query.Query, mark []uint64) query.Query {
	if mark == nil {
		return q
	}
	return &partQuery{Query: q, Mark: mark}
}

// markedCount returns how many of the vectors carry mark.
func markedCount(vectors []*index.TermFieldVector, mark []uint64) int {
	n := 0
	for _, v := range vectors {
		if slices.Equal(v.ArrayPositions, mark) {
			n++
		}
	}
	return n
}

// unmarkedQuery runs Query, a phrase on text, on a reader that gives
// text's locations without their marks (quoteMark). bleve's phrase
// searcher takes words of different array positions for words of
// different values, which no phrase spans; a phrase may run into a quote
// and out of it.
type unmarkedQuery struct{ Query query.Query }

func (q *unmarkedQuery) Searcher(ctx context.Context, r index.IndexReader, m mapping.IndexMapping, opts search.SearcherOptions) (search.Searcher, error) {
	return q.Query.Searcher(ctx, unmarkedReader{r}, m, opts)
}

// unmarkedReader is an index reader whose postings of text carry no
// array positions.
type unmarkedReader struct{ index.IndexReader }

func (r unmarkedReader) TermFieldReader(ctx context.Context, term []byte, field string, freq, norm, vectors bool) (index.TermFieldReader, error) {
	tfr, err := r.IndexReader.TermFieldReader(ctx, term, field, freq, norm, vectors)
	if err != nil {
		return nil, fmt.Errorf("reading postings of %s:%s: %w", field, term, err)
	}
	if !vectors || field != fieldText {
		return tfr, nil
	}
	return unmarkedPostings{tfr}, nil
}

// unmarkedPostings are postings whose locations' array positions are
// dropped.
type unmarkedPostings struct{ index.TermFieldReader }

func (p unmarkedPostings) Next(pre *index.TermFieldDoc) (*index.TermFieldDoc, error) {
	d, err := p.TermFieldReader.Next(pre)
	return unmark(d), err
}

func (p unmarkedPostings) Advance(id index.IndexInternalID, pre *index.TermFieldDoc) (*index.TermFieldDoc, error) {
	d, err := p.TermFieldReader.Advance(id, pre)
	return unmark(d), err
}

func unmark(d *index.TermFieldDoc) *index.TermFieldDoc {
	if d != nil {
		for _, v := range d.Vectors {
			v.ArrayPositions = nil
		}
	}
	return d
}
