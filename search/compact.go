package search

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/blevesearch/bleve/v2/index/scorch"
	"github.com/blevesearch/bleve/v2/index/scorch/mergeplan"
	bolt "go.etcd.io/bbolt"
)

// A compacted store of largeStore bytes or more gets pages of
// largeStorePage bytes (see compact).
const (
	largeStore     = 4 << 20
	largeStorePage = 16 << 10
)

// compactTxSize is how many bytes of articles one transaction of a store
// compaction copies: large enough that commits are few, small enough to
// keep memory flat.
const compactTxSize = 8 << 20

// Compact makes the index as small on disk as it can be: the bleve index is
// merged into one segment (fewer, larger segments share one term
// dictionary and compress better) and the article store is rewritten
// without the free pages that many small transactions leave behind, its
// articles compressed where a bulk load left them uncompressed
// (store.raw), beside the merge, on a core it leaves idle. It is
// meant for the end of a bulk load (indexer -index), where it takes about a
// third of the loading time. No other call may use the index meanwhile:
// the store is closed and opened again under it.
//
// merge false leaves the bleve segments as they are and compacts the store
// only: on Reuters-21578, loaded with OpenForLoad (22 segments), the merge
// takes a quarter of the CPU time of indexing (14.0 s of CPU without it,
// 19.2 s with) and more than a quarter of the bleve index's size (39.4 ->
// 28.2 MB).
func (x *Index) Compact(ctx context.Context, merge bool) error {
	x.wmu.Lock()
	defer x.wmu.Unlock()
	x.waitIdle(nil)
	if len(x.settled) > 0 {
		if err := x.st.write(nil, nil, x.settled); err != nil {
			return fmt.Errorf("compacting %s: %w", x.path, err)
		}
		x.settled = nil
	}
	// The store is rewritten on one core while bleve merges on the other:
	// the two share nothing, and the merge runs on one core alone.
	stored := make(chan error, 1)
	go func() { stored <- x.st.compact() }()
	var sc *scorch.Scorch
	if merge {
		var err error
		if sc, err = x.mergeSegments(ctx); err != nil {
			<-stored
			return fmt.Errorf("compacting %s: %w", x.path, err)
		}
	}
	// The BM25 statistics of the compacted index, counted here and saved
	// as the index closes, spare the next process to open it (searchd)
	// from reading every posting before its first search: at a million
	// articles that took 4 s and 700 MB of its resident memory. They are
	// counted once the merge is done, a field on each core, while scorch
	// removes the files merged away: on Reuters-21578 the compaction
	// ends 0.06 s sooner than with the count after the removal, on one
	// core.
	counted := make(chan error, 1)
	go func() {
		x.stats.mu.Lock()
		x.stats.last = nil // count every segment now, not in the background
		x.stats.mu.Unlock()
		_, err := x.bm25Stats(ctx)
		counted <- err
	}()
	var err error
	if sc != nil {
		err = x.awaitMergedAway(sc)
	}
	if cerr := <-counted; err == nil && cerr != nil {
		err = cerr
	}
	if serr := <-stored; serr != nil {
		return fmt.Errorf("compacting %s: the article store: %w", x.path, serr)
	}
	if err != nil {
		return fmt.Errorf("compacting %s: %w", x.path, err)
	}
	return nil
}

// mergeSegments merges the current bleve index into one segment; x.wmu is
// held. It returns the scorch index merged, nil where the index is not one.
func (x *Index) mergeSegments(ctx context.Context) (*scorch.Scorch, error) {
	ai, err := x.cur.Advanced()
	if err != nil {
		return nil, err
	}
	sc, ok := ai.(*scorch.Scorch)
	if !ok {
		return nil, nil
	}
	// One pass merges up to loadSegments segments into one (bleve's own
	// plan merges ten at a time, copying the postings of a bulk load's
	// two dozen segments twice); an index with more takes a second pass.
	opts := mergeplan.SingleSegmentMergePlanOptions
	opts.SegmentsPerMergeTask = loadSegments
	for range 3 {
		if err := sc.ForceMerge(ctx, &opts); err != nil {
			return nil, err
		}
		if rootSegments(sc) <= 1 {
			break
		}
	}
	return sc, nil
}

