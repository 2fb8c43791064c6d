package search

import (
	"context"
	"path/filepath"
	"sync"
	"testing"

	"dateline/corpus"
	"dateline/internal/shareddata"
)

// reutersBench is the Reuters index the query benchmarks share, built
// once per test binary: indexing all 21,578 articles takes seconds, the
// queries microseconds.
var reutersBench struct {
	once sync.Once
	x    *Index
	qs   []Request
	err  error
}

// mustReutersIndex returns an index of all of Reuters-21578 and the shared
// harness's kind of query over it, skipping where the data is absent.
func mustReutersIndex(b *testing.B) (*Index, []Request) {
	b.Helper()
	dir := shareddata.Path(b, "data", "reuters21578")
	g := newArticleGen(b)
	reutersBench.once.Do(func() {
		files, _ := filepath.Glob(filepath.Join(dir, "reut2-*.sgm"))
		x, err := Create(filepath.Join(b.TempDir(), "reuters.idx"))
		if err != nil {
			reutersBench.err = err
			return
		}
		for _, f := range files {
			arts, err := corpus.ReadFile(f)
			if err != nil {
				reutersBench.err = err
				return
			}
			if err := x.Put(arts); err != nil {
				reutersBench.err = err
				return
			}
		}
		reutersBench.x, reutersBench.qs = x, g.queries(300)
	})
	if reutersBench.err != nil {
		b.Fatal(reutersBench.err)
	}
	return reutersBench.x, reutersBench.qs
}

// BenchmarkSearchReuters runs Index.Search end to end as searchd's API
// does for the shared harness: one to three words, some with a region
// filter, ten hits with snippets and all facets.
//
//	DATELINE_SHARED=/work/shared go test ./search -run XXX -bench SearchReuters
func BenchmarkSearchReuters(b *testing.B) {
	x, qs := mustReutersIndex(b)
	ctx := context.Background()
	for _, q := range qs { // the statistics cache and the OS page cache
		if _, err := x.Search(ctx, q); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		if _, err := x.Search(ctx, qs[i%len(qs)]); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkSearchReutersParallel is BenchmarkSearchReuters with requests
// in flight on every core, as a busy searchd serves them.
func BenchmarkSearchReutersParallel(b *testing.B) {
	x, qs := mustReutersIndex(b)
	ctx := context.Background()
	b.ReportAllocs()
	b.ResetTimer()
	b.RunParallel(func(pb *testing.PB) {
		i := 0
		for pb.Next() {
			if _, err := x.Search(ctx, qs[i%len(qs)]); err != nil {
				b.Error(err)
				return
			}
			i++
		}
	})
}
