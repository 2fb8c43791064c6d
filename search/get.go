package search

import (
	"context"
	"encoding/json"
	"fmt"
	"time"

	"github.com/blevesearch/bleve/v2"

	"dateline/corpus"
)

// Get returns the article with the given ID, or ErrNotFound.
func (x *Index) Get(ctx context.Context, id string) (corpus.Article, error) {
	sr := bleve.NewSearchRequestOptions(bleve.NewDocIDQuery([]string{id}), 1, 0, false)
	sr.Fields = []string{"*"}
	res, err := x.bi.SearchInContext(ctx, sr)
	if err != nil {
		return corpus.Article{}, fmt.Errorf("getting article %s: %w", id, err)
	}
	if len(res.Hits) == 0 {
		return corpus.Article{}, fmt.Errorf("article %s: %w", id, ErrNotFound)
	}
	f := res.Hits[0].Fields
	a := corpus.Article{
		ID:        id,
		Title:     stringField(f[fieldTitle]),
		Body:      stringField(f[fieldBody]),
		URL:       stringField(f[fieldURL]),
		Author:    stringField(f[fieldAuthor]),
		Site:      stringField(f[fieldSite]),
		Dateline:  stringField(f[fieldDateline]),
		Language:  stringField(f[fieldLanguage]),
		Source:    stringField(f[fieldSource]),
		Published: timeField(f[fieldPublished]),
		Speakers:  stringsField(f[fieldSpeaker]),
		Regions:   stringsField(f[fieldRegion]),
	}
	if q := stringField(f[fieldQuotes]); q != "" {
		if err := json.Unmarshal([]byte(q), &a.Quotes); err != nil {
			return corpus.Article{}, fmt.Errorf("article %s: reading its quotes: %w", id, err)
		}
	}
	return a, nil
}

func stringField(v interface{}) string {
	switch v := v.(type) {
	case string:
		return v
	case []interface{}:
		if len(v) > 0 {
			s, _ := v[0].(string)
			return s
		}
	}
	return ""
}

// stringsField reads a stored array field, which bleve gives back as a
// plain string when it holds one value.
func stringsField(v interface{}) []string {
	switch v := v.(type) {
	case string:
		return []string{v}
	case []interface{}:
		out := make([]string, 0, len(v))
		for _, e := range v {
			if s, ok := e.(string); ok {
				out = append(out, s)
			}
		}
		return out
	}
	return []string{}
}

func timeField(v interface{}) time.Time {
	s := stringField(v)
	if s == "" {
		return time.Time{}
	}
	t, err := time.Parse(time.RFC3339Nano, s)
	if err != nil {
		return time.Time{}
	}
	return t.UTC()
}
