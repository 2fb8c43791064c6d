package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"dateline/corpus"
	"dateline/search"
)

// testNow is the clock of the test servers, so that relative dates
// (from=now-7d) give the same articles every day: a week after the last
// test article.
var testNow = time.Date(2025, 6, 22, 12, 0, 0, 0, time.UTC)

// mustIndex creates a real index in a temporary directory and fills it
// from testdata/articles.jsonl.
func mustIndex(tb testing.TB) *search.Index {
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
	x, err := search.Create(filepath.Join(tb.TempDir(), "test.idx"))
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { x.Close() })
	if err := x.Put(arts); err != nil {
		tb.Fatal(err)
	}
	return x
}

// mustServerWith starts the real handlers on x (nil: not ready yet) with
// cfg.
func mustServerWith(tb testing.TB, cfg config, x *search.Index) (*server, *httptest.Server) {
	tb.Helper()
	s, err := newServer(cfg, x, slog.New(slog.NewTextHandler(io.Discard, nil)))
	if err != nil {
		tb.Fatalf("newServer: %v", err)
	}
	s.now = func() time.Time { return testNow }
	ts := httptest.NewServer(s.echo)
	tb.Cleanup(ts.Close)
	return s, ts
}

// mustServer starts the real handlers on a real index of the test
// articles.
func mustServer(tb testing.TB) *httptest.Server {
	tb.Helper()
	_, ts := mustServerWith(tb, config{}, mustIndex(tb))
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

func mustPost(tb testing.TB, u, body string) (*http.Response, []byte) {
	tb.Helper()
	resp, err := http.Post(u, "application/json", strings.NewReader(body))
	if err != nil {
		tb.Fatalf("POST %s: %v", u, err)
	}
	defer resp.Body.Close()
	out, err := io.ReadAll(resp.Body)
	if err != nil {
		tb.Fatalf("POST %s: reading body: %v", u, err)
	}
	return resp, out
}

// mustJSON decodes body into a new T, failing the test where it is not.
func mustJSON[T any](tb testing.TB, what string, body []byte) T {
	tb.Helper()
	var v T
	if err := json.Unmarshal(body, &v); err != nil {
		tb.Fatalf("%s: answer is not the JSON expected: %v\n%.300s", what, err, body)
	}
	return v
}

func TestReadiness(t *testing.T) {
	s, ts := mustServerWith(t, config{}, nil)
	starting := []struct {
		path       string
		wantStatus int
	}{
		{"/healthz", 503},
		{"/readyz", 503},
		{"/api/search?q=grain", 503},
		{"/api/stats", 503},
		{"/", 503},
		{"/api/openapi.json", 200},
		{"/metrics", 200},
	}
	for _, tt := range starting {
		resp, body := mustGet(t, ts.URL+tt.path)
		if resp.StatusCode != tt.wantStatus {
			t.Errorf("starting: GET %s = %d, want %d: %.200s", tt.path, resp.StatusCode, tt.wantStatus, body)
		}
		if tt.wantStatus == 503 && strings.HasPrefix(tt.path, "/api/") {
			if got := mustJSON[apiError](t, "GET "+tt.path, body); got.Error.Code != "unavailable" {
				t.Errorf("starting: GET %s code = %q, want unavailable", tt.path, got.Error.Code)
			}
		}
	}
	s.setIndex(mustIndex(t))
	for _, path := range []string{"/readyz", "/api/search?q=grain", "/api/stats", "/"} {
		if resp, body := mustGet(t, ts.URL+path); resp.StatusCode != 200 {
			t.Errorf("ready: GET %s = %d, want 200: %.200s", path, resp.StatusCode, body)
		}
	}
}

func TestRateLimit(t *testing.T) {
	_, ts := mustServerWith(t, config{RateLimit: 1}, mustIndex(t))
	var statuses []int
	for range 4 {
		resp, body := mustGet(t, ts.URL+"/api/search?q=grain")
		statuses = append(statuses, resp.StatusCode)
		if resp.StatusCode == http.StatusTooManyRequests {
			if got := mustJSON[apiError](t, "GET /api/search", body); got.Error.Code != "rate_limited" {
				t.Errorf("limited: code = %q, want rate_limited", got.Error.Code)
			}
		}
	}
	// A burst of two is let through, then the third within the second is
	// refused; the probes are never limited.
	if statuses[0] != 200 || statuses[1] != 200 || statuses[3] != 429 {
		t.Errorf("4 quick searches at 1/s answered %v, want 200 200 … 429", statuses)
	}
	if resp, _ := mustGet(t, ts.URL+"/healthz"); resp.StatusCode != 200 {
		t.Errorf("GET /healthz while limited = %d, want 200", resp.StatusCode)
	}
}

func TestMetrics(t *testing.T) {
	ts := mustServer(t)
	mustGet(t, ts.URL+"/api/search?q=grain")
	mustGet(t, ts.URL+"/api/articles/nope")
	_, body := mustGet(t, ts.URL+"/metrics")
	for _, want := range []string{
		`dateline_http_request_duration_seconds_count{method="GET",route="/api/search",status="200"} 1`,
		`dateline_http_request_duration_seconds_count{method="GET",route="/api/articles/:id",status="404"} 1`,
		"dateline_index_documents 12",
		"dateline_index_size_bytes ",
		"dateline_ready 1",
	} {
		if !bytes.Contains(body, []byte(want)) {
			t.Errorf("GET /metrics: no line with %q", want)
		}
	}
}

// startRun starts the whole program on a free port and waits until it
// answers /readyz.
func startRun(t *testing.T, ctx context.Context, args ...string) (addr string, errc chan error) {
	t.Helper()
	ready := make(chan string, 1)
	errc = make(chan error, 1)
	go func() {
		errc <- run(ctx, append([]string{"-addr", "127.0.0.1:0", "-rate-limit", "0"}, args...), func(string) string { return "" }, io.Discard, ready)
	}()
	select {
	case addr = <-ready:
	case err := <-errc:
		t.Fatalf("run: %v", err)
	}
	for i := 0; ; i++ {
		resp, err := http.Get("http://" + addr + "/readyz")
		if err == nil {
			resp.Body.Close()
			if resp.StatusCode == 200 {
				return addr, errc
			}
		}
		if i == 200 {
			t.Fatalf("GET /readyz never answered 200")
		}
		time.Sleep(25 * time.Millisecond)
	}
}

func TestRunServesAndStops(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	addr, errc := startRun(t, ctx, "-index", filepath.Join(t.TempDir(), "samples.idx"))
	resp, body := mustGet(t, "http://"+addr+"/healthz")
	if resp.StatusCode != http.StatusOK {
		t.Errorf("GET /healthz = %d %s", resp.StatusCode, body)
	}
	_, body = mustGet(t, "http://"+addr+"/api/search")
	if got := mustJSON[searchResponse](t, "GET /api/search", body); got.Total == 0 {
		t.Errorf("a new index holds no samples: %s", body)
	}
	cancel()
	if err := <-errc; err != nil {
		t.Errorf("run after cancel: %v", err)
	}
}

func TestShutdownWaitsForRequestsInFlight(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	addr, errc := startRun(t, ctx, "-index", filepath.Join(t.TempDir(), "samples.idx"))
	// A client that sends half its request, over a plain connection so
	// that nothing buffers it: the server holds a request in flight.
	conn, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	body := `{"q": "grain", "size": 2}`
	head := "POST /api/search HTTP/1.1\r\nHost: " + addr + "\r\nContent-Type: application/json\r\nConnection: close\r\n" +
		"Content-Length: " + strconv.Itoa(len(body)) + "\r\n\r\n"
	if _, err := io.WriteString(conn, head+body[:10]); err != nil {
		t.Fatal(err)
	}
	time.Sleep(100 * time.Millisecond) // the server reads the head
	cancel()
	select {
	case err := <-errc:
		t.Fatalf("run returned (%v) with a request in flight", err)
	case <-time.After(300 * time.Millisecond):
	}
	if _, err := io.WriteString(conn, body[10:]); err != nil {
		t.Fatal(err)
	}
	resp, err := http.ReadResponse(bufio.NewReader(conn), nil)
	if err != nil {
		t.Fatalf("reading the answer to the request in flight: %v", err)
	}
	defer resp.Body.Close()
	answer, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("the request in flight during shutdown = %d: %s", resp.StatusCode, answer)
	}
	if got := mustJSON[searchResponse](t, "POST /api/search", answer); got.Size != 2 {
		t.Errorf("the request in flight answered size %d, want 2", got.Size)
	}
	if err := <-errc; err != nil {
		t.Errorf("run after shutdown: %v", err)
	}
}
