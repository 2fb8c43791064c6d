package main

import (
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"
)

func mustDoc(tb testing.TB, body []byte) *goquery.Document {
	tb.Helper()
	doc, err := goquery.NewDocumentFromReader(strings.NewReader(string(body)))
	if err != nil {
		tb.Fatal(err)
	}
	return doc
}

func TestPages(t *testing.T) {
	ts := mustServer(t)
	tests := []struct {
		path       string
		wantStatus int
		checks     map[string]string // selector → text it must contain
		wantCount  map[string]int    // selector → number of matches
	}{
		{path: "/", wantStatus: 200,
			checks:    map[string]string{".summary .total": "12", ".histogram figcaption": "Articles by week"},
			wantCount: map[string]int{".hit": 10, "#facet-region li": 10, ".histogram a.bar": 18, "#facet-speaker a.more": 0, "#facet-region a.more": 1}},
		{path: "/?q=Witkoff", wantStatus: 200,
			checks:    map[string]string{".hit h3 a": "Witkoff", ".snippet mark": "Witkoff", ".chips": "“Witkoff”"},
			wantCount: map[string]int{".hit": 3}},
		{path: "/?q=Witkoff&speaker=Steve+Witkoff", wantStatus: 200,
			checks: map[string]string{".chips": "Steve Witkoff", "#facet-speaker li.selected": "Steve Witkoff",
				"#facet-speaker li.selected a[aria-checked=true]": "Steve Witkoff", "#facet-speaker": "Volodymyr Zelensky"},
			wantCount: map[string]int{".hit": 2, ".searchbox input[type=hidden][name=speaker]": 1}},
		{path: "/?more=region", wantStatus: 200,
			checks: map[string]string{"#facet-region a.more": "Show fewer"}, wantCount: map[string]int{"#facet-region li": 15}},
		{path: "/?speaker_prefix=zel", wantStatus: 200,
			checks: map[string]string{"#facet-speaker li": "Volodymyr Zelensky", "#speaker-prefix[value=zel]": ""}, wantCount: map[string]int{"#facet-speaker li": 1}},
		{path: "/?region=Kyiv&from=2025-05-01&to=2025-05-31", wantStatus: 200,
			checks:    map[string]string{".chips": "2025-05-01 – 2025-05-31", ".histogram figcaption": "by day", ".histogram a.bar.selected title": "22 May 2025: 1 article"},
			wantCount: map[string]int{".hit": 1, ".histogram a.bar": 31}},
		{path: "/?size=1", wantStatus: 200, checks: map[string]string{".pager": "Page 1 of 12"}},
		{path: "/?sort=date&size=2", wantStatus: 200, checks: map[string]string{".hit h3": "Kremlin says no date set", ".sort strong": "newest"}},
		{path: "/quotes?q=ceasefire", wantStatus: 200,
			checks:    map[string]string{".speaker-group h2 a[href='/speakers/Steve%20Witkoff']": "Steve Witkoff", ".quote blockquote mark": "ceasefire", ".quote .who a[href='/articles/witkoff-riyadh']": "Witkoff and Zelensky"},
			wantCount: map[string]int{".speaker-group": 2, ".quote": 2}},
		{path: "/quotes?speaker=Volodymyr+Zelensky", wantStatus: 200,
			checks: map[string]string{"#quote-speaker[value='Volodymyr Zelensky']": ""}, wantCount: map[string]int{".speaker-group": 1, ".quote": 4}},
		{path: "/speakers/Volodymyr%20Zelensky", wantStatus: 200,
			checks:    map[string]string{"h1": "Volodymyr Zelensky", ".month-group h2": "May 2025", ".lede": "4 articles"},
			wantCount: map[string]int{".month-group": 2, ".quote": 4, ".histogram a.bar": 33}},
		{path: "/speakers/Nobody%20Known", wantStatus: 404, checks: map[string]string{"h1": "Not found", ".error": "Nobody Known"}},
		{path: "/articles/zelensky-grain", wantStatus: 200,
			checks: map[string]string{"h1": "Grain corridor holds", ".quotes .speaker-quotes h3 a[href='/speakers/Emmanuel%20Macron']": "Emmanuel Macron",
				".facts .places": "Odesa"},
			wantCount: map[string]int{".speaker-quotes": 2, ".facts .places a": 3}},
		{path: "/articles/zelensky-energy", wantStatus: 200,
			checks: map[string]string{".quotes blockquote.reported": "talks with partners"}, wantCount: map[string]int{".speaker-quotes": 1, ".speaker-quotes li": 2}},
		{path: "/articles/kremlin-outline?back=/%3Fq%3Dkremlin", wantStatus: 200, checks: map[string]string{".back a[href='/?q=kremlin']": "Back"}},
		{path: "/articles/kremlin-outline?back=https://elsewhere.example/", wantStatus: 200, checks: map[string]string{".back a[href='/']": "Back"}},
		{path: "/articles/nope", wantStatus: 404, checks: map[string]string{"h1": "Not found"}},
		{path: "/?size=1000", wantStatus: 400, checks: map[string]string{".error": "size"}},
	}
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			resp, body := mustGet(t, ts.URL+tt.path)
			if resp.StatusCode != tt.wantStatus {
				t.Errorf("GET %s = %d, want %d", tt.path, resp.StatusCode, tt.wantStatus)
			}
			doc := mustDoc(t, body)
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

// TestPagesLinksKeepState follows the links of the search page and checks
// each changes one part of the state in the URL and keeps the rest.
func TestPagesLinksKeepState(t *testing.T) {
	ts := mustServer(t)
	_, body := mustGet(t, ts.URL+"/?q=grain&speaker=Emmanuel+Macron&sort=date&page=1")
	doc := mustDoc(t, body)
	href := func(sel string) string {
		v, ok := doc.Find(sel).First().Attr("href")
		if !ok {
			t.Fatalf("no link %s", sel)
		}
		return v
	}
	tests := []struct {
		name, sel, want string
	}{
		{"remove speaker chip", ".chips li:first-child a", "/?q=grain&sort=date"},
		{"remove query chip", ".chips li:last-child a", "/?sort=date&speaker=Emmanuel+Macron"},
		{"add a place", "#facet-region li:not(.selected) a", "/?q=grain&region=France&sort=date&speaker=Emmanuel+Macron"},
		{"sort by relevance", ".sort a", "/?q=grain&sort=relevance&speaker=Emmanuel+Macron"},
		{"speaker of a hit filters", ".hit .tag.speaker", "/?speaker=Emmanuel+Macron"},
	}
	for _, tt := range tests {
		if got := href(tt.sel); got != tt.want {
			t.Errorf("%s: %s href = %q, want %q", tt.name, tt.sel, got, tt.want)
		}
	}
}

func TestPagesEscapeArticleText(t *testing.T) {
	ts := mustServer(t)
	for _, path := range []string{"/?q=grain", "/articles/xss", "/?speaker=%3Cb%3EBold%3C%2Fb%3E", "/quotes?q=%3Cscript%3E"} {
		_, body := mustGet(t, ts.URL+path)
		doc := mustDoc(t, body)
		if n := doc.Find("script:not([src]), img, b").Length(); n > 0 {
			t.Errorf("GET %s: %d elements from the article's text became markup", path, n)
		}
		doc.Find("a[href]").Each(func(_ int, a *goquery.Selection) {
			if href, _ := a.Attr("href"); strings.HasPrefix(strings.ToLower(href), "javascript:") {
				t.Errorf("GET %s: a javascript: link: %q", path, href)
			}
		})
		// No inline script or handler: a Content-Security-Policy without
		// 'unsafe-inline' must not break the page.
		doc.Find("*").Each(func(_ int, e *goquery.Selection) {
			for _, attr := range e.Nodes[0].Attr {
				if strings.HasPrefix(strings.ToLower(attr.Key), "on") {
					t.Errorf("GET %s: inline handler %s on <%s>", path, attr.Key, goquery.NodeName(e))
				}
			}
		})
		doc.Find("script").Each(func(_ int, s *goquery.Selection) {
			if src, _ := s.Attr("src"); !strings.HasPrefix(src, "/static/") {
				t.Errorf("GET %s: a script not from /static/: %q", path, src)
			}
		})
	}
}
