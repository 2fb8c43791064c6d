package search

import (
	"bytes"
	"context"
	"encoding/binary"
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
	// InQuotes counts only the occurrences inside a quote, of text where
	// the quotes are marked in it (quoteMarks), and matches only the
	// documents with one; the idf and the lengths stay text's.
	InQuotes bool
}

// boundKey is the context key of the page bound (pagebound.go) a BM25
// query's searcher may use: the lowest score a hit needs to reach the
// page, kept by the counting searcher. It is set only where the query's
// score is the hit's whole score, and names the query, so that no other
// BM25 query in the same search takes it.
type boundKey struct{ q *bm25Query }

// Searcher opens one posting reader per term. A search that only counts
// (opts.Score "none", as the facet counts of a filtered search do) reads
// the documents of each posting and nothing else.
func (q *bm25Query) Searcher(ctx context.Context, r index.IndexReader, m mapping.IndexMapping, opts search.SearcherOptions) (search.Searcher, error) {
	// One term cannot be near another: its positions, decoded with every
	// posting, would only be read to add nothing.
	bound, _ := ctx.Value(boundKey{q}).(*pageBound)
	scored := opts.Score != "none"
	s := &bm25Searcher{avgLen: q.AvgLen, proximity: scored && q.Proximity && len(q.Terms) > 1, bound: bound, minID: lineSized(), unscored: !scored,
		// In one text of several values (analyzers.NewsTextName) an array
		// position marks a part; it does not part the words it marks
		// from their neighbours.
		oneValue: isJoinedText(m, q.Field)}
	if s.avgLen <= 0 {
		s.avgLen = 1
	}
	for _, t := range q.Terms {
		tfr, err := r.TermFieldReader(ctx, []byte(t.Term), q.Field, scored, scored, q.InQuotes)
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
		c := bm25Clause{reader: tfr, weight: idf * t.Weight, term: t.Term, cur: &index.TermFieldDoc{ID: lineSized()}, quoted: q.InQuotes}
		if err := c.next(); err != nil {
			tfr.Close()
			s.Close()
			return nil, err
		}
		s.count += tfr.Count()
		s.clauses = append(s.clauses, c)
	}
	if s.proximity {
		s.ctx, s.index, s.field = ctx, r, q.Field
	}
	return s, nil
}

// lineSized returns an empty document ID with room for a cache line.
// The IDs a searcher writes at every posting would otherwise be 8-byte
// allocations, packed by Go's allocator beside others: beside those of the
// other half of a split search (split.go), written as often from another
// core, they made each half three times slower.
func lineSized() index.IndexInternalID { return make(index.IndexInternalID, 0, 64) }

// bm25Clause is one term's posting list and where it stands.
type bm25Clause struct {
	reader index.TermFieldReader
	weight float64
	term   string
	// cur is the current posting, nil when the list is done; doc is its
	// document number.
	cur *index.TermFieldDoc
	doc uint64
	// positions reads the same postings with their positions, opened on
	// first need and advanced only to the documents whose proximity is
	// worth computing; at is its current posting.
	positions index.TermFieldReader
	at        *index.TermFieldDoc
	// quoted counts only the occurrences inside a quote (bm25Query).
	quoted bool
}

// next moves the clause to its next posting.
func (c *bm25Clause) next() error {
	next, err := c.reader.Next(c.cur)
	if err != nil {
		return fmt.Errorf("reading postings of %s: %w", c.term, err)
	}
	return c.setCur(next)
}

// setCur makes d the current posting: where quoted, the first from d on
// with an occurrence inside a quote, its frequency theirs.
func (c *bm25Clause) setCur(d *index.TermFieldDoc) error {
	for c.quoted && d != nil {
		if n := quotedCount(d.Vectors); n > 0 {
			d.Freq = uint64(n)
			break
		}
		var err error
		if d, err = c.reader.Next(d); err != nil {
			return fmt.Errorf("reading postings of %s: %w", c.term, err)
		}
	}
	if c.cur = d; d != nil {
		c.doc = binary.BigEndian.Uint64(d.ID)
	}
	return nil
}

// bm25Searcher walks the union of its terms' postings in document order.
// Queries hold few terms (MaxTerms), so the smallest current document is
// found by a scan rather than a heap.
//
// Positions cost more to decode than all else a posting holds, and the
// proximity boost they feed only reorders documents that hold two or more
// of the terms. So they are read by a second reader per term, advanced only
// to such documents, and, when the searcher knows the lowest score a hit
// needs to reach the page (bound), only to those whose score could reach
// it with the largest boost the terms can add.
type bm25Searcher struct {
	clauses []bm25Clause
	avgLen  float64
	count   uint64
	minID   index.IndexInternalID
	// proximity turns on the proximity boost; near is its scratch space,
	// and ctx, index and field what the positions readers are opened with.
	proximity bool
	near      []termPositions
	ctx       context.Context
	index     index.IndexReader
	field     string
	// matched holds the clauses of the current document.
	matched []int
	bound   *pageBound
	// unscored searchers only find documents: every score is 0.
	unscored bool
	// oneValue: the field is one value, its array positions marks.
	oneValue bool
}

