package search

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/blevesearch/bleve/v2/search"
	index "github.com/blevesearch/bleve_index_api"

	"dateline/corpus"
)

// walkStats counts the documents and the tokens of the counted fields the
// slow, obvious way: every posting of every term through the index reader.
// It is what the per-segment counts must add up to.
func walkStats(tb testing.TB, x *Index) *search.BM25Stats {
	tb.Helper()
	ctx := context.Background()
	adv, err := x.bi.Advanced()
	if err != nil {
		tb.Fatalf("Advanced: %v", err)
	}
	r, err := adv.Reader()
	if err != nil {
		tb.Fatalf("Reader: %v", err)
	}
	defer r.Close()
	n, err := r.DocCount()
	if err != nil {
		tb.Fatalf("DocCount: %v", err)
	}
	out := &search.BM25Stats{DocCount: float64(n), FieldCardinality: map[string]int{}}
	for f := range countedFields {
		dict, err := r.FieldDict(f)
		if err != nil {
			tb.Fatalf("FieldDict(%s): %v", f, err)
		}
		var tfd index.TermFieldDoc
		for {
			de, err := dict.Next()
			if err != nil {
				tb.Fatalf("FieldDict(%s).Next: %v", f, err)
			}
			if de == nil {
				break
			}
			tfr, err := r.TermFieldReader(ctx, []byte(de.Term), f, true, false, false)
			if err != nil {
				tb.Fatalf("TermFieldReader(%s:%s): %v", f, de.Term, err)
			}
			for d, err := tfr.Next(&tfd); d != nil || err != nil; d, err = tfr.Next(&tfd) {
				if err != nil {
					tb.Fatalf("TermFieldReader(%s:%s).Next: %v", f, de.Term, err)
				}
				out.FieldCardinality[f] += int(d.Freq)
			}
			tfr.Close()
		}
		dict.Close()
	}
	return out
}

// sameCounts reports how got differs from want in the document count and
// the counted fields, or "" where it does not.
func sameCounts(got, want *search.BM25Stats) string {
	if got.DocCount != want.DocCount {
		return fmt.Sprintf("DocCount %v, want %v", got.DocCount, want.DocCount)
	}
	for f := range countedFields {
		if got.FieldCardinality[f] != want.FieldCardinality[f] {
			return fmt.Sprintf("%s: %d tokens, want %d", f, got.FieldCardinality[f], want.FieldCardinality[f])
		}
	}
	if _, ok := got.FieldCardinality["*"]; !ok {
		return `no "*" field`
	}
	return ""
}

// renamed gives articles ids of their own, so that two synthetic sets do
// not replace each other.
func renamed(arts []corpus.Article, prefix string) []corpus.Article {
	for i := range arts {
		arts[i].ID = prefix + arts[i].ID
	}
	return arts
}

func mustStats(tb testing.TB, x *Index) *search.BM25Stats {
	tb.Helper()
	s, err := x.bm25Stats(context.Background())
	if err != nil {
		tb.Fatalf("bm25Stats: %v", err)
	}
	return s
}

func TestStatsExactAfterWrites(t *testing.T) {
	x := mustIndex(t, synthetic(300, 1))
	steps := []struct {
		name  string
		write func() error
	}{
		{name: "first search", write: func() error { return nil }},
		{name: "new articles", write: func() error { return x.Put(renamed(synthetic(40, 2), "n")) }},
		{name: "replaced articles", write: func() error { return x.Put(synthetic(25, 3)) }},
		{name: "deletions", write: func() error {
			for _, id := range []string{"s1", "s2", "s3", "ns4", "nope"} {
				if err := x.Delete(id); err != nil {
					return err
				}
			}
			return nil
		}},
	}
	for _, st := range steps {
		t.Run(st.name, func(t *testing.T) {
			if err := st.write(); err != nil {
				t.Fatalf("write: %v", err)
			}
			if d := sameCounts(mustStats(t, x), walkStats(t, x)); d != "" {
				t.Errorf("bm25Stats after %s: %s", st.name, d)
			}
		})
	}
}

// TestStatsLargeWriteCountedInBackground checks that a search after a
// write too large to count on the spot is not held up by the count: it
// ranks with the earlier figures, and with exact ones once the count is
// done.
func TestStatsLargeWriteCountedInBackground(t *testing.T) {
	x := mustIndex(t, synthetic(200, 1))
	before := mustStats(t, x)
	if err := x.Put(renamed(synthetic(syncCountDocs+500, 2), "big")); err != nil {
		t.Fatalf("Put: %v", err)
	}
	if got := mustStats(t, x); got.DocCount != before.DocCount {
		t.Errorf("bm25Stats right after a large write: DocCount %v, want the earlier %v while the count runs", got.DocCount, before.DocCount)
	}
	// Merges may make new segments meanwhile, each counted in turn; the
	// totals they hold do not change.
	var diff string
	for range 50 {
		x.stats.mu.Lock()
		done := x.stats.done
		x.stats.mu.Unlock()
		if done != nil {
			<-done
		}
		if diff = sameCounts(mustStats(t, x), walkStats(t, x)); diff == "" {
			break
		}
	}
	if diff != "" {
		t.Errorf("bm25Stats once counted: %s", diff)
	}
}

// BenchmarkStats measures the statistics over all of Reuters-21578: counted
// from nothing (the first search after opening the index) and as every
// later search of an unchanged index finds them.
//
//	DATELINE_SHARED=/work/shared go test ./search -run XXX -bench Stats
func BenchmarkStats(b *testing.B) {
	x, _ := mustReutersIndex(b)
	b.Run("count", func(b *testing.B) {
		for b.Loop() {
			x.stats.mu.Lock()
			x.stats.of = nil
			x.stats.mu.Unlock()
			mustStats(b, x)
		}
	})
	b.Run("walk", func(b *testing.B) {
		for b.Loop() {
			walkStats(b, x)
		}
	})
	b.Run("cached", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			mustStats(b, x)
		}
	})
}

// TestStatsSavedAcrossOpen checks that the counts an index closed with are
// used by the next opening without counting, and that the file is gone
// once read, so that a crash cannot leave it behind.
func TestStatsSavedAcrossOpen(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "saved.idx")
	x, err := Create(dir)
	if err != nil {
		t.Fatalf("Create: %v", err)
	}
	if err := x.Put(synthetic(200, 1)); err != nil {
		t.Fatalf("Put: %v", err)
	}
	want := mustStats(t, x)
	if err := x.Close(); err != nil {
		t.Fatalf("Close: %v", err)
	}
	if _, err := os.Stat(filepath.Join(dir, statsFile)); err != nil {
		t.Fatalf("after Close: %v", err)
	}
	x, err = Open(dir)
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	defer x.Close()
	if _, err := os.Stat(filepath.Join(dir, statsFile)); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("after Open: %s stat error %v, want it removed", statsFile, err)
	}
	x.stats.mu.Lock()
	loaded := len(x.stats.segs)
	x.stats.mu.Unlock()
	if loaded == 0 {
		t.Fatalf("after Open: no segment counts loaded")
	}
	got := mustStats(t, x)
	if d := sameCounts(got, want); d != "" {
		t.Errorf("bm25Stats after reopening: %s", d)
	}
	if d := sameCounts(got, walkStats(t, x)); d != "" {
		t.Errorf("bm25Stats after reopening, against a walk: %s", d)
	}
}
