package main

import (
	"encoding/json"
	"fmt"
	"net/http"
	"time"

	"github.com/labstack/echo/v4"

	"dateline/corpus"
)

// bulkBatch is the most articles of a bulk write committed at once: large
// enough to spread the two syncs a commit costs, small enough that an
// acknowledgement follows the articles closely.
const bulkBatch = 500

// bulkFlushAfter is the longest a read article waits for its batch to
// fill: a slow stream is still committed, and searchable, within a second.
const bulkFlushAfter = 200 * time.Millisecond

// bulkLine is one line of the answer to a bulk write: a committed batch,
// or (Done set) the summary that ends a whole body.
type bulkLine struct {
	Batch   int         `json:"batch,omitempty"`
	Written int         `json:"written"`
	IDs     []string    `json:"ids,omitempty"`
	Errors  []lineError `json:"errors,omitempty"`

	Done   bool   `json:"done,omitempty"`
	Task   string `json:"task,omitempty"`
	Lines  int    `json:"lines,omitempty"`
	Failed int    `json:"failed,omitempty"`
	TookMS int64  `json:"took_ms,omitempty"`
	Error  string `json:"error,omitempty"`
}

// lineError names a line of the body that could not be read.
type lineError struct {
	Line  int    `json:"line"`
	Error string `json:"error"`
}

// jsonlItem is one line of a bulk body as read.
type jsonlItem struct {
	line int
	a    corpus.Article
	err  error
}

// handleBulk writes JSON Lines, one article a line, from a body of any
// size, as it streams in. The answer streams too, as JSON Lines: one line
// a committed batch ({"batch":1,"written":500,"ids":[…],"errors":[…]}),
// written once the batch is durable, and a last line with "done":true and
// the totals. A line that cannot be read is named in its batch's errors
// and skipped. Where the body breaks off, every batch answered is kept and
// the summary says what went wrong.
func (s *server) handleBulk(c echo.Context) error {
	req, res := c.Request(), c.Response()
	rc := http.NewResponseController(res)
	// Answer lines go out while the body still comes in.
	if err := rc.EnableFullDuplex(); err != nil {
		return fmt.Errorf("streaming a bulk write: %w", err)
	}
	t := s.tasks.start("ingest")
	start := time.Now()

	items := make(chan jsonlItem, bulkBatch)
	readErr := make(chan error, 1)
	go func() {
		defer close(items)
		readErr <- corpus.EachJSONL(req.Body, func(line int, a corpus.Article, err error) error {
			select {
			case items <- jsonlItem{line, a, err}:
				return nil
			case <-req.Context().Done():
				return req.Context().Err()
			}
		})
	}()

	res.Header().Set(echo.HeaderContentType, "application/x-ndjson")
	res.WriteHeader(http.StatusOK)
	enc := json.NewEncoder(res)
	sum := bulkLine{Done: true, Task: t.id()}
	var batch []corpus.Article
	var lineErrs []lineError
	writeFailed := false
	s.extendDeadlines(c)
	flush := func() error {
		if len(batch) == 0 && len(lineErrs) == 0 {
			return nil
		}
		if len(batch) > 0 {
			if err := s.index.Put(batch); err != nil {
				writeFailed = true
				return err
			}
		}
		line := bulkLine{Batch: sum.Batch + 1, Written: len(batch), IDs: make([]string, len(batch)), Errors: lineErrs}
		for i := range batch {
			line.IDs[i] = batch[i].ID
		}
		sum.Batch++
		sum.Written += len(batch)
		sum.Failed += len(lineErrs)
		t.update(sum.Written, 0, sum.Failed)
		batch, lineErrs = batch[:0], nil
		s.extendDeadlines(c)
		if err := enc.Encode(line); err != nil {
			return fmt.Errorf("answering: %w", err)
		}
		return rc.Flush()
	}

	timer := time.NewTimer(bulkFlushAfter)
	timer.Stop()
	var failure error
loop:
	for {
		select {
		case it, ok := <-items:
			if !ok {
				break loop
			}
			sum.Lines = it.line
			if it.err != nil {
				lineErrs = append(lineErrs, lineError{Line: it.line, Error: it.err.Error()})
			} else {
				if len(batch) == 0 {
					timer.Reset(bulkFlushAfter)
				}
				batch = append(batch, it.a)
			}
			if len(batch) >= bulkBatch {
				timer.Stop()
				if failure = flush(); failure != nil {
					break loop
				}
			}
		case <-timer.C:
			if failure = flush(); failure != nil {
				break loop
			}
		}
	}
	timer.Stop()
	if failure == nil {
		failure = flush()
	}
	if failure == nil {
		failure = <-readErr
	}
	sum.TookMS = time.Since(start).Milliseconds()
	sum.Batch = 0
	t.finish(failure)
	switch {
	case failure == nil:
	case writeFailed:
		// The cause is logged by the task; the client learns what holds.
		sum.Error = "internal error while writing; every batch answered above is durable"
	default:
		sum.Error = failure.Error()
	}
	enc.Encode(sum)
	rc.Flush()
	return nil
}
