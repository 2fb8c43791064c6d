package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"time"

	"dateline/analyzers"
	"dateline/corpus"
	"dateline/search"
)

// index reads the inputs and adds their articles to the index.
func index(ctx context.Context, cfg config, stderr io.Writer) error {
	files, err := corpus.Files(cfg.paths)
	if err != nil {
		return err
	}
	// The tables of extraction and analysis are built beside the reading
	// of the first files, both cores at it, rather than by the first
	// batches, one table after another while the other core waited: on
	// Reuters-21578 the first two batches end 0.1 s sooner.
	go corpus.Preload(analyzers.Preload)
	x, created, err := search.OpenForLoad(cfg.index)
	if errors.Is(err, search.ErrLocked) {
		return fmt.Errorf("%w\nanother process, most likely a running searchd, holds %s; send the articles to it instead: indexer -push http://HOST:PORT PATH...", err, cfg.index)
	}
	if err != nil {
		return err
	}
	defer x.Close()

	// Indexing allocates and drops much short-lived memory (tokens, term
	// maps, segment buffers); collecting at twice the live heap rather than
	// at once its size cut Reuters-21578's CPU time by a tenth for about
	// 200 MB more memory at the peak. GOGC, where set, decides.
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(200)
	}
	prog := newProgress(stderr, files)
	start := time.Now()
	var failed int
	w := newWriter(x, writers)
	var batch []corpus.Article
	for r := range readAll(ctx, files, cfg.workers, false) {
		if r.err != nil {
			failed++
			prog.fileFailed(r.path, r.err)
		}
		for _, a := range r.articles {
			batch = append(batch, a)
			if len(batch) >= cfg.batch {
				w.put(batch)
				batch = nil
			}
		}
		prog.fileDone(r.size, len(r.articles))
		if w.failed() {
			break
		}
	}
	if len(batch) > 0 {
		w.put(batch)
	}
	indexed, err := w.wait()
	if err != nil {
		return err
	}
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("interrupted after %d articles: %w", indexed, err)
	}
	if err := x.Compact(ctx, cfg.merge); err != nil {
		return err
	}
	total, _ := x.Count()
	elapsed := time.Since(start)
	verb := "added to"
	if created {
		verb = "created"
	}
	prog.finish(fmt.Sprintf("indexed %d articles from %d files in %s (%.0f articles/s); %s %s, which holds %d articles",
		indexed, len(files), elapsed.Round(time.Millisecond), float64(indexed)/elapsed.Seconds(), verb, cfg.index, total))
	if failed > 0 {
		return fmt.Errorf("%d of %d files could not be read in full (named above); everything else was indexed", failed, len(files))
	}
	return nil
}

// dump reads the inputs and prints each article as a JSON line.
func dump(ctx context.Context, cfg config, stdout, stderr io.Writer) error {
	files, err := corpus.Files(cfg.paths)
	if err != nil {
		return err
	}
	go corpus.Preload()
	enc := json.NewEncoder(stdout)
	enc.SetEscapeHTML(false)
	failed := 0
	for r := range readAll(ctx, files, cfg.workers, true) {
		if r.err != nil {
			failed++
			fmt.Fprintf(stderr, "indexer: %s: %v\n", r.path, r.err)
		}
		for i := range r.articles {
			if err := enc.Encode(&r.articles[i]); err != nil {
				return fmt.Errorf("writing: %w", err)
			}
		}
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	if failed > 0 {
		return fmt.Errorf("%d of %d files could not be read in full (named above)", failed, len(files))
	}
	return nil
}

// isTerminal reports whether w is a terminal, where a progress bar belongs.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	info, err := f.Stat()
	return err == nil && info.Mode()&os.ModeCharDevice != 0
}
