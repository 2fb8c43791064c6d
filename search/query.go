package search

import (
	"context"
	"slices"
	"strings"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/mapping"
	"github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"
	index "github.com/blevesearch/bleve_index_api"

	"dateline/corpus"
)

// buildQuery turns the request into a bleve query: the parsed query
// (compile.go) and the request's filters, applied without scoring.
func buildQuery(r *Request, c *compiler) query.Query {
	var q query.Query
	if strings.TrimSpace(r.Query) == "" {
		q = bleve.NewMatchAllQuery()
	} else {
		q = c.compile(r.parsed)
	}
	var filters []query.Query
	if f := anyOf(fieldSpeakerKey, speakerKeys(r.Speakers)); f != nil {
		filters = append(filters, f)
	}
	if f := anyOf(fieldRegion, withCanonical(r.Regions, corpus.CanonicalRegion)); f != nil {
		filters = append(filters, f)
	}
	if !r.From.IsZero() || !r.To.IsZero() {
		var start, end time.Time
		if !r.From.IsZero() {
			start = day(r.From)
		}
		if !r.To.IsZero() {
			end = day(r.To).AddDate(0, 0, 1)
		}
		filters = append(filters, publishedRange(start, end))
	}
	if len(filters) == 0 {
		return q
	}
	return bleve.NewConjunctionQuery(q, &unscoredQuery{Query: bleve.NewConjunctionQuery(filters...)})
}

// unscoredQuery matches what its query matches and scores nothing: a filter
// that walks beside the query it filters. bleve's boolean filter checks
// every match of the query against it, in turn; in a conjunction, the
// rarer side leads and the other skips to it. At a million articles, where
// a region filter may keep one match of the words in fifty, the slowest
// filtered searches of BenchmarkScale went from about 100 ms to about
// 55 ms with this and the count-only facet counts (facets.go).
type unscoredQuery struct {
	query.Query
}

func (q *unscoredQuery) Searcher(ctx context.Context, r index.IndexReader, m mapping.IndexMapping, opts search.SearcherOptions) (search.Searcher, error) {
	opts.Score, opts.IncludeTermVectors, opts.Explain = "none", false, false
	s, err := q.Query.Searcher(ctx, r, m, opts)
	if err != nil {
		return nil, err
	}
	return &unscoredSearcher{Searcher: s}, nil
}

// unscoredSearcher gives every match a score of 0, and weighs nothing in a
// conjunction's query norm.
type unscoredSearcher struct {
	search.Searcher
}

func (s *unscoredSearcher) Next(ctx *search.SearchContext) (*search.DocumentMatch, error) {
	dm, err := s.Searcher.Next(ctx)
	if dm != nil {
		dm.Score = 0
	}
	return dm, err
}

func (s *unscoredSearcher) Advance(ctx *search.SearchContext, id index.IndexInternalID) (*search.DocumentMatch, error) {
	dm, err := s.Searcher.Advance(ctx, id)
	if dm != nil {
		dm.Score = 0
	}
	return dm, err
}

func (s *unscoredSearcher) Weight() float64      { return 0 }
func (s *unscoredSearcher) SetQueryNorm(float64) {}

// anyOf matches documents whose keyword field holds any of the values.
func anyOf(field string, values []string) query.Query {
	if len(values) == 0 {
		return nil
	}
	var qs []query.Query
	for _, v := range values {
		t := bleve.NewTermQuery(v)
		t.SetField(field)
		qs = append(qs, t)
	}
	return bleve.NewDisjunctionQuery(qs...)
}

// day returns the start of t's day in UTC.
func day(t time.Time) time.Time {
	y, m, d := t.UTC().Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

// withCanonical adds to filter values their canonical forms, which is how
// articles are indexed (corpus.Enrich): region=usa and region=Kiev find
// "United States" and "Kyiv", speaker=james-baker finds "James Baker".
func withCanonical(values []string, canon func(string) (string, bool)) []string {
	out := slices.Clone(values)
	for _, v := range values {
		if c, ok := canon(v); ok && c != v && !slices.Contains(out, c) {
			out = append(out, c)
		}
	}
	return out
}

// speakerKeys returns the distinct speaker keys of filter values: a filter
// on any spelling of a name matches every spelling the index holds.
func speakerKeys(values []string) []string {
	var out []string
	for _, v := range values {
		if k := corpus.SpeakerKey(v); k != "" && !slices.Contains(out, k) {
			out = append(out, k)
		}
	}
	return out
}
