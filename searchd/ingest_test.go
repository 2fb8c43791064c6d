package main

import (
	"bytes"
	"encoding/json"
	"io"
	"log/slog"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"dateline/search"
)

const testToken = "test-token-1234"

// mustWriteServer starts the real handlers on a new, empty index with
// writes enabled by token ("" leaves them off).
func mustWriteServer(tb testing.TB, token string) (*httptest.Server, *server) {
	tb.Helper()
	cfg := config{Index: filepath.Join(tb.TempDir(), "w.idx"), WriteToken: token,
		ReadTimeout: 15e9, WriteTimeout: 30e9}
	x, err := search.Create(cfg.Index)
	if err != nil {
		tb.Fatal(err)
	}
	s, err := newServer(cfg, x, slog.New(slog.NewTextHandler(io.Discard, nil)))
	if err != nil {
		tb.Fatalf("newServer: %v", err)
	}
	ts := httptest.NewServer(s.echo)
	tb.Cleanup(func() {
		ts.Close()
		s.tasks.stop()
		x.Close()
	})
	return ts, s
}

// mustDo sends a request with the test token and returns the answer.
func mustDo(tb testing.TB, method, u, contentType string, body io.Reader) (int, []byte) {
	tb.Helper()
	req, err := http.NewRequest(method, u, body)
	if err != nil {
		tb.Fatal(err)
	}
	req.Header.Set("Authorization", "Bearer "+testToken)
	if contentType != "" {
		req.Header.Set("Content-Type", contentType)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		tb.Fatalf("%s %s: %v", method, u, err)
	}
	defer resp.Body.Close()
	data, err := io.ReadAll(resp.Body)
	if err != nil {
		tb.Fatalf("%s %s: reading the answer: %v", method, u, err)
	}
	return resp.StatusCode, data
}

// searchIDs returns the ids a search for q finds.
func searchIDs(tb testing.TB, base, q string) []string {
	tb.Helper()
	_, body := mustGet(tb, base+"/api/search?size=100&q="+url.QueryEscape(q))
	var got searchResponse
	if err := json.Unmarshal(body, &got); err != nil {
		tb.Fatalf("search %q: %v: %s", q, err, body)
	}
	ids := []string{}
	for _, h := range got.Hits {
		ids = append(ids, h.ID)
	}
	return ids
}

func TestWriteAuth(t *testing.T) {
	on, _ := mustWriteServer(t, testToken)
	off, _ := mustWriteServer(t, "")
	article := `{"id":"x1","title":"Port reopens","body":"Ships sail."}`
	tests := []struct {
		name   string
		base   string
		auth   string
		status int
	}{
		{"writes off", off.URL, "Bearer " + testToken, http.StatusForbidden},
		{"no token", on.URL, "", http.StatusUnauthorized},
		{"wrong token", on.URL, "Bearer nope", http.StatusUnauthorized},
		{"token as basic auth", on.URL, "Basic " + testToken, http.StatusUnauthorized},
		{"token prefix", on.URL, "Bearer " + testToken[:4], http.StatusUnauthorized},
		{"right token", on.URL, "Bearer " + testToken, http.StatusOK},
		{"scheme in lower case", on.URL, "bearer " + testToken, http.StatusOK},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			req, _ := http.NewRequest(http.MethodPost, tt.base+"/api/articles", strings.NewReader(article))
			req.Header.Set("Content-Type", "application/json")
			if tt.auth != "" {
				req.Header.Set("Authorization", tt.auth)
			}
			resp, err := http.DefaultClient.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			body, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			if resp.StatusCode != tt.status {
				t.Errorf("POST /api/articles with %q = %d %s, want %d", tt.auth, resp.StatusCode, body, tt.status)
			}
			if tt.status == http.StatusForbidden && !strings.Contains(string(body), "-write-token") {
				t.Errorf("refusal %s does not say how to enable writes", body)
			}
		})
	}
	for _, p := range []string{"/api/admin/tasks", "/api/admin/tasks/t1"} {
		if resp, _ := mustGet(t, on.URL+p); resp.StatusCode != http.StatusUnauthorized {
			t.Errorf("GET %s without token = %d, want 401", p, resp.StatusCode)
		}
	}
	if resp, _ := mustGet(t, on.URL+"/api/search?q=port"); resp.StatusCode != http.StatusOK {
		t.Errorf("GET /api/search without token = %d, want 200", resp.StatusCode)
	}
}

// multipartBody returns a form holding the named files of testdata/upload.
func multipartBody(tb testing.TB, names ...string) (string, *bytes.Buffer) {
	tb.Helper()
	var buf bytes.Buffer
	mw := multipart.NewWriter(&buf)
	for _, name := range names {
		data, err := os.ReadFile(filepath.Join("testdata/upload", name))
		if err != nil && name != "notes.doc" {
			tb.Fatal(err)
		}
		fw, err := mw.CreateFormFile("file", name)
		if err != nil {
			tb.Fatal(err)
		}
		fw.Write(data)
	}
	mw.Close()
	return mw.FormDataContentType(), &buf
}

