package main

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"dateline/search"
)

// These tests build the real searchd, write to it, kill it with SIGKILL
// (no chance to flush or close anything) and open the index again: what
// was acknowledged must be there.

// mustBuildSearchd builds searchd into a temporary directory.
func mustBuildSearchd(tb testing.TB) string {
	tb.Helper()
	bin := filepath.Join(tb.TempDir(), "searchd")
	cmd := exec.Command("go", "build", "-o", bin, ".")
	if out, err := cmd.CombinedOutput(); err != nil {
		tb.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

var servingRE = regexp.MustCompile(`msg=serving addr=(http://\S+)`)

// mustStartSearchd starts the binary on index dir with writes enabled and
// returns its base URL once it serves.
func mustStartSearchd(tb testing.TB, bin, dir string) (*exec.Cmd, string) {
	tb.Helper()
	cmd := exec.Command(bin, "-index", dir, "-addr", "127.0.0.1:0", "-samples=false")
	cmd.Env = append(os.Environ(), "DATELINE_WRITE_TOKEN="+testToken)
	stderr, err := cmd.StderrPipe()
	if err != nil {
		tb.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { cmd.Process.Kill(); cmd.Wait() })
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
		return cmd, a
	case <-time.After(20 * time.Second):
		tb.Fatal("searchd did not start serving within 20s")
	}
	return nil, ""
}

// mustKill kills searchd with SIGKILL and waits for it to be gone.
func mustKill(tb testing.TB, cmd *exec.Cmd) {
	tb.Helper()
	if err := cmd.Process.Kill(); err != nil {
		tb.Fatal(err)
	}
	cmd.Wait()
}

func TestKill(t *testing.T) {
	bin := mustBuildSearchd(t)
	t.Run("after acknowledged writes", func(t *testing.T) { testKillAfterWrites(t, bin) })
	t.Run("during a bulk write", func(t *testing.T) { testKillDuringBulk(t, bin) })
}

func testKillAfterWrites(t *testing.T, bin string) {
	dir := filepath.Join(t.TempDir(), "kill.idx")
	cmd, base := mustStartSearchd(t, bin, dir)
	for i := range 20 {
		body := fmt.Sprintf(`{"id":"k%d","title":"Lithium report %d","body":"Lithium output rose."}`, i, i)
		if status, answer := mustDo(t, http.MethodPost, base+"/api/articles", "application/json", strings.NewReader(body)); status != http.StatusOK {
			t.Fatalf("POST k%d = %d %s", i, status, answer)
		}
	}
	if status, answer := mustDo(t, http.MethodDelete, base+"/api/articles/k0", "", nil); status != http.StatusOK {
		t.Fatalf("DELETE k0 = %d %s", status, answer)
	}
	mustKill(t, cmd)

	x, err := search.Open(dir)
	if err != nil {
		t.Fatalf("Open after SIGKILL: %v", err)
	}
	defer x.Close()
	res, err := x.Search(context.Background(), search.Request{Query: "lithium", Size: 100})
	if err != nil {
		t.Fatal(err)
	}
	if res.Total != 19 {
		t.Errorf("search lithium after SIGKILL: %d articles, want the 19 acknowledged", res.Total)
	}
	for i := 1; i < 20; i++ {
		if _, err := x.Get(context.Background(), fmt.Sprintf("k%d", i)); err != nil {
			t.Errorf("Get(k%d) after SIGKILL: %v", i, err)
		}
	}
	if ok, _ := x.Has("k0"); ok {
		t.Errorf("k0, deleted with acknowledgement, is back after SIGKILL")
	}
}

func testKillDuringBulk(t *testing.T, bin string) {
	dir := filepath.Join(t.TempDir(), "bulk.idx")
	cmd, base := mustStartSearchd(t, bin, dir)

	pr, pw := io.Pipe()
	req, _ := http.NewRequest(http.MethodPost, base+"/api/articles", pr)
	req.Header.Set("Authorization", "Bearer "+testToken)
	req.Header.Set("Content-Type", "application/x-ndjson")
	go func() {
		// Whole batches first, then lines that keep coming until the kill.
		io.WriteString(pw, jsonlArticles("bk", "cobalt", 0, 2*bulkBatch))
		for i := 2 * bulkBatch; ; i++ {
			if _, err := io.WriteString(pw, jsonlArticles("bk", "cobalt", i, 1)); err != nil {
				return
			}
			time.Sleep(time.Millisecond)
		}
	}()
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	acked := map[string]bool{}
	answers := bufio.NewScanner(resp.Body)
	answers.Buffer(nil, 1<<20)
	for batches := 0; batches < 4 && answers.Scan(); batches++ {
		var bl bulkLine
		if err := json.Unmarshal(answers.Bytes(), &bl); err != nil {
			t.Fatalf("answer line %q: %v", answers.Text(), err)
		}
		for _, id := range bl.IDs {
			acked[id] = true
		}
	}
	mustKill(t, cmd)
	pw.CloseWithError(io.ErrClosedPipe)
	resp.Body.Close()
	if len(acked) < 2*bulkBatch {
		t.Fatalf("only %d articles acknowledged before the kill, want at least %d", len(acked), 2*bulkBatch)
	}

	x, err := search.Open(dir)
	if err != nil {
		t.Fatalf("Open after SIGKILL in a bulk write: %v", err)
	}
	defer x.Close()
	missing := 0
	for id := range acked {
		if ok, err := x.Has(id); !ok || err != nil {
			missing++
		}
	}
	n, _ := x.Count()
	res, err := x.Search(context.Background(), search.Request{Query: "cobalt", Size: 1})
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("%d articles acknowledged before SIGKILL; the index holds %d, search finds %d", len(acked), n, res.Total)
	if missing > 0 || res.Total < uint64(len(acked)) {
		t.Errorf("after SIGKILL: %d of %d acknowledged articles missing, search finds %d", missing, len(acked), res.Total)
	}
}
