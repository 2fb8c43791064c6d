package main

import (
	"bytes"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"dateline/search"
)

// TestRoutesWalk walks every route in the route table, with no token, a
// wrong one and the right one, on a server with writes enabled and on one
// without: write and admin routes are refused without the right token
// (401, or 403 where writes are off), every other route is open. The token
// never reaches the logs.
func TestRoutesWalk(t *testing.T) {
	const token = "walk-secret-7f3a"
	var logs bytes.Buffer
	cfg := config{Index: filepath.Join(t.TempDir(), "walk.idx"), WriteToken: token, ReadTimeout: 15e9, WriteTimeout: 30e9}
	x, err := search.Create(cfg.Index)
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	s, err := newServer(cfg, x, slog.New(slog.NewTextHandler(&logs, nil)))
	if err != nil {
		t.Fatal(err)
	}
	defer s.tasks.stop()
	ts := httptest.NewServer(s.echo)
	defer ts.Close()
	_, offTS := mustServerWith(t, config{}, mustIndex(t))

	param := regexp.MustCompile(`:(\w+)`)
	var open, closed int
	for _, r := range s.echo.Routes() {
		if r.Method == "echo_route_not_found" || strings.Contains(r.Path, "*") {
			continue
		}
		path := param.ReplaceAllString(r.Path, "x")
		do := func(base, auth string) int {
			req, err := http.NewRequest(r.Method, base+path, strings.NewReader(`{"id":"walk","title":"t","body":"b"}`))
			if err != nil {
				t.Fatal(err)
			}
			req.Header.Set("Content-Type", "application/json")
			if auth != "" {
				req.Header.Set("Authorization", auth)
			}
			resp, err := http.DefaultClient.Do(req)
			if err != nil {
				t.Fatalf("%s %s: %v", r.Method, path, err)
			}
			io.Copy(io.Discard, resp.Body)
			resp.Body.Close()
			return resp.StatusCode
		}
		if writeRoute(r.Method, r.Path) {
			closed++
			for _, auth := range []string{"", "Bearer wrong", "Basic " + token, token} {
				if got := do(ts.URL, auth); got != http.StatusUnauthorized {
					t.Errorf("%s %s with Authorization %q = %d, want 401", r.Method, path, auth, got)
				}
			}
			if got := do(offTS.URL, "Bearer "+token); got != http.StatusForbidden {
				t.Errorf("%s %s with writes off = %d, want 403", r.Method, path, got)
			}
			if got := do(ts.URL, "Bearer "+token); got == http.StatusUnauthorized || got == http.StatusForbidden {
				t.Errorf("%s %s with the token = %d, want it let through", r.Method, path, got)
			}
			continue
		}
		open++
		if got := do(ts.URL, ""); got == http.StatusUnauthorized || got == http.StatusForbidden {
			t.Errorf("%s %s without a token = %d, want it open", r.Method, path, got)
		}
	}
	t.Logf("%d open routes, %d that need the write token", open, closed)
	if closed == 0 || open == 0 {
		t.Errorf("walked %d open and %d closed routes; the route table is not what this test expects", open, closed)
	}
	// A walked route may have started a task (a rebuild), which logs as
	// it ends: the logs are read once every task has.
	s.tasks.stop()
	if strings.Contains(logs.String(), token) {
		t.Errorf("the write token appears in the logs")
	}
}
