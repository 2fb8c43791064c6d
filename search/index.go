package search

import (
	"errors"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/index/scorch"
	bolterrors "go.etcd.io/bbolt/errors"

	"dateline/corpus"
)

var (
	// ErrNotFound is returned for an article ID the index does not hold.
	ErrNotFound = errors.New("article not found")
	// ErrLocked is returned when another process holds the index open.
	ErrLocked = errors.New("index is in use by another process")
	// ErrNoIndex is returned when opening a path that holds no index.
	ErrNoIndex = errors.New("no index")
)

// Index is a Dateline index on disk: a directory holding the article store
// (articles.db, the source of truth) and the bleve index built from it
// (index-NNNNNN/, named in the store, so that a rebuild can write a new one
// beside it and switch in one durable step).
//
// One process owns an index; within it Index is safe for concurrent use:
// writes are applied one at a time, searches run alongside them and alongside
// a rebuild.
type Index struct {
	path string
	st   *store
	// bi is what searches go through: an alias of the current bleve index,
	// swapped to a new one when a rebuild is done.
	bi bleve.IndexAlias

	// wmu orders writes and the swap at the end of a rebuild.
	wmu sync.Mutex
	// cur is the bleve index writes go to, and curName its directory.
	cur     bleve.Index
	curName string
	// settled are ids whose write the index holds, to be cleared from the
	// store's pending set by the next write.
	settled []string
	// dirty collects the ids written while a rebuild runs (nil otherwise),
	// for the rebuild to take again before it swaps.
	dirty map[string]struct{}
	// inflight counts, by id, the batches stored but not yet in the bleve
	// index: Put hands a batch to bleve without holding wmu, so that two
	// batches are analysed and built into segments at once, on two cores.
	// A write of an id in flight waits for it (so the index applies writes
	// of one id in the order the store did), and so do a swap, Compact and
	// Close (so nothing is written to an index they close). idle is
	// signalled, on wmu, whenever a batch lands.
	inflight map[string]int
	nflight  int
	idle     *sync.Cond
	// rebuilding is held for the whole of a rebuild, so only one runs.
	rebuilding sync.Mutex

	// stats caches the BM25 field statistics (rank.go).
	stats statsCache
	// facets holds the ordinal tables facets are counted from
	// (facetcount.go).
	facets *facetTables
}

// Create makes a new, empty index at path, which must not exist yet or be
// an empty directory.
func Create(path string) (*Index, error) {
	if err := os.Mkdir(path, 0o755); err != nil {
		entries, rerr := os.ReadDir(path)
		if !errors.Is(err, os.ErrExist) || rerr != nil || len(entries) > 0 {
			return nil, fmt.Errorf("creating index %s: %w", path, err)
		}
	}
	st, err := openStore(filepath.Join(path, storeFile), true)
	if err != nil {
		return nil, fmt.Errorf("creating index %s: %w", path, err)
	}
	name := indexDirName(1)
	bi, err := newBleve(filepath.Join(path, name))
	if err == nil {
		err = st.setMeta(metaIndex, name)
	}
	if err != nil {
		if bi != nil {
			bi.Close()
		}
		st.close()
		return nil, fmt.Errorf("creating index %s: %w", path, err)
	}
	return newIndex(path, st, bi, name), nil
}

// Open opens the index at path. It fails with ErrNoIndex where there is
// none, and with ErrLocked where another process holds it. An index of the
// earlier layout (a bare bleve index, without the article store) is first
// moved to the current one, reading its articles back from its stored
// fields: that takes about as long as indexing them did, once.
//
// Writes a crash interrupted between the store and the index are applied
// to the index here, so that the two agree again.
func Open(path string) (*Index, error) { return open(path, nil) }

// open is Open with extra bleve runtime options (loadOptions).
func open(path string, opts map[string]interface{}) (*Index, error) {
	if _, err := os.Stat(path); errors.Is(err, os.ErrNotExist) {
		// A migration that stopped between its two renames.
		if _, oerr := os.Stat(path + ".old"); oerr == nil {
			if err := os.Rename(path+".old", path); err != nil {
				return nil, fmt.Errorf("opening index %s: putting back the index a migration moved: %w", path, err)
			}
		}
	}
	if _, err := os.Stat(filepath.Join(path, storeFile)); err != nil {
		if _, merr := os.Stat(filepath.Join(path, "index_meta.json")); merr != nil {
			return nil, fmt.Errorf("opening index %s: %w", path, ErrNoIndex)
		}
		if err := migrate(path); err != nil {
			return nil, fmt.Errorf("opening index %s: moving it to the current layout: %w", path, err)
		}
	}
	st, err := openStore(filepath.Join(path, storeFile), false)
	if err != nil {
		return nil, fmt.Errorf("opening index %s: %w", path, err)
	}
	name, err := st.meta(metaIndex)
	if err == nil && name == "" {
		err = errors.New("the store names no index directory")
	}
	var bi bleve.Index
	if err == nil {
		cfg := map[string]interface{}{"bolt_timeout": lockWait.String()}
		maps.Copy(cfg, opts)
		bi, err = bleve.OpenUsing(filepath.Join(path, name), cfg)
		if errors.Is(err, bolterrors.ErrTimeout) {
			err = ErrLocked
		}
	}
	if err != nil {
		st.close()
		return nil, fmt.Errorf("opening index %s: %w", path, err)
	}
	x := newIndex(path, st, bi, name)
	x.loadStats()
	if err := x.settle(); err != nil {
		x.Close()
		return nil, fmt.Errorf("opening index %s: %w", path, err)
	}
	x.removeStale()
	return x, nil
}

