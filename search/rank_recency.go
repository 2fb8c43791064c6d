package search

import (
	"context"
	"math"
	"time"

	"github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"
)

// withRecency weights each match's relevance by 1 + 2^(−age/halfLife),
// from 2 for an article published now down to 1 for an old one, so that
// recency orders articles of about equal relevance without lifting a
// barely relevant new one above a clearly relevant old one. Articles
// without a date count as old.
func withRecency(q query.Query, halfLife time.Duration, now time.Time) query.Query {
	score := func(_ context.Context, d *search.DocumentMatch) (float64, error) {
		t, ok := publishedOf(d)
		if !ok {
			return d.Score, nil
		}
		age := max(now.Sub(t), 0)
		return d.Score * (1 + math.Exp2(-float64(age)/float64(halfLife))), nil
	}
	return query.NewCustomScoreQueryWithScorer(q, score, []string{fieldPublished}, nil)
}

// publishedOf reads the publication date the custom score query loaded
// from the doc values.
func publishedOf(d *search.DocumentMatch) (time.Time, bool) {
	switch v := d.Fields[fieldPublished].(type) {
	case time.Time:
		return v, true
	case string:
		t, err := time.Parse(time.RFC3339, v)
		return t, err == nil
	case []interface{}:
		if len(v) > 0 {
			if t, ok := v[0].(time.Time); ok {
				return t, true
			}
			if s, ok := v[0].(string); ok {
				t, err := time.Parse(time.RFC3339, s)
				return t, err == nil
			}
		}
	}
	return time.Time{}, false
}
