package main

import (
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"
	"github.com/google/go-cmp/cmp"

	"dateline/corpus"
	"dateline/search"
)

// mustServer starts the real handlers on a real index, filled from
// testdata/articles.jsonl, in a temporary directory.
func mustServer(tb testing.TB) *httptest.Server {
	tb.Helper()
	f, err := os.Open("testdata/articles.jsonl")
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	arts, err := corpus.ReadJSONL(f)
	if err != nil {
		tb.Fatalf("ReadJSONL: %v", err)
	}
	for i := range arts {
		corpus.Enrich(&arts[i])
	}
	cfg := config{Index: filepath.Join(tb.TempDir(), "test.idx")}
	x, err := search.Create(cfg.Index)
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { x.Close() })
	if err := x.Put(arts); err != nil {
		tb.Fatal(err)
	}
	s, err := newServer(cfg, x, slog.New(slog.NewTextHandler(io.Discard, nil)))
	if err != nil {
		tb.Fatalf("newServer: %v", err)
	}
	ts := httptest.NewServer(s.echo)
	tb.Cleanup(ts.Close)
	return ts
}

func mustGet(tb testing.TB, u string) (*http.Response, []byte) {
	tb.Helper()
	resp, err := http.Get(u)
	if err != nil {
		tb.Fatalf("GET %s: %v", u, err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		tb.Fatalf("GET %s: reading body: %v", u, err)
	}
	return resp, body
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
		{name: "speaker filter", query: "q=Witkoff&speaker=Steve+Witkoff", wantIDs: []string{"kyiv-talks"}},
		{name: "regions any, newest first", query: "region=Crimea&region=Odesa&sort=date", wantIDs: []string{"grain-may", "kyiv-talks"}},
		{name: "dates inclusive", query: "from=2025-04-11&to=2025-04-15&sort=date", wantIDs: []string{"kremlin-outline", "kyiv-talks"},
			wantFacet: map[string][]wireFacet{"date": {{"2025-04", 2}}}},
		{name: "facets", query: "region=Ukraine", wantIDs: nil,
			wantFacet: map[string][]wireFacet{"region": {{"Ukraine", 2}, {"Crimea", 1}, {"Kyiv", 1}, {"Odesa", 1}}, "speaker": {{"Steve Witkoff", 1}}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			resp, body := mustGet(t, ts.URL+"/api/search?"+tt.query)
			if resp.StatusCode != http.StatusOK {
				t.Fatalf("GET /api/search?%s = %d: %s", tt.query, resp.StatusCode, body)
			}
			var got searchResponse
			if err := json.Unmarshal(body, &got); err != nil {
				t.Fatal(err)
			}
			if tt.wantIDs != nil {
				var ids []string
				for _, h := range got.Hits {
					ids = append(ids, h.ID)
				}
				if diff := cmp.Diff(tt.wantIDs, ids); diff != "" {
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

func TestAPISnippetsEscapeText(t *testing.T) {
	ts := mustServer(t)
	_, body := mustGet(t, ts.URL+"/api/search?q=grain")
	var got searchResponse
	if err := json.Unmarshal(body, &got); err != nil {
		t.Fatal(err)
	}
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
		resp, body := mustGet(t, ts.URL+"/api/search?q="+url.QueryEscape(q))
		if resp.StatusCode != http.StatusOK && resp.StatusCode != http.StatusBadRequest {
			t.Errorf("GET /api/search?q=%.30q = %d, want 200 or 400: %s", q, resp.StatusCode, body)
		}
		if !json.Valid(body) {
			t.Errorf("GET /api/search?q=%.30q: answer is not JSON: %.200s", q, body)
		}
	}
}

func TestAPIErrors(t *testing.T) {
	ts := mustServer(t)
	tests := []struct {
		path       string
		wantStatus int
		wantCode   string
		wantParam  string
	}{
		{"/api/search?size=1000", 400, "invalid_parameter", "size"},
		{"/api/search?size=ten", 400, "invalid_parameter", "size"},
		{"/api/search?from=April", 400, "invalid_parameter", "from"},
		{"/api/search?sort=oldest", 400, "invalid_parameter", "sort"},
		{"/api/search?page=100000", 400, "invalid_parameter", "page"},
		{"/api/search?q=" + strings.Repeat("x", search.MaxQueryLength+1), 400, "invalid_parameter", "q"},
		{"/api/articles/nope", 404, "not_found", ""},
		{"/api/nothing", 404, "not_found", ""},
	}
	for _, tt := range tests {
		resp, body := mustGet(t, ts.URL+tt.path)
		var got apiError
		if err := json.Unmarshal(body, &got); err != nil {
			t.Errorf("GET %.60s: answer is not a JSON error: %.200s", tt.path, body)
			continue
		}
		if resp.StatusCode != tt.wantStatus || got.Error.Code != tt.wantCode || got.Error.Param != tt.wantParam {
			t.Errorf("GET %.60s = %d %+v, want %d code %q param %q", tt.path, resp.StatusCode, got.Error, tt.wantStatus, tt.wantCode, tt.wantParam)
		}
	}
}

func TestAPIArticle(t *testing.T) {
	ts := mustServer(t)
	resp, body := mustGet(t, ts.URL+"/api/articles/kremlin-outline")
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("GET /api/articles/kremlin-outline = %d", resp.StatusCode)
	}
	var a corpus.Article
	if err := json.Unmarshal(body, &a); err != nil {
		t.Fatal(err)
	}
	if a.Title != "Kremlin sees no outline of a deal" || len(a.Quotes) != 1 || a.Quotes[0].Speaker != "Dmitry Peskov" || a.Published.Format("2006-01-02") != "2025-04-15" {
		t.Errorf("GET /api/articles/kremlin-outline = %+v", a)
	}
}

func TestPages(t *testing.T) {
	ts := mustServer(t)
	tests := []struct {
		path       string
		wantStatus int
		checks     map[string]string // selector → text it must contain
		wantCount  map[string]int    // selector → number of matches
	}{
		{path: "/", wantStatus: 200, wantCount: map[string]int{".hit": 4, "#facet-region li": 6, "#facet-date li": 2}},
		{path: "/?q=Witkoff", wantStatus: 200,
			checks:    map[string]string{".hit h3 a": "Envoy says talks", ".snippet mark": "Witkoff", "#q": ""},
			wantCount: map[string]int{".hit": 2}},
		{path: "/?q=Witkoff&speaker=Steve+Witkoff", wantStatus: 200,
			checks:    map[string]string{".chips": "Steve Witkoff", "#facet-speaker li.selected": "Steve Witkoff"},
			wantCount: map[string]int{".hit": 1}},
		{path: "/?size=1", wantStatus: 200, checks: map[string]string{".pager": "Page 1 of 4"}},
		{path: "/articles/kremlin-outline", wantStatus: 200, checks: map[string]string{"h1": "Kremlin sees no outline", ".quotes": "Dmitry Peskov"}},
		{path: "/articles/nope", wantStatus: 404, checks: map[string]string{"h1": "Not found"}},
		{path: "/?size=1000", wantStatus: 400, checks: map[string]string{".error": "size"}},
	}
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			resp, body := mustGet(t, ts.URL+tt.path)
			if resp.StatusCode != tt.wantStatus {
				t.Errorf("GET %s = %d, want %d", tt.path, resp.StatusCode, tt.wantStatus)
			}
			doc, err := goquery.NewDocumentFromReader(strings.NewReader(string(body)))
			if err != nil {
				t.Fatal(err)
			}
			for sel, want := range tt.checks {
				s := doc.Find(sel)
				if s.Length() == 0 || !strings.Contains(s.Text(), want) {
					t.Errorf("GET %s: %s = %q, want it to contain %q", tt.path, sel, s.Text(), want)
				}
			}
			for sel, want := range tt.wantCount {
				if got := doc.Find(sel).Length(); got != want {
					t.Errorf("GET %s: %d × %s, want %d", tt.path, got, sel, want)
				}
			}
		})
	}
}

func TestPagesEscapeArticleText(t *testing.T) {
	ts := mustServer(t)
	for _, path := range []string{"/?q=grain", "/articles/xss"} {
		_, body := mustGet(t, ts.URL+path)
		doc, err := goquery.NewDocumentFromReader(strings.NewReader(string(body)))
		if err != nil {
			t.Fatal(err)
		}
		if n := doc.Find("script, img, b").Length(); n > 0 {
			t.Errorf("GET %s: %d elements from the article's text became markup", path, n)
		}
		doc.Find("a[href]").Each(func(_ int, a *goquery.Selection) {
			if href, _ := a.Attr("href"); strings.HasPrefix(strings.ToLower(href), "javascript:") {
				t.Errorf("GET %s: a javascript: link: %q", path, href)
			}
		})
	}
}

func TestRunServesAndStops(t *testing.T) {
	dir := t.TempDir()
	ctx, cancel := context.WithCancel(context.Background())
	ready := make(chan string, 1)
	errc := make(chan error, 1)
	go func() {
		errc <- run(ctx, []string{"-index", filepath.Join(dir, "samples.idx"), "-addr", "127.0.0.1:0"}, func(string) string { return "" }, io.Discard, ready)
	}()
	var addr string
	select {
	case addr = <-ready:
	case err := <-errc:
		t.Fatalf("run: %v", err)
	}
	resp, body := mustGet(t, "http://"+addr+"/healthz")
	if resp.StatusCode != http.StatusOK {
		t.Errorf("GET /healthz = %d %s", resp.StatusCode, body)
	}
	_, body = mustGet(t, "http://"+addr+"/api/search")
	var got searchResponse
	if err := json.Unmarshal(body, &got); err != nil || got.Total == 0 {
		t.Errorf("a new index holds no samples: %v, %s", err, body)
	}
	cancel()
	if err := <-errc; err != nil {
		t.Errorf("run after cancel: %v", err)
	}
}
