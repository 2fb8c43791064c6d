package search

import (
	"cmp"
	"context"
	"encoding/binary"
	"fmt"
	"runtime"
	"slices"
	"sync"

	"github.com/blevesearch/bleve/v2/index/scorch"
	"github.com/blevesearch/bleve/v2/mapping"
	"github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"
	index "github.com/blevesearch/bleve_index_api"
	segment "github.com/blevesearch/scorch_segment_api/v2"
	"github.com/blevesearch/vellum"

	"dateline/analyzers"
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

// segOrdinals holds one segment's values of every facet field: the values
// of document d are ords[start[d]:start[d+1]], each the index of its field
// in facetFields in the top bits (ordField) and its ordinal in the rest.
// The fields of a document lie side by side, so that counting a hit reads
// one or two cache lines, not two for each field: at a million articles,
// with tables larger than the processor's caches, that took the cost of
// counting from 35 to 10 ns a hit.
type segOrdinals struct {
	start []uint32
	ords  []uint32
}

// ordField is where the field's index starts in an entry of segOrdinals;
// the ordinals below it allow a billion values per field.
const ordField = 30

// ordMask keeps the ordinal of an entry.
const ordMask = 1<<ordField - 1

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
}

// facetTables are the ordinal tables of one index, shared by its searches.
type facetTables struct {
	mu     sync.Mutex
	fields []*fieldTable
	segs   map[segment.Segment]*segOrdinals
}

func newFacetTables() *facetTables {
	t := &facetTables{segs: map[segment.Segment]*segOrdinals{}}
	for _, f := range facetFields {
		ft := &fieldTable{field: f, ord: map[string]uint32{}, groupOf: map[string]uint32{}}
		t.fields = append(t.fields, ft)
	}
	return t
}

// segView is one segment of a snapshot as a counter sees it: where its
// documents start in the snapshot's numbering, and its tables.
type segView struct {
	offset, end uint64
	table       *segOrdinals
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
		so, ok := t.segs[seg]
		if !ok {
			var err error
			if so, err = t.build(seg); err != nil {
				return nil, err
			}
			t.segs[seg] = so
		}
		views[i].table = so
	}
	for seg := range t.segs {
		if !live[seg] {
			delete(t.segs, seg)
		}
	}
	return views, nil
}

// ordPair is one value of one document, as an entry of segOrdinals.
type ordPair struct{ doc, entry uint32 }

// build makes a segment's table from the facet fields' postings.
func (t *facetTables) build(seg segment.Segment) (*segOrdinals, error) {
	var pairs []ordPair
	for f, ft := range t.fields {
		var err error
		if pairs, err = ft.appendPairs(pairs, uint32(f)<<ordField, seg); err != nil {
			return nil, err
		}
	}
	slices.SortFunc(pairs, func(a, b ordPair) int { return cmp.Compare(a.doc, b.doc) })
	n := seg.Count()
	so := &segOrdinals{start: make([]uint32, n+1), ords: make([]uint32, len(pairs))}
	for i, p := range pairs {
		so.start[p.doc+1]++
		so.ords[i] = p.entry
	}
	for d := uint64(1); d <= n; d++ {
		so.start[d] += so.start[d-1]
	}
	return so, nil
}

// appendPairs adds to pairs the values of the field in seg, each entry
// tagged with field, giving values not seen before their ordinals.
func (ft *fieldTable) appendPairs(pairs []ordPair, field uint32, seg segment.Segment) ([]ordPair, error) {
	source, value := ft.field, (func(string) (string, bool))(nil)
	if ft.field == fieldPublished {
		source, value = dayTerms(seg)
	}
	dict, err := seg.Dictionary(source)
	if err != nil {
		return nil, fmt.Errorf("facet field %s: %w", ft.field, err)
	}
	it := dict.AutomatonIterator(&vellum.AlwaysMatch{}, nil, nil)
	var pl segment.PostingsList
	var pi segment.PostingsIterator
	for {
		entry, err := it.Next()
		if err != nil || entry == nil {
			break
		}
		name, keep := entry.Term, true
		if value != nil {
			if name, keep = value(entry.Term); !keep {
				continue
			}
		}
		o, ok := ft.ord[name]
		if !ok {
			if len(ft.names) > ordMask {
				return nil, fmt.Errorf("facet field %s: more than %d values", ft.field, ordMask+1)
			}
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
			pairs = append(pairs, ordPair{uint32(p.Number()), field | o})
		}
	}
	return pairs, nil
}

// dayTerms returns the field the publication day facet (fieldPublished)
// is counted from in seg: the day field, or in a segment of an index made
// before it bleve's date field, whose terms are numbers at several
// precisions, turned into days or skipped by dayOfTerm.
func dayTerms(seg segment.Segment) (field string, value func(term string) (string, bool)) {
	if slices.Contains(seg.Fields(), fieldDay) {
		return fieldDay, nil
	}
	return fieldPublished, dayOfTerm
}

