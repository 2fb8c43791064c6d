package main

import (
	"bytes"
	"context"
	"encoding/json"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"dateline/corpus"
	"dateline/search"
)

func TestIndex(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "test.idx")
	var stdout, stderr bytes.Buffer
	err := run(context.Background(), []string{"-index", dir, "testdata/in"}, noEnv, &stdout, &stderr)
	if err == nil || !strings.Contains(err.Error(), "2 of 4 files") {
		t.Errorf("run: err = %v, want it to count 2 of 4 files failing", err)
	}
	for _, want := range []string{"broken.html.gz", "feed.jsonl: line 2", "indexed 3 articles from 4 files"} {
		if !strings.Contains(stderr.String(), want) {
			t.Errorf("run: stderr %q lacks %q", stderr.String(), want)
		}
	}
	// Run again on one file: the index is added to, and the same ids replace.
	if err := run(context.Background(), []string{"-index", dir, "testdata/in/talks.txt"}, noEnv, &stdout, &stderr); err != nil {
		t.Fatalf("second run: %v", err)
	}
	x, err := search.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	res, err := x.Search(context.Background(), search.Request{Size: 10})
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, h := range res.Hits {
		ids = append(ids, h.ID)
	}
	sort.Strings(ids)
	if diff := cmp.Diff([]string{"j1", "page", "talks"}, ids); diff != "" {
		t.Errorf("indexed ids (-want +got):\n%s", diff)
	}
	a, err := x.Get(context.Background(), "page")
	if err != nil {
		t.Fatal(err)
	}
	if a.Title != "Port reopens after storm" || a.Published.Format("2006-01-02") != "2025-03-02" {
		t.Errorf("page article = %q, %v", a.Title, a.Published)
	}
}

func TestIndexLocked(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "held.idx")
	x, err := search.Create(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	var stdout, stderr bytes.Buffer
	err = run(context.Background(), []string{"-index", dir, "testdata/in/talks.txt"}, noEnv, &stdout, &stderr)
	if err == nil || !strings.Contains(err.Error(), "searchd") || !strings.Contains(err.Error(), "-push") {
		t.Errorf("run on a held index: err = %v, want it to name searchd and suggest -push", err)
	}
}

// noEnv is an empty environment.
func noEnv(string) string { return "" }

func TestDump(t *testing.T) {
	var stdout, stderr bytes.Buffer
	if err := run(context.Background(), []string{"-dump", "testdata/in/talks.txt", "testdata/in/sub"}, noEnv, &stdout, &stderr); err != nil {
		t.Fatalf("run -dump: %v (%s)", err, stderr.String())
	}
	lines := strings.Split(strings.TrimSpace(stdout.String()), "\n")
	if len(lines) != 2 {
		t.Fatalf("run -dump printed %d lines, want 2:\n%s", len(lines), stdout.String())
	}
	for _, line := range lines {
		var a corpus.Article
		if err := json.Unmarshal([]byte(line), &a); err != nil || a.ID == "" || a.Source == "" {
			t.Errorf("run -dump line %q: %v", line, err)
		}
	}
}

func TestUsage(t *testing.T) {
	tests := [][]string{
		{},
		{"-index", "x"},
		{"-dump", "-index", "x", "p"},
		{"-batch", "0", "-dump", "p"},
	}
	for _, args := range tests {
		var stdout, stderr bytes.Buffer
		if err := run(context.Background(), args, noEnv, &stdout, &stderr); err == nil || !strings.Contains(err.Error(), "usage") {
			t.Errorf("run(%q) = %v, want a usage error", args, err)
		}
	}
}
