package search

import (
	"context"
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"slices"
	"sort"
	"testing"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search"
	bsearch "github.com/blevesearch/bleve/v2/search"
	"github.com/google/go-cmp/cmp"

	"dateline/corpus"
)

// synthetic makes n articles over a small vocabulary, with speakers,
// regions and months drawn unevenly, for facet tests and benchmarks.
func synthetic(n int, seed uint64) []corpus.Article {
	rng := rand.New(rand.NewPCG(seed, 7))
	words := []string{"grain", "oil", "talks", "peace", "bank", "rates", "ship", "port", "strike", "court"}
	first := []string{"Anna", "Boris", "Chloe", "Dmitry", "Elena", "Farid", "Grace", "Hiro"}
	last := []string{"Abbott", "Brennan", "Castillo", "Dubois", "Eriksen", "Fontaine", "Gruber"}
	arts := make([]corpus.Article, n)
	for i := range arts {
		a := corpus.Article{
			ID:        fmt.Sprintf("s%d", i),
			Title:     words[rng.IntN(len(words))] + " " + words[rng.IntN(len(words))],
			Body:      words[rng.IntN(len(words))] + " news of the day " + words[rng.IntN(len(words))],
			Published: time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, rng.IntN(1500)),
		}
		for range rng.IntN(3) {
			k := rng.IntN(len(first)*len(last)) * rng.IntN(len(first)*len(last)) / (len(first) * len(last))
			a.Speakers = append(a.Speakers, first[k%len(first)]+" "+last[k/len(first)])
		}
		for range 1 + rng.IntN(2) {
			a.Regions = append(a.Regions, fmt.Sprintf("Region %d", rng.IntN(30)))
		}
		corpus.Enrich(&a)
		arts[i] = a
	}
	return arts
}

// bleveFacets counts the same facets with bleve's own facet builders, the
// reference the ordinal tables must agree with.
func bleveFacets(tb testing.TB, x *Index, r Request) map[string][]FacetValue {
	tb.Helper()
	if err := r.Normalize(); err != nil {
		tb.Fatal(err)
	}
	sr := bleve.NewSearchRequestOptions(buildQuery(&r, newCompiler(x.bi.Mapping(), &search.BM25Stats{})), 0, 0, false)
	sr.AddFacet(FacetSpeaker, bleve.NewFacetRequest(fieldSpeaker, 1000))
	sr.AddFacet(FacetRegion, bleve.NewFacetRequest(fieldRegion, 1000))
	sr.AddFacet(FacetDate, bleve.NewFacetRequest(fieldMonth, 1000))
	res, err := x.bi.Search(sr)
	if err != nil {
		tb.Fatal(err)
	}
	return facetValues(res.Facets)
}

// ordinalFacets counts with the ordinal tables.
func ordinalFacets(tb testing.TB, x *Index, t *facetTables, r Request) (map[string][]FacetValue, uint64) {
	tb.Helper()
	if err := r.Normalize(); err != nil {
		tb.Fatal(err)
	}
	c := newFacetCounter(t)
	sr := bleve.NewSearchRequestOptions(&countingQuery{Query: buildQuery(&r, newCompiler(x.bi.Mapping(), &search.BM25Stats{})), counter: c}, 0, 0, false)
	res, err := x.bi.SearchInContext(context.Background(), sr)
	if err != nil {
		tb.Fatal(err)
	}
	if c.hits != res.Total {
		tb.Errorf("counted %d hits, bleve found %d", c.hits, res.Total)
	}
	out := map[string][]FacetValue{}
	for i, name := range []string{FacetSpeaker, FacetRegion, FacetDate} {
		out[name] = c.values(i, -1)
		slices.SortFunc(out[name], func(a, b FacetValue) int {
			if before(a, b) {
				return -1
			}
			return 1
		})
	}
	return out, res.Total
}

func TestFacetCountMatchesBleve(t *testing.T) {
	x, err := Create(filepath.Join(t.TempDir(), "f.idx"))
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	arts := synthetic(3000, 1)
	// Several batches make several segments; an update and a delete make
	// deleted documents inside them.
	for i := 0; i < len(arts); i += 700 {
		if err := x.Put(arts[i:min(i+700, len(arts))]); err != nil {
			t.Fatal(err)
		}
	}
	changed := arts[5]
	changed.Speakers = []string{"Speaker New"}
	if err := x.Put([]corpus.Article{changed}); err != nil {
		t.Fatal(err)
	}
	if err := x.Delete("s6"); err != nil {
		t.Fatal(err)
	}
	tables := newFacetTables()
	for _, r := range []Request{{}, {Query: "grain"}, {Query: "oil talks"}, {Regions: []string{"Region 3"}}} {
		want := bleveFacets(t, x, r)
		got, total := ordinalFacets(t, x, tables, r)
		if total == 0 {
			t.Errorf("request %+v matched nothing", r)
		}
		for _, name := range []string{FacetSpeaker, FacetRegion} {
			if diff := cmp.Diff(want[name], got[name]); diff != "" {
				t.Errorf("request %+v facet %s (-bleve +ordinals):\n%s", r, name, diff)
			}
		}
		// bleve orders months by count; compare them as sets.
		wantDates, gotDates := map[string]int{}, map[string]int{}
		for _, v := range want[FacetDate] {
			wantDates[v.Value] = v.Count
		}
		for _, v := range got[FacetDate] {
			gotDates[v.Value] = v.Count
		}
		if diff := cmp.Diff(wantDates, gotDates); diff != "" {
			t.Errorf("request %+v months (-bleve +ordinals):\n%s", r, diff)
		}
	}
}

