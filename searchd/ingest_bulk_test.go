package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"
)

// jsonlArticles returns n JSON Lines articles with ids prefix-0…, each
// about the word given.
func jsonlArticles(prefix, word string, from, n int) string {
	var b strings.Builder
	for i := from; i < from+n; i++ {
		fmt.Fprintf(&b, `{"id":"%s-%d","title":"Report %d on %s","body":"The %s report number %d.","published":"2025-03-01"}`+"\n", prefix, i, i, word, word, i)
	}
	return b.String()
}

func TestBulk(t *testing.T) {
	ts, _ := mustWriteServer(t, testToken)
	body := jsonlArticles("b", "tin", 0, 1200) + "not json\n" + `{"title":"no id"}` + "\n"
	status, answer := mustDo(t, http.MethodPost, ts.URL+"/api/articles", "application/x-ndjson", strings.NewReader(body))
	if status != http.StatusOK {
		t.Fatalf("POST bulk = %d %s", status, answer)
	}
	lines := strings.Split(strings.TrimSpace(string(answer)), "\n")
	var batches []bulkLine
	for _, l := range lines {
		var bl bulkLine
		if err := json.Unmarshal([]byte(l), &bl); err != nil {
			t.Fatalf("answer line %q: %v", l, err)
		}
		batches = append(batches, bl)
	}
	sum := batches[len(batches)-1]
	if !sum.Done || sum.Written != 1200 || sum.Failed != 2 || sum.Lines != 1202 || sum.Error != "" {
		t.Errorf("bulk summary = %+v, want done, 1200 written, 2 failed of 1202 lines", sum)
	}
	written := 0
	for _, bl := range batches[:len(batches)-1] {
		written += len(bl.IDs)
		if bl.Written > bulkBatch {
			t.Errorf("batch %d holds %d articles, more than %d", bl.Batch, bl.Written, bulkBatch)
		}
	}
	if written != 1200 || len(batches) < 4 {
		t.Errorf("%d batch lines name %d ids, want at least 3 batches naming 1200", len(batches)-1, written)
	}
	_, res := mustGet(t, ts.URL+"/api/search?q=tin&size=1")
	var got searchResponse
	json.Unmarshal(res, &got)
	if got.Total != 1200 {
		t.Errorf("search tin after the bulk: total %d, want 1200", got.Total)
	}
	_, task := mustDo(t, http.MethodGet, ts.URL+"/api/admin/tasks/"+sum.Task, "", nil)
	var tv taskView
	if err := json.Unmarshal(task, &tv); err != nil || tv.State != "done" || tv.Done != 1200 || tv.Failed != 2 {
		t.Errorf("GET /api/admin/tasks/%s = %s, want done with 1200 written and 2 failed", sum.Task, task)
	}
}

// TestBulkAcknowledgesAsItStreams sends a bulk body slowly: each batch is
// acknowledged, and searchable, while the body is still open.
func TestBulkAcknowledgesAsItStreams(t *testing.T) {
	ts, _ := mustWriteServer(t, testToken)
	pr, pw := io.Pipe()
	req, _ := http.NewRequest(http.MethodPost, ts.URL+"/api/articles", pr)
	req.Header.Set("Authorization", "Bearer "+testToken)
	req.Header.Set("Content-Type", "application/x-ndjson")
	respc := make(chan *http.Response, 1)
	errc := make(chan error, 1)
	go func() {
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			errc <- err
			return
		}
		respc <- resp
	}()
	io.WriteString(pw, jsonlArticles("s", "zinc", 0, 3))
	var resp *http.Response
	select {
	case resp = <-respc:
	case err := <-errc:
		t.Fatal(err)
	case <-time.After(5 * time.Second):
		t.Fatal("no answer to a bulk body within 5s of its first lines")
	}
	defer resp.Body.Close()
	answers := bufio.NewScanner(resp.Body)
	for round := range 2 {
		if !answers.Scan() {
			t.Fatalf("round %d: the answer ended: %v", round, answers.Err())
		}
		var bl bulkLine
		if err := json.Unmarshal(answers.Bytes(), &bl); err != nil || bl.Written != 3 {
			t.Fatalf("round %d: answer line %s, want a batch of 3", round, answers.Bytes())
		}
		if got := searchIDs(t, ts.URL, "zinc"); len(got) != 3*(round+1) {
			t.Errorf("round %d: search zinc with the body still open finds %d, want %d", round, len(got), 3*(round+1))
		}
		if round == 0 {
			io.WriteString(pw, jsonlArticles("s", "zinc", 3, 3))
		}
	}
	pw.Close()
	if !answers.Scan() || !strings.Contains(answers.Text(), `"done":true`) {
		t.Errorf("last answer line = %q, want the summary", answers.Text())
	}
}

func TestDeleteArticle(t *testing.T) {
	ts, _ := mustWriteServer(t, testToken)
	mustDo(t, http.MethodPost, ts.URL+"/api/articles", "application/json",
		strings.NewReader(`{"url":"https://news.example/2025/tin","title":"Tin mine closes","body":"The mine shut."}`))
	mustDo(t, http.MethodPost, ts.URL+"/api/articles", "application/json",
		strings.NewReader(`{"id":"d2","title":"Tin price falls","body":"Tin fell."}`))
	escaped := url.PathEscape("https://news.example/2025/tin")
	tests := []struct {
		name   string
		id     string
		status int
	}{
		{"url id, escaped", escaped, http.StatusOK},
		{"plain id", "d2", http.StatusOK},
		{"again", "d2", http.StatusNotFound},
		{"never there", "nope", http.StatusNotFound},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			status, body := mustDo(t, http.MethodDelete, ts.URL+"/api/articles/"+tt.id, "", nil)
			if status != tt.status {
				t.Errorf("DELETE /api/articles/%s = %d %s, want %d", tt.id, status, body, tt.status)
			}
			if resp, _ := mustGet(t, ts.URL+"/api/articles/"+tt.id); resp.StatusCode != http.StatusNotFound {
				t.Errorf("GET /api/articles/%s after DELETE = %d, want 404", tt.id, resp.StatusCode)
			}
		})
	}
	if got := searchIDs(t, ts.URL, "tin"); len(got) != 0 {
		t.Errorf("search tin after deleting both = %q, want nothing", got)
	}
}
