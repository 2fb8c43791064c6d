package search

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/index/scorch"
	bolterrors "go.etcd.io/bbolt/errors"

	"dateline/corpus"
)

// lockWait is how long opening an index waits for another process to let
// go of it: long enough to ride out a process that is just closing, short
// enough that a user learns at once that a running searchd holds it.
const lockWait = 2 * time.Second

var (
	// ErrNotFound is returned for an article ID the index does not hold.
	ErrNotFound = errors.New("article not found")
	// ErrLocked is returned when another process holds the index open.
	ErrLocked = errors.New("index is in use by another process")
	// ErrNoIndex is returned when opening a path that holds no index.
	ErrNoIndex = errors.New("no index")
)

// Index is a Dateline index on disk.
type Index struct {
	bi   bleve.Index
	path string
	// stats caches the BM25 field statistics (rank.go).
	stats statsCache
}

// Create makes a new, empty index at path, which must not exist yet.
func Create(path string) (*Index, error) {
	bi, err := bleve.NewUsing(path, newMapping(), scorch.Name, scorch.Name, nil)
	if err != nil {
		return nil, fmt.Errorf("creating index %s: %w", path, err)
	}
	return &Index{bi: bi, path: path}, nil
}

// Open opens the index at path. It fails with ErrNoIndex where there is
// none, and with ErrLocked where another process holds it.
func Open(path string) (*Index, error) {
	if _, err := os.Stat(filepath.Join(path, "index_meta.json")); err != nil {
		return nil, fmt.Errorf("opening index %s: %w", path, ErrNoIndex)
	}
	bi, err := bleve.OpenUsing(path, map[string]interface{}{"bolt_timeout": lockWait.String()})
	if err != nil {
		if errors.Is(err, bolterrors.ErrTimeout) {
			return nil, fmt.Errorf("opening index %s: %w", path, ErrLocked)
		}
		return nil, fmt.Errorf("opening index %s: %w", path, err)
	}
	return &Index{bi: bi, path: path}, nil
}

// OpenOrCreate opens the index at path, creating it where there is none.
// created says which happened.
func OpenOrCreate(path string) (x *Index, created bool, err error) {
	x, err = Open(path)
	if errors.Is(err, ErrNoIndex) {
		x, err = Create(path)
		return x, err == nil, err
	}
	return x, false, err
}

// Path returns the directory the index lives in.
func (x *Index) Path() string { return x.path }

// Close closes the index.
func (x *Index) Close() error { return x.bi.Close() }

// Count returns the number of articles in the index.
func (x *Index) Count() (uint64, error) { return x.bi.DocCount() }

// Put indexes articles in one batch; an article whose ID is already
// indexed replaces the earlier one. The batch is durable when Put returns.
func (x *Index) Put(arts []corpus.Article) error {
	b := x.bi.NewBatch()
	for i := range arts {
		a := &arts[i]
		if a.ID == "" {
			return fmt.Errorf("article %d of %d has no id", i+1, len(arts))
		}
		if err := b.Index(a.ID, toDocument(a)); err != nil {
			return fmt.Errorf("indexing article %s: %w", a.ID, err)
		}
	}
	if err := x.bi.Batch(b); err != nil {
		return fmt.Errorf("writing batch of %d articles: %w", len(arts), err)
	}
	return nil
}

// Delete removes the article with the given ID. Deleting an ID that is not
// indexed is not an error.
func (x *Index) Delete(id string) error {
	if err := x.bi.Delete(id); err != nil {
		return fmt.Errorf("deleting article %s: %w", id, err)
	}
	return nil
}
