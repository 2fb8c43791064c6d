package search

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"sync"

	"github.com/blevesearch/bleve/v2/index/scorch"
	"github.com/blevesearch/bleve/v2/search"
	index "github.com/blevesearch/bleve_index_api"
	segment "github.com/blevesearch/scorch_segment_api/v2"
	"github.com/blevesearch/vellum"
)

// Exact BM25 statistics without walking the index on every change.
//
// The exact token count of a field is a walk over every posting of it:
// about a second on Reuters-21578, a minute at a million articles. It is
// therefore kept per immutable segment of the index, with the number of
// the segment's documents deleted when it was counted: a search sums the
// counts of its snapshot's segments, and only a segment not seen before
// (new from a write or a merge) or with more deletions is counted again.
// A few thousand documents are counted on the spot, so a search after a
// small write ranks with exact figures; more than that, while figures of
// an earlier snapshot exist, are counted in the background and the
// earlier figures serve meanwhile: merges and bulk loads change the
// average length of a field by a fraction of a per cent, and a settled
// index is ranked with exact figures again as soon as the count is done.
// The counts are saved beside the index when it closes and read back when
// it opens (statsFile), so that only the first search after a crash, or on
// an index written by an older Dateline, counts all of it.

// syncCountDocs is the most documents a search counts itself rather than
// hand to the background: about 50 ms of postings on one core.
const syncCountDocs = 4096

// countedFields are the analysed fields whose lengths are counted exactly;
// every other field keeps bleve's own estimate (the sum of its segments'
// dictionary sizes), used only in filters.
var countedFields = map[string]bool{
	fieldText: true, fieldTitle: true, fieldQuote: true,
	fieldSpeakerName: true, fieldRegionName: true,
}

// segKey names one state of a segment: scorch's segment id, its size, and
// how many of its documents were deleted, a number that only grows.
type segKey struct{ ID, Size, Deleted uint64 }

// segCounts are one segment's live documents and, per field, its tokens
// (counted fields) or its dictionary's size (other fields).
type segCounts struct {
	docs   uint64
	fields map[string]int
}

// statsCache holds the BM25 statistics of one index.
type statsCache struct {
	mu sync.Mutex
	// of is the scorch index the counts are of: a rebuild's swap to
	// another one empties the cache.
	of   index.Index
	segs map[segKey]*segCounts
	// last is the statistics of the snapshot last seen, made of the
	// segments keys, given again while the snapshot's segments stay the
	// same.
	last *search.BM25Stats
	keys []segKey
	// counting is set while a background count runs; done is closed
	// when it ends, quit asks it to stop.
	counting bool
	done     chan struct{}
	quit     chan struct{}
}

// bm25Stats returns the index's BM25 statistics: the document count and,
// per field, the total number of tokens (bleve calls it the field's
// cardinality and divides it by the document count to get avgdl).
func (x *Index) bm25Stats(ctx context.Context) (*search.BM25Stats, error) {
	adv, err := x.bi.Advanced()
	if err != nil {
		return nil, fmt.Errorf("opening index for statistics: %w", err)
	}
	r, err := adv.Reader()
	if err != nil {
		return nil, fmt.Errorf("opening index reader for statistics: %w", err)
	}
	defer r.Close()
	snap, ok := r.(*scorch.IndexSnapshot)
	if !ok {
		return nil, fmt.Errorf("index reader for statistics is a %T, not a scorch snapshot", r)
	}
	return x.stats.get(ctx, adv, snap)
}

// get returns the statistics of snap, a snapshot of the index adv.
func (c *statsCache) get(ctx context.Context, adv index.Index, snap *scorch.IndexSnapshot) (*search.BM25Stats, error) {
	segs := snap.Segments()
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.of != adv {
		c.of, c.segs, c.last, c.keys = adv, map[segKey]*segCounts{}, nil, nil
	}
	keys := make([]segKey, len(segs))
	for i, ss := range segs {
		keys[i] = segKeyOf(ss)
	}
	if c.last != nil && slices.Equal(keys, c.keys) {
		return c.last, nil
	}
	var missing []*scorch.SegmentSnapshot
	var missingDocs uint64
	for i, ss := range segs {
		if _, ok := c.segs[keys[i]]; !ok {
			missing = append(missing, ss)
			missingDocs += ss.Segment().Count()
		}
	}
	if len(missing) > 0 && c.last != nil && missingDocs > syncCountDocs {
		c.background(adv)
		return c.last, nil
	}
	for _, ss := range missing {
		sc, err := countSegment(ctx, ss, nil, true)
		if err != nil {
			return nil, err
		}
		c.segs[segKeyOf(ss)] = sc
	}
	c.last, c.keys = sumCounts(keys, c.segs), keys
	// Forget segments merged away and superseded deletion counts.
	live := make(map[segKey]bool, len(keys))
	for _, k := range keys {
		live[k] = true
	}
	for k := range c.segs {
		if !live[k] {
			delete(c.segs, k)
		}
	}
	return c.last, nil
}

