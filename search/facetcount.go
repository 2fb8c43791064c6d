package search

import (
	"cmp"
	"context"
	"encoding/binary"
	"fmt"
	"slices"
	"sync"

	"github.com/blevesearch/bleve/v2/index/scorch"
	"github.com/blevesearch/bleve/v2/mapping"
	"github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"
	index "github.com/blevesearch/bleve_index_api"
	segment "github.com/blevesearch/scorch_segment_api/v2"
	"github.com/blevesearch/vellum"

	"dateline/corpus"
)

// Facet counting at memory speed.
//
// bleve counts a facet by visiting each matching document's doc values, a
// compressed chunk to decode per hit: about a microsecond a hit, a second
// at a million hits. Dateline counts instead from ordinal tables: for each
// immutable segment of the index and each facet field, the values of every
// document as small integers (ordinals), built once from the field's
// postings when the segment is first seen and kept until the segment is
// merged away. A search wraps its query in a counting searcher that, for
// each matching document bleve's collector pulls, adds one to the counts of
// the document's ordinals: a few nanoseconds a hit.

// facetFields are the keyword fields counted, in the order of a counter's
// counts.
var facetFields = []string{fieldSpeaker, fieldRegion, fieldMonth}

// segOrdinals holds one segment's values of one field: the ordinals of
// document d are ords[start[d]:start[d+1]].
type segOrdinals struct {
	start []uint32
	ords  []uint32
}

// fieldTable maps one field's values to global ordinals and keeps the
// per-segment tables.
type fieldTable struct {
	field string
	ord   map[string]uint32
	names []string
	segs  map[segment.Segment]*segOrdinals
}

// facetTables are the ordinal tables of one index, shared by its searches.
type facetTables struct {
	mu     sync.Mutex
	fields []*fieldTable
}

func newFacetTables() *facetTables {
	t := &facetTables{}
	for _, f := range facetFields {
		t.fields = append(t.fields, &fieldTable{field: f, ord: map[string]uint32{}, segs: map[segment.Segment]*segOrdinals{}})
	}
	return t
}

// segView is one segment of a snapshot as a counter sees it: where its
// documents start in the snapshot's numbering, and its tables.
type segView struct {
	offset, end uint64
	fields      []*segOrdinals
}

// prepare returns the views of a snapshot's segments, building the tables
// of segments not seen before and forgetting those merged away.
func (t *facetTables) prepare(snap *scorch.IndexSnapshot) ([]segView, error) {
	t.mu.Lock()
	defer t.mu.Unlock()
	segs := snap.Segments()
	views := make([]segView, len(segs))
	live := make(map[segment.Segment]bool, len(segs))
	var offset uint64
	for i, ss := range segs {
		seg := ss.Segment()
		live[seg] = true
		n := seg.Count()
		views[i] = segView{offset: offset, end: offset + n}
		offset += n
		for _, ft := range t.fields {
			so, ok := ft.segs[seg]
			if !ok {
				var err error
				if so, err = ft.build(seg); err != nil {
					return nil, err
				}
				ft.segs[seg] = so
			}
			views[i].fields = append(views[i].fields, so)
		}
	}
	for _, ft := range t.fields {
		for seg := range ft.segs {
			if !live[seg] {
				delete(ft.segs, seg)
			}
		}
	}
	return views, nil
}

// build makes a segment's table of one field from the field's postings.
func (ft *fieldTable) build(seg segment.Segment) (*segOrdinals, error) {
	n := seg.Count()
	dict, err := seg.Dictionary(ft.field)
	if err != nil {
		return nil, fmt.Errorf("facet field %s: %w", ft.field, err)
	}
	type pair struct{ doc, ord uint32 }
	var pairs []pair
	it := dict.AutomatonIterator(&vellum.AlwaysMatch{}, nil, nil)
	var pl segment.PostingsList
	var pi segment.PostingsIterator
	for {
		entry, err := it.Next()
		if err != nil || entry == nil {
			break
		}
		o, ok := ft.ord[entry.Term]
		if !ok {
			o = uint32(len(ft.names))
			ft.ord[entry.Term] = o
			ft.names = append(ft.names, entry.Term)
		}
		if pl, err = dict.PostingsList([]byte(entry.Term), nil, pl); err != nil {
			return nil, err
		}
		pi = pl.Iterator(false, false, false, pi)
		for {
			p, err := pi.Next()
			if err != nil {
				return nil, err
			}
			if p == nil {
				break
			}
			pairs = append(pairs, pair{uint32(p.Number()), o})
		}
	}
	slices.SortFunc(pairs, func(a, b pair) int { return cmp.Compare(a.doc, b.doc) })
	so := &segOrdinals{start: make([]uint32, n+1), ords: make([]uint32, len(pairs))}
	for i, p := range pairs {
		so.start[p.doc+1]++
		so.ords[i] = p.ord
	}
	for d := uint64(1); d <= n; d++ {
		so.start[d] += so.start[d-1]
	}
	return so, nil
}

// facetCounter counts the facet values of the documents one search
// matches.
type facetCounter struct {
	tables *facetTables
	views  []segView
	cur    int // the segment of the last document counted
	counts [][]uint32
	hits   uint64
}

func newFacetCounter(t *facetTables) *facetCounter {
	return &facetCounter{tables: t}
}