func TestPostArticles(t *testing.T) {
	ts, _ := mustWriteServer(t, testToken)
	page, err := os.ReadFile("testdata/upload/page.html")
	if err != nil {
		t.Fatal(err)
	}
	formType, form := multipartBody(t, "harbour.txt", "wire.jsonl", "notes.doc")
	tests := []struct {
		name        string
		path        string
		contentType string
		body        io.Reader
		status      int
		wantIDs     []string
		query       string
	}{
		{"json with id", "/api/articles", "application/json",
			strings.NewReader(`{"id":"j1","title":"Grain barges wait","body":"Barges queued on the river."}`),
			http.StatusOK, []string{"j1"}, "barges"},
		{"json with url, no id", "/api/articles", "application/json; charset=utf-8",
			strings.NewReader(`{"url":"https://news.example/a#top","title":"Copper hits a high","body":"Copper rose."}`),
			http.StatusOK, []string{"https://news.example/a"}, "copper"},
		{"json with neither", "/api/articles", "application/json",
			strings.NewReader(`{"title":"Salt flats flood","body":"Rain flooded the salt flats."}`),
			http.StatusOK, []string{"sha256-9db9a96c051c96fa5737"}, "salt"},
		{"web page", "/api/articles?url=https://harbour.example/x", "text/html", bytes.NewReader(page),
			http.StatusOK, []string{"https://harbour.example/2025/ferry-restored"}, "ferry"},
		{"files", "/api/articles", formType, form,
			http.StatusOK, []string{"harbour", "wire-1", "wire-2"}, "dockers OR tea OR freight"},
		{"json without text", "/api/articles", "application/json", strings.NewReader(`{"id":"e1"}`),
			http.StatusBadRequest, nil, ""},
		{"not json", "/api/articles", "application/json", strings.NewReader(`{"id":`),
			http.StatusBadRequest, nil, ""},
		{"page with a bad url", "/api/articles?url=ftp://x", "text/html", bytes.NewReader(page),
			http.StatusBadRequest, nil, ""},
		{"unknown type", "/api/articles", "application/pdf", strings.NewReader("%PDF"),
			http.StatusUnsupportedMediaType, nil, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			status, body := mustDo(t, http.MethodPost, ts.URL+tt.path, tt.contentType, tt.body)
			if status != tt.status {
				t.Fatalf("POST %s = %d %s, want %d", tt.path, status, body, tt.status)
			}
			if tt.status != http.StatusOK {
				return
			}
			var got writeAnswer
			if err := json.Unmarshal(body, &got); err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.wantIDs, got.IDs); diff != "" {
				t.Errorf("POST %s ids (-want +got):\n%s", tt.path, diff)
			}
			if diff := cmp.Diff(tt.wantIDs, searchIDs(t, ts.URL, tt.query), sortStrings); diff != "" {
				t.Errorf("search %q right after POST (-want +got):\n%s", tt.query, diff)
			}
		})
	}
	t.Run("same article twice", func(t *testing.T) {
		for range 2 {
			mustDo(t, http.MethodPost, ts.URL+"/api/articles", "application/json",
				strings.NewReader(`{"title":"Salt flats flood","body":"Rain  flooded the\nsalt flats."}`))
		}
		if got := searchIDs(t, ts.URL, "salt"); len(got) != 1 {
			t.Errorf("search salt after sending it three times = %q, want one article", got)
		}
	})
	t.Run("correction replaces", func(t *testing.T) {
		mustDo(t, http.MethodPost, ts.URL+"/api/articles", "application/json",
			strings.NewReader(`{"id":"j1","title":"Grain barges move again","body":"The river reopened to traffic."}`))
		if got := searchIDs(t, ts.URL, "barges"); !cmp.Equal(got, []string{"j1"}) {
			t.Errorf("search barges after the correction = %q, want [j1]", got)
		}
		_, body := mustGet(t, ts.URL+"/api/articles/j1")
		if !strings.Contains(string(body), "reopened") || strings.Contains(string(body), "queued") {
			t.Errorf("GET /api/articles/j1 after the correction = %s, want the corrected text only", body)
		}
	})
	t.Run("file that cannot be read", func(t *testing.T) {
		formType, form := multipartBody(t, "harbour.txt", "notes.doc")
		_, body := mustDo(t, http.MethodPost, ts.URL+"/api/articles", formType, form)
		var got writeAnswer
		if err := json.Unmarshal(body, &got); err != nil {
			t.Fatal(err)
		}
		if got.Written != 1 || got.Failed != 1 || len(got.Files) != 2 || !strings.Contains(got.Files[1].Error, "unknown input format") {
			t.Errorf("POST of a good and a bad file = %s, want one written and notes.doc named as failed", body)
		}
	})
}

var sortStrings = cmp.Transformer("sort", func(in []string) []string {
	out := append([]string(nil), in...)
	for i := range out {
		for j := i + 1; j < len(out); j++ {
			if out[j] < out[i] {
				out[i], out[j] = out[j], out[i]
			}
		}
	}
	return out
})