// viewOf returns the index of the view holding doc, a document number in
// the snapshot the views are of, or len(views) where none does.
func viewOf(views []segView, doc uint64) int {
	i, ok := slices.BinarySearchFunc(views, doc, func(v segView, d uint64) int {
		switch {
		case d < v.offset:
			return 1
		case d >= v.end:
			return -1
		}
		return 0
	})
	if !ok {
		return len(views)
	}
	return i
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
		c.cur = viewOf(c.views, doc)
		if c.cur >= len(c.views) {
			c.cur = 0
			return
		}
		v = &c.views[c.cur]
	}
	local := doc - v.offset
	so := v.table
	for _, e := range so.ords[so.start[local]:so.start[local+1]] {
		c.counts[e>>ordField][e&ordMask]++
	}
}

// values returns the counted values of field f, most frequent first (ties
// by value), at most n of them; n < 0 returns all, in no order. Speakers are grouped by
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
	s := takeGroupScratch(groups)
	defer s.give()
	for o, k := range counts {
		if k == 0 {
			continue
		}
		g := group[o]
		if s.total[g] == 0 {
			s.touched = append(s.touched, g)
		}
		if b := s.best[g] - 1; s.total[g] == 0 || k > counts[b] || (k == counts[b] && names[o] < names[b]) {
			s.best[g] = int32(o) + 1
		}
		s.total[g] += int(k)
	}
	for _, g := range s.touched {
		top.add(FacetValue{Value: names[s.best[g]-1], Count: s.total[g]})
	}
	return top.values()
}

// topValues keeps the n most frequent values added (ties by value), or all
// of them, in the order added, when n < 0, without sorting every value
// counted: a broad query counts thousands of speakers to show ten.
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

// values returns the values kept: most frequent first, unless all are.
func (t *topValues) values() []FacetValue {
	return t.out
}

// done gives the counts back to their pool: the counter is done.
func (c *facetCounter) done() {
	for i, counts := range c.counts {
		giveCounts(counts)
		c.counts[i] = nil
	}
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
	// keep, when more than 0, is how many hits the collector keeps, sorted
	// by score and ID: matches that cannot be among them are only counted
	// (pagebound.go).
	keep int
	// countOnly is set where no hit is kept: every match is only counted.
	countOnly bool
	// hold, when set, keeps the snapshot searched (snap, views) after the
	// search, for its hits' stored fields (extracted); release lets it go.
	hold  bool
	snap  *scorch.IndexSnapshot
	views []segView
}

// release lets go of the snapshot a held search kept.
func (q *countingQuery) release() {
	if q.snap != nil {
		q.snap.DecRef()
		q.snap, q.views = nil, nil
	}
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
	q.counter.start(views)
	if q.hold {
		q.release()
		snap.AddRef()
		q.snap, q.views = snap, views
	}
	if len(views) == 0 {
		return q.Query.Searcher(ctx, r, m, opts)
	}
	if q.keep == 0 && !q.countOnly {
		inner, err := q.Query.Searcher(ctx, r, m, opts)
		if err != nil {
			return nil, err
		}
		return &countingSearcher{Searcher: inner, counter: q.counter, ctx: ctx}, nil
	}
	s, err := q.boundSearcher(ctx, r, m, opts, q.counter)
	if err != nil {
		return nil, err
	}
	if s.Count() >= splitMatches && views[len(views)-1].end >= 2*splitMatches && runtime.NumCPU() > 1 {
		q.split(ctx, r, m, opts, s, views[len(views)-1].end/2)
	}
	return s, nil
}

// boundSearcher returns the query's counting searcher with a page bound of
// its own, counting into counter.
func (q *countingQuery) boundSearcher(ctx context.Context, r index.IndexReader, m mapping.IndexMapping, opts search.SearcherOptions, counter *facetCounter) (*countingSearcher, error) {
	bound := &pageBound{n: q.keep}
	if b := wholeScore(q.Query); b != nil {
		// The BM25 searcher takes the bound as it is made.
		ctx = context.WithValue(ctx, boundKey{b}, bound)
	}
	inner, err := q.Query.Searcher(ctx, r, m, opts)
	if err != nil {
		return nil, err
	}
	return &countingSearcher{Searcher: inner, counter: counter, bound: bound, ctx: ctx}, nil
}

// start readies the counter for a search over the segments of views.
func (c *facetCounter) start(views []segView) {
	c.views = views
	c.tables.mu.Lock()
	c.counts = make([][]uint32, len(c.tables.fields))
	for i, ft := range c.tables.fields {
		c.counts[i] = takeCounts(len(ft.names))
	}
	c.tables.mu.Unlock()
}

// add adds the counts of o, which counted other documents of the same
// snapshot, and gives o's counts back.
func (c *facetCounter) add(o *facetCounter) {
	c.hits += o.hits
	for f, counts := range o.counts {
		into := c.counts[f]
		for i, k := range counts {
			into[i] += k
		}
	}
	o.done()
}

