package main

import (
	"io"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"dateline/corpus"
	"dateline/search"
)

func hitIDs(r searchResponse) []string {
	ids := []string{}
	for _, h := range r.Hits {
		ids = append(ids, h.ID)
	}
	return ids
}

func TestAPISearch(t *testing.T) {
	ts := mustServer(t)
	tests := []struct {
		name      string
		query     string
		wantIDs   []string
		wantFacet map[string][]wireFacet
	}{
		{name: "word", query: "q=compelling", wantIDs: []string{"kyiv-talks"}},
		{name: "speaker filter", query: "q=Witkoff&speaker=Steve+Witkoff&sort=date", wantIDs: []string{"witkoff-riyadh", "kyiv-talks"}},
		{name: "regions any, newest first", query: "region=Crimea&region=Odesa&sort=date", wantIDs: []string{"zelensky-grain", "grain-may", "kyiv-talks"}},
		{name: "dates inclusive", query: "from=2025-04-11&to=2025-04-15&sort=date", wantIDs: []string{"kremlin-outline", "kyiv-talks"},
			wantFacet: map[string][]wireFacet{"date": {{"2025-04", 2}}}},
		{name: "relative dates", query: "from=now-7d&to=now&sort=date", wantIDs: []string{"peskov-june"}},
		{name: "relative months", query: "from=now-1M&sort=date", wantIDs: []string{"peskov-june", "macron-paris", "zelensky-ceasefire"}},
		{name: "facets without a selection", query: "region=Ukraine", wantIDs: nil,
			wantFacet: map[string][]wireFacet{"speaker": {{"Volodymyr Zelensky", 3}, {"Emmanuel Macron", 1}, {"Steve Witkoff", 1}}}},
		{
			// A selected facet counts its other values as alternatives:
			// Macron's count is the articles choosing him would add.
			name: "disjunctive facet", query: "speaker=Volodymyr+Zelensky&region=Ukraine",
			wantIDs: []string{"zelensky-ceasefire", "zelensky-energy", "zelensky-grain"},
			wantFacet: map[string][]wireFacet{
				"speaker": {{"Volodymyr Zelensky", 3}, {"Emmanuel Macron", 1}, {"Steve Witkoff", 1}},
				"region":  {{"Ukraine", 3}, {"Kyiv", 2}, {"France", 1}, {"Odesa", 1}, {"Riyadh", 1}, {"Saudi Arabia", 1}},
			},
		},
		{name: "two values of one facet: either", query: "speaker=Martin+Schlegel&speaker=Dmitry+Peskov&sort=date",
			wantIDs: []string{"peskov-june", "kremlin-outline", "zurich-rates"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			resp, body := mustGet(t, ts.URL+"/api/search?"+tt.query)
			if resp.StatusCode != http.StatusOK {
				t.Fatalf("GET /api/search?%s = %d: %s", tt.query, resp.StatusCode, body)
			}
			got := mustJSON[searchResponse](t, "GET /api/search", body)
			if tt.wantIDs != nil {
				if diff := cmp.Diff(tt.wantIDs, hitIDs(got)); diff != "" {
					t.Errorf("GET /api/search?%s ids (-want +got):\n%s", tt.query, diff)
				}
			}
			for name, want := range tt.wantFacet {
				if diff := cmp.Diff(want, got.Facets[name]); diff != "" {
					t.Errorf("GET /api/search?%s facet %s (-want +got):\n%s", tt.query, name, diff)
				}
			}
			for _, key := range []string{"speaker", "region", "date"} {
				if got.Facets[key] == nil {
					t.Errorf("GET /api/search?%s: facets.%s missing", tt.query, key)
				}
			}
		})
	}
}

