package search

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"

	index "github.com/blevesearch/bleve_index_api"
)

// statsFile holds, in an index's directory, the per-segment counts of the
// BM25 statistics as they stood when the index was last closed. It is
// removed as the index opens, so that a process that crashes leaves none:
// scorch may then give a segment id lost in the crash to a new segment.
const statsFile = "bm25stats.json"

// savedStats is statsFile's content.
type savedStats struct {
	// Index is the bleve index directory the counts are of.
	Index    string
	Segments []savedSegment
}

type savedSegment struct {
	segKey
	Docs   uint64
	Fields map[string]int
}

// save writes the counts of the segments last seen, for the bleve index
// adv named name, to path; counts of another index (one a rebuild swapped
// out) are not saved.
func (c *statsCache) save(path, name string, adv index.Index) error {
	c.mu.Lock()
	if c.of != adv {
		c.mu.Unlock()
		return nil
	}
	out := savedStats{Index: name}
	for _, k := range c.keys {
		if sc, ok := c.segs[k]; ok {
			out.Segments = append(out.Segments, savedSegment{segKey: k, Docs: sc.docs, Fields: sc.fields})
		}
	}
	c.mu.Unlock()
	if len(out.Segments) == 0 {
		return nil
	}
	data, err := json.Marshal(out)
	if err != nil {
		return fmt.Errorf("saving statistics: %w", err)
	}
	tmp := path + ".tmp"
	if err := os.WriteFile(tmp, data, 0o644); err != nil {
		return fmt.Errorf("saving statistics: %w", err)
	}
	if err := os.Rename(tmp, path); err != nil {
		return fmt.Errorf("saving statistics: %w", err)
	}
	return nil
}

// loadStats reads the counts statsFile in x's directory holds for the
// bleve index x opened, and removes the file. A file missing, unreadable or
// of another index leaves the counts to be made by the first search.
func (x *Index) loadStats() {
	path := filepath.Join(x.path, statsFile)
	data, err := os.ReadFile(path)
	if errors.Is(err, os.ErrNotExist) {
		return
	}
	os.Remove(path)
	var in savedStats
	if err != nil || json.Unmarshal(data, &in) != nil || in.Index != x.curName {
		return
	}
	adv, err := x.bi.Advanced()
	if err != nil {
		return
	}
	c := &x.stats
	c.mu.Lock()
	defer c.mu.Unlock()
	c.of, c.segs, c.last, c.keys = adv, map[segKey]*segCounts{}, nil, nil
	for _, s := range in.Segments {
		if s.Fields != nil {
			c.segs[s.segKey] = &segCounts{docs: s.Docs, fields: s.Fields}
		}
	}
}
