package main

import (
	"encoding/json"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// BenchmarkTimeToSearchable measures, for one article at a time sent to
// POST /api/articles, the time to its acknowledgement (ack-ms) and from
// the acknowledgement until a search finds it (searchable-ms, polling
// every millisecond).
func BenchmarkTimeToSearchable(b *testing.B) {
	ts, _ := mustWriteServer(b, testToken)
	var ack, visible time.Duration
	for i := 0; b.Loop(); i++ {
		word := fmt.Sprintf("zq%dx", i)
		body := fmt.Sprintf(`{"id":"t%d","title":"Report %s","body":"Text of %s."}`, i, word, word)
		start := time.Now()
		if status, answer := mustDo(b, http.MethodPost, ts.URL+"/api/articles", "application/json", strings.NewReader(body)); status != http.StatusOK {
			b.Fatalf("POST = %d %s", status, answer)
		}
		acked := time.Now()
		ack += acked.Sub(start)
		for {
			_, res := mustGet(b, ts.URL+"/api/search?q="+word)
			var got searchResponse
			if err := json.Unmarshal(res, &got); err != nil {
				b.Fatal(err)
			}
			if got.Total == 1 {
				break
			}
			if time.Since(acked) > 10*time.Second {
				b.Fatalf("%s not searchable 10s after its acknowledgement", word)
			}
			time.Sleep(time.Millisecond)
		}
		visible += time.Since(acked)
	}
	b.ReportMetric(float64(ack.Microseconds())/1000/float64(b.N), "ack-ms")
	b.ReportMetric(float64(visible.Microseconds())/1000/float64(b.N), "searchable-ms")
}

// BenchmarkWatchToSearchable measures the time from a file written into a
// watched folder until the index holds its article (file-to-index-ms).
func BenchmarkWatchToSearchable(b *testing.B) {
	dir, x := mustWatch(b)
	var total time.Duration
	for i := 0; b.Loop(); i++ {
		id := fmt.Sprintf("drop%d", i)
		start := time.Now()
		if err := os.WriteFile(filepath.Join(dir, id+".txt"), []byte("Dropped file\n\nBody text."), 0o644); err != nil {
			b.Fatal(err)
		}
		for ok, _ := x.Has(id); !ok; ok, _ = x.Has(id) {
			if time.Since(start) > 10*time.Second {
				b.Fatalf("%s not indexed 10s after it was written", id)
			}
			time.Sleep(time.Millisecond)
		}
		total += time.Since(start)
	}
	b.ReportMetric(float64(total.Microseconds())/1000/float64(b.N), "file-to-index-ms")
}

// BenchmarkBulk measures a bulk write of 2,000 articles as JSON Lines.
func BenchmarkBulk(b *testing.B) {
	ts, _ := mustWriteServer(b, testToken)
	body := jsonlArticles("bb", "bulk", 0, 2000)
	for b.Loop() {
		if status, answer := mustDo(b, http.MethodPost, ts.URL+"/api/articles", "application/x-ndjson", strings.NewReader(body)); status != http.StatusOK {
			b.Fatalf("POST = %d %.200s", status, answer)
		}
	}
	b.ReportMetric(float64(2000*b.N)/b.Elapsed().Seconds(), "articles/s")
}