func TestAPIPostMatchesGet(t *testing.T) {
	ts := mustServer(t)
	_, getBody := mustGet(t, ts.URL+"/api/search?q=grain&region=Ukraine&region=Odesa&sort=date&size=1&interval=week")
	_, postBody := mustPost(t, ts.URL+"/api/search", `{"q": "grain", "region": ["Ukraine", "Odesa"], "sort": "date", "size": 1, "interval": "week"}`)
	get := mustJSON[searchResponse](t, "GET /api/search", getBody)
	post := mustJSON[searchResponse](t, "POST /api/search", postBody)
	get.TookMS, post.TookMS = 0, 0
	if diff := cmp.Diff(get, post); diff != "" {
		t.Errorf("POST /api/search differs from GET (-get +post):\n%s", diff)
	}
	if len(get.Hits) != 1 || get.NextCursor == "" {
		t.Errorf("GET /api/search: %d hits, next_cursor %q; want 1 and a cursor", len(get.Hits), get.NextCursor)
	}
}

// TestAPICursorPaging walks every page by cursor and finds the same hits,
// in the same order, as one page holding them all.
func TestAPICursorPaging(t *testing.T) {
	ts := mustServer(t)
	for _, sort := range []string{"relevance", "date"} {
		t.Run(sort, func(t *testing.T) {
			base := "/api/search?q=ceasefire+grain+talks+Zelensky&sort=" + sort
			_, body := mustGet(t, ts.URL+base+"&size=100")
			want := hitIDs(mustJSON[searchResponse](t, "GET "+base, body))
			if len(want) < 5 {
				t.Fatalf("GET %s: %d hits, too few to page", base, len(want))
			}
			var got []string
			after := ""
			for pages := 0; pages < 20; pages++ {
				_, body := mustGet(t, ts.URL+base+"&size=2&after="+url.QueryEscape(after))
				r := mustJSON[searchResponse](t, "GET "+base, body)
				got = append(got, hitIDs(r)...)
				if r.NextCursor == "" {
					break
				}
				after = r.NextCursor
			}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("pages by cursor differ from one page (-want +got):\n%s", diff)
			}
		})
	}
}

func TestAPIHistogram(t *testing.T) {
	ts := mustServer(t)
	tests := []struct {
		query string
		want  wireHistogram
	}{
		{"speaker=Emmanuel+Macron&interval=month", wireHistogram{Interval: "month", Buckets: []wireBucket{
			{"2025-05-01", "2025-05-31", 1}, {"2025-06-01", "2025-06-30", 1}}}},
		{"speaker=Emmanuel+Macron&interval=year", wireHistogram{Interval: "year", Buckets: []wireBucket{
			{"2025-01-01", "2025-12-31", 2}}}},
		{"speaker=Dmitry+Peskov&interval=week&from=2025-06-09", wireHistogram{Interval: "week", Buckets: []wireBucket{
			{"2025-06-09", "2025-06-15", 1}}}},
		{"region=Kyiv&from=2025-05-20&to=2025-05-23", wireHistogram{Interval: "day", Buckets: []wireBucket{
			{"2025-05-20", "2025-05-20", 0}, {"2025-05-21", "2025-05-21", 0}, {"2025-05-22", "2025-05-22", 1}, {"2025-05-23", "2025-05-23", 0}}}},
		{"q=nothingmatchesthis", wireHistogram{Interval: "month", Buckets: []wireBucket{}}},
	}
	for _, tt := range tests {
		_, body := mustGet(t, ts.URL+"/api/search?"+tt.query)
		got := mustJSON[searchResponse](t, "GET /api/search?"+tt.query, body)
		if diff := cmp.Diff(tt.want, got.Histogram); diff != "" {
			t.Errorf("GET /api/search?%s histogram (-want +got):\n%s", tt.query, diff)
		}
	}
	// auto picks weeks for the test articles' four months.
	_, body := mustGet(t, ts.URL+"/api/search")
	if got := mustJSON[searchResponse](t, "GET /api/search", body).Histogram; got.Interval != "week" || len(got.Buckets) != 18 {
		t.Errorf("GET /api/search histogram: %s with %d buckets, want week with 18", got.Interval, len(got.Buckets))
	}
}

