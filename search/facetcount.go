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

// facetFields are the fields counted, in the order of a counter's counts:
// the three facets' keyword fields, and the publication date by day, for
// the histogram (facetDay).
var facetFields = []string{fieldSpeaker, fieldRegion, fieldMonth, fieldPublished}

// facetDay is the index in facetFields of the publication day.
const facetDay = 3

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
	// group maps, for the speaker field, each ordinal to the ordinal of
	// its corpus.SpeakerKey in groupOf, computed once as the name is first
	// seen: keying every counted name on every search took a third of a
	// search's time.
	group   []uint32
	groupOf map[string]uint32
	segs    map[segment.Segment]*segOrdinals
	// value, when not nil, turns a term of the field's dictionary into
	// the value counted, or skips it (ok false): the publication date's
	// terms are numbers at several precisions, counted by day.
	value func(term string) (v string, ok bool)
}

// facetTables are the ordinal tables of one index, shared by its searches.
type facetTables struct {
	mu     sync.Mutex
	fields []*fieldTable
}

func newFacetTables() *facetTables {
	t := &facetTables{}
	for _, f := range facetFields {
		ft := &fieldTable{field: f, ord: map[string]uint32{}, groupOf: map[string]uint32{}, segs: map[segment.Segment]*segOrdinals{}}
		if f == fieldPublished {
			ft.value = dayOfTerm
		}
		t.fields = append(t.fields, ft)
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
		name, keep := entry.Term, true
		if ft.value != nil {
			if name, keep = ft.value(entry.Term); !keep {
				continue
			}
		}
		o, ok := ft.ord[name]
		if !ok {
			o = uint32(len(ft.names))
			ft.ord[name] = o
			ft.names = append(ft.names, name)
			if ft.field == fieldSpeaker {
				k := corpus.SpeakerKey(name)
				g, ok := ft.groupOf[k]
				if !ok {
					g = uint32(len(ft.groupOf))
					ft.groupOf[k] = g
				}
				ft.group = append(ft.group, g)
			}
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
	names, group, groups := ft.names, ft.group, len(ft.groupOf)
	c.tables.mu.Unlock()
	counts := c.counts[f]
	top := newTopValues(n)
	if ft.field != fieldSpeaker {
		for o, k := range counts {
			if k > 0 {
				top.add(FacetValue{Value: names[o], Count: int(k)})
			}
		}
		return top.values()
	}
	// The counts of a speaker's spellings add up (an article names a person
	// in one spelling), and the most frequent spelling names them.
	total := takeSlice[int](&intsPool, groups)
	best := takeSlice[int32](&int32sPool, groups)
	defer giveSlice(&intsPool, total)
	defer giveSlice(&int32sPool, best)
	for o, k := range counts {
		if k == 0 {
			continue
		}
		g := group[o]
		if b := best[g] - 1; total[g] == 0 || k > counts[b] || (k == counts[b] && names[o] < names[b]) {
			best[g] = int32(o) + 1
		}
		total[g] += int(k)
	}
	for g, k := range total {
		if k > 0 {
			top.add(FacetValue{Value: names[best[g]-1], Count: k})
		}
	}
	return top.values()
}

// topValues keeps the n most frequent values added (ties by value), or all
// of them when n < 0, without sorting every value counted: a broad query
// counts thousands of speakers to show ten.
type topValues struct {
	n   int
	out []FacetValue
}

func newTopValues(n int) *topValues { return &topValues{n: n} }

// before tells whether a ranks above b.
func before(a, b FacetValue) bool {
	return a.Count > b.Count || (a.Count == b.Count && a.Value < b.Value)
}

func (t *topValues) add(v FacetValue) {
	if t.n < 0 {
		t.out = append(t.out, v)
		return
	}
	if len(t.out) == t.n {
		if t.n == 0 || !before(v, t.out[t.n-1]) {
			return
		}
		t.out = t.out[:t.n-1]
	}
	i, _ := slices.BinarySearchFunc(t.out, v, func(e, v FacetValue) int {
		if before(e, v) {
			return -1
		}
		return 1
	})
	t.out = slices.Insert(t.out, i, v)
}

// values returns the values kept, most frequent first.
func (t *topValues) values() []FacetValue {
	if t.n < 0 {
		slices.SortFunc(t.out, func(a, b FacetValue) int {
			if a.Count != b.Count {
				return cmp.Compare(b.Count, a.Count)
			}
			return cmp.Compare(a.Value, b.Value)
		})
	}
	return t.out
}

// facets returns the counts of the three facets: speakers and regions, the
// size most frequent; every month, in order of time. It gives the counts
// back to their pool: the counter is done.
func (c *facetCounter) facets(size int) map[string][]FacetValue {
	out := map[string][]FacetValue{
		FacetSpeaker: c.values(0, size),
		FacetRegion:  c.values(1, size),
		FacetDate:    c.values(2, -1),
	}
	for i, counts := range c.counts {
		giveSlice(&countsPool, counts)
		c.counts[i] = nil
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
	// keep, when more than 0, is how many hits the collector keeps, sorted
	// by score and ID: matches that cannot be among them are not named
	// (pagebound.go).
	keep int
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
		q.counter.counts[i] = takeSlice[uint32](&countsPool, len(ft.names))
	}
	q.counter.tables.mu.Unlock()
	if len(views) == 0 {
		return q.Query.Searcher(ctx, r, m, opts)
	}
	inner, err := q.Query.Searcher(ctx, r, m, opts)
	if err != nil {
		return nil, err
	}
	s := &countingSearcher{Searcher: inner, counter: q.counter}
	if q.keep > 0 {
		s.bound = &pageBound{n: q.keep}
	}
	return s, nil
}

// countingSearcher counts each document its inner searcher returns.
type countingSearcher struct {
	search.Searcher
	counter *facetCounter
	bound   *pageBound
}

func (s *countingSearcher) Next(ctx *search.SearchContext) (*search.DocumentMatch, error) {
	dm, err := s.Searcher.Next(ctx)
	if dm != nil {
		s.counter.count(binary.BigEndian.Uint64(dm.IndexInternalID))
		if s.bound != nil {
			s.bound.mark(dm)
		}
	}
	return dm, err
}

func (s *countingSearcher) Advance(ctx *search.SearchContext, id index.IndexInternalID) (*search.DocumentMatch, error) {
	dm, err := s.Searcher.Advance(ctx, id)
	if dm != nil {
		s.counter.count(binary.BigEndian.Uint64(dm.IndexInternalID))
		if s.bound != nil {
			s.bound.mark(dm)
		}
	}
	return dm, err
}
