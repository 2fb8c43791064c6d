package search

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"dateline/corpus"
)

// qualityCase is one query of testdata/queries.json and what its answer
// must hold.
type qualityCase struct {
	Name  string   `json:"name"`
	Query string   `json:"query"`
	Want  []string `json:"want"`  // ids among the hits
	First string   `json:"first"` // the id of the first hit
	Not   []string `json:"not"`   // ids not among the hits
	// Interpreted and DidYouMean are compared when given.
	Interpreted string `json:"interpreted"`
	DidYouMean  string `json:"did_you_mean"`
	// Mark is text that some hit's title or snippet must show marked.
	Mark string `json:"mark"`
}

// mustQualityIndex indexes the demo articles and testdata/quality.jsonl.
func mustQualityIndex(tb testing.TB) *Index {
	tb.Helper()
	arts, err := corpus.Samples()
	if err != nil {
		tb.Fatalf("corpus.Samples: %v", err)
	}
	extra, err := corpus.ReadFile(filepath.Join("testdata", "quality.jsonl"))
	if err != nil {
		tb.Fatalf("ReadFile: %v", err)
	}
	return mustIndex(tb, append(arts, extra...))
}

func mustQueries(tb testing.TB) []qualityCase {
	tb.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", "queries.json"))
	if err != nil {
		tb.Fatalf("reading queries: %v", err)
	}
	var cases []qualityCase
	if err := json.Unmarshal(data, &cases); err != nil {
		tb.Fatalf("decoding queries: %v", err)
	}
	return cases
}

func TestQuality(t *testing.T) {
	x := mustQualityIndex(t)
	for _, tc := range mustQueries(t) {
		t.Run(tc.Name, func(t *testing.T) {
			res, err := x.Search(context.Background(), Request{Query: tc.Query, Size: 50})
			if err != nil {
				t.Fatalf("Search(%q): %v", tc.Query, err)
			}
			got := ids(res)
			for _, id := range tc.Want {
				if !slices.Contains(got, id) {
					t.Errorf("Search(%q) hits %v, want %s among them", tc.Query, got, id)
				}
			}
			for _, id := range tc.Not {
				if slices.Contains(got, id) {
					t.Errorf("Search(%q) hits %v, want no %s", tc.Query, got, id)
				}
			}
			if tc.First != "" && (len(got) == 0 || got[0] != tc.First) {
				t.Errorf("Search(%q) hits %v, want %s first", tc.Query, got, tc.First)
			}
			if tc.Interpreted != "" && res.Interpreted != tc.Interpreted {
				t.Errorf("Search(%q).Interpreted = %q, want %q", tc.Query, res.Interpreted, tc.Interpreted)
			}
			if res.DidYouMean != tc.DidYouMean {
				t.Errorf("Search(%q).DidYouMean = %q, want %q", tc.Query, res.DidYouMean, tc.DidYouMean)
			}
			if tc.Mark != "" && !anyMarked(res, tc.Mark) {
				t.Errorf("Search(%q): no title or snippet marks %q", tc.Query, tc.Mark)
			}
		})
	}
}

// anyMarked reports whether a hit shows text wrapped in <mark>.
func anyMarked(res *Result, text string) bool {
	want := "<mark>" + text + "</mark>"
	for _, h := range res.Hits {
		if strings.Contains(h.TitleHTML, want) || strings.Contains(h.Snippet, want) {
			return true
		}
	}
	return false
}