func (s *bm25Searcher) Next(ctx *search.SearchContext) (*search.DocumentMatch, error) {
	var min uint64
	found := false
	for i := range s.clauses {
		if c := &s.clauses[i]; c.cur != nil && (!found || c.doc < min) {
			min, found = c.doc, true
		}
	}
	if !found {
		return nil, nil
	}
	s.minID = binary.BigEndian.AppendUint64(s.minID[:0], min)
	var score float64
	dl := 1.0
	s.matched = s.matched[:0]
	for i := range s.clauses {
		c := &s.clauses[i]
		if c.cur == nil || c.doc != min {
			continue
		}
		s.matched = append(s.matched, i)
		if s.unscored {
			continue
		}
		tf := float64(c.cur.Freq)
		if c.cur.Norm > 0 {
			dl = math.Round(1 / (c.cur.Norm * c.cur.Norm))
		}
		score += c.weight * tf * (bm25K1 + 1) / (tf + bm25K1*(1-bm25B+bm25B*dl/s.avgLen))
	}
	if s.proximity && len(s.matched) > 1 {
		lengthNorm := bm25K1 * (1 - bm25B + bm25B*dl/s.avgLen)
		if floor, ok := s.bound.floor(); !ok || score+s.mostProximity(lengthNorm) >= floor {
			p, err := s.proximityOf(s.minID, lengthNorm)
			if err != nil {
				return nil, err
			}
			score += p
		}
	}
	for _, i := range s.matched {
		if err := s.clauses[i].next(); err != nil {
			return nil, err
		}
	}
	dm := ctx.DocumentMatchPool.Get()
	dm.IndexInternalID = append(dm.IndexInternalID[:0], s.minID...)
	dm.Score = score
	return dm, nil
}

// nearest is the most one occurrence of a term can add to another term's
// proximity accumulator: an occurrence of that term at each distance up to
// proximityWindow on both sides, Σ 2/d².
var nearest = func() float64 {
	var x float64
	for d := 1.0; d <= proximityWindow; d++ {
		x += 2 / (d * d)
	}
	return x
}()

// mostProximity bounds the proximity boost the matched clauses of the
// current document can add, from their frequencies alone: a term's
// accumulator gains at most 1 from each pair of its occurrences with
// another term's, and at most nearest from each occurrence of either. Two
// words found once each add at most 1 each to the accumulator, not the
// saturation of k1+1 a looser bound would allow, so most documents are
// known to miss the page without their positions.
func (s *bm25Searcher) mostProximity(lengthNorm float64) float64 {
	var all float64
	for _, i := range s.matched {
		all += float64(s.clauses[i].cur.Freq)
	}
	var most float64
	for _, i := range s.matched {
		c := &s.clauses[i]
		tf := float64(c.cur.Freq)
		others := all - tf
		x := math.Min(tf*others, nearest*math.Min(tf, others))
		most += math.Min(1, c.weight) * x * (bm25K1 + 1) / (x + lengthNorm)
	}
	// Room for rounding: the boost itself is summed in another order.
	return most*(1+1e-9) + 1e-12
}

// proximityOf reads the positions of the matched clauses in document id
// and returns their proximity boost, with lengthNorm the document's
// k1·(1 − b + b·dl/avgdl).
func (s *bm25Searcher) proximityOf(id index.IndexInternalID, lengthNorm float64) (float64, error) {
	s.near = s.near[:0]
	for _, i := range s.matched {
		c := &s.clauses[i]
		if c.positions == nil {
			r, err := s.index.TermFieldReader(s.ctx, []byte(c.term), s.field, true, true, true)
			if err != nil {
				return 0, fmt.Errorf("reading positions of %s: %w", c.term, err)
			}
			c.positions = r
		}
		if c.at == nil || bytes.Compare(c.at.ID, id) < 0 {
			at, err := c.positions.Advance(id, c.at)
			if err != nil {
				return 0, fmt.Errorf("reading positions of %s: %w", c.term, err)
			}
			c.at = at
		}
		if c.at != nil && bytes.Equal(c.at.ID, id) {
			s.near = appendPositions(s.near, i, math.Min(1, c.weight), c.at.Vectors, s.oneValue)
		}
	}
	if len(s.near) < 2 {
		return 0, nil
	}
	return proximityScore(s.near, lengthNorm), nil
}

func (s *bm25Searcher) Advance(ctx *search.SearchContext, id index.IndexInternalID) (*search.DocumentMatch, error) {
	target := binary.BigEndian.Uint64(id)
	for i := range s.clauses {
		c := &s.clauses[i]
		if c.cur == nil || c.doc >= target {
			continue
		}
		next, err := c.reader.Advance(id, c.cur)
		if err != nil {
			return nil, fmt.Errorf("advancing postings of %s: %w", c.term, err)
		}
		if err := c.setCur(next); err != nil {
			return nil, err
		}
	}
	return s.Next(ctx)
}

func (s *bm25Searcher) Close() error {
	var first error
	for _, c := range s.clauses {
		for _, r := range []index.TermFieldReader{c.reader, c.positions} {
			if r != nil {
				if err := r.Close(); err != nil && first == nil {
					first = err
				}
			}
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
