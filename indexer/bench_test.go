package main

import (
	"context"
	"io"
	"os"
	"path/filepath"
	"testing"

	"dateline/internal/shareddata"
)

// BenchmarkIndexReuters runs indexer -index over all of Reuters-21578, as
// the shared harness does, and reports articles/s and the index's size on
// disk. One iteration takes seconds; -benchtime 1x is enough.
//
//	DATELINE_SHARED=/work/shared go test ./indexer -run XXX -bench IndexReuters -benchtime 1x
func BenchmarkIndexReuters(b *testing.B) {
	data := shareddata.Path(b, "data", "reuters21578")
	var size int64
	for i := 0; i < b.N; i++ {
		dir := filepath.Join(b.TempDir(), "reuters.idx")
		if err := run(context.Background(), []string{"-index", dir, data}, noEnv, io.Discard, io.Discard); err != nil {
			b.Fatalf("run -index: %v", err)
		}
		b.StopTimer()
		size = dirSize(b, dir)
		b.StartTimer()
	}
	b.ReportMetric(float64(21578*b.N)/b.Elapsed().Seconds(), "articles/s")
	b.ReportMetric(float64(size)/(1<<20), "MB")
}

// dirSize sums the sizes of the files under dir, as the harness measures
// an index.
func dirSize(tb testing.TB, dir string) int64 {
	tb.Helper()
	var n int64
	err := filepath.WalkDir(dir, func(_ string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		info, err := d.Info()
		if err == nil {
			n += info.Size()
		}
		return err
	})
	if err != nil {
		tb.Fatalf("measuring %s: %v", dir, err)
	}
	return n
}