func TestAPIFacetValues(t *testing.T) {
	ts := mustServer(t)
	tests := []struct {
		path string
		want facetValuesResponse
	}{
		{"/api/facets/speaker?prefix=Zel", facetValuesResponse{"speaker", "Zel", []wireFacet{{"Volodymyr Zelensky", 4}}}},
		{"/api/facets/speaker?prefix=vol", facetValuesResponse{"speaker", "vol", []wireFacet{{"Volodymyr Zelensky", 4}}}},
		{"/api/facets/speaker?prefix=inac", facetValuesResponse{"speaker", "inac", []wireFacet{{"Luiz Inácio Lula da Silva", 1}}}},
		{"/api/facets/region?prefix=zur", facetValuesResponse{"region", "zur", []wireFacet{{"Zurich", 1}}}},
		{"/api/facets/region?prefix=sao+p", facetValuesResponse{"region", "sao p", []wireFacet{{"São Paulo", 1}}}},
		// Counted over the search, ignoring the facet's own selection.
		{"/api/facets/speaker?prefix=&q=ceasefire&speaker=Steve+Witkoff", facetValuesResponse{"speaker", "", []wireFacet{{"Volodymyr Zelensky", 2}, {"Steve Witkoff", 1}}}},
		{"/api/facets/region?prefix=nowhere", facetValuesResponse{"region", "nowhere", []wireFacet{}}},
	}
	for _, tt := range tests {
		resp, body := mustGet(t, ts.URL+tt.path)
		if resp.StatusCode != 200 {
			t.Errorf("GET %s = %d: %s", tt.path, resp.StatusCode, body)
			continue
		}
		if diff := cmp.Diff(tt.want, mustJSON[facetValuesResponse](t, "GET "+tt.path, body)); diff != "" {
			t.Errorf("GET %s (-want +got):\n%s", tt.path, diff)
		}
	}
}

func TestAPISuggest(t *testing.T) {
	ts := mustServer(t)
	tests := []struct {
		q    string
		want []wireSuggestion
	}{
		{"zel", []wireSuggestion{
			{Kind: "speaker", Value: "Volodymyr Zelensky", Count: 4},
			{Kind: "title", Value: "Zelensky says a ceasefire must start at sea", ID: "zelensky-ceasefire"},
			{Kind: "title", Value: "Witkoff and Zelensky aides meet in Riyadh", ID: "witkoff-riyadh"},
			{Kind: "title", Value: "Zelensky asks allies for air defence to shield power plants", ID: "zelensky-energy"},
			{Kind: "title", Value: "Grain corridor holds as Macron and Zelensky meet in Odesa", ID: "zelensky-grain"},
		}},
		{"sao", []wireSuggestion{
			{Kind: "region", Value: "São Paulo", Count: 1},
			{Kind: "title", Value: "Coffee prices climb as São Paulo growers count frost damage", ID: "sao-paulo-coffee"},
		}},
		{"grain corr", []wireSuggestion{
			{Kind: "title", Value: "Grain corridor holds as Macron and Zelensky meet in Odesa", ID: "zelensky-grain"},
		}},
		{"", []wireSuggestion{}},
	}
	for _, tt := range tests {
		_, body := mustGet(t, ts.URL+"/api/suggest?q="+url.QueryEscape(tt.q))
		got := mustJSON[suggestResponse](t, "GET /api/suggest", body)
		// Compared by kind (speakers, places, titles) and value: the
		// order of titles is their ranking, which this test is not about.
		rank := map[string]int{"speaker": 0, "region": 1, "title": 2}
		byTitle := cmpopts.SortSlices(func(a, b wireSuggestion) bool {
			if rank[a.Kind] != rank[b.Kind] {
				return rank[a.Kind] < rank[b.Kind]
			}
			return a.Value < b.Value
		})
		if diff := cmp.Diff(tt.want, got.Suggestions, byTitle); diff != "" {
			t.Errorf("GET /api/suggest?q=%s (-want +got):\n%s", tt.q, diff)
		}
	}
}

