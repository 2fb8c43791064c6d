package main

import (
	"context"
	"io"
	"os"
	"path/filepath"
	"testing"
)

// sharedReuters returns the Reuters-21578 folder of the shared data:
// $DATELINE_SHARED/data/reuters21578, or the shared folder beside the
// module, skipping where it is absent.
func sharedReuters(tb testing.TB) string {
	tb.Helper()
	root := os.Getenv("DATELINE_SHARED")
	if root == "" {
		dir, err := os.Getwd()
		if err != nil {
			tb.Skipf("shared data absent: %v", err)
		}
		for {
			if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
				break
			}
			parent := filepath.Dir(dir)
			if parent == dir {
				tb.Skip("shared data absent: no go.mod above the test")
			}
			dir = parent
		}
		root = filepath.Join(dir, "..", "shared")
	}
	p := filepath.Join(root, "data", "reuters21578")
	if _, err := os.Stat(p); err != nil {
		tb.Skipf("shared data absent: %v", err)
	}
	return p
}

// BenchmarkIndexReuters runs indexer -index over all of Reuters-21578, as
// the shared harness does, and reports articles/s and the index's size on
// disk. One iteration takes seconds; -benchtime 1x is enough.
//
//	DATELINE_SHARED=/work/shared go test ./indexer -run XXX -bench IndexReuters -benchtime 1x
func BenchmarkIndexReuters(b *testing.B) {
	data := sharedReuters(b)
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
