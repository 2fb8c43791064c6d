package search

import (
	"fmt"
	"io/fs"
	"path/filepath"
	"time"
)

// Stats describes an index as a whole.
type Stats struct {
	// Articles is the number of articles indexed.
	Articles uint64
	// Bytes is the size of the index's files on disk.
	Bytes int64
	// Updated is when a file of the index last changed: the last write.
	Updated time.Time
}

// Stats counts the articles and measures the index on disk. It walks the
// index's directory, which holds a few dozen segment files.
func (x *Index) Stats() (Stats, error) {
	n, err := x.bi.DocCount()
	if err != nil {
		return Stats{}, fmt.Errorf("counting articles: %w", err)
	}
	st := Stats{Articles: n}
	err = filepath.WalkDir(x.path, func(_ string, d fs.DirEntry, err error) error {
		if err != nil {
			// Segments come and go as the index merges them: a file
			// gone between listing and reading is not an error.
			return nil
		}
		if d.IsDir() {
			return nil
		}
		info, err := d.Info()
		if err != nil {
			return nil
		}
		st.Bytes += info.Size()
		if info.ModTime().After(st.Updated) {
			st.Updated = info.ModTime().UTC()
		}
		return nil
	})
	if err != nil {
		return Stats{}, fmt.Errorf("measuring index %s: %w", x.path, err)
	}
	return st, nil
}