// wholeScore returns the BM25 query whose score is the whole score of
// every document q matches, if there is one: q itself, the one scored
// member of a conjunction with unscored filters, or the one query a
// boolean query must match beside clauses that only filter (bleve sums
// the scores of a conjunction's members, and filters and exclusions add
// nothing).
func wholeScore(q query.Query) *bm25Query {
	switch q := q.(type) {
	case *bm25Query:
		return q
	case *query.ConjunctionQuery:
		// A query beside filters that score nothing (buildQuery).
		if q.BoostVal != nil && q.BoostVal.Value() != 1 {
			return nil
		}
		var scored *bm25Query
		for _, c := range q.Conjuncts {
			switch c := c.(type) {
			case *unscoredQuery:
			case *bm25Query:
				if scored != nil {
					return nil
				}
				scored = c
			default:
				return nil
			}
		}
		return scored
	case *query.BooleanQuery:
		if q.Should != nil || q.BoostVal != nil && q.BoostVal.Value() != 1 {
			return nil
		}
		if c, ok := q.Must.(*query.ConjunctionQuery); ok && len(c.Conjuncts) == 1 && (c.BoostVal == nil || c.BoostVal.Value() == 1) {
			b, _ := c.Conjuncts[0].(*bm25Query)
			return b
		}
	}
	return nil
}

// countingSearcher counts each document its inner searcher returns, and,
// with a bound, hands the collector only those that may reach the page.
type countingSearcher struct {
	search.Searcher
	counter *facetCounter
	bound   *pageBound
	// ctx is the search's: the collector, which checks it between the
	// documents it is handed, may be handed none for a long while.
	ctx context.Context
	// half, when not nil, searches the documents from end on in another
	// goroutine (split.go): a match from end on ends this searcher's
	// walk, uncounted.
	half *otherHalf
	end  index.IndexInternalID
}

// checkEvery is how many matches the counting searcher counts between two
// looks at whether the search was cancelled or ran out of time.
const checkEvery = 1 << 12

func (s *countingSearcher) Next(ctx *search.SearchContext) (*search.DocumentMatch, error) {
	if s.half != nil {
		return s.halfNext(ctx)
	}
	dm, err := s.Searcher.Next(ctx)
	return s.keep(ctx, dm, err)
}

func (s *countingSearcher) Advance(ctx *search.SearchContext, id index.IndexInternalID) (*search.DocumentMatch, error) {
	if s.half != nil {
		return s.halfAdvance(ctx, id)
	}
	dm, err := s.Searcher.Advance(ctx, id)
	return s.keep(ctx, dm, err)
}

func (s *countingSearcher) Close() error {
	err := s.Searcher.Close()
	if s.half != nil {
		if herr := s.half.close(); err == nil {
			err = herr
		}
	}
	return err
}

// keep counts dm and the documents after it until one may reach the page,
// and returns that one.
func (s *countingSearcher) keep(ctx *search.SearchContext, dm *search.DocumentMatch, err error) (*search.DocumentMatch, error) {
	for dm != nil && err == nil {
		if s.end != nil && dm.IndexInternalID.Compare(s.end) >= 0 {
			ctx.DocumentMatchPool.Put(dm)
			return nil, nil
		}
		s.counter.count(binary.BigEndian.Uint64(dm.IndexInternalID))
		if s.bound == nil || s.bound.admit(dm) {
			return dm, nil
		}
		ctx.DocumentMatchPool.Put(dm)
		if s.counter.hits%checkEvery == 0 {
			if err := s.ctx.Err(); err != nil {
				return nil, err
			}
		}
		dm, err = s.Searcher.Next(ctx)
	}
	return dm, err
}

// Warm builds what the first search of a freshly opened index would
// otherwise build while its user waits: the BM25 statistics and the facet
// tables of every segment (a few seconds at a million articles), and the
// place spelling tables. A server calls it before it says it is ready.
func (x *Index) Warm(ctx context.Context) error {
	if _, err := x.bm25Stats(ctx); err != nil {
		return err
	}
	adv, err := x.bi.Advanced()
	if err != nil {
		return fmt.Errorf("warming the index: %w", err)
	}
	r, err := adv.Reader()
	if err != nil {
		return fmt.Errorf("warming the index: %w", err)
	}
	defer r.Close()
	snap, ok := r.(*scorch.IndexSnapshot)
	if !ok {
		return fmt.Errorf("warming the index: its reader is a %T, not a scorch snapshot", r)
	}
	if _, err := x.facets.prepare(snap); err != nil {
		return fmt.Errorf("warming the index: building facet tables: %w", err)
	}
	// The table of place spellings a region filter is folded by, and the
	// news analyzer's variant tables, take a tenth of a second each to
	// build, on first use: before the first search, not in it.
	corpus.CanonicalRegion("")
	if a := x.bi.Mapping().AnalyzerNamed(analyzers.NewsName); a != nil {
		a.Analyze([]byte("Kyiv"))
	}
	return nil
}