func TestAPIQuotes(t *testing.T) {
	ts := mustServer(t)
	tests := []struct {
		query string
		want  []string // speaker: text_html, in order
	}{
		{"q=ceasefire&sort=date", []string{
			"Volodymyr Zelensky: A <mark>ceasefire</mark> at sea is the first test of good faith",
			"Steve Witkoff: We made real progress on the <mark>ceasefire</mark> today",
		}},
		{"q=ceasefire&speaker=Steve+Witkoff", []string{
			"Steve Witkoff: We made real progress on the <mark>ceasefire</mark> today",
		}},
		// Words match as the index analyses them: "ships" finds "ships",
		// "moving" finds "moving"; only the speaker's own quotes.
		{"q=ship+moving&speaker=Volodymyr+Zelensky", []string{
			"Volodymyr Zelensky: We will keep the <mark>ships</mark> <mark>moving</mark>, whatever the drones do",
		}},
		{"speaker=Emmanuel+Macron&sort=date", []string{
			"Emmanuel Macron: Rich countries must pay what they promised",
			"Emmanuel Macron: The grain corridor is a lifeline for the world&#39;s poorest",
		}},
		{"q=nothing+said+this", nil},
	}
	for _, tt := range tests {
		resp, body := mustGet(t, ts.URL+"/api/quotes?"+tt.query)
		if resp.StatusCode != 200 {
			t.Errorf("GET /api/quotes?%s = %d: %s", tt.query, resp.StatusCode, body)
			continue
		}
		r := mustJSON[quotesResponse](t, "GET /api/quotes", body)
		var got []string
		for _, q := range r.Quotes {
			got = append(got, q.Speaker+": "+q.TextHTML)
			if q.Article.ID == "" || q.Article.Link != "/api/articles/"+q.Article.ID {
				t.Errorf("GET /api/quotes?%s: quote %q links to %+v", tt.query, q.Text, q.Article)
			}
		}
		if diff := cmp.Diff(tt.want, got); diff != "" {
			t.Errorf("GET /api/quotes?%s (-want +got):\n%s", tt.query, diff)
		}
	}
}

func TestAPIStats(t *testing.T) {
	ts := mustServer(t)
	_, body := mustGet(t, ts.URL+"/api/stats")
	got := mustJSON[statsResponse](t, "GET /api/stats", body)
	if got.Articles != 12 || got.IndexBytes <= 0 || got.LastUpdate == nil || got.LastUpdate.IsZero() {
		t.Errorf("GET /api/stats = %s, want 12 articles, a size and a last update", body)
	}
}

func TestAPISnippetsEscapeText(t *testing.T) {
	ts := mustServer(t)
	_, body := mustGet(t, ts.URL+"/api/search?q=grain")
	got := mustJSON[searchResponse](t, "GET /api/search?q=grain", body)
	for _, h := range got.Hits {
		for _, s := range []string{h.Snippet, h.TitleHTML} {
			if strings.Contains(s, "<script") || strings.Contains(s, "<img") {
				t.Errorf("hit %s: markup from the article's text came through: %q", h.ID, s)
			}
		}
		if !strings.Contains(strings.ToLower(h.Snippet+h.TitleHTML), "<mark>grain</mark>") {
			t.Errorf("hit %s: no <mark>grain</mark> in %q / %q", h.ID, h.TitleHTML, h.Snippet)
		}
	}
}

func TestAPIOddInput(t *testing.T) {
	ts := mustServer(t)
	odd := []string{"covid-19", "a:b", `"`, "(", "AND", ")", "*", "~", "title:", "+-", "\x00", strings.Repeat("ж(", 1000)}
	for _, q := range odd {
		for _, path := range []string{"/api/search?q=", "/api/quotes?q=", "/api/suggest?q=", "/api/facets/speaker?prefix="} {
			resp, body := mustGet(t, ts.URL+path+url.QueryEscape(q))
			if resp.StatusCode != http.StatusOK && resp.StatusCode != http.StatusBadRequest {
				t.Errorf("GET %s%.30q = %d, want 200 or 400: %s", path, q, resp.StatusCode, body)
			}
		}
	}
}

