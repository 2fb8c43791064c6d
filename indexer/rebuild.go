package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"time"

	"github.com/schollz/progressbar/v3"

	"dateline/analyzers"
	"dateline/corpus"
	"dateline/search"
)

// rebuild builds the index at cfg.rebuild again from its article store.
func rebuild(ctx context.Context, cfg config, stderr io.Writer) error {
	x, err := search.Open(cfg.rebuild)
	if errors.Is(err, search.ErrLocked) {
		return fmt.Errorf("%w\nanother process, most likely a running searchd, holds %s; ask it to rebuild while it serves: curl -X POST -H \"Authorization: Bearer $DATELINE_WRITE_TOKEN\" http://HOST:PORT/api/admin/reindex", err, cfg.rebuild)
	}
	if err != nil {
		return err
	}
	defer x.Close()
	go corpus.Preload(analyzers.Preload)
	start := time.Now()
	var bar *progressbar.ProgressBar
	var last search.Progress
	err = x.Rebuild(ctx, func(p search.Progress) {
		last = p
		if !isTerminal(stderr) {
			return
		}
		if bar == nil {
			bar = progressbar.NewOptions(p.Total, progressbar.OptionSetWriter(stderr),
				progressbar.OptionSetDescription("rebuilding"), progressbar.OptionShowCount(),
				progressbar.OptionSetPredictTime(true), progressbar.OptionFullWidth(),
				progressbar.OptionThrottle(100*time.Millisecond), progressbar.OptionClearOnFinish())
		}
		bar.Set(p.Done)
	})
	if bar != nil {
		bar.Finish()
	}
	if err != nil {
		return err
	}
	elapsed := time.Since(start)
	fmt.Fprintf(stderr, "rebuilt %s from its store: %d articles in %s (%.0f articles/s)\n",
		cfg.rebuild, last.Done, elapsed.Round(time.Millisecond), float64(last.Done)/elapsed.Seconds())
	return nil
}