// BenchmarkFacetCount compares the cost per hit of counting the three
// facets with bleve's facet builders and with the ordinal tables, over
// every document of a 100,000-article index.
func BenchmarkFacetCount(b *testing.B) {
	x, err := Create(filepath.Join(b.TempDir(), "f.idx"))
	if err != nil {
		b.Fatal(err)
	}
	arts := synthetic(100000, 2)
	for i := 0; i < len(arts); i += 5000 {
		if err := x.Put(arts[i : i+5000]); err != nil {
			b.Fatal(err)
		}
	}
	// Reopen, so that background merges do not run during the timing.
	path := x.Path()
	x.Close()
	if x, err = Open(path); err != nil {
		b.Fatal(err)
	}
	defer x.Close()
	all := Request{}
	b.Run("bleve", func(b *testing.B) {
		for b.Loop() {
			bleveFacets(b, x, all)
		}
		b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(len(arts)), "ns/hit")
	})
	b.Run("none", func(b *testing.B) {
		r := all
		r.Normalize()
		for b.Loop() {
			sr := bleve.NewSearchRequestOptions(buildQuery(&r, newCompiler(x.bi.Mapping(), &search.BM25Stats{})), 0, 0, false)
			if _, err := x.bi.Search(sr); err != nil {
				b.Fatal(err)
			}
		}
		b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(len(arts)), "ns/hit")
	})
	b.Run("ordinals", func(b *testing.B) {
		tables := newFacetTables()
		ordinalFacets(b, x, tables, all) // build the tables once
		for b.Loop() {
			ordinalFacets(b, x, tables, all)
		}
		b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(len(arts)), "ns/hit")
	})
}

// facetValues maps bleve's facet results to ours, the reference the
// ordinal tables are checked against: every facet present,
// months in order of time, the others by count.
func facetValues(facets bsearch.FacetResults) map[string][]FacetValue {
	out := map[string][]FacetValue{}
	for name, fr := range facets {
		var values []FacetValue
		if fr.Terms != nil {
			for _, t := range fr.Terms.Terms() {
				values = append(values, FacetValue{Value: t.Term, Count: t.Count})
			}
		}
		if name == FacetDate {
			sort.Slice(values, func(i, j int) bool { return values[i].Value < values[j].Value })
		}
		if values == nil {
			values = []FacetValue{}
		}
		out[name] = values
	}
	for _, name := range []string{FacetSpeaker, FacetRegion, FacetDate} {
		if out[name] == nil {
			out[name] = []FacetValue{}
		}
	}
	return out
}

func TestFacetFoldsSpellings(t *testing.T) {
	x := mustIndex(t, []corpus.Article{
		{ID: "z1", Title: "Zelenskiy speaks", Body: "Volodymyr Zelenskiy said talks went on.", Speakers: []string{"Volodymyr Zelenskiy"}},
		{ID: "z2", Title: "Zelensky speaks", Body: "Volodymyr Zelensky said talks went on.", Speakers: []string{"Volodymyr Zelensky"}},
		{ID: "z3", Title: "Zelensky again", Body: "Volodymyr Zelensky said more talks.", Speakers: []string{"Volodymyr Zelensky"}},
	})
	res, err := x.Search(context.Background(), Request{})
	if err != nil {
		t.Fatal(err)
	}
	want := []FacetValue{{Value: "Volodymyr Zelensky", Count: 3}}
	if diff := cmp.Diff(want, res.Facets[FacetSpeaker]); diff != "" {
		t.Errorf("speaker facet (-want +got):\n%s", diff)
	}
	for _, spelling := range []string{"Volodymyr Zelenskiy", "Volodymyr Zelenskyy", "Volodymyr Zelensky"} {
		res, err := x.Search(context.Background(), Request{Speakers: []string{spelling}})
		if err != nil {
			t.Fatal(err)
		}
		if res.Total != 3 {
			t.Errorf("filter speaker=%q: %d hits, want all 3 spellings", spelling, res.Total)
		}
	}
}

// TestDisjunctiveFacetsCountOnly checks that a selected facet, counted as
// if its selection were not made by a search that only counts (facets.go),
// gives the counts the same search without the selection gives.
func TestDisjunctiveFacetsCountOnly(t *testing.T) {
	x := mustIndex(t, synthetic(3000, 13))
	ctx := context.Background()
	for _, r := range []Request{
		{Query: "oil talks", Regions: []string{"Region 3"}},
		{Query: "news day", Speakers: []string{"Anna Abbott"}, Regions: []string{"Region 1", "Region 9"}},
		{Query: "grain", Speakers: []string{"Boris Brennan"}},
	} {
		got, err := x.Search(ctx, r)
		if err != nil {
			t.Fatal(err)
		}
		for _, name := range []string{FacetSpeaker, FacetRegion} {
			without := r
			if name == FacetSpeaker {
				if len(r.Speakers) == 0 {
					continue
				}
				without.Speakers = nil
			} else {
				if len(r.Regions) == 0 {
					continue
				}
				without.Regions = nil
			}
			want, err := x.Search(ctx, without)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(want.Facets[name], got.Facets[name]); diff != "" || len(got.Facets[name]) == 0 {
				t.Errorf("request %+v facet %s (-without the selection +with it):\n%s", r, name, diff)
			}
		}
	}
}
