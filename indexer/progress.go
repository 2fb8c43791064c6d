package main

import (
	"fmt"
	"io"
	"os"
	"time"

	"github.com/schollz/progressbar/v3"
)

// progress shows how indexing goes: a bar on a terminal (articles,
// articles/s and the time left, estimated from the bytes read), one summary
// line otherwise. Files that fail are named as they fail, either way.
type progress struct {
	w        io.Writer
	bar      *progressbar.ProgressBar
	start    time.Time
	articles int
}

func newProgress(w io.Writer, files []string) *progress {
	p := &progress{w: w, start: time.Now()}
	if !isTerminal(w) {
		return p
	}
	var total int64
	for _, f := range files {
		if info, err := os.Stat(f); err == nil {
			total += info.Size()
		}
	}
	p.bar = progressbar.NewOptions64(total,
		progressbar.OptionSetWriter(w),
		progressbar.OptionSetDescription("indexing"),
		progressbar.OptionShowBytes(false),
		progressbar.OptionSetPredictTime(true),
		progressbar.OptionSetElapsedTime(true),
		progressbar.OptionFullWidth(),
		progressbar.OptionThrottle(100*time.Millisecond),
		progressbar.OptionClearOnFinish(),
	)
	return p
}

func (p *progress) fileDone(size int64, articles int) {
	p.articles += articles
	if p.bar == nil {
		return
	}
	rate := float64(p.articles) / time.Since(p.start).Seconds()
	p.bar.Describe(fmt.Sprintf("%d articles, %.0f/s", p.articles, rate))
	p.bar.Add64(size)
}

func (p *progress) fileFailed(path string, err error) {
	if p.bar != nil {
		p.bar.Clear()
	}
	fmt.Fprintf(p.w, "indexer: %s: %v\n", path, err)
}

func (p *progress) finish(summary string) {
	if p.bar != nil {
		p.bar.Finish()
	}
	fmt.Fprintln(p.w, summary)
}
