package search

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"

	"github.com/blevesearch/bleve/v2"
	bolterrors "go.etcd.io/bbolt/errors"

	"dateline/corpus"
)

// migrateBatch is the number of articles read back from an index of the
// earlier layout and written to the new one at once.
const migrateBatch = 1000

// migrate turns an index of the earlier layout (a bare bleve index at path,
// keeping whole articles in its stored fields) into the current one: it
// reads every article back, writes them into a new index beside it
// (path.migrating), and puts that in its place. The old index stays whole
// until the new one is: a crash leaves either, and Open finishes or starts
// over.
func migrate(path string) error {
	old, err := bleve.OpenUsing(path, map[string]interface{}{"bolt_timeout": lockWait.String()})
	if errors.Is(err, bolterrors.ErrTimeout) {
		return ErrLocked
	}
	if err != nil {
		return err
	}
	tmp := path + ".migrating"
	os.RemoveAll(tmp)
	x, err := Create(tmp)
	if err != nil {
		old.Close()
		return err
	}
	err = copyArticles(old, x)
	if cerr := x.Close(); err == nil {
		err = cerr
	}
	// bleve panics on a second Close: this is the only one.
	old.Close()
	if err != nil {
		os.RemoveAll(tmp)
		return err
	}
	// path.old marks a swap in progress: Open puts it back where the
	// second rename did not happen.
	if err := os.Rename(path, path+".old"); err != nil {
		return err
	}
	if err := os.Rename(tmp, path); err != nil {
		return err
	}
	return os.RemoveAll(path + ".old")
}

// copyArticles reads every article of old, in id order, and puts it in x.
func copyArticles(old bleve.Index, x *Index) error {
	var after []string
	for {
		sr := bleve.NewSearchRequestOptions(bleve.NewMatchAllQuery(), migrateBatch, 0, false)
		sr.Fields = []string{"*"}
		sr.SortBy([]string{"_id"})
		if after != nil {
			sr.SearchAfter = after
		}
		res, err := old.Search(sr)
		if err != nil {
			return fmt.Errorf("reading the old index: %w", err)
		}
		if len(res.Hits) == 0 {
			return nil
		}
		arts := make([]corpus.Article, 0, len(res.Hits))
		for _, h := range res.Hits {
			a, err := articleFromFields(h.ID, h.Fields)
			if err != nil {
				return err
			}
			arts = append(arts, a)
		}
		if err := x.Put(arts); err != nil {
			return err
		}
		after = []string{res.Hits[len(res.Hits)-1].ID}
	}
}

// articleFromFields rebuilds an article from the stored fields of the
// earlier layout.
func articleFromFields(id string, f map[string]interface{}) (corpus.Article, error) {
	a := corpus.Article{
		ID:        id,
		Title:     stringField(f["title"]),
		Body:      stringField(f["body"]),
		URL:       stringField(f["url"]),
		Author:    stringField(f["author"]),
		Site:      stringField(f["site"]),
		Dateline:  stringField(f["dateline"]),
		Language:  stringField(f["language"]),
		Source:    stringField(f["source"]),
		Published: timeField(f["published"]),
		Speakers:  stringsField(f["speaker"]),
		Regions:   stringsField(f["region"]),
	}
	if q := stringField(f["quotes"]); q != "" {
		if err := json.Unmarshal([]byte(q), &a.Quotes); err != nil {
			return a, fmt.Errorf("article %s: reading its quotes: %w", id, err)
		}
	}
	return a, nil
}