// awaitMergedAway waits until the segment files a merge of sc replaced
// are removed; x.wmu is held.
//
// scorch keeps the snapshot before the merge, and the segment files it
// names, for a rollback nobody will ask for; it drops them once later
// snapshots push it out and its persister goes idle, which a process
// that exits right away (the indexer) does not wait for: Reuters-21578
// was left with 67 MB of such files beside its 55 MB segment. Durable
// writes of a marker make the later snapshots; the wait ends when only
// the live segment files are left, or after two seconds, which leaves
// them to the next time the index is opened.
func (x *Index) awaitMergedAway(sc *scorch.Scorch) error {
	dir := filepath.Join(x.path, x.curName, "store")
	for range 100 {
		if uint64(zapFiles(dir)) <= rootSegments(sc) {
			break
		}
		if err := x.cur.SetInternal(compactedKey, []byte(time.Now().UTC().Format(time.RFC3339Nano))); err != nil {
			return err
		}
		time.Sleep(20 * time.Millisecond)
	}
	return nil
}

// compactedKey is the bleve internal key that records when the index was
// last compacted.
var compactedKey = []byte("dateline-compacted")

// zapFiles counts the segment files in a scorch store directory.
func zapFiles(dir string) int {
	n := 0
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if strings.HasSuffix(e.Name(), ".zap") {
			n++
		}
	}
	return n
}

// rootSegments is the number of segments, in memory and on disk, of the
// index's current snapshot.
func rootSegments(sc *scorch.Scorch) uint64 {
	m := sc.StatsMap()
	mem, _ := m["num_root_memorysegments"].(uint64)
	file, _ := m["num_root_filesegments"].(uint64)
	return mem + file
}

// compact rewrites the store into a new file, filled to the brim and grown
// only as far as it needs, and puts it in the old one's place. A crash
// before the rename leaves the old file whole and a stray copy, which the
// next compaction overwrites.
func (s *store) compact() error {
	path := s.db.Path()
	tmp := path + ".compact"
	os.Remove(tmp)
	// A large store gets pages of 16 KiB rather than the system's 4: a
	// page holds whole articles, about 500 bytes each compressed, and
	// leaves what the next would not fit in unused, a tenth of a small
	// page and a fortieth of a large one (Reuters-21578's store: 13.5 MB
	// in 4 KiB pages, 12.5 in 16 KiB). A small one keeps small pages, of
	// which its fixed few (meta, freelist, root) take less. bbolt keeps a
	// file's page size when it opens it again.
	pageSize := 0 // the system's
	threshold := int64(largeStore)
	if s.raw {
		// Articles a bulk load left uncompressed shrink to about half.
		threshold *= 2
	}
	if st, err := os.Stat(path); err == nil && st.Size() >= threshold {
		pageSize = largeStorePage
	}
	dst, err := bolt.Open(tmp, 0o644, &bolt.Options{Timeout: lockWait, NoSync: true, PageSize: pageSize})
	if err != nil {
		return err
	}
	// bbolt grows a file by whole mmap steps (16 MB and more) unless told
	// otherwise; one page at a time leaves it the size of its data.
	dst.AllocSize = 4096
	err = copyStore(dst, s.db, compactTxSize)
	if err == nil {
		err = dst.Sync()
	}
	if cerr := dst.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(tmp)
		return err
	}
	if err := s.db.Close(); err != nil {
		return err
	}
	if err := os.Rename(tmp, path); err != nil {
		return err
	}
	db, err := bolt.Open(path, 0o644, &bolt.Options{Timeout: lockWait})
	if err != nil {
		return err
	}
	s.db, s.raw = db, false
	return nil
}

// copyStore copies the buckets of src into dst, as bolt.Compact does, with
// each article compressed where it was stored uncompressed
// (compressStored), committing every txSize bytes. The store's buckets
// hold no buckets, and use no sequences, which are not copied.
func copyStore(dst, src *bolt.DB, txSize int) error {
	tx, err := dst.Begin(true)
	if err != nil {
		return err
	}
	defer func() {
		if tx != nil {
			tx.Rollback()
		}
	}()
	size := 0
	err = src.View(func(stx *bolt.Tx) error {
		return stx.ForEach(func(name []byte, sb *bolt.Bucket) error {
			if _, err := tx.CreateBucket(name); err != nil {
				return err
			}
			articles := bytes.Equal(name, bucketArticles)
			return sb.ForEach(func(k, v []byte) error {
				if v == nil {
					return fmt.Errorf("bucket %s holds a bucket, %s: not a Dateline article store", name, k)
				}
				if articles {
					var err error
					if v, err = compressStored(k, v); err != nil {
						return err
					}
				}
				if size += len(k) + len(v); size > txSize {
					err := tx.Commit()
					tx = nil
					if err != nil {
						return err
					}
					if tx, err = dst.Begin(true); err != nil {
						tx = nil
						return err
					}
					size = len(k) + len(v)
				}
				b := tx.Bucket(name)
				// Keys come in order: full pages are the smallest.
				b.FillPercent = 1.0
				return b.Put(k, v)
			})
		})
	})
	if err != nil {
		return err
	}
	err = tx.Commit()
	tx = nil
	return err
}
