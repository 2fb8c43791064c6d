package search

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"sync/atomic"
	"testing"

	"dateline/corpus"
)

// manyArticles returns n small articles with ids g0000…, each about grain
// and one of a few ports.
func manyArticles(n int) []corpus.Article {
	ports := []string{"Odesa", "Rotterdam", "Mumbai", "Santos"}
	arts := make([]corpus.Article, n)
	for i := range arts {
		port := ports[i%len(ports)]
		arts[i] = corpus.Article{
			ID:        fmt.Sprintf("g%04d", i),
			Title:     fmt.Sprintf("Grain shipment %d leaves %s", i, port),
			Body:      fmt.Sprintf("A cargo of wheat left %s on day %d, the port authority said.", port, i),
			Published: date("2025-05-02"), Regions: []string{port},
		}
	}
	return arts
}

// TestRebuildUnderLoad rebuilds while searches and writes go on: every
// search is answered, and the writes made during the rebuild are in the
// new index.
func TestRebuildUnderLoad(t *testing.T) {
	x := mustIndex(t, manyArticles(3000))
	ctx := context.Background()
	oldName := x.curName

	stop := make(chan struct{})
	var searches, failures atomic.Int64
	var wg sync.WaitGroup
	for range 2 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				select {
				case <-stop:
					return
				default:
				}
				res, err := x.Search(ctx, Request{Query: "wheat", Size: 5})
				searches.Add(1)
				// 2999: the writer below deletes one article.
				if err != nil || res.Total < 2999 {
					failures.Add(1)
				}
			}
		}()
	}
	written := make(chan error, 1)
	go func() {
		for i := range 20 {
			a := corpus.Article{ID: fmt.Sprintf("late%02d", i), Title: "Harbour cranes idle", Body: "Dockers stopped work again."}
			if err := x.Put([]corpus.Article{a}); err != nil {
				written <- err
				return
			}
		}
		written <- x.Delete("g0001")
	}()

	var last Progress
	err := x.Rebuild(ctx, func(p Progress) { last = p })
	if werr := <-written; werr != nil {
		t.Errorf("writing during rebuild: %v", werr)
	}
	close(stop)
	wg.Wait()
	if err != nil {
		t.Fatalf("Rebuild: %v", err)
	}
	t.Logf("%d searches during the rebuild, %d failed", searches.Load(), failures.Load())
	if failures.Load() > 0 || searches.Load() == 0 {
		t.Errorf("%d of %d searches during the rebuild failed or missed articles, want none of at least one", failures.Load(), searches.Load())
	}
	if last.Done < 3000 || last.Done != last.Total {
		t.Errorf("last progress = %+v, want Done = Total ≥ 3000", last)
	}
	if n, _ := x.Count(); n != 3000+20-1 {
		t.Errorf("Count after rebuild = %d, want %d", n, 3000+20-1)
	}
	res, err := x.Search(ctx, Request{Query: "cranes", Size: 100})
	if err != nil || res.Total != 20 {
		t.Errorf("Search(cranes) after rebuild: total %v, err %v; want 20", res.Total, err)
	}
	if _, err := os.Stat(filepath.Join(x.path, oldName)); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("old index %s still there after the swap (stat err %v)", oldName, err)
	}
	if x.curName == oldName {
		t.Errorf("index in use is still %s after the rebuild", oldName)
	}
}

func TestRebuildReopens(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "x.idx")
	x, err := Create(dir)
	if err != nil {
		t.Fatal(err)
	}
	if err := x.Put(testArticles); err != nil {
		t.Fatal(err)
	}
	if err := x.Rebuild(context.Background(), nil); err != nil {
		t.Fatalf("Rebuild: %v", err)
	}
	x.Close()
	x, err = Open(dir)
	if err != nil {
		t.Fatalf("Open after Rebuild: %v", err)
	}
	defer x.Close()
	if n, _ := x.Count(); n != uint64(len(testArticles)) {
		t.Errorf("Count after Rebuild and Open = %d, want %d", n, len(testArticles))
	}
}

func TestRebuildCancelled(t *testing.T) {
	x := mustIndex(t, testArticles)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := x.Rebuild(ctx, nil); !errors.Is(err, context.Canceled) {
		t.Errorf("Rebuild(cancelled) err = %v, want context.Canceled", err)
	}
	entries, _ := os.ReadDir(x.path)
	if len(entries) != 2 {
		t.Errorf("index directory holds %d entries after a cancelled rebuild, want 2 (store and index)", len(entries))
	}
	if n, _ := x.Count(); n != uint64(len(testArticles)) {
		t.Errorf("Count after a cancelled rebuild = %d, want %d", n, len(testArticles))
	}
}
