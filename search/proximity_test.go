package search

import (
	"context"
	"testing"

	"github.com/blevesearch/bleve/v2/mapping"

	"dateline/analyzers"
	"dateline/corpus"
)

func TestProximityScore(t *testing.T) {
	const lengthNorm = 1.0
	tests := []struct {
		name string
		occ  []termPositions
		near bool
	}{
		{
			name: "adjacent words without offsets",
			occ:  []termPositions{{term: 0, weight: 1, pos: 1}, {term: 1, weight: 1, pos: 2}},
			near: true,
		},
		{
			name: "beyond the window",
			occ:  []termPositions{{term: 0, weight: 1, pos: 1}, {term: 1, weight: 1, pos: 1 + proximityWindow + 1}},
		},
		{
			name: "a joined word and its own last part",
			occ:  []termPositions{{term: 0, weight: 1, pos: 1, start: 0, end: 8}, {term: 1, weight: 1, pos: 2, start: 6, end: 8}},
		},
		{
			name: "a joined word and the word after it, which keeps no offsets",
			occ:  []termPositions{{term: 0, weight: 1, pos: 1, start: 10, end: 18}, {term: 1, weight: 1, pos: 3}},
			near: true,
		},
		{
			name: "the parts of a joined word",
			occ:  []termPositions{{term: 0, weight: 1, pos: 1, start: 0, end: 5}, {term: 1, weight: 1, pos: 2, start: 6, end: 8}},
			near: true,
		},
		{
			name: "two values of a field",
			occ:  []termPositions{{term: 0, weight: 1, array: 0, pos: 5}, {term: 1, weight: 1, array: 1, pos: 6}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := proximityScore(tt.occ, lengthNorm)
			if (got > 0) != tt.near {
				t.Errorf("proximityScore(%+v) = %v, want a boost %v", tt.occ, got, tt.near)
			}
		})
	}
}

// TestProximityStopsAtTitle checks that the last word of a body and the
// first of the title are not near each other: in the one text the index
// holds them in (analyzers.NewsTextName), and in the values an index made
// before keeps them as.
func TestProximityStopsAtTitle(t *testing.T) {
	arts := []corpus.Article{
		{ID: "across", Title: "Corridor talks resume", Body: "Farmers wait with their wheat grain"},
		{ID: "apart", Title: "Talks corridor resume", Body: "Farmers wait with their wheat grain"},
		{ID: "near", Title: "Talks resume today", Body: "Farmers wait with wheat grain corridor"},
		{ID: "other", Title: "Markets", Body: "Shares fell"},
	}
	values := newMapping().(*mapping.IndexMappingImpl)
	values.TypeMapping[docType].Properties[fieldText].Fields[0].Analyzer = analyzers.NewsName
	for name, x := range map[string]*Index{
		"one text":     mustIndex(t, arts),
		"three values": mustIndexWithMapping(t, values, arts),
	} {
		t.Run(name, func(t *testing.T) {
			res, err := x.Search(context.Background(), Request{Query: "grain corridor"})
			if err != nil {
				t.Fatal(err)
			}
			scores := map[string]float64{}
			for _, h := range res.Hits {
				scores[h.ID] = h.Score
			}
			if len(scores) != 3 {
				t.Fatalf("Search(grain corridor) = %v, want across, apart and near", scores)
			}
			if scores["across"] != scores["apart"] {
				t.Errorf("score across the body's end and the title = %v, want %v as apart: no proximity between them", scores["across"], scores["apart"])
			}
			if scores["near"] <= scores["across"] {
				t.Errorf("score of the words side by side = %v, want above %v", scores["near"], scores["across"])
			}
		})
	}
}