// OpenOrCreate opens the index at path, creating it where there is none.
// created says which happened.
func OpenOrCreate(path string) (x *Index, created bool, err error) {
	x, err = Open(path)
	if errors.Is(err, ErrNoIndex) {
		x, err = Create(path)
		return x, err == nil, err
	}
	return x, false, err
}

// loadOptions are the bleve runtime options of a bulk load. The merge
// planner leaves up to loadSegments segments unmerged, where by default it
// merges them by tiers while the batches arrive, copying most postings two
// or three times; Compact then merges them all at once. On Reuters-21578
// (22 segments), four runs each way, that took indexer -index from
// 11.1-12.7 s to 9.2-11.4 s of wall time (medians 12.0 and 10.1) and from
// 18.3-20.8 s to 15.4-19.1 s of CPU time.
var loadOptions = map[string]interface{}{
	"scorchMergePlanOptions": map[string]interface{}{
		"MaxSegmentsPerTier":   loadSegments,
		"SegmentsPerMergeTask": loadSegments,
		// The planner counts a segment smaller than the floor as of the
		// floor's size (2,000 documents by default), which would budget
		// a load of small batches a few segments and merge the rest.
		"FloorSegmentSize": 1,
	},
}

// loadSegments is how many segments a bulk load leaves unmerged, and how
// many Compact merges in one pass: 100 batches of the indexer's 1,000
// articles, about a hundred open files.
const loadSegments = 100

// OpenForLoad is OpenOrCreate for a bulk load that ends with Compact (as
// indexer -index does): no segments are merged until Compact merges them
// all, and articles are stored uncompressed until Compact compresses them
// (store.raw). The options hold for this opening only; the index opens as
// usual the next time.
func OpenForLoad(path string) (x *Index, created bool, err error) {
	x, err = open(path, loadOptions)
	if errors.Is(err, ErrNoIndex) {
		// Created with bleve's defaults, which it records in the index,
		// then opened again for the load.
		if x, err = Create(path); err != nil {
			return nil, false, err
		}
		if err := x.Close(); err != nil {
			return nil, false, fmt.Errorf("creating index %s: %w", path, err)
		}
		created = true
		x, err = open(path, loadOptions)
	}
	if err != nil {
		return nil, false, err
	}
	x.st.raw = true
	return x, created, nil
}

func newIndex(path string, st *store, bi bleve.Index, name string) *Index {
	x := &Index{path: path, st: st, bi: bleve.NewIndexAlias(bi), cur: bi, curName: name, facets: newFacetTables(), inflight: map[string]int{}}
	x.idle = sync.NewCond(&x.wmu)
	phraseStores.Store(bi.Mapping(), st)
	return x
}

// newBleve creates an empty bleve index with the current schema. Batches
// are left safe (scorch's unsafe_batch off): Batch returns only once the
// new segment is written, synced and recorded in scorch's root file.
func newBleve(path string) (bleve.Index, error) {
	return bleve.NewUsing(path, newMapping(), scorch.Name, scorch.Name, nil)
}

// indexDirName names the n-th bleve index an index directory has held.
func indexDirName(n int) string { return fmt.Sprintf("index-%06d", n) }

// settle applies the writes the store holds as pending to the index: the
// articles it still has are indexed again, the others deleted.
func (x *Index) settle() error {
	ids, err := x.st.pending()
	if err != nil || len(ids) == 0 {
		return err
	}
	b := x.cur.NewBatch()
	for _, id := range ids {
		a, ok, err := x.st.get(id)
		if err != nil {
			return err
		}
		if !ok {
			b.Delete(id)
			continue
		}
		ea := enriched(a)
		if err := indexArticle(b, x.cur.Mapping(), ea, toDocument(ea), nil); err != nil {
			return err
		}
	}
	if err := x.cur.Batch(b); err != nil {
		return fmt.Errorf("applying %d pending writes: %w", len(ids), err)
	}
	return x.st.write(nil, nil, ids)
}

// removeStale deletes bleve indexes other than the current one: what an
// interrupted rebuild or swap left behind. Failing to is harmless.
func (x *Index) removeStale() {
	entries, _ := os.ReadDir(x.path)
	for _, e := range entries {
		if e.IsDir() && strings.HasPrefix(e.Name(), "index-") && e.Name() != x.curName {
			os.RemoveAll(filepath.Join(x.path, e.Name()))
		}
	}
}

// Path returns the directory the index lives in.
func (x *Index) Path() string { return x.path }

