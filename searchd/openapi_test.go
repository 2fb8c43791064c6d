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

	"dateline/corpus"
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
var documentedRequests = map[string]docRequest{
	"GET /api/search 200":        {path: "/api/search?q=grain&speaker=Volodymyr+Zelensky&from=now-3M&interval=week", body: ""},
	"GET /api/search 400":        {path: "/api/search?size=0x10", body: ""},
	"GET /api/search 429":        {path: "/api/search", body: ""},
	"GET /api/search 503":        {path: "/api/search", body: ""},
	"POST /api/search 200":       {path: "/api/search", body: `{"q": "grain", "region": ["Ukraine"]}`},
	"POST /api/search 400":       {path: "/api/search", body: `{"q": 7}`},
	"POST /api/search 413":       {path: "/api/search", body: `{"q": "` + strings.Repeat("grain ", 20000) + `"}`},
	"POST /api/search 429":       {path: "/api/search", body: `{}`},
	"POST /api/search 503":       {path: "/api/search", body: `{}`},
	"GET /api/articles/{id} 200": {path: "/api/articles/kremlin-outline", body: ""},
	"GET /api/articles/{id} 404": {path: "/api/articles/none-such", body: ""},
	"GET /api/articles/{id} 429": {path: "/api/articles/kremlin-outline", body: ""},
	"GET /api/articles/{id} 503": {path: "/api/articles/kremlin-outline", body: ""},
	"GET /api/facets/{name} 200": {path: "/api/facets/speaker?prefix=zel", body: ""},
	"GET /api/facets/{name} 400": {path: "/api/facets/colour?prefix=r", body: ""},
	"GET /api/facets/{name} 429": {path: "/api/facets/region", body: ""},
	"GET /api/facets/{name} 503": {path: "/api/facets/region", body: ""},
	"GET /api/suggest 200":       {path: "/api/suggest?q=zel", body: ""},
	"GET /api/suggest 400":       {path: "/api/suggest?q=zel&size=many", body: ""},
	"GET /api/suggest 429":       {path: "/api/suggest?q=zel", body: ""},
	"GET /api/suggest 503":       {path: "/api/suggest?q=zel", body: ""},
	"GET /api/quotes 200":        {path: "/api/quotes?q=ceasefire", body: ""},
	"GET /api/quotes 400":        {path: "/api/quotes?sort=loudest", body: ""},
	"GET /api/quotes 429":        {path: "/api/quotes", body: ""},
	"GET /api/quotes 503":        {path: "/api/quotes", body: ""},
	"GET /api/stats 200":         {path: "/api/stats", body: ""},
	"GET /api/stats 429":         {path: "/api/stats", body: ""},
	"GET /api/stats 503":         {path: "/api/stats", body: ""},
	"GET /api/openapi.json 200":  {path: "/api/openapi.json", body: ""},
	"GET /healthz 200":           {path: "/healthz", body: ""},
	"GET /readyz 200":            {path: "/readyz", body: ""},
	"GET /readyz 503":            {path: "/readyz", body: ""},
	"GET /healthz 503":           {path: "/healthz", body: ""},
	"GET /metrics 200":           {path: "/metrics", body: ""},

	"POST /api/articles 200":        {path: "/api/articles", body: `{"id": "openapi-1", "title": "Checked", "body": "Against the server."}`, token: testToken},
	"POST /api/articles 400":        {path: "/api/articles", body: `{"title": `, token: testToken},
	"POST /api/articles 401":        {path: "/api/articles", body: `{}`, token: "wrong"},
	"POST /api/articles 403":        {path: "/api/articles", body: `{}`, server: "read-only"},
	"POST /api/articles 413":        {path: "/api/articles", bigBody: corpus.MaxInputSize + 1, ctype: "text/html", token: testToken},
	"POST /api/articles 415":        {path: "/api/articles", body: `words`, ctype: "text/plain", token: testToken},
	"DELETE /api/articles/{id} 200": {path: "/api/articles/grain-may", token: testToken},
	"DELETE /api/articles/{id} 401": {path: "/api/articles/grain-may"},
	"DELETE /api/articles/{id} 403": {path: "/api/articles/grain-may", server: "read-only"},
	"DELETE /api/articles/{id} 404": {path: "/api/articles/none-such", token: testToken},
	"POST /api/admin/reindex 202":   {path: "/api/admin/reindex", token: testToken},
	"POST /api/admin/reindex 401":   {path: "/api/admin/reindex"},
	"POST /api/admin/reindex 403":   {path: "/api/admin/reindex", server: "read-only"},
	"POST /api/admin/reindex 409":   {skip: "needs a rebuild running; the admin tests hold one"},
	"GET /api/admin/tasks 200":      {path: "/api/admin/tasks", token: testToken},
	"GET /api/admin/tasks 401":      {path: "/api/admin/tasks", token: "wrong"},
	"GET /api/admin/tasks 403":      {path: "/api/admin/tasks", server: "read-only"},
	"GET /api/admin/tasks/{id} 200": {skip: "needs a task's id, which the admin tests follow"},
	"GET /api/admin/tasks/{id} 401": {path: "/api/admin/tasks/none-such"},
	"GET /api/admin/tasks/{id} 403": {path: "/api/admin/tasks/none-such", server: "read-only"},
	"GET /api/admin/tasks/{id} 404": {path: "/api/admin/tasks/none-such", token: testToken},
}

// docRequest is one request of the walk: a path and body, its content
// type (JSON by default), the bearer token to send, and the server to
// send it to: "" the ready one that takes writes, "read-only" one without
// a write token; 503 and 429 go to a starting and a rate-limited one.
// skip says why a documented answer is not asked for here; bigBody, when
// set, is the size of a body made at the time of the request.
type docRequest struct {
	path, body, ctype, token, server, skip string
	bigBody                                int
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
	ready, readyTS := mustServerWith(t, config{WriteToken: testToken}, mustIndex(t))
	_, readOnlyTS := mustServerWith(t, config{}, mustIndex(t))
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
				if req.skip != "" {
					t.Logf("%s: not asked here: %s", key, req.skip)
					continue
				}
				ts := readyTS
				switch {
				case status == "503":
					ts = startingTS
				case status == "429":
					ts = limitedTS
				case req.server == "read-only":
					ts = readOnlyTS
				}
				tries := 1
				if status == "429" {
					tries = 3 // the first two are the burst
				}
				var got int
				var body []byte
				for range tries {
					got, body = do(t, ts, strings.ToUpper(method), req)
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

func do(t *testing.T, ts *httptest.Server, method string, r docRequest) (int, []byte) {
	t.Helper()
	if r.bigBody > 0 {
		r.body = strings.Repeat("x", r.bigBody)
	}
	req, err := http.NewRequest(method, ts.URL+r.path, strings.NewReader(r.body))
	if err != nil {
		t.Fatal(err)
	}
	if r.body != "" {
		ctype := r.ctype
		if ctype == "" {
			ctype = "application/json"
		}
		req.Header.Set("Content-Type", ctype)
	}
	if r.token != "" {
		req.Header.Set("Authorization", "Bearer "+r.token)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatalf("%s %s: %v", method, r.path, err)
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
