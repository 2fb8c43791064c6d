package search

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/blevesearch/bleve/v2"
)

// rebuildBatch is the number of articles a rebuild reads from the store and
// indexes at once: the size the indexer uses, where bleve's per-batch cost
// is spread thin and memory stays flat.
const rebuildBatch = 1000

// ErrBusy is returned when a rebuild is asked for while one runs.
var ErrBusy = errors.New("a rebuild is already running")

// Progress is how far a rebuild has got: Done of Total articles indexed.
type Progress struct {
	Done, Total int
}

// Rebuild builds a new bleve index from the store with the current schema,
// analyzers and extractors (corpus.Enrich), beside the one in use, and then
// swaps it in: searches are answered throughout, from the old index until
// the swap and from the new one after it. Writes go on too: those made
// while the new index is built are applied to it again before the swap.
//
// progress, when not nil, is called after every batch. The swap is durable
// (the store names the new index) before the old index is removed, so a
// crash at any point leaves one whole index in use. Where ctx is done
// before the swap, the new index is dropped and the old one stays.
func (x *Index) Rebuild(ctx context.Context, progress func(Progress)) (err error) {
	if !x.rebuilding.TryLock() {
		return ErrBusy
	}
	defer x.rebuilding.Unlock()

	total, err := x.st.count()
	if err != nil {
		return fmt.Errorf("rebuilding: counting articles: %w", err)
	}
	x.wmu.Lock()
	name := indexDirName(indexDirNumber(x.curName) + 1)
	x.dirty = map[string]struct{}{}
	x.wmu.Unlock()
	newPath := filepath.Join(x.path, name)
	os.RemoveAll(newPath)
	nbi, err := newBleve(newPath)
	if err != nil {
		x.endRebuild()
		return fmt.Errorf("rebuilding: %w", err)
	}
	swapped := false
	defer func() {
		if !swapped {
			x.endRebuild()
			nbi.Close()
			os.RemoveAll(newPath)
		}
	}()

	if progress != nil {
		progress(Progress{Total: total})
	}
	done := 0
	for after := ""; ; {
		if err := ctx.Err(); err != nil {
			return fmt.Errorf("rebuilding: stopped after %d of %d articles: %w", done, total, err)
		}
		arts, err := x.st.scan(after, rebuildBatch)
		if err != nil {
			return fmt.Errorf("rebuilding: reading the store: %w", err)
		}
		if len(arts) == 0 {
			break
		}
		b := nbi.NewBatch()
		mem := newTableMemory()
		for i := range arts {
			a := enriched(arts[i])
			if err := indexArticle(b, nbi.Mapping(), a, toDocument(a), mem); err != nil {
				return fmt.Errorf("rebuilding: %w", err)
			}
		}
		err = nbi.Batch(b)
		mem.release()
		if err != nil {
			return fmt.Errorf("rebuilding: writing a batch: %w", err)
		}
		done += len(arts)
		after = arts[len(arts)-1].ID
		if progress != nil {
			progress(Progress{Done: done, Total: max(total, done)})
		}
	}

	x.wmu.Lock()
	defer x.wmu.Unlock()
	// Batches in flight go to the old index, which is about to close.
	x.waitIdle(nil)
	if err := x.catchUp(nbi); err != nil {
		return err
	}
	if err := x.st.setMeta(metaIndex, name); err != nil {
		return fmt.Errorf("rebuilding: recording the new index: %w", err)
	}
	old, oldName := x.cur, x.curName
	phraseStores.Store(nbi.Mapping(), x.st)
	x.bi.Swap([]bleve.Index{nbi}, []bleve.Index{old})
	x.cur, x.curName, x.dirty = nbi, name, nil
	swapped = true
	// The swap waited for the searches on the old index to finish, and new
	// ones go to the new index: the old one can go.
	phraseStores.Delete(old.Mapping())
	schemas.Delete(old.Mapping())
	old.Close()
	os.RemoveAll(filepath.Join(x.path, oldName))
	return nil
}

// catchUp applies to nbi the writes made since the rebuild began, reading
// each article's latest state from the store; x.wmu is held.
func (x *Index) catchUp(nbi bleve.Index) error {
	if len(x.dirty) == 0 {
		return nil
	}
	b := nbi.NewBatch()
	for id := range x.dirty {
		a, ok, err := x.st.get(id)
		if err != nil {
			return fmt.Errorf("rebuilding: reading article %s: %w", id, err)
		}
		if !ok {
			b.Delete(id)
			continue
		}
		ea := enriched(a)
		if err := indexArticle(b, nbi.Mapping(), ea, toDocument(ea), nil); err != nil {
			return fmt.Errorf("rebuilding: %w", err)
		}
	}
	if err := nbi.Batch(b); err != nil {
		return fmt.Errorf("rebuilding: applying %d writes made meanwhile: %w", len(x.dirty), err)
	}
	return nil
}

func (x *Index) endRebuild() {
	x.wmu.Lock()
	x.dirty = nil
	x.wmu.Unlock()
}

// indexDirNumber reads n back from indexDirName(n); 0 where name is not
// one.
func indexDirNumber(name string) int {
	n, err := strconv.Atoi(strings.TrimPrefix(name, "index-"))
	if err != nil {
		return 0
	}
	return n
}