func TestQualitySnippets(t *testing.T) {
	x := mustQualityIndex(t)
	tests := []struct {
		name      string
		req       Request
		id        string
		contains  []string
		forbidden []string
	}{
		{
			name:      "the article's markup is text",
			req:       Request{Query: "script"},
			id:        "q-script",
			contains:  []string{"&lt;<mark>script</mark>&gt;alert(&#39;x&#39;)&lt;/<mark>script</mark>&gt;", "Why &lt;<mark>script</mark>&gt; tags"},
			forbidden: []string{"<script>"},
		},
		{
			name:      "whole sentences, best ones, in text order",
			req:       Request{Query: "barge Danube", Snippets: 2},
			id:        "q-sentences",
			contains:  []string{"<mark>Barge</mark> traffic on the <mark>Danube</mark> picked up on Monday as water levels recovered after weeks of drought. … Traders said <mark>barge</mark> rates"},
			forbidden: []string{"first sentence", "weather"},
		},
		{
			name:      "one fragment when asked",
			req:       Request{Query: "barge Danube", Snippets: 1},
			id:        "q-sentences",
			contains:  []string{"<mark>Barge</mark> traffic"},
			forbidden: []string{"Traders said"},
		},
		{
			name:      "a short fragment is cut at spaces with an ellipsis",
			req:       Request{Query: "drought", Snippets: 1, SnippetSize: 40},
			id:        "q-sentences",
			contains:  []string{"… ", "<mark>drought</mark>"},
			forbidden: []string{"Barge traffic on the Danube picked"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := x.Search(context.Background(), tt.req)
			if err != nil {
				t.Fatalf("Search(%q): %v", tt.req.Query, err)
			}
			var hit *Hit
			for i := range res.Hits {
				if res.Hits[i].ID == tt.id {
					hit = &res.Hits[i]
				}
			}
			if hit == nil {
				t.Fatalf("Search(%q) hits %v, want %s", tt.req.Query, ids(res), tt.id)
			}
			shown := hit.TitleHTML + "\n" + hit.Snippet
			for _, s := range tt.contains {
				if !strings.Contains(shown, s) {
					t.Errorf("Search(%q) hit %s shows %q, want it to hold %q", tt.req.Query, tt.id, shown, s)
				}
			}
			for _, s := range tt.forbidden {
				if strings.Contains(shown, s) {
					t.Errorf("Search(%q) hit %s shows %q, want no %q", tt.req.Query, tt.id, shown, s)
				}
			}
		})
	}
}

func TestQualityFilterSpellings(t *testing.T) {
	x := mustQualityIndex(t)
	tests := []struct {
		name string
		req  Request
		want string
	}{
		{name: "region as another spelling", req: Request{Query: "mayors", Regions: []string{"Kiev"}}, want: "q-zelenskiy"},
		{name: "region as a Reuters code", req: Request{Query: "talks", Regions: []string{"ussr"}}, want: "q-witkoff"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := x.Search(context.Background(), tt.req)
			if err != nil {
				t.Fatalf("Search(%+v): %v", tt.req, err)
			}
			if got := ids(res); !slices.Contains(got, tt.want) {
				t.Errorf("Search(%q, regions %v) hits %v, want %s", tt.req.Query, tt.req.Regions, got, tt.want)
			}
		})
	}
}

func TestQualityRecency(t *testing.T) {
	x := mustQualityIndex(t)
	res, err := x.Search(context.Background(), Request{Query: "wheat harvest plains", Recency: 365 * 24 * time.Hour})
	if err != nil {
		t.Fatalf("Search: %v", err)
	}
	got := ids(res)
	if len(got) < 2 || got[0] != "q-harvest-new" || got[1] != "q-harvest-old" {
		t.Errorf("Search(recency 1 year) hits %v, want q-harvest-new then q-harvest-old first", got)
	}
	if res.Hits[0].Score <= res.Hits[1].Score {
		t.Errorf("Search(recency 1 year) scores %v and %v, want the newer higher", res.Hits[0].Score, res.Hits[1].Score)
	}
}

// BenchmarkSearch measures a page of ten hits with snippets and facets,
// for queries of each form, over the demo articles.
func BenchmarkSearch(b *testing.B) {
	x := mustQualityIndex(b)
	for _, q := range []string{"grain corridor", `+"grain corridor" -drone`, "export* published:>=2025-04", "Kramatorks"} {
		b.Run(q, func(b *testing.B) {
			for b.Loop() {
				if _, err := x.Search(context.Background(), Request{Query: q}); err != nil {
					b.Fatalf("Search(%q): %v", q, err)
				}
			}
		})
	}
}
