package main

import (
	"bufio"
	"flag"
	"fmt"
	"math/rand/v2"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"dateline/corpus"
	"dateline/internal/shareddata"
	"dateline/search"
)

// update rewrites testdata/hostile-queries.txt from hostileQueries.
var update = flag.Bool("update", false, "rewrite the saved hostile query corpus")

const hostileCorpus = "testdata/hostile-queries.txt"

// hostileForms are the expensive and malformed forms a search engine on a
// network is fed: wildcards and regular expressions, fuzzy long words,
// huge OR lists, deep parentheses, odd syntax, long and binary input.
var hostileForms = []string{
	"*a*b*c*", "*", "**", "a*", "*tion", "/.*.*.*x/", "/[a-z]+/", "/(a|b)*c/",
	"supercalifragilisticexpialidocious~2", "internationalization~5", "oil~", "o~",
	`"`, `""`, `"unclosed phrase`, "(", ")", "((((", "))))", "AND", "OR", "NOT", "AND OR NOT",
	"a:b", "title:", "speaker:", "region:\"", "quote:(", "published:>=9999-99-99", "published:2025-13",
	"published:>=", "published:<2025-04-01 published:>2025-05-01", "+", "-", "+-+-", "--oil", "++oil",
	"covid-19", "F-16", "2024-25", "U.S.", "\x00", "\xff\xfe", "🙂🙂🙂", "ж(ж)ж", "<script>alert(1)</script>",
	"' OR 1=1 --", "${jndi:ldap://x}", "%00", "\\", "\\\\\"", "~~~", "^2", "oil^1000000",
}

// hostileQueries generates n queries from the forms, recombined with
// words and operators, deeply nested and very long ones among them.
func hostileQueries(n int) []string {
	rng := rand.New(rand.NewPCG(9, 21))
	words := []string{"oil", "prices", "bank", "grain", "talks", "crude", "dollar", "yen", "reagan", "opec", "wheat", "trade", "kiev", "zelenskiy"}
	ops := []string{" AND ", " OR ", " NOT ", " ", " +", " -", " (", ") ", "*", "~", `"`, ":", "^"}
	out := slices.Clone(hostileForms)
	out = append(out,
		strings.Repeat("(", 1000)+"oil"+strings.Repeat(")", 1000),
		strings.Repeat("oil OR ", 2000)+"oil",
		strings.Repeat("a*b*", 500),
		strings.Repeat("x", search.MaxQueryLength),
		strings.Repeat("ж", search.MaxQueryLength),
	)
	for len(out) < n {
		var b strings.Builder
		for range 1 + rng.IntN(12) {
			switch rng.IntN(5) {
			case 0:
				b.WriteString(hostileForms[rng.IntN(len(hostileForms))])
			case 1:
				b.WriteString(ops[rng.IntN(len(ops))])
			case 2:
				for range 1 + rng.IntN(6) {
					b.WriteByte(byte(rng.IntN(256)))
				}
			default:
				b.WriteString(words[rng.IntN(len(words))])
			}
		}
		q := strings.ReplaceAll(b.String(), "\n", " ")
		q = strings.ReplaceAll(q, "\r", " ")
		out = append(out, q)
	}
	return out
}

// readHostileCorpus reads the saved queries, one a line, escaped with %q
// so that any byte survives the file.
func readHostileCorpus(tb testing.TB) []string {
	tb.Helper()
	f, err := os.Open(hostileCorpus)
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	var qs []string
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 0, 1<<20), 1<<20)
	for sc.Scan() {
		var q string
		if _, err := fmt.Sscanf(sc.Text(), "%q", &q); err != nil {
			tb.Fatalf("%s: %v", hostileCorpus, err)
		}
		qs = append(qs, q)
	}
	return qs
}

