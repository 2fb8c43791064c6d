package search

import (
	"context"
	"fmt"
	"time"

	"dateline/corpus"
)

// Get returns the article with the given ID, or ErrNotFound. It is read
// from the store, as it was given, and enriched as it was for the index.
func (x *Index) Get(ctx context.Context, id string) (corpus.Article, error) {
	if err := ctx.Err(); err != nil {
		return corpus.Article{}, err
	}
	a, ok, err := x.st.get(id)
	if err != nil {
		return corpus.Article{}, fmt.Errorf("getting article %s: %w", id, err)
	}
	if !ok {
		return corpus.Article{}, fmt.Errorf("article %s: %w", id, ErrNotFound)
	}
	return *enriched(a), nil
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
