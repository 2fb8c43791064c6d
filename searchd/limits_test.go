package main

import (
	"net/http"
	"strings"
	"testing"
	"time"
)

func TestSearchTimeBudget(t *testing.T) {
	_, ts := mustServerWith(t, config{SearchTimeout: time.Nanosecond}, mustIndex(t))
	for _, path := range []string{"/api/search?q=grain", "/api/quotes?q=grain", "/?q=grain"} {
		resp, body := mustGet(t, ts.URL+path)
		if resp.StatusCode != http.StatusBadRequest || !strings.Contains(string(body), "time budget") {
			t.Errorf("GET %s with a 1ns budget = %d %.200s; want 400 naming the budget", path, resp.StatusCode, body)
		}
	}
	// The budget does not apply to what is not a search.
	if resp, _ := mustGet(t, ts.URL+"/healthz"); resp.StatusCode != http.StatusOK {
		t.Errorf("GET /healthz with a 1ns search budget = %d", resp.StatusCode)
	}
}

func TestMaxSearches(t *testing.T) {
	s, ts := mustServerWith(t, config{MaxSearches: 1}, mustIndex(t))
	s.searchSlots <- struct{}{} // one search runs: every slot taken
	start := time.Now()
	resp, body := mustGet(t, ts.URL+"/api/search?q=grain")
	if resp.StatusCode != http.StatusServiceUnavailable || resp.Header.Get("Retry-After") == "" || !strings.Contains(string(body), "max-searches") {
		t.Errorf("GET /api/search with every slot taken = %d (Retry-After %q) %.200s; want 503 naming the limit", resp.StatusCode, resp.Header.Get("Retry-After"), body)
	}
	if waited := time.Since(start); waited < slotWait {
		t.Errorf("turned away after %s, want a wait of %s for a slot", waited, slotWait)
	}
	<-s.searchSlots
	if resp, _ := mustGet(t, ts.URL+"/api/search?q=grain"); resp.StatusCode != http.StatusOK {
		t.Errorf("GET /api/search with a free slot = %d", resp.StatusCode)
	}
}
