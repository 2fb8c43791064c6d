package search

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/index/scorch"
	"github.com/blevesearch/bleve/v2/mapping"
	"github.com/google/go-cmp/cmp"

	"dateline/corpus"
)

func date(s string) time.Time {
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		panic(err)
	}
	return t
}

var testArticles = []corpus.Article{
	{ID: "a1", Title: "Witkoff meets Putin in Moscow", Body: "Steve Witkoff said the talks on Crimea were compelling.\n\nThe Kremlin said little.",
		Published: date("2025-04-11"), Speakers: []string{"Steve Witkoff"}, Regions: []string{"Moscow", "Russia", "Crimea"}},
	{ID: "a2", Title: "Kremlin sees no outline of a deal", Body: "Dmitry Peskov told reporters there were no clear outlines of any agreement yet.",
		Published: date("2025-04-15"), Speakers: []string{"Dmitry Peskov"}, Regions: []string{"Russia"},
		Quotes: []corpus.Quote{{Text: "no clear outlines of any agreement yet", Speaker: "Dmitry Peskov", Cue: "told", Offset: 30, Direct: true}}},
	{ID: "a3", Title: "Grain exports rise", Body: "Shipments from Odesa rose in May, the ministry said. Witkoff was not involved.",
		Published: date("2025-05-02"), Speakers: []string{}, Regions: []string{"Odesa", "Ukraine"}},
	{ID: "a4", Title: "Script <b>test</b>", Body: "A page with <script>alert(1)</script> in its text about grain.",
		Speakers: []string{}, Regions: []string{}},
}

func mustIndex(tb testing.TB, arts []corpus.Article) *Index {
	tb.Helper()
	x, err := Create(filepath.Join(tb.TempDir(), "test.idx"))
	if err != nil {
		tb.Fatalf("Create: %v", err)
	}
	tb.Cleanup(func() { x.Close() })
	if err := x.Put(arts); err != nil {
		tb.Fatalf("Put: %v", err)
	}
	return x
}

// mustIndexWithMapping makes an index whose bleve index has the mapping
// m, as one made by an earlier Dateline would, and puts arts in it.
func mustIndexWithMapping(tb testing.TB, m mapping.IndexMapping, arts []corpus.Article) *Index {
	tb.Helper()
	dir := filepath.Join(tb.TempDir(), "old.idx")
	if err := os.Mkdir(dir, 0o755); err != nil {
		tb.Fatal(err)
	}
	st, err := openStore(filepath.Join(dir, storeFile), true)
	if err != nil {
		tb.Fatalf("openStore: %v", err)
	}
	name := indexDirName(1)
	bi, err := bleve.NewUsing(filepath.Join(dir, name), m, scorch.Name, scorch.Name, nil)
	if err != nil {
		tb.Fatalf("bleve.NewUsing: %v", err)
	}
	if err := st.setMeta(metaIndex, name); err != nil {
		tb.Fatalf("setMeta: %v", err)
	}
	bi.Close()
	st.close()
	x, err := Open(dir)
	if err != nil {
		tb.Fatalf("Open: %v", err)
	}
	tb.Cleanup(func() { x.Close() })
	if err := x.Put(arts); err != nil {
		tb.Fatalf("Put: %v", err)
	}
	return x
}

func ids(r *Result) []string {
	out := []string{}
	for _, h := range r.Hits {
		out = append(out, h.ID)
	}
	return out
}

func TestSearch(t *testing.T) {
	x := mustIndex(t, testArticles)
	tests := []struct {
		name      string
		req       Request
		wantIDs   []string
		wantTotal uint64
	}{
		{name: "one word, title ranks first", req: Request{Query: "Witkoff"}, wantIDs: []string{"a1", "a3"}, wantTotal: 2},
		{name: "stemmed", req: Request{Query: "outline"}, wantIDs: []string{"a2"}, wantTotal: 1},
		{name: "any word suffices", req: Request{Query: "Peskov Odesa"}, wantTotal: 2},
		{name: "speaker filter", req: Request{Query: "Witkoff", Speakers: []string{"Steve Witkoff"}}, wantIDs: []string{"a1"}, wantTotal: 1},
		{name: "region filter, any value", req: Request{Regions: []string{"Ukraine", "Crimea"}, Sort: SortDate}, wantIDs: []string{"a3", "a1"}, wantTotal: 2},
		{name: "date range inclusive", req: Request{From: date("2025-04-15"), To: date("2025-05-02"), Sort: SortDate}, wantIDs: []string{"a3", "a2"}, wantTotal: 2},
		{name: "newest first", req: Request{Query: "Witkoff", Sort: SortDate}, wantIDs: []string{"a3", "a1"}, wantTotal: 2},
		{name: "stop word only", req: Request{Query: "AND"}, wantIDs: []string{}, wantTotal: 0},
		{name: "syntax is text", req: Request{Query: `a:b "( covid-19`}, wantIDs: []string{}, wantTotal: 0},
		{name: "paging", req: Request{Query: "Witkoff", Page: 2, Size: 1}, wantIDs: []string{"a3"}, wantTotal: 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := x.Search(context.Background(), tt.req)
			if err != nil {
				t.Fatalf("Search(%+v): %v", tt.req, err)
			}
			if res.Total != tt.wantTotal {
				t.Errorf("Search(%+v).Total = %d, want %d", tt.req, res.Total, tt.wantTotal)
			}
			if tt.wantIDs != nil {
				if diff := cmp.Diff(tt.wantIDs, ids(res)); diff != "" {
					t.Errorf("Search(%+v) ids (-want +got):\n%s", tt.req, diff)
				}
			}
		})
	}
}