// count adds a document, by its number in the snapshot.
func (c *facetCounter) count(doc uint64) {
	c.hits++
	v := &c.views[c.cur]
	if doc < v.offset || doc >= v.end {
		c.cur, _ = slices.BinarySearchFunc(c.views, doc, func(v segView, d uint64) int {
			switch {
			case d < v.offset:
				return 1
			case d >= v.end:
				return -1
			}
			return 0
		})
		if c.cur >= len(c.views) {
			c.cur = 0
			return
		}
		v = &c.views[c.cur]
	}
	local := doc - v.offset
	for f, so := range v.fields {
		counts := c.counts[f]
		for _, o := range so.ords[so.start[local]:so.start[local+1]] {
			counts[o]++
		}
	}
}

// values returns the counted values of field f, most frequent first (ties
// by value), at most n of them; n < 0 returns all. Speakers are grouped by
// corpus.SpeakerKey, so that the spellings of one name (Zelenskiy,
// Zelensky) are one value, shown in its most frequent spelling.
func (c *facetCounter) values(f int, n int) []FacetValue {
	ft := c.tables.fields[f]
	c.tables.mu.Lock()
	names := ft.names
	c.tables.mu.Unlock()
	var out []FacetValue
	for o, k := range c.counts[f] {
		if k > 0 {
			out = append(out, FacetValue{Value: names[o], Count: int(k)})
		}
	}
	if ft.field == fieldSpeaker {
		out = foldSpellings(out)
	}
	slices.SortFunc(out, func(a, b FacetValue) int {
		if a.Count != b.Count {
			return cmp.Compare(b.Count, a.Count)
		}
		return cmp.Compare(a.Value, b.Value)
	})
	if n >= 0 && len(out) > n {
		out = out[:n]
	}
	return out
}

// foldSpellings merges the values whose speaker keys are equal: their
// counts add up (an article names a person in one spelling), and the most
// frequent spelling names them.
func foldSpellings(values []FacetValue) []FacetValue {
	type group struct {
		total int
		best  FacetValue
	}
	groups := map[string]*group{}
	var order []string
	for _, v := range values {
		k := corpus.SpeakerKey(v.Value)
		g, ok := groups[k]
		if !ok {
			g = &group{best: v}
			groups[k] = g
			order = append(order, k)
		} else if v.Count > g.best.Count || (v.Count == g.best.Count && v.Value < g.best.Value) {
			g.best = v
		}
		g.total += v.Count
	}
	if len(order) == len(values) {
		return values
	}
	out := make([]FacetValue, 0, len(order))
	for _, k := range order {
		out = append(out, FacetValue{Value: groups[k].best.Value, Count: groups[k].total})
	}
	return out
}

// facets returns the counts of the three facets: speakers and regions, the
// size most frequent; every month, in order of time.
func (c *facetCounter) facets(size int) map[string][]FacetValue {
	out := map[string][]FacetValue{
		FacetSpeaker: c.values(0, size),
		FacetRegion:  c.values(1, size),
		FacetDate:    c.values(2, -1),
	}
	slices.SortFunc(out[FacetDate], func(a, b FacetValue) int { return cmp.Compare(a.Value, b.Value) })
	for name, v := range out {
		if v == nil {
			out[name] = []FacetValue{}
		}
	}
	return out
}

// countingQuery wraps a query so that every document it matches is counted
// by a facetCounter as bleve's collector pulls it.
type countingQuery struct {
	query.Query
	counter *facetCounter
}

// Searcher returns the inner query's searcher wrapped to count. On an index
// that is not scorch it returns an error, as the tables need its segments.
func (q *countingQuery) Searcher(ctx context.Context, r index.IndexReader, m mapping.IndexMapping, opts search.SearcherOptions) (search.Searcher, error) {
	snap, ok := r.(*scorch.IndexSnapshot)
	if !ok {
		return nil, fmt.Errorf("facet counting needs a scorch index, not %T", r)
	}
	views, err := q.counter.tables.prepare(snap)
	if err != nil {
		return nil, err
	}
	q.counter.views = views
	q.counter.tables.mu.Lock()
	q.counter.counts = make([][]uint32, len(q.counter.tables.fields))
	for i, ft := range q.counter.tables.fields {
		q.counter.counts[i] = make([]uint32, len(ft.names))
	}
	q.counter.tables.mu.Unlock()
	if len(views) == 0 {
		return q.Query.Searcher(ctx, r, m, opts)
	}
	inner, err := q.Query.Searcher(ctx, r, m, opts)
	if err != nil {
		return nil, err
	}
	return &countingSearcher{Searcher: inner, counter: q.counter}, nil
}

// countingSearcher counts each document its inner searcher returns.
type countingSearcher struct {
	search.Searcher
	counter *facetCounter
}

func (s *countingSearcher) Next(ctx *search.SearchContext) (*search.DocumentMatch, error) {
	dm, err := s.Searcher.Next(ctx)
	if dm != nil {
		s.counter.count(binary.BigEndian.Uint64(dm.IndexInternalID))
	}
	return dm, err
}

func (s *countingSearcher) Advance(ctx *search.SearchContext, id index.IndexInternalID) (*search.DocumentMatch, error) {
	dm, err := s.Searcher.Advance(ctx, id)
	if dm != nil {
		s.counter.count(binary.BigEndian.Uint64(dm.IndexInternalID))
	}
	return dm, err
}
