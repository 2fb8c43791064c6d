package search

import (
	"context"
	"fmt"

	"github.com/blevesearch/bleve/v2/mapping"
	"github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"
	"github.com/blevesearch/bleve/v2/search/searcher"
	index "github.com/blevesearch/bleve_index_api"
)

// quotedQuery matches the documents Query, a query on text, matches at a
// location inside a quote (quoteMarks): a query on the quotes, which the
// index marks in text rather than keeping as a field of their own. The
// score is Query's, of every occurrence in text (bm25Query.InQuotes ranks
// words by their occurrences inside quotes).
type quotedQuery struct {
	Query query.Query
}

// Searcher reads the locations of Query's terms, which its searcher
// gives each match, and keeps the matches with one inside a quote.
func (q *quotedQuery) Searcher(ctx context.Context, r index.IndexReader, m mapping.IndexMapping, opts search.SearcherOptions) (search.Searcher, error) {
	opts.IncludeTermVectors = true
	s, err := q.Query.Searcher(ctx, r, m, opts)
	if err != nil {
		return nil, err
	}
	return searcher.NewFilteringSearcher(ctx, s, func(_ *search.SearchContext, d *search.DocumentMatch) bool {
		found := false
		for _, l := range d.FieldTermLocations {
			if l.Field == fieldText && isQuoteMark(l.Location.ArrayPositions) {
				found = true
				break
			}
		}
		// The locations served the filter only: a hit reports none.
		d.FieldTermLocations = d.FieldTermLocations[:0]
		return found
	}), nil
}

// inQuotes returns q, a query on text, restricted to the quotes
// (quotedQuery) where quoted is true; otherwise q itself.
func inQuotes(q query.Query, quoted bool) query.Query {
	if !quoted {
		return q
	}
	return &quotedQuery{Query: q}
}

// quotedCount returns how many of the vectors lie inside a quote.
func quotedCount(vectors []*index.TermFieldVector) int {
	n := 0
	for _, v := range vectors {
		if isQuoteMark(v.ArrayPositions) {
			n++
		}
	}
	return n
}

// unmarkedQuery runs Query, a phrase on text, on a reader that gives
// text's locations without their marks (quoteMarks). bleve's phrase
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

// Optimize lets scorch intersect the postings of a conjunction, which
// keeps these readers and their locations; other optimisations make
// readers of their own, and are declined.
func (p unmarkedPostings) Optimize(kind string, octx index.OptimizableContext) (index.OptimizableContext, error) {
	if o, ok := p.TermFieldReader.(index.Optimizable); ok && kind == "conjunction" {
		return o.Optimize(kind, octx)
	}
	return nil, nil
}

func unmark(d *index.TermFieldDoc) *index.TermFieldDoc {
	if d != nil {
		for _, v := range d.Vectors {
			v.ArrayPositions = nil
		}
	}
	return d
}
