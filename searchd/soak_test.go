package main

import (
	"bufio"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// soakFor is how long TestSoak runs its load: long enough to see memory
// settle, bounded so that it stops by itself.
var soakFor = flag.Duration("soak", 30*time.Second, "how long TestSoak loads searchd (0 skips it)")

// rssKiB reads a process's resident set size in KiB from /proc.
func rssKiB(pid int) int64 {
	f, err := os.Open(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		return 0
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		var kb int64
		if _, err := fmt.Sscanf(sc.Text(), "VmRSS: %d kB", &kb); err == nil {
			return kb
		}
	}
	return 0
}

// TestSoak runs the real searchd on loopback under searches and writes
// together for -soak: every request must succeed, every acknowledged
// article must be found at the end, and memory must stay flat once warm.
func TestSoak(t *testing.T) {
	if *soakFor == 0 || testing.Short() || raceEnabled {
		t.Skip("soak skipped (-soak 0, -short or the race detector)")
	}
	bin := mustBuildSearchd(t)
	cmd, base := mustStartSearchd(t, bin, filepath.Join(t.TempDir(), "soak.idx"))
	client := &http.Client{Timeout: 30 * time.Second}
	ctx, cancel := context.WithTimeout(context.Background(), *soakFor)
	defer cancel()

	var searches, writes, failures atomic.Int64
	var mu sync.Mutex
	var acked []string
	fail := func(format string, args ...any) {
		if failures.Add(1) <= 5 {
			t.Errorf(format, args...)
		}
	}
	words := []string{"harbour", "grain", "talks", "port", "minister", "ceasefire", "rates", "storm"}
	var wg sync.WaitGroup
	for w := range 6 { // searchers
		wg.Go(func() {
			rng := rand.New(rand.NewPCG(uint64(w), 1))
			for ctx.Err() == nil {
				q := words[rng.IntN(len(words))] + " " + words[rng.IntN(len(words))]
				resp, err := client.Get(base + "/api/search?q=" + url.QueryEscape(q))
				if err != nil {
					if ctx.Err() == nil {
						fail("search: %v", err)
					}
					return
				}
				io.Copy(io.Discard, resp.Body)
				resp.Body.Close()
				if resp.StatusCode != 200 {
					fail("search %q: %d", q, resp.StatusCode)
				}
				searches.Add(1)
			}
		})
	}
	for w := range 2 { // writers, a batch of JSON Lines at a time
		wg.Go(func() {
			rng := rand.New(rand.NewPCG(uint64(w), 2))
			for n := 0; ctx.Err() == nil; n++ {
				var b strings.Builder
				var ids []string
				for i := range 20 {
					id := fmt.Sprintf("soak-%d-%d-%d", w, n, i)
					ids = append(ids, id)
					fmt.Fprintf(&b, `{"id":%q,"title":"The %s %s report","body":"The harbour master said %s talks went on in Gdansk."}`+"\n",
						id, words[rng.IntN(len(words))], words[rng.IntN(len(words))], words[rng.IntN(len(words))])
				}
				req, _ := http.NewRequest("POST", base+"/api/articles", strings.NewReader(b.String()))
				req.Header.Set("Authorization", "Bearer "+testToken)
				req.Header.Set("Content-Type", "application/x-ndjson")
				resp, err := client.Do(req)
				if err != nil {
					if ctx.Err() == nil {
						fail("write: %v", err)
					}
					return
				}
				body, _ := io.ReadAll(resp.Body)
				resp.Body.Close()
				if resp.StatusCode != 200 {
					fail("write: %d %s", resp.StatusCode, body)
					continue
				}
				mu.Lock()
				acked = append(acked, ids...)
				mu.Unlock()
				writes.Add(1)
			}
		})
	}
	// Memory: sampled each second; the first third of the run is warm-up.
	var samples []int64
	wg.Go(func() {
		for ctx.Err() == nil {
			samples = append(samples, rssKiB(cmd.Process.Pid))
			select {
			case <-ctx.Done():
			case <-time.After(time.Second):
			}
		}
	})
	wg.Wait()

	// Every acknowledged article is there.
	missing := 0
	for _, id := range acked {
		resp, err := client.Get(base + "/api/articles/" + url.PathEscape(id))
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != 200 {
			missing++
		}
	}
	resp, err := client.Get(base + "/api/stats")
	if err != nil {
		t.Fatal(err)
	}
	var stats struct{ Articles int }
	json.NewDecoder(resp.Body).Decode(&stats)
	resp.Body.Close()

	warm := samples[len(samples)/3:]
	lo, hi := warm[0], warm[0]
	for _, s := range warm {
		lo, hi = min(lo, s), max(hi, s)
	}
	t.Logf("soak %s: %d searches, %d write batches (%d articles acknowledged, %d in the index, %d missing), %d failures; RSS after warm-up %d–%d MiB",
		*soakFor, searches.Load(), writes.Load(), len(acked), stats.Articles, missing, failures.Load(), lo>>10, hi>>10)
	if missing > 0 || failures.Load() > 0 || stats.Articles != len(acked) {
		t.Errorf("%d acknowledged articles missing, %d failed requests, index holds %d of %d", missing, failures.Load(), stats.Articles, len(acked))
	}
	// Flat: the index grows with every write, so allow for that growth
	// and for the collector's swings, but not for a leak.
	if hi > lo*2+64<<10 {
		t.Errorf("RSS grew from %d to %d MiB after warm-up", lo>>10, hi>>10)
	}
}