func TestSearchFacetsAndSnippets(t *testing.T) {
	x := mustIndex(t, testArticles)
	res, err := x.Search(context.Background(), Request{Query: "grain"})
	if err != nil {
		t.Fatal(err)
	}
	wantDates := []FacetValue{{"2025-05", 1}}
	if diff := cmp.Diff(wantDates, res.Facets[FacetDate]); diff != "" {
		t.Errorf("date facet (-want +got):\n%s", diff)
	}
	for _, h := range res.Hits {
		if !strings.Contains(h.Snippet+h.TitleHTML, "<mark>") {
			t.Errorf("hit %s snippet %q and title have no <mark>", h.ID, h.Snippet)
		}
		if strings.Contains(h.Snippet, "<script>") || strings.Contains(h.TitleHTML, "<b>") {
			t.Errorf("hit %s: article text not escaped: %q / %q", h.ID, h.TitleHTML, h.Snippet)
		}
	}
	all, err := x.Search(context.Background(), Request{})
	if err != nil {
		t.Fatal(err)
	}
	// Put indexes articles enriched: region extraction adds Ukraine to a1,
	// whose Crimea lies in it.
	wantRegions := []FacetValue{{"Russia", 2}, {"Ukraine", 2}, {"Crimea", 1}, {"Moscow", 1}, {"Odesa", 1}}
	if diff := cmp.Diff(wantRegions, all.Facets[FacetRegion]); diff != "" {
		t.Errorf("region facet (-want +got):\n%s", diff)
	}
}

func TestSearchInvalid(t *testing.T) {
	x := mustIndex(t, testArticles)
	tests := []struct {
		name, param string
		req         Request
	}{
		{"size too large", "size", Request{Size: MaxSize + 1}},
		{"page too deep", "page", Request{Page: MaxOffset, Size: 10}},
		{"unknown sort", "sort", Request{Sort: "oldest"}},
		{"query too long", "q", Request{Query: strings.Repeat("x", MaxQueryLength+1)}},
		{"to before from", "to", Request{From: date("2025-05-01"), To: date("2025-04-01")}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := x.Search(context.Background(), tt.req)
			var pe *ParamError
			if !errors.As(err, &pe) || pe.Param != tt.param {
				t.Errorf("Search: err = %v, want a ParamError for %q", err, tt.param)
			}
		})
	}
}

func TestPutReplacesAndGet(t *testing.T) {
	x := mustIndex(t, testArticles)
	updated := testArticles[1]
	updated.Title = "Kremlin corrects itself"
	if err := x.Put([]corpus.Article{updated}); err != nil {
		t.Fatal(err)
	}
	n, _ := x.Count()
	if n != uint64(len(testArticles)) {
		t.Errorf("Count = %d after replacing, want %d", n, len(testArticles))
	}
	got, err := x.Get(context.Background(), "a2")
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(updated, got); diff != "" {
		t.Errorf("Get(a2) (-want +got):\n%s", diff)
	}
	if _, err := x.Get(context.Background(), "nope"); !errors.Is(err, ErrNotFound) {
		t.Errorf("Get(nope) err = %v, want ErrNotFound", err)
	}
	if err := x.Delete("a2"); err != nil {
		t.Fatal(err)
	}
	if _, err := x.Get(context.Background(), "a2"); !errors.Is(err, ErrNotFound) {
		t.Errorf("Get(a2) after Delete: err = %v, want ErrNotFound", err)
	}
}

func TestOpen(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "x.idx")
	if _, err := Open(dir); !errors.Is(err, ErrNoIndex) {
		t.Errorf("Open(missing) err = %v, want ErrNoIndex", err)
	}
	x, created, err := OpenOrCreate(dir)
	if err != nil || !created {
		t.Fatalf("OpenOrCreate = %v, %v", created, err)
	}
	defer x.Close()
	if _, err := Open(dir); !errors.Is(err, ErrLocked) {
		t.Errorf("second Open err = %v, want ErrLocked", err)
	}
}