// background starts, c.mu held, a count of the segments of adv's current
// snapshot not yet counted, unless one runs.
func (c *statsCache) background(adv index.Index) {
	if c.counting {
		return
	}
	if c.quit == nil {
		c.quit = make(chan struct{})
	}
	c.counting, c.done = true, make(chan struct{})
	go func(done, quit chan struct{}) {
		defer close(done)
		counted := map[segKey]*segCounts{}
		defer func() {
			c.mu.Lock()
			defer c.mu.Unlock()
			c.counting = false
			if c.of == adv {
				for k, sc := range counted {
					c.segs[k] = sc
				}
			}
		}()
		r, err := adv.Reader()
		if err != nil {
			return
		}
		defer r.Close()
		snap, ok := r.(*scorch.IndexSnapshot)
		if !ok {
			return
		}
		for _, ss := range snap.Segments() {
			k := segKeyOf(ss)
			c.mu.Lock()
			_, have := c.segs[k]
			c.mu.Unlock()
			if have {
				continue
			}
			// A count that fails (the index closing) leaves the
			// segment to be counted by a later search.
			sc, err := countSegment(context.Background(), ss, quit, false)
			if err != nil {
				return
			}
			counted[k] = sc
		}
	}(c.done, c.quit)
}

// close stops a background count and waits for it to end.
func (c *statsCache) close() {
	c.mu.Lock()
	done := c.done
	if c.quit != nil {
		close(c.quit)
	}
	c.quit = make(chan struct{})
	c.mu.Unlock()
	if done != nil {
		<-done
	}
}

// errStatsStopped ends a background count when the index closes.
var errStatsStopped = errors.New("index closing")

// segKeyOf returns the key of a segment as it stands in a snapshot.
func segKeyOf(ss *scorch.SegmentSnapshot) segKey {
	k := segKey{ID: ss.Id(), Size: ss.Segment().Count()}
	if d := ss.Deleted(); d != nil {
		k.Deleted = d.GetCardinality()
	}
	return k
}

// sumCounts adds up the counts of a snapshot's segments.
func sumCounts(keys []segKey, segs map[segKey]*segCounts) *search.BM25Stats {
	// "*" is asked for by queries over no field in particular (match all).
	out := &search.BM25Stats{FieldCardinality: map[string]int{"*": 0}}
	for f := range countedFields {
		out.FieldCardinality[f] = 0
	}
	for _, k := range keys {
		sc := segs[k]
		out.DocCount += float64(sc.docs)
		for f, n := range sc.fields {
			out.FieldCardinality[f] += n
		}
	}
	return out
}

// countSegment counts one segment: the term frequencies of every live
// posting of the counted fields, which is the number of tokens each holds,
// and the dictionary size of the others. It gives up when quit is closed.
// parallel counts the counted fields each on a goroutine of its own, as
// the count that ends a bulk load does, on cores that have nothing else
// to do; a count in the background of a serving index keeps to one.
func countSegment(ctx context.Context, ss *scorch.SegmentSnapshot, quit <-chan struct{}, parallel bool) (*segCounts, error) {
	seg := ss.Segment()
	sc := &segCounts{docs: ss.Count(), fields: map[string]int{}}
	var (
		wg    sync.WaitGroup
		mu    sync.Mutex
		first error
	)
	for _, f := range seg.Fields() {
		dict, err := seg.Dictionary(f)
		if err != nil {
			return nil, fmt.Errorf("counting field %s: %w", f, err)
		}
		if !countedFields[f] {
			mu.Lock()
			sc.fields[f] = dict.Cardinality()
			mu.Unlock()
			continue
		}
		count := func() {
			total, err := countField(ctx, ss, dict, quit)
			mu.Lock()
			defer mu.Unlock()
			if err != nil && first == nil {
				first = fmt.Errorf("counting field %s: %w", f, err)
			}
			sc.fields[f] = total
		}
		if parallel {
			wg.Go(count)
		} else {
			count()
		}
	}
	wg.Wait()
	if first != nil {
		return nil, first
	}
	return sc, nil
}

// countField adds up the term frequencies of every live posting of dict,
// a field's dictionary in the segment of ss.
func countField(ctx context.Context, ss *scorch.SegmentSnapshot, dict segment.TermDictionary, quit <-chan struct{}) (int, error) {
	deleted := ss.Deleted()
	var pl segment.PostingsList
	var pi segment.PostingsIterator
	total := 0
	it := dict.AutomatonIterator(&vellum.AlwaysMatch{}, nil, nil)
	for terms := 0; ; terms++ {
		if terms%1024 == 0 {
			select {
			case <-quit:
				return 0, errStatsStopped
			case <-ctx.Done():
				return 0, ctx.Err()
			default:
			}
		}
		entry, err := it.Next()
		if err != nil {
			return 0, err
		}
		if entry == nil {
			return total, nil
		}
		if pl, err = dict.PostingsList([]byte(entry.Term), deleted, pl); err != nil {
			return 0, err
		}
		pi = pl.Iterator(true, false, false, pi)
		for {
			p, err := pi.Next()
			if err != nil {
				return 0, err
			}
			if p == nil {
				break
			}
			total += int(p.Frequency())
		}
	}
}
