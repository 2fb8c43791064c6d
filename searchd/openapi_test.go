package main

import (
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// openAPIDoc is the part of the OpenAPI document the test reads.
type openAPIDoc struct {
	Paths map[string]map[string]struct {
		Responses map[string]struct {
			Content map[string]struct {
				Schema schemaRef `json:"schema"`
			} `json:"content"`
		} `json:"responses"`
	} `json:"paths"`
	Components struct {
		Schemas map[string]struct {
			Required []string `json:"required"`
		} `json:"schemas"`
	} `json:"components"`
}

type schemaRef struct {
	Ref string `json:"$ref"`
}

// documentedRequests give, for each documented path, method and status, a
// request the server answers with that status. Keys are "METHOD path
// status" with the path as documented.
var documentedRequests = map[string]struct{ path, body string }{
	"GET /api/search 200":        {"/api/search?q=grain&speaker=Volodymyr+Zelensky&from=now-3M&interval=week", ""},
	"GET /api/search 400":        {"/api/search?size=0x10", ""},
	"GET /api/search 429":        {"/api/search", ""},
	"GET /api/search 503":        {"/api/search", ""},
	"POST /api/search 200":       {"/api/search", `{"q": "grain", "region": ["Ukraine"]}`},
	"POST /api/search 400":       {"/api/search", `{"q": 7}`},
	"POST /api/search 413":       {"/api/search", `{"q": "` + strings.Repeat("grain ", 20000) + `"}`},
	"POST /api/search 429":       {"/api/search", `{}`},
	"POST /api/search 503":       {"/api/search", `{}`},
	"GET /api/articles/{id} 200": {"/api/articles/kremlin-outline", ""},
	"GET /api/articles/{id} 404": {"/api/articles/none-such", ""},
	"GET /api/articles/{id} 429": {"/api/articles/kremlin-outline", ""},
	"GET /api/articles/{id} 503": {"/api/articles/kremlin-outline", ""},
	"GET /api/facets/{name} 200": {"/api/facets/speaker?prefix=zel", ""},
	"GET /api/facets/{name} 400": {"/api/facets/colour?prefix=r", ""},
	"GET /api/facets/{name} 429": {"/api/facets/region", ""},
	"GET /api/facets/{name} 503": {"/api/facets/region", ""},
	"GET /api/suggest 200":       {"/api/suggest?q=zel", ""},
	"GET /api/suggest 400":       {"/api/suggest?q=zel&size=many", ""},
	"GET /api/suggest 429":       {"/api/suggest?q=zel", ""},
	"GET /api/suggest 503":       {"/api/suggest?q=zel", ""},
	"GET /api/quotes 200":        {"/api/quotes?q=ceasefire", ""},
	"GET /api/quotes 400":        {"/api/quotes?sort=loudest", ""},
	"GET /api/quotes 429":        {"/api/quotes", ""},
	"GET /api/quotes 503":        {"/api/quotes", ""},
	"GET /api/stats 200":         {"/api/stats", ""},
	"GET /api/stats 429":         {"/api/stats", ""},
	"GET /api/stats 503":         {"/api/stats", ""},
	"GET /api/openapi.json 200":  {"/api/openapi.json", ""},
	"GET /healthz 200":           {"/healthz", ""},
	"GET /readyz 200":            {"/readyz", ""},
	"GET /readyz 503":            {"/readyz", ""},
	"GET /metrics 200":           {"/metrics", ""},
}

// TestOpenAPIMatchesServer walks every documented route, method and status
// against the real handlers, checks the answers hold the documented
// schema's required fields, and that every route of the route table is
// documented.
func TestOpenAPIMatchesServer(t *testing.T) {
	var doc openAPIDoc
	if err := json.Unmarshal(openAPI, &doc); err != nil {
		t.Fatalf("openapi.json: %v", err)
	}
	ready, readyTS := mustServerWith(t, config{}, mustIndex(t))
	_, startingTS := mustServerWith(t, config{}, nil)
	_, limitedTS := mustServerWith(t, config{RateLimit: 0.001}, mustIndex(t))

	documented := map[string]bool{}
	for path, methods := range doc.Paths {
		for method, op := range methods {
			for status, r := range op.Responses {
				key := strings.ToUpper(method) + " " + path + " " + status
				documented[key] = true
				req, ok := documentedRequests[key]
				if !ok {
					t.Errorf("%s is documented but no request of the test gives it", key)
					continue
				}
				ts := readyTS
				switch status {
				case "503":
					ts = startingTS
				case "429":
					ts = limitedTS
				}
				tries := 1
				if status == "429" {
					tries = 3 // the first two are the burst
				}
				var got int
				var body []byte
				for range tries {
					got, body = do(t, ts, strings.ToUpper(method), req.path, req.body)
				}
				if got != mustAtoi(t, status) {
					t.Errorf("%s: %s %.60s answered %d: %.200s", key, method, req.path, got, body)
					continue
				}
				for ctype, c := range r.Content {
					if ctype != "application/json" {
						continue
					}
					name := strings.TrimPrefix(c.Schema.Ref, "#/components/schemas/")
					var fields map[string]json.RawMessage
					if err := json.Unmarshal(body, &fields); err != nil {
						t.Errorf("%s: answer is not a JSON object: %.200s", key, body)
						continue
					}
					for _, f := range doc.Components.Schemas[name].Required {
						if _, ok := fields[f]; !ok {
							t.Errorf("%s: answer lacks %s.%s: %.200s", key, name, f, body)
						}
					}
				}
			}
		}
	}
	for key := range documentedRequests {
		if !documented[key] {
			t.Errorf("the test asks for %s, which is not documented", key)
		}
	}
	param := regexp.MustCompile(`:(\w+)`)
	for _, r := range ready.echo.Routes() {
		if !isAPI(r.Path) && r.Path != "/metrics" {
			continue // pages and static files answer HTML for people
		}
		path := param.ReplaceAllString(r.Path, "{$1}")
		methods, ok := doc.Paths[path]
		if !ok {
			t.Errorf("route %s %s is not documented", r.Method, r.Path)
			continue
		}
		if _, ok := methods[strings.ToLower(r.Method)]; !ok {
			t.Errorf("route %s %s: method not documented", r.Method, r.Path)
		}
	}
	var paths []string
	for p := range doc.Paths {
		paths = append(paths, p)
	}
	slices.Sort(paths)
	t.Logf("documented and checked: %s", strings.Join(paths, " "))
}

func do(t *testing.T, ts *httptest.Server, method, path, body string) (int, []byte) {
	t.Helper()
	req, err := http.NewRequest(method, ts.URL+path, strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	if body != "" {
		req.Header.Set("Content-Type", "application/json")
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatalf("%s %s: %v", method, path, err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp.StatusCode, b
}

func mustAtoi(t *testing.T, s string) int {
	t.Helper()
	n := 0
	for _, r := range s {
		if r < '0' || r > '9' {
			t.Fatalf("status %q is not a number", s)
		}
		n = n*10 + int(r-'0')
	}
	return n
}
