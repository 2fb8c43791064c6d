package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
)

const testToken = "push-test-token"

var servingRE = regexp.MustCompile(`msg=serving addr=(http://\S+)`)

// mustSearchd builds the real searchd and starts it on a new index with
// writes enabled; it returns the base URL.
func mustSearchd(tb testing.TB) string {
	tb.Helper()
	dir := tb.TempDir()
	bin := filepath.Join(dir, "searchd")
	if out, err := exec.Command("go", "build", "-o", bin, "../searchd").CombinedOutput(); err != nil {
		tb.Fatalf("go build: %v\n%s", err, out)
	}
	cmd := exec.Command(bin, "-index", filepath.Join(dir, "push.idx"), "-addr", "127.0.0.1:0", "-samples=false")
	cmd.Env = append(os.Environ(), "DATELINE_WRITE_TOKEN="+testToken)
	stderr, err := cmd.StderrPipe()
	if err != nil {
		tb.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { cmd.Process.Signal(os.Interrupt); cmd.Wait() })
	addr := make(chan string, 1)
	go func() {
		sc := bufio.NewScanner(stderr)
		for sc.Scan() {
			if m := servingRE.FindStringSubmatch(sc.Text()); m != nil {
				addr <- m[1]
			}
		}
	}()
	select {
	case a := <-addr:
		return a
	case <-time.After(20 * time.Second):
		tb.Fatal("searchd did not start serving within 20s")
	}
	return ""
}

// total returns the number of articles a search of base finds.
func total(tb testing.TB, base string) int {
	tb.Helper()
	resp, err := http.Get(base + "/api/search?size=1")
	if err != nil {
		tb.Fatal(err)
	}
	defer resp.Body.Close()
	var got struct{ Total int }
	if err := json.NewDecoder(resp.Body).Decode(&got); err != nil {
		tb.Fatal(err)
	}
	return got.Total
}

func TestPush(t *testing.T) {
	base := mustSearchd(t)
	env := func(k string) string {
		if k == "DATELINE_WRITE_TOKEN" {
			return testToken
		}
		return ""
	}
	for round := range 2 {
		var stdout, stderr bytes.Buffer
		err := run(context.Background(), []string{"-push", base, "testdata/in"}, env, &stdout, &stderr)
		if err == nil || !strings.Contains(err.Error(), "2 of 4 files") {
			t.Errorf("round %d: run -push: err = %v, want it to count 2 of 4 files failing", round, err)
		}
		for _, want := range []string{"broken.html.gz", "feed.jsonl: line 2", "pushed 3 articles from 4 files"} {
			if !strings.Contains(stderr.String(), want) {
				t.Errorf("round %d: run -push: stderr %q lacks %q", round, stderr.String(), want)
			}
		}
		// Sent twice, the articles are there once.
		if got := total(t, base); got != 3 {
			t.Errorf("round %d: searchd holds %d articles after -push, want 3", round, got)
		}
	}

	tests := []struct {
		name string
		args []string
		want string
	}{
		{"wrong token", []string{"-push", base, "-token", "nope", "testdata/in/talks.txt"}, "-token"},
		{"not a url", []string{"-push", "localhost:1", "testdata/in/talks.txt"}, "usage"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			err := run(context.Background(), tt.args, noEnv, &stdout, &stderr)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("run(%q) = %v, want an error naming %q", tt.args, err, tt.want)
			}
		})
	}
}

func TestRebuild(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "r.idx")
	var stdout, stderr bytes.Buffer
	run(context.Background(), []string{"-index", dir, "testdata/in"}, noEnv, &stdout, &stderr)
	stderr.Reset()
	if err := run(context.Background(), []string{"-rebuild", dir}, noEnv, &stdout, &stderr); err != nil {
		t.Fatalf("run -rebuild: %v", err)
	}
	if !strings.Contains(stderr.String(), "3 articles") {
		t.Errorf("run -rebuild: stderr %q, want it to count 3 articles", stderr.String())
	}
	if err := run(context.Background(), []string{"-rebuild", dir, "extra"}, noEnv, &stdout, &stderr); err == nil || !strings.Contains(err.Error(), "usage") {
		t.Errorf("run -rebuild with a PATH = %v, want a usage error", err)
	}
}
