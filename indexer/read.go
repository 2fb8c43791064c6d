package main

import (
	"context"
	"os"
	"sync"

	"dateline/corpus"
)

// fileResult is what reading one file gave: its articles and the error
// that named what could not be read.
type fileResult struct {
	path     string
	size     int64
	articles []corpus.Article
	err      error
}

// readAll reads the files with n workers and sends each file's result, in
// no particular order, the articles enriched where enrich is set. The
// channel is closed when every file is read or ctx is done.
//
// Articles bound for the index are left as read: the index keeps them so
// in its store and enriches them itself, so that a rebuild can run the
// extractors again.
func readAll(ctx context.Context, files []string, n int, enrich bool) <-chan fileResult {
	paths := make(chan string)
	out := make(chan fileResult, n)
	go func() {
		defer close(paths)
		for _, p := range files {
			select {
			case paths <- p:
			case <-ctx.Done():
				return
			}
		}
	}()
	var wg sync.WaitGroup
	for range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for p := range paths {
				r := fileResult{path: p}
				if info, err := os.Stat(p); err == nil {
					r.size = info.Size()
				}
				r.articles, r.err = corpus.ReadFile(p)
				for i := range r.articles {
					if enrich {
						corpus.Enrich(&r.articles[i])
					}
				}
				select {
				case out <- r:
				case <-ctx.Done():
					return
				}
			}
		}()
	}
	go func() {
		wg.Wait()
		close(out)
	}()
	return out
}