func TestAPIErrors(t *testing.T) {
	ts := mustServer(t)
	tests := []struct {
		method, path, body string
		wantStatus         int
		wantCode           string
		wantParam          string
	}{
		{"GET", "/api/search?size=1000", "", 400, "invalid_parameter", "size"},
		{"GET", "/api/search?size=ten", "", 400, "invalid_parameter", "size"},
		{"GET", "/api/search?from=April", "", 400, "invalid_parameter", "from"},
		{"GET", "/api/search?to=now-3x", "", 400, "invalid_parameter", "to"},
		{"GET", "/api/search?sort=oldest", "", 400, "invalid_parameter", "sort"},
		{"GET", "/api/search?page=100000", "", 400, "invalid_parameter", "page"},
		{"GET", "/api/search?after=bogus", "", 400, "invalid_parameter", "after"},
		{"GET", "/api/search?interval=hour", "", 400, "invalid_parameter", "interval"},
		{"GET", "/api/search?q=" + strings.Repeat("x", search.MaxQueryLength+1), "", 400, "invalid_parameter", "q"},
		{"POST", "/api/search", `{"q": "grain", "colour": "red"}`, 400, "invalid_parameter", "body"},
		{"POST", "/api/search", `{"size": 500}`, 400, "invalid_parameter", "size"},
		{"POST", "/api/search", ``, 400, "invalid_parameter", "body"},
		{"POST", "/api/search", `{"q": "` + strings.Repeat("x", 70<<10) + `"}`, 413, "too_large", ""},
		{"GET", "/api/facets/author?prefix=a", "", 400, "invalid_parameter", "name"},
		{"GET", "/api/facets/speaker?size=500", "", 400, "invalid_parameter", "size"},
		{"GET", "/api/suggest?size=50&q=a", "", 400, "invalid_parameter", "size"},
		{"GET", "/api/quotes?after=x", "", 400, "invalid_parameter", "after"},
		{"GET", "/api/articles/nope", "", 404, "not_found", ""},
		{"GET", "/api/nothing", "", 404, "not_found", ""},
		{"DELETE", "/api/search", "", 405, "method_not_allowed", ""},
	}
	for _, tt := range tests {
		req, err := http.NewRequest(tt.method, ts.URL+tt.path, strings.NewReader(tt.body))
		if err != nil {
			t.Fatal(err)
		}
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatalf("%s %.60s: %v", tt.method, tt.path, err)
		}
		body, err := io.ReadAll(resp.Body)
		resp.Body.Close()
		if err != nil {
			t.Fatal(err)
		}
		got := mustJSON[apiError](t, tt.method+" "+tt.path, body)
		if resp.StatusCode != tt.wantStatus || got.Error.Code != tt.wantCode || got.Error.Param != tt.wantParam || got.Error.Message == "" {
			t.Errorf("%s %.60s = %d %+v, want %d code %q param %q", tt.method, tt.path, resp.StatusCode, got.Error, tt.wantStatus, tt.wantCode, tt.wantParam)
		}
	}
}

func TestAPIArticle(t *testing.T) {
	ts := mustServer(t)
	resp, body := mustGet(t, ts.URL+"/api/articles/kremlin-outline")
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("GET /api/articles/kremlin-outline = %d", resp.StatusCode)
	}
	a := mustJSON[corpus.Article](t, "GET /api/articles/kremlin-outline", body)
	if a.Title != "Kremlin sees no outline of a deal" || len(a.Quotes) != 1 || a.Quotes[0].Speaker != "Dmitry Peskov" || a.Published.Format("2006-01-02") != "2025-04-15" {
		t.Errorf("GET /api/articles/kremlin-outline = %+v", a)
	}
	if diff := cmp.Diff([]string{"Moscow", "Russia"}, a.Regions); diff != "" {
		t.Errorf("GET /api/articles/kremlin-outline regions (-want +got):\n%s", diff)
	}
}