// reutersIndex builds a real index of Reuters-21578 in a temporary
// directory, skipping where the shared data is absent.
func reutersIndex(tb testing.TB) *search.Index {
	tb.Helper()
	files, _ := filepath.Glob(filepath.Join(shareddata.Path(tb, "data", "reuters21578"), "reut2-*.sgm"))
	if len(files) == 0 {
		tb.Skip("shared data absent: no Reuters-21578 to search")
	}
	x, err := search.Create(filepath.Join(tb.TempDir(), "reuters.idx"))
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { x.Close() })
	var mu sync.Mutex
	var wg sync.WaitGroup
	var firstErr error
	for _, f := range files {
		wg.Go(func() {
			arts, _ := corpus.ReadFile(f)
			for i := range arts {
				corpus.Enrich(&arts[i])
			}
			mu.Lock()
			defer mu.Unlock()
			if err := x.Put(arts); err != nil && firstErr == nil {
				firstErr = err
			}
		})
	}
	wg.Wait()
	if firstErr != nil {
		tb.Fatal(firstErr)
	}
	return x
}

// TestHostileQueries replays the saved corpus of hostile and random
// queries against a real Reuters index: none may answer 5xx, every answer
// is 200 or 400, and the slowest stays within the time budget.
func TestHostileQueries(t *testing.T) {
	if *update {
		var b strings.Builder
		for _, q := range hostileQueries(10000) {
			fmt.Fprintf(&b, "%q\n", q)
		}
		if err := os.WriteFile(hostileCorpus, []byte(b.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	qs := readHostileCorpus(t)
	if len(qs) < 10000 {
		t.Fatalf("%s holds %d queries, want at least 10,000", hostileCorpus, len(qs))
	}
	if testing.Short() || raceEnabled {
		qs = qs[:500]
	}
	_, ts := mustServerWith(t, config{}, reutersIndex(t))
	// The first search reads the index's statistics and builds its facet
	// tables; it is not a hostile query's cost.
	if resp, err := http.Get(ts.URL + "/api/search?q=oil"); err == nil {
		resp.Body.Close()
	}
	type timed struct {
		q   string
		lat time.Duration
	}
	var lat []time.Duration
	var slowest []timed
	statuses := map[int]int{}
	for i, q := range qs {
		// Every query as typed; a tenth of them also sorted by date on a
		// later page, and filtered by region and dates.
		extras := []string{""}
		if i%10 == 0 {
			extras = append(extras, "&sort=date&page=3", "&region=usa&from=1987-03-01&to=1987-03-31")
		}
		for _, extra := range extras {
			start := time.Now()
			resp, err := http.Get(ts.URL + "/api/search?q=" + url.QueryEscape(q) + extra)
			if err != nil {
				t.Fatalf("GET %.60q: %v", q, err)
			}
			resp.Body.Close()
			lat = append(lat, time.Since(start))
			slowest = append(slowest, timed{q + extra, lat[len(lat)-1]})
			statuses[resp.StatusCode]++
			if resp.StatusCode != 200 && resp.StatusCode != 400 {
				t.Errorf("GET /api/search?q=%.80q%s = %d, want 200 or 400", q, extra, resp.StatusCode)
			}
		}
	}
	slices.Sort(lat)
	slices.SortFunc(slowest, func(a, b timed) int { return int(b.lat - a.lat) })
	for _, s := range slowest[:min(5, len(slowest))] {
		t.Logf("slow: %s %.80q", s.lat.Round(time.Millisecond), s.q)
	}
	p := func(f float64) time.Duration { return lat[int(f*float64(len(lat)-1))] }
	t.Logf("%d hostile queries, %d requests: statuses %v; latency p50 %s p99 %s max %s",
		len(qs), len(lat), statuses, p(0.5).Round(time.Microsecond), p(0.99).Round(time.Microsecond), lat[len(lat)-1].Round(time.Microsecond))
}

// FuzzSearchQuery searches whatever the fuzzer makes of the hostile forms:
// the search package must answer it or name a bad parameter, never fail.
func FuzzSearchQuery(f *testing.F) {
	for _, q := range hostileForms {
		f.Add(q)
	}
	x := mustIndex(f)
	f.Fuzz(func(t *testing.T, q string) {
		_, err := x.Search(t.Context(), search.Request{Query: q})
		if err != nil && !isParamError(err) {
			t.Errorf("Search(%q): %v", q, err)
		}
	})
}

func isParamError(err error) bool {
	status, _ := classify(err)
	return status == http.StatusBadRequest
}
