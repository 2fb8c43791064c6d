package main

import (
	"encoding/json"
	"net/http"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// TestReindexUnderLoad rebuilds through the API while searches go on
// without a pause: every one is answered with every article.
func TestReindexUnderLoad(t *testing.T) {
	ts, _ := mustWriteServer(t, testToken)
	if status, body := mustDo(t, http.MethodPost, ts.URL+"/api/articles", "application/x-ndjson",
		strings.NewReader(jsonlArticles("r", "nickel", 0, 2000))); status != http.StatusOK {
		t.Fatalf("POST bulk = %d %s", status, body)
	}

	stop := make(chan struct{})
	var queries, failures atomic.Int64
	var wg sync.WaitGroup
	for range 2 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				select {
				case <-stop:
					return
				default:
				}
				resp, err := http.Get(ts.URL + "/api/search?q=nickel&size=3")
				queries.Add(1)
				if err != nil {
					failures.Add(1)
					continue
				}
				var got searchResponse
				err = json.NewDecoder(resp.Body).Decode(&got)
				resp.Body.Close()
				if err != nil || resp.StatusCode != http.StatusOK || got.Total != 2000 {
					failures.Add(1)
				}
			}
		}()
	}

	status, body := mustDo(t, http.MethodPost, ts.URL+"/api/admin/reindex", "", nil)
	var started taskStarted
	if err := json.Unmarshal(body, &started); status != http.StatusAccepted || err != nil {
		t.Fatalf("POST /api/admin/reindex = %d %s", status, body)
	}
	if status, _ := mustDo(t, http.MethodPost, ts.URL+"/api/admin/reindex", "", nil); status != http.StatusConflict {
		t.Errorf("second POST /api/admin/reindex while one runs = %d, want 409", status)
	}
	var tv taskView
	for deadline := time.Now().Add(30 * time.Second); ; {
		_, body := mustDo(t, http.MethodGet, ts.URL+started.StatusURL, "", nil)
		if err := json.Unmarshal(body, &tv); err != nil {
			t.Fatalf("GET %s: %v: %s", started.StatusURL, err, body)
		}
		if tv.State != "running" || time.Now().After(deadline) {
			break
		}
		time.Sleep(20 * time.Millisecond)
	}
	close(stop)
	wg.Wait()
	t.Logf("rebuild of 2000 articles: %d searches during it, %d failed", queries.Load(), failures.Load())
	if tv.State != "done" || tv.Done != 2000 || tv.Total != 2000 {
		t.Errorf("rebuild task = %+v, want done with 2000 of 2000", tv)
	}
	if failures.Load() > 0 || queries.Load() == 0 {
		t.Errorf("%d of %d searches during the rebuild failed, want none of at least one", failures.Load(), queries.Load())
	}
}