// Close closes the index.
func (x *Index) Close() error {
	x.wmu.Lock()
	defer x.wmu.Unlock()
	x.waitIdle(nil)
	x.stats.close()
	// Failing to save the counts costs the next opening a count.
	if adv, err := x.cur.Advanced(); err == nil {
		_ = x.stats.save(filepath.Join(x.path, statsFile), x.curName, adv)
	}
	x.bi.Close()
	phraseStores.Delete(x.cur.Mapping())
	schemas.Delete(x.cur.Mapping())
	err := x.cur.Close()
	if len(x.settled) > 0 && err == nil {
		err = x.st.write(nil, nil, x.settled)
	}
	if serr := x.st.close(); err == nil {
		err = serr
	}
	return err
}

// Count returns the number of articles in the index.
func (x *Index) Count() (uint64, error) { return x.bi.DocCount() }

// Put stores and indexes articles in one batch; an article whose ID is
// already indexed replaces the earlier one. Each article is kept in the
// store as given and indexed enriched (corpus.Enrich), so that a rebuild
// runs the extractors of its day again on what was given. The batch is
// durable when Put returns: the store's transaction and the index's
// segment are both synced to disk.
//
// Puts may run concurrently: the store writes are ordered, and the bleve
// batches of different calls are analysed and built at the same time
// (the indexer keeps two in flight, one a core).
func (x *Index) Put(arts []corpus.Article) error {
	docs := make([]map[string]interface{}, len(arts))
	ids := make([]string, len(arts))
	eas := make([]*corpus.Article, len(arts))
	for i := range arts {
		if arts[i].ID == "" {
			return fmt.Errorf("article %d of %d has no id", i+1, len(arts))
		}
		ids[i] = arts[i].ID
		eas[i] = enriched(arts[i])
		docs[i] = toDocument(eas[i])
	}
	x.wmu.Lock()
	x.waitIdle(ids)
	// The batch is made here, under the lock, so that it maps the documents
	// with the schema of the index it goes to, even right after a swap.
	cur := x.cur
	b := cur.NewBatch()
	mem := newTableMemory()
	for i := range arts {
		if err := indexArticle(b, cur.Mapping(), eas[i], docs[i], mem); err != nil {
			x.wmu.Unlock()
			return err
		}
	}
	if err := x.st.write(arts, nil, x.settled); err != nil {
		x.wmu.Unlock()
		return fmt.Errorf("storing batch of %d articles: %w", len(arts), err)
	}
	x.settled = nil
	x.markDirty(ids)
	x.fly(ids, 1)
	x.wmu.Unlock()

	err := cur.Batch(b)
	mem.release()

	x.wmu.Lock()
	defer x.wmu.Unlock()
	x.fly(ids, -1)
	if err != nil {
		// The ids stay pending in the store: the next Open indexes them.
		return fmt.Errorf("writing batch of %d articles: %w", len(arts), err)
	}
	x.settled = append(x.settled, ids...)
	return nil
}

// Delete removes the article with the given ID. Deleting an ID that is not
// indexed is not an error.
func (x *Index) Delete(id string) error {
	x.wmu.Lock()
	defer x.wmu.Unlock()
	x.waitIdle([]string{id})
	if err := x.st.write(nil, []string{id}, x.settled); err != nil {
		return fmt.Errorf("deleting article %s: %w", id, err)
	}
	x.settled = nil
	x.markDirty([]string{id})
	if err := x.cur.Delete(id); err != nil {
		return fmt.Errorf("deleting article %s: %w", id, err)
	}
	x.settled = append(x.settled, id)
	return nil
}

// Has reports whether the index holds an article with the given ID.
func (x *Index) Has(id string) (bool, error) {
	_, ok, err := x.st.get(id)
	return ok, err
}

// markDirty notes ids a rebuild must take again; x.wmu is held. It is
// called when the store has them, before the index does: the rebuild reads
// their latest state from the store.
func (x *Index) markDirty(ids []string) {
	if x.dirty != nil {
		for _, id := range ids {
			x.dirty[id] = struct{}{}
		}
	}
}

// fly adds d to the in-flight count of each id; x.wmu is held.
func (x *Index) fly(ids []string, d int) {
	for _, id := range ids {
		if x.inflight[id] += d; x.inflight[id] <= 0 {
			delete(x.inflight, id)
		}
	}
	x.nflight += d
	if d < 0 {
		x.idle.Broadcast()
	}
}

// waitIdle waits, x.wmu held, until none of ids is in flight, or, for nil
// ids, until no batch is.
func (x *Index) waitIdle(ids []string) {
	for {
		busy := ids == nil && x.nflight > 0
		for _, id := range ids {
			if x.inflight[id] > 0 {
				busy = true
				break
			}
		}
		if !busy {
			return
		}
		x.idle.Wait()
	}
}

// enriched returns an enriched copy of a, leaving a's slices untouched.
func enriched(a corpus.Article) *corpus.Article {
	a.Speakers = slices.Clone(a.Speakers)
	a.Regions = slices.Clone(a.Regions)
	a.Quotes = slices.Clone(a.Quotes)
	corpus.Enrich(&a)
	return &a
}
