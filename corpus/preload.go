package corpus

import "sync"

// Preload builds now the tables extraction otherwise builds on first use:
// the gazetteer, the region spellings read from it, and the common words,
// about a fifth of a second of processor time. A process about to extract
// many articles calls it at start, beside its first reading, so that its
// first articles wait on no table: the indexer's first batches spent that
// time on one core, the other waiting. also are run once the gazetteer is
// loaded, beside the region spellings: the tables of other packages read
// from it (analyzers.Preload), which then decode it no second time.
// Preload returns when all are built.
func Preload(also ...func()) {
	var wg sync.WaitGroup
	wg.Go(func() { loadCommonWords() })
	loadGazetteer()
	for _, f := range also {
		wg.Go(f)
	}
	loadRegionNames()
	wg.Wait()
}
